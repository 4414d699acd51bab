"""Every page and answer of a fixed run of the three blocks, in en, fr, es and ar, printed as text:
run it on two trees and compare the files, so that a change meant to make a page faster is seen
to change no byte of it (decisions 18 and 33)::

    PYTHONHASHSEED=0 python bench/same_output.py --tree /work/main > /tmp/main.txt
    PYTHONHASHSEED=0 python bench/same_output.py --tree . > /tmp/this.txt
    cmp /tmp/main.txt /tmp/this.txt

``--tree``: the checkout whose ``emm_xblocks`` is imported (this script's own tree by default).
The run, on the in-memory store of ``bench/speed.py``: 8 learners answer each block (the case
study's demo with its profile question and a minimum group size of 3, so that some profile groups
are shown and some withheld, an option and the profile question given markup and quotes to
escape, and documents of each kind the page lists (read in the page, a large file, a link only,
texts to escape); the 10-question case; the Likert demo; the role-play demo played
to its endings by both roles, see ``Run.role_play``), each learner's page is rendered after their action; course staff
submit too, then the case study's author removes an option and a question, and staff's and a
learner's pages are rendered again (the answers shown apart to staff). ``PYTHONHASHSEED=0`` fixes
the workbench's user ids. Then the case-study and Likert pages the demos do not reach
(``Run.case_more``, ``Run.likert_named``), the role-play's read-only pages and its steps with no
choice open.
"""

import argparse
import copy
import datetime
import json
import os
import re
import sys
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "fr", "es", "ar")
LEARNERS = 8
PROFILES = ("gov", "gov", "gov", "cso", "cso", "io", "other", "gov")
# documents added after a case's first, one of each kind the page lists: read in the page and a
# large file's link, read in the page only, a link only, and texts to escape: (title, address,
# size, excerpt). Each one the author's checks accept: a case with an error is not served to
# learners ("not_ready"), and no panel would be compared.
DOCUMENTS = (('The "law" <2015-36> & its decree', "https://example.org/law.pdf?a=1&b=2", "2,5 Mo",
              "<p>Article 1 & 2</p>"),
             ("Field notes", "", "12 ko", "<p>Notes <b>kept</b></p>"),
             ("A web page <i>&</i>", "https://example.org/page", "", ""))


def _import_tree(tree):
    """Import ``emm_xblocks`` from ``tree`` before ``bench/speed.py`` puts this tree on the path."""
    sys.path.insert(0, str(Path(tree).resolve()))
    import emm_xblocks

    sys.path.insert(1, str(HERE))
    import speed

    return emm_xblocks, speed


def _choices(questions, turn):
    """Answers to a case's ``questions`` (its ``content`` field's), varied by learner ``turn``: the
    ``turn``-th option (single), the options up to it (multiple), a text long enough (reflection)."""
    answers = {}
    for q in questions:
        ids = [o["id"] for o in q["options"]]
        if q["kind"] == "single":
            answers[q["id"]] = ids[turn % len(ids)]
        elif q["kind"] == "multiple":
            answers[q["id"]] = ids[: 1 + turn % len(ids)]
        else:
            answers[q["id"]] = " ".join(["Protection & evidence <first> in \"transit\"."] * 10)
    return answers


def _text(response):
    body = response.body.decode("utf-8")
    try:
        return json.dumps(json.loads(body), ensure_ascii=False, sort_keys=True, indent=1)
    except ValueError:
        return body


class Run:
    def __init__(self, speed, language):
        self.speed, self.language = speed, language
        self.runtime_class = speed.memory_runtime_class()

    def show(self, label, text):
        print(f"===== {self.language} {label}\n{text}")

    def block(self, user, usage, runtime_class=None):
        runtime = (runtime_class or self.runtime_class)(user)
        return runtime.get_block(usage)

    def call(self, user, usage, handler, data, runtime_class=None):
        block = self.block(user, usage, runtime_class)
        response = block.runtime.handle(block, handler, self.speed.post(data))
        self.show(f"{user} {handler} {response.status_code}{_seen_as(runtime_class)}", _text(response))
        return json.loads(response.body)

    def render(self, user, usage, runtime_class=None):
        block = self.block(user, usage, runtime_class)
        self.show(f"{user} student_view{_seen_as(runtime_class)}", block.render("student_view", {}).content)

    def case(self, name, olx, profiles=True):
        from lxml import etree

        root = etree.fromstring(olx.encode("utf-8"))
        root.set("min_group_size", "3")
        for element in (root.find("question/option"), root.find("profile/option")):
            if element is not None:  # texts to escape
                element.text = 'Smuggling <b>& "trafficking"</b> \'not\' ' + (element.text or "")
        if root.find("profile") is not None:
            root.find("profile").set("prompt", 'You <i>work</i> for & "with"')
        anchor = root.find("document")
        for title, href, size, excerpt in DOCUMENTS if anchor is not None else ():
            document = etree.Element("document", size=size, **({"href": href} if href else {}))
            document.text = title
            if excerpt:
                etree.SubElement(document, "excerpt").text = etree.CDATA(excerpt)
            anchor.addnext(document)
            anchor = document
        olx = etree.tostring(root, encoding="unicode")
        usage = self.runtime_class(None).parse_xml_string(olx)
        questions = self.block(None, usage).content["questions"]
        for i in range(LEARNERS):
            user = f"{name}_learner_{i}"
            self.submit_case(user, usage, questions, i, profiles)
            self.render(user, usage)
        self.submit_case(f"staff_{name}", usage, questions, 0, profiles)
        staff = self.block(f"staff_{name}", usage)
        content = copy.deepcopy(staff.content)
        questions = content["questions"]
        questions[0]["options"] = questions[0]["options"][:-1]  # an option removed
        del questions[1]  # a question removed
        staff.content = content
        staff.save()
        self.render(f"staff_{name}", usage)
        self.render(f"{name}_learner_0", usage)
        self.submit_case(f"staff_{name}_2", usage, questions, 1, profiles)

    def case_more(self):
        """The case-study pages the runs above do not reach: a case with images (an alt and a
        caption to escape, one without a caption) and no limit of attempts, a learner's page
        before any answer and after a saved draft, read-only (staff masquerading, past the due
        date), and a case with no question."""
        from lxml import etree

        root = etree.fromstring(self.speed._demo("emm_case_study-1-en.xml").encode("utf-8"))
        root.set("attempts_allowed", "0")
        anchor = root.find("narrative")
        for src, alt, caption in (("https://example.org/map.png?a=1&b=2", 'The "map" <north> & south', "Agadez <2023>"),
                                  ("/static/road.jpg", "The road", "")):
            image = etree.Element("image", src=src, alt=alt)
            image.text = caption or None
            anchor.addnext(image)
        usage = self.runtime_class(None).parse_xml_string(etree.tostring(root, encoding="unicode"))
        self.render("more_learner_0", usage)
        questions = self.block(None, usage).content["questions"]
        self.call("more_learner_0", usage, "save_draft", {"answers": _choices(questions, 1)})
        self.render("more_learner_0", usage)
        self.submit_case("more_learner_1", usage, questions, 1, True)
        for seen_as in (masquerading_runtime_class(self.runtime_class), past_due_runtime_class(self.runtime_class)):
            self.render("more_learner_0", usage, seen_as)
            self.render("more_learner_1", usage, seen_as)
        usage = self.runtime_class(None).parse_xml_string(
            '<emm_case_study display_name="No &lt;questions&gt;"><narrative>Text</narrative></emm_case_study>')
        self.render("more_learner_2", usage)
        self.render("staff_more", usage)

    def submit_case(self, user, usage, questions, turn, profiles):
        data = {"answers": _choices(questions, turn)}
        if profiles:
            data["profile"] = PROFILES[turn]
        self.call(user, usage, "submit", data)

    def likert(self):
        olx = self.speed._demo("emm_likert-1-en.xml")
        usage = self.runtime_class(None).parse_xml_string(olx)
        for i in range(LEARNERS):
            user = f"likert_learner_{i}"
            data = self.speed.likert_answers(olx)
            data["answers"] = {k: 1 + (i + j) % 5 for j, k in enumerate(data["answers"])}
            self.call(user, usage, "submit", data)
            self.render(user, usage)
        self.render("staff_likert", usage)

    def likert_named(self):
        """The Likert pages the demo (anonymous, results to learners) does not reach: a named,
        graded evaluation with a profile question and the comment box's default prompt, results
        to staff only (texts to escape in the title, the prompt, the options, the comment), a
        learner's page before and after submitting, the staff's, the learner's again after the
        author changed the scale, and read-only (staff masquerading, past the due date); an
        evaluation with no statement, and one with an error (not served)."""
        olx = ('<emm_likert display_name="Named &amp; &lt;graded&gt; &quot;one&quot;" comment_box="true"'
               ' participation_graded="true" results="staff" allow_na="true">'
               '<item id="a">First &lt;b&gt; &amp; "one"</item><item id="b" required="false">Second</item>'
               '<profile prompt="You &lt;i&gt;work&lt;/i&gt; for &amp; &quot;with&quot;">'
               '<option id="gov">Gov &lt;1&gt;</option><option id="cso">Civil "society"</option></profile>'
               '</emm_likert>')
        usage = self.runtime_class(None).parse_xml_string(olx)
        self.render("named_learner_0", usage)
        self.call("named_learner_0", usage, "submit", {"answers": {"a": 2, "b": "na"}, "profile": "cso",
                                                       "comment": 'More <b>cases</b> & "role plays"'})
        self.render("named_learner_0", usage)
        self.render("named_learner_1", usage)
        self.render("staff_named", usage)
        for seen_as in (masquerading_runtime_class(self.runtime_class), past_due_runtime_class(self.runtime_class)):
            self.render("named_learner_0", usage, seen_as)
            self.render("named_learner_1", usage, seen_as)
        staff = self.block("staff_named", usage)
        staff.scale = "frequency5"  # as the editor records a changed scale (decision 27)
        staff.content = {**staff.content, "scale_epoch": 1,
                         "past_scales": [{"epoch": 0, "scale": "agree5", "custom_labels": []}]}
        staff.save()
        self.render("named_learner_0", usage)
        for olx in ('<emm_likert display_name="Empty"/>',
                    '<emm_likert display_name="Broken"><item id="a">One</item><item id="a">Two</item></emm_likert>'):
            usage = self.runtime_class(None).parse_xml_string(olx)
            self.render("named_learner_2", usage)
            self.render("staff_named", usage)

    def role_play(self):
        """Learners of both roles play to an ending (one goes back a step on the way, one starts
        again at the end), with a profile; going back allowed, a node's image and a choice's
        label to escape, a minimum group size of 2 so that the tables by role and profile show."""
        from lxml import etree

        root = etree.fromstring(self.speed._demo("emm_role_play-1-en.xml").encode("utf-8"))
        root.set("allow_back", "true")
        root.set("min_group_size", "2")
        root.set("grade_policy", "last")  # a new attempt can lower the grade: the ending warns
        first = root.find("node")
        etree.SubElement(first, "image", src="https://example.org/desk.png", alt='The "desk" & <line>')
        first.insert(0, first[-1])
        root.find("node/choice").text = 'Speak with her <apart> & "alone"'
        olx = etree.tostring(root, encoding="unicode")
        roles = [r.get("id") for r in root.findall("role")]
        usage = self.runtime_class(None).parse_xml_string(olx)
        for i in range(LEARNERS):
            user = f"role_learner_{i}"
            answer = self.call(user, usage, "begin", {"role": roles[i % len(roles)], "profile": PROFILES[i]})
            for step in range(12):
                tokens = [m for s in self.speed.strings_in(answer) for m in re.findall(r'data-choice="([^"]+)"', s)]
                if not tokens:
                    break
                answer = self.call(user, usage, "choose", {"choice": tokens[(i + step) % len(tokens)]})
                if i == 3 and step == 1:
                    answer = self.call(user, usage, "back", {})
            self.render(user, usage)
            if i == 5:
                self.call(user, usage, "restart", {})
                self.render(user, usage)
        self.render("staff_role_play", usage)
        answer = self.call("role_learner_mid", usage, "begin", {"role": roles[1], "profile": "cso"})
        token = next(m for s in self.speed.strings_in(answer) for m in re.findall(r'data-choice="([^"]+)"', s))
        self.call("role_learner_mid", usage, "choose", {"choice": token})
        self.read_only(usage, ["role_learner_0", "role_learner_mid", "role_learner_new"], roles[0])

    def read_only(self, usage, users, role):
        """``users``' pages (a learner at an ending, one at a step with its retry offered, one yet
        to choose a role) as course staff see them while masquerading as each, and as each sees
        them after the due date: the buttons disabled, the notice that says why; the read-only
        ``state`` handler's panel, and ``start`` refused."""
        for seen_as in (masquerading_runtime_class(self.runtime_class), past_due_runtime_class(self.runtime_class)):
            for user in users:
                self.render(user, usage, seen_as)
                self.call(user, usage, "state", {}, seen_as)
            self.call(users[-1], usage, "begin", {"role": role}, seen_as)

    def stranded(self):
        """A learner at a step whose every choice is closed (imported as is: the editor would
        refuse it): after a first step (going back and a free restart offered), and at the role's
        start (nothing offered: the notice asks to tell the course team)."""
        olx = """<emm_role_play display_name="Strands &amp; \u201cknots\u201d" attempts_allowed="2">
  <role id="r1" start="a">Officer &amp; <b>co</b></role><role id="r2" start="b">Stuck "one"</role>
  <node id="a" speaker="Desk &lt;1&gt;"><narrative><![CDATA[<p>AT-A</p>]]></narrative>
    <choice goto="b" points="-2">Rush &lt;now&gt; &amp; "fast"
      <consequence><![CDATA[<p>Too fast & "loud"</p>]]></consequence></choice>
    <choice goto="c" points="3">Listen</choice></node>
  <node id="c"><narrative>AT-C</narrative><choice goto="b">Go on</choice></node>
  <node id="b"><narrative>AT-B</narrative>
    <choice goto="end" if_visited="c">Refer</choice><choice goto="end" min_points="1">Report</choice></node>
  <node id="end" ending="true" category="good"><narrative>AT-END</narrative><debrief>DEBRIEF</debrief></node>
</emm_role_play>"""
        usage = self.runtime_class(None).parse_xml_string(olx)
        answer = self.call("strand_learner_0", usage, "begin", {"role": "r1"})
        token = next(m for s in self.speed.strings_in(answer) for m in re.findall(r'data-choice="([^"]+)"', s))
        self.call("strand_learner_0", usage, "choose", {"choice": token})  # "Rush": -2 points, c not visited
        self.render("strand_learner_0", usage)
        self.call("strand_learner_0", usage, "restart", {})
        self.call("strand_learner_1", usage, "begin", {"role": "r2"})
        self.render("strand_learner_1", usage)


def _seen_as(runtime_class):
    return f" ({runtime_class.seen_as})" if runtime_class is not None else ""


def masquerading_runtime_class(runtime_class):
    """``runtime_class`` as the LMS runs a block while course staff "View this course as a
    specific learner": the block is the learner's, and the user service's Django user carries the
    staff member as ``real_user`` (``lms/djangoapps/courseware/masquerade.py``,
    ``setup_masquerade``; what ``common.platform.is_masquerading`` reads, as
    ``tests/openedx/services.py`` models it)."""

    class Masquerading(runtime_class):
        seen_as = "staff masquerading"

        def __init__(self, user_id):
            super().__init__(user_id)
            learner = SimpleNamespace(id=f"learner:{user_id}", real_user=SimpleNamespace(id="staff:masquerading"))
            self._services["user"]._django_user = learner

    return Masquerading


def past_due_runtime_class(runtime_class):
    """``runtime_class`` with the platform's inherited ``due`` and ``graceperiod`` mixed into
    every block (``xmodule/modulestore/inheritance.py``'s ``InheritanceMixin``, as
    ``tests/openedx/inheritance.py`` models it), the due date a day past."""
    from xblock.core import XBlockMixin
    from xblock.fields import Date, Scope, Timedelta
    from xblock.runtime import Mixologist

    class Deadline(XBlockMixin):
        due = Date(scope=Scope.settings, default=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
        graceperiod = Timedelta(scope=Scope.settings)

    class PastDue(runtime_class):
        seen_as = "past the due date"

        def __init__(self, user_id):
            super().__init__(user_id)
            self.mixologist = Mixologist([Deadline])

    return PastDue


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", default=str(HERE.parent))
    args = parser.parse_args()
    emm_xblocks, speed = _import_tree(args.tree)
    print(f"# emm_xblocks from {Path(emm_xblocks.__file__).parent.parent}", file=sys.stderr)
    speed.setup_django(":memory:")
    from django.utils import translation

    for language in LANGUAGES:
        translation.activate(language)
        run = Run(speed, language)
        run.case(f"case_{language}", speed._demo("emm_case_study-1-en.xml"))
        run.case(f"ten_{language}", speed.ten_question_case(), profiles=False)
        run.case_more()
        run.likert()
        run.likert_named()
        run.role_play()
        run.stranded()
    if os.environ.get("PYTHONHASHSEED") != "0":
        print("# PYTHONHASHSEED is not 0: the user ids, and so the pages, differ from run to run", file=sys.stderr)


if __name__ == "__main__":
    main()
