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
     opts (optional): `block`, the block whose send in flight (EMM.isBusy: a timed resend, the
     state read after a failure) the answer waits for, "yes" busy and a line saying so; `again`,
     the selector of `button` in that block: if the block was drawn anew meanwhile (the send
     succeeded), the new button is pressed, which asks again in the page's new words, or acts
     where nothing needs asking now (review s37 and s38: the answer was dropped). */
  EMM.ask = function (button, question, onYes, opts) {
    opts = opts || {};
    var row = button.parentNode, box = row.parentNode.querySelector(".emm-ask"), open = true, waiting = false;
    var block = opts.block ? EMM.root(opts.block) : null;
    if (box) { box.remove(); }
    made += 1;
    var id = "emm-ask-" + made;
    var yes = EMM.el("button", {type: "button", class: "emm-button emm-primary", "data-ask-yes": true,
      text: button.textContent.trim()});
    var no = EMM.el("button", {type: "button", class: "emm-button", "data-ask-no": true, text: _("Cancel")});
    var wait = EMM.el("p", {class: "emm-hint", role: "status", "data-ask-wait": true});
    box = EMM.el("div", {class: "emm-ask emm-notice", role: "group", "aria-labelledby": id}, [
      EMM.el("p", {id: id, text: question}), EMM.el("p", {class: "emm-actions"}, [yes, " ", no]), wait]);
    function close() {
      open = false;
      box.remove();
      button.focus();
    }
    function answered() {
      if (!open) { return; }  /* cancelled while it waited */
      if (block && EMM.isBusy(block)) {
        if (!waiting) {
          waiting = true;
          yes.setAttribute("aria-busy", "true");  /* not disabled: the focus stays on it */
          wait.textContent = _("Waiting for the last answer to reach the course…");
        }
        global.setTimeout(answered, 250);
        return;
      }
      if (button.isConnected === false) {  /* drawn anew meanwhile: asked there, in its words */
        open = false;
        box.remove();
        var fresh = block && opts.again ? block.querySelector(opts.again) : null;
        if (fresh && !fresh.disabled) { fresh.click(); }
        return;
      }
      close();
      onYes();
    }
    yes.addEventListener("click", function () {
      if (!waiting) { answered(); }
    });
    no.addEventListener("click", close);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    row.parentNode.insertBefore(box, row.nextSibling);
    yes.focus();
  };
})(window);
