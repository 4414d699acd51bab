/* The live room (staff only): the "Present" button under a block opens a full-screen projection
   (a modal <dialog>) with the server's HTML (common/live_room.py, templates/common/present.html):
   a join screen with the QR code, then one decision, question or statement per screen.

   The open screen's figures are polled every POLL_MS with If-None-Match: the server answers
   304 with no body while nothing changed. Keys: → / PageDown next, ← / PageUp previous (a
   presentation remote sends these), R reveal (only where the item has right answers), Esc close
   (or, while "End session" asks for its confirmation, keeps the session open). "Go to" lists
   every screen, for a facilitator who skips ahead or goes back to one.

   A refused poll says the server's own words ({error, message}, translated there): a final
   refusal (EMM.isFinal: 403 viewing_as_learner once the facilitator views the course as a learner, 404,
   405...) stops the polling until the facilitator acts again (another screen, Reveal, a session
   started), where asking every POLL_MS would only hammer the server; what may pass (no network,
   an answer that is not the server's JSON, 5xx, 429) keeps polling, with the room's own line
   when the server said nothing a person can read.

   In the LMS the block is in an iframe as tall as the unit (frontend-app-learning's
   ContentIFrame.jsx: allowFullScreen, scrolling "no"), where 100vh is the unit's height, not the
   projector's: "Present" asks for the frame's document to fill the screen (the Fullscreen API,
   asked in the click, as browsers require) and the projection leaves it when it closes. Where a
   browser refuses (a phone), the dialog fills the frame as before (EMM.fullscreen,
   emm-fullscreen.js). In full screen the browser takes the first Esc to leave it: leaving full
   screen closes the projection, as Esc does.

   A projection opened after the last session ended shows none of its answers (yesterday's room,
   a rehearsal) until the facilitator starts a new session or asks for them ("Show the last
   session's answers"). Closing the projection while a session is open leaves a line under
   "Present" saying it still counts.

   Opening a session puts the focus on "Next", never on "End session": a facilitator who advances
   slides with Space must not end the session by habit. Ending asks first, in the page, with the
   focus on "Cancel"; "Start a new session" then says that the next one counts from zero.
   Every text comes from the server; numbers are formatted for the page's language. */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  var POLL_MS = 4000;
  if (EMM.Presenter) { return; } /* a second block on the page loads this file again */

  function Presenter(button, html) {
    this.button = button;
    this.pollUrl = button.getAttribute("data-poll-url");
    this.sessionUrl = button.getAttribute("data-session-url");
    this.dialog = EMM.el("dialog", {class: "emm-present-dialog"});
    EMM.setServerHtml(this.dialog, html);
    this.root = this.dialog.querySelector(".emm-present");
    /* each screen's name said as it comes (the focus stays on Next: accessibility trial s35) */
    this.said = this.root.appendChild(EMM.el("p", {class: "emm-sr", role: "status"}));
    this.dialog.setAttribute("aria-labelledby", this.root.querySelector(".emm-present-title").id);
    this.slides = Array.prototype.slice.call(this.root.querySelectorAll("[data-slide]"));
    this.lang = this.root.getAttribute("lang") || document.documentElement.lang || undefined;
    this.rtl = this.root.getAttribute("dir") === "rtl";
    this.tags = {};
    this.index = 0;
    this.revealed = false;
    this.timer = null;
    this.closed = false;
    /* opened on an ended session: its answers are another room's until asked for */
    this.earlier = this.root.getAttribute("data-state") === "ended";
    this.bind();
    document.body.appendChild(this.dialog);
    this.dialog.showModal();
    this.root.querySelector(".emm-present-title").focus();
    this.showState(this.root.getAttribute("data-state"));
    this.show(0);
  }

  Presenter.prototype.bind = function () {
    var self = this;
    this.root.addEventListener("click", function (event) {
      var control = event.target.closest("[data-act]");
      if (control) { self.act(control.getAttribute("data-act")); }
    });
    /* keys on the document: a click on the (modal) dialog's text leaves the focus on the body */
    /* "Go to": any screen at once (a role-play's decisions are many, in the author's order) */
    this.root.querySelector("[data-jump]").addEventListener("change", function (event) {
      self.show(Number(event.target.value) || 0);
    });
    this.onKey = function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      /* in the "Go to" list the arrows and letters choose in the list; Esc still closes */
      if (event.target.matches && event.target.matches("[data-jump]") && event.key !== "Escape") { return; }
      if (event.key === "Escape" && !self.confirmBox().hidden) {
        /* the confirmation's own "Cancel", not the projection's close */
        self.act("end-no");
        event.preventDefault();
        return;
      }
      var forward = self.rtl ? "ArrowLeft" : "ArrowRight";
      var backward = self.rtl ? "ArrowRight" : "ArrowLeft";
      if (event.key === forward || event.key === "PageDown") {
        self.act("next");
      } else if (event.key === backward || event.key === "PageUp") {
        self.act("prev");
      } else if (event.key === "r" || event.key === "R" || event.code === "KeyR") {  /* any layout: "ق" too */
        self.act("reveal");
      } else {
        return;
      }
      event.preventDefault();
    };
    document.addEventListener("keydown", this.onKey);
    /* Esc (the dialog's own cancel) and "Close" end the projection the same way */
    this.dialog.addEventListener("close", function () { self.close(); });
    /* full screen left (the browser's Esc): the projection closes too */
    this.onFullscreen = function () {
      if (!document.fullscreenElement && EMM.fullscreen.asked() && !self.closed) { self.dialog.close(); }
    };
    document.addEventListener("fullscreenchange", this.onFullscreen);
    this.onResize = function () { self.fit(); };
    global.addEventListener("resize", this.onResize);
  };

  Presenter.prototype.confirmBox = function () { return this.root.querySelector("[data-confirm]"); };

  Presenter.prototype.act = function (what) {
    if (what === "end") { this.confirmEnd(); return; }
    if (what === "end-no") { this.cancelEnd(); return; }
    if (!this.confirmBox().hidden) { this.hideConfirm(); } /* another step: the question is dropped */
    if (what === "end-yes") { what = "end"; }
    if (what === "next") { this.show(Math.min(this.index + 1, this.slides.length - 1)); }
    if (what === "prev") { this.show(Math.max(this.index - 1, 0)); }
    if (what === "reveal" && this.slides[this.index].hasAttribute("data-revealable")) {
      this.revealed = true;
      this.poll();
    }
    if (what === "show-earlier") { this.showEarlier(); }
    if (what === "start" || what === "end") { this.session(what); }
    if (what === "close") { this.dialog.close(); }
  };

  Presenter.prototype.show = function (index) {
    this.index = index;
    this.revealed = false;
    this.slides.forEach(function (slide, i) { slide.hidden = i !== index; });
    var slide = this.slides[index];
    Array.prototype.forEach.call(slide.querySelectorAll("[data-correct]"), function (mark) {
      mark.hidden = true;
      mark.parentNode.classList.remove("emm-present-is-correct");
    });
    this.root.querySelector("[data-act=reveal]").hidden = !slide.hasAttribute("data-revealable");
    /* each key's hint only where the key does something: R on a screen with something to reveal */
    this.root.querySelector("[data-keys=reveal]").hidden = !slide.hasAttribute("data-revealable");
    this.root.querySelector("[data-keys=plain]").hidden = slide.hasAttribute("data-revealable");
    var had = document.activeElement, prev = this.root.querySelector("[data-act=prev]");
    var next = this.root.querySelector("[data-act=next]");
    prev.disabled = index === 0; next.disabled = index === this.slides.length - 1;
    if (had && had.disabled && (had === prev || had === next)) { this.focusOr(had === prev ? next : prev); }
    this.root.querySelector("[data-jump]").value = String(index);
    var named = slide.querySelector(".emm-present-count") || slide.querySelector("h3");
    this.said.textContent = named ? named.textContent.trim() : "";
    this.fit();
    this.poll();
  };

  /* A refused request ({status, body}: the parsed JSON or null) as EMM.send rejects it, {error,
     message}, with its status; a body without a message a person can read is a local failure
     (EMM.LOCAL_CODES: the room's own line is shown) */
  function refusal(status, body) {
    var err = body && typeof body.message === "string" && body.message ? body
      : {error: EMM.LOCAL_CODES.HTTP_ERROR, message: ""};
    return Object.assign({}, err, {status: status});
  }
  /* not worth asking again: a handler's final refusal, unless the server is in trouble (5xx) or
     asks to slow down (429), which may pass */
  function stops(err) {
    return !!err && EMM.isFinal(err) && !(err.status >= 500 || err.status === 429);
  }
  /* what the room reads: the server's words, else (no answer, not the server's JSON) `fallback` */
  function said(err, fallback) {
    return err && !EMM.isLost(err) && typeof err.message === "string" && err.message ? err.message : fallback;
  }

  Presenter.prototype.url = function () {
    var item = this.slides[this.index].getAttribute("data-item");
    var query = item ? "item=" + encodeURIComponent(item) + (this.revealed ? "&reveal=1" : "") : "";
    return this.pollUrl + (this.pollUrl.indexOf("?") < 0 ? "?" : "&") + query;
  };

  /* one poll of the open screen now, then the next one POLL_MS later */
  Presenter.prototype.poll = function () {
    var self = this;
    global.clearTimeout(this.timer);
    if (this.closed) { return; }
    var url = this.url(), slide = this.slides[this.index];
    var headers = {};
    if (this.tags[url]) { headers["If-None-Match"] = this.tags[url]; }
    /* only the latest poll shows its answer and sets the next one (a screen changed while one was
       on its way: that one is out of date); none after a final refusal */
    var turn = this.turn = (this.turn || 0) + 1, again = true;
    var next = function () {
      if (!self.closed && again && turn === self.turn) {
        self.timer = global.setTimeout(function () { self.poll(); }, POLL_MS);
      }
    };
    if (document.hidden) { next(); return; }
    EMM.fetch(url, {method: "GET", credentials: "same-origin", cache: "no-store", headers: headers})
      .then(function (response) {
        if (response.status === 304) { return null; }
        if (!response.ok) {
          /* the server's {error, message} (a proxy's page or an empty body: none) */
          return response.json().catch(function () { return null; }).then(function (body) {
            return Promise.reject(refusal(response.status, body));
          });
        }
        var tag = response.headers.get("ETag");
        return response.json().then(function (body) {
          /* kept once its figures are drawn (below): a late reply's tag left its screen blank on 304s (hunt s43) */
          if (body && tag) { body.etag = tag; }
          return body;
        }, function () {
          return Promise.reject({error: EMM.LOCAL_CODES.BAD_RESPONSE, message: ""});
        });
      }, function () {
        return Promise.reject({error: EMM.LOCAL_CODES.NETWORK, message: ""});
      })
      .then(function (body) {
        if (turn !== self.turn) { return; }
        /* after a failure, a 304 too says the session's line again */
        var was = self.root.hasAttribute("data-failed");
        self.failed(false);
        if (body && slide === self.slides[self.index]) {
          self.update(slide, body);
          if (body.etag) { self.tags[url] = body.etag; }
        }
        if (body || was) { self.showState(body ? body.s : self.root.getAttribute("data-state")); }
      }, function (err) {
        if (turn !== self.turn) { return; }
        again = !stops(err);
        self.failed(true);
        self.status(said(err, self.root.getAttribute("data-text-error")));
      })
      .then(next);
  };

  /* the figures could not be updated: the "live" mark goes from the session's line */
  Presenter.prototype.failed = function (failed) {
    this.root.toggleAttribute("data-failed", failed);
  };

  Presenter.prototype.update = function (slide, body) {
    var number = new Intl.NumberFormat(this.lang, {numberingSystem: "latn"}); /* as the server's line (decision 28) */
    var percent = new Intl.NumberFormat(this.lang, {style: "percent", numberingSystem: "latn"});
    if (this.earlier && body.s === "ended") { body = {shown: false, t: "", r: []}; } /* not asked for */
    var correct = body.r || [];
    Array.prototype.forEach.call(slide.querySelectorAll(".emm-present-option"), function (row) {
      var i = Number(row.getAttribute("data-index"));
      var fill = row.querySelector("[data-fill]"), figure = row.querySelector("[data-figure]");
      /* an option counted apart ("Not applicable": p null) shows its count, outside the percentages */
      var share = body.shown ? body.p[i] : null;
      if (fill) { fill.style.inlineSize = share === null ? "0" : share + "%"; }
      if (!body.shown) {
        figure.textContent = "";
      } else if (share === null) {
        figure.textContent = number.format(body.c[i]);
      } else {
        figure.textContent = number.format(body.c[i]) + " · " + percent.format(share / 100);
      }
      var isCorrect = correct.indexOf(i) >= 0;
      row.querySelector("[data-correct]").hidden = !isCorrect;
      row.classList.toggle("emm-present-is-correct", isCorrect);
    });
    var total = slide.querySelector("[data-total]");
    if (total && total.textContent !== body.t) { total.textContent = body.t || ""; }
    if (slide === this.slides[this.index]) { this.fit(); }
  };

  /* Nothing of the open screen may need scrolling on the wall (nobody scrolls a projection): where
     it would (a long statement, the controls on two lines in French after a session ended, trial
     s33), the type is made smaller, a step at a time, down to FIT_MIN of its size. */
  var FIT_MIN = 0.7, FIT_STEP = 0.05;
  Presenter.prototype.fit = function () {
    var slide = this.slides[this.index], root = this.root, scale = 1;
    root.style.removeProperty("--emm-present-scale");
    while (slide.scrollHeight > slide.clientHeight + 1 && scale - FIT_STEP >= FIT_MIN - 1e-9) {
      scale -= FIT_STEP;
      root.style.setProperty("--emm-present-scale", scale.toFixed(2));
    }
  };

  Presenter.prototype.showState = function (state) {
    state = state === "open" || state === "ended" ? state : "none";
    if (state === "open") { this.earlier = false; } /* a session of this room (or another device's) */
    var hidden = state === "ended" && this.earlier;
    this.root.setAttribute("data-state", state);
    this.status(this.root.getAttribute("data-text-" + (hidden ? "earlier" : state)));
    this.root.querySelector("[data-act=show-earlier]").hidden = !hidden;
    /* "Start session", or after an ended one "Start a new session" */
    Array.prototype.forEach.call(this.root.querySelectorAll("[data-act=start]"), function (button) {
      button.hidden = button.getAttribute("data-when") !== state;
    });
    this.root.querySelector("[data-act=end]").hidden = state !== "open" || !this.confirmBox().hidden;
    if (state !== "open") { this.confirmBox().hidden = true; }
    this.fit();
  };

  /* the last session's answers, asked for: shown as any ended session's; the focus stays in the
     controls, on "Start a new session" */
  Presenter.prototype.showEarlier = function () {
    this.earlier = false;
    this.tags = {};
    this.showState(this.root.getAttribute("data-state"));
    this.root.querySelector("[data-act=start][data-when=ended]").focus();
    this.poll();
  };

  /* "End session" asks first; the focus goes to "Cancel", so a second Space keeps the session */
  Presenter.prototype.confirmEnd = function () {
    this.confirmBox().hidden = false;
    this.root.querySelector("[data-act=end]").hidden = true;
    this.fit();
    this.root.querySelector("[data-act=end-no]").focus();
  };

  Presenter.prototype.hideConfirm = function () {
    this.confirmBox().hidden = true;
    this.root.querySelector("[data-act=end]").hidden = this.root.getAttribute("data-state") !== "open";
    this.fit();
  };

  Presenter.prototype.cancelEnd = function () {
    this.hideConfirm();
    this.focusOr(this.root.querySelector("[data-act=end]"));
  };

  /* the focus on `control`, or on the title where it is hidden or disabled; a button disabled under
     the focus ("Next" on the last screen) dropped it on the body, deaf to Space (bug hunt s44) */
  Presenter.prototype.focusOr = function (control) {
    (control.hidden || control.disabled ? this.root.querySelector(".emm-present-title") : control).focus();
  };

  Presenter.prototype.status = function (text) {
    var box = this.root.querySelector("[data-status]");
    if (box.textContent !== text) { box.textContent = text; }
  };

  Presenter.prototype.session = function (action) {
    var self = this;
    /* one start or end at a time: a double click sent two starts, the second ending the first's (hunt s43) */
    if (this.sessionBusy) { return; }
    this.sessionBusy = true;
    EMM.send(EMM.requestTo(this.sessionUrl, {action: action})).then(function (body) {
      self.tags = {};
      self.showState(body.s);
      self.focusOr(self.root.querySelector("[data-act=next]")); /* the natural next step */
      self.poll();
    }, function (err) {
      /* the server's refusal in its words; no answer: "The session could not be started…" (not the figures'
         line), data-failed as a poll's failure: the next answered poll, a 304 too, says the session's line again */
      self.failed(true);
      self.status(said(err, self.root.getAttribute("data-text-" + action + "-error")));
    }).then(function () { self.sessionBusy = false; });
  };

  Presenter.prototype.close = function () {
    if (this.closed) { return; }
    this.closed = true;
    global.clearTimeout(this.timer);
    document.removeEventListener("keydown", this.onKey);
    document.removeEventListener("fullscreenchange", this.onFullscreen);
    global.removeEventListener("resize", this.onResize);
    EMM.fullscreen.leave();
    this.dialog.remove();
    /* a session left open goes on counting: the line under "Present" says so until the page is left */
    var hint = this.button.parentNode.querySelector(".emm-present-hint");
    var line = this.button.getAttribute(this.root.getAttribute("data-state") === "open" ? "data-hint-open" : "data-hint");
    if (hint && hint.textContent !== line) { hint.textContent = line; }  /* a live region: said only if it changed */
    this.button.disabled = false;
    this.button.focus();
  };

  function open(button) {
    button.disabled = true;
    EMM.fullscreen.enter();
    var url = button.getAttribute("data-screen-url");
    url += (url.indexOf("?") < 0 ? "?" : "&") + "page=" + encodeURIComponent(global.location.href);
    EMM.send({url: url, options: {method: "GET", credentials: "same-origin", cache: "no-store"}})
      .then(function (body) {
        return new Presenter(button, body.html);
      }, function (err) {
        button.disabled = false;
        EMM.fullscreen.leave();
        /* the server's refusal in its words (staff only...); no answer, or not the server's JSON:
           the generic line (EMM.send's "No connection: your answers..." is a learner's) */
        var note = button.parentNode.querySelector(".emm-present-hint");
        if (note) { note.textContent = said(err, EMM.gettext("Something went wrong. Please try again.")); }
      });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".emm-present-open");
    if (button && !button.disabled) { open(button); }
  });

  Presenter.refusal = refusal; /* pure, for tests/js/emm-present.test.js */
  Presenter.stops = stops;
  Presenter.said = said;
  EMM.Presenter = Presenter;
}(window));
