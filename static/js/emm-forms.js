/* emm-xblocks: length limits that never cut, and Enter that never sends by accident (docs/javascript.md) */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (!EMM || EMM.countChars) { return; }

  /* a control's counter (chars left, or too many: aria-invalid, nothing cut); true: just gone over */
  EMM.NEAR_LIMIT = 0.8;
  var counted = 0;
  /* controls an editor measures its own way (emm-editor-lines.js) */
  EMM.measures = [];
  function measureOf(c) { return EMM.measures.filter(function (m) { return m.applies(c); })[0]; }
  EMM.charsOf = function (c) { var m = measureOf(c); return m ? m.length(c) : c.value.length; };
  EMM.countChars = function (control) {
    var max = parseInt(control.getAttribute("data-max-chars"), 10);
    if (!max) { return; }
    var m = measureOf(control), length = EMM.charsOf(control), left = max - length;
    var counter = control.emmCounter;
    if (!counter) {
      counted += 1;
      counter = EMM.el("span", {class: "emm-counter", id: "emm-counter-" + counted});
      control.insertAdjacentElement("afterend", counter);
      control.emmCounter = counter;
    }
    var over = left < 0;
    /* a text box's count always shows, unless the box counts its words ("12 words (minimum 40)"): then
       "19 956 characters left" is noise until near the limit (learner trial s37) */
    var worded = control.hasAttribute("data-min-words") || control.hasAttribute("data-max-words");
    counter.hidden = !over && (m || control.tagName !== "TEXTAREA" || worded) && length < max * EMM.NEAR_LIMIT;
    describedBy(control, counter.id, !counter.hidden);
    if (m) {
      counter.textContent = m.words(left, max, control);
    } else {
      counter.textContent = over
        ? EMM.format(EMM.ngettext("{n} character too many (limit {max}): nothing was cut, shorten the text.",
          "{n} characters too many (limit {max}): nothing was cut, shorten the text.", -left), {n: EMM.count(-left, control), max: EMM.count(max, control)})
        : EMM.format(EMM.ngettext("{n} character left", "{n} characters left", left), {n: EMM.count(left, control)});
    }
    counter.classList.toggle("emm-over", over);
    if (over) { control.setAttribute("aria-invalid", "true"); }
    else if (control.emmOver && !control.closest(".emm-invalid")) { control.removeAttribute("aria-invalid"); } /* its item's mark stays (EMM.mark) */
    var crossed = over && !control.emmOver;
    control.emmOver = over;
    return crossed;
  };
  /* `id` among what describes `control` while `on`: a hidden count is not read either (a description
     reads hidden text: a keyboard trial, s39, heard "20 000 characters left" beside "between 40 and 300 words") */
  function describedBy(control, id, on) {
    var ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (on) { ids.push(id); }
    if (ids.length) { control.setAttribute("aria-describedby", ids.join(" ")); } else { control.removeAttribute("aria-describedby"); }
  }
  /* `region` stops saying that `control` went over, if it still does: the text is back under its
     limit, or a refused send says it in the alert (a learner page's status is green, a success's) */
  function unsay(control) {
    var said = control.emmSaid;
    control.emmSaid = null;
    if (said && said.region.textContent === said.text) { EMM.clear(said.region); }
  }
  /* watch the [data-max-chars] controls in `scope`; going over is said in `region`, until the text
     is back under its limit */
  EMM.watchLimits = function (scope, region) {
    scope.querySelectorAll("[data-max-chars]").forEach(EMM.countChars);
    scope.addEventListener("input", function (event) {
      var control = event.target;
      if (!control.hasAttribute || !control.hasAttribute("data-max-chars")) { return; }
      if (EMM.countChars(control) && region) {
        control.emmSaid = {region: region, text: control.emmCounter.textContent};
        EMM.say(region, control.emmSaid.text);
      } else if (!control.emmOver) { unsay(control); }
    });
  };
  /* the first control of `scope` over its limit (null: none) */
  EMM.overLimit = function (scope) {
    return Array.prototype.filter.call(scope.querySelectorAll("[data-max-chars]"), function (control) {
      var max = parseInt(control.getAttribute("data-max-chars"), 10);
      return max && EMM.charsOf(control) > max && !control.disabled;
    })[0] || null;
  };
  /* refuse to send while a control is over its limit: say why (`text`, with {max}: the editors'
     words, else a learner's), focus it */
  EMM.refuseOverLimit = function (scope, region, text) {
    var control = EMM.overLimit(scope);
    if (!control) { return false; }
    var max = parseInt(control.getAttribute("data-max-chars"), 10), m = measureOf(control);
    EMM.countChars(control);
    unsay(control);
    /* the noun in the form the language gives the number ("2 000 حرف" in Arabic, bug hunt s43) */
    EMM.say(region, EMM.format(text || EMM.ngettext("Not sent: a text is longer than its limit of {max} character. Nothing was cut: shorten it, then send again.",
      "Not sent: a text is longer than its limit of {max} characters. Nothing was cut: shorten it, then send again.", max),
      {max: EMM.count(max, control)}));
    control.focus();
    if (m) { m.focus(control, max); }
    return true;
  };
  /* EMM.action's `hold` for a form whose answers are on their way: its controls held until the reply, so that the
     form shown after it holds what went (bug hunt s44: a choice changed while a slow link carried the submit was
     then shown locked under "Sent", the course holding the one before). A text is made read-only, its focus and
     caret kept; a choice disabled, its focus given back if it fell to the page. They are given back as the reply
     comes, before the page handles it (it may lock them for good), or at a failure, when the answers may change. */
  EMM.holdForm = function (form) {
    function text(c) { return c.tagName === "TEXTAREA" || (c.tagName === "INPUT" && !/^(radio|checkbox)$/.test(c.type)); }
    function set(c, on) { if (text(c)) { c.readOnly = on; } else { c.disabled = on; } }
    return function () {
      var focused = document.activeElement, held = Array.prototype.filter.call(
        form ? form.querySelectorAll("input, textarea, select") : [], function (c) { return !c.disabled && !c.readOnly; });
      held.forEach(function (c) { set(c, true); });
      return function () {
        held.forEach(function (c) { set(c, false); });
        var now = document.activeElement;
        if (held.indexOf(focused) !== -1 && (!now || now === document.body)) { focused.focus(); }
      };
    };
  };
  /* Enter on an option of a learner's form selects it (a radio button) or ticks it (a checkbox), and
     on any one-line field never sends the form: only the send button sends (keyboard and screen-reader
     trial s39: Enter on a radio button sent a one-time evaluation before its comment was written).
     Listened for on the block's root, so a form drawn anew keeps it. */
  EMM.enterSelects = function (root) {
    root.addEventListener("keydown", function (event) {
      var t = event.target;
      if (event.key !== "Enter" || event.isComposing || t.tagName !== "INPUT" || !t.form) { return; }
      event.preventDefault();
      if (event.repeat) { return; }  /* held down: one toggle, as Space gives */
      if (t.type === "checkbox" || (t.type === "radio" && !t.checked)) { t.click(); }
    });
  };
}(window));
