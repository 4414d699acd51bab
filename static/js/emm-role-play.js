/* emm_role_play learner view. The server renders every panel (current node and the labels of
   its available choices under opaque ids); this file only sends the learner's action, swaps the
   panel, moves focus to the new heading and announces it. */
function EmmRolePlay(runtime, element) {
  "use strict";
  var EMM = window.EMM;
  var root = EMM.root(element).querySelector(".emm-role-play") || EMM.root(element);
  var panel = root.querySelector("[data-panel]");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");

  var C = EMM.CODES;
  /* the page is out of date (another tab, or the author changed the scenario): reload the state */
  var STALE = [C.UNKNOWN_CHOICE, C.NOT_STARTED, C.ALREADY_ENDED];

  /* The panel is server-rendered, sanitised HTML, put in inert (EMM.setServerHtml); no learner
     text is ever parsed as HTML. */
  function show(body) {
    EMM.setServerHtml(panel, body.html);
    var heading = panel.querySelector("[data-focus]");
    if (heading) { heading.focus(); }
    if (body.announce) { EMM.say(status, body.announce); }
  }

  function send(handler, data, button) {
    EMM.action(runtime, element, handler, data, {
      button: button,
      alert: alertBox,
      onSuccess: show,
      onError: function (err) {
        if (STALE.indexOf(err.error) !== -1) {
          /* the message stays in the alert; a failed reload leaves the page as it is */
          EMM.post(runtime, element, "state", {}).then(show, function () {});
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
      /* the server words the question (which attempt counts, what a new one can cost); no question
         where starting again spends nothing (a step with no open choice) */
      var question = target.getAttribute("data-confirm");
      if (!question || window.confirm(question)) { send("restart", {}, target); }
    }
  });
}

/* Studio preview: nothing to wire (the structure and the problems are server-rendered). */
function EmmRolePlayAuthor() { "use strict"; }
