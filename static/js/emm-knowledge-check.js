/* emm_knowledge_check learner view: answer once, submit. What comes back is rendered on the
   server (escaped, author HTML sanitised) and put in with EMM.setServerHtml (inert): after a
   pre-test only that the answers are kept; after a post-test both scores and the feedback. After
   any failure the page re-reads the server's state (decision 22): a submit whose reply was lost
   shows its feedback, not "already submitted". Answers in progress are kept on the device
   (EMM.questionDrafts) until the server has them; a submit that could not leave goes by itself
   when the link is back. */
function EmmKnowledgeCheck(runtime, element, args) {
  "use strict";
  var EMM = window.EMM;
  var root = EMM.root(element).querySelector(".emm-kc") || EMM.root(element);
  var form = root.querySelector(".emm-kc-form");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var feedbackBox = root.querySelector("[data-feedback]");
  var actions = root.querySelector("[data-form-actions]");

  EMM.tableStops(root);  /* the pair's figures, also where there is no form (emm-common.js) */
  if (!form) {
    /* no form (a pre-test closed by its post-test): nothing is kept on the device for it any more (bug hunt s43) */
    if (args.draft_key) { EMM.deviceDraft(args.draft_key, null).drop(); }
    return;
  }
  EMM.enterSelects(root);  /* Enter selects an option, never sends (emm-forms.js) */
  var PAGE = "page";  /* asked of submit and state: only what showFeedback reads (common/pipeline.py) */
  /* the answers kept on this device until the server has them (emm-questions.js) */
  var drafts = EMM.questionDrafts(element, form, {
    key: args.draft_key, line: actions, refresh: refresh,
    keep: function () { return {answers: EMM.questionAnswers(form)}; },
    send: {submit: function (data, actionId) { submitAnswers(data.answers, actionId); }}
  });

  var shown = !!args.submitted;
  function showFeedback(body) {
    shown = true;
    form.querySelectorAll("input").forEach(function (i) { i.disabled = true; });
    if (actions) { actions.hidden = true; }
    EMM.setServerHtml(feedbackBox, body.html);
    /* a score below full marks never looks like a success (common/attempts.py score_tone) */
    if (body.tone) { status.setAttribute("data-tone", body.tone); } else { status.removeAttribute("data-tone"); }
    /* a panel that shows its message itself (kept.html): read once, as what gets the focus, not also as
       the status's news (keyboard trial s39: the pre-test's "Thank you" was heard twice) */
    var message = feedbackBox.querySelector("[data-message]");
    if (message) {
      EMM.clear(status);
      message.setAttribute("tabindex", "-1");
      message.focus();
      /* the focus not taken (a waiting submit sent while the page is in the background): said after all */
      if (document.activeElement !== message) { EMM.say(status, body.announcement || body.message || ""); }
      return;
    }
    EMM.say(status, body.announcement || body.message || "");
    feedbackBox.focus();
  }

  /* After any failure, the server's state: a submit that reached the server (its reply lost, or
     sent from another window) shows its feedback; otherwise the page stays as it is. A submit not
     sent waits on the device with its id and goes when the link is back (or at the next Submit),
     answered with the feedback even if it had arrived. A test is answered once: its results shown, the link back
     has nothing to read (bug hunt s44: each `online` read them again and drew them anew, the page back at them) */
  function refresh(err) {
    if (shown && !err) { return; }
    EMM.post(runtime, element, "state", {reply: PAGE}).then(function (body) {
      if (!body.submitted && EMM.writesClosed(err)) {
        /* no write taken now (the due date passed while the form was open): the form closed, as the next page shows
           it, its answers on the device said not to have gone and forgotten (decision 93) */
        if (err.error === EMM.CODES.PAST_DUE) { drafts.lapse(alertBox); }
        form.querySelectorAll("input").forEach(function (i) { i.disabled = true; });
        if (actions) { actions.hidden = true; }
      }
      if (!body.submitted) { return; }
      if (!drafts.settle(err, alertBox)) { EMM.clear(alertBox, true); }
      EMM.markQuestions(root, []);
      showFeedback(body);
    }, function () { /* no link: nothing to show yet */ });
  }

  function submitAnswers(answers, actionId) {
    var data = {answers: answers, reply: PAGE};
    EMM.action(runtime, element, "submit", data, {
      button: root.querySelector("[data-submit]"),
      alert: alertBox,
      actionId: actionId,
      hold: EMM.holdForm(form),  /* the form shown after it is what went (emm-forms.js) */
      onSuccess: function (body) {
        drafts.sent();
        showFeedback(body);
      },
      onError: function (err, meta) {
        EMM.markRefusedAnswers(root, err);
        /* a result is filed: these answers can never go, the phone keeps none */
        if (err.error === EMM.CODES.ALREADY_SUBMITTED) { drafts.drop(); }
        drafts.failed("submit", data, err, meta, alertBox);
      },
      refresh: refresh
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();  /* tapped while the block sends: it goes next (EMM.action) */
    var answers = EMM.completeAnswers(root, alertBox);
    if (!answers) { return; }
    submitAnswers(answers);
  });
  EMM.ready(root);  /* before a resend: its busy button stays disabled */
  /* answers kept on this device: back into the form, unless the server has the submit; past the due date, with
     nothing submitted, said not to have gone and forgotten (emm-drafts.js `lapse`) */
  if (args.lapsed) { drafts.lapse(alertBox); } else { drafts.start(!!args.submitted); }
}

