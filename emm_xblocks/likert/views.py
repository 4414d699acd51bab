"""Fragments of the Likert block: learner, author preview, Studio editor."""

from ..common.sanitize import sanitized
from . import forms, model


def _statements(block, survey, labels):
    uid = block.scope_ids.usage_id
    dom = "emm-" + "".join(c if c.isalnum() else "-" for c in str(uid))
    answers = block.answers if (block.submitted and not survey.anonymous) else {}
    rows = []
    for i, st in enumerate(survey.statements):
        name = f"{dom}-{i}"
        chosen = str(answers.get(st.id, ""))
        options = [{"id": f"{name}-{v}", "value": str(v), "label": label, "checked": chosen == str(v), "na": False}
                   for v, label in enumerate(labels, start=1)]
        if survey.allow_na:
            options.append({"id": f"{name}-na", "value": model.NA, "label": block.ugettext("Not applicable"),
                            "checked": chosen == model.NA, "na": True})
        rows.append({"id": st.id, "text": st.text, "name": name, "required": st.required, "options": options,
                     "legend_id": f"{name}-legend"})
    return dom, rows


def student_view(block):
    survey = block.survey
    labels = survey.labels(block.ugettext)
    dom, rows = _statements(block, survey, labels)
    locked = block.submitted and survey.anonymous
    context = {
        "dom": dom,
        "survey": survey,
        "intro": sanitized(survey.intro),
        "statements": rows,
        "points": len(labels),
        "submitted": block.submitted,
        "locked": locked,
        "comment_text": block.learner_comment if not survey.anonymous else "",
        "comment_max": model.MAX_COMMENT,
        "is_staff": block.is_staff(),
        "results_allowed": block.results_allowed(),
        "ready": block.ready(),
    }
    return block.build_fragment("templates/likert/student.html", context, init_args={
        "submitted": block.submitted,
        "locked": locked,
        "anonymous": survey.anonymous,
        "total": len(rows),
        "results_allowed": block.results_allowed(),
    })


def author_view(block):
    survey = block.survey
    problems = model.validate(survey, block.ugettext)
    context = {
        "survey": survey,
        "intro": sanitized(survey.intro),
        "labels": survey.labels(block.ugettext),
        "scale_name": block.ugettext(model.SCALE_NAMES.get(survey.scale, survey.scale)),
        "problems": problems,
    }
    return block.build_fragment("templates/likert/author.html", context, init_args={},
                                js="static/js/emm-likert.js", js_class="EmmLikertAuthor")


def studio_view(block):
    survey = block.survey
    _ = block.ugettext
    context = {
        "scales": [{"value": key, "label": _(name)} for key, name in model.SCALE_NAMES.items()],
    }
    presets = {key: [_(label) for label in labels] for key, labels in model.SCALES.items()}
    return block.build_fragment("templates/likert/studio.html", context,
                                init_args={"survey": forms.to_editor(survey), "presets": presets},
                                js="static/js/emm-likert-studio.js", js_class="EmmLikertEditor")
