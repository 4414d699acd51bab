"""What the live room reads under an item's bars (``live_room.poll_figures``): how many answered,
and why the results are not shown where they are not, in the page's language (plural forms differ
by language; numbers as the page's language writes them). The block gives ``ungettext`` and
``numbers()``; the poll's ``result`` is ``live.figures``' or a block's own (``likert.live.figures``).
"""


def total_text(block, item, result, closed=False):
    """What the room reads under the bars (translated on the server: plural forms differ by
    language; the numbers in the page's language). Where an option is counted apart ("Not
    applicable"), the line says what the percentages and the minimum group size count: while
    too few answered on the scale, how many answered "Not applicable" and how many on the scale,
    so that "6 answers" never stands beside "from 5" (not below the minimum group size, where the
    poll gives no ``na``: how many answered, nothing of how). Once the session ended, or past the
    due date (``closed``: every answer refused), nothing more will be counted: no "so far". Where
    the poll leaves out how many answered (``live.figures``: a role-play decision past a role's
    first), the line says "fewer than" the minimum."""
    if result.get("outside"):
        return outside_text(block, result)
    if "n" not in result:
        return fewer_text(block, result, closed)
    n, minimum, na = result["n"], result["min"], result.get("na") or 0
    number = block.numbers().number
    values = {"n": number(n, 0), "min": number(minimum, 0), "na": number(na, 0), "scale": number(n - na, 0)}
    apart = any(option.apart for option in item.options)
    ended = result["s"] == "ended" or closed
    if result["shown"]:
        if apart and na:
            return block.ungettext("{n} answer; “Not applicable” left out of the percentages.",
                                   "{n} answers; “Not applicable” left out of the percentages.", n).format(**values)
        return block.ungettext("{n} answer", "{n} answers", n).format(**values)
    if apart and na:  # the "N/A" answers count among n, not towards the minimum: both said
        if ended:
            return block.ungettext(
                "{n} answer ({na} “Not applicable”): {scale} on the scale, too few to show the results "
                "(they show from {min} answers on the scale).",
                "{n} answers, {na} of them “Not applicable”: {scale} on the scale, too few to show the results "
                "(they show from {min} answers on the scale).", n).format(**values)
        return block.ungettext(
            "{n} answer ({na} “Not applicable”): the results show from {min} answers on the scale "
            "({scale} so far).",
            "{n} answers, {na} of them “Not applicable”: the results show from {min} answers on the scale "
            "({scale} so far).", n).format(**values)
    if apart:
        if ended:
            return block.ungettext(
                "{n} answer: too few to show the results (they show from {min} answers on the scale).",
                "{n} answers: too few to show the results (they show from {min} answers on the scale).",
                n).format(**values)
        return block.ungettext("{n} answer so far: the results show from {min} answers on the scale.",
                               "{n} answers so far: the results show from {min} answers on the scale.",
                               n).format(**values)
    if ended:
        return block.ungettext("{n} answer: too few to show the results (they show from {min}).",
                               "{n} answers: too few to show the results (they show from {min}).", n).format(**values)
    return block.ungettext("{n} answer so far: the results show from {min}.",
                           "{n} answers so far: the results show from {min}.", n).format(**values)


def outside_text(block, result):
    """The line of an anonymous evaluation's statement withheld because too few answered it outside the
    session (``likert.live.figures``): why, without saying how many (the room knows who was not there)."""
    minimum = result["min"]
    return block.ungettext(
        "Not shown: some people, fewer than {min}, answered this anonymous evaluation outside this session; "
        "the results panel less these figures would give their answers away.",
        "Not shown: some people, fewer than {min}, answered this anonymous evaluation outside this session; "
        "the results panel less these figures would give their answers away.", minimum,
    ).format(min=block.numbers().number(minimum, 0))


def fewer_text(block, result, closed=False):
    """The line under the bars of an item too few took, whose number of answers is not said."""
    minimum = result["min"]
    values = {"min": block.numbers().number(minimum, 0)}
    if result["s"] == "ended" or closed:
        return block.ungettext("Fewer than {min} answer: too few to show the results.",
                               "Fewer than {min} answers: too few to show the results.", minimum).format(**values)
    return block.ungettext("Fewer than {min} answer so far: the results show from {min}.",
                           "Fewer than {min} answers so far: the results show from {min}.", minimum).format(**values)
