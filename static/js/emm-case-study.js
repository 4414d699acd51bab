/* emm_case_study learner view: draft, submit, self-assessment, try again, low-data images.
   The results panel is rendered on the server (escaped, author HTML sanitised) and sent only
   after the submit that earns it, and put in with EMM.setServerHtml (inert); learner text
   only ever goes in as text. */
function EmmCaseStudy(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element).querySelector(".emm-case") || EMM.root(element);
  var form = root.querySelector(".emm-case-form");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var resultsBox = root.querySelector("[data-results]");
  var actions = root.querySelector("[data-form-actions]");
  var attemptsLine = root.querySelector("[data-attempts]");
  var LOW = "emm-low-data";

  function questions() { return Array.prototype.slice.call(root.querySelectorAll("[data-question]")); }

  function countWords(text) { var t = text.trim(); return t ? t.split(/\s+/).length : 0; }

  function collect() {
    var answers = {};
    questions().forEach(function (fs) {
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
  }

  function markErrors(ids, message) {
    questions().forEach(function (fs) {
      var slot = fs.querySelector("[data-error-for]");
      var bad = ids.indexOf(fs.getAttribute("data-question")) !== -1;
      fs.classList.toggle("emm-invalid", bad);
      if (bad) {
        slot.textContent = message || _("Please answer this question.");
        slot.removeAttribute("hidden");
        fs.setAttribute("aria-describedby", slot.id);
      } else { slot.textContent = ""; slot.setAttribute("hidden", ""); fs.removeAttribute("aria-describedby"); }
    });
  }

  function setLocked(locked) {
    root.querySelectorAll(".emm-case-form input, .emm-case-form textarea").forEach(function (i) { i.disabled = locked; });
    if (actions) { actions.hidden = locked; }
  }

  function showResults(body) {
    /* server-rendered, escaped template: see case_study/views.py::results */
    EMM.setServerHtml(resultsBox, body.html);
    if (attemptsLine && body.attempts_left !== null && body.attempts_left !== undefined) {
      attemptsLine.textContent = EMM.format(EMM.ngettext("{n} attempt left", "{n} attempts left", body.attempts_left), {n: body.attempts_left});
    }
    /* the score and each question's verdict, read out; focus goes to the results' heading to read on */
    EMM.say(status, body.announcement || body.message || "");
    (resultsBox.querySelector("[data-focus]") || resultsBox).focus();
  }

  function run(handler, data, button, done) {
    EMM.action(runtime, element, handler, data, {
      button: button,
      alert: alertBox,
      onSuccess: done,
      onError: function (err) {
        if (err.questions) { markErrors(err.questions); }
        else if (err.question) { markErrors([err.question], err.message); }
      }
    });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (EMM.isSending(element)) { return; }
      var answers = collect();
      var missing = questions().map(function (fs) { return fs.getAttribute("data-question"); })
        .filter(function (id) { return !(id in answers); });
      markErrors(missing);
      if (EMM.refuseOverLimit(form, alertBox)) { return; }
      if (missing.length) {
        EMM.say(alertBox, EMM.format(_("Please answer every question ({n} left)."), {n: missing.length}));
        var first = root.querySelector("[data-question=\"" + missing[0] + "\"] input, [data-question=\"" + missing[0] + "\"] textarea");
        if (first) { first.focus(); }
        return;
      }
      run("submit", {answers: answers}, root.querySelector("[data-submit]"), function (body) {
        setLocked(true);
        showResults(body);
      });
    });
    var save = root.querySelector("[data-save]");
    save.addEventListener("click", function () {
      if (EMM.refuseOverLimit(form, alertBox)) { return; }
      run("save_draft", {answers: collect()}, save, function (body) { EMM.say(status, body.message); });
    });
    /* the word counter keeps the rule in sight: "12 words (minimum 50)" */
    var wordCount = function (area) {
      var counter = area.parentNode.querySelector("[data-word-count]");
      var min = parseInt(area.getAttribute("data-min-words"), 10) || 0;
      var max = parseInt(area.getAttribute("data-max-words"), 10) || 0;
      var n = countWords(area.value), values = {n: n, min: min, max: max};
      var text = EMM.ngettext("{n} word", "{n} words", n);
      if (min && max) { text = EMM.ngettext("{n} word (between {min} and {max})", "{n} words (between {min} and {max})", n); }
      else if (min) { text = EMM.ngettext("{n} word (minimum {min})", "{n} words (minimum {min})", n); }
      else if (max) { text = EMM.ngettext("{n} word (at most {max})", "{n} words (at most {max})", n); }
      counter.textContent = EMM.format(text, values);
      counter.classList.toggle("emm-over", Boolean(max && n > max));
    };
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA" && event.target.hasAttribute("data-min-words")) { wordCount(event.target); }
    });
    form.querySelectorAll("textarea[data-min-words]").forEach(function (area) { if (area.value.trim()) { wordCount(area); } });
    EMM.watchLimits(form, status);
  }

  resultsBox.addEventListener("click", function (event) {
    var target = event.target;
    if (target.hasAttribute("data-assess")) {
      var ticks = {};
      resultsBox.querySelectorAll("[data-key-points]").forEach(function (fs) {
        ticks[fs.getAttribute("data-key-points")] = Array.prototype.map.call(
          fs.querySelectorAll("input:checked"), function (i) { return i.value; });
      });
      run("self_assess", {ticks: ticks}, target, showResults);
    } else if (target.hasAttribute("data-retry")) {
      run("try_again", {}, target, function () {
        resultsBox.replaceChildren();
        setLocked(false);
        EMM.say(status, _("Your previous answers are in the form: change them and submit again."));
        /* the first question: its first answer control (its legend is read with it) */
        var first = root.querySelector("[data-question] input, [data-question] textarea");
        if (first) { first.focus(); }
      });
    }
  });

  /* low-data mode (remembered on this device): images and links to large files wait for a tap */
  var lowData = root.querySelector("[data-low-data]");
  var low = false;
  try { low = window.localStorage.getItem(LOW) === "1"; } catch (e) { low = false; }

  function loadImage(fig) {
    var img = fig.querySelector("img"), button = fig.querySelector("[data-show-image]");
    if (!img.getAttribute("src")) { img.setAttribute("src", img.getAttribute("data-src")); }
    img.hidden = false;
    button.hidden = true;
  }
  function applyLowData() {
    root.querySelectorAll("[data-large]").forEach(function (link) {
      var button = link.parentNode.querySelector("[data-show-link]");
      if (button && !link.hasAttribute("data-shown")) { link.hidden = low; button.hidden = !low; }
    });
    if (!low) { root.querySelectorAll(".emm-case-image").forEach(loadImage); }
  }
  if (lowData) {
    lowData.checked = low;
    lowData.addEventListener("change", function () {
      low = lowData.checked;
      try { window.localStorage.setItem(LOW, low ? "1" : "0"); } catch (e) { /* private mode */ }
      applyLowData();
    });
  }
  root.querySelectorAll(".emm-case-image").forEach(function (fig) {
    fig.querySelector("[data-show-image]").addEventListener("click", function () {
      loadImage(fig);
      var img = fig.querySelector("img");
      img.setAttribute("tabindex", "-1");
      img.focus();
    });
  });
  root.querySelectorAll("[data-show-link]").forEach(function (button) {
    button.addEventListener("click", function () {
      var link = button.parentNode.querySelector("[data-large]");
      link.setAttribute("data-shown", "");
      link.hidden = false;
      button.hidden = true;
      link.focus();
    });
  });
  applyLowData();

  /* documents: the viewer loads its excerpt when first opened (that request is also the
     tracking event); a link opens the file in a new tab and is tracked too */
  function opened(item, via) {
    return EMM.post(runtime, element, "document_opened",
      {index: parseInt(item.getAttribute("data-document"), 10), via: via});
  }
  root.querySelectorAll("[data-document]").forEach(function (item) {
    var viewer = item.querySelector("[data-viewer]"), text = item.querySelector("[data-doc-text]");
    var link = item.querySelector("[data-document-link]");
    if (link) {
      link.addEventListener("click", function () {
        opened(item, "link").catch(function () { /* tracking only: the document opens anyway */ });
      });
    }
    if (!viewer) { return; }
    var state = "";
    viewer.addEventListener("toggle", function () {
      if (!viewer.open || state === "loading" || state === "done") { return; }
      state = "loading";
      text.setAttribute("aria-busy", "true");
      text.replaceChildren(EMM.el("p", {class: "emm-hint", text: _("Loading…")}));
      opened(item, "viewer").then(function (body) {
        /* the excerpt is author HTML sanitised on the server (nh3 allow-list) */
        EMM.setServerHtml(text, body.html);
        state = "done";
      }, function (err) {
        text.replaceChildren(EMM.el("p", {class: "emm-field-error", text: err.message}));
        state = "";  /* closing and opening the viewer tries again */
      }).then(function () { text.removeAttribute("aria-busy"); });
    });
  });
}

function EmmCaseStudyAuthor() { "use strict"; }
