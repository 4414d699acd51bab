"""What the Likert block shows (rendering only, never writing): the learner's page, the author's
preview, the Studio editor, and the mobile apps' data."""

from ..common.pipeline import write_refusal
from ..common.sanitize import clean_html, sanitized
from . import content, editor, validation


def _statements(block, survey, labels):
    dom = block.dom_id()
    answers = block.answers if (block.submitted and not survey.anonymous) else {}
    rows = []
    for i, st in enumerate(survey.statements):
        name = f"{dom}-{i}"
        chosen = str(answers.get(st.id, ""))
        options = [{"id": f"{name}-{v}", "value": str(v), "label": label, "checked": chosen == str(v), "na": False}
                   for v, label in enumerate(labels, start=1)]
        if survey.allow_na:
            options.append({"id": f"{name}-na", "value": content.NA, "label": block.ugettext("Not applicable"),
                            "checked": chosen == content.NA, "na": True})
        rows.append({"id": st.id, "text": st.text, "name": name, "required": st.required, "options": options,
                     "legend_id": f"{name}-legend"})
    return dom, rows


def student_view(block):
    survey = block.load_content()
    labels = survey.labels(block.ugettext)
    dom, rows = _statements(block, survey, labels)
    refusal = write_refusal(block)  # staff viewing as a learner, or past the due date
    locked = (block.submitted and survey.anonymous) or refusal is not None
    context = {
        "dom": dom,
        "survey": survey,
        "intro": sanitized(survey.intro),
        "statements": rows,
        "points": len(labels),
        "submitted": block.submitted,
        "locked": locked,
        "recorded": block.submitted and survey.anonymous,
        "comment_text": block.learner_comment if not survey.anonymous else "",
        "comment_max": content.MAX_COMMENT,
        "is_staff": block.is_staff(),
        "results_allowed": block.results_allowed(),
        "ready": block.ready(),
        "read_only": refusal.message if refusal else "",
    }
    return block.build_fragment("templates/likert/student.html", context, init_args={
        "submitted": block.submitted,
        "locked": locked,
        "anonymous": survey.anonymous,
        "total": len(rows),
        "results_allowed": block.results_allowed(),
    })


def author_view(block):
    survey = block.load_content()
    problems = validation.validate(survey, block.ugettext)
    context = {
        "survey": survey,
        "intro": sanitized(survey.intro),
        "labels": survey.labels(block.ugettext),
        "scale_name": block.ugettext(content.SCALE_NAMES.get(survey.scale, survey.scale)),
        "problems": problems,
    }
    return block.build_fragment("templates/likert/author.html", context, init_args={},
                                js="js/emm-likert.js", js_class="EmmLikertAuthor")


def studio_view(block):
    survey = block.load_content()
    _ = block.ugettext
    form = editor.settings_form(_)
    presets = {key: [_(label) for label in labels] for key, labels in content.SCALES.items()}
    return block.build_fragment("templates/likert/studio.html",
                                {"dom": block.dom_id() + "-ed", "settings": form["groups"]},
                                init_args={"survey": editor.to_editor(survey), "presets": presets,
                                           "settings": form["keys"]},
                                js="js/emm-likert-studio.js", js_class="EmmLikertEditor")


def student_view_data(survey):
    """The evaluation for the mobile apps: content only. The Blocks API calls it once per course
    with no learner bound (``course_api/blocks/transformers/student_view.py``), so nothing of a
    learner and no translated text: a preset scale is named by its key (``agree5``) and its
    number of points; a custom scale's labels are the author's. The learner's own state comes
    from the ``student_view_user_state`` handler."""
    return {
        "display_name": survey.display_name,
        "intro": clean_html(survey.intro),
        "scale": survey.scale,
        "points": survey.points,
        "custom_labels": list(survey.custom_labels) if survey.scale == content.CUSTOM else [],
        "allow_na": survey.allow_na,
        "statements": [{"id": s.id, "text": s.text, "required": s.required} for s in survey.statements],
        "comment_box": survey.comment_box,
        "comment_prompt": survey.comment_prompt,
        "anonymous": survey.anonymous,
    }


def user_state(survey, state):
    """The learner's state for the apps: what they answered (named surveys only) and what they may do."""
    named = not survey.anonymous
    return {
        "submitted": state.submitted,
        "answers": dict(state.answers) if named else {},
        "comment": state.learner_comment if named else "",
        "can_submit": not (state.submitted and survey.anonymous),
    }
