"""The grade's sentences (``attempts.grade_words``) as the case study's feedback panel and the
role-play's ending show them, one paragraph (pure: no XBlock, no Django).

Which attempt counts comes first, then the score that counts (when it is not the last attempt's),
that the grade stays once no attempt is left, and the grade the course holds when the current key
or points would give another; each part marked for the pages' scripts and tests (``data-counted``,
``data-final``, ``data-grade-held``). Every sentence is escaped here.
"""

from html import escape


def grade_html(grade, css_class):
    """``<p class="{css_class}" data-grade>`` holding ``grade``'s sentences (``attempts.grade_words``:
    ``{"policy", "counted", "final", "changed"}``, each a sentence or ""), escaped."""
    counted = f' <strong data-counted>{escape(grade["counted"])}</strong>' if grade["counted"] else ""
    final = f' <span data-final>{escape(grade["final"])}</span>' if grade["final"] else ""
    # the key or points changed since: the grade the course kept until staff rescore
    held = f' <strong data-grade-held>{escape(grade["changed"])}</strong>' if grade.get("changed") else ""
    return f'<p class="{css_class}" data-grade>{escape(grade["policy"])}{counted}{final}{held}</p>'
