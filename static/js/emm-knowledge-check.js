/* emm_knowledge_check learner view: answer once, submit. What comes back is rendered on the
   server (escaped, author HTML sanitised) and put in with EMM.setServerHtml (inert): after a
   pre-test only that the answers are kept; after a post-test both scores and the feedback. */
function EmmKnowledgeCheck(runtime, element) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element).querySelector(".emm-kc") || EMM.root(element);
  var form = root.querySelector(".emm-kc-form");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var resultsBox = root.querySelector("[data-results]");
  var actions = root.querySelector("[data-form-actions]");

  if (!form) { return; }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (EMM.isSending(element)) { return; }
    var answers = EMM.questionAnswers(root);
    var missing = EMM.unanswered(root, answers);
    EMM.markQuestions(root, missing);
    if (missing.length) {
      EMM.say(alertBox, EMM.format(_("Please answer every question ({n} left)."), {n: missing.length}));
      var first = root.querySelector("[data-question=\"" + missing[0] + "\"] input");
      if (first) { first.focus(); }
      return;
    }
    EMM.action(runtime, element, "submit", {answers: answers}, {
      button: root.querySelector("[data-submit]"),
      alert: alertBox,
      onSuccess: function (body) {
        form.querySelectorAll("input").forEach(function (i) { i.disabled = true; });
        if (actions) { actions.hidden = true; }
        EMM.setServerHtml(resultsBox, body.html);
        EMM.say(status, body.announcement || body.message || "");
        resultsBox.focus();
      },
      onError: function (err) {
        if (err.questions) { EMM.markQuestions(root, err.questions); }
        else if (err.question) { EMM.markQuestions(root, [err.question], err.message); }
      }
    });
  });
}

/* Studio's preview: nothing to do (the editor is emm-case-study-studio.js) */
function EmmKnowledgeCheckAuthor() { "use strict"; }
