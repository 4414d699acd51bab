"""Build the EMM2.0 Niger course: one OLX archive per run, for Studio's Tools > Import (``make course``).

Source: ``course/emm2-niger/course.toml`` (the outline, both languages), ``html/<lang>/<unit>.html``
(each unit's short introduction), ``about/<lang>/`` (the course about page and card text),
``static/`` (the course card picture), and each block's OLX
read from the file the outline names (the workbench demos in ``emm_xblocks/workbench/scenarios/``):
the block's element as its author wrote it, with a ``url_name`` added. Nothing here imports
``emm_xblocks``: the block types the package provides are read from ``pyproject.toml``'s
``xblock.v1`` entry points.

Output (``dist/`` by default): ``emm2-niger-course.tar.gz`` (French run) and
``emm2-niger-course-en.tar.gz`` (English run). Studio imports one archive into one course run, so
each run is its own archive. Each holds one folder, ``course/``, laid out as Studio exports a
course and as its import reads one (openedx-platform):

* ``cms/djangoapps/contentstore/tasks.py`` (``import_olx``): the import looks for the folder holding
  ``course.xml``, checks it with ``olxcleaner.validate`` and hands it to ``import_course_from_xml``;
* ``xmodule/modulestore/xml.py`` (``XMLModuleStore.load_course``): ``course.xml`` is a pointer
  ``<course url_name="fr" org="IOM" course="EMM2-NE"/>``; its ``url_name`` names the run's file
  ``course/fr.xml`` and its policy ``policies/fr/policy.json``, whose keys are ``<type>/<url_name>``
  (``policy_key``); every block is created with its ``url_name`` as id (``xblock_from_node``);
* ``xmodule/course_block.py``: the grading policy is ``policies/<url_name>/grading_policy.json``;
  ``XMLModuleStore.load_extra_content``: ``about/<slug>.html`` is the about block ``<slug>``
  (``overview``: the about page; ``short_description``: the course card);
* a unit marked ``staff_only`` in the outline gets ``visible_to_staff_only="true"`` on its vertical,
  an inherited setting (``xmodule/modulestore/inheritance.py``) the LMS checks before showing a
  block to anyone but course staff (``lms/djangoapps/courseware/access.py``);
* ``xmodule/xml_block.py`` (``is_pointer_tag``, ``load_file``): ``<chapter url_name="x"/>`` is a
  pointer to ``chapter/x.xml``; ``xmodule/html_block.py``: ``html/x.xml`` holds
  ``<html filename="x" .../>`` and the markup is ``html/x.html``.

Our blocks sit **inline** in their unit's file, the form every platform release imports (a
third-party block in pointer form imports only where the platform or the block resolves it).

Usage: ``python scripts/build_course.py [--out DIR]``; prints the archives written.
Errors (a missing file, a block type the package does not provide, a duplicate ``url_name``,
a subsection with two assignment types) raise ``CourseError`` before anything is written.
"""

import argparse
import gzip
import io
import json
import sys
import tarfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "course" / "emm2-niger"
TOP = "course"  # the archive's one folder, as Studio names it in its exports
MTIME = 0  # fixed timestamps: the same sources give the same archive, byte for byte


class CourseError(Exception):
    """The outline or a file it names is wrong; the message says which and where."""


@dataclass
class Run:
    """One course run as files: ``files`` maps a path inside ``course/`` to its bytes."""

    lang: str
    url_name: str
    archive: str
    files: dict = field(default_factory=dict)
    block_types: set = field(default_factory=set)


def package_block_types(root=ROOT):
    """The ``xblock.v1`` entry point names of ``pyproject.toml``, sorted (the Advanced Module List)."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return sorted(project["project"]["entry-points"]["xblock.v1"])


def load_outline(source=SOURCE):
    return tomllib.loads((source / "course.toml").read_text(encoding="utf-8"))


def _xml(element):
    """The file's bytes: UTF-8, no declaration, one child a line (a block's own text untouched)."""
    if len(element):
        element.text = "\n  "
        for child in element:
            child.tail = "\n  "
        element[-1].tail = "\n"
    return etree.tostring(element, encoding="utf-8") + b"\n"


def _pointer(tag, url_name):
    return etree.Element(tag, url_name=url_name)


def _text(value, lang, where):
    if isinstance(value, dict):
        if lang not in value:
            raise CourseError(f"{where}: no text for {lang!r}")
        return value[lang]
    return value


def read_block(path, allowed):
    """The block element of an OLX file, as written (CDATA kept)."""
    if not path.is_file():
        raise CourseError(f"block file not found: {path}")
    parser = etree.XMLParser(strip_cdata=False, resolve_entities=False, no_network=True)
    try:
        element = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as err:
        raise CourseError(f"{path}: not well-formed XML: {err}") from err
    if element.tag not in allowed:
        raise CourseError(f"{path}: <{element.tag}> is not a block of this package ({', '.join(allowed)})")
    if "url_name" in element.attrib:
        raise CourseError(f"{path}: the source must not carry a url_name (the outline gives it)")
    element.tail = None
    return element


def with_url_name(element, url_name):
    """``element`` with ``url_name`` as its first attribute (where a reader looks for it)."""
    attributes = dict(element.attrib)
    element.attrib.clear()
    element.set("url_name", url_name)
    for name, value in attributes.items():
        element.set(name, value)
    return element


def subsections(section):
    """A section's subsections: ``[[sections.subsections]]`` (``url_name``, ``title``, ``units``),
    or the short form of one subsection (``subsection`` = its title, ``units``), named
    ``<section>_subsection``."""
    if "subsections" in section:
        return section["subsections"]
    return [{"url_name": f"{section['url_name']}_subsection", "title": section["subsection"],
             "units": section["units"]}]


def build_run(outline, lang, root=ROOT, source=SOURCE):
    """The files of one run (``Run.files``), checked; raises ``CourseError``."""
    run_spec = outline["runs"][lang]
    run = Run(lang, run_spec["url_name"], run_spec["archive"])
    allowed = package_block_types(root)
    by_block = {a["block_type"]: a for a in outline.get("assignment_types", [])}
    seen = {}  # url_name -> what uses it: unique across every type, as olxcleaner requires
    graded_count = {}

    def claim(url_name, what):
        if url_name in seen:
            raise CourseError(f"url_name {url_name!r} used by {seen[url_name]} and {what}")
        seen[url_name] = what
        return url_name

    def add(path, data):
        run.files[path] = data if isinstance(data, bytes) else data.encode("utf-8")

    def build_unit(unit, where):
        """Write the unit's files; its pointer for the subsection, and its block element or None."""
        unit_name = claim(unit["url_name"], f"a unit of {where}")
        uwhere = f"unit {unit_name}"
        vertical = etree.Element("vertical", display_name=_text(unit["title"], lang, uwhere))
        if unit.get("staff_only"):
            # the inherited setting the LMS checks before it shows a block to anyone who is not
            # course staff (xmodule/modulestore/inheritance.py; courseware/access.py,
            # _visible_to_nonstaff_users); Studio exports it as this attribute
            vertical.set("visible_to_staff_only", "true")
        intro = source / "html" / lang / f"{unit_name}.html"
        if not intro.is_file():
            raise CourseError(f"{uwhere}: its introduction {intro} is missing")
        html_name = claim(f"{unit_name}_intro", f"the introduction of {uwhere}")
        add(f"html/{html_name}.xml", _xml(etree.Element("html", filename=html_name, display_name="Introduction")))
        add(f"html/{html_name}.html", intro.read_bytes())
        vertical.append(_pointer("html", html_name))
        block = None
        if "block" in unit:
            block = read_block(root / _text(unit["block"], lang, uwhere), allowed)
            short = block.tag.removeprefix("emm_")
            vertical.append(with_url_name(block, claim(f"{unit_name}_{short}", f"the block of {uwhere}")))
            run.block_types.add(block.tag)
        add(f"vertical/{unit_name}.xml", _xml(vertical))
        return _pointer("vertical", unit_name), block

    course = etree.Element("course")
    for section in outline["sections"]:
        chapter_name = claim(section["url_name"], "a section")
        where = f"section {chapter_name}"
        chapter = etree.Element("chapter", display_name=_text(section["title"], lang, where))
        for subsection in subsections(section):
            sequential_name = claim(subsection["url_name"], f"a subsection of {where}")
            swhere = f"subsection {sequential_name}"
            sequential = etree.Element("sequential", display_name=_text(subsection["title"], lang, swhere))
            formats = set()
            for unit in subsection["units"]:
                vertical, block = build_unit(unit, swhere)
                sequential.append(vertical)
                if block is not None and block.tag in by_block:
                    formats.add(_text(by_block[block.tag]["type"], lang, f"assignment type of {block.tag}"))
            if len(formats) > 1:
                raise CourseError(f"{swhere}: one subsection, two assignment types {sorted(formats)}")
            if formats:
                (fmt,) = formats
                sequential.set("graded", "true")
                sequential.set("format", fmt)
                graded_count[fmt] = graded_count.get(fmt, 0) + 1
            add(f"sequential/{sequential_name}.xml", _xml(sequential))
            chapter.append(_pointer("sequential", sequential_name))
        add(f"chapter/{chapter_name}.xml", _xml(chapter))
        course.append(_pointer("chapter", chapter_name))

    add(f"course/{run.url_name}.xml", _xml(course))
    # the pointer to the run; course.xml stays ASCII (the platform opens it as text)
    add("course.xml", _xml(etree.Element("course", url_name=run.url_name, org=outline["org"],
                                         course=outline["number"])))
    missing = sorted(run.block_types - set(allowed))
    if missing:  # pragma: no cover - read_block refuses them first
        raise CourseError(f"blocks not in the package: {missing}")
    policy = {f"course/{run.url_name}": {
        "display_name": run_spec["display_name"],
        "language": lang,
        "start": outline["start"],
        "end": outline["end"],
        "self_paced": outline["self_paced"],
        "course_image": outline["image"],
        "advanced_modules": allowed,
    }}
    add(f"policies/{run.url_name}/policy.json", json.dumps(policy, ensure_ascii=False, indent=2) + "\n")
    grader = []
    for assignment in outline.get("assignment_types", []):
        fmt = _text(assignment["type"], lang, "assignment type")
        if not graded_count.get(fmt):
            continue  # an assignment type with no subsection yet (a block that has not landed)
        grader.append({"type": fmt, "short_label": _text(assignment["short_label"], lang, "short label"),
                       "min_count": graded_count[fmt], "drop_count": 0, "weight": assignment["weight"]})
    total = sum(g["weight"] for g in grader)
    if grader and abs(total - 1) > 1e-9:
        raise CourseError(f"the weights of the assignment types in use add up to {total}, not 1")
    grading = {"GRADER": grader, "GRADE_CUTOFFS": {"Pass": outline["pass_mark"]}}
    add(f"policies/{run.url_name}/grading_policy.json", json.dumps(grading, ensure_ascii=False, indent=2) + "\n")
    # the course about page (overview) and card (short_description): about/<slug>.html, one
    # "about" block each (XMLModuleStore.load_extra_content)
    for path in sorted((source / "about" / lang).glob("*.html")):
        add(f"about/{path.name}", path.read_bytes())
    image = source / "static" / outline["image"]
    if not image.is_file():
        raise CourseError(f"the course image {image} is missing")
    for path in sorted((source / "static").rglob("*")):
        if path.is_file():
            add(f"static/{path.relative_to(source / 'static').as_posix()}", path.read_bytes())
    return run


def write_archive(run, out_dir):
    """``out_dir/<archive>``: a gzipped tar of ``course/...``, sorted, fixed times and owners."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / run.archive
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        folders = {TOP}
        for path in run.files:
            parts = path.split("/")[:-1]
            folders.update(f"{TOP}/" + "/".join(parts[:i + 1]) for i in range(len(parts)))
        for folder in sorted(folders):
            info = tarfile.TarInfo(folder)
            info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, MTIME
            tar.addfile(info)
        for path in sorted(run.files):
            data = run.files[path]
            info = tarfile.TarInfo(f"{TOP}/{path}")
            info.size, info.mode, info.mtime = len(data), 0o644, MTIME
            tar.addfile(info, io.BytesIO(data))
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=MTIME, filename="") as gz:
        gz.write(buffer.getvalue())
    return target


def build(out_dir=ROOT / "dist", root=ROOT, source=SOURCE):
    """Build every run first (so a mistake writes nothing), then write the archives; their paths."""
    outline = load_outline(source)
    runs = [build_run(outline, lang, root, source) for lang in outline["runs"]]
    return [write_archive(run, Path(out_dir)) for run in runs]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the archives (default: dist/)")
    args = parser.parse_args(argv)
    try:
        for path in build(args.out):
            print(path)
    except CourseError as err:
        print(f"build_course: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
