"""The XBlock classes Open edX loads (the ``xblock.v1`` entry points point here).

Each is its block's shell (``<block>/block.py``) under a class defined at the package root, so
that both rules Open edX's static-file finders have used find ``static/``: the current one looks
in the parent of the class module's package, an older one in that package itself
(``openedx/core/lib/xblock_pipeline/finder.py``, ``xblock_resource_pkg``). For a class in
``emm_xblocks.xblocks`` both are ``emm_xblocks``; for one in ``emm_xblocks.likert.block`` the
older rule would look in ``emm_xblocks/likert/``, where nothing is.
"""

from .case_study.block import CaseStudyBlock as _CaseStudyShell
from .evaluation_report.block import EvaluationReportBlock as _EvaluationReportShell
from .knowledge_check.block import KnowledgeCheckBlock as _KnowledgeCheckShell
from .likert.block import LikertBlock as _LikertShell
from .role_play.block import RolePlayBlock as _RolePlayShell


class LikertBlock(_LikertShell):
    __doc__ = _LikertShell.__doc__


class CaseStudyBlock(_CaseStudyShell):
    __doc__ = _CaseStudyShell.__doc__


class RolePlayBlock(_RolePlayShell):
    __doc__ = _RolePlayShell.__doc__


class KnowledgeCheckBlock(_KnowledgeCheckShell):
    __doc__ = _KnowledgeCheckShell.__doc__


class EvaluationReportBlock(_EvaluationReportShell):
    __doc__ = _EvaluationReportShell.__doc__
