/* emm_likert learner view: progress counter, submit, results panel. Answers in progress are
   kept on the device (EMM.deviceDraft) until the server has them; after any failure the page
   re-reads the server's state ("state"). */
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
  var drafts = EMM.deviceDraft(form ? args.draft_key || "" : "", submit ? EMM.draftStatus(submit) : null);

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

  /* the optional participant profile: the option picked, or "" (prefer not to say) */
  function profile() {
    var picked = root.querySelector("[data-profile] input[type=radio]:checked");
    return picked ? picked.value : "";
  }

  function current() {
    var comment = commentBox();
    return {answers: collect(), comment: comment ? comment.value : "", profile: profile()};
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
    if (typeof data.profile === "string") {
      root.querySelectorAll("[data-profile] input[type=radio]").forEach(function (input) { input.checked = input.value === data.profile; });
    }
  }

  function same(a, b) {
    var keys = Object.keys(a || {});
    return keys.length === Object.keys(b || {}).length && keys.every(function (k) { return String(a[k]) === String((b || {})[k]); });
  }

  function saved(body) {
    state.submitted = true;
    /* the status line says it and takes the focus: a hidden Submit button would drop the focus
       to the page's body */
    status.textContent = body.can_change ? _("Thank you: your answers were saved. You can change them and submit again.") : body.message;
    if (!body.can_change) { state.locked = true; lock(); }
    else if (submit) { submit.textContent = _("Update my answers"); }
    if (body.results_available) {
      var section = root.querySelector("[data-results-section]");
      if (section) { section.hidden = false; }
    }
    status.focus();
  }

  /* After any failure, the server's state: a submission whose reply was lost is shown as saved
     (and the anonymous form locked); the answers in the form stay as they are. */
  function refresh() {
    EMM.post(runtime, element, "state", {}).then(function (body) {
      if (!body.submitted) { return; }
      var record = drafts.load(), mine = record && record.data;
      /* this page's submission reached the server: the anonymous one always (there is one), a
         named one if the server holds these very answers */
      var arrived = body.locked || (mine && same(mine.answers, body.answers) && (mine.comment || "").trim() === body.comment);
      if (!arrived) { return; }
      drafts.sent();
      EMM.clear(alertBox, true);
      saved({can_change: body.can_change, results_available: body.results_available,
        message: _("Thank you: your answers were saved.")});
    }, function () { /* no link: the link's return re-reads it */ });
  }

  function send(payload, actionId) {
    return EMM.action(runtime, element, "submit", payload, {
      button: submit,
      alert: alertBox,
      actionId: actionId,
      onSuccess: function (body) {
        drafts.sent();
        saved(body);
      },
      onError: function (err, meta) {
        if (err.statements) { markErrors(err.statements); }
        if (err.error === EMM.CODES.ALREADY_SUBMITTED) { state.locked = true; lock(); drafts.drop(); }
        /* not sent, or its reply lost: kept on the device with its id, sent when the link is back */
        if (meta.lost) { drafts.queue("submit", meta.actionId, payload); }
      },
      refresh: refresh
    });
  }

  /* the link is back: send what is waiting (with its id: done once even if it had arrived) */
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
      EMM.say(alertBox, EMM.format(_("Please answer every required statement ({n} left)."), {n: EMM.count(missing.length, root)}));
      root.querySelector("[data-statement=\"" + missing[0] + "\"] input").focus();
      return;
    }
    if (EMM.refuseOverLimit(form, alertBox)) { return; }
    send(current());
  }

  if (form) {
    form.addEventListener("submit", onSubmit);
    form.addEventListener("change", function () { updateProgress(); drafts.keep(current()); });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA") { drafts.keep(current()); }
    });
    /* answers kept on this device: back into the form (a sent anonymous evaluation keeps none) */
    var kept = drafts.load();
    if (kept && state.locked) { drafts.drop(); }
    else if (kept && kept.data) {
      fill(kept.data);
      drafts.restored(kept);
      if (kept.queued && window.navigator.onLine !== false) { resend(); }
    }
    EMM.watchLimits(form, status);
    updateProgress();
    EMM.whenOnline(resend);
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

/* The results panel, built with DOM calls only. Every figure says its basis: the answer columns
   are the answers as given; the bars, the top-box columns and the mean are favourable (reverse-coded
   statements rescored), as the server computed them (likert/statistics.py). Numbers per locale. */
var EmmLikertResults = {
  render: function (target, data) {
    "use strict";
    var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
    var loc = EMM.locale(target);
    function num(value, digits) { return EMM.number(value, loc, digits); }
    function pct(value) { return value === null || value === undefined ? "–" : EMM.percent(value, loc); }
    function rowLabel(st) {
      return st.text + (st.reverse ? " (" + _("reverse-coded: counted rescored, favourable answers on the same side as the others") + ")" : "");
    }
    function empty(st) {
      if (st.suppressed) {
        return EMM.format(_("Too few answers to show (fewer than {min} on the scale)."), {min: num(data.min_group_size, 0)});
      }
      if (!st.na) { return _("No answers yet."); }
      return EMM.format(EMM.ngettext("No answers on the scale: {n} person chose “N/A”.",
        "No answers on the scale: {n} people chose “N/A”.", st.na), {n: num(st.na, 0)});
    }
    target.replaceChildren();
    target.appendChild(el("h4", {text: _("Results")}));
    target.appendChild(el("p", {class: "emm-respondents", text: EMM.format(
      EMM.ngettext("{n} respondent", "{n} respondents", data.respondents), {n: num(data.respondents, 0)})}));
    if (data.suppressed) {
      target.appendChild(el("p", {class: "emm-notice", text: data.message}));
      return;
    }
    if (data.headline_text) { target.appendChild(el("p", {class: "emm-headline", text: data.headline_text})); }
    if (data.literal_text) { target.appendChild(el("p", {class: "emm-headline-literal", text: data.literal_text})); }
    var legend = el("ul", {class: "emm-legend", "aria-hidden": "true"}, data.labels.map(function (label, i) {
      return el("li", {}, [el("span", {class: "emm-swatch emm-p" + (i + 1) + "of" + data.labels.length}), label]);
    }));
    target.appendChild(legend);
    if (data.reverse_shown) {
      target.appendChild(el("p", {class: "emm-basis", text: _("Bars, top boxes and means count reverse-coded statements rescored: favourable answers are always on the same side of the centre.")}));
    }
    data.statements.forEach(function (st) {
      var row = el("div", {class: "emm-chart-row", "data-chart": st.id}, [el("p", {class: "emm-chart-label", text: rowLabel(st)})]);
      if (st.suppressed || !st.n) {
        row.appendChild(el("p", {class: "emm-notice", text: empty(st)}));
      } else {
        var track = el("div", {class: "emm-track", "aria-hidden": "true"}, [el("span", {class: "emm-centre"})]);
        st.segments.forEach(function (seg) {
          var s = el("span", {class: "emm-seg emm-p" + seg.value + "of" + data.labels.length});
          s.style.insetInlineStart = seg.start + "%";
          s.style.inlineSize = seg.width + "%";
          track.appendChild(s);
        });
        row.appendChild(track);
      }
      target.appendChild(row);
    });
    var head = [_("Statement"), "n"].concat(data.labels, [_("N/A"), _("Top box (favourable)"),
      _("Top two (favourable)")], data.reverse_shown ? [_("Top two as worded")] : [], [_("Mean (favourable)")]);
    var table = el("table", {class: "emm-table"}, [
      el("caption", {text: _("Answers per statement as given (count and percentage; N/A left out of percentages); top boxes and mean favourable, reverse-coded statements rescored")}),
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", {scope: "col", text: h}); }))]),
      el("tbody", {}, data.statements.map(function (st) {
        var cells = [el("th", {scope: "row", text: st.text + (st.reverse ? " (" + _("reverse-coded") + ")" : "")})];
        if (st.suppressed) {
          cells.push(el("td", {colspan: String(head.length - 1), text: empty(st)}));
          return el("tr", {"data-row": st.id}, cells);
        }
        cells.push(el("td", {text: num(st.n, 0)}));
        st.counts.forEach(function (c, i) {
          cells.push(el("td", {text: st.n ? num(c, 0) + " (" + pct(st.percents[i]) + ")" : num(c, 0)}));
        });
        cells.push(el("td", {text: num(st.na, 0)}));
        cells.push(el("td", {text: pct(st.top_box)}));
        cells.push(el("td", {text: pct(st.top_two_box)}));
        if (data.reverse_shown) { cells.push(el("td", {text: pct(st.agree_two_box)})); }
        cells.push(el("td", {text: st.mean === null ? "–" : num(st.mean, 2)}));
        return el("tr", {"data-row": st.id}, cells);
      }))
    ]);
    target.appendChild(el("div", {class: "emm-table-wrap", tabindex: "0", role: "region",
      "aria-label": _("Results table")}, [table]));
    (data.apart || []).forEach(function (section) { EmmLikertResults.apart(target, section); });
    if (data.profiles) { EmmLikertResults.profiles(target, data.profiles, data.profile_csv_url); }
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
    /* the section's heading shows the title; the caption names the table for screen readers only */
    el("caption", {class: "emm-sr", text: section.title}),
    el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", {scope: "col", text: h}); }))]),
    el("tbody", {}, section.statements.map(function (st) {
      var cells = [el("th", {scope: "row", text: st.text})];
      if (st.suppressed) {
        cells.push(el("td", {colspan: String(head.length - 1), text: _("Too few answers to show.")}));
      } else {
        cells.push(el("td", {text: EMM.count(st.n, target)}));
        st.counts.forEach(function (c) { cells.push(el("td", {text: EMM.count(c, target)})); });
        cells.push(el("td", {text: EMM.count(st.na, target)}));
      }
      return el("tr", {}, cells);
    }))
  ]);
  target.appendChild(el("section", {class: "emm-apart", "data-apart": ""}, [
    el("h5", {text: section.title}),
    el("div", {class: "emm-table-wrap", tabindex: "0", role: "region", "aria-label": section.title}, [table])
  ]));
};

/* Who answered (issue 11): a column per participant profile (and one for who did not say), each
   statement's favourable share and top box; a cell the server withheld (too few answers, or one that
   would give a small group away: common/perspectives.py) says so. */
EmmLikertResults.profiles = function (target, table, csvUrl) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var loc = EMM.locale(target);
  var title = EMM.format(_("By profile: {question}"), {question: table.prompt});
  var withheld = _("withheld: too few answers");
  var head = [el("th", {scope: "col", text: _("Statement")})].concat(table.columns.map(function (c) {
    var n = c.n === null ? withheld : EMM.format(_("{n} answered"), {n: EMM.number(c.n, loc, 0)});
    return el("th", {scope: "col"}, [el("span", {dir: "auto", text: c.text}), el("br", {}), el("small", {text: n})]);
  }));
  var rows = table.statements.map(function (st) {
    return el("tr", {"data-profile-row": st.id}, [el("th", {scope: "row", dir: "auto", text: st.text})].concat(
      st.cells.map(function (cell) {
        if (!cell.shown) { return el("td", {"data-withheld": "", text: withheld}); }
        var favourable = cell.favourable === null ? "–" : EMM.percent(cell.favourable, loc);
        var top = cell.top_box === null ? "–" : EMM.percent(cell.top_box, loc);
        return el("td", {text: EMM.format(_("{favourable} favourable ({top} top box)"), {favourable: favourable, top: top})});
      })));
  });
  var section = el("section", {class: "emm-profiles", "data-profiles": ""}, [
    el("h4", {text: title}),
    el("div", {class: "emm-table-wrap", tabindex: "0", role: "region", "aria-label": title}, [
      el("table", {class: "emm-table"}, [el("caption", {class: "emm-sr", text: title}),
        el("thead", {}, [el("tr", {}, head)]), el("tbody", {}, rows)])])
  ]);
  if (csvUrl) {
    section.appendChild(el("p", {}, [el("a", {href: csvUrl, class: "emm-button", download: "",
      text: _("Download the figures by profile (CSV)")})]));
  }
  target.appendChild(section);
};

function EmmLikertAuthor() { "use strict"; }
