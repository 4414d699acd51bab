"""The scenario role-play block (``emm_role_play``)."""
