/* emm_likert learner view: progress counter, submit, results panel. */
function EmmLikert(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element).querySelector(".emm-likert") || EMM.root(element);
  var form = root.querySelector("form");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var progress = root.querySelector("[data-progress]");
  var submit = root.querySelector("[data-submit]");
  var state = {submitted: args.submitted, locked: args.locked};

  function statements() { return Array.prototype.slice.call(root.querySelectorAll("[data-statement]")); }

  function collect() {
    var answers = {};
    statements().forEach(function (fs) {
      var picked = fs.querySelector("input[type=radio]:checked");
      if (picked) { answers[fs.getAttribute("data-statement")] = picked.value === "na" ? "na" : parseInt(picked.value, 10); }
    });
    return answers;
  }

  function updateProgress() {
    if (!progress || state.locked) { return; }
    var done = Object.keys(collect()).length;
    progress.textContent = EMM.format(_("Answered {done} of {total}"), {done: done, total: args.total});
  }

  function markErrors(ids) {
    statements().forEach(function (fs) {
      var id = fs.getAttribute("data-statement");
      var slot = fs.querySelector("[data-error-for]");
      var bad = ids.indexOf(id) !== -1;
      fs.classList.toggle("emm-invalid", bad);
      if (bad) {
        slot.textContent = _("Please choose an answer.");
        slot.removeAttribute("hidden");
        fs.setAttribute("aria-describedby", slot.id);
      } else { slot.textContent = ""; slot.setAttribute("hidden", ""); fs.removeAttribute("aria-describedby"); }
    });
  }

  function missingRequired(answers) {
    return statements().filter(function (fs) {
      return fs.hasAttribute("data-required") && !(fs.getAttribute("data-statement") in answers);
    }).map(function (fs) { return fs.getAttribute("data-statement"); });
  }

  function lock() {
    root.querySelectorAll("input, textarea").forEach(function (input) { input.disabled = true; });
    if (submit) { submit.hidden = true; }
    if (progress) { progress.hidden = true; }
  }

  function onSubmit(event) {
    event.preventDefault();
    if (state.locked || EMM.isSending(element)) { return; }
    EMM.clear(alertBox, true);
    var answers = collect();
    var missing = missingRequired(answers);
    markErrors(missing);
    if (missing.length) {
      EMM.say(alertBox, EMM.format(_("Please answer every required statement ({n} left)."), {n: missing.length}));
      root.querySelector("[data-statement=\"" + missing[0] + "\"] input").focus();
      return;
    }
    if (EMM.refuseOverLimit(form, alertBox)) { return; }
    var comment = root.querySelector("textarea[name=comment]");
    EMM.action(runtime, element, "submit", {answers: answers, comment: comment ? comment.value : ""}, {
      button: submit,
      alert: alertBox,
      onSuccess: function (body) {
        state.submitted = true;
        /* the status line says it and takes the focus: a hidden Submit button would drop the
           focus to the page's body */
        status.textContent = body.can_change ? _("Thank you: your answers were saved. You can change them and submit again.") : body.message;
        if (!body.can_change) { state.locked = true; lock(); }
        else { submit.textContent = _("Update my answers"); }
        if (body.results_available) {
          var section = root.querySelector("[data-results-section]");
          if (section) { section.hidden = false; }
        }
        status.focus();
      },
      onError: function (err) {
        if (err.statements) { markErrors(err.statements); }
        if (err.error === EMM.CODES.ALREADY_SUBMITTED) { state.locked = true; lock(); }
      }
    });
  }

  if (form) {
    form.addEventListener("submit", onSubmit);
    form.addEventListener("change", function () { updateProgress(); });
    EMM.watchLimits(form, status);
    updateProgress();
  }
  var showResults = root.querySelector("[data-show-results]");
  if (showResults) {
    showResults.addEventListener("click", function () {
      var target = root.querySelector("[data-results]");
      EMM.action(runtime, element, "get_results", {}, {
        button: showResults,
        alert: alertBox,
        onSuccess: function (data) {
          EmmLikertResults.render(target, data);
          showResults.setAttribute("aria-expanded", "true");
          showResults.hidden = true;
          target.focus();
        }
      });
    });
  }
}

/* The results panel, built with DOM calls only. */
var EmmLikertResults = {
  render: function (target, data) {
    "use strict";
    var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
    target.replaceChildren();
    target.appendChild(el("h4", {text: _("Results")}));
    target.appendChild(el("p", {class: "emm-respondents", text: EMM.format(
      EMM.ngettext("{n} respondent", "{n} respondents", data.respondents), {n: data.respondents})}));
    if (data.suppressed) {
      target.appendChild(el("p", {class: "emm-notice", text: data.message}));
      return;
    }
    if (data.headline_text) { target.appendChild(el("p", {class: "emm-headline", text: data.headline_text})); }
    var legend = el("ul", {class: "emm-legend", "aria-hidden": "true"}, data.labels.map(function (label, i) {
      return el("li", {}, [el("span", {class: "emm-swatch emm-p" + (i + 1) + "of" + data.labels.length}), label]);
    }));
    target.appendChild(legend);
    data.statements.forEach(function (st) {
      var label = st.text + (st.reverse ? " (" + _("reverse-coded") + ")" : "");
      var row = el("div", {class: "emm-chart-row"}, [el("p", {class: "emm-chart-label", text: label})]);
      var track = el("div", {class: "emm-track", "aria-hidden": "true"}, [el("span", {class: "emm-centre"})]);
      st.segments.forEach(function (seg) {
        var s = el("span", {class: "emm-seg emm-p" + seg.value + "of" + data.labels.length});
        s.style.insetInlineStart = seg.start + "%";
        s.style.inlineSize = seg.width + "%";
        track.appendChild(s);
      });
      if (st.suppressed) { row.appendChild(el("p", {class: "emm-notice", text: _("Too few answers to show.")})); }
      else { row.appendChild(track); }
      target.appendChild(row);
    });
    var head = [_("Statement"), "n"].concat(data.labels, [_("N/A"), _("Top box"), _("Top two"), _("Mean")]);
    var table = el("table", {class: "emm-table"}, [
      el("caption", {text: _("Answers per statement (count and percentage; N/A left out of percentages)")}),
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", {scope: "col", text: h}); }))]),
      el("tbody", {}, data.statements.map(function (st) {
        var cells = [el("th", {scope: "row", text: st.text + (st.reverse ? " (" + _("reverse-coded") + ")" : "")})];
        if (st.suppressed) {
          cells.push(el("td", {colspan: String(head.length - 1), text: _("Too few answers to show.")}));
        } else {
          cells.push(el("td", {text: String(st.n)}));
          st.counts.forEach(function (c, i) { cells.push(el("td", {text: c + " (" + st.percents[i] + "%)"})); });
          cells.push(el("td", {text: String(st.na)}));
          cells.push(el("td", {text: st.top_box + "%"}));
          cells.push(el("td", {text: st.top_two_box + "%"}));
          cells.push(el("td", {text: st.mean === null ? "" : String(st.mean)}));
        }
        return el("tr", {}, cells);
      }))
    ]);
    target.appendChild(el("div", {class: "emm-table-wrap", tabindex: "0", role: "region",
      "aria-label": _("Results table")}, [table]));
    (data.apart || []).forEach(function (section) { EmmLikertResults.apart(target, section); });
    if (data.comments && data.comments.length) {
      target.appendChild(el("h4", {text: _("Comments")}));
      target.appendChild(el("ul", {class: "emm-comments"}, data.comments.map(function (c) { return el("li", {text: c}); })));
    }
    if (data.csv_url) {
      target.appendChild(el("p", {}, [el("a", {href: data.csv_url, class: "emm-button", download: "", text: _("Download the responses (CSV)")})]));
    }
  }
};

/* Answers no figure counts, shown apart and labelled (issue 10): answers given on an earlier scale,
   with that scale's labels, and answers to statements no longer in the survey. */
EmmLikertResults.apart = function (target, section) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var head = [_("Statement"), "n"].concat(section.labels, [_("N/A")]);
  var table = el("table", {class: "emm-table"}, [
    el("caption", {text: section.title}),
    el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", {scope: "col", text: h}); }))]),
    el("tbody", {}, section.statements.map(function (st) {
      var cells = [el("th", {scope: "row", text: st.text})];
      if (st.suppressed) {
        cells.push(el("td", {colspan: String(head.length - 1), text: _("Too few answers to show.")}));
      } else {
        cells.push(el("td", {text: String(st.n)}));
        st.counts.forEach(function (c) { cells.push(el("td", {text: String(c)})); });
        cells.push(el("td", {text: String(st.na)}));
      }
      return el("tr", {}, cells);
    }))
  ]);
  target.appendChild(el("section", {class: "emm-apart", "data-apart": ""}, [
    el("h5", {text: section.title}),
    el("div", {class: "emm-table-wrap", tabindex: "0", role: "region", "aria-label": section.title}, [table])
  ]));
};

function EmmLikertAuthor() { "use strict"; }
