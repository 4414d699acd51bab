"""docs/layout.md says which module of each block holds which concern: it names every module of
every block, and nothing that is not there (issue 7: a newcomer who reads one block can read the
others)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "emm_xblocks"
BLOCKS = ("likert", "case_study", "role_play", "knowledge_check", "evaluation_report")
PAGE = (ROOT / "docs" / "layout.md").read_text(encoding="utf-8")


def tables():
    """Each markdown table of the page as a list of rows, each row a list of cells."""
    found, current = [], None
    for line in PAGE.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if set("".join(cells)) <= set("-: "):
                continue
            if current is None:
                current = []
                found.append(current)
            current.append(cells)
        else:
            current = None
    return found


def documented():
    """``{block: {module}}`` as the page gives them."""
    shared, optional = tables()
    names = {row[0].strip("`").removesuffix(".py") for row in shared[1:]}
    said = {block: set(names) for block in BLOCKS}
    head = optional[0]
    for row in optional[1:]:
        module = row[0].strip("`").removesuffix(".py")
        for block, cell in zip(head[3:], row[3:], strict=True):
            if cell == "✓":
                said[block].add(module)
    for block, module in re.findall(r"`(\w+)/(\w+)\.py`", PAGE):
        said[block].add(module)
    return said


def on_disk():
    return {block: {p.stem for p in (PACKAGE / block).glob("*.py") if p.stem != "__init__"} for block in BLOCKS}


def test_the_page_names_every_module_of_every_block_and_nothing_else():
    said, there = documented(), on_disk()
    none = {b: [] for b in BLOCKS}
    assert {b: sorted(there[b] - said[b]) for b in BLOCKS} == none, "modules missing from the page"
    assert {b: sorted(said[b] - there[b]) for b in BLOCKS} == none, "the page names modules not there"


def test_the_tables_read_as_expected():
    shared, optional = tables()
    assert shared[0] == ["module", "concern", "pure"] and len(shared) >= 10
    assert optional[0][:3] == ["module", "concern", "pure"] and optional[0][3:] == list(BLOCKS)


def test_a_module_the_page_calls_pure_says_so_and_is_checked_as_such():
    """Every module the page marks pure says "(pure" in its docstring's first paragraph, so that
    ``test_architecture`` imports it with ``xblock`` and ``django`` blocked."""
    from tests.unit.test_architecture import said_pure

    checked, there = set(said_pure()), on_disk()
    shared, optional = tables()
    pure = {row[0].strip("`").removesuffix(".py") for row in shared[1:] + optional[1:] if row[2] == "yes"}
    unsaid = sorted(f"{block}.{m}" for block in BLOCKS for m in pure & there[block]
                    if f"emm_xblocks.{block}.{m}" not in checked)
    assert unsaid == []
