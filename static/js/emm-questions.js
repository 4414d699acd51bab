/* emm-xblocks: question forms: the learner's answers and their marks (common/question_views.py).
   Loaded after emm-common.js on the pages of blocks that ask questions (common/assets.py). */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (!EMM || EMM.questionAnswers) { return; }
  var _ = EMM.gettext;

  /* a text's words as the server counts them: white space as Python's str.isspace sees it
     (tests/js/word-counts.json) */
  var SPACE = "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
  var WORDS = new RegExp(SPACE);
  EMM.countWords = function (text) { return text.split(WORDS).filter(Boolean).length; };

  /* Question forms (common/question_views.py: one fieldset[data-question][data-kind] each): the
     learner's answers, {question id: option id | [option ids] | text}, unanswered ones left out */
  EMM.questionAnswers = function (root) {
    var answers = Object.create(null);
    root.querySelectorAll("[data-question]").forEach(function (fs) {
      var id = fs.getAttribute("data-question"), kind = fs.getAttribute("data-kind");
      if (kind === "reflection") {
        var text = fs.querySelector("textarea").value;
        if (EMM.countWords(text)) { answers[id] = text; }
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
  EMM.markQuestions = function (root, ids, message, focus) {
    var said = Object.create(null);
    ids.forEach(function (id) { said[id] = message || _("Please answer this question."); });
    return EMM.mark(root, "data-question", said, focus);
  };
  /* A refused submit's error body ({questions: [ids]} or {question: id, message}) on the form */
  EMM.markRefusedAnswers = function (root, err) {
    if (err.questions) { EMM.markQuestions(root, err.questions, "", true); }
    else if (err.question) { EMM.markQuestions(root, [err.question], err.message, true); }
  };
  /* The learner's answers if each question has one within its word limits; else null, after
     marking those that need attention, saying how many in alertBox, the focus in the first */
  EMM.completeAnswers = function (root, alertBox) {
    var answers = EMM.questionAnswers(root), said = Object.create(null), limits = 0;
    root.querySelectorAll("[data-question]").forEach(function (fs) {
      var id = fs.getAttribute("data-question"), area = fs.querySelector("textarea[data-min-words]");
      if (!(id in answers)) { said[id] = _("Please answer this question."); return; }
      if (!area) { return; }
      var n = EMM.countWords(answers[id]), min = +area.getAttribute("data-min-words") || 0;
      var max = +area.getAttribute("data-max-words") || 0;
      if (n < min || (max && n > max)) {
        limits += 1;
        said[id] = n < min ? EMM.format(_("This answer is too short ({min} words at least)."), {min: EMM.count(min, root)})
          : EMM.format(_("This answer is too long ({max} words at most)."), {max: EMM.count(max, root)});
      }
    });
    var n = EMM.mark(root, "data-question", said, true);
    if (!n) { return answers; }
    var line = EMM.format(limits ? EMM.ngettext("Not sent: {n} question needs attention (see the message under it).",
      "Not sent: {n} questions need attention (see the messages under them).", n)
      : _("Please answer every question ({n} left)."), {n: EMM.count(n, root)});
    EMM.say(alertBox, line);
    root.emmMissing = {ids: Object.keys(said).filter(function (id) { return !(id in answers); }), alertBox: alertBox, line: line};
    if (!root.emmUnmarks) {  /* once per form */
      root.emmUnmarks = true;
      /* at each input, not at a text's change: a text's change comes as it loses the focus, to the tap on
         "Submit", and the marks going then moved the button from under the finger */
      root.addEventListener("input", function () { unmarkAnswered(root); });
    }
    return null;
  };
  /* A question marked unanswered loses its mark once answered (a choice made, a word typed), the
     others' marks as they were; the alert's line goes with the last mark (learner trial s38: both stayed, and the
     learner dared not send). A too short or too long text keeps its mark until the next send. */
  function unmarkAnswered(root) {
    var missing = root.emmMissing, answers = EMM.questionAnswers(root), said = Object.create(null);
    var now = missing ? missing.ids.filter(function (id) { return id in answers; }) : [];
    if (!now.length) { return; }
    missing.ids = missing.ids.filter(function (id) { return now.indexOf(id) === -1; });
    root.querySelectorAll("[data-question].emm-invalid").forEach(function (fs) {
      var id = fs.getAttribute("data-question");
      if (now.indexOf(id) === -1) { said[id] = fs.querySelector("[data-error-for]").textContent; }
    });
    if (!EMM.mark(root, "data-question", said, false) && missing.alertBox && missing.alertBox.textContent === missing.line) {
      EMM.clear(missing.alertBox, true);
    }
  }

  /* answers as EMM.questionAnswers gives them, back into root's questions (the others untouched) */
  /* `answers` is the whole form as it was kept (EMM.questionAnswers): a question it does not name was left
     unanswered, and is cleared (bug hunt s43: a text erased and boxes unticked on the phone came back from the
     server's older draft after a reload) */
  EMM.fillQuestions = function (root, answers) {
    root.querySelectorAll("[data-question]").forEach(function (fs) {
      var id = fs.getAttribute("data-question");
      var value = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null;
      if (fs.getAttribute("data-kind") === "reflection") {
        fs.querySelector("textarea").value = typeof value === "string" ? value : "";
        return;
      }
      var picked = Array.isArray(value) ? value : [value];
      fs.querySelectorAll("input").forEach(function (input) { input.checked = picked.indexOf(input.value) !== -1; });
    });
  };

  /* A question form's answers kept on the device until the server has them (EMM.deviceDraft);
     opts: key, line, keep, fill, send, refresh, saved (docs/javascript.md) */
  EMM.questionDrafts = function (element, form, opts) {
    var drafts = EMM.deviceDraft(form ? opts.key || "" : "", form && opts.line ? EMM.draftStatus(opts.line) : null);
    /* the server has a submitted attempt: the action waiting here went, or is out of date. After
       `err` action_reused (the answers went before the link dropped, the form changed since) or
       already_submitted (these answers refused: another attempt's results shown), the alert says
       what was not recorded: true; else false, the alert is the caller's */
    drafts.settle = function (err, alertBox) {
      var record = drafts.load();
      if (record && record.queued) { drafts.sent(); } else { drafts.drop(); }
      if (err && err.error === EMM.CODES.ALREADY_SUBMITTED) {
        /* these answers were refused: the attempt shown is another's (another window, a first tap whose reply was
           lost, then answers changed and sent again); said, not wiped by the state read (bug hunt s43) */
        EMM.say(alertBox, EMM.gettext("These answers were not recorded: answers had already been sent, in another window or before the connection dropped. The results below are those of the answers that reached the course."));
        return true;
      }
      if (!err || err.error !== EMM.CODES.ACTION_REUSED) { return false; }
      EMM.say(alertBox, EMM.gettext("Your answers had already reached the course before the connection dropped: the results below are theirs. What you changed since was not recorded."));
      return true;
    };
    /* the link is back: what waits goes with its id (done once), else the state is re-read; also
       the page's own call (drafts.resend: a draft asked while a submission waits sends that) */
    drafts.resend = resend;
    function resend() {
      var record = drafts.load(), queued = record && record.queued, data = record && record.data;
      if (EMM.isSending(element)) { return; }
      if (queued && data && data.answers && Object.prototype.hasOwnProperty.call(opts.send, queued.handler)) {
        opts.send[queued.handler](data, queued.actionId);
      } else { opts.refresh(); }
    }
    /* every change kept; what was kept back in the form unless the server has it submitted */
    drafts.start = function (submitted) {
      function keep() { drafts.keep(opts.keep()); }
      form.addEventListener("input", keep);
      form.addEventListener("change", keep);
      if (submitted && drafts.load()) { drafts.settle(); }  /* nothing is left to put back */
      drafts.resume(element, fill, resend, opts.saved || 0, offer);
    };
    function fill(data) {
      if (!data.answers) { return false; }
      EMM.fillQuestions(form, data.answers);
      if (opts.fill) { opts.fill(data); }
    }
    /* the answers kept on this device are older than the draft saved on the course (on another device): the form
       shows that draft, and a button at its top puts these back, dated (decision 117: nothing lost unsaid) */
    function offer(record) {
      if (!record.data.answers) { return; }
      var date = new Intl.DateTimeFormat(EMM.locale(form), {dateStyle: "long", timeStyle: "short", numberingSystem: "latn"});
      var text = EMM.format(EMM.gettext("Restore the text typed on this device on {date}"), {date: date.format(new Date(record.at))});
      var button = EMM.el("button", {type: "button", class: "emm-button", "data-restore-device": true, text: text});
      var box = EMM.el("p", {class: "emm-notice emm-device-text", "data-device-text": true});
      box.appendChild(button);
      form.insertAdjacentElement("afterbegin", box);
      button.addEventListener("click", function () {
        fill(record.data);
        drafts.keep(record.data);  /* now the newer: kept on the device, as typed */
        box.remove();
        var first = form.querySelector("textarea, input");
        if (first) { first.focus(); }
      });
    }
    return drafts;
  };
}(window));
