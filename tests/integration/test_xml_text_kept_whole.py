"""The text an author wrote in XML is kept as typed, whatever surrounds it.

* The role-play's "Edit as XML" tab reads the text as the UTF-8 it is sent as, whatever encoding
  its ``<?xml … encoding="…"?>`` declaration names (another tool's ``ISO-8859-1`` made every
  accented letter two);
* a processing instruction (``<?note …?>``), a comment or an entity declared in the XML's own
  ``<!DOCTYPE>`` inside a label or a band's message no longer cuts the text after it (it was
  dropped, or the save refused as "Role 1 has no name"); an entity the XML does not declare is
  refused with a problem that names it;
* every block's OLX import reads its one-line texts the same way (``common.olx.text_of``): a
  Likert's statement and a knowledge check's option imported with a processing instruction and a
  comment inside keep their whole text.
"""

import pytest

from emm_xblocks.role_play import olx as role_play_olx

TYPED = "frontières — équipe"
SCENE = """<emm_role_play display_name="Frontières">
  <band min="0">{band}</band>
  <role id="officer" start="a">{role}</role>
  <node id="a"><narrative><![CDATA[<p>Start</p>]]></narrative><choice goto="z">{choice}</choice></node>
  <node id="z" ending="true"><narrative><![CDATA[<p>End</p>]]></narrative></node>
</emm_role_play>"""


def scene(band="Well done", role="Officer", choice="Go on"):
    return SCENE.format(band=band, role=role, choice=choice)


@pytest.fixture
def role_play(scenario):
    return scenario(scene())


def saved(handlers, uid, xml):
    response = handlers.post(uid, "studio_submit", {"xml": xml}, student="staff_1")
    assert response.status_code == 200, response.json_body
    return handlers.block(uid).load_content()


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "windows-1252", "UTF-16", "utf-8"])
def test_an_encoding_declaration_keeps_the_text_as_typed(role_play, handlers, encoding):
    declared = f'<?xml version="1.0" encoding="{encoding}"?>\n'
    content = saved(handlers, role_play, declared + scene(role=f"Policier aux {TYPED}", band=TYPED))
    assert content.roles[0].label == f"Policier aux {TYPED}"
    assert content.bands[0].message == TYPED
    page = handlers.view(role_play).body_html()
    assert f"Policier aux {TYPED}" in page and "Ã" not in page


def test_the_xml_tab_shows_the_text_as_typed(role_play, handlers):
    declared = '<?xml version="1.0" encoding="ISO-8859-1"?>'
    response = handlers.post(role_play, "studio_convert", {"xml": declared + scene(role=TYPED)}, student="staff_1")
    assert response.status_code == 200 and response.json_body["scenario"]["roles"][0]["label"] == TYPED


def test_a_processing_instruction_inside_a_text_keeps_the_text_after_it(role_play, handlers):
    content = saved(handlers, role_play, scene(band="Well <?note keep?>done: you protected them",
                                               role="Border <?x?>police officer",
                                               choice="Listen <!-- later -->to her first"))
    assert content.bands[0].message == "Well done: you protected them"
    assert content.roles[0].label == "Border police officer"
    assert content.nodes[0].choices[0].label == "Listen to her first"


def test_an_entity_declared_in_the_xml_is_replaced_by_its_text(role_play, handlers):
    doctype = f'<!DOCTYPE emm_role_play [<!ENTITY team "{TYPED}">]>'
    content = saved(handlers, role_play, doctype + scene(role="Police aux &team; ici", band="&team;"))
    assert content.roles[0].label == f"Police aux {TYPED} ici"
    assert content.bands[0].message == TYPED


@pytest.mark.parametrize("doctype", ['<!DOCTYPE emm_role_play SYSTEM "roles.dtd">',
                                     '<!DOCTYPE emm_role_play [<!ENTITY team SYSTEM "file:///etc/hostname">]>',
                                     '<!DOCTYPE emm_role_play [<!ENTITY team "&team;">]>'])
def test_an_entity_the_xml_cannot_give_is_refused_with_a_problem_naming_it(role_play, handlers, doctype):
    response = handlers.post(role_play, "studio_submit", {"xml": doctype + scene(role="Police &team; ici")},
                             student="staff_1")
    assert response.status_code == 400 and response.json_body["error"] == "invalid_content"
    [problem] = response.json_body["problems"]
    assert problem["field"] == "xml" and "entity" in problem["message"], problem
    assert "has no name" not in problem["message"]
    assert handlers.block(role_play).load_content().roles[0].label == "Officer"  # nothing saved


def test_an_imported_role_play_keeps_the_text_around_a_processing_instruction(scenario, handlers):
    uid = scenario(scene(band="Well <?note keep?>done", role="Border <?x?>police <!-- c -->officer"))
    content = handlers.block(uid).load_content()
    assert content.roles[0].label == "Border police officer" and content.bands[0].message == "Well done"


def test_an_unresolved_entity_reference_is_kept_as_written_not_cut(scenario):
    from lxml import etree

    el = etree.fromstring(('<!DOCTYPE emm_role_play SYSTEM "x.dtd">' + scene(band="Well &e; done")).encode(),
                          etree.XMLParser(resolve_entities=False, no_network=True))
    assert role_play_olx.from_xml(el).bands[0].message == "Well &e; done"


def test_a_likert_statement_imported_with_a_processing_instruction_keeps_its_whole_text(scenario, handlers):
    uid = scenario("""<emm_likert display_name="Eval">
      <item id="useful">The training <?pi x?>was useful <!-- a note -->for my work.</item>
    </emm_likert>""")
    assert handlers.block(uid).load_content().statements[0].text == "The training was useful for my work."
    assert "The training was useful for my work." in handlers.view(uid).body_html()


def test_a_knowledge_check_option_imported_with_a_processing_instruction_keeps_its_whole_text(scenario, handlers):
    uid = scenario("""<emm_knowledge_check display_name="Check">
      <question id="q1" type="single"><prompt><![CDATA[<p>Which?</p>]]></prompt>
        <option id="a" correct="true">Already <?pi?>before recognition<feedback>Right <?pi?>indeed</feedback></option>
        <option id="b">Only after</option>
      </question>
    </emm_knowledge_check>""")
    option = handlers.block(uid).load_content().questions[0].options[0]
    assert option.text == "Already before recognition" and option.feedback == "Right indeed"


def test_a_parameter_entity_does_not_read_a_file_of_the_server(role_play, handlers, tmp_path):
    """(Bug hunt s44.) libxml2 loads an external *parameter* entity (``<!ENTITY % p SYSTEM
    "file:///…"> %p;``) even with ``resolve_entities="internal"``: an author could read a file of
    the Studio server holding entity declarations into the scenario."""
    secret = tmp_path / "server-secret.dtd"  # any file on the Studio server holding entity declarations
    secret.write_text('<!ENTITY team "SECRET-FROM-THE-SERVER-DISK">')
    doctype = f'<!DOCTYPE emm_role_play [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>'
    response = handlers.post(role_play, "studio_submit", {"xml": doctype + scene(role="Police &team;")},
                             student="staff_1")
    assert "SECRET-FROM-THE-SERVER-DISK" not in handlers.block(role_play).load_content().roles[0].label
    assert response.status_code == 400 and response.json_body["error"] == "invalid_content"


def test_whether_a_server_file_exists_cannot_be_told_from_the_editor(role_play, handlers, tmp_path):
    """(Bug hunt s44.) An existing file was "not well-formed at line 1, column 1" (read as DTD
    text), a missing one no problem: a probe of the server's paths."""
    present = tmp_path / "present.txt"
    present.write_text("root:x:0:0:root:/root:/bin/bash\n")
    answers = []
    for path in (present, tmp_path / "missing.txt"):
        doctype = f'<!DOCTYPE emm_role_play [<!ENTITY % p SYSTEM "file://{path}"> %p;]>'
        r = handlers.post(role_play, "studio_validate", {"xml": doctype + scene()}, student="staff_1")
        answers.append((r.status_code, r.json_body))
    assert answers[0] == answers[1], answers
