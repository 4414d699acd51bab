"""What an author sets in the course's evaluation report (pure data: no XBlock, no Django).

The report is placed once in a course (in a unit visible to staff only): it has settings and no
content of its own. Its figures come from the store: every Likert evaluation of the course that
learners have answered (``common.descriptions``, ``common.summary``).
"""

from dataclasses import dataclass

from ..common import content_language, settings
from ..common.i18n import N_
from ..common.settings import TEXT, Setting, with_settings

SETTINGS = (
    Setting("display_name", TEXT, N_("Evaluation report"), N_("Display name"), group="report"),
    content_language.setting(group="report"),
    Setting("headline_statement", TEXT, "", N_("Statement of the headline (its id; empty: the one most answered)"),
            group="report",
            # xgettext:no-python-format  ("% s" here is text, not a %-format)
            help=N_("For example relevance: “X% strongly agreed that …”."), key=True),
    settings.min_group_size(N_("Minimum number of respondents before a figure shows")),
)


@dataclass(frozen=True)
class _ReportContent:
    pass


Report = with_settings(_ReportContent, SETTINGS, "Report")
Report.__doc__ = "The evaluation report's settings (frozen, hashable)."

CONTENT_FIELDS = ()


def from_fields(values):
    """The ``Report`` held by the block's fields; a ``None`` setting keeps its default."""
    return Report(**settings.stored_settings(values, SETTINGS))


def to_fields(report):
    return settings.values(report, SETTINGS)
