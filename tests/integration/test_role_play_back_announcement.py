"""Bug hunt s43: after "Go back one step" the live region says "You chose: <label>. Step 2.", as if
the learner had just taken a choice. The label is that of the choice two steps back (the one that
led to the step now shown); the learner pressed "Go back" and a screen reader tells them they chose
something (``role_play/views.py`` ``_announce``: the "You chose" is said whenever the step shown has
a last choice, whatever the action). The docs (role_play.md, "Keyboard and screen readers"): the
live region announces the step ("Step 3.")."""

import re

from tests.integration.test_role_play_handlers import labelled

DEEP = """
<emm_role_play display_name="Deep" allow_back="true">
  <role id="r1" start="a">Officer</role>
  <node id="a"><narrative><![CDATA[<p>AT-A</p>]]></narrative><choice goto="b">Listen to her</choice></node>
  <node id="b"><narrative><![CDATA[<p>AT-B</p>]]></narrative><choice goto="c">Call a colleague</choice></node>
  <node id="c"><narrative><![CDATA[<p>AT-C</p>]]></narrative><choice goto="end">Refer her</choice></node>
  <node id="end" ending="true"><narrative><![CDATA[<p>END</p>]]></narrative></node>
</emm_role_play>
"""


def test_going_back_is_not_announced_as_a_choice(scenario, handlers):
    uid = scenario(DEEP)
    r = handlers.post(uid, "begin", {"role": "r1"})
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Listen to her"]})
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Call a colleague"]})
    assert r.json_body["announcement"] == "You chose: Call a colleague. Step 3."
    r = handlers.post(uid, "back")
    assert r.status_code == 200 and r.json_body["step"] == 2
    said = r.json_body["announcement"]
    assert not re.search("You chose", said), said  # "You chose: Listen to her. Step 2." after "Go back"
    assert "Step 2." in said
