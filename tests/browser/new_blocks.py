"""A brand-new block as Studio's "Add component" makes it (no content, every field at its default),
opened in its Studio editor in French, as bug hunt s44's author did: the helpers its tests share."""

DESK = {"width": 1280, "height": 720}
CASE, LIKERT, ER, RP = ".emm-case-editor", ".emm-likert-editor", ".emm-er-editor", ".emm-rp-studio"


def new_block(workbench, block_type):
    """A brand-new block (no content, every field at its default), its scenario and usage id."""
    scenario = workbench.add_scenario(f"<{block_type}/>")
    return scenario, workbench.usage_id(scenario)


def stored(usage_id):
    """The block's content as saved (read by a runtime of its own)."""
    from workbench.runtime import WorkbenchRuntime

    return WorkbenchRuntime("staff_1").get_block(usage_id).load_content()


def open_studio(page, workbench, scenario, root):
    """The block's editor in French, once loaded (its name filled in, its counters drawn)."""
    page.goto(f"{workbench.base_url}/scenario/{scenario}/studio_view/?student=staff_1&lang=fr")
    name = page.locator(f"{root} [data-field=display_name]")
    page.wait_for_function("(el) => el.value !== ''", arg=name.element_handle())
    page.wait_for_selector(f"{root} .emm-counter", state="attached")


def renamed_in_json(text, name):
    """The editor's JSON ``text`` ("Edit as JSON") with its display name ``name``, as an author edits
    it there (whatever the new block's name shows as: its default is in the page's language)."""
    import json

    data = json.loads(text)
    data["display_name"] = name
    return json.dumps(data, ensure_ascii=False, indent=2)


def save(page, root):
    """Press "Enregistrer" and wait for the outcome: the status ("Enregistré…") or the refusal."""
    page.locator(f"{root} [data-save]").click()
    page.wait_for_function(
        """(root) => root.querySelector('[data-status]').textContent.trim() !== ''
                     || !root.querySelector('[data-save-alert]').hidden""",
        arg=page.locator(root).element_handle())
    return page.locator(f"{root} [data-status]").inner_text().strip()


def one_single_choice_question(page, points_keys=None):
    """Add a question to the case study and fill it as an author does; ``points_keys`` typed in
    its Points field, key by key (the field first emptied)."""
    page.get_by_role("button", name="Ajouter une question").click()
    q = page.locator(f"{CASE} [data-list=questions] > [data-row]").first
    q.locator("[data-key=prompt]").fill("Qu’est-ce que « l’acte » dans la traite\u00a0?")
    options = q.locator("[data-list=options] > [data-row]")
    options.nth(0).locator("[data-key=text]").fill("Le recrutement d’une personne")
    options.nth(0).locator("[data-key=correct]").check()
    options.nth(1).locator("[data-key=text]").fill("L’exploitation")
    q.locator("[data-key=explanation]").fill("L’acte, les moyens, la finalité.")
    if points_keys is not None:
        points = q.locator("[data-key=points]")
        points.fill("")
        points.press_sequentially(points_keys)
    return q
