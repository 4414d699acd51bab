/* emm-xblocks shared helpers: translation, DOM building, handler calls, learner actions,
   announcements, server HTML. Plain JavaScript; learner text only ever reaches the page through
   textContent, and server HTML only through EMM.setServerHtml (parsed inert). */
(function (global) {
  "use strict";
  if (global.EMM) { return; }
  var EMM = {};

  /* Translations: the package's catalogues for the page's language (static/js/i18n/<lang>.js,
     and <lang>-studio.js for the editors) push {plural, strings} onto EmmXBlocksCatalogs; then
     a catalogue an operator pulled with atlas (the block's i18n_js_namespace, EmmXBlocksI18N);
     then the platform's gettext; then the English source. */
  function lookup(text) {
    var catalogs = global.EmmXBlocksCatalogs || [];
    for (var i = catalogs.length - 1; i >= 0; i -= 1) {
      if (Object.prototype.hasOwnProperty.call(catalogs[i].strings, text)) {
        return {value: catalogs[i].strings[text], plural: catalogs[i].plural};
      }
    }
    return null;
  }
  function fallback(name) {
    var ns = global.EmmXBlocksI18N;
    if (ns && typeof ns[name] === "function") { return ns[name]; }
    return typeof global[name] === "function" ? global[name] : null;
  }
  EMM.gettext = function (text) {
    var found = lookup(text);
    if (found) { return Array.isArray(found.value) ? found.value[0] : found.value; }
    var other = fallback("gettext");
    return other ? other(text) : text;
  };
  EMM.ngettext = function (one, many, n) {
    var found = lookup(one);
    if (found && Array.isArray(found.value)) { return found.value[found.plural(n)] || found.value[0]; }
    var other = fallback("ngettext");
    return other ? other(one, many, n) : (n === 1 ? one : many);
  };
  /* "Answered {done} of {total}" with {"done": 3, "total": 8} */
  EMM.format = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  };

  /* EMM.el("p", {class: "x", text: "..."}, [children]) */
  EMM.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === "text") { node.textContent = value; }
      else if (key === "class") { node.className = value; }
      else { node.setAttribute(key, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  };

  EMM.root = function (element) {
    return element && element.jquery ? element[0] : element;
  };

  EMM.csrf = function () {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  };

  /* The error codes the JavaScript branches on, as the server sends them in {error, message}
     (common/errors.py HandlerError) or as a problem's code from the authors' checks. Compare
     `err.error === EMM.CODES.NOT_STARTED`, never a literal (ESLint refuses one);
     tests/unit/test_js_error_codes.py checks that the server really uses each of them. */
  EMM.CODES = Object.freeze({
    /* learner handlers */
    ALREADY_SUBMITTED: "already_submitted",
    NOT_STARTED: "not_started",
    ALREADY_ENDED: "already_ended",
    UNKNOWN_CHOICE: "unknown_choice",
    /* no write is taken now: staff view the course as a learner, or the due date has passed */
    READ_ONLY_MASQUERADE: "read_only_masquerade",
    PAST_DUE: "past_due",
    /* the editor: the change touches stored answers; "Save anyway" sends it with confirm */
    ANSWERS_TOUCHED: "answers_touched",
    /* authors' checks (role-play map marks) */
    UNREACHABLE: "unreachable",
    DEAD_END: "dead_end",
    LOOP_WITHOUT_ENDING: "loop_without_ending",
    UNKNOWN_TARGET: "unknown_target"
  });
  /* Codes the browser gives a failure that never reached a handler: the server never sends them. */
  EMM.LOCAL_CODES = Object.freeze({
    NETWORK: "network",
    BAD_RESPONSE: "bad_response",
    HTTP_ERROR: "http_error"
  });

  /* The request EMM.post sends: the handler's URL and fetch's options. */
  EMM.request = function (runtime, element, handler, data) {
    return {
      url: runtime.handlerUrl(EMM.root(element), handler),
      options: {
        method: "POST",
        credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": EMM.csrf()},
        body: JSON.stringify(data || {})
      }
    };
  };

  /* POST JSON to a handler. Resolves with the body; rejects with {error, message} that a
     person can read, also when the network fails or the server answers something else. */
  EMM.post = function (runtime, element, handler, data) {
    var req = EMM.request(runtime, element, handler, data);
    return EMM.fetch(req.url, req.options).then(function (response) {
      return response.json().catch(function () {
        return {error: EMM.LOCAL_CODES.BAD_RESPONSE, message: EMM.gettext("The server sent an unexpected answer. Please try again.")};
      }).then(function (body) {
        if (response.ok) { return body; }
        if (!body || typeof body.message !== "string" || !body.message) {
          body = {error: EMM.LOCAL_CODES.HTTP_ERROR, status: response.status,
            message: EMM.gettext("Something went wrong. Please try again.")};
        }
        return Promise.reject(body);
      });
    }, function () {
      return Promise.reject({error: EMM.LOCAL_CODES.NETWORK, message: EMM.gettext("No connection: your answers are still on this page. Check your connection and try again.")});
    });
  };
  /* the page's fetch, looked up at call time (a test can stand in for it) */
  EMM.fetch = function (url, options) { return global.fetch(url, options); };

  /* One learner action: send `data` to `handler` once at a time per block, show that it is busy,
     and on failure show and announce the server's (translated) message.
     opts: {button: the control that started it (disabled, aria-busy, and a visible "Sending…"
            beside it once the request is slow), busyText, alert: the region for the error
            (default: the block's [data-alert]), onSuccess(body), onError(err)}.
     Resolves with true (done), false (failed) or null (the block was already sending). The
     button is enabled again before onSuccess / onError, which may then hide or disable it. */
  var sending = new WeakSet();
  EMM.SLOW_MS = 500;
  EMM.isSending = function (element) { return sending.has(EMM.root(element)); };
  EMM.action = function (runtime, element, handler, data, opts) {
    opts = opts || {};
    var block = EMM.root(element);
    if (sending.has(block)) { return Promise.resolve(null); }
    sending.add(block);
    var button = opts.button || null;
    var alertBox = opts.alert !== undefined ? opts.alert : block.querySelector("[data-alert]");
    var sign = null, timer = null;
    EMM.clear(alertBox, true);
    if (button) {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      /* an empty live region first, its text later: screen readers hear "Sending…" too */
      sign = EMM.el("span", {class: "emm-sending", role: "status"});
      button.insertAdjacentElement("afterend", sign);
      timer = global.setTimeout(function () {
        sign.textContent = opts.busyText || EMM.gettext("Sending…");
      }, EMM.SLOW_MS);
    }
    function finish(closed) {
      sending.delete(block);
      global.clearTimeout(timer);
      if (sign) { sign.remove(); }
      if (button) { button.disabled = !!closed; button.removeAttribute("aria-busy"); }
    }
    return EMM.post(runtime, element, handler, data).then(function (body) {
      finish(false);
      if (opts.onSuccess) { opts.onSuccess(body); }
      return true;
    }, function (err) {
      err = err && typeof err.message === "string" ? err
        : {error: EMM.LOCAL_CODES.HTTP_ERROR, message: EMM.gettext("Something went wrong. Please try again.")};
      /* writing is closed (masquerade, due date): the button stays disabled beside the reason */
      finish(err.error === EMM.CODES.READ_ONLY_MASQUERADE || err.error === EMM.CODES.PAST_DUE);
      EMM.say(alertBox, err.message);
      if (opts.onError) { opts.onError(err); }
      return false;
    });
  };

  /* Server HTML (rendered from escaped templates, author HTML sanitised on the server) into the
     page, inert: parsed by DOMParser in a document of its own (no script runs there), scripts and
     on* attributes dropped as a second guard, and the nodes moved in. Never innerHTML on a live
     node; learner text never goes through here. */
  EMM.parseServerHtml = function (html) {
    var doc = new global.DOMParser().parseFromString("<!DOCTYPE html><body>" + (html || ""), "text/html");
    var body = doc.body;
    Array.prototype.slice.call(body.querySelectorAll("script")).forEach(function (s) { s.remove(); });
    Array.prototype.forEach.call(body.querySelectorAll("*"), function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attr) {
        if (/^on/i.test(attr.name)) { node.removeAttribute(attr.name); }
      });
    });
    var fragment = document.createDocumentFragment();
    while (body.firstChild) { fragment.appendChild(document.adoptNode(body.firstChild)); }
    return fragment;
  };
  EMM.setServerHtml = function (container, html) {
    container.replaceChildren(EMM.parseServerHtml(html));
    return container;
  };

  /* Show a message in a live region (role=status or role=alert) and, for alerts, unhide it. */
  EMM.say = function (region, message) {
    if (!region) { return; }
    region.textContent = "";
    if (region.hasAttribute("hidden")) { region.removeAttribute("hidden"); }
    /* a fresh text node makes screen readers announce a repeated message again */
    window.setTimeout(function () { region.textContent = message; }, 30);
  };
  EMM.clear = function (region, hide) {
    if (!region) { return; }
    region.textContent = "";
    if (hide) { region.setAttribute("hidden", ""); }
  };

  /* Length limits that never cut. A control carries its limit as data-max-chars (never maxlength:
     a browser cuts a paste at maxlength without a word). Beside it a counter says how many
     characters are left (a textarea always; a one-line field once it is 80% full), or how many
     are too many; going over marks the control aria-invalid and says so once in `region`; the text
     stays as typed and the block refuses to send it (EMM.overLimit), with a message. */
  EMM.NEAR_LIMIT = 0.8;
  var counted = 0;
  EMM.countChars = function (control) {
    var max = parseInt(control.getAttribute("data-max-chars"), 10);
    if (!max) { return; }
    var length = control.value.length, left = max - length;
    var counter = control.emmCounter;
    if (!counter) {
      counted += 1;
      counter = EMM.el("span", {class: "emm-counter", id: "emm-counter-" + counted});
      control.insertAdjacentElement("afterend", counter);
      control.setAttribute("aria-describedby",
        ((control.getAttribute("aria-describedby") || "") + " " + counter.id).trim());
      control.emmCounter = counter;
    }
    var over = left < 0;
    counter.hidden = !over && control.tagName !== "TEXTAREA" && length < max * EMM.NEAR_LIMIT;
    counter.textContent = over
      ? EMM.format(EMM.ngettext("{n} character too many (limit {max}): nothing was cut, shorten the text.",
        "{n} characters too many (limit {max}): nothing was cut, shorten the text.", -left), {n: -left, max: max})
      : EMM.format(EMM.ngettext("{n} character left", "{n} characters left", left), {n: left});
    counter.classList.toggle("emm-over", over);
    if (over) { control.setAttribute("aria-invalid", "true"); }
    else if (control.emmOver) { control.removeAttribute("aria-invalid"); }
    var crossed = over && !control.emmOver;
    control.emmOver = over;
    return crossed;
  };
  /* watch every [data-max-chars] control inside `scope` (now and added later); `region`: where
     going over is said (a live region) */
  EMM.watchLimits = function (scope, region) {
    Array.prototype.forEach.call(scope.querySelectorAll("[data-max-chars]"), EMM.countChars);
    scope.addEventListener("input", function (event) {
      var control = event.target;
      if (!control.hasAttribute || !control.hasAttribute("data-max-chars")) { return; }
      if (EMM.countChars(control) && region) { EMM.say(region, control.emmCounter.textContent); }
    });
    /* a control drawn after the first pass (an editor's row) is counted once it takes the focus */
    scope.addEventListener("focusin", function (event) {
      var control = event.target;
      if (control.hasAttribute && control.hasAttribute("data-max-chars") && !control.emmCounter) { EMM.countChars(control); }
    });
  };
  /* the first control of `scope` over its limit (null: none) */
  EMM.overLimit = function (scope) {
    return Array.prototype.filter.call(scope.querySelectorAll("[data-max-chars]"), function (control) {
      var max = parseInt(control.getAttribute("data-max-chars"), 10);
      return max && control.value.length > max && !control.disabled;
    })[0] || null;
  };
  /* refuse to send while a control is over its limit: say why in `region`, focus the control */
  EMM.refuseOverLimit = function (scope, region) {
    var control = EMM.overLimit(scope);
    if (!control) { return false; }
    EMM.countChars(control);
    EMM.say(region, EMM.format(EMM.gettext("Not sent: a text is longer than its limit of {max} characters. Nothing was cut: shorten it, then send again."),
      {max: control.getAttribute("data-max-chars")}));
    control.focus();
    return true;
  };

  global.EMM = EMM;
}(window));
