/* emm_likert learner view: progress, submit, results on demand; answers kept on the device */
function EmmLikert(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element).querySelector(".emm-likert") || EMM.root(element);
  var form = root.querySelector("form");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var progress = root.querySelector("[data-progress]");
  var submit = root.querySelector("[data-submit]");
  var showResults = root.querySelector("[data-show-results]");
  var state = {submitted: args.submitted, locked: args.locked};
  EMM.enterSelects(root);  /* Enter selects an option, never sends (emm-forms.js) */
  /* a sent evaluation's page has no form, and its answers on the device are dropped all the same */
  var drafts = EMM.deviceDraft(form || state.locked ? args.draft_key || "" : "", submit ? EMM.draftStatus(submit) : null);

  function statements() { return Array.prototype.slice.call(root.querySelectorAll("[data-statement]")); }

  function collect() {
    var answers = {};
    statements().forEach(function (fs) {
      var picked = fs.querySelector("input[type=radio]:checked");
      if (picked) { answers[fs.getAttribute("data-statement")] = picked.value === "na" ? "na" : parseInt(picked.value, 10); }
    });
    return answers;
  }

  function commentBox() { return root.querySelector("textarea[name=comment]"); }

  function current() {
    var comment = commentBox();
    /* with the scale its points are on, sent and kept on the device with them (likert/learner.py check_scale) */
    return {answers: collect(), comment: comment ? comment.value : "", profile: EMM.profile(root), scale_id: args.scale_id};
  }

  /* put answers kept on the device back into the form */
  function fill(data) {
    var answers = data.answers || {};
    statements().forEach(function (fs) {
      var id = fs.getAttribute("data-statement");
      if (!Object.prototype.hasOwnProperty.call(answers, id)) { return; }
      fs.querySelectorAll("input[type=radio]").forEach(function (input) { input.checked = input.value === String(answers[id]); });
    });
    var comment = commentBox();
    if (comment && typeof data.comment === "string") { comment.value = data.comment; }
    if (typeof data.profile === "string") { EMM.fillProfile(root, data.profile); }
  }

  /* answers kept on the device back into the form, unless the form is locked. Kept on another scale than the form's
     (the author changed it since; a record from before pages sent the scale is put back as it is): their points are
     not this scale's, so they are dropped, the comment and the profile put back and kept, and the page says why */
  function restore(data) {
    if (state.locked) { return false; }
    if (typeof data.scale_id !== "string" || data.scale_id === args.scale_id) { fill(data); return true; }
    drafts.drop();
    fill({comment: data.comment, profile: data.profile});
    if ((data.comment || "").trim() || data.profile) { drafts.keep(current()); }
    EMM.say(alertBox, _("The answer scale of this evaluation has changed: your answers were not recorded. Please answer again on the new scale."));
    return false;
  }

  function same(a, b) {
    var keys = Object.keys(a || {});
    return keys.length === Object.keys(b || {}).length && keys.every(function (k) { return String(a[k]) === String((b || {})[k]); });
  }

  function saved(body) {
    state.submitted = true;
    /* the status line takes the focus (a hidden Submit button would drop it) and is read once, as what has the
       focus: not a live region while it has it (its news would be read twice), again one once left (a text over its
       limit is said there) */
    status.removeAttribute("role");
    status.removeAttribute("aria-live");
    function live() {
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
    }
    status.addEventListener("blur", live, {once: true});
    status.textContent = body.can_change ? _("Thank you: your answers were saved. You can change them and submit again.")
      : _("Thank you: your answers were saved.");
    if (!body.can_change) { state.locked = true; lock(); }
    else if (submit) { submit.textContent = _("Update my answers"); }
    if (body.results_available) {
      var section = root.querySelector("[data-results-section]");
      if (section) { section.hidden = false; }
    }
    status.focus();
    if (document.activeElement !== status) { status.removeEventListener("blur", live); live(); }  /* not taken: live */
    /* the results panel shown holds the figures of before these answers (hunt9): emptied, "Show results" offered
       again, and the figures asked again, the focus left on the status line */
    if (showResults && showResults.getAttribute("aria-expanded") === "true") {
      EMM.clear(root.querySelector("[data-results]"));
      showResults.setAttribute("aria-expanded", "false");
      showResults.hidden = false;
      askResults(false);
    }
  }

  /* after a failure: a submission whose reply was lost is shown as saved; the form stays. Refused because no write
     is taken now (the due date passed while the form was open): the form closed, as the next page shows it, the
     refusal still said, the answers on the device said not to have gone and forgotten (decision 93) */
  function refresh(err) {
    if (EMM.writesClosed(err)) {
      if (err.error === EMM.CODES.PAST_DUE) { drafts.lapse(alertBox); }
      state.locked = true;
      lock(false);  /* nothing went: an anonymous evaluation's "recorded" confirmation stays hidden */
      return;
    }
    EMM.post(runtime, element, "state", {}).then(function (body) {
      if (!body.submitted) { return; }
      var record = drafts.load(), mine = record && record.data;
      /* it arrived: the anonymous one always (there is one), a named one if these answers */
      var arrived = body.locked || (mine && same(mine.answers, body.answers) && (mine.comment || "").trim() === body.comment);
      if (!arrived) { return; }
      drafts.sent();
      EMM.clear(alertBox, true);
      saved(body);
    }, function () { /* no link: the link's return re-reads it */ });
  }

  function send(payload, actionId) {
    return EMM.action(runtime, element, "submit", payload, {
      button: submit,
      alert: alertBox,
      actionId: actionId,
      hold: EMM.holdForm(form),  /* the form shown after it is what went (emm-forms.js) */
      onSuccess: function (body) {
        drafts.sent();
        saved(body);
      },
      onError: function (err, meta) {
        if (err.statements) { markErrors(err.statements, true); }
        if (err.error === EMM.CODES.ALREADY_SUBMITTED) { state.locked = true; lock(); drafts.drop(); }
        drafts.failed("submit", payload, err, meta, alertBox);
        /* answered on a scale changed since: nothing was kept. The page again, its form on the new scale; what this
           one kept on the device (on the old scale, no longer waiting) is left out there, and said (restore) */
        if (err.error === EMM.CODES.SCALE_CHANGED) { state.locked = true; window.location.reload(); }
      },
      refresh: refresh
    });
  }

  /* the link is back: send what waits (with its id: done once) */
  function resend() {
    var record = drafts.load();
    if (state.locked || EMM.isSending(element) || !record || !record.queued || !record.data) { return; }
    send(record.data, record.queued.actionId);
  }

  function updateProgress() {
    if (!progress || state.locked) { return; }
    var done = Object.keys(collect()).length;
    progress.textContent = EMM.format(_("Answered {done} of {total}"), {done: EMM.count(done, root), total: EMM.count(args.total, root)});
  }

  /* the statements of ids marked, the others cleared (EMM.mark); focus: into the first */
  function markErrors(ids, focus) {
    var said = Object.create(null);
    ids.forEach(function (id) { said[id] = _("Please choose an answer."); });
    return EMM.mark(root, "data-statement", said, focus);
  }

  /* a statement marked unanswered loses its mark once answered, the others keep theirs; the alert's line goes with
     the last mark (learner trial s38: both stayed after the answers, and the learner dared not send) */
  var missingLine = "";
  function unmarkAnswered() {
    var marked = statements().filter(function (fs) { return fs.classList.contains("emm-invalid"); });
    if (!marked.length) { return; }
    var still = missingRequired(collect()).filter(function (id) {
      return marked.some(function (fs) { return fs.getAttribute("data-statement") === id; });
    });
    if (still.length < marked.length && !markErrors(still, false) && alertBox.textContent === missingLine) {
      EMM.clear(alertBox, true);
    }
  }

  function missingRequired(answers) {
    return statements().filter(function (fs) {
      return fs.hasAttribute("data-required") && !(fs.getAttribute("data-statement") in answers);
    }).map(function (fs) { return fs.getAttribute("data-statement"); });
  }

  /* nothing more to send: the form disabled or, where the server wrote the confirmation a reload
     shows in its place (an anonymous evaluation's [data-sent]), that confirmation instead of it;
     ``sent`` false: closed with nothing sent (a refusal), the form disabled, no confirmation */
  function lock(sent) {
    root.querySelectorAll("input, textarea").forEach(function (input) { input.disabled = true; });
    if (submit) { submit.hidden = true; }
    if (progress) { progress.hidden = true; }
    var confirmation = sent === false ? null : root.querySelector("[data-sent]");
    if (confirmation && form) { form.hidden = true; confirmation.hidden = false; }
  }

  function onSubmit(event) {
    event.preventDefault();
    if (state.locked) { return; }  /* tapped while the block sends (its results asked): it goes next (EMM.action) */
    EMM.clear(alertBox, true);
    var answers = collect();
    var missing = missingRequired(answers);
    if (markErrors(missing, true)) {
      missingLine = EMM.format(_("Please answer every required statement ({n} left)."), {n: EMM.count(missing.length, root)});
      EMM.say(alertBox, missingLine);
      return;
    }
    if (EMM.refuseOverLimit(form, alertBox)) { return; }
    send(current());
  }

  /* past the due date with nothing submitted: what the device kept never went, said and forgotten (emm-drafts.js) */
  if (args.lapsed) { drafts.lapse(alertBox); } else if (state.locked) { drafts.drop(); }
  if (form) {
    form.addEventListener("submit", onSubmit);
    form.addEventListener("change", function () { updateProgress(); drafts.keep(current()); unmarkAnswered(); });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA") { drafts.keep(current()); }
    });
    EMM.ready(root);
    /* answers kept on the device back into the form (a sent anonymous one keeps none, one on another scale its
       comment and profile: restore) */
    drafts.resume(element, restore, resend);
    EMM.watchLimits(form, status);
    updateProgress();
  }

  var noResults = _("No connection: the results could not be shown. Check your connection and try again.");
  /* the panel's stylesheets, once (common/assets.py ADDED); rejects as EMM.post */
  function load(files) {
    var loaded = window.EmmLikertFiles = window.EmmLikertFiles || {};
    function one(url) {
      loaded[url] = loaded[url] || new Promise(function (resolve, reject) {
        var node = EMM.el("link", {rel: "stylesheet", href: url});
        node.onload = resolve;
        node.onerror = function () {
          delete loaded[url];
          node.remove();
          /* the answers are sent already: only the results could not come */
          reject({error: EMM.LOCAL_CODES.NETWORK, message: noResults});
        };
        document.head.appendChild(node);
      });
      return loaded[url];
    }
    return Promise.all((files.styles || []).map(one));
  }

  /* the server's results panel; `focus`: on its heading when asked, not when asked again after an update */
  function askResults(focus) {
    var target = root.querySelector("[data-results]");
    /* its files load now, beside the figures: only who asks downloads them */
    var panel = load(args.results_files || {});
    panel.catch(function () { /* said once the figures are here */ });
    EMM.action(runtime, element, "get_results", {reply: "page"}, {
      button: showResults,
      alert: alertBox,
      offline: noResults,
      onSuccess: function (data) {
        panel.then(function () {
          EMM.setServerHtml(target, data.html);
          showResults.setAttribute("aria-expanded", "true");
          showResults.hidden = true;
          /* on the panel's heading: read as "Results, heading", not a nameless box */
          if (focus) { (target.querySelector("[data-results-title]") || target).focus(); }
        }, function (err) { EMM.say(alertBox, err.message); });
      }
    });
  }
  if (showResults) { showResults.addEventListener("click", function () { askResults(true); }); }
}
