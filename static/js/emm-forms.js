/* emm-xblocks: learner forms: question answers and their marks (common/question_views.py), and
   length limits that never cut. Loaded after emm-common.js (common/base.py). */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (!EMM || EMM.questionAnswers) { return; }

  /* Question forms (common/question_views.py: one fieldset[data-question][data-kind] each): the
     learner's answers, {question id: option id | [option ids] | text}, unanswered ones left out */
  EMM.questionAnswers = function (root) {
    var answers = {};
    root.querySelectorAll("[data-question]").forEach(function (fs) {
      var id = fs.getAttribute("data-question"), kind = fs.getAttribute("data-kind");
      if (kind === "reflection") {
        var text = fs.querySelector("textarea").value;
        if (text.trim()) { answers[id] = text; }
      } else if (kind === "multiple") {
        var picked = Array.prototype.map.call(fs.querySelectorAll("input:checked"), function (i) { return i.value; });
        if (picked.length) { answers[id] = picked; }
      } else {
        var one = fs.querySelector("input:checked");
        if (one) { answers[id] = one.value; }
      }
    });
    return answers;
  };
  /* Mark the questions whose ids are given as needing an answer (message, or "Please answer this
     question."), and clear the others' marks */
  EMM.markQuestions = function (root, ids, message) {
    root.querySelectorAll("[data-question]").forEach(function (fs) {
      var slot = fs.querySelector("[data-error-for]");
      var bad = ids.indexOf(fs.getAttribute("data-question")) !== -1;
      fs.classList.toggle("emm-invalid", bad);
      if (bad) {
        slot.textContent = message || EMM.gettext("Please answer this question.");
        slot.removeAttribute("hidden");
        fs.setAttribute("aria-describedby", slot.id);
      } else { slot.textContent = ""; slot.setAttribute("hidden", ""); fs.removeAttribute("aria-describedby"); }
    });
  };
  /* The ids of the form's questions that answers leaves out, in the form's order */
  EMM.unanswered = function (root, answers) {
    return Array.prototype.map.call(root.querySelectorAll("[data-question]"), function (fs) {
      return fs.getAttribute("data-question");
    }).filter(function (id) { return !(id in answers); });
  };
  /* A refused submit's error body ({questions: [ids]} or {question: id, message}) on the form */
  EMM.markRefusedAnswers = function (root, err) {
    if (err.questions) { EMM.markQuestions(root, err.questions); }
    else if (err.question) { EMM.markQuestions(root, [err.question], err.message); }
  };
  /* The learner's answers if every question has one; else null, after marking the unanswered
     questions, saying how many are left in alertBox and moving the focus to the first of them */
  EMM.completeAnswers = function (root, alertBox) {
    var answers = EMM.questionAnswers(root), missing = EMM.unanswered(root, answers);
    EMM.markQuestions(root, missing);
    if (!missing.length) { return answers; }
    EMM.say(alertBox, EMM.format(EMM.gettext("Please answer every question ({n} left)."), {n: EMM.count(missing.length, root)}));
    var first = root.querySelector("[data-question=\"" + missing[0] + "\"] input, [data-question=\"" + missing[0] + "\"] textarea");
    if (first) { first.focus(); }
    return null;
  };
  /* Length limits that never cut. A control carries its limit as data-max-chars (never maxlength:
     a browser cuts a paste at maxlength without a word). Beside it a counter says how many
     characters are left (a textarea always; a one-line field once it is 80% full), or how many
     are too many; going over marks the control aria-invalid and says so once in `region`; the text
     stays as typed and the block refuses to send it (EMM.overLimit), with a message. */
  EMM.NEAR_LIMIT = 0.8;
  var counted = 0;
  /* A [data-lines] control holds a list, one item a line (the case study's key facts), each item
     limited on its own (common/limits.py checks item by item): its length is that of its longest
     line as the save keeps it (trimmed, white space runs joined); its counter shows once a line is
     80% full and speaks of lines. Other controls: the length of their value. */
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
      return max && EMM.charsOf(control) > max && !control.disabled;
    })[0] || null;
  };
  /* the caret at the start of a [data-lines] control's first line over `max` (the textarea scrolls to it) */
  function toLongLine(control, max) {
    var start = 0, lines = control.value.split("\n");
    for (var i = 0; i < lines.length; i += 1) {
      if (lineLength(lines[i]) > max) { control.setSelectionRange(start, start); return; }
      start += lines[i].length + 1;
    }
  }
  /* refuse to send while a control is over its limit: say why in `region`, focus the control */
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
