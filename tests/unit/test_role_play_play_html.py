"""The role-play's play area written in Python (role_play/play_html.py): a catalogue is text, so a
translation holding markup or a quote is escaped, in the page and in the attributes it goes into,
as every value is; the author's HTML (sanitised before) is kept; a read-only page disables every
control. Byte-for-byte equality with the template it replaced: bench/same_output.py."""

from types import SimpleNamespace

from django.utils.safestring import SafeString

from emm_xblocks.common.profile import Option
from emm_xblocks.role_play.content import Node, Role
from emm_xblocks.role_play.play_html import play_html


def shouting(text):
    return '<b>"' + text + '"</b>'


def plural(one, many, n):
    return shouting(one if n == 1 else many)


def number(value, digits):
    return f"#{value}"


GRADE = {"policy": "Best <counts>", "counted": "", "retry_warning": "", "final": "",
         "retry_confirm": 'Start "again" & <lose>?'}


def html(ctx):
    return str(play_html(ctx, (shouting, plural, SimpleNamespace(number=number))))


def base(**kwargs):
    return {"dom": "emm-x", "notice": "", "read_only": "", "attempts": 1, "attempts_left": 2,
            "attempts_allowed": 3, **kwargs}


def test_choosing_a_role_escapes_translations_and_values_and_keeps_the_author_s_html():
    scenario = SimpleNamespace(asks_profile=True, profile_prompt='You "work" <for>', estimated_minutes=20,
                               profile_options=(Option("gov", "Gov & co"), Option("cso", "<i>CSO</i>")))
    page = html(base(phase="roles", scenario=scenario, learner_profile="cso", intro=SafeString("<p>Intro</p>"),
                     roles=[{"id": "r1", "label": "Officer <1>", "brief": SafeString("<p>Brief <em>one</em></p>")}],
                     read_only="Viewing as <learner>"))
    assert "<p>Intro</p>" in page and "<p>Brief <em>one</em></p>" in page  # sanitised author HTML, as is
    assert "<b>" not in page and "<i>" not in page and "<for>" not in page and "<1>" not in page
    assert "&lt;b&gt;&quot;Choose your role&quot;&lt;/b&gt;" in page
    assert "You &quot;work&quot; &lt;for&gt;" in page and "Gov &amp; co" in page
    assert "&lt;b&gt;&quot;#2 attempts left&quot;&lt;/b&gt;" in page  # the msgid's %(left)s, in its language
    # how long it takes, above the intro (facilitator trial s38: the role-play never said)
    meta = '<p class="emm-rp-meta">&lt;b&gt;&quot;About #20 minutes&quot;&lt;/b&gt;</p>'
    assert meta in page and page.index(meta) < page.index("<p>Intro</p>")
    scenario.estimated_minutes = 0  # not said: nothing
    assert "emm-rp-meta" not in html(base(phase="roles", scenario=scenario, learner_profile="", intro="", roles=[]))
    assert 'value="cso" checked disabled>' in page and 'data-role="r1" disabled' in page
    assert page.count(" disabled") == 4  # two options, "I prefer not to say", the role
    assert '<p class="emm-notice" data-read-only>Viewing as &lt;learner&gt;</p>' in page


def node_ctx(**kwargs):
    ctx = base(phase="node", role=Role("r1", "Officer"), step=2, node=Node("b", speaker='Desk "2"'),
               narrative=SafeString("<p>AT-B</p>"), image="", consequence=SafeString(""),
               last_label='Rush <now> & "fast"', can_restart=True, grade=GRADE, stranded=False, can_back=True,
               choices=[{"token": "t1", "label": "Listen <first>"}])
    return dict(ctx, **kwargs)


def test_a_step_keeps_its_attributes_closed_whatever_a_translation_holds():
    page = html(node_ctx())
    assert 'aria-label="&lt;b&gt;&quot;What your choice led to&quot;&lt;/b&gt;"' in page
    # the role-play's title first, then its own label: two role-plays on a page apart (bug hunt s44)
    assert 'aria-labelledby="emm-x-title emm-x-consequence"' in page
    assert '<section class="emm-rp-node" aria-labelledby="emm-x-title emm-x-node-heading">' in page
    assert "&lt;b&gt;&quot;You chose: <bdi>Rush &lt;now&gt; &amp; &quot;fast&quot;</bdi>&quot;&lt;/b&gt;" in page
    assert 'data-confirm="Start &quot;again&quot; &amp; &lt;lose&gt;?"' in page
    assert 'dir="auto" data-choice="t1">Listen &lt;first&gt;</button>' in page
    assert "Desk &quot;2&quot;" in page and "<p>AT-B</p>" in page and "<b>" not in page


def test_a_step_with_no_choice_open_offers_no_choice_and_asks_no_confirmation():
    page = html(node_ctx(stranded=True, choices=[]))
    assert "data-stranded" in page and "data-choice" not in page
    assert "data-restart>" in page and "data-confirm" not in page  # starting again from here costs nothing
    first = html(node_ctx(stranded=True, choices=[], can_back=False))
    assert "Please tell the course team" in first and "data-back" not in first
    # choices open that only go round a loop whose way out stays closed (hunt3): shown, with why
    # they lead nowhere and the same two ways on
    round_ = html(node_ctx(stranded=True))
    assert "data-stranded" in round_ and "None of the choices open to you" in round_
    assert 'data-choice="t1"' in round_ and "data-back" in round_ and "data-confirm" not in round_
    # past the due date (review s45) no step back nor start again is offered: the notice says it cannot go on
    closed = html(node_ctx(stranded=True, choices=[], closed=True))
    assert "Please tell the course team" in closed and "Go back one step, or" not in closed


def test_an_ending_s_tables_escape_captions_notes_and_figures():
    table = {"id": "emm-x-split-0", "caption": 'Step 1: "roles" <split>', "corner": "Choice & co",
             "role_note": "your <role>", "mine_note": "your choice", "columns": [
                 {"label": "Officer", "note": "4 <participants>", "mine": True},
                 {"label": "Worker", "note": "", "mine": False}],
             "rows": [{"label": "Listen", "note": "", "mine": True, "cells": [
                 {"shown": True, "percent": 75, "text": "75 %"}, {"shown": False, "text": "not <shown>"}]}]}
    page = html(base(phase="ending", role=Role("r1", "Officer"), step=3, node=Node("end", ending=True),
                     narrative=SafeString(""), image="", consequence=SafeString(""), last_label="", can_restart=True,
                     grade=dict(GRADE, retry_warning="A new <attempt>"), debrief=SafeString("<p>Debrief</p>"),
                     category="Good & right", category_key="good", show_score=True, score_text="Your score: 75 %",
                     band="", mine=[{"label": "Listen", "share": "(3 of 4 <chose>)"}], best_steps=["Listen"],
                     perspectives={"tables": [table], "withheld": ""}, profile_perspectives=None))
    assert 'aria-labelledby="emm-x-title emm-x-split-0"' in page and "Step 1: &quot;roles&quot; &lt;split&gt;" in page
    assert "(your &lt;role&gt;)" in page and "4 &lt;participants&gt;" in page and "not &lt;shown&gt;" in page
    assert 'style="--emm-share: 75%"' in page and 'emm-rp-cat-good">' in page
    assert "(3 of 4 &lt;chose&gt;)" in page and "A new &lt;attempt&gt;" in page  # the retry warning
    assert "<p>Debrief</p>" in page and "<b>" not in page


def roles_page(**kwargs):
    scenario = SimpleNamespace(asks_profile=False, estimated_minutes=0)
    return html(base(phase="roles", scenario=scenario, learner_profile="", intro="",
                     roles=[{"id": "r1", "label": "Officer", "brief": ""}], **kwargs))


def test_the_role_screen_says_how_many_attempts_there_are_and_that_a_role_starts_one():
    """Bug hunt "new": a tap on a role silently started attempt 1 of 3, and a learner who tapped the
    wrong role spent the second to take the other. Before the first attempt the screen says so, under
    its heading and above the roles, the count in the learner's language and plural."""
    page = roles_page(attempts=0, attempts_left=3, attempts_allowed=3)
    said = ('<p class="emm-rp-attempts-ahead" data-attempts-ahead>&lt;b&gt;&quot;You have #3 attempts. Choosing a '
            'role starts the first; playing again, in the same role or another, uses another attempt.&quot;&lt;/b&gt;'
            '</p>')
    assert said in page
    assert page.index("Choose your role") < page.index(said) < page.index('data-role="r1"')
    assert "emm-rp-attempts\"" not in page  # no "3 attempts left" beside it
    one = roles_page(attempts=0, attempts_left=1, attempts_allowed=1)
    assert "You have #1 attempt. Choosing a role starts it; the role cannot be changed afterwards." in one


def test_the_role_screen_says_nothing_of_attempts_without_a_limit_once_one_started_or_past_the_due_date():
    assert "data-attempts-ahead" not in roles_page(attempts=0, attempts_left=None, attempts_allowed=0)
    # after "Start again" the attempt is begun: the count left stays under the roles, as before
    again = roles_page(attempts=2, attempts_left=1, attempts_allowed=3)
    assert "data-attempts-ahead" not in again and "#1 attempt left" in again
    # past the due date the notice says why nothing is taken (decision 93): no count
    assert "data-attempts-ahead" not in roles_page(attempts=0, attempts_left=0, attempts_allowed=3, closed=True)
