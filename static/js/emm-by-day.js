/* Staff: the answers by day and their "Leave out…" (common/answers_by_day.py, decisions 72, 73),
   added to staff's pages only. The server writes every word; this asks first and sends.

   * Under a case study or a role-play, "Answers by day" ([data-by-day-open], aria-controls naming
     its place, [data-by-day-host]) asks the server for the section (answers_by_day) and puts it in;
     pressed again it closes the section, and a third time asks for it afresh.
   * In a section ([data-by-day], its leave_out_day address in data-url), "Leave out…" shows the
     question beside it with the focus on "Cancel" (Esc cancels), as the live room asks before it
     ends a session; "Yes" sends the day, and the server's answer (the Likert's whole results panel,
     else the section) replaces what the section's host holds, the focus on what it says was left
     out. Failures are said in the block's alert. */
(function (global) {
  "use strict";
  var EMM = global.EMM;

  /* the handler's address the page holds, as EMM.action asks a runtime for it */
  function runtimeFor(url) { return {handlerUrl: function () { return url; }}; }

  function alertOf(node) {
    var scope = node.closest(".emm-by-day-launch, .emm");
    return scope ? scope.querySelector("[data-alert]") : null;
  }

  function hostOf(section) { return section.closest("[data-by-day-host]") || section.parentNode; }

  function focusIn(host) {
    (host.querySelector("[data-left-out]") || host.querySelector("[data-by-day-title]") || host).focus();
  }

  function confirmBox(item) { return item.querySelector("[data-confirm]"); }

  function cancel(item, focus) {
    confirmBox(item).hidden = true;
    var button = item.querySelector("[data-leave-out]");
    button.hidden = false;
    if (focus) { button.focus(); }
  }

  function ask(item) {
    var asking = item.closest("[data-by-day]").querySelector("[data-confirm]:not([hidden])");
    if (asking) { cancel(asking.closest("[data-day]"), false); }
    confirmBox(item).hidden = false;
    item.querySelector("[data-leave-out]").hidden = true;
    item.querySelector("[data-leave-out-no]").focus();
  }

  function leaveOut(item) {
    var section = item.closest("[data-by-day]"), host = hostOf(section);
    /* "reply": "page": the Likert answers its panel's HTML alone (the others ignore it) */
    EMM.action(runtimeFor(section.getAttribute("data-url")), section, "leave_out_day",
      {day: item.getAttribute("data-day"), reply: "page"}, {
        button: item.querySelector("[data-leave-out-yes]"),
        alert: alertOf(section),
        offline: EMM.gettext("No connection: the course may not have received this. Check your connection and try again."),
        onSuccess: function (body) {
          EMM.setServerHtml(host, body.html);
          focusIn(host);
        }
      });
  }

  /* open: the section asked for afresh (each opening shows today's figures); open, it closes */
  function toggle(button) {
    var host = document.getElementById(button.getAttribute("aria-controls"));
    if (!host) { return; }
    if (button.getAttribute("aria-expanded") === "true") {
      host.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    EMM.action(runtimeFor(button.getAttribute("data-url")), button, "answers_by_day", {}, {
      button: button,
      alert: alertOf(button),
      offline: EMM.gettext("No connection: the answers by day could not be shown. Check your connection and try again."),
      onSuccess: function (body) {
        EMM.setServerHtml(host, body.html);
        host.hidden = false;
        button.setAttribute("aria-expanded", "true");
        focusIn(host);
      }
    });
  }

  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest(
      "[data-by-day-open], [data-leave-out], [data-leave-out-yes], [data-leave-out-no]");
    if (!control || control.disabled) { return; }
    if (control.hasAttribute("data-by-day-open")) { toggle(control); return; }
    var item = control.closest("[data-by-day] [data-day]");
    if (!item) { return; }
    if (control.hasAttribute("data-leave-out")) { ask(item); }
    else if (control.hasAttribute("data-leave-out-no")) { cancel(item, true); }
    else { leaveOut(item); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var asking = event.target.closest && event.target.closest("[data-by-day] [data-confirm]:not([hidden])");
    if (!asking) { return; }
    event.preventDefault();
    cancel(asking.closest("[data-day]"), true);
  });
}(window));
