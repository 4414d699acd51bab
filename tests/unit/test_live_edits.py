"""The pure side of "live content is safe to edit" (issue 10): what an edit does to stored
answers (``common.changes``, each block's ``changes``), and the Likert scale's epochs."""

from dataclasses import replace

from emm_xblocks.common.changes import IdChange, id_changes, reworded
from emm_xblocks.likert import olx
from emm_xblocks.likert.changes import answer_changes, carry_over
from emm_xblocks.likert.content import PastScale, Statement, Survey, from_fields, to_fields
from emm_xblocks.likert.epochs import group_of, split_group, split_tallies

SURVEY = Survey(statements=(Statement("relevance", "Relevant."), Statement("pace", "Too fast.", reverse=True)),
                allow_na=True)


def test_an_id_gone_with_its_text_kept_is_a_rename_else_a_removal():
    old = SURVEY.statements
    new = (Statement("relevance", "Relevant, reworded."), Statement("tempo", "Too  fast."))
    assert id_changes(old, new, lambda s: s.text) == [IdChange("pace", 1, "tempo")]
    assert id_changes(old, new[:1], lambda s: s.text) == [IdChange("pace")]
    assert id_changes(old, old, lambda s: s.text) == []


def test_a_rewording_is_a_change_of_words_not_of_case_spacing_or_punctuation():
    old = (Statement("a", "L'enfant est protégé."), Statement("b", "Relevant to my work."))
    same = (Statement("a", "l’enfant  est protégé\u00a0!"), Statement("b", "RELEVANT to my work"))
    assert reworded(old, same, lambda s: s.text) == []
    changed = (Statement("b", "Not relevant to my work."), Statement("a", "L'enfant est protégé."))
    assert reworded(old, changed, lambda s: s.text) == [(0, old[1], changed[0])]  # new index, matched by id
    useful = replace(SURVEY, statements=(Statement("relevance", "Useful."), SURVEY.statements[1]))
    warning, = answer_changes(SURVEY, useful, str)
    assert warning.field == "statements.0.text" and "“Relevant.”" in warning.message and not warning.error


def test_a_removed_statement_asked_again_under_its_id_with_other_words_is_a_rewording():
    # review s39: its answers, shown apart, would have joined the new words without a word
    removed = replace(SURVEY, statements=SURVEY.statements[1:], removed_statements=(SURVEY.statements[0],))
    again = replace(removed, statements=(Statement("relevance", "Not relevant at all."), *removed.statements))
    warning, = answer_changes(removed, again, str)
    assert warning.field == "statements.0.text" and "“Relevant.”" in warning.message
    same = replace(removed, statements=(Statement("relevance", "relevant"), *removed.statements))
    assert answer_changes(removed, same, str) == []
    # "a part" is not "apart", nor "1.5" "15"; an accent pasted as two characters is the same letter
    assert reworded((Statement("a", "A part"),), (Statement("a", "Apart"),), lambda s: s.text)
    assert reworded((Statement("a", "1.5 days"),), (Statement("a", "15 days"),), lambda s: s.text)
    assert not reworded((Statement("a", "protégé"),), (Statement("a", "prote\u0301ge\u0301"),), lambda s: s.text)


def test_likert_changes_name_the_field_they_touch():
    new = replace(SURVEY, scale="custom", custom_labels=("No", "Yes"), allow_na=False,
                  statements=(Statement("tempo", "Too fast."),))
    got = [(p.field, p.error) for p in answer_changes(SURVEY, new, str)]
    assert got == [("scale", False), ("allow_na", False), ("statements", False), ("statements.0.id", False)]
    relabelled = replace(SURVEY, scale="custom", custom_labels=("No", "Yes"))
    assert answer_changes(relabelled, replace(relabelled, custom_labels=("Non", "Oui")), str)[0].field == "scale"
    assert answer_changes(SURVEY, replace(SURVEY, display_name="Other", min_group_size=3), str) == []


def test_a_removed_statement_is_named_by_its_words_not_its_id():
    """Facilitator trial s34: "Statement “child_trafficking” was removed", an id the author never typed."""
    words = "I can now tell trafficking in persons from the smuggling of migrants, and refer each case " * 2
    old = replace(SURVEY, statements=(*SURVEY.statements, Statement("child_trafficking", words)))
    [removed] = [p for p in answer_changes(old, SURVEY, str) if p.field == "statements"]
    assert removed.message.startswith("The statement “I can now tell trafficking in persons from the smuggling of")
    assert "child_trafficking" not in removed.message
    assert "…” was removed: its answers are shown apart" in removed.message


def test_a_scale_change_with_answers_starts_an_epoch_and_going_back_reuses_the_old_one():
    agree4 = carry_over(SURVEY, replace(SURVEY, scale="agree4"), answered=True)
    assert agree4.scale_epoch == 1 and agree4.past_scales == (PastScale(0, "agree5"),)
    assert group_of(agree4, "pace") == "pace@1" and group_of(SURVEY, "pace") == "pace"
    custom = carry_over(agree4, replace(agree4, scale="custom", custom_labels=("No", "Yes")), answered=True)
    assert custom.scale_epoch == 2 and [p.epoch for p in custom.past_scales] == [0, 1]
    back = carry_over(custom, replace(custom, scale="agree5", custom_labels=()), answered=True)
    assert back.scale_epoch == 0
    assert back.past_scales == (PastScale(1, "agree4"), PastScale(2, "custom", ("No", "Yes")))
    # the editor never sends the epochs: an unrelated save keeps them
    assert carry_over(custom, replace(SURVEY, display_name="x"), answered=False).past_scales == custom.past_scales
    # no answers: nothing to keep
    assert carry_over(SURVEY, replace(SURVEY, scale="agree4"), answered=False).scale_epoch == 0


def test_tallies_split_by_scale_and_statement_nothing_dropped():
    survey = carry_over(SURVEY, replace(SURVEY, scale="agree4"), answered=True)
    tallies = {"pace": {"3": 2}, "pace@1": {"4": 1}, "gone": {"1": 1}, "gone@1": {"na": 2}, "relevance@1": {"2": 1}}
    current, apart = split_tallies(survey, tallies)
    assert current == {"pace": {"4": 1}, "relevance": {"2": 1}}
    assert apart == [((0, False), {"pace": {"3": 2}}), ((0, True), {"gone": {"1": 1}}),
                     ((1, True), {"gone": {"na": 2}})]
    assert split_group("a-b@12") == ("a-b", 12) and split_group("plain") == ("plain", 0)


def test_the_epochs_survive_the_fields_and_the_olx():
    survey = carry_over(replace(SURVEY, scale="custom", custom_labels=("Non", "Oui")),
                        replace(SURVEY, scale="agree4"), answered=True)
    assert from_fields(to_fields(survey)) == survey
    assert olx.from_xml(olx.to_xml(survey)) == survey
    xml = olx.to_xml(survey)
    assert xml.get("scale_epoch") == "1" and [label.text for label in xml.find("past_scale")] == ["Non", "Oui"]
    assert olx.to_xml(SURVEY).find("past_scale") is None and olx.to_xml(SURVEY).get("scale_epoch") is None


def test_the_likert_editor_refuses_a_text_too_long_rather_than_cutting_it():
    from emm_xblocks.likert import editor

    data = dict(editor.to_editor(SURVEY), intro="<p>" + "x" * 20000 + "</p>", scale="custom",
                custom_labels=["Low", "H" * 101], display_name="D" * 201)
    survey, problems = editor.from_editor(data, str)
    long = {p.field: p.message for p in problems if "nothing was cut" in p.message}
    assert set(long) == {"intro", "custom_labels", "display_name"} and all(p.error for p in problems
                                                                            if p.field in long)
    assert "20000 characters" in long["intro"] and "100 characters" in long["custom_labels"]
    fine = dict(data, intro="<p>ok</p>", custom_labels=["Low", "High"], display_name="Fine")
    assert not [p for p in editor.from_editor(fine, str)[1] if p.error]


def test_a_profile_option_removed_or_renamed_warns_in_every_block_and_a_new_text_or_order_does_not():
    from emm_xblocks.case_study import changes as case_changes
    from emm_xblocks.case_study.content import Case
    from emm_xblocks.common.profile import Option, option_changes
    from emm_xblocks.role_play import changes as role_play_changes
    from emm_xblocks.role_play.content import Scenario

    gov, io = Option("gov", "Government"), Option("io", "International organisation")
    cso = Option("cso", "Civil society")
    old = (gov, io, cso)
    said = (lambda old_id: f"renamed {old_id}", lambda old_id: f"removed {old_id}", str)
    assert [(p.field, p.message, p.error) for p in option_changes(old, (gov, Option("intl", io.text), cso), *said)] == [
        ("profile_options.1.id", "renamed io", False)]
    assert [(p.field, p.message) for p in option_changes(old, (cso, gov), *said)] == [("profile_options", "removed io")]
    assert option_changes(old, (cso, Option("gov", "Public service"), io, Option("other", "Other")), *said) == []
    for block, content in ((case_changes, Case), (role_play_changes, Scenario)):
        before = replace(content(), profile_prompt="You work for", profile_options=old)
        removed = block.answer_changes(before, replace(before, profile_options=(gov, cso)), str)
        assert [(p.field, p.error) for p in removed] == [("profile_options", False)], block
        assert "“io”" in removed[0].message
        state = Option("state", gov.text)
        renamed = block.answer_changes(before, replace(before, profile_options=(state, io, cso)), str)
        assert [p.field for p in renamed] == ["profile_options.0.id"] and "“gov”" in renamed[0].message
        assert block.answer_changes(before, replace(before, profile_prompt="Employer", profile_options=(io, gov, cso)),
                                    str) == []
    # the whole question removed: one warning at the question, not one per option that would say its
    # participants are still shown in a group of their own (no figure is split by profile any more)
    from emm_xblocks.likert import changes as likert_changes
    from emm_xblocks.likert.content import Survey
    for block, content in ((case_changes, Case), (role_play_changes, Scenario), (likert_changes, Survey)):
        before = replace(content(), profile_prompt="You work for", profile_options=old)
        gone = block.answer_changes(before, replace(before, profile_prompt="", profile_options=()), str)
        gone = [p for p in gone if p.field.startswith("profile")]
        assert [(p.field, p.error) for p in gone] == [("profile_prompt", False)], block
        assert gone[0].message.startswith("The profile question was removed: no figure is split by profile")


def test_a_case_study_question_whose_kind_changed_warns_at_its_kind():
    """Bug hunt s45: its answers stay in the old kind's shape, counted by no figure of the new."""
    from emm_xblocks.case_study import changes as case_changes
    from emm_xblocks.case_study.content import Case
    from emm_xblocks.common.questions import Option, Question

    options = (Option("x", "X", True), Option("y", "Y"))
    before = Case(questions=(Question("q1", "single", "<p>One?</p>", options),
                             Question("q2", "multiple", "<p>Some?</p>", options), Question("q3", "reflection", "W")))
    kinds = ("multiple", "single", "single")
    after = replace(before, questions=tuple(replace(q, kind=kind) for q, kind in zip(before.questions, kinds,
                                                                                        strict=True)))
    said = case_changes.answer_changes(before, after, str)
    assert [(p.field, p.message.split(":")[0], p.error) for p in said] == [
        ("questions.0.kind", "Question 1 was a single-choice question", False),
        ("questions.1.kind", "Question 2 was a multiple-choice question", False),
        ("questions.2.kind", "Question 3 was a written reflection", False)]
    assert all(p.message.endswith("keep the score they were given until staff rescore.") for p in said)
    assert case_changes.kind_changes(before, replace(before, questions=before.questions[::-1]), str) == []


def test_a_role_play_node_made_an_ending_or_an_ending_made_a_node_warns_and_saves():
    """Bug hunt s42: both touch learners (a finished one keeps their result, one part-way on a new
    ending starts again): the author is told, as for a node removed; nothing is refused."""
    from emm_xblocks.role_play import changes as role_play_changes
    from emm_xblocks.role_play import olx as role_play_olx
    from tests.integration.platform_blocks import ROLE_PLAY

    def scenario(text):
        return role_play_olx.from_xml(role_play_olx.parse_text(text.format(extra="")))

    old = scenario(ROLE_PLAY)
    extended = scenario(ROLE_PLAY.replace('<node id="n-end" ending="true" category="good">', '<node id="n-end">')
                        .replace("<debrief><![CDATA[<p>DEBRIEF-TEXT</p>]]></debrief></node>",
                                 '<choice goto="n-fin">Go on</choice></node><node id="n-fin" ending="true">'
                                 "<narrative>FIN</narrative></node>"))
    said = [(p.field, p.message, p.error) for p in role_play_changes.answer_changes(old, extended, str)
            if p.field.endswith(".ending")]
    assert said == [("nodes.2.ending", "Node “n-end” is no longer an ending: learners who finished there keep "
                     "their result (their path shown as far as it still exists), and learners who go on are graded "
                     "at the new ending.", False)]
    mid_ends = scenario(ROLE_PLAY.replace('<node id="n-mid">', '<node id="n-mid" ending="true">'))
    said = [p.message for p in role_play_changes.answer_changes(old, mid_ends, str) if p.field.endswith(".ending")]
    assert said == ["Node “n-mid” is now an ending: learners part-way who stand on it start again at the beginning "
                    "of their role."]
    assert [p for p in role_play_changes.answer_changes(old, old, str) if p.field.endswith(".ending")] == []
