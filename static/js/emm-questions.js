/* emm-xblocks: question forms: the learner's answers and their marks (common/question_views.py).
   Loaded after emm-common.js on the pages of blocks that ask questions (common/assets.py). */
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
}(window));
