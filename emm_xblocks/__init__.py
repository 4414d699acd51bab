"""emm-xblocks: Open edX XBlocks for IOM's Essentials of Migration Management 2.0 (EMM2.0).

The package is also a Django app (``emm_xblocks.apps``): it stores the anonymous aggregates
(Likert responses, "how others chose" counts) as inserted rows, never as a shared tally.
"""

__version__ = "0.2.0"
