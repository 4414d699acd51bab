"""Tutor plugin for emm-xblocks (``tutor plugins enable emm``): see ``plugin.py`` and the README."""
