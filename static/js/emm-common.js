/* emm-xblocks shared helpers: translation, numbers, DOM building, handler calls, learner actions,
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
  /* The form CLDR gives n in the page's language, negative and decimal n too (see EMM.pluralN). */
  EMM.ngettext = function (one, many, n) {
    n = EMM.pluralN(n);
    var found = lookup(one);
    if (found && Array.isArray(found.value)) { return found.value[found.plural(n)] || found.value[0]; }
    var other = fallback("ngettext");
    return other ? other(one, many, n) : (n === 1 ? one : many);
  };

  /* Numbers per locale, from CLDR through Intl (the server's twin: common/numbers.py). The locale
     is the block's lang attribute (the language the server rendered it in), else the page's. */
  EMM.locale = function (element) {
    var node = EMM.root(element) || document.querySelector(".emm[lang]");
    var host = node && node.closest ? node.closest("[lang]") : null;
    var tag = (host && host.getAttribute("lang")) || document.documentElement.lang || "en";
    try { return Intl.getCanonicalLocales(tag)[0] || "en"; } catch (e) { return "en"; }
  };
  var formats = {};
  /* Latin digits, as Babel writes them on the server (it has no other digits): "ar-EG" would
     otherwise read "١٢" in the browser and "12" in the server's HTML on the same page */
  function formatter(locale, options) {
    options = Object.assign({numberingSystem: "latn"}, options);
    var key = locale + JSON.stringify(options);
    if (!formats[key]) { formats[key] = new Intl.NumberFormat(locale, options); }
    return formats[key];
  }
  /* 3.8333 -> "3,83" in French (at most `digits` decimals, default 2; no trailing zeros) */
  EMM.number = function (value, locale, digits) {
    return formatter(locale || EMM.locale(), {maximumFractionDigits: digits === undefined ? 2 : digits})
      .format(value);
  };
  /* a count (a whole number) in the language of element's block: 12345 -> "12 345" in French */
  EMM.count = function (n, element) {
    return EMM.number(n, EMM.locale(element), 0);
  };
  /* a value given in percent: 16.67 -> "16,7 %" in French, "16.7%" in English (default 1 decimal) */
  EMM.percent = function (value, locale, digits) {
    return formatter(locale || EMM.locale(), {style: "percent", maximumFractionDigits: digits === undefined ? 1 : digits})
      .format(value / 100);
  };
  /* The whole number to give a gettext plural formula so that it picks CLDR's form for n: |n|
     when whole (CLDR reads -2 as 2), else the smallest whole number of n's category (1.5 is
     "one" in French: 0, "other" in English: 0). */
  EMM.pluralN = function (n, locale) {
    var abs = Math.abs(Number(n));
    if (!isFinite(abs)) { return 0; }
    if (Number.isInteger(abs)) { return abs; }
    var rules = new Intl.PluralRules(locale || EMM.locale());
    var category = rules.select(abs);
    for (var i = 0; i < 1000; i += 1) { if (rules.select(i) === category) { return i; } }
    return Math.round(abs);
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
    UNKNOWN_TARGET: "unknown_target",
    STRANDED: "stranded"
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

  /* Every learner action carries an id (`action_id`), made once per action and sent again,
     unchanged, when the same action is retried: the server remembers the ids of the learner's
     last actions and answers a repeated one as it answered the first (common/recovery.py), so a
     retry after a lost reply never submits twice nor says "already submitted". */
  EMM.newActionId = function () {
    var bytes = new Uint8Array(12), crypto = global.crypto;
    if (crypto && crypto.getRandomValues) { crypto.getRandomValues(bytes); }
    else { for (var i = 0; i < bytes.length; i += 1) { bytes[i] = Math.floor(Math.random() * 256); } }
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  };
  /* A failure after which nobody knows whether the server did the action: no answer at all, an
     answer that is not the server's JSON (a proxy's page), or a gateway's 5xx without a body. */
  EMM.isLost = function (err) {
    return !!err && (err.error === EMM.LOCAL_CODES.NETWORK || err.error === EMM.LOCAL_CODES.BAD_RESPONSE
      || err.error === EMM.LOCAL_CODES.HTTP_ERROR);
  };
  /* the id of the action `handler` would send now: the one still in doubt if the same data is
     sent again (a retry), else a new one */
  var pending = new WeakMap();
  function actionId(block, handler, data, given) {
    var mine = pending.get(block);
    if (!mine) { mine = {}; pending.set(block, mine); }
    var body = JSON.stringify(data || {}), last = mine[handler];
    var id = given || (last && last.body === body ? last.id : EMM.newActionId());
    mine[handler] = {id: id, body: body};
    return id;
  }
  function settled(block, handler) {
    var mine = pending.get(block);
    if (mine) { delete mine[handler]; }
  }

  /* One learner action: send `data` to `handler` once at a time per block, show that it is busy,
     and on failure show and announce the server's (translated) message.
     opts: {button: the control that started it (disabled, aria-busy, and a visible "Sending…"
            beside it once the request is slow), busyText, alert: the region for the error
            (default: the block's [data-alert]), actionId: the id to send (an action kept on the
            device across a reload; default: a new one, or the one of the same action still in
            doubt), onSuccess(body, meta), onError(err, meta), refresh(err, meta): re-read the
            server's state and show it, called after any failure}.
     meta: {actionId, lost: EMM.isLost(err)}. Resolves with true (done), false (failed) or null
     (the block was already sending). The button is enabled again before onSuccess / onError,
     which may then hide or disable it. */
  var sending = new WeakSet();
  EMM.SLOW_MS = 500;
  EMM.isSending = function (element) { return sending.has(EMM.root(element)); };
  EMM.action = function (runtime, element, handler, data, opts) {
    opts = opts || {};
    var block = EMM.root(element);
    if (sending.has(block)) { return Promise.resolve(null); }
    sending.add(block);
    var id = actionId(block, handler, data, opts.actionId);
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
    var sent = Object.assign({}, data || {}, {action_id: id});
    return EMM.post(runtime, element, handler, sent).then(function (body) {
      settled(block, handler);
      finish(false);
      if (opts.onSuccess) { opts.onSuccess(body, {actionId: id, lost: false}); }
      return true;
    }, function (err) {
      err = err && typeof err.message === "string" ? err
        : {error: EMM.LOCAL_CODES.HTTP_ERROR, message: EMM.gettext("Something went wrong. Please try again.")};
      var lost = EMM.isLost(err);
      /* the server answered: the action was refused, a new one gets a new id */
      if (!lost) { settled(block, handler); }
      /* writing is closed (masquerade, due date): the button stays disabled beside the reason */
      finish(err.error === EMM.CODES.READ_ONLY_MASQUERADE || err.error === EMM.CODES.PAST_DUE);
      EMM.say(alertBox, err.message);
      if (opts.onError) { opts.onError(err, {actionId: id, lost: lost}); }
      if (opts.refresh) { opts.refresh(err, {actionId: id, lost: lost}); }
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

  /* `fn` runs when the browser says the link is back */
  EMM.whenOnline = function (fn) { global.addEventListener("online", fn); };

  global.EMM = EMM;
}(window));
