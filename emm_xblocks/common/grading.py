"""``StoredScoreMixin``: the score the LMS reads, kept in the learner's state.

A block defines ``max_score()``, ``has_submitted_answer()`` and ``calculate_score()`` (from its
stored answers: the server decides). This mixin keeps the score it publishes, so that the
platform's staff tools find the gradebook's value in the block:

* the staff override (``lms/djangoapps/instructor_task/tasks_helper/module_state.py``) calls
  ``set_score(Score(score / weight, max_score() / weight))`` then ``publish_grade()`` with no
  argument: the stored score is sent. ``set_score`` is also the echo of every publish
  (``score_published_handler``, ``lms/djangoapps/grades/signals/handlers.py``, sets the score it
  kept on the block): a pair other than the one stored is staff's, kept in the block's own points
  while the weight it was divided by is in force, and marked with the share the learner's own
  grade had then (``score_before_override``). Under "best", the override stands until an action
  of the learner's counts more than both that share and the override (bug hunt s44: the learner
  lost the grade staff gave them to a poorer attempt, while the page said the best counts; review
  s44: a lowering override went back to the attempt staff set aside at the next action);
* rescore calls ``rescore(only_if_higher)``: with ``only_if_higher`` the new score is kept only
  if its **percentage** is not lower, as the platform compares them
  (``lms/djangoapps/grades/scores.py``, ``is_score_higher_or_equal``), so block and gradebook agree;
  a learner with no score published yet gets it published plainly (the platform's comparison
  with a row that holds no grade fails).
"""

import math

from xblock.fields import Float, Scope
from xblock.scorable import Score

from . import platform
from .attempts import COUNT_BEST, counted_attempt, fraction, recorded


def is_higher_or_equal(old, new):
    """``new`` scores at least ``old``'s percentage (``old`` with nothing possible: any new does)."""
    if not old.raw_possible:
        return True
    return fraction((new.raw_earned, new.raw_possible)) >= fraction((old.raw_earned, old.raw_possible))


class StoredScoreMixin:
    raw_earned = Float(scope=Scope.user_state, default=None)
    raw_possible = Float(scope=Scope.user_state, default=None)
    # the share (0-1) the learner's own grade had when staff overrode it; None: the score is theirs
    score_before_override = Float(scope=Scope.user_state, default=None)

    def get_score(self):
        if self.raw_earned is None:
            return Score(0.0, self.max_score())
        return Score(self.raw_earned, self.raw_possible if self.raw_possible is not None else self.max_score())

    def set_score(self, score):
        """The platform's: the echo of a publish (the pair stored: nothing to do), or a staff
        override, given back in the block's points (``score / weight`` of ``max_score() / weight``
        times the weight: 1 of a 2-point case at weight 4, not 0.25 of 0.5) and marked as staff's."""
        earned, possible = score.raw_earned, score.raw_possible
        if self.raw_earned is not None and math.isclose(earned, self.raw_earned) and math.isclose(
                possible, self.raw_possible if self.raw_possible is not None else self.max_score()):
            return
        weight = getattr(self, "weight", None)
        if weight and not math.isclose(weight, 1.0) and math.isclose(possible * weight, self.max_score()):
            earned, possible = earned * weight, possible * weight
        if self.score_before_override is None:  # the first override over the learner's own grade
            own = self.get_score()
            self.score_before_override = fraction((own.raw_earned, own.raw_possible))
        self.raw_earned, self.raw_possible = earned, possible

    def publish_grade(self, score=None, only_if_higher=None):
        """Publish ``score`` or the stored one (the LMS staff override sets it, then calls this)."""
        self._publish_grade(score or self.get_score(), only_if_higher)

    def held_grade(self, now):
        """The ``(earned, possible)`` the LMS holds for the learner (what was published: decision 10)
        when it differs from ``now``, the ``(earned, possible)`` the current key gives their stored
        answers -- an author changed a correct answer or the points since ("Save anyway") and staff
        have not rescored --, else None (nothing published, or the same grade: the same share of
        the points, which the course weights alike, as 2 of 2 held and 1 of 1 once a question was
        removed). A staff override the key does not give differs too: it is the grade held, and
        named so."""
        held = self.recorded_score()
        if held is None or math.isclose(fraction(held), fraction(now), rel_tol=1e-9, abs_tol=1e-9):
            return None
        return held

    def recorded_score(self):
        """``(earned, possible)`` the LMS holds, in the block's own points (a staff override's
        given back when it came: ``set_score``), or None before any (``common.attempts.recorded``)."""
        return recorded(self.raw_earned, self.raw_possible, self.max_score())

    def held_grade_among(self, policy, scores):
        """``held_grade`` of the attempt that counts among ``scores`` (``(earned, possible)`` of the
        learner's attempts, oldest first, with the current key or points) under ``policy``
        (``common.attempts``: best or last); None with no attempt. The case study's and the
        role-play's pages and apps' state name that grade (decisions 10, 64)."""
        counted = counted_attempt(policy, scores)
        return self.held_grade(counted) if counted is not None else None

    def attempt_grades(self, policy, scored):
        """``(shown, scores, held)`` for a page or the apps: ``shown``, whether the platform shows
        correctness now (``platform.correctness_available``); ``scores``, ``scored()`` (the learner's
        attempts' ``(earned, possible)``, oldest first, with the current key or points), only worked
        out where shown, else ``[]``; ``held``, ``held_grade_among(policy, scores)`` (None where not shown)."""
        shown = platform.correctness_available(self)
        scores = scored() if shown else []
        return shown, scores, self.held_grade_among(policy, scores)

    def keep_score(self, score):
        """Keep ``(earned, possible)`` (a learner action's grade: under "best", the best of all their
        attempts) as the learner's score and publish it. Under "best" (``grade_policy``) a staff
        override stays the grade while the action counts no more than the learner's grade did when
        staff gave it (their attempts then, the one staff set aside included), nor more than the
        override; past both, the learner's own grade counts again."""
        before = self.score_before_override
        if before is not None:
            held = self.get_score()
            new = fraction(score)
            if getattr(self, "grade_policy", None) != COUNT_BEST:
                self.score_before_override = None  # the last attempt counts: it replaces the override
            elif new <= before + 1e-9 or new < fraction((held.raw_earned, held.raw_possible)):
                if new > before:
                    self.score_before_override = new  # a better attempt, still under the override
                score = (held.raw_earned, held.raw_possible)
            else:
                self.score_before_override = None
        self.raw_earned, self.raw_possible = float(score[0]), float(score[1])
        self.publish_grade()

    def rescore(self, only_if_higher):
        """The LMS's rescore: recompute from the stored answers; keep and publish the result
        unless ``only_if_higher`` and its percentage is lower than the stored one."""
        if not self.allows_rescore():
            raise TypeError(f"Problem does not support rescoring: {self.scope_ids.usage_id}")
        if not self.has_submitted_answer():
            raise ValueError(f"Cannot rescore unanswered problem: {self.scope_ids.usage_id}")
        new = self.calculate_score()
        if only_if_higher and not is_higher_or_equal(self.get_score(), new):
            return
        # nothing published before (a Likert or knowledge check answered while it gave no grade):
        # the gradebook holds no score to beat, and the platform would compare with the learner's
        # row, kept for its state with a NULL grade, and fail (score_published_handler: float(None))
        published = self.raw_earned is not None
        self.raw_earned, self.raw_possible = new.raw_earned, new.raw_possible
        self.score_before_override = None  # the stored answers' score now, as capa's rescore replaces an override
        self._publish_grade(new, only_if_higher and published)
