"""The EMM2.0 Niger course (issue 13, part 1): ``scripts/build_course.py`` builds one archive per
run, and each imports as Studio imports a course. The checks follow openedx-platform:

* ``cms/djangoapps/contentstore/tasks.py`` (``import_olx``): the archive is unpacked, the folder
  holding ``course.xml`` is the first one ``os.walk`` finds (``verify_root_name_exists``), and
  ``validate_course_olx`` runs ``olxcleaner.validate(filename=folder,
  steps=settings.COURSE_OLX_VALIDATION_STAGE, ignore=settings.COURSE_OLX_VALIDATION_IGNORE_LIST,
  allowed_xblocks=ALL_ALLOWED_XBLOCKS)``, the ``xblock.v1`` entry point names; an ERROR-level
  problem stops the import. ``cms/envs/common.py`` sets the stage to 1 (load only); operators may
  raise it, so the archives are checked at every stage (8) with no problem of any level.
* ``xmodule/modulestore/xml.py`` (``XMLModuleStore.load_course``): ``course.xml``'s ``url_name``
  names the run's file ``course/<url_name>.xml`` and its ``policies/<url_name>/policy.json``,
  whose keys are ``policy_key`` (``<type>/<url_name>``); ``xblock_from_node`` gives each block
  its ``url_name`` as id and calls the mixed class's ``parse_xml(node, runtime, keys)`` on the
  element re-parsed from ``etree.tostring`` with the module's parser (``remove_blank_text``);
  ``make_name_unique``: two ``chapter``/``sequential``/``vertical`` with one ``url_name`` is a
  PROBLEM. ``xmodule/xml_block.py`` (``is_pointer_tag``, ``load_file``): ``<tag url_name="x"/>``
  is the file ``tag/x.xml``, read with ``EDX_XML_PARSER``. ``xmodule/html_block.py``: ``html/x.xml``
  names its markup ``html/<filename>.html``. ``xmodule/course_block.py``: the grading policy is
  ``policies/<url_name>/grading_policy.json``.
* Grades: a block counts towards the course grade through its subsection's ``graded`` and
  ``format`` (an assignment type of the grading policy's ``GRADER``), inherited
  (``xmodule/modulestore/inheritance.py``, modelled in ``tests/openedx/inheritance.py``).
"""

import html
import importlib.util
import json
import os
import re
import tarfile
from importlib.metadata import entry_points
from pathlib import Path

import olxcleaner
import pytest
from lxml import etree
from xblock.fields import Scope

from tests.openedx.fixtures import platform  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]
OURS = sorted(e.name for e in entry_points(group="xblock.v1") if e.value.startswith("emm_xblocks."))
ALL_ALLOWED_XBLOCKS = frozenset(e.name for e in entry_points(group="xblock.v1"))  # contentstore/tasks.py
# xmodule/xml_block.py EDX_XML_PARSER, and xmodule/modulestore/xml.py's default parser
EDX_XML_PARSER = etree.XMLParser(dtd_validation=False, load_dtd=False, remove_blank_text=True, encoding="utf-8")
NEED_UNIQUE_NAMES = ("problem", "sequential", "video", "course", "chapter", "poll_question", "vertical")


def _builder():
    spec = importlib.util.spec_from_file_location("build_course", ROOT / "scripts" / "build_course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_course = _builder()
OUTLINE = build_course.load_outline()
RUNS = list(OUTLINE["runs"])
UNITS = {u["url_name"]: u for s in OUTLINE["sections"] for sub in build_course.subsections(s) for u in sub["units"]}
ACTIVITIES = [u for u in UNITS.values() if "block" in u]  # 4 case studies, the role-play, 2 knowledge checks,
#                                                          the evaluation, the report
STAFF_ONLY = {name for name, u in UNITS.items() if u.get("staff_only")}
GRADED_TYPES = {a["block_type"] for a in OUTLINE["assignment_types"]}


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """``{lang: path of the course folder}``, unpacked from the archives ``build()`` wrote."""
    out = tmp_path_factory.mktemp("dist")
    paths = build_course.build(out)
    assert sorted(p.name for p in paths) == sorted(OUTLINE["runs"][lang]["archive"] for lang in RUNS)
    folders = {}
    for lang in RUNS:
        archive = out / OUTLINE["runs"][lang]["archive"]
        target = tmp_path_factory.mktemp(f"import-{lang}")
        with tarfile.open(archive) as tar:
            assert all(m.isfile() or m.isdir() for m in tar.getmembers())  # no links, no devices
            tar.extractall(target, filter="data")  # refuses absolute paths and ../
        folders[lang] = root_folder(target)
    return folders


def root_folder(directory):
    """``verify_root_name_exists``: the first folder ``os.walk`` finds holding ``course.xml``."""
    for path, _dirs, files in os.walk(directory):
        if "course.xml" in files:
            return Path(path)
    raise AssertionError(f"no course.xml in {directory}")


def parse(folder, path):
    return etree.parse(str(folder / path), EDX_XML_PARSER).getroot()


def course_tree(folder):
    """Walk the run as the import does, from ``course.xml`` through every pointer. Returns
    ``(run url_name, outline, files read)``: outline is a list of ``(tag, url_name, element,
    parent url_name)`` for every block in document order (ours with their inline element)."""
    pointer = parse(folder, "course.xml")
    assert pointer.tag == "course" and set(pointer.attrib) == {"url_name", "org", "course"}
    run = pointer.get("url_name")
    read = {"course.xml", f"course/{run}.xml"}
    blocks = []

    def visit(element, parent):
        if element.tag == "html":
            assert set(element.attrib) == {"url_name"} and len(element) == 0, "html is a pointer"
            name = element.get("url_name")
            definition = parse(folder, f"html/{name}.xml")
            markup = f"html/{definition.get('filename')}.html"
            assert (folder / markup).is_file(), markup
            read.update({f"html/{name}.xml", markup})
            blocks.append(("html", name, definition, parent))
            return
        if element.tag in OURS:  # inline, with its url_name
            blocks.append((element.tag, element.get("url_name"), element, parent))
            return
        name = element.get("url_name")
        assert set(element.attrib) == {"url_name"} and len(element) == 0, f"<{element.tag}> is a pointer"
        path = f"{element.tag}/{name}.xml"
        assert (folder / path).is_file(), f"url_name {name!r} of <{element.tag}> resolves to nothing"
        read.add(path)
        target = parse(folder, path)
        assert target.tag == element.tag and "url_name" not in target.attrib
        blocks.append((element.tag, name, target, parent))
        for child in target:
            visit(child, name)

    for chapter in parse(folder, f"course/{run}.xml"):
        visit(chapter, run)
    return run, blocks, read


# ---------------------------------------------------------------- olxcleaner, as Studio runs it
@pytest.mark.parametrize("lang", RUNS)
def test_olxcleaner_finds_no_problem_at_any_stage(archives, lang):
    for steps in (1, 8):  # Studio's default stage, and every stage
        course, errorstore, url_names = olxcleaner.validate(
            filename=str(archives[lang]), steps=steps, ignore=None, allowed_xblocks=ALL_ALLOWED_XBLOCKS)
        assert course is not None
        assert [(e.level, e.name, e.filename, e.description) for e in errorstore.errors] == []
    # what it checked: the seven topics and the evaluation, their subsections, units and introductions
    assert sum(1 for obj in url_names.values() if obj.type == "chapter") == len(OUTLINE["sections"]) == 8
    assert sum(1 for obj in url_names.values() if obj.type == "html") == len(UNITS) == 11


def test_olxcleaner_looks_at_our_blocks_only_through_the_allowed_list(archives):
    """The check is real: without the installed block types every block of ours is refused, as
    on a platform where the package is not installed."""
    _course, errorstore, _ = olxcleaner.validate(filename=str(archives["fr"]), steps=8, allowed_xblocks=None)
    refused = sorted(e.description.split("<")[1].split(">")[0] for e in errorstore.errors
                     if e.name == "UnexpectedTag")
    used = sorted(tag for tag, *_ in course_tree(archives["fr"])[1] if tag in OURS)
    assert refused == used and len(used) == len(ACTIVITIES) == 9


# ---------------------------------------------------------------- url_names
@pytest.mark.parametrize("lang", RUNS)
def test_every_url_name_resolves_and_every_file_is_used(archives, lang):
    folder = archives[lang]
    run, blocks, read = course_tree(folder)
    assert run == OUTLINE["runs"][lang]["url_name"]
    names = [name for _tag, name, *_ in blocks]
    assert len(names) == len(set(names)), "a url_name is used twice"
    for tag in NEED_UNIQUE_NAMES:
        of_tag = [name for t, name, *_ in blocks if t == tag]
        assert len(of_tag) == len(set(of_tag))
    assert all(re.fullmatch(r"[a-z0-9_]+", name) for name in names)
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    policies = {f"policies/{run}/policy.json", f"policies/{run}/grading_policy.json"}
    static = {f for f in files if f.startswith("static/")}
    # XMLModuleStore.load_extra_content: every about/<slug>.html is the about block <slug>
    about = {f for f in files if f.startswith("about/")}
    assert about == {"about/overview.html", "about/short_description.html"}
    assert files - read - policies - static - about == set(), "files no url_name leads to"
    assert read <= files


def test_both_runs_have_the_same_outline_and_ids(archives):
    """Two runs of one course: the same block ids in each, so reports and analytics line up."""
    shapes = {lang: [(tag, name, parent) for tag, name, _el, parent in course_tree(archives[lang])[1]]
              for lang in RUNS}
    fr, en = ([(t, n, p if p not in RUNS else "run") for t, n, p in shapes[lang]] for lang in ("fr", "en"))
    assert fr == en
    titles = {lang: [el.get("display_name") for tag, _n, el, _p in course_tree(archives[lang])[1]
                     if tag == "chapter"] for lang in RUNS}
    assert all(a != b for a, b in zip(titles["fr"], titles["en"], strict=True))  # translated, every one


# ---------------------------------------------------------------- policies and grading
@pytest.mark.parametrize("lang", RUNS)
def test_policy_lists_the_package_blocks_and_the_grading_policy_holds_the_graded_ones(archives, lang):
    folder = archives[lang]
    run, blocks, _ = course_tree(folder)
    policy = json.loads((folder / f"policies/{run}/policy.json").read_text(encoding="utf-8"))
    assert list(policy) == [f"course/{run}"]  # policy_key of the course
    course = policy[f"course/{run}"]
    assert course["advanced_modules"] == OURS  # Studio's Advanced Module List: every block of the package
    assert {tag for tag, *_ in blocks if tag.startswith("emm_")} <= set(OURS)
    assert course["language"] == lang and course["display_name"] == OUTLINE["runs"][lang]["display_name"]
    assert course["start"] < course["end"] and (folder / "static" / course["course_image"]).is_file()

    grading = json.loads((folder / f"policies/{run}/grading_policy.json").read_text(encoding="utf-8"))
    graded = [(name, el.get("format")) for tag, name, el, _p in blocks
              if tag == "sequential" and el.get("graded") == "true"]
    types = {g["type"]: g for g in grading["GRADER"]}
    assert {fmt for _n, fmt in graded} == set(types)
    for fmt, entry in types.items():
        assert entry["min_count"] == sum(1 for _n, f in graded if f == fmt)
    assert abs(sum(g["weight"] for g in grading["GRADER"]) - 1) < 1e-9
    assert len(graded) == sum(1 for tag, *_ in blocks if tag in GRADED_TYPES) == 7


# ---------------------------------------------------------------- our blocks, re-imported
def import_run(platform, folder):  # noqa: F811
    """The run's outline and our blocks in the platform-faithful runtime, ids from url_names:
    ``{url_name: usage key}``. Our blocks go through ``parse_xml`` on the element re-parsed from
    its serialisation, as ``process_xml`` hands it over."""
    _run, blocks, _ = course_tree(folder)
    keys = {}
    for tag, name, element, parent in blocks:
        parent_key = keys.get(parent)  # the run itself: the course
        if tag in OURS:
            node = etree.fromstring(etree.tostring(element), EDX_XML_PARSER)
            keys[name] = platform.add(node, parent_key, url_name=name)
        elif tag == "html":
            keys[name] = None  # the platform's own block, not ours to parse
        else:  # the settings the outline's containers carry, as the import reads XML attributes
            settings = {name: True for name in ("graded", "visible_to_staff_only") if element.get(name) == "true"}
            keys[name] = platform.container(tag, parent_key, url_name=name, **settings)
    return blocks, keys


def authored(platform, key):  # noqa: F811
    block = platform.unbound(key)
    return {name: field.read_json(block) for name, field in block.fields.items()
            if field.scope in (Scope.content, Scope.settings) and field.is_set_on(block)}


@pytest.mark.parametrize("lang", RUNS)
def test_every_block_of_ours_reimports_with_parse_xml_as_its_source_wrote_it(platform, archives, lang):  # noqa: F811
    blocks, keys = import_run(platform, archives[lang])
    ours = [(tag, name, element, parent) for tag, name, element, parent in blocks if tag in OURS]
    assert len(ours) == len(ACTIVITIES)
    for tag, name, element, unit in ours:
        block = platform.unbound(keys[name])
        assert block.scope_ids.usage_id.block_id == name and block.scope_ids.block_type == tag
        # what an author sees on the unit page after the import: no warning, no error
        # (validate(): the blocks' own author checks, as Studio's container view calls it); asked
        # before the reference copy below joins the course, a knowledge check's twin of one pair
        # key and phase, which Studio rightly says (decision 106)
        assert [m.text for m in block.validate().messages] == [], name
        # the same fields as the source file the outline names, imported on its own: nothing lost or added
        source = ROOT / UNITS[unit]["block"][lang]
        reference = platform.add(source.read_text(encoding="utf-8"), platform.subsection())
        fields = authored(platform, keys[name])
        assert fields == authored(platform, reference), name
        assert fields["display_name"] == element.get("display_name") and "url_name" not in fields


@pytest.mark.parametrize("lang", RUNS)
def test_a_learner_sees_every_activity_and_the_scored_ones_count(platform, archives, lang):  # noqa: F811
    blocks, keys = import_run(platform, archives[lang])
    learner, staff = platform.user("amina"), platform.user("staff_moussa", role="staff")
    for tag, name, element, unit in blocks:
        if tag not in OURS:
            continue
        block = platform.unbound(keys[name])
        # a staff-only unit's block inherits visible_to_staff_only, which the LMS checks before it
        # shows it to anyone else (courseware/access.py, _visible_to_nonstaff_users): staff read it
        assert block.visible_to_staff_only is (unit in STAFF_ONLY), name
        reader = staff if unit in STAFF_ONLY else learner
        page = html.unescape(platform.lms(reader).html(keys[name]))
        assert element.get("display_name") in page  # the learner sees the activity, in the run's language
        # a scored block counts: its subsection is graded (inherited), with an assignment type
        assert block.graded is bool(block.has_score), name


# ---------------------------------------------------------------- the text
DATED = [  # a fact as the introductions name it -> the date it must carry in the same paragraph
    (r"2015-36", r"26 (May|mai) 2015"),
    (r"2015-36", r"(November|novembre) 2023"),
    (r"ECOWAS|CEDEAO", r"29 (January|janvier) 2025"),
    (r"2010-086", r"16 (December|décembre) 2010"),
    (r"\b669\b", r"17 (September|septembre) 2022"),
    (r"3,746|3\u202f746", r"2017.*2020|2017 à 2020"),
    (r"Best Interests Determination|détermination de l’intérêt supérieur", r"(December|décembre) 2013"),
    (r"General Comment No\. 14|Observation générale n° 14", r"2013"),
    (r"\b38 ?%", r"2023"),
]


@pytest.mark.parametrize("lang", RUNS)
def test_dated_facts_carry_their_dates(archives, lang):
    folder = archives[lang]
    paragraphs = []
    for path in sorted([*(folder / "html").glob("*.html"), *(folder / "about").glob("*.html")]):
        tree = etree.fromstring(f"<div>{path.read_text(encoding='utf-8')}</div>")
        paragraphs += [" ".join("".join(p.itertext()).split()) for p in tree.iter("p", "li")]
    found = 0
    for fact, date in DATED:
        for text in paragraphs:
            if re.search(fact, text):
                found += 1
                assert re.search(date, text), f"{fact!r} without its date {date!r}: {text}"
    assert found >= len(DATED)  # every dated fact is there at least once


def test_the_build_is_reproducible_and_refuses_a_wrong_outline(tmp_path):
    first = [p.read_bytes() for p in build_course.build(tmp_path / "a")]
    second = [p.read_bytes() for p in build_course.build(tmp_path / "b")]
    assert first == second
    outline = build_course.load_outline()
    outline["sections"][2]["units"][0]["url_name"] = outline["sections"][1]["units"][0]["url_name"]
    with pytest.raises(build_course.CourseError, match="used by"):
        build_course.build_run(outline, "fr")


def test_a_section_with_two_subsections_grades_each_with_its_own_type():
    """The outline's long form (``[[sections.subsections]]``): how a knowledge check (issue 11) joins
    a section that has a case study. One assignment type per subsection, or the build refuses."""
    outline = build_course.load_outline()
    sections = outline["sections"]
    policy, law, trafficking = sections[1], sections[2], sections[5]
    policy["subsections"] = [
        {"url_name": "policy_case", "title": {"fr": "Cas", "en": "Case"}, "units": policy.pop("units")},
        {"url_name": "policy_screening", "title": {"fr": "Jeu", "en": "Play"}, "units": trafficking["units"]},
    ]
    sections.remove(trafficking)
    run = build_course.build_run(outline, "en")
    chapter = etree.fromstring(run.files["chapter/migration_policy.xml"])
    assert [c.get("url_name") for c in chapter] == ["policy_case", "policy_screening"]
    assert [etree.fromstring(run.files[f"sequential/{n}.xml"]).get("format")
            for n in ("policy_case", "policy_screening")] == ["Case study", "Role-play"]
    grading = json.loads(run.files["policies/en/grading_policy.json"])
    assert {g["type"]: g["min_count"] for g in grading["GRADER"]} == {"Case study": 4, "Role-play": 1,
                                                                        "Knowledge check": 2}

    policy["subsections"] = [{"url_name": "policy_both", "title": {"fr": "Les deux", "en": "Both"},
                              "units": policy["subsections"][0]["units"] + law["units"]
                              + policy["subsections"][1]["units"]}]
    sections.remove(law)
    with pytest.raises(build_course.CourseError, match="two assignment types"):
        build_course.build_run(outline, "en")


# ---------------------------------------------------------------- issue 11: knowledge checks, the report
def units_in_order(folder):
    """``[(section url_name, unit url_name, vertical element)]`` in the order a learner meets them."""
    _run, blocks, _ = course_tree(folder)
    section_of = {}
    units = []
    for tag, name, element, parent in blocks:
        if tag == "chapter":
            section_of[name] = name
        elif tag in ("sequential", "vertical"):
            section_of[name] = section_of[parent]
            if tag == "vertical":
                units.append((section_of[name], name, element))
    return units


@pytest.mark.parametrize("lang", RUNS)
def test_the_pre_test_opens_day_1_and_its_post_test_closes_day_3(archives, lang):
    folder = archives[lang]
    checks = [(section, unit, element.find("emm_knowledge_check")) for section, unit, element in units_in_order(folder)
              if element.find("emm_knowledge_check") is not None]
    (pre_section, _, pre), (post_section, _, post) = checks
    sections = [s["url_name"] for s in OUTLINE["sections"]]
    assert (pre_section, post_section) == (sections[0], sections[-1]) == ("global_context", "evaluation")
    assert (pre.get("phase"), post.get("phase")) == ("pre", "post")
    assert pre.get("pair") == post.get("pair") == f"emm-niger-{lang}"  # one pair
    # the same questions (the post-test is the pre-test duplicated)
    assert [q.get("id") for q in pre.iter("question")] == [q.get("id") for q in post.iter("question")]
    assert (pre.get("grading"), post.get("grading")) == ("participation", "score")  # a pre-test never by score
    # each in a subsection of its own, graded as a knowledge check
    _run, blocks, _ = course_tree(folder)
    fmt = {"fr": "Test de connaissances", "en": "Knowledge check"}[lang]
    graded_as = {name: el.get("format") for tag, name, el, _p in blocks if tag == "sequential"}
    assert graded_as["pre_test"] == graded_as["post_test"] == fmt
    assert graded_as["evaluation_subsection"] is None  # the anonymous evaluation and the report: not graded


@pytest.mark.parametrize("lang", RUNS)
def test_the_report_is_a_staff_only_unit_of_the_evaluation_section(archives, lang):
    units = units_in_order(archives[lang])
    staff_only = [(section, unit, element) for section, unit, element in units
                  if element.get("visible_to_staff_only") == "true"]
    [(section, unit, vertical)] = staff_only  # the one unit learners do not see
    assert (section, unit) == ("evaluation", "evaluation_report") and unit in STAFF_ONLY
    assert [child.tag for child in vertical] == ["html", "emm_evaluation_report"]
    assert units[-1][1] == "evaluation_report"  # after the evaluation it reports on
    # nothing else is hidden, and no other unit holds the report
    assert all(el.find("emm_evaluation_report") is None for _s, u, el in units if u != unit)
