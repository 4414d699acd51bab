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
  /* a [data-lines] control (one item a line) counts its longest line as saved (docs/javascript.md) */
  function isLines(control) { return control.hasAttribute("data-lines"); }
  function lineLength(line) { return line.trim().replace(/\s+/g, " ").length; }
  EMM.charsOf = function (control) {
    if (!isLines(control)) { return control.value.length; }
    return control.value.split("\n").reduce(function (most, line) { return Math.max(most, lineLength(line)); }, 0);
  };
  EMM.countChars = function (control) {
    var max = parseInt(control.getAttribute("data-max-chars"), 10);
    if (!max) { return; }
    var lines = isLines(control), length = EMM.charsOf(control), left = max - length;
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
    counter.hidden = !over && (lines || control.tagName !== "TEXTAREA") && length < max * EMM.NEAR_LIMIT;
    if (lines) {
      counter.textContent = over
        ? EMM.format(EMM.ngettext("A line is {n} character too long (limit {max} a line): nothing was cut, shorten it.",
          "A line is {n} characters too long (limit {max} a line): nothing was cut, shorten it.", -left), {n: -left, max: max})
        : EMM.format(EMM.ngettext("{n} character left on the longest line", "{n} characters left on the longest line", left), {n: left});
    } else {
      counter.textContent = over
        ? EMM.format(EMM.ngettext("{n} character too many (limit {max}): nothing was cut, shorten the text.",
          "{n} characters too many (limit {max}): nothing was cut, shorten the text.", -left), {n: -left, max: max})
        : EMM.format(EMM.ngettext("{n} character left", "{n} characters left", left), {n: left});
    }
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
      return max && EMM.charsOf(control) > max && !control.disabled;
    })[0] || null;
  };
  /* the caret at the start of a [data-lines] control's first line over max */
  function toLongLine(control, max) {
    var start = 0, lines = control.value.split("\n");
    for (var i = 0; i < lines.length; i += 1) {
      if (lineLength(lines[i]) > max) { control.setSelectionRange(start, start); return; }
      start += lines[i].length + 1;
    }
  }
  /* refuse to send while a control is over its limit: say why, focus it */
  EMM.refuseOverLimit = function (scope, region) {
    var control = EMM.overLimit(scope);
    if (!control) { return false; }
    EMM.countChars(control);
    EMM.say(region, EMM.format(EMM.gettext("Not sent: a text is longer than its limit of {max} characters. Nothing was cut: shorten it, then send again."),
      {max: control.getAttribute("data-max-chars")}));
    control.focus();
    if (isLines(control)) { toLongLine(control, parseInt(control.getAttribute("data-max-chars"), 10)); }
    return true;
  };
}(window));
