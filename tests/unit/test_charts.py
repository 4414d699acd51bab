"""``common.charts``: the data of the charts drawn on the server (``templates/common/chart.html``)."""

from emm_xblocks.common import charts
from emm_xblocks.common.numbers import Numbers


def _(text):
    return text


def test_a_length_is_a_css_number_clamped_to_the_track_in_every_language():
    assert [charts.length(v) for v in (37.5, 12.125, 0, 100, 100.4, -3, 1 / 3)] == [
        "37.5", "12.13", "0", "100", "100", "0", "0.33"]  # never "37,5": no CSS length in French


def statement(sid, segments, n=4, suppressed=False, reverse=False):
    return {"id": sid, "text": f"<b>{sid}</b>", "reverse": reverse, "suppressed": suppressed, "n": n, "na": 0,
            "segments": segments}


def test_the_likert_chart_draws_the_favourable_segments_and_no_bar_for_a_withheld_statement():
    labels = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
    chart = charts.diverging(labels, [
        statement("a", [(2, 37.5, 12.5), (5, 62.5, 25.0)]),
        statement("b", [(4, 50.0, 50.0)], reverse=True),
        statement("c", [(5, 50.0, 50.0)], n=2, suppressed=True),  # segments are never drawn when suppressed
        statement("d", [], n=0),
    ], _)
    assert chart["centre"] is True
    assert [item["cls"] for item in chart["legend"]] == [f"emm-p{i}of5" for i in range(1, 6)]
    a, b, c, d = chart["rows"]
    assert a["segments"] == [{"cls": "emm-p2of5", "start": "37.5", "width": "12.5"},
                             {"cls": "emm-p5of5", "start": "62.5", "width": "25"}]
    assert a["label"] == "<b>a</b>"  # the template escapes it
    # the reader's note after the author's words, each drawn in its own direction (templates/common/chart.html)
    assert (b["label"], b["note"]) == ("<b>b</b>", "reverse-coded: counted rescored, favourable answers on the same "
                                                    "side as the others")
    assert a["note"] == "" and a["lang"] == ""
    assert (c["segments"], c["empty"]) == ([], "Too few answers to show.")
    assert (d["segments"], d["empty"]) == ([], "No answers on the scale.")


def test_the_pre_post_chart_writes_the_tables_figures_and_nothing_while_suppressed():
    figures = {"suppressed": False, "mean_pre": 25.0, "mean_post": 74.6}
    chart = charts.pre_post(figures, _, Numbers("fr"))
    assert [(r["id"], r["segments"], r["value"]) for r in chart["rows"]] == [
        ("pre", [{"cls": "emm-bar-pre", "start": "0", "width": "25"}], "25\xa0%"),
        ("post", [{"cls": "emm-bar-post", "start": "0", "width": "74.6"}], "75\xa0%")]
    assert charts.pre_post({"suppressed": True, "mean_pre": None, "mean_post": None}, _, Numbers("fr")) is None
    row, = charts.bars([("x", "X", None, "—", "emm-bar-pre")])["rows"]
    assert (row["segments"], row["value"], row["empty"]) == ([], "", "—")
