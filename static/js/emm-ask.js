/* emm-xblocks: a question asked in the page before an action that spends something (docs/javascript.md).
   Not window.confirm: a web view that handles no dialog answers it "no" at once and shows nothing
   (the Open edX Android app's unit view sets no WebChromeClient, openedx-app-android
   HtmlUnitFragment.kt), so "Try again" or "Start again" could never be done there. */
(function (global) {
  "use strict";
  var EMM = global.EMM, _ = EMM.gettext, made = 0;

  /* `question` asked below the row of `button`: its own words (`button`'s text) close it and do
     `onYes`; "Cancel" or Escape close it. Closed, the focus is back on `button` (the action then
     shows it busy). The question's first button takes the focus; a screen reader reads the
     question with it (the group is named by it). Asked again, it is made anew (one at a time).
     `block` (optional): the block whose one send at a time (EMM.action) the answer waits for, as
     when a timed resend is in flight: "yes" then shows busy and acts once it is done, unless the
     page it was asked on is gone by then (review s37: it closed without acting). */
  EMM.ask = function (button, question, onYes, block) {
    var row = button.parentNode, box = row.parentNode.querySelector(".emm-ask");
    if (box) { box.remove(); }
    made += 1;
    var id = "emm-ask-" + made;
    var yes = EMM.el("button", {type: "button", class: "emm-button emm-primary", "data-ask-yes": true,
      text: button.textContent.trim()});
    var no = EMM.el("button", {type: "button", class: "emm-button", "data-ask-no": true, text: _("Cancel")});
    box = EMM.el("div", {class: "emm-ask emm-notice", role: "group", "aria-labelledby": id}, [
      EMM.el("p", {id: id, text: question}), EMM.el("p", {class: "emm-actions"}, [yes, " ", no])]);
    function close() {
      box.remove();
      button.focus();
    }
    function answered() {
      if (!box.parentNode) { return; }  /* cancelled while it waited */
      if (button.isConnected === false) { box.remove(); return; }  /* the page changed meanwhile */
      if (block && EMM.isSending(block)) {
        yes.setAttribute("aria-busy", "true");  /* not disabled: the focus stays on it */
        global.setTimeout(answered, 250);
        return;
      }
      close();
      onYes();
    }
    yes.addEventListener("click", function () {
      if (yes.getAttribute("aria-busy") !== "true") { answered(); }
    });
    no.addEventListener("click", close);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    row.parentNode.insertBefore(box, row.nextSibling);
    yes.focus();
  };
})(window);
