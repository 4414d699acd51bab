/* emm_role_play learner view. The server renders every panel (current node and the labels of
   its available choices under opaque ids); this file only sends the learner's action, swaps the
   panel, moves focus to the new heading and announces it. After any failure (a choice whose reply
   was lost, a page out of date) and when the link comes back, it re-reads where the learner is;
   a retried choice carries its first id, so the server answers with the node it moved to. */
function EmmRolePlay(runtime, element) {
  "use strict";
  var EMM = window.EMM;
  var root = EMM.root(element).querySelector(".emm-role-play") || EMM.root(element);
  var panel = root.querySelector("[data-panel]");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");

  /* The panel is server-rendered, sanitised HTML, put in inert (EMM.setServerHtml); no learner
     text is ever parsed as HTML. The focus goes to what changed: after a choice, the consequence
     of that choice (it comes before the next step's heading); after any other action, the heading. */
  function show(body, chose) {
    EMM.setServerHtml(panel, body.html);
    var target = (chose && panel.querySelector(".emm-rp-consequence[data-focus]")) ||
      panel.querySelector("[data-focus]:not(.emm-rp-consequence)");
    if (target) { target.focus(); }
    if (body.announcement) { EMM.say(status, body.announcement); }
  }

  /* where the learner is now. A refusal's message stays in the alert; after a lost reply the
     state shows what happened, and the link is back: the "no connection" message goes. A failed
     re-read (still no link) leaves the page as it is. */
  function refresh(err, meta) {
    EMM.post(runtime, element, "state", {}).then(function (body) {
      if (meta && meta.lost) { EMM.clear(alertBox, true); }
      show(body);
    }, function () {});
  }

  function send(handler, data, button) {
    EMM.action(runtime, element, handler, data, {
      button: button,
      alert: alertBox,
      onSuccess: function (body) { show(body, handler === "choose"); },
      refresh: refresh
    });
  }
  EMM.whenOnline(function () { if (!EMM.isSending(element)) { refresh(); } });

  root.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target || !panel.contains(target) || EMM.isSending(element)) { return; }
    if (target.hasAttribute("data-choice")) { send("choose", {choice: target.getAttribute("data-choice")}, target); }
    else if (target.hasAttribute("data-role")) {
      /* with the optional participant profile, when the scenario asks it ("": prefer not to say) */
      var picked = root.querySelector("[data-profile] input[type=radio]:checked");
      send("start", {role: target.getAttribute("data-role"), profile: picked ? picked.value : ""}, target);
    }
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
