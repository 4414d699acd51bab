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
     opts (optional): `block`, the block whose exchange in flight (EMM.isBusy: a timed resend, a
     state read) the answer waits for, "yes" busy and a line saying so; `again`, the selector of
     `button` in that block: if the block was drawn anew meanwhile, its new button takes the focus
     and a line says to press it again if still wanted (the page, and what the action would now
     cost, may have changed: review s37 and s38, the answer was dropped without a word). */
  EMM.ask = function (button, question, onYes, opts) {
    opts = opts || {};
    var row = button.parentNode, holder = row.parentNode, open = true, waiting = false;
    var block = opts.block ? EMM.root(opts.block) : null;
    if (holder.emmAskCancel) { holder.emmAskCancel(); }  /* one question at a time: an older one waiting too */
    var box = holder.querySelector(".emm-ask");
    if (box) { box.remove(); }
    made += 1;
    var id = "emm-ask-" + made;
    var yes = EMM.el("button", {type: "button", class: "emm-button emm-primary", "data-ask-yes": true,
      text: button.textContent.trim()});
    var no = EMM.el("button", {type: "button", class: "emm-button", "data-ask-no": true, text: _("Cancel")});
    var wait = EMM.el("p", {class: "emm-hint", role: "status", "data-ask-wait": true});
    box = EMM.el("div", {class: "emm-ask emm-notice", role: "group", "aria-labelledby": id}, [
      EMM.el("p", {id: id, text: question}), EMM.el("p", {class: "emm-actions"}, [yes, " ", no]), wait]);
    function drop() {
      open = false;
      box.remove();
      if (holder.emmAskCancel === drop) { holder.emmAskCancel = null; }
    }
    holder.emmAskCancel = drop;
    function close() {
      drop();
      button.focus();
    }
    function answered() {
      if (!open) { return; }  /* cancelled while it waited */
      if (block && EMM.isBusy(block)) {
        if (!waiting) {
          waiting = true;
          yes.setAttribute("aria-busy", "true");  /* not disabled: the focus stays on it */
          wait.textContent = _("Waiting for the last exchange with the course to finish…");
        }
        global.setTimeout(answered, 250);
        return;
      }
      if (button.isConnected === false) {  /* drawn anew meanwhile: its new button, and a word */
        drop();
        var fresh = block && opts.again ? block.querySelector(opts.again) : null;
        if (fresh && !fresh.disabled) {
          fresh.parentNode.parentNode.insertBefore(EMM.el("p", {class: "emm-ask emm-notice", role: "status",
            text: EMM.format(_("The page has changed meanwhile: press “{action}” again if you still want to."),
              {action: fresh.textContent.trim()})}), fresh.parentNode.nextSibling);
          fresh.focus();
        }
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
