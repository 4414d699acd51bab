"""Counts worked out again from the answer rows, for the tests to compare with the summary the
store keeps in the submission's transaction (``common.summary``). ``summary.counted_from_rows``,
the block's count and tallies, is the package's (``make bench`` reads it too)."""

from collections import defaultdict

from django.db.models import Count

from emm_xblocks.models import Answer


def role_tallies_from_rows(block_key):
    """``summary.role_tallies`` counted from the answer rows (a ``GROUP BY``): ``{role: {group:
    {value: n}}}``, what the split summary must equal."""
    result = defaultdict(lambda: defaultdict(dict))
    rows = Answer.objects.filter(block_key=block_key).exclude(role="")
    for role, group, value, n in rows.values_list("role", "group", "value").annotate(n=Count("id")).order_by():
        result[role][group][value] = n
    return {role: dict(groups) for role, groups in result.items()}
