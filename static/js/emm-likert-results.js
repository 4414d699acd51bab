/* emm_likert: the results panel, built with DOM calls only, loaded when a person asks for the
   results (emm-likert.js; common/assets.py). Every figure says its basis: the answer columns
   are the answers as given; the bars, the top-box columns and the mean are favourable (reverse-coded
   statements rescored), as the server computed them (likert/statistics.py). Numbers per locale. */
var EmmLikertResults = {
  render: function (target, data) {
    "use strict";
    var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
    var loc = EMM.locale(target);
    function num(value, digits) { return EMM.number(value, loc, digits); }
    function pct(value) { return value === null || value === undefined ? "–" : EMM.percent(value, loc); }
    /* the author's language, where it is set and not the page's (common/content_language.py):
       on the author's words, never on the reader's; a custom scale's labels are the author's */
    var lang = data.lang || null, labelLang = data.custom ? lang : null;
    /* a statement (the author's words, in their own direction), then its note (the reader's) */
    function rowLabel(st, note) {
      var text = EmmLikertResults.own(st.text, lang);
      return st.reverse ? [text, " ", el("bdi", {text: "(" + note + ")"})] : [text];
    }
    function empty(st) {
      if (st.suppressed) {
        return EMM.format(_("Too few answers to show (fewer than {min} on the scale)."), {min: num(data.min_group_size, 0)});
      }
      if (!st.na) { return _("No answers yet."); }
      return EMM.format(EMM.ngettext("No answers on the scale: {n} person chose “N/A”.",
        "No answers on the scale: {n} people chose “N/A”.", st.na), {n: num(st.na, 0)});
    }
    /* staff only; the codebook even below the minimum group size */
    function downloads() {
      [[data.csv_url, _("Download the responses (CSV)"), data.csv_excel_url],
        [data.codebook_url, _("Download the codebook: what each column holds (CSV)"), data.codebook_excel_url]
      ].forEach(function (file) {
        if (file[0]) { target.appendChild(EmmLikertResults.download(file[0], file[1], file[2], data.excel_link)); }
      });
    }
    target.replaceChildren();
    target.appendChild(el("h4", {text: _("Results")}));
    target.appendChild(el("p", {class: "emm-respondents", text: EMM.format(
      EMM.ngettext("{n} respondent", "{n} respondents", data.respondents), {n: num(data.respondents, 0)})}));
    if (data.suppressed) {
      target.appendChild(el("p", {class: "emm-notice", text: data.message}));
      downloads();
      return;
    }
    if (data.headline_text) { target.appendChild(el("p", {class: "emm-headline", text: data.headline_text})); }
    if (data.literal_text) { target.appendChild(el("p", {class: "emm-headline-literal", text: data.literal_text})); }
    var legend = el("ul", {class: "emm-legend", "aria-hidden": "true"}, data.labels.map(function (label, i) {
      return el("li", {}, [el("span", {class: "emm-swatch emm-p" + (i + 1) + "of" + data.labels.length}),
        EmmLikertResults.isolated(label, labelLang)]);
    }));
    target.appendChild(legend);
    if (data.reverse_shown) {
      target.appendChild(el("p", {class: "emm-basis", text: _("Bars, top boxes and means count reverse-coded statements rescored: favourable answers are always on the same side of the centre.")}));
    }
    data.statements.forEach(function (st) {
      var row = el("div", {class: "emm-chart-row", "data-chart": st.id}, [el("p", {class: "emm-chart-label", dir: "auto"},
        rowLabel(st, _("reverse-coded: counted rescored, favourable answers on the same side as the others")))]);
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
    /* a custom scale's labels are the author's words: each in its own direction */
    var head = [_("Statement"), "n"].concat(data.labels.map(function (label) {
      return EmmLikertResults.isolated(label, labelLang);
    }), [_("N/A"), _("Top box (favourable)"),
      _("Top two (favourable)")], data.reverse_shown ? [_("Top two as worded")] : [], [_("Mean (favourable)")]);
    var table = el("table", {class: "emm-table"}, [
      el("caption", {text: _("Answers per statement as given (count and percentage; N/A left out of percentages); top boxes and mean favourable, reverse-coded statements rescored")}),
      el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", {scope: "col"}, [h]); }))]),
      el("tbody", {}, data.statements.map(function (st) {
        var cells = [EmmLikertResults.rowHead(rowLabel(st, _("reverse-coded")))];
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
    if (data.profiles) {
      EmmLikertResults.profiles(target, data.profiles, lang, data.profile_csv_url, data.profile_csv_excel_url,
        data.excel_link);
    }
    if (data.comments && data.comments.length) {
      target.appendChild(el("h4", {text: _("Comments")}));
      target.appendChild(el("ul", {class: "emm-comments"}, data.comments.map(function (c) { return el("li", {dir: "auto", text: c}); })));
    }
    downloads();
  }
};

/* a staff download, then its Excel variant beside it (the separator Excel reads in the page's
   language, the page's decimal mark: common/spreadsheet.py), each a button; ``excelLink``, the server's
   words for it (``{text, title}``, naming its separator) */
EmmLikertResults.download = function (url, text, excelUrl, excelLink) {
  "use strict";
  var el = window.EMM.el;
  var links = [el("a", {href: url, class: "emm-button", download: "", text: text})];
  if (excelUrl && excelLink) {
    links.push(" ", el("a", {href: excelUrl, class: "emm-button", download: "", "data-csv-excel": "",
      title: excelLink.title, text: excelLink.text}));
  }
  return el("p", {}, links);
};

/* a row's head: the statement in its own direction, in a block of its own; the cell keeps the
   page's, so that it sticks on the page's start side as the table scrolls (emm-likert-results.css) */
EmmLikertResults.rowHead = function (label) {
  "use strict";
  return window.EMM.el("th", {scope: "row"}, [window.EMM.el("div", {dir: "auto"}, label)]);
};

/* an author's text inside the reader's words, in its own direction (and its language, if given) */
EmmLikertResults.isolated = function (text, lang) {
  "use strict";
  return window.EMM.el("bdi", {text: text, lang: lang});
};

/* an author's text in its language where the page declares it (a span), else the text itself */
EmmLikertResults.own = function (text, lang) {
  "use strict";
  return lang ? window.EMM.el("span", {lang: lang, text: text}) : text;
};

/* Answers no figure counts, shown apart and labelled (issue 10): answers given on an earlier scale,
   with that scale's labels, and answers to statements no longer in the survey. */
EmmLikertResults.apart = function (target, section) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var head = [_("Statement"), "n"].concat(section.labels.map(EmmLikertResults.isolated), [_("N/A")]);
  var table = el("table", {class: "emm-table"}, [
    /* the section's heading shows the title; the caption names the table for screen readers only */
    el("caption", {class: "emm-sr", text: section.title}),
    el("thead", {}, [el("tr", {}, head.map(function (h) { return el("th", {scope: "col"}, [h]); }))]),
    el("tbody", {}, section.statements.map(function (st) {
      var cells = [EmmLikertResults.rowHead([st.text])];
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
EmmLikertResults.profiles = function (target, table, lang, csvUrl, excelUrl, excelLink) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var loc = EMM.locale(target);
  var frame = _("By profile: {question}"), title = EMM.format(frame, {question: table.prompt});
  /* the heading shows the author's question in its own direction inside the reader's sentence */
  var around = frame.split("{question}");
  var withheld = _("withheld: too few answers");
  var head = [el("th", {scope: "col", text: _("Statement")})].concat(table.columns.map(function (c) {
    var n = c.n === null ? (c.small ? withheld : _("not shown")) : EMM.format(_("{n} answered"), {n: EMM.number(c.n, loc, 0)});
    /* an option is the author's; "Did not say" (its key "") the reader's */
    return el("th", {scope: "col"}, [el("span", {dir: "auto", lang: c.key ? lang : null, text: c.text}), el("br", {}),
      el("small", {text: n})]);
  }));
  var rows = table.statements.map(function (st) {
    return el("tr", {"data-profile-row": st.id}, [EmmLikertResults.rowHead([EmmLikertResults.own(st.text, lang)])].concat(
      st.cells.map(function (cell) {
        /* too few answered, or withheld to protect a group that did (the secondary rule) */
        if (!cell.shown) { return el("td", {"data-withheld": "", text: cell.small ? withheld : _("not shown")}); }
        var favourable = cell.favourable === null ? "–" : EMM.percent(cell.favourable, loc);
        var top = cell.top_box === null ? "–" : EMM.percent(cell.top_box, loc);
        return el("td", {text: EMM.format(_("{favourable} favourable ({top} top box)"), {favourable: favourable, top: top})});
      })));
  });
  var section = el("section", {class: "emm-profiles", "data-profiles": ""}, [
    el("h4", {}, [around[0], EmmLikertResults.isolated(table.prompt, lang), around.slice(1).join("{question}")]),
    el("div", {class: "emm-table-wrap", tabindex: "0", role: "region", "aria-label": title}, [
      el("table", {class: "emm-table"}, [el("caption", {class: "emm-sr", text: title}),
        el("thead", {}, [el("tr", {}, head)]), el("tbody", {}, rows)])])
  ]);
  if (csvUrl) { section.appendChild(EmmLikertResults.download(csvUrl, _("Download the figures by profile (CSV)"), excelUrl, excelLink)); }
  target.appendChild(section);
};
