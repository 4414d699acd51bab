/* emm-xblocks shared helpers: translation, DOM building, handler calls, announcements.
   Plain JavaScript; learner text only ever reaches the page through textContent. */
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

  /* POST JSON to a handler. Resolves with the body; rejects with {error, message} that a
     person can read, also when the network fails or the server answers something else. */
  EMM.post = function (runtime, element, handler, data) {
    var url = runtime.handlerUrl(EMM.root(element), handler);
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": EMM.csrf()},
      body: JSON.stringify(data || {})
    }).then(function (response) {
      return response.json().catch(function () {
        return {error: "bad_response", message: EMM.gettext("The server sent an unexpected answer. Please try again.")};
      }).then(function (body) {
        if (response.ok) { return body; }
        if (!body || !body.message) {
          body = {error: "http_" + response.status, message: EMM.gettext("Something went wrong. Please try again.")};
        }
        return Promise.reject(body);
      });
    }, function () {
      return Promise.reject({error: "network", message: EMM.gettext("No connection: your answers are still on this page. Check your connection and try again.")});
    });
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

  global.EMM = EMM;
}(window));
