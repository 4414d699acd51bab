/* emm_case_study learner view: draft, submit, self-assessment, try again, low-data images.
   The feedback panel is rendered on the server (escaped, author HTML sanitised) and sent only
   after the submit that earns it, and put in with EMM.setServerHtml (inert); learner text
   only ever goes in as text. Answers in progress are kept on the device (EMM.deviceDraft) until
   the server has them; after any failure the page re-reads the server's state ("state"). */
function EmmCaseStudy(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element).querySelector(".emm-case") || EMM.root(element);
  var form = root.querySelector(".emm-case-form");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var feedbackBox = root.querySelector("[data-feedback]");
  EMM.tableStops(root);  /* the feedback's tables at load, also where there is no form (emm-common.js) */
  EMM.enterSelects(root);  /* Enter selects an option, never sends (emm-forms.js) */
  var actions = root.querySelector("[data-form-actions]");
  var attemptsLine = root.querySelector("[data-attempts]");
  var LOW = "emm-low-data";
  var PAGE = "page";  /* asked of submit, self_assess, state: only what showFeedback reads (common/pipeline.py) */
  var shownSubmitted = !!args.submitted;
  /* the answers kept on this device until the server has them (emm-questions.js) */
  var drafts = EMM.questionDrafts(element, form, {
    key: args.draft_key, line: actions, keep: onDevice, fill: fillRest, refresh: refresh, saved: args.draft_saved,
    send: {
      submit: function (data, actionId) { submitAnswers(data.answers, actionId, data.profile); },
      save_draft: function (data, actionId) { saveDraft(data.answers, actionId, data.profile); }
    }
  });

  function collect() { return EMM.questionAnswers(root); }

  function profile() { return EMM.profile(root); }
  /* what the device keeps of the form: the answers, and the profile when the form asks it */
  function onDevice() { return {answers: collect(), profile: profile()}; }

  /* after the answers kept on the device are back in the form: the profile, the word counts */
  function fillRest(data) {
    if (typeof data.profile === "string") { EMM.fillProfile(root, data.profile); }
    form.querySelectorAll("textarea[data-min-words]").forEach(function (area) { countInto(area); });
  }

  /* the word counter keeps the rule in sight: "12 words (minimum 50)"; `typed`: going over the maximum is
     said once, as a text's character limit is (keyboard trial s39: a screen reader heard it only at Submit) */
  function countInto(area, typed) {
    var counter = area.parentNode.querySelector("[data-word-count]");
    if (!counter) { return; }
    var min = parseInt(area.getAttribute("data-min-words"), 10) || 0;
    var max = parseInt(area.getAttribute("data-max-words"), 10) || 0;
    var n = EMM.countWords(area.value), values = {n: EMM.count(n, root), min: EMM.count(min, root), max: EMM.count(max, root)};
    var text = EMM.ngettext("{n} word", "{n} words", n);
    if (min && max) { text = EMM.ngettext("{n} word (between {min} and {max})", "{n} words (between {min} and {max})", n); }
    else if (min) { text = EMM.ngettext("{n} word (minimum {min})", "{n} words (minimum {min})", n); }
    else if (max) { text = EMM.ngettext("{n} word (at most {max})", "{n} words (at most {max})", n); }
    counter.textContent = EMM.format(text, values);
    var over = Boolean(max && n > max), said = EMM.format(EMM.ngettext("This answer is too long ({max} word at most).", "This answer is too long ({max} words at most).", max), values);
    counter.classList.toggle("emm-over", over);
    if (typed && over && !area.emmWordsOver) { tell(said); }
    area.emmWordsOver = over;
    var stillOver = Array.prototype.some.call(form.querySelectorAll("textarea[data-max-words]"), function (a) { return a.emmWordsOver; });
    if (!over && !stillOver && status.textContent === said) { hush(); }
  }


  function setLocked(locked) {
    root.querySelectorAll(".emm-case-form input, .emm-case-form textarea").forEach(function (i) { i.disabled = locked; });
    if (actions) { actions.hidden = locked; }
  }

  /* `closed`: past the due date, no count (the page's notice says why: case_study/feedback.py), the one written before
     it taken away */
  function showAttempts(left, closed) {
    if (!attemptsLine) { return; }
    if (closed) { EMM.clear(attemptsLine); return; }
    if (left !== null && left !== undefined) {
      attemptsLine.textContent = EMM.format(EMM.ngettext("{n} attempt left", "{n} attempts left", left), {n: EMM.count(left, root)});
    }
  }

  /* the page's one message (another goes: only the current one shows); tone: the server's, a score
     below full marks never looks like a success (common/attempts.py score_tone) */
  function tell(text, tone, unseen) {
    if (tone) { status.setAttribute("data-tone", tone); } else { status.removeAttribute("data-tone"); }
    if (!unseen) { EMM.say(status, text); return; }
    /* `unseen`: said after `text` to screen readers only (each question's verdict: the panel below
       shows them, a second list of them above it was noise on a phone: learner trial s37) */
    EMM.say(status, "");  /* emptied and shown; the whole news set at once a moment later, as EMM.say does */
    window.setTimeout(function () {
      status.replaceChildren(document.createTextNode(text), EMM.el("span", {class: "emm-sr", text: " " + unseen}));
    }, 30);
  }
  function hush() { status.removeAttribute("data-tone"); EMM.clear(status); }

  function showFeedback(body) {
    /* the feedback panel, written and escaped on the server: case_study/views.py shown_feedback, feedback_html.py */
    shownSubmitted = true;
    var kept = root.querySelector("[data-draft-kept]");  /* "Your saved answers are in the form": sent now */
    if (kept) { kept.remove(); }
    EMM.setServerHtml(feedbackBox, body.html);
    showAttempts(body.attempts_left, body.closed);
    /* the score and each question's verdict, read out (the verdicts not shown twice); focus goes to
       the feedback's heading to read on */
    var said = body.announcement || body.message || "", score = body.message || "";
    var rest = score && said.indexOf(score) === 0 ? said.slice(score.length).trim() : "";
    tell(rest ? score : said, body.tone, rest);
    (feedbackBox.querySelector("[data-focus]") || feedbackBox).focus();
  }

  /* what the server's panel says as the server wrote it: its words, its boxes' written ticks (not those the learner
     made since), less what the page put in it (a question asked, "Sending…") */
  function written(box) {
    var copy = box.cloneNode(true);
    copy.querySelectorAll(".emm-ask, .emm-sending").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim() + Array.prototype.map.call(copy.querySelectorAll("input"), function (i) {
      return "|" + i.value + (i.hasAttribute("checked") ? "+" : "") + (i.hasAttribute("disabled") ? "!" : "");
    }).join("");
  }
  function drawnAs(html) {
    var box = document.createElement("div");
    box.appendChild(EMM.serverFragment(html));
    return written(box) === written(feedbackBox);
  }
  var answered = 0;  /* actions answered: a state read sent before one of them is out of date (as the role-play's) */

  /* After any failure, the server's state: a submit whose reply was lost shows its feedback (and
     the attempts left), a "Try again" whose reply was lost opens the form; the answers in the
     form stay as they are. Offline, the page stays as it is until the link is back. The panel shown, the same
     as the server's: left as it is (bug hunt s44: each `online` drew it anew, the key points ticked for the
     self-assessment unticked, an open question gone, the page back at its heading) */
  function refresh(err) {
    var asked = answered;
    EMM.whileReading(element, EMM.post(runtime, element, "state", {reply: PAGE})).then(function (body) {
      if (asked !== answered) { return; }
      if (body.submitted && shownSubmitted && drawnAs(body.html)) { showAttempts(body.attempts_left, body.closed); return; }
      if (body.submitted) {
        /* the due date passed while the form was open: the last attempt's results come back (case_study/learner.py
           standing), the answers refused are said not to have gone, and forgotten; else the refusal stays said */
        if (err && err.error === EMM.CODES.PAST_DUE) { drafts.lapse(alertBox); }
        else if (!drafts.settle(err, alertBox)) { EMM.clear(alertBox, true); }
        EMM.markQuestions(root, []);
        setLocked(true);
        showFeedback(body);
      } else {
        if (shownSubmitted) {  /* a "Try again" whose reply was lost: the form is open again */
          EMM.clear(alertBox, true);
          retried();
        } else if (EMM.writesClosed(err)) {
          /* nothing submitted and no write taken now (the due date passed while the form was open): the form closed,
             as the next page shows it, its answers on the device said not to have gone and forgotten (decision 93) */
          if (err.error === EMM.CODES.PAST_DUE) { drafts.lapse(alertBox); }
          setLocked(true);
        }
        showAttempts(body.attempts_left, body.closed);
      }
    }, function () { /* no link: the link's return re-reads it */ });
  }

  function run(handler, data, button, done, actionId) {
    return EMM.action(runtime, element, handler, data, {
      button: button,
      alert: alertBox,
      actionId: actionId,
      hold: handler === "submit" ? EMM.holdForm(form) : null,  /* the form shown after it is what went (emm-forms.js) */
      /* a draft tapped while a submit was on its way that then went: the submit carried the same answers (held) */
      moot: handler === "save_draft" ? function () { return shownSubmitted; } : null,
      onSuccess: function (body, meta) { answered += 1; done(body, meta); },
      onError: function (err, meta) {
        hush();  /* the error is said: an earlier "Draft saved." no longer holds */
        EMM.markRefusedAnswers(root, err);
        /* not sent, its reply lost or "send again": kept on the device with its id, sent later */
        if (handler === "submit" || handler === "save_draft") { drafts.failed(handler, data, err, meta, alertBox); }
      },
      refresh: refresh
    });
  }

  function submitAnswers(answers, actionId, who) {
    var data = {answers: answers, profile: typeof who === "string" ? who : profile(), reply: PAGE};
    return run("submit", data, root.querySelector("[data-submit]"), function (body) {
      drafts.sent();
      setLocked(true);
      showFeedback(body);
    }, actionId);
  }

  /* the draft on the server: the answers so far, and the profile when the form asks it */
  function saveDraft(answers, actionId, who) {
    var save = root.querySelector("[data-save]");
    var data = {answers: answers, profile: typeof who === "string" ? who : profile()};
    return run("save_draft", data, save, function (reply) {
      /* kept as a draft, not sent: the status below says "Draft saved."; the form stayed open meanwhile. Its reply
         is the handler's whole (no "reply: page"), with the draft's save time (decision 117) */
      drafts.sent("", {answers: data.answers, profile: data.profile}, reply.saved_at);
      tell(reply.message);
    }, actionId);
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();  /* tapped while the block sends (a draft on its way): it goes next (EMM.action) */
      hush();  /* a new try: what the last one said no longer holds */
      if (EMM.refuseOverLimit(form, alertBox)) { return; }
      var answers = EMM.completeAnswers(root, alertBox);
      if (!answers) { return; }
      submitAnswers(answers);
    });
    root.querySelector("[data-save]").addEventListener("click", function () {
      hush();
      if (EMM.refuseOverLimit(form, alertBox)) { return; }
      /* a submission waits (offline before): it goes now with these answers, never a draft instead
         (a draft saved would have cleared it from the device: review s37) */
      var waiting = (drafts.load() || {}).queued;
      if (waiting && waiting.handler === "submit") { drafts.keep(onDevice()); drafts.resend(); return; }
      saveDraft(collect());
    });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA" && event.target.hasAttribute("data-min-words")) { countInto(event.target, true); }
    });
    form.querySelectorAll("textarea[data-min-words]").forEach(function (area) { if (area.value.trim()) { countInto(area); } });

    EMM.ready(root);  /* before a resend: its busy button stays disabled */
    /* answers kept on this device: back into the form, unless the server has a submitted attempt; past the due
       date, with nothing submitted, said not to have gone and forgotten (emm-drafts.js `lapse`) */
    if (args.lapsed) { drafts.lapse(alertBox); } else { drafts.start(shownSubmitted); }
    EMM.watchLimits(form, status);  /* after the answers kept on the device are back: their counts */
  }

  feedbackBox.addEventListener("click", function (event) {
    var target = event.target;
    if (target.hasAttribute("data-assess")) {
      /* the ticks as they are when it is saved (the question below is no dialog: the learner may
         tick more before answering it: review s37) */
      var ticked = function () {
        var ticks = {}, none = false;
        feedbackBox.querySelectorAll("[data-key-points]").forEach(function (fs) {
          ticks[fs.getAttribute("data-key-points")] = Array.prototype.map.call(
            fs.querySelectorAll("input:checked"), function (i) { return i.value; });
          none = none || ticks[fs.getAttribute("data-key-points")].length === 0;
        });
        return {ticks: ticks, none: none};
      };
      var asked = feedbackBox.querySelector(".emm-ask");
      if (asked) { asked.remove(); }  /* pressed again: asked anew, if still needed */
      var save = function () { run("self_assess", {ticks: ticked().ticks, reply: PAGE}, target, showFeedback); };
      /* saved for good: an answer left with no key point ticked (a slip on a phone) is asked first */
      var sure = _("You ticked no key point for an answer: it will get 0 points, and a saved self-assessment cannot be changed. Save it anyway?");
      if (ticked().none) { EMM.ask(target, sure, save, {block: element, again: "[data-assess]"}); } else { save(); }
    } else if (target.hasAttribute("data-retry")) {
      /* the server words the question: which attempt counts, what a new one can cost */
      var question = target.getAttribute("data-confirm");
      var retry = function () { run("try_again", {}, target, retried); };
      if (question) { EMM.ask(target, question, retry, {block: element, again: "[data-retry]"}); } else { retry(); }
    }
  });
  /* "Try again" done (its reply come, or lost and the state read): the form open again with the last answers, the
     line under Submit no longer saying "Sent", the focus in the form (bug hunt s43: on the page's <body> after a
     lost reply) */
  function retried() {
    shownSubmitted = false;
    feedbackBox.replaceChildren();
    setLocked(false);
    drafts.drop();
    tell(_("Your previous answers are in the form: change them and submit again."));
    /* the first question: its answer chosen before, else its first control (its legend is read
       with it; a screen reader on an unchecked first option heard the answer gone: trial s35) */
    var question = root.querySelector("[data-question]");
    var first = question && (question.querySelector("input:checked") || question.querySelector("input, textarea"));
    if (first) { first.focus(); }
  }

  /* low-data mode (remembered on this device): images and links to large files wait for a tap */
  var lowData = root.querySelector("[data-low-data]");
  var low = false;
  try { low = window.localStorage.getItem(LOW) === "1"; } catch (e) { low = false; }

  /* a button's image: the case's own, in its figure; one of the author's text, named by the button (bug hunt s44:
     those loaded at every visit, whatever the switch said; case_study/page_html.py _images_held) */
  function imageOf(button) {
    var id = button.getAttribute("data-show-image");
    return id ? document.getElementById(id) : button.closest(".emm-case-image").querySelector("img");
  }
  function loadImage(button) {
    var img = imageOf(button);
    if (!img) { return null; }
    if (!img.getAttribute("src")) { img.setAttribute("src", img.getAttribute("data-src")); }
    img.hidden = false;
    button.hidden = true;
    return img;
  }
  function applyLowData() {
    root.querySelectorAll("[data-large]").forEach(function (link) {
      var button = link.parentNode.querySelector("[data-show-link]");
      if (button && !link.hasAttribute("data-shown")) { link.hidden = low; button.hidden = !low; }
    });
    if (!low) { root.querySelectorAll(".emm-case-body [data-show-image]").forEach(loadImage); }
  }
  if (lowData) {
    lowData.checked = low;
    lowData.addEventListener("change", function () {
      low = lowData.checked;
      try { window.localStorage.setItem(LOW, low ? "1" : "0"); } catch (e) { /* private mode */ }
      applyLowData();
    });
  }
  root.querySelectorAll(".emm-case-body [data-show-image]").forEach(function (button) {
    button.addEventListener("click", function () {
      var img = loadImage(button);
      if (!img) { return; }
      img.setAttribute("tabindex", "-1");
      img.focus();
    });
  });
  root.querySelectorAll("[data-show-link]").forEach(function (button) {
    button.addEventListener("click", function () {
      var link = button.parentNode.querySelector("[data-large]");
      link.setAttribute("data-shown", "");
      link.hidden = false;
      button.hidden = true;
      link.focus();
    });
  });
  applyLowData();

  /* documents: the viewer loads its excerpt when first opened (that request is also the
     tracking event); a link opens the file in a new tab and is tracked too */
  function opened(item, via) {
    return EMM.post(runtime, element, "document_opened",
      {index: parseInt(item.getAttribute("data-document"), 10), via: via});
  }
  root.querySelectorAll("[data-document]").forEach(function (item) {
    var viewer = item.querySelector("[data-viewer]"), text = item.querySelector("[data-doc-text]");
    var link = item.querySelector("[data-document-link]");
    if (link) {
      link.addEventListener("click", function () {
        opened(item, "link").catch(function () { /* tracking only: the document opens anyway */ });
      });
    }
    if (!viewer) { return; }
    var state = "";
    function load() {
      if (!viewer.open || state === "loading" || state === "done") { return; }
      state = "loading";
      text.setAttribute("aria-busy", "true");
      text.replaceChildren(EMM.el("p", {class: "emm-hint", text: _("Loading…")}));
      opened(item, "viewer").then(function (body) {
        /* the excerpt is author HTML sanitised on the server (nh3 allow-list) */
        EMM.setServerHtml(text, body.html);
        state = "done";
      }, function (err) {
        /* said where the document is, and announced as every failure of the page is; offline, in a document's words
           (the page's own spoke of answers, none sent), and the document loads when the link is back, the alert
           gone (bug hunt s43) */
        var offline = err.error === EMM.LOCAL_CODES.NETWORK;
        var message = offline ? _("No connection: the document will load when the connection is back.") : err.message;
        text.replaceChildren(EMM.el("p", {class: "emm-field-error", text: message}));
        EMM.say(alertBox, message);
        state = "";  /* closing and opening the viewer tries again */
        if (offline) { again(message); }
      }).then(function () { text.removeAttribute("aria-busy"); });
    }
    /* offline: once the link is back, the alert goes and the document loads; a phone says "online" before data
       flows (trial s37), so a load that fails then tries again a little later, less often each time */
    var wait = 2000;
    function again(message) {
      function retry() {
        if (alertBox.textContent === message) { EMM.clear(alertBox, true); }
        if (viewer.open) { load(); }
      }
      if (window.navigator.onLine === false) {
        wait = 2000;
        window.addEventListener("online", function () { window.setTimeout(retry, 300); }, {once: true});
      } else {
        window.setTimeout(retry, wait);
        wait = Math.min(2 * wait, 60000);
      }
    }
    viewer.addEventListener("toggle", load);
  });
}
