/* emm_role_play learner view. The server renders every panel (current node and the labels of
   its available choices under opaque ids); this file only sends the learner's action, swaps the
   panel, moves focus to the new heading and announces it. */
function EmmRolePlay(runtime, element) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element).querySelector(".emm-role-play") || EMM.root(element);
  var panel = root.querySelector("[data-panel]");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var busy = false;

  /* The panel is server-rendered, sanitised HTML. DOMParser builds it inert (no scripts run)
     and the nodes are moved in; no learner text is ever parsed as HTML. */
  function show(body) {
    var doc = new DOMParser().parseFromString("<div>" + body.html + "</div>", "text/html");
    var fresh = doc.body.firstChild;
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    while (fresh && fresh.firstChild) { panel.appendChild(document.importNode(fresh.firstChild, true)); fresh.removeChild(fresh.firstChild); }
    var heading = panel.querySelector("[data-focus]");
    if (heading) { heading.focus(); }
    if (body.announce) { EMM.say(status, body.announce); }
  }

  function send(handler, data, button) {
    if (busy) { return; }
    busy = true;
    EMM.clear(alertBox, true);
    if (button) { button.disabled = true; button.setAttribute("aria-busy", "true"); }
    EMM.post(runtime, element, handler, data).then(function (body) {
      busy = false;
      show(body);
    }, function (err) {
      busy = false;
      if (button) { button.disabled = false; button.removeAttribute("aria-busy"); }
      EMM.say(alertBox, (err && err.message) || _("Something went wrong. Please try again."));
      if (err && (err.error === "unknown_choice" || err.error === "not_started" || err.error === "already_ended")) {
        /* the page is out of date (another tab, or the author changed the scenario): reload the state */
        EMM.post(runtime, element, "state", {}).then(show, function () {});
      }
    });
  }

  root.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target || !panel.contains(target)) { return; }
    if (target.hasAttribute("data-choice")) { send("choose", {choice: target.getAttribute("data-choice")}, target); }
    else if (target.hasAttribute("data-role")) { send("start", {role: target.getAttribute("data-role")}, target); }
    else if (target.hasAttribute("data-back")) { send("back", {}, target); }
    else if (target.hasAttribute("data-restart")) {
      if (window.confirm(_("Start the scenario again? This uses one attempt."))) { send("restart", {}, target); }
    }
  });
}

/* Studio preview: nothing to wire (the structure and the problems are server-rendered). */
function EmmRolePlayAuthor() { "use strict"; }
