"""``StoredScoreMixin``: the score the LMS reads, kept in the learner's state.

A block defines ``max_score()``, ``has_submitted_answer()`` and ``calculate_score()`` (from its
stored answers: the server decides). This mixin keeps the last published score and publishes it
again on request: edx-platform's staff override calls ``set_score(Score(...))`` then
``publish_grade()``; ``rescore`` (``ScorableXBlockMixin``) calls ``calculate_score``.
"""

from xblock.fields import Float, Scope
from xblock.scorable import Score


class StoredScoreMixin:
    raw_earned = Float(scope=Scope.user_state, default=None)
    raw_possible = Float(scope=Scope.user_state, default=None)

    def get_score(self):
        if self.raw_earned is None:
            return Score(0.0, self.max_score())
        return Score(self.raw_earned, self.raw_possible if self.raw_possible is not None else self.max_score())

    def set_score(self, score):
        self.raw_earned, self.raw_possible = score.raw_earned, score.raw_possible

    def publish_grade(self, score=None, only_if_higher=None):
        """Publish ``score`` or the stored one (the LMS staff override sets it, then calls this)."""
        self._publish_grade(score or self.get_score(), only_if_higher)

    def rescore(self, only_if_higher):
        """The LMS's rescore: recompute from the stored answers, keep the result unless
        ``only_if_higher`` and it is lower, publish it (the mixin's version only publishes)."""
        if not self.allows_rescore():
            raise TypeError(f"Problem does not support rescoring: {self.scope_ids.usage_id}")
        if not self.has_submitted_answer():
            raise ValueError(f"Cannot rescore unanswered problem: {self.scope_ids.usage_id}")
        new = self.calculate_score()
        if not only_if_higher or new.raw_earned >= self.get_score().raw_earned:
            self.set_score(new)
        self._publish_grade(new, only_if_higher)

    def grade(self):
        """Compute the score from the stored state, keep it and publish it."""
        self.set_score(self.calculate_score())
        self.publish_grade()
