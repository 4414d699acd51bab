"""Text on one line: how titles, labels, options, statements, names and keys are kept (pure: no
XBlock, no Django). Every one-line normalisation calls ``one_line``; none joins ``str.split()``,
which takes French typography's no-break spaces for ordinary ones.

French puts a no-break space inside « » and before ? ! ; : (Word, LibreOffice and French
keyboards type it), so that a line on a projector or a phone never ends on a lone « or starts
with a ?. ``one_line`` keeps them (U+00A0, the narrow U+202F, the figure space U+2007), and
makes every other run of white space (spaces, tabs, line breaks of the OLX file, str.isspace's
whole list) one space.

A no-break space next to ordinary white space (``"vous \\u00a0?"``, ``"«\\u00a0\\n Jour"``): the
run becomes its no-break spaces alone, the ordinary ones dropped. A no-break space in a gap says
"never break here" (the author's tool put it where a break is wrong); a breakable space beside it
would bring back the very break it is there to prevent. What it costs: a gap an HTML editor wrote
as ``"&nbsp; "`` (a doubled space) becomes one no-break space, so two words may wrap together; no
character is lost. At the ends, no-break spaces go too: there they hold nothing together.

The editors' script measures a one-line field the same way before sending (static/js/emm-editor-lines.js,
``lineLength``; tests/js/one-line-lengths.json holds the cases both sides agree on). Counting
words is another concern (case_study/content.py, emm-questions.js): there a no-break space parts
words as any space does.
"""

import re

NO_BREAK = "\u00a0\u202f\u2007"
RUN = re.compile(r"\s+")  # \s of a str pattern is str.isspace: the white space str.split() sees
ORDINARY = re.compile(f"[^{NO_BREAK}]")


def _gap(match):
    return ORDINARY.sub("", match.group()) or " "


def one_line(text):
    """``text`` with every run of white space made one space, its no-break spaces kept (a run
    holding some becomes them alone), trimmed; ``""`` for None."""
    return RUN.sub(_gap, (text or "").strip())


def shortened(text, size):
    """``text`` in at most ``size`` characters, "…" last: cut at a word's end, the last that keeps
    at least half of them (else within the word), the punctuation and spaces left there dropped."""
    if len(text) <= size:
        return text
    if size <= 1:
        return "…"[:size]
    cut = text[:size - 1]
    if not text[size - 1].isspace():  # inside a word: back to the space before it
        space = cut.rfind(" ")
        if space >= size // 2:
            cut = cut[:space]
    return cut.rstrip(" -–—,;:.·(") + "…"
