/* emm-xblocks editors: the limits of a [data-lines] box, line by line (the editors' own measure, EMM.measures of
   emm-forms.js; loaded for editors only, after emm-forms.js: common/assets.py EDITOR_HELPERS). Learners never load it. */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (!EMM || EMM.linesMeasured) { return; }
  EMM.linesMeasured = true;

  /* A [data-lines] box holds a list, one item a line (the case study's key facts, the Likert's custom labels), each
     item limited on its own as common/limits.py checks it: its length is its longest line as the save keeps it
     (common/text.py one_line: trimmed as getValue sends it, then each run of white space, as Python's str.isspace sees
     it, made one space, or its no-break spaces alone if it holds some; counted in code points as Python's len); its
     counter speaks of lines; a refused send puts the caret at the start of the first line over the limit
     (emm-forms.js, EMM.measures; tests/js/one-line-lengths.json holds the cases both sides agree on; white space: the
     word count's list too, tests/js/word-counts.json, as emm-questions.js holds it). */
  var SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
  var RUNS = new RegExp(SPACE, "g"), ENDS = new RegExp("^" + SPACE + "|" + SPACE + "$", "g");
  function gap(run) { return run.replace(/[^\xa0\u2007\u202f]/g, "") || " "; }  // French typography's no-break spaces kept
  function lineLength(line) { return Array.from(line.trim().replace(ENDS, "").replace(RUNS, gap)).length; }
  EMM.measures.push({
    applies: function (control) { return control.hasAttribute("data-lines"); },
    length: function (control) {
      return control.value.split("\n").reduce(function (most, line) { return Math.max(most, lineLength(line)); }, 0);
    },
    /* the numbers as the language of the control's block writes them ("1 000"); the plural by the number itself */
    words: function (left, max, control) {
      var n = EMM.count(Math.abs(left), control);
      return left < 0
        ? EMM.format(EMM.ngettext("A line is {n} character too long (limit {max} a line): nothing was cut, shorten it.",
          "A line is {n} characters too long (limit {max} a line): nothing was cut, shorten it.", -left),
        {n: n, max: EMM.count(max, control)})
        : EMM.format(EMM.ngettext("{n} character left on the longest line", "{n} characters left on the longest line", left), {n: n});
    },
    focus: function (control, max) {
      var start = 0, lines = control.value.split("\n");
      for (var i = 0; i < lines.length; i += 1) {
        if (lineLength(lines[i]) > max) { control.setSelectionRange(start, start); return; }
        start += lines[i].length + 1;
      }
    }
  });
}(window));
