/* emm-xblocks: length limits that never cut, on learner forms and in the editors. Loaded after
   emm-common.js (common/base.py, common/assets.py). */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (!EMM || EMM.countChars) { return; }

  /* Length limits that never cut. A control carries its limit as data-max-chars (never maxlength:
     a browser cuts a paste at maxlength without a word). Beside it a counter says how many
     characters are left (a textarea always; a one-line field once it is 80% full), or how many
     are too many; going over marks the control aria-invalid and says so once in `region`; the text
     stays as typed and the block refuses to send it (EMM.overLimit), with a message. */
  EMM.NEAR_LIMIT = 0.8;
  var counted = 0;
  EMM.countChars = function (control) {
    var max = parseInt(control.getAttribute("data-max-chars"), 10);
    if (!max) { return; }
    var length = control.value.length, left = max - length;
    var counter = control.emmCounter;
    if (!counter) {
      counted += 1;
      counter = EMM.el("span", {class: "emm-counter", id: "emm-counter-" + counted});
      control.insertAdjacentElement("afterend", counter);
      control.setAttribute("aria-describedby",
        ((control.getAttribute("aria-describedby") || "") + " " + counter.id).trim());
      control.emmCounter = counter;
    }
    var over = left < 0;
    counter.hidden = !over && control.tagName !== "TEXTAREA" && length < max * EMM.NEAR_LIMIT;
    counter.textContent = over
      ? EMM.format(EMM.ngettext("{n} character too many (limit {max}): nothing was cut, shorten the text.",
        "{n} characters too many (limit {max}): nothing was cut, shorten the text.", -left), {n: -left, max: max})
      : EMM.format(EMM.ngettext("{n} character left", "{n} characters left", left), {n: left});
    counter.classList.toggle("emm-over", over);
    if (over) { control.setAttribute("aria-invalid", "true"); }
    else if (control.emmOver) { control.removeAttribute("aria-invalid"); }
    var crossed = over && !control.emmOver;
    control.emmOver = over;
    return crossed;
  };
  /* watch every [data-max-chars] control inside `scope` (now and added later); `region`: where
     going over is said (a live region) */
  EMM.watchLimits = function (scope, region) {
    Array.prototype.forEach.call(scope.querySelectorAll("[data-max-chars]"), EMM.countChars);
    scope.addEventListener("input", function (event) {
      var control = event.target;
      if (!control.hasAttribute || !control.hasAttribute("data-max-chars")) { return; }
      if (EMM.countChars(control) && region) { EMM.say(region, control.emmCounter.textContent); }
    });
    /* a control drawn after the first pass (an editor's row) is counted once it takes the focus */
    scope.addEventListener("focusin", function (event) {
      var control = event.target;
      if (control.hasAttribute && control.hasAttribute("data-max-chars") && !control.emmCounter) { EMM.countChars(control); }
    });
  };
  /* the first control of `scope` over its limit (null: none) */
  EMM.overLimit = function (scope) {
    return Array.prototype.filter.call(scope.querySelectorAll("[data-max-chars]"), function (control) {
      var max = parseInt(control.getAttribute("data-max-chars"), 10);
      return max && control.value.length > max && !control.disabled;
    })[0] || null;
  };
  /* refuse to send while a control is over its limit: say why in `region`, focus the control */
  EMM.refuseOverLimit = function (scope, region) {
    var control = EMM.overLimit(scope);
    if (!control) { return false; }
    EMM.countChars(control);
    EMM.say(region, EMM.format(EMM.gettext("Not sent: a text is longer than its limit of {max} characters. Nothing was cut: shorten it, then send again."),
      {max: control.getAttribute("data-max-chars")}));
    control.focus();
    return true;
  };
}(window));
