"""What a reader of the repository follows leads somewhere in it (bug hunt "new": docs/course.md sent
its reader to ``../shared/EMM-FACTS.md`` for the training's topics and the checked facts, the
decision records to ``../shared/DESIGN.md`` and to scripts under ``/work/notes/``: files of the
machine the project was written on, in no clone).

Every Markdown link of README.md, the plugin's README, CHANGELOG.md and docs/ (decision records
included) that is not a web address: its file exists in the repository, and its ``#anchor`` is a
heading of that file (GitHub's anchors). Every path written as code: ``../x`` or ``./x`` from the
document, or a path from the repository's root (``docs/…``, ``emm_xblocks/…``, ``tests/…``; a
pattern matches a file): it exists. No path of someone's machine (``/work/…``, ``/home/…``).
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "CHANGELOG.md", ROOT / "tutor-contrib-emm" / "README.md",
        *sorted((ROOT / "docs").rglob("*.md"))]
# not in a clone: what `make` and the tools write
UNTRACKED = {"node_modules", "var", "dist", "build"}
TOP = {p.name for p in ROOT.iterdir() if not p.name.startswith(".") and p.name not in UNTRACKED
       and not p.name.endswith(".egg-info")}
# a path a decision record names as it was then, beside the name it has had since (the record says so)
RENAMED = {"tests/integration/test_statements.py": "tests/integration/test_compiled_sql.py"}
MACHINE = re.compile(r"^/(work|home|Users|root|tmp|mnt)/")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
CODE = re.compile(r"`([^`\n]+)`")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
PLACEHOLDER = ("<", "…", "...", "{", "$")


def text_of(doc):
    """The document without its fenced blocks (commands and samples, not references)."""
    return FENCE.sub("", doc.read_text("utf-8"))


def anchors(doc):
    """The anchors GitHub gives ``doc``'s headings: lower case, punctuation dropped, spaces as
    hyphens, a repeated one numbered (``-1``, ``-2``)."""
    seen, out = {}, set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text_of(doc), re.M):
        words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").replace("*", "")
        slug = re.sub(r"[^\w\- ]", "", words.lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def inside(path):
    return path == ROOT or ROOT in path.parents


def broken_links(doc):
    for target in LINK.findall(text_of(doc)):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):
            continue  # a web address (https:, mailto:)
        file, _, anchor = target.partition("#")
        path = (doc.parent / file).resolve() if file else doc  # "#anchor": a heading of the document itself
        if file and (not path.exists() or not inside(path)):
            yield target
        elif anchor and path.suffix == ".md" and anchor not in anchors(path):
            yield target


def cited(doc):
    """The paths ``doc`` writes as code that name a file of the repository (or should)."""
    for code in CODE.findall(text_of(doc)):
        words = code.split()
        if not words:
            continue
        first = re.split(r"::|:(?=\s|$)", words[0])[0].rstrip(",;.)")
        if MACHINE.match(first):
            yield first, None
        elif first.startswith(("../", "./")) and len(words) == 1:
            yield first, (doc.parent / first).resolve()
        elif "/" in first and first.split("/")[0] in TOP:
            yield first, ROOT / first


def missing_paths(doc):
    text = doc.read_text("utf-8")
    for written, path in cited(doc):
        if path is None:
            yield written  # someone's machine
        elif any(p in written for p in PLACEHOLDER):
            continue
        elif any(c in written for c in "*?["):
            if not list(ROOT.glob(str(path.relative_to(ROOT)))):
                yield written
        elif not path.exists() or not inside(path):
            if not (written in RENAMED and RENAMED[written] in text and (ROOT / RENAMED[written]).exists()):
                yield written


def test_every_link_of_the_docs_leads_to_a_file_and_a_heading_of_the_repository():
    broken = [f"{doc.relative_to(ROOT)}: {t}" for doc in DOCS for t in broken_links(doc)]
    assert broken == []


def test_every_path_the_docs_cite_is_in_the_repository():
    missing = [f"{doc.relative_to(ROOT)}: {p}" for doc in DOCS for p in missing_paths(doc)]
    assert missing == []


def test_the_check_sees_what_it_must(tmp_path):
    """The rules above on a document of each mistake (so that a rule that matches nothing fails)."""
    doc = ROOT / "docs" / "course.md"  # a real place: ``../`` from docs/ is the repository's root
    sample = tmp_path / "sample.md"
    sample.write_text("# Title\n[gone](../nowhere.md), [here](#title), [no heading](#none)\n"
                      "`../shared/EMM-FACTS.md`, `/work/notes/side.sh`, `docs/no-such.md`, "
                      "`emm_xblocks/common/*.nothing`, `docs/*.md`, `./manage.py lms migrate`\n", "utf-8")
    assert sorted(missing_paths(sample)) == ["../shared/EMM-FACTS.md", "/work/notes/side.sh", "docs/no-such.md",
                                             "emm_xblocks/common/*.nothing"]
    assert list(broken_links(sample)) == ["../nowhere.md", "#none"]
    assert "the-learner-finds" not in anchors(doc) and "what-the-learner-finds" in anchors(doc)
