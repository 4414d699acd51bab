/* emm_role_play learner view. The server renders every panel (current node and the labels of
   its available choices under opaque ids); this file only sends the learner's action, swaps the
   panel, moves focus to the new heading and announces it. After any failure (a choice whose reply
   was lost, a page out of date) and when the link comes back, it re-reads where the learner is;
   a retried choice carries its first id, so the server answers with the node it moved to.

   A tap that could not reach the server (offline) or whose reply was lost waits on this page
   with its action id, and goes by itself when the browser says the link is back (done once:
   common/recovery.py). One waits at a time: a new tap is sent at once and, if it cannot leave
   either, takes the place of the one waiting (the learner's latest decision is the one they
   mean). It is kept in the page only, not on the device: a page opened again shows where the
   server has the learner, and a choice is one tap to make again there (decision 22). */
function EmmRolePlay(runtime, element) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element).querySelector(".emm-role-play") || EMM.root(element);
  var panel = root.querySelector("[data-panel]");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var ACTS = ["data-choice", "data-role", "data-back", "data-restart"];
  /* {handler, data, attr, value, label, id, at, tried}: the action waiting for the link, or null */
  var waiting = null;

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

  /* where the panel has the learner: a choice's id names the attempt, the step and the node;
     the step, and whether roles are offered, tell the rest apart */
  function where() {
    var choice = panel.querySelector("[data-choice]"), step = panel.querySelector("[data-step]");
    return [choice ? choice.getAttribute("data-choice") : "", step ? step.textContent : "",
      panel.querySelector("[data-role]") ? "roles" : ""].join("|");
  }

  /* the button of the waiting action on the panel shown now (its busy sign goes beside it) */
  function buttonOf(act) {
    return Array.prototype.find.call(panel.querySelectorAll("button[" + act.attr + "]"), function (b) {
      return b.getAttribute(act.attr) === act.value;
    }) || null;
  }

  function tellWaiting() {
    EMM.say(alertBox, EMM.format(_("No connection: your choice “{choice}” will be sent when the connection is back (keep this page open)."),
      {choice: waiting.label}));
  }

  /* Where the learner is now. A refusal's message stays in the alert. After a lost action: if
     the server has it (its reply was lost), the state shows it and the "no connection" message
     goes; if not, the link works now, so it is sent again at once (once: a server that keeps
     failing gets the learner's next tap, not a loop). A failed re-read (still no link) leaves the
     page as it is: the waiting action goes when the link is back, as the alert says. */
  function refresh(err, meta) {
    EMM.post(runtime, element, "state", {}).then(function (body) {
      show(body);
      if (!waiting) {
        if (meta && meta.lost) { EMM.clear(alertBox, true); }
      } else if (where() !== waiting.at) {
        waiting = null;
        EMM.clear(alertBox, true);
      } else if (EMM.isSending(element)) {
        /* on its way again already */
      } else if (!waiting.tried) {
        waiting.tried = true;
        resend();
      } else { waiting = null; }
    }, function () {
      if (waiting && err && err.error !== EMM.LOCAL_CODES.NETWORK) { tellWaiting(); }
    });
  }

  /* act: {handler, data, attr, value, label} of a tap, or the waiting action sent again (with
     its id and the place it was tapped at); a lost one becomes the one waiting */
  function send(act, button) {
    var at = where();
    EMM.action(runtime, element, act.handler, act.data, {
      button: button,
      alert: alertBox,
      actionId: act.id,
      onSuccess: function (body) {
        waiting = null;
        show(body, act.handler === "choose");
      },
      onError: function (err, meta) {
        waiting = null;
        if (!meta.lost) { return; }
        waiting = act;
        if (act.id !== meta.actionId) { act.id = meta.actionId; act.at = at; act.tried = false; }
        /* no link: say at once what happens to the choice (a re-read may take as long to fail) */
        if (err.error === EMM.LOCAL_CODES.NETWORK) { tellWaiting(); }
      },
      refresh: refresh
    });
  }

  /* the waiting action again, with its id */
  function resend() { send(waiting, buttonOf(waiting)); }

  function tap(handler, data, button) {
    var act = {handler: handler, data: data, label: button.textContent.trim()};
    ACTS.forEach(function (attr) {
      if (button.hasAttribute(attr)) { act.attr = attr; act.value = button.getAttribute(attr); }
    });
    send(act, button);
  }

  EMM.whenOnline(function () {
    if (EMM.isSending(element)) { return; }
    if (waiting) { resend(); } else { refresh(); }
  });

  root.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target || !panel.contains(target) || EMM.isSending(element)) { return; }
    if (target.hasAttribute("data-choice")) { tap("choose", {choice: target.getAttribute("data-choice")}, target); }
    else if (target.hasAttribute("data-role")) {
      /* with the optional participant profile, when the scenario asks it ("": prefer not to say) */
      var picked = root.querySelector("[data-profile] input[type=radio]:checked");
      tap("start", {role: target.getAttribute("data-role"), profile: picked ? picked.value : ""}, target);
    }
    else if (target.hasAttribute("data-back")) { tap("back", {}, target); }
    else if (target.hasAttribute("data-restart")) {
      /* the server words the question (which attempt counts, what a new one can cost); no question
         where starting again spends nothing (a step with no open choice) */
      var question = target.getAttribute("data-confirm");
      if (!question || window.confirm(question)) { tap("restart", {}, target); }
    }
  });
}

/* Studio preview: nothing to wire (the structure and the problems are server-rendered). */
function EmmRolePlayAuthor() { "use strict"; }
