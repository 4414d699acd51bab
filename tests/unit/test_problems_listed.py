"""Studio's preview lists a block's problems (``common.validation.listed``): a warning's message says
that it is one, as the editors say it, an error's as it is (bug hunt a11y: the preview's
``li.emm-warning`` and ``li.emm-error`` differed only by their colour, WCAG 1.4.1)."""

from emm_xblocks.common.validation import Problem, listed

FRENCH = {"Warning: {message}": "Avertissement : {message}"}


def test_a_warning_says_it_is_one_an_error_as_it_is_in_the_reader_s_language():
    problems = [Problem("questions.0.explanation", "Question 1 has no explanation.", error=False),
                Problem("questions.1.options", "Question 2 is single choice: mark exactly one option as correct.")]
    assert [p.message for p in listed(problems, str)] == [
        "Warning: Question 1 has no explanation.", "Question 2 is single choice: mark exactly one option as correct."]
    said = listed(problems, lambda text: FRENCH.get(text, text))
    assert said[0].message == "Avertissement : Question 1 has no explanation."
    assert [(p.field, p.error) for p in said] == [(p.field, p.error) for p in problems]  # nothing else changes
    assert listed([], str) == []
