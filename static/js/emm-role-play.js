/* emm_role_play learner view. The server renders every panel (current node and the labels of
   its available choices under opaque ids); this file only sends the learner's action, swaps the
   panel, moves focus to the new heading and announces it. After any failure (a choice whose reply
   was lost, a page out of date) and when the link comes back, it re-reads where the learner is;
   a retried choice carries its first id, so the server answers with the node it moved to.
   An action lost (offline, or its reply) waits with its id and goes when the link is back
   (done once: common/recovery.py); a new tap takes its place. In the page only: a page opened
   again shows where the server has the learner, one tap from the choice. */
function EmmRolePlay(runtime, element) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element).querySelector(".emm-role-play") || EMM.root(element);
  var panel = root.querySelector("[data-panel]");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var waiting = null;  /* {handler, data, attr, value, label, id, at, tried} */

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

  /* where the panel (or `box`, a panel's HTML not shown) has the learner (a choice's id names the attempt, step
     and node) */
  function where(box) {
    box = box || panel;
    var choice = box.querySelector("[data-choice]"), step = box.querySelector("[data-step]");
    return [choice && choice.getAttribute("data-choice"), step && step.textContent,
      !!box.querySelector("[data-role]")].join("|");
  }
  function whereIn(html) {
    var box = document.createElement("div");
    box.appendChild(EMM.serverFragment(html));
    return where(box);
  }
  var done = 0;  /* actions answered: a state read sent before one of them is out of date */

  function waitingText(label) {
    return EMM.format(_("No connection: your choice “{choice}” will be sent when the connection is back (keep this page open)."),
      {choice: label});
  }
  /* said once: a timed try that fails again leaves the alert as it is (EMM.action). `saying`: called from
     EMM.action's onError, where an alert shown and still empty is EMM.action saying its `offline` words
     (these, set 30 ms after it empties the alert): not said again, only shown */
  function tellWaiting(saying) {
    var text = waitingText(waiting.label), coming = saying && !alertBox.hidden && alertBox.textContent === "";
    if (alertBox.hidden || alertBox.textContent !== text) {
      if (!coming) { EMM.say(alertBox, text); }
      /* below the step: on a phone it was off the screen, and the tap seemed to do nothing (trial
         s37); once, as it is said, not at each timed try that fails again */
      window.setTimeout(function () { if (alertBox.scrollIntoView) { alertBox.scrollIntoView({block: "nearest"}); } }, 40);
    }
  }

  /* Where the learner is now. A refusal's message stays. After a lost action: the server has
     it (a lost reply), the alert goes; it has not and the link works, it goes again, once,
     then waits for the link. */
  function refresh(err, meta) {
    var sent = done;
    EMM.whileReading(element, EMM.post(runtime, element, "state", {})).then(function (body) {
      /* a choice answered since this read was sent: the read is out of date, and drawn it took the learner back a
         step. The link back with nothing waiting and nothing changed: the panel stays as it is (a profile ticked,
         the focus, an open question kept; bug hunt s43) */
      if (sent !== done) { return; }
      if (err || meta || waiting || whereIn(body.html) !== where()) { show(body); }
      if (!waiting) {
        if (meta && meta.lost) { EMM.clear(alertBox, true); }
      } else if (where() !== waiting.at) {
        /* the server did it (its reply was lost): the same tap again, later, is a new action (bug hunt hunt3: a
           choice taken again after going back went under the lost one's id, answered as its retry: swallowed) */
        EMM.settle(element, waiting.handler);
        waiting = null;
        EMM.clear(alertBox, true);
      } else if (EMM.isSending(element)) {
        /* on its way again already */
      } else if (!waiting.tried) {
        waiting.tried = true;
        resend();
      } else if (linkTrouble(err)) { tellWaiting(); }
    }, function () {
      if (waiting && err && err.error !== EMM.LOCAL_CODES.NETWORK && linkTrouble(err)) { tellWaiting(); }
    });
  }
  /* lost on the way (no link, a network's page): the waiting choice is said; a session that ended
     (reload) or a server in trouble keeps its own words (decision 74) */
  function linkTrouble(err) {
    return EMM.isLost(err) && err.error !== EMM.LOCAL_CODES.SIGNED_OUT && !(err.status >= 500);
  }

  function send(act, button) {
    var at = where();
    EMM.action(runtime, element, act.handler, act.data, {
      button: button,
      alert: alertBox,
      /* offline, these words at once, not the page's own first (keyboard trial s39: two alerts 2 ms apart) */
      offline: waitingText(act.label),
      actionId: act.id,
      onSuccess: function (body) {
        waiting = null;
        done += 1;
        show(body, act.handler === "choose");
      },
      onError: function (err, meta) {
        waiting = EMM.isFinal(err) ? null : act;
        if (!waiting) { return; }
        act.why = err.error === EMM.LOCAL_CODES.SIGNED_OUT ? err.error : null;  /* a reload sends it, not the timer */
        if (act.id !== meta.actionId) { act.id = meta.actionId; act.at = at; act.tried = false; }
        if (err.error === EMM.LOCAL_CODES.NETWORK) { tellWaiting(true); }
      },
      refresh: refresh
    });
  }

  function resend() {
    var button = Array.prototype.find.call(panel.querySelectorAll("button"), function (b) {
      return b.getAttribute(waiting.attr) === waiting.value;
    });
    send(waiting, button);
  }

  function tap(handler, data, button) {
    var attr = ["data-choice", "data-role", "data-back", "data-restart"].find(function (a) { return button.hasAttribute(a); });
    send({handler: handler, data: data, attr: attr, value: button.getAttribute(attr), label: button.textContent.trim()}, button);
  }

  EMM.whenOnline(element, function () {
    if (EMM.isSending(element)) { return; }
    if (waiting) { resend(); } else { refresh(); }
  }, function () { return waiting ? waiting.why || true : false; });

  root.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target || !panel.contains(target)) { return; }  /* pressed while the block sends: it waits its turn (EMM.action) */
    if (target.hasAttribute("data-choice")) { tap("choose", {choice: target.getAttribute("data-choice")}, target); }
    else if (target.hasAttribute("data-role")) {
      /* with the optional participant profile, when the scenario asks it */
      tap("begin", {role: target.getAttribute("data-role"), profile: EMM.profile(root)}, target);
    }
    else if (target.hasAttribute("data-back")) { tap("back", {}, target); }
    else if (target.hasAttribute("data-restart")) {
      /* the server words the question (which attempt counts, what a new one can cost); no question
         where starting again spends nothing (a step with no open choice) */
      var question = target.getAttribute("data-confirm");
      var restart = function () { tap("restart", {}, target); };
      if (question) { EMM.ask(target, question, restart, {block: element, again: "[data-restart]"}); } else { restart(); }
    }
  });
  EMM.ready(root);
}
