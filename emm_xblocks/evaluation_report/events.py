"""The evaluation report publishes no tracking event: reading it changes nothing, and it has no
learner action (``learner.py``). Kept so every block has the same modules."""

EVENTS = ()
