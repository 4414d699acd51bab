"""The shape every block keeps (issue 7): the pure modules import no runtime (nor call a function
that does, but for the named edge), no field of ours takes a platform setting's name, every error
code a handler can answer is registered."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from xblock.core import XBlock

PACKAGE = Path(__file__).resolve().parents[2] / "emm_xblocks"
BLOCKS = ("likert", "case_study", "role_play", "knowledge_check", "evaluation_report")
PURE_IN_BLOCK = ("content", "validation", "learner", "olx", "editor", "events", "report")
PURE_COMMON = ("actions", "attempts", "codes", "editor_json", "ids", "olx", "settings", "validation", "i18n",
               "questions", "perspectives", "profile", "paper", "question_olx", "question_report", "text")
PURE_ALSO = ("emm_xblocks.role_play.perspectives", "emm_xblocks.case_study.perspectives", "emm_xblocks.likert.codebook",
             "emm_xblocks.case_study.distribution",
             "emm_xblocks.evaluation_report.learning")
SAME_LAYOUT = (*PURE_IN_BLOCK, "views", "report", "block")

BLOCKER = """
import sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"xblock", "django", "webob", "web_fragments"}:
            raise ImportError(f"a pure module imported {name}")
sys.meta_path.insert(0, Blocker())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
"""


SAYS_PURE = re.compile(r"\(pure\b|\bpure\)")


def said_pure():
    """The modules whose docstring's first paragraph says they are pure ("(pure" or "pure)")."""
    found = []
    for path in sorted(PACKAGE.glob("*/*.py")):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if SAYS_PURE.search(doc.split("\n\n")[0]):
            found.append(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
    return found


def pure_modules():
    names = [f"emm_xblocks.common.{m}" for m in PURE_COMMON] + list(PURE_ALSO)
    for block in BLOCKS:
        names += [f"emm_xblocks.{block}.{m}" for m in PURE_IN_BLOCK if (PACKAGE / block / f"{m}.py").exists()]
    return sorted(set(names) | set(said_pure()))


def test_a_module_that_says_it_is_pure_is_checked():
    said = said_pure()
    assert len(said) >= 65 and "emm_xblocks.likert.epochs" in said and "emm_xblocks.role_play.paths" in said
    # each of these once said so in other words ("; pure.", "Pure data:"), which the check missed
    assert {f"emm_xblocks.{m}" for m in ("common.apart", "common.numbers", "common.content_language", "common.assets",
                                          "role_play.graph")} <= set(said)


def test_pure_modules_import_neither_xblock_nor_django():
    result = subprocess.run([sys.executable, "-c", BLOCKER, *pure_modules()], capture_output=True, text=True,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr[-2000:]


RUNTIME = ("xblock", "django", "webob", "web_fragments")


def _source(name):
    return ast.parse((PACKAGE.parent / Path(*name.split("."))).with_suffix(".py").read_text(encoding="utf-8"))


def platform_functions(name):
    """``{function}`` of pure module ``name`` that reach the platform when called: those importing
    a runtime package in their body (where an import-time check cannot see it), and those of the
    same module that call one of them."""
    functions = {f.name: f for f in ast.walk(_source(name)) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)}
    reach = {fname for fname, f in functions.items() for node in ast.walk(f)
             for module in imported_modules(node) if module.split(".")[0] in RUNTIME}
    while True:
        more = {fname for fname, f in functions.items() if fname not in reach and any(
            isinstance(node, ast.Name) and node.id in reach for node in ast.walk(f))}
        if not more:
            return reach
        reach |= more


# the pure modules' only ways to the platform, each a function the block shells and views call (the
# language of the request, the XBlock fields made from the settings); a pure block module never does
PLATFORM_EDGE = {
    "emm_xblocks.common.i18n": {"current_language", "is_rtl", "_shipped_catalog", "js_catalog_path"},
    "emm_xblocks.common.settings": {"settings_fields"},
}


def test_a_pure_module_reaches_the_platform_only_through_its_named_edge():
    found = {name: reach for name in pure_modules() if (reach := platform_functions(name))}
    assert found == PLATFORM_EDGE


def test_no_pure_module_calls_the_platform_edge():
    """A pure module that imported ``current_language`` would import cleanly and still need Django
    when called: none names a function of ``PLATFORM_EDGE``, by import or as ``module.function``."""
    calls = []
    for name in pure_modules():
        edge_of = {}  # local name -> (edge module, its platform functions)
        for node in ast.walk(_source(name)):
            if not isinstance(node, ast.ImportFrom):
                continue
            package = name.rsplit(".", 1)[0].split(".")
            if node.level:
                package = package[:len(package) - node.level + 1]
            module = ".".join([*package, node.module] if node.level and node.module else
                              package if node.level else [node.module or ""])
            for alias in node.names:
                if module in PLATFORM_EDGE and alias.name in PLATFORM_EDGE[module] and module != name:
                    calls.append((name, alias.name))
                if f"{module}.{alias.name}" in PLATFORM_EDGE:
                    edge_of[alias.asname or alias.name] = PLATFORM_EDGE[f"{module}.{alias.name}"]
        calls += [(name, node.attr) for node in ast.walk(_source(name)) if isinstance(node, ast.Attribute)
                  and isinstance(node.value, ast.Name) and node.attr in edge_of.get(node.value.id, ())]
    assert calls == []


@pytest.mark.parametrize("block", BLOCKS)
def test_every_block_has_the_same_layout(block):
    missing = [m for m in SAME_LAYOUT if not (PACKAGE / block / f"{m}.py").exists()]
    assert missing == []


def imported_modules(node):
    """The ``emm_xblocks...`` modules an import statement of a block's module names."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0:
        return [node.module or ""]
    if isinstance(node, ast.ImportFrom) and node.level == 2:  # from ..x import y, from .. import x
        return [f"emm_xblocks.{node.module}"] if node.module else [f"emm_xblocks.{a.name}" for a in node.names]
    return []


def imported_blocks(block):
    """``{(file, other block)}``: the other blocks' packages that the modules of ``block`` import."""
    found = set()
    for path in (PACKAGE / block).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for module in imported_modules(node):
                parts = module.split(".")
                if parts[0] == "emm_xblocks" and len(parts) > 1 and parts[1] in BLOCKS and parts[1] != block:
                    found.add((path.name, parts[1]))
    return found


@pytest.mark.parametrize("block", [b for b in BLOCKS if b != "evaluation_report"])
def test_no_block_imports_another_blocks_code(block):
    """What two blocks share lives in ``common/`` (the course's evaluation report alone reads the
    blocks it reports on)."""
    assert imported_blocks(block) == set()


def test_the_evaluation_report_is_seen_reading_the_blocks_it_reports_on():
    assert {name for _path, name in imported_blocks("evaluation_report")} == {"likert", "knowledge_check"}


def block_classes():
    from emm_xblocks.case_study.block import CaseStudyBlock
    from emm_xblocks.evaluation_report.block import EvaluationReportBlock
    from emm_xblocks.knowledge_check.block import KnowledgeCheckBlock
    from emm_xblocks.likert.block import LikertBlock
    from emm_xblocks.role_play.block import RolePlayBlock

    return [LikertBlock, CaseStudyBlock, RolePlayBlock, KnowledgeCheckBlock, EvaluationReportBlock]


def test_no_field_of_ours_takes_an_inheritable_platform_name():
    """xmodule/modulestore/inheritance.py (InheritanceMixin): an unset field named like one of its
    fields takes the subsection's or the course's value (``graded``, ``max_attempts``...)."""
    from emm_xblocks.common.settings import PLATFORM_NAMES

    for cls in block_classes():
        clashes = sorted(set(cls.fields) & PLATFORM_NAMES)
        assert clashes == [], f"{cls.__name__}: {clashes}"


def test_the_learner_view_is_offered_to_the_mobile_apps_and_to_masquerading_staff():
    """course_api/blocks/transformers/student_view.py asks ``has_support(cls.student_view,
    "multi_device")``; courseware/masquerade.py shows only ``show_in_read_only_mode`` blocks."""
    for cls in block_classes():
        assert XBlock.has_support(cls, cls.student_view, "multi_device"), cls.__name__  # as on the unbound block
        assert cls.show_in_read_only_mode is True


def raised_codes():
    """Every literal code passed to HandlerError(code, ...) or ActionError(code, ...)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("HandlerError", "ActionError"):
                if node.args and isinstance(node.args[0], ast.Constant):
                    found.add((path.name, node.args[0].value))
    return found


def test_every_error_code_is_registered_with_its_status():
    from emm_xblocks.common.codes import STATUS

    unregistered = sorted((path, code) for path, code in raised_codes() if code not in STATUS)
    assert unregistered == []
    assert len(raised_codes()) > 30


AUTHOR_IMAGE = '<p>Border post</p><img src="/static/post.png">'


@pytest.mark.parametrize("block,olx_text,field", [
    ("likert", f'<emm_likert display_name="E"><intro><![CDATA[{AUTHOR_IMAGE}]]></intro>'
               '<item id="a">A</item></emm_likert>', "intro"),
    ("case_study", f'<emm_case_study display_name="C"><narrative><![CDATA[{AUTHOR_IMAGE}]]></narrative>'
                   '<question id="q" type="single"><prompt>P</prompt><option id="a" correct="true">A</option>'
                   '<option id="b">B</option></question></emm_case_study>', "narrative"),
    ("role_play", '<emm_role_play display_name="R"><role id="r" start="n1">R</role><node id="n1"><narrative>'
                  f'<![CDATA[{AUTHOR_IMAGE}]]></narrative><choice goto="end">Go</choice></node>'
                  '<node id="end" ending="true"><narrative>E</narrative></node></emm_role_play>', "nodes.0.narrative"),
])
def test_author_images_without_alt_text_are_a_validation_problem(block, olx_text, field):
    """Learners with a screen reader, or in low-data mode, must know what an image shows."""
    import importlib

    from lxml import etree

    olx = importlib.import_module(f"emm_xblocks.{block}.olx")
    validation = importlib.import_module(f"emm_xblocks.{block}.validation")
    content = olx.from_xml(etree.fromstring(olx_text))
    flagged = [p for p in validation.validate(content, str) if "alternative text" in p.message]
    assert [(p.field, p.error) for p in flagged] == [(field, False)]  # a warning: the learner still gets it
    described = olx.from_xml(etree.fromstring(olx_text.replace('<img src', '<img alt="The border post" src')))
    assert not [p for p in validation.validate(described, str) if "alternative text" in p.message]
    empty = olx.from_xml(etree.fromstring(olx_text.replace('<img src', '<img alt="  " src')))
    assert [p for p in validation.validate(empty, str) if "alternative text" in p.message]
