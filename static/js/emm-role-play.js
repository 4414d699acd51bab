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

  var C = EMM.CODES;
  /* the page is out of date (another tab, or the author changed the scenario): reload the state */
  var STALE = [C.UNKNOWN_CHOICE, C.NOT_STARTED, C.ALREADY_ENDED];

  /* The panel is server-rendered, sanitised HTML, put in inert (EMM.setServerHtml); no learner
     text is ever parsed as HTML. The focus goes to what changed: after a choice, the consequence
     of that choice (it comes before the next step's heading); after any other action, the heading. */
  function show(body, chose) {
    EMM.setServerHtml(panel, body.html);
    var target = (chose && panel.querySelector(".emm-rp-consequence[data-focus]")) ||
      panel.querySelector("[data-focus]:not(.emm-rp-consequence)");
    if (target) { target.focus(); }
    if (body.announce) { EMM.say(status, body.announce); }
  }

  function send(handler, data, button) {
    EMM.action(runtime, element, handler, data, {
      button: button,
      alert: alertBox,
      onSuccess: function (body) { show(body, handler === "choose"); },
      onError: function (err) {
        if (STALE.indexOf(err.error) !== -1) {
          /* the message stays in the alert; a failed reload leaves the page as it is */
          EMM.post(runtime, element, "state", {}).then(function (body) { show(body, false); }, function () {});
        }
      }
    });
  }

  root.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target || !panel.contains(target) || EMM.isSending(element)) { return; }
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
