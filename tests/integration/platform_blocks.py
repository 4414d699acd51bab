"""OLX and small helpers shared by the ``test_platform_*`` tests (which run the blocks through
``tests.openedx``). Only public behaviour is used: OLX in, handler names and JSON bodies out,
views' HTML, ``student_view_data``, ``generate_report_data``, events."""

import json
import re
from datetime import UTC, datetime, timedelta

LIKERT = """
<emm_likert display_name="Evaluation" allow_na="true" comment="true" {extra}>
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
  <item id="applicability">I can apply what I learned.</item>
</emm_likert>
"""
LIKERT_ANSWERS = {"answers": {"relevance": 5, "pace": 2, "applicability": 4}, "comment": "Merci"}

CASE = """
<emm_case_study display_name="Case" {extra}>
  <narrative><![CDATA[<p>Public narrative.</p>]]></narrative>
  <question id="q1" type="single" points="2">
    <prompt><![CDATA[<p>Pick one.</p>]]></prompt>
    <option id="a" correct="true">Alpha<feedback>SECRET-FEEDBACK-A</feedback></option>
    <option id="b">Beta<feedback>SECRET-FEEDBACK-B</feedback></option>
    <explanation><![CDATA[<p>SECRET-EXPLANATION-1</p>]]></explanation>
  </question>
  {more}
  <expert_analysis><![CDATA[<p>SECRET-EXPERT-ANALYSIS</p>]]></expert_analysis>
</emm_case_study>
"""
REFLECTION = """
  <question id="q3" type="reflection" points="2" max_words="20">
    <prompt><![CDATA[<p>Write.</p>]]></prompt>
    <model_answer><![CDATA[<p>SECRET-MODEL-ANSWER</p>]]></model_answer>
    <key_point id="k1">SECRET-KEY-POINT-1</key_point>
  </question>
"""
SECOND_SINGLE = """
  <question id="q2" type="single" points="2">
    <prompt><![CDATA[<p>Pick another.</p>]]></prompt>
    <option id="x" correct="true">Ex</option>
    <option id="y">Why</option>
  </question>
"""

ROLE_PLAY = """
<emm_role_play display_name="Role-play" {extra}>
  <role id="r1" start="n-start">Officer</role>
  <node id="n-start"><narrative><![CDATA[<p>START-TEXT</p>]]></narrative>
    <choice goto="n-mid" points="2">Listen first<consequence><![CDATA[<p>GOOD-CONSEQUENCE</p>]]></consequence></choice>
    <choice goto="n-end" points="3">Refer at once</choice>
  </node>
  <node id="n-mid"><narrative><![CDATA[<p>MID-TEXT</p>]]></narrative>
    <choice goto="n-end" points="0">Finish</choice>
  </node>
  <node id="n-end" ending="true" category="good"><narrative><![CDATA[<p>END-TEXT</p>]]></narrative>
    <debrief><![CDATA[<p>DEBRIEF-TEXT</p>]]></debrief></node>
</emm_role_play>
"""

CHOICE_RE = re.compile(r'data-choice="([0-9a-f]+)"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<')


def past(hours=1):
    return datetime.now(UTC) - timedelta(hours=hours)


def future(days=7):
    return datetime.now(UTC) + timedelta(days=days)


def choices(result):
    """``{label: token}`` of the choices offered in a role-play handler answer."""
    return {label.strip(): token for token, label in CHOICE_RE.findall(result.json["html"])}


def play(ctx, key, labels, role="r1"):
    """Start the role-play and choose the choices with these labels; returns the last answer."""
    result = ctx.handle(key, "begin", {"role": role})
    for label in labels:
        assert result.status == 200, result.json
        result = ctx.handle(key, "choose", {"choice": choices(result)[label]})
    return result


def try_again(ctx, key):
    """The case study's "Try again" (``try_again``, formerly ``reset``)."""
    result = ctx.handle(key, "try_again", {})
    if result.status == 404 and type(getattr(result, "exception", None)).__name__ == "NoSuchHandlerError":
        result = ctx.handle(key, "reset", {})
    return result


def visible_text(html):
    """What a reader sees: no tags, no scripts (the wrapper's JSON init args included)."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S | re.I)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def page_args(platform, user, key, **kwargs):
    """The init args the runtime writes into the page (xblock/runtime.py, wrap_xblock)."""
    html = platform.lms(user, **kwargs).render(key, "student_view").content
    return json.loads(re.search(r'<script type="json/xblock-args"[^>]*>(.*?)</script>', html, re.S).group(1))
