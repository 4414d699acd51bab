/* emm_knowledge_check learner view: answer once, submit. What comes back is rendered on the
   server (escaped, author HTML sanitised) and put in with EMM.setServerHtml (inert): after a
   pre-test only that the answers are kept; after a post-test both scores and the feedback. */
function EmmKnowledgeCheck(runtime, element) {
  "use strict";
  var EMM = window.EMM;
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
    var answers = EMM.completeAnswers(root, alertBox);
    if (!answers) { return; }
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
      onError: function (err) { EMM.markRefusedAnswers(root, err); }
    });
  });
}

/* Studio's preview: nothing to do (the editor is emm-case-study-studio.js); runtimes call it with
   (runtime, element) and the workbench's decides by its arity */
function EmmKnowledgeCheckAuthor(runtime, element) { "use strict"; return {runtime: runtime, element: element}; }
