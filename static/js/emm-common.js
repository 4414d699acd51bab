/* emm-xblocks shared helpers, every page (docs/javascript.md) */
(function (global) {
  "use strict";
  if (global.EMM) { return; }
  var EMM = {};

  /* ours, then atlas's, the platform's, English */
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
  /* the form CLDR gives n (EMM.pluralN) */
  EMM.ngettext = function (one, many, n) {
    n = EMM.pluralN(n);
    var found = lookup(one);
    if (found && Array.isArray(found.value)) { return found.value[found.plural(n)] || found.value[0]; }
    var other = fallback("ngettext");
    return other ? other(one, many, n) : (n === 1 ? one : many);
  };

  /* the block's lang, else the page's */
  EMM.locale = function (element) {
    var node = EMM.root(element) || document.querySelector(".emm[lang]");
    var host = node && node.closest ? node.closest("[lang]") : null;
    var tag = (host && host.getAttribute("lang")) || document.documentElement.lang || "en";
    try { return Intl.getCanonicalLocales(tag)[0] || "en"; } catch (e) { return "en"; }
  };
  var formats = {};
  /* Latin digits, as Babel writes them on the server */
  function formatter(locale, options) {
    options = Object.assign({numberingSystem: "latn"}, options);
    var key = locale + JSON.stringify(options);
    if (!formats[key]) { formats[key] = new Intl.NumberFormat(locale, options); }
    return formats[key];
  }
  EMM.number = function (value, locale, digits) {
    return formatter(locale || EMM.locale(), {maximumFractionDigits: digits === undefined ? 2 : digits})
      .format(value);
  };
  EMM.count = function (n, element) {
    return EMM.number(n, EMM.locale(element), 0);
  };
  /* the whole number of n's CLDR plural form */
  EMM.pluralN = function (n, locale) {
    var abs = Math.abs(Number(n));
    if (!isFinite(abs)) { return 0; }
    if (Number.isInteger(abs)) { return abs; }
    var rules = new Intl.PluralRules(locale || EMM.locale());
    var category = rules.select(abs);
    for (var i = 0; i < 1000; i += 1) { if (rules.select(i) === category) { return i; } }
    return Math.round(abs);
  };
  /* "{done} of {total}", {done: 3, total: 8} */
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

  /* the optional participant profile question (common/question_views.py): the option picked, or
     "" (prefer not to say); and one put back (answers kept on the device) */
  EMM.profile = function (root) {
    var picked = root.querySelector("[data-profile] input[type=radio]:checked");
    return picked ? picked.value : "";
  };
  EMM.fillProfile = function (root, value) {
    root.querySelectorAll("[data-profile] input[type=radio]").forEach(function (input) { input.checked = input.value === value; });
  };
  EMM.root = function (element) {
    return element && element.jquery ? element[0] : element;
  };

  EMM.csrf = function () {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  };

  /* the codes learner pages branch on (the editors': EMM.EDITOR_CODES) */
  EMM.CODES = Object.freeze({
    ALREADY_SUBMITTED: "already_submitted",
    /* no write now: staff viewing as a learner, or past the due date */
    READ_ONLY_MASQUERADE: "read_only_masquerade", PAST_DUE: "past_due",
    /* an action id sent again with other data: the first data was kept (common/recovery.py) */
    ACTION_REUSED: "action_reused",
    SCALE_CHANGED: "scale_changed"  /* a Likert's answers given on a scale changed since (likert/learner.py) */
  });
  /* no write taken now (staff viewing as a learner, past the due date), whatever was sent: closed as the next page is */
  EMM.writesClosed = function (err) { return !!err && [EMM.CODES.READ_ONLY_MASQUERADE, EMM.CODES.PAST_DUE].includes(err.error); };
  /* no handler answered: nobody knows if it did the action */
  EMM.LOCAL_CODES = Object.freeze({
    NETWORK: "network",
    BAD_RESPONSE: "bad_response",
    HTTP_ERROR: "http_error",
    SIGNED_OUT: "signed_out"
  });

  EMM.request = function (runtime, element, handler, data) {
    return EMM.requestTo(runtime.handlerUrl(EMM.root(element), handler), data);
  };
  /* the same POST to a handler's address the page already holds (the live room's) */
  EMM.requestTo = function (url, data) {
    return {
      url: url,
      options: {
        method: "POST",
        credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": EMM.csrf()},
        body: JSON.stringify(data || {})
      }
    };
  };

  /* the body, or a rejection {error, message} */
  EMM.post = function (runtime, element, handler, data, giveUp) {
    return EMM.send(EMM.request(runtime, element, handler, data), giveUp);
  };
  /* `req` ({url, options}: EMM.request, EMM.requestTo) sent: the body, or a rejection {error, message} */
  /* a reply that is not a handler's JSON object: a network's sign-in or credit page (a 200), the
     platform's login or CSRF page (401, 403), a proxy's error page. Nobody knows if the action
     was done: kept, sent again with its id (common/recovery.py), never taken for a success. */
  function unreadable(response) {
    var C = EMM.LOCAL_CODES, status = response.status;
    if (status === 401 || status === 403) {
      return {error: C.SIGNED_OUT, status: status, message: EMM.gettext(
        "The course did not accept this: your session may have ended. Reload the page (sign in again if asked), then try again.")};
    }
    if (response.ok) {
      return {error: C.BAD_RESPONSE, status: status, message: EMM.gettext(
        "This may not have reached the course: the network answered with another page (a sign-in or credit page?). Nothing is lost: try again once the connection works.")};
    }
    if (status >= 500) {
      return {error: C.BAD_RESPONSE, status: status, message: EMM.format(EMM.gettext(
        "The course's server is not answering right now (error {status}). Nothing is lost: try again in a moment."),
      {status: status})};
    }
    return {error: C.BAD_RESPONSE, status: status, message: EMM.gettext("The server sent an unexpected answer. Please try again.")};
  }
  /* a request given up on when the browser goes offline, or by `giveUp` (given the function that does it: an action's
     bound, EMM.GIVE_UP_MS): a dead link leaves a fetch open for a quarter of an hour. Given up, it is lost: sent
     again with its id (decision 110) */
  var open = new Set(), CUT = {};
  global.addEventListener("offline", function () { open.forEach(function (stop) { stop(); }); });
  function bound(giveUp) {
    var ctl = global.AbortController ? new global.AbortController() : null, stop = null;
    var cut = new Promise(function (resolve, reject) { stop = function () { reject(CUT); if (ctl) { ctl.abort(); } }; });
    open.add(stop);
    if (giveUp) { giveUp(stop); }
    return {signal: ctl && ctl.signal, within: function (p) { return Promise.race([p, cut]); },
      end: function () { open.delete(stop); }};
  }
  EMM.send = function (req, giveUp) {
    var gate = bound(giveUp), options = gate.signal ? Object.assign({}, req.options, {signal: gate.signal}) : req.options;
    var lost = function () {
      return Promise.reject({error: EMM.LOCAL_CODES.NETWORK, message: EMM.gettext("No connection: your answers are still on this page. Check your connection and try again.")});
    };
    return gate.within(EMM.fetch(req.url, options)).then(function (response) {
      return gate.within(response.json()).then(function (body) {
        var object = !!body && typeof body === "object" && !Array.isArray(body);
        if (response.ok) { return object ? body : Promise.reject(unreadable(response)); }
        if (!object || typeof body.message !== "string" || !body.message) {
          body = {error: EMM.LOCAL_CODES.HTTP_ERROR, status: response.status,
            message: EMM.gettext("Something went wrong. Please try again.")};
        }
        return Promise.reject(body);
      }, function (e) { return e === CUT ? lost() : Promise.reject(unreadable(response)); });
    }, lost).then(function (body) { gate.end(); return body; }, function (err) { gate.end(); throw err; });
  };
  /* looked up at call time (tests) */
  EMM.fetch = function (url, options) { return global.fetch(url, options); };

  /* an action's id, sent again on a retry (common/recovery.py) */
  EMM.newActionId = function () {
    var bytes = new Uint8Array(12), crypto = global.crypto;
    if (crypto && crypto.getRandomValues) { crypto.getRandomValues(bytes); }
    else { for (var i = 0; i < bytes.length; i += 1) { bytes[i] = Math.floor(Math.random() * 256); } }
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  };
  EMM.isLost = function (err) {
    return !!err && Object.values(EMM.LOCAL_CODES).includes(err.error);
  };
  /* refusals that may pass later (common/codes.py AGAIN) */
  EMM.AGAIN = ["busy", "submit_conflict"];
  EMM.isFinal = function (err) { return !!err.error && !EMM.isLost(err) && !EMM.AGAIN.includes(err.error); };
  /* server HTML, inert: scripts and on* dropped (put in a page by EMM.setServerHtml alone) */
  function inertFragment(html) {
    var doc = new global.DOMParser().parseFromString("<!DOCTYPE html><body>" + (html || ""), "text/html");
    var body = doc.body;
    body.querySelectorAll("script").forEach(function (s) { s.remove(); });
    body.querySelectorAll("*").forEach(function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attr) {
        if (/^on/i.test(attr.name)) { node.removeAttribute(attr.name); }
      });
    });
    var fragment = document.createDocumentFragment();
    while (body.firstChild) { fragment.appendChild(document.adoptNode(body.firstChild)); }
    return fragment;
  }
  /* the one way server HTML enters a page: `container`'s children replaced by it, made inert */
  EMM.serverFragment = inertFragment;  /* the same, not put in the page: a fragment to read (the role-play's) */
  EMM.setServerHtml = function (container, html) {
    container.replaceChildren(inertFragment(html));
    EMM.tableStops(container);
    return container;
  };

  /* A table's scrolling box (role=region, named; written with tabindex=0) is a tab stop, so that a keyboard can
     scroll it, only while what it holds is wider than it: a table that fits is not one more stop on the way
     (accessibility trial s35: seven in a case study's feedback). Watched as it or its table changes size (shown,
     turned, its fonts loaded); a hidden one is left as written until shown; without ResizeObserver, as written. */
  var WRAPS = ".emm-table-wrap[role=region], .emm-rp-split-wrap[role=region]";
  function stopIfScrolls(wrap) {
    if (!wrap.clientWidth) { return; }  /* hidden: as written until shown */
    if (wrap.scrollWidth > wrap.clientWidth) { wrap.setAttribute("tabindex", "0"); }
    /* the box with the focus keeps its stop until left (the page turned or widened under it): the focus stays */
    else if (wrap !== document.activeElement) { wrap.removeAttribute("tabindex"); }
  }
  var sized = global.ResizeObserver ? new global.ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var wrap = entry.target.closest(WRAPS);
      if (wrap) { stopIfScrolls(wrap); }
    });
  }) : null;
  EMM.tableStops = function (scope) {
    if (!sized) { return; }
    scope.querySelectorAll(WRAPS).forEach(function (wrap) {
      if (wrap.emmStops) { return; }
      wrap.emmStops = true;
      sized.observe(wrap);
      var table = wrap.querySelector("table");
      if (table) { sized.observe(table); }
      wrap.addEventListener("blur", function () { stopIfScrolls(wrap); });
    });
  };

  /* a message in a live region, unhidden */
  EMM.say = function (region, message) {
    if (!region) { return; }
    region.textContent = "";
    region.hidden = false;
    window.setTimeout(function () { region.textContent = message; }, 30);
  };
  EMM.clear = function (region, hide) {
    if (!region) { return; }
    region.textContent = "";
    if (hide) { region.hidden = true; }
  };

  /* root's [attr] fieldsets marked as said ({id: message}), the focus into the first; how many */
  EMM.mark = function (root, attr, said, focus) {
    var n = 0;
    root.querySelectorAll("[" + attr + "]").forEach(function (fs) {
      var slot = fs.querySelector("[data-error-for]"), text = said[fs.getAttribute(attr)] || "";
      fs.classList.toggle("emm-invalid", !!text);
      slot.textContent = text;
      slot.hidden = !text;
      /* its controls said invalid too (a text over its limit keeps its own mark, emm-forms.js), and
         described by the message first: a screen reader reads it at the focused control, not only
         at the group (accessibility trial s35, WCAG 3.3.1) */
      fs.querySelectorAll("input, textarea, select").forEach(function (c) {
        if (text) { c.setAttribute("aria-invalid", "true"); } else if (!c.emmOver) { c.removeAttribute("aria-invalid"); }
        var ids = (c.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== slot.id; });
        if (text) { ids.unshift(slot.id); }
        if (ids.length) { c.setAttribute("aria-describedby", ids.join(" ")); } else { c.removeAttribute("aria-describedby"); }
      });
      if (!text) { fs.removeAttribute("aria-describedby"); return; }
      fs.setAttribute("aria-describedby", slot.id);
      n += 1;
      if (focus && n === 1) { fs.querySelector("input, textarea").focus(); }
    });
    return n;
  };

  /* the block's script is ready (common/waiting.py) */
  EMM.ready = function (root) {
    root.querySelectorAll("[data-wait]").forEach(function (n) { n.removeAttribute("data-wait"); n.disabled = false; });
    EMM.tableStops(root);
  };

  global.EMM = EMM;
}(window));

/* Studio's preview of a block (its author_view: settings and problems, nothing to run; the
   editor is another script). Runtimes call an init with (runtime, element), and the workbench's
   picks the call by the function's arity: two. */
function EmmAuthorPreview(runtime, element) { "use strict"; return {runtime: runtime, element: element}; }
