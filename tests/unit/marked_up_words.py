"""Translators for page-writer tests: a catalogue whose every text holds markup and quotes, so a
test can see that a page escapes each translation it writes (``(gettext, ngettext, numbers)``, the
shape of ``EmmBlockBase.translators()``, in French numbers)."""

from emm_xblocks.common.numbers import Numbers


def shouting(text):
    return '<b>"' + text + '"</b>'


def plural(one, many, n):
    return shouting(one if n == 1 else many)


WORDS = (shouting, plural, Numbers("fr"))
