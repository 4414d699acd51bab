"""Where a field of an editor's JSON is, in the author's words (pure: no XBlock, no Django):
``questions.0.options.2.feedback`` is "Question 1 › Option 3 › Feedback". Studio's unit page
(``validate()``) names so the texts it warns about (``common.studio_checks``), which it cannot
point at as the editor does, beside the field."""

from .i18n import N_
from .numbers import count

# a row of an editor's list, by the list's key (its number counted from 1, as the author counts)
ROWS = {"questions": N_("Question {n}"), "options": N_("Option {n}"), "key_points": N_("Key point {n}"),
        "sections": N_("Section {n}"), "documents": N_("Document {n}"), "images": N_("Image {n}"),
        "nodes": N_("Node {n}"), "roles": N_("Role {n}"), "choices": N_("Choice {n}"), "bands": N_("Band {n}"),
        "statements": N_("Statement {n}"), "profile_options": N_("Option {n}")}
# a field, by its key; a row's own text (an option's, a choice's label, a band's message, a
# section's body) is the row itself, not named again
FIELDS = {"narrative": N_("Narrative"), "expert_analysis": N_("Expert analysis"), "title": N_("Title"),
          "excerpt": N_("Excerpt"), "url": N_("Address"), "size": N_("Size"), "src": N_("Picture address"),
          "image": N_("Picture address"), "alt": N_("Alternative text"), "caption": N_("Caption"),
          "key_facts": N_("Key facts"), "prompt": N_("Prompt"), "explanation": N_("Explanation"),
          "model_answer": N_("Model answer"), "feedback": N_("Feedback"), "intro": N_("Introduction"),
          "brief": N_("Brief"), "speaker": N_("Speaker"), "consequence": N_("Consequence"),
          "debrief": N_("Debrief"), "final": N_("Final message"), "custom_labels": N_("Scale labels"),
          "comment_prompt": N_("Comment prompt"), "profile_prompt": N_("Profile question")}
OWN_TEXT = frozenset({"text", "label", "message", "html"})
SEPARATOR = " › "


def place(path, _):
    """``path`` (dot-separated keys and list indexes) in the author's words: each row by its list
    and number, then the field (``FIELDS``; a key not listed as written)."""
    parts = path.split(".") if path else []
    words = []
    for i, part in enumerate(parts):
        if part.isdigit():
            continue
        if i + 1 < len(parts) and parts[i + 1].isdigit():
            row = ROWS.get(part)
            n = count(int(parts[i + 1]) + 1, _)
            words.append(_(row).format(n=n) if row else f"{part} {n}")
        elif part not in OWN_TEXT or not words:
            words.append(_(FIELDS[part]) if part in FIELDS else part)
    return SEPARATOR.join(words)
