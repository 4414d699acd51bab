/* emm_knowledge_check learner view: answer once, submit. What comes back is rendered on the
   server (escaped, author HTML sanitised) and put in with EMM.setServerHtml (inert): after a
   pre-test only that the answers are kept; after a post-test both scores and the feedback. After
   any failure the page re-reads the server's state (decision 22): a submit whose reply was lost
   shows its results, not "already submitted". */
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

  function showResults(body) {
    form.querySelectorAll("input").forEach(function (i) { i.disabled = true; });
    if (actions) { actions.hidden = true; }
    EMM.setServerHtml(resultsBox, body.html);
    EMM.say(status, body.announcement || body.message || "");
    resultsBox.focus();
  }

  /* After any failure, the server's state: a submit that reached the server (its reply lost, or
     sent from another window) shows its results; otherwise the page stays as it is. Offline, the
     next Submit sends the same action again (its id kept), which answers with the results too. */
  function refresh() {
    EMM.post(runtime, element, "state", {}).then(function (body) {
      if (!body.submitted) { return; }
      EMM.clear(alertBox, true);
      EMM.markQuestions(root, []);
      showResults(body);
    }, function () { /* no link: nothing to show yet */ });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (EMM.isSending(element)) { return; }
    var answers = EMM.completeAnswers(root, alertBox);
    if (!answers) { return; }
    EMM.action(runtime, element, "submit", {answers: answers}, {
      button: root.querySelector("[data-submit]"),
      alert: alertBox,
      onSuccess: showResults,
      onError: function (err) { EMM.markRefusedAnswers(root, err); },
      refresh: refresh
    });
  });
  EMM.ready(root);
}

/* Studio's preview: nothing to do (the editor is emm-case-study-studio.js); runtimes call it with
   (runtime, element) and the workbench's decides by its arity */
function EmmKnowledgeCheckAuthor(runtime, element) { "use strict"; return {runtime: runtime, element: element}; }
