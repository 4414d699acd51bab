/* emm-xblocks: length limits that never cut (data-max-chars, never maxlength: docs/javascript.md),
   on learner forms and in the editors. Loaded after emm-common.js (common/assets.py). */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (!EMM || EMM.countChars) { return; }

  /* the counter beside a control (chars left, or too many: aria-invalid, nothing cut); true when
     the control has just gone over */
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
  /* watch the [data-max-chars] controls in `scope`; going over is said in `region` */
  EMM.watchLimits = function (scope, region) {
    Array.prototype.forEach.call(scope.querySelectorAll("[data-max-chars]"), EMM.countChars);
    scope.addEventListener("input", function (event) {
      var control = event.target;
      if (!control.hasAttribute || !control.hasAttribute("data-max-chars")) { return; }
      if (EMM.countChars(control) && region) { EMM.say(region, control.emmCounter.textContent); }
    });
    /* a control drawn later (an editor's row): counted at focus */
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
  /* refuse to send while a control is over its limit: say why, focus it */
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
