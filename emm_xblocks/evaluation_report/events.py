"""The evaluation report publishes no tracking event (pure): reading it changes nothing, and it has no
learner action (``learner.py``). The module is kept, empty, so every block has the same modules
(``tests/unit/test_architecture.py``)."""
