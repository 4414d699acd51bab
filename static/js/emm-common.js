/* emm-xblocks shared helpers: translation, DOM building, handler calls, announcements.
   Plain JavaScript; learner text only ever reaches the page through textContent. */
(function (global) {
  "use strict";
  if (global.EMM) { return; }
  var EMM = {};

  EMM.gettext = function (text) {
    var cat = global.EmmXBlocksI18N;
    if (cat && typeof cat.gettext === "function") { return cat.gettext(text); }
    if (typeof global.gettext === "function") { return global.gettext(text); }
    return text;
  };
  EMM.ngettext = function (one, many, n) {
    var cat = global.EmmXBlocksI18N;
    if (cat && typeof cat.ngettext === "function") { return cat.ngettext(one, many, n); }
    if (typeof global.ngettext === "function") { return global.ngettext(one, many, n); }
    return n === 1 ? one : many;
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
