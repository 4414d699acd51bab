/* Unit tests of static/js/emm-editor.js (node --test): the editor engine the Studio editors
   are built on. Each editor's own form is tested in Chromium (tests/browser/*editor*, *_browser). */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {el, fakeWindow, load, response, FakeElement} = require("./fake-dom");

const runtime = (notes) => ({
  handlerUrl: (element, name) => "/handler/" + name,
  notify: (name, data) => notes.push([name, data]),
});

function setup(fetch) {
  return load(fakeWindow({fetch}), "emm-common.js", "emm-forms.js", "emm-editor-lines.js", "emm-editor.js");
}

/* an editor in the shared markup (docs/javascript.md): settings [data-field], a list of two rows
   whose fields are [data-key], save and cancel, the alert and status */
function editorPage() {
  const row = () => el("li", {"data-row": ""}, [
    el("input", {"data-key": "id", type: "text"}),
    el("span", {class: "emm-field-error", "data-error-key": "id"}),
    el("button", {type: "button", "data-move": "-1"}, ["Move up"]),
    el("button", {type: "button", "data-move": "1"}, ["Move down"]),
    el("button", {type: "button", "data-remove": ""}, ["Remove"]),
  ]);
  const rows = [row(), row()];
  rows.forEach((r, i) => { r.querySelector("input").value = ["a", "b"][i]; });
  const list = el("ol", {"data-list": ""}, rows);
  const name = el("input", {"data-field": "display_name", type: "text"});
  name.value = "";
  const graded = el("input", {"data-field": "graded", type: "checkbox"});
  const labels = el("textarea", {"data-field": "labels", "data-lines": ""});
  const form = el("form", {}, [
    el("div", {"data-alert": "", hidden: ""}), name, graded, labels,
    el("span", {class: "emm-field-error", "data-error": "display_name"}),
    el("fieldset", {}, [list, el("button", {type: "button", "data-add": "rows"}, ["Add"])]),
    el("button", {type: "button", "data-cancel": ""}, ["Cancel"]),
    el("div", {"data-status": ""}),
  ]);
  const root = el("div", {class: "emm-x-editor"}, [form]);
  return {root, form, list, name, graded, labels, row};
}

/* an editor whose form is the fake page: collects display_name and the rows' ids */
function editor(w, page, notes, extra = {}) {
  const shown = [];
  const ed = w.EmmEditor.create(runtime(notes), {jquery: "3", 0: el("div", {}, [page.root])}, Object.assign({
    root: ".emm-x-editor",
    collect: () => ({display_name: page.name.value, rows: page.list.children.map((r) => r.querySelector("input").value)}),
    show: (problems, data, when) => shown.push({problems, data, when}),
    add: () => { const r = page.row(); page.list.appendChild(r); return r; },
    title: () => "",  /* rows without a name: "Added.", "Removed."... */
  }, extra));
  return {ed, shown};
}

function pending() {
  const calls = [];
  return {calls, fetch: (url, options) => new Promise((resolve) => calls.push({url, body: JSON.parse(options.body), resolve}))};
}
const flush = () => new Promise((resolve) => setImmediate(resolve));

test("splitPath and nextId", () => {
  const w = setup();
  assert.deepEqual(w.EmmEditor.splitPath("nodes.2.choices.0.goto"), ["nodes", 2, "choices", 0, "goto"]);
  assert.deepEqual(w.EmmEditor.splitPath("weight"), ["weight"]);
  assert.deepEqual(w.EmmEditor.splitPath(""), []);
  assert.deepEqual(w.EmmEditor.splitPath(undefined), []);
  assert.equal(w.EmmEditor.nextId(["s1", "s2", "s4"], "s"), "s3");
  assert.equal(w.EmmEditor.nextId([], "node-"), "node-1");
  assert.equal(w.EmmEditor.nextId(["constructor1"], "constructor"), "constructor2");
  // nor an id that still holds learners' answers (the server's retired_ids), nor one in another case
  assert.equal(w.EmmEditor.nextId(["o1", "o3"], "o", ["o2"]), "o4");
  assert.equal(w.EmmEditor.nextId(["O1"], "o", ["O2", "x1"]), "o3");
  assert.equal(w.EmmEditor.nextId(["o1"], "o", undefined), "o2");
});

test("fields in and out: text, a checkbox, one item a line", () => {
  const w = setup();
  const page = editorPage();
  const {ed} = editor(w, page, []);
  ed.load(["display_name", "graded", "labels"], {display_name: null, graded: true, labels: ["Low", "High"]});
  assert.equal(page.name.value, "");
  assert.equal(page.graded.checked, true);
  assert.equal(page.labels.value, "Low\nHigh");
  page.name.value = "Pilot";
  page.labels.value = " Low \n\nHigh\n";
  page.graded.checked = false;
  assert.deepEqual(ed.read(["display_name", "graded", "labels"]), {display_name: "Pilot", graded: false, labels: ["Low", "High"]});
  ed.load(["graded"], {graded: "yes"});
  assert.equal(page.graded.checked, false, "only true checks a box");
});

test("the block's settings: the keys the server sends, loaded and read back", () => {
  const w = setup();
  const page = editorPage();
  const keys = ["display_name", "graded"];
  const {ed} = editor(w, page, [], {settings: keys});
  keys.push("labels");  /* the engine keeps its own copy */
  assert.deepEqual(ed.settings, ["display_name", "graded"]);
  ed.loadSettings({display_name: "Pilot", graded: true, labels: ["not a setting"]});
  assert.equal(page.name.value, "Pilot");
  assert.equal(page.graded.checked, true);
  assert.notEqual(page.labels.value, "not a setting", "only the settings are loaded");
  page.graded.checked = false;
  assert.deepEqual(ed.readSettings(), {display_name: "Pilot", graded: false});
  assert.deepEqual(editor(w, editorPage(), []).ed.settings, [], "an editor without settings");
});

test("problems: messages add up, errors mark the control, a slot with warnings only looks like one", () => {
  const w = setup();
  const slot = el("span", {class: "emm-field-error"}), input = el("input");
  w.EmmEditor.mark({field: "x", message: "Too long.", error: false}, slot, input);
  assert.equal(slot.textContent, "Warning: Too long.", "a warning says so, not only in its colour (bug hunt a11y)");
  assert.ok(slot.classList.contains("emm-warning-text"));
  assert.equal(input.hasAttribute("aria-invalid"), false);
  w.EmmEditor.mark({field: "x", message: "Used twice.", error: true}, slot, input);
  assert.equal(slot.textContent, "Warning: Too long. Used twice.", "an error is said as it is");
  assert.ok(!slot.classList.contains("emm-warning-text"));
  assert.equal(input.getAttribute("aria-invalid"), "true");
  w.EmmEditor.mark({field: "x", message: "Odd.", error: false}, slot, input);
  assert.ok(!slot.classList.contains("emm-warning-text"), "a warning does not hide an error");
  const scope = el("div", {}, [slot, input]);
  w.EmmEditor.unmarkAll(scope, ".emm-field-error");
  assert.equal(slot.textContent, "");
  assert.equal(input.hasAttribute("aria-invalid"), false);
  assert.equal(slot.hasAttribute("data-blocking"), false);
});

test("a warning is said in the page's language (the role-play list's words)", () => {
  const w = setup();
  w.EmmXBlocksCatalogs = [{plural: (n) => Number(n > 1), strings: {"Warning: {message}": "Avertissement : {message}"}}];
  const slot = el("span", {class: "emm-field-error"});
  w.EmmEditor.mark({field: "x", message: "Question 1 n’a pas d’explication.", error: false}, slot);
  assert.equal(slot.textContent, "Avertissement : Question 1 n’a pas d’explication.");
});

test("a list's message describes the control the focus is put on for it, while it stands (bug hunt a11y)", () => {
  const w = setup();
  const own = el("span", {class: "emm-field-error", id: "o1-err"});
  const text = el("input", {"aria-describedby": "o1-err"}), box = el("input");
  const message = el("p", {class: "emm-field-error", "data-error-key": "options"});
  const scope = el("fieldset", {}, [message, el("li", {}, [text, own]), box]);
  w.EmmEditor.mark({field: "questions.0.options", message: "Mark exactly one option as correct.", error: true}, message);
  w.EmmEditor.tie(text, message);
  assert.ok(message.id, "the message gets an id");
  assert.equal(text.getAttribute("aria-describedby"), "o1-err " + message.id, "its own slot, then the list's message");
  w.EmmEditor.tie(text, message);
  w.EmmEditor.tie(text, own);  /* its own slot already describes it */
  assert.equal(text.getAttribute("aria-describedby"), "o1-err " + message.id, "said once");
  w.EmmEditor.tie(box, message);
  assert.equal(box.getAttribute("aria-describedby"), message.id);
  w.EmmEditor.unmarkAll(scope, ".emm-field-error");  /* the next check: the message gone, so is the tie */
  assert.equal(text.getAttribute("aria-describedby"), "o1-err");
  assert.equal(box.hasAttribute("aria-describedby"), false);
  assert.equal(scope.querySelectorAll("[data-tied]").length, 0);
});

test("the live check waits for a pause in typing, and an answer older than the last check is dropped", async () => {
  const {calls, fetch} = pending();
  const w = setup(fetch);
  const page = editorPage();
  const {shown} = editor(w, page, []);
  page.name.fire("input");
  page.name.fire("input");
  assert.equal(w.timers.pending().length, 1, "one check for a burst of typing");
  w.timers.runAll();
  page.name.value = "Second";
  page.name.fire("input");
  w.timers.runAll();
  assert.deepEqual(calls.map((c) => [c.url, c.body.display_name]), [["/handler/studio_validate", ""], ["/handler/studio_validate", "Second"]]);
  calls[1].resolve(response(200, {problems: [{field: "display_name", message: "new", error: true}]}));
  calls[0].resolve(response(200, {problems: [{field: "display_name", message: "old", error: true}]}));
  await flush();
  assert.deepEqual(shown.map((s) => [s.when, s.problems[0].message]), [["check", "new"]]);
});

test("save: the runtime hears start then end, the form shows the warnings and says how many (trial s34b)", async () => {
  const {calls, fetch} = pending();
  const w = setup(fetch);
  const page = editorPage();
  const notes = [];
  const {ed, shown} = editor(w, page, notes);
  page.name.fire("input");  /* a check is waiting: the save cancels it */
  const submit = page.form.fire("submit");
  assert.ok(submit.defaultPrevented);
  assert.deepEqual(w.timers.pending(), []);
  assert.deepEqual(notes, [["save", {state: "start"}]]);
  assert.equal(calls[0].url, "/handler/studio_submit");
  calls[0].resolve(response(200, {warnings: [{field: "rows", message: "Only two.", error: false}]}));
  await flush();
  assert.deepEqual(notes, [["save", {state: "start"}], ["save", {state: "end"}]]);
  assert.deepEqual(shown.map((s) => [s.when, s.problems.length]), [["saved", 1]]);
  w.timers.runAll();
  /* the warning's field may be far up the form: the status beside the button says it is there */
  assert.equal(ed.status.textContent, "Saved, with 1 warning: see the message beside its field.");
  page.form.fire("submit");
  calls[1].resolve(response(200, {warnings: []}));
  await flush();
  w.timers.runAll();
  assert.equal(ed.status.textContent, "Saved.");
});

test("a refused save shows the problems and the message, tells the runtime, keeps the form", async () => {
  const w = setup(() => Promise.resolve(response(400, {error: "invalid_content", message: "The survey was not saved.",
    problems: [{field: "rows.1.id", message: "Used twice.", error: true}]})));
  const page = editorPage();
  const notes = [], refused = [];
  const {ed, shown} = editor(w, page, notes, {refused: (problems) => refused.push(problems.length)});
  assert.equal(await ed.save(), false);
  assert.deepEqual(notes.map((n) => n[0]), ["save", "error"]);
  assert.equal(notes[1][1].message, "The survey was not saved.");
  assert.equal(notes[1][1].title, "Not saved");
  assert.deepEqual(shown.map((s) => s.when), ["refused"]);
  assert.deepEqual(refused, [1]);
  w.timers.runAll();
  assert.equal(ed.alertBox.textContent, "The survey was not saved.");
  assert.equal(ed.alertBox.hidden, false);
  assert.equal(page.list.children.length, 2);
});

test("rows: move keeps the focus on the button, remove gives it to the next row, each is said and checked", () => {
  const w = setup();
  const page = editorPage();
  const changed = [];
  const {ed} = editor(w, page, [], {rowFocus: "[data-key=id]", changed: (what) => changed.push(what)});
  const [first, second] = page.list.children;
  const down = first.querySelector("[data-move=\"1\"]");
  down.fire("click");
  assert.deepEqual(page.list.children, [second, first]);
  assert.equal(FakeElement.focused, down);
  first.querySelector("[data-move=\"1\"]").fire("click");  /* already last: nothing moves */
  assert.deepEqual(page.list.children, [second, first]);
  w.timers.runAll();
  assert.equal(ed.status.textContent, "Already last.", "said, not silent (bug hunt a11y)");
  assert.equal(w.timers.pending().length, 0, "nothing changed: nothing to check");
  second.querySelector("[data-remove]").fire("click");
  assert.deepEqual(page.list.children, [first]);
  assert.equal(FakeElement.focused, first.querySelector("input"));
  first.querySelector("[data-remove]").fire("click");
  assert.equal(FakeElement.focused, page.form.querySelector("[data-add]"), "the last one gone: the add button");
  page.form.querySelector("[data-add]").fire("click");
  assert.equal(page.list.children.length, 1);
  assert.deepEqual(changed, ["moved", "removed", "removed", "added"]);
  w.timers.runAll();
  assert.equal(ed.status.textContent, "Added.");
  assert.equal(w.timers.pending().length, 0);
});

test("rows: Move up on the first row and Move down on the last are marked as leading nowhere, kept so as rows change (bug hunt a11y)", () => {
  const w = setup();
  const page = editorPage();
  const {ed} = editor(w, page, []);
  /* each row's [Move up, Move down]: "true" where aria-disabled */
  const ends = () => page.list.children.map((r) => r.querySelectorAll("[data-move]").map((b) => b.getAttribute("aria-disabled")));
  ed.recount();  /* an editor's load done */
  assert.deepEqual(ends(), [["true", null], [null, "true"]]);
  const [first] = page.list.children;
  first.querySelector("[data-move=\"1\"]").fire("click");
  assert.deepEqual(ends(), [["true", null], [null, "true"]], "the row moved down is the last now");
  assert.equal(page.list.children[1], first);
  page.form.querySelector("[data-add]").fire("click");
  assert.deepEqual(ends(), [["true", null], [null, null], [null, "true"]]);
  page.list.children[2].querySelector("[data-remove]").fire("click");
  page.list.children[1].querySelector("[data-remove]").fire("click");
  assert.deepEqual(ends(), [["true", "true"]], "one row: it moves neither way");
  page.list.children[0].querySelector("[data-move=\"-1\"]").fire("click");
  w.timers.runAll();
  assert.equal(ed.status.textContent, "Already first.");
});

test("rows: a row with a name is named in what its change says, in the page's language", () => {
  const w = setup();
  w.EmmXBlocksCatalogs = [{plural: (n) => Number(n > 1), strings: {
    "{item} added.": "{item} ajoutée.", "Moved down: now {item}.": "Descendue : maintenant {item}."}}];
  const page = editorPage();
  const {ed} = editor(w, page, [], {title: (row) => row.querySelector("input").value || ""});
  const [first] = page.list.children;
  first.querySelector("input").value = "Question 1";
  first.querySelector("[data-move=\"1\"]").fire("click");
  w.timers.runAll();
  assert.equal(ed.status.textContent, "Descendue : maintenant Question 1.");
  page.form.querySelector("[data-add]").fire("click");
  w.timers.runAll();
  assert.equal(ed.status.textContent, "Added.", "a new row has no name yet");
});

/* an editor page with its "Edit as JSON" tab (templates/common/editor_json.html), its checks held */
function jsonTabPage() {
  const {calls, fetch} = pending();
  const w = setup(fetch);
  const page = editorPage();
  const area = el("textarea", {"data-json": ""});
  const apply = el("button", {type: "button", "data-json-apply": ""}, ["Apply to the form"]);
  const tab = el("details", {"data-json-tab": ""}, [area, apply]);
  page.form.appendChild(tab);
  return {calls, w, page, area, apply, tab};
}

test("Edit as JSON: opened, it shows the form's data; applied, the form takes the object and is checked; typing there or JSON that is not an object changes nothing", async () => {
  const {calls, w, page, area, apply, tab} = jsonTabPage();
  const loaded = [];
  const {ed} = editor(w, page, [], {load: (data) => { loaded.push(data); page.name.value = data.display_name; }});
  page.name.value = "Survey";
  ed.recount();  /* its load done: what Cancel compares with */
  tab.open = true;
  tab.fire("toggle");
  assert.deepEqual(JSON.parse(area.value), {display_name: "Survey", rows: ["a", "b"]});
  for (const typed of ["{\"display_name\": ", "[1, 2]", "null", "\"text\""]) {
    area.value = typed;
    area.fire("input");
    assert.deepEqual(w.timers.pending(), [], "typing in the box checks nothing");
    apply.fire("click");
    w.timers.runAll();  /* the alert is said after a moment, as screen readers hear it */
    assert.equal(ed.alertBox.textContent, "The content is not valid JSON.");
    assert.equal(ed.alertBox.hidden, false);
    assert.deepEqual(loaded, [], "the form is kept");
    assert.equal(page.name.value, "Survey");
  }
  area.value = JSON.stringify({display_name: "Renamed", rows: ["a"]});
  apply.fire("click");
  assert.deepEqual(loaded, [{display_name: "Renamed", rows: ["a"]}]);
  assert.equal(page.name.value, "Renamed");
  assert.equal(ed.alertBox.hidden, true);
  w.timers.runAll();
  assert.equal(ed.status.textContent, "The form now shows the JSON.");
  assert.deepEqual(calls.map((c) => [c.url, c.body.display_name]), [["/handler/studio_validate", "Renamed"]]);
  assert.equal(ed.changed(), true, "Cancel now asks first");
});

test("Edit as JSON: an object the form cannot show puts the form back as it was, says so and checks nothing (trial s31)", () => {
  const {calls, w, page, area, apply} = jsonTabPage();
  const loaded = [];
  /* as the form's load met a list that is not one half way: the name already changed */
  const load = (data) => {
    loaded.push(data);
    page.name.value = data.display_name;
    if (data.questions !== undefined && !Array.isArray(data.questions)) { throw new TypeError("not a list"); }
  };
  const {ed} = editor(w, page, [], {load});
  page.name.value = "Survey";
  ed.recount();
  area.value = JSON.stringify({display_name: "Half", questions: {a: 1}});
  apply.fire("click");
  w.timers.runAll();
  assert.equal(page.name.value, "Survey", "the form as it was");
  assert.deepEqual(loaded.map((d) => d.display_name), ["Half", "Survey"]);
  assert.equal(ed.alertBox.textContent, "The JSON does not fit the form: nothing was changed.");
  assert.equal(ed.alertBox.hidden, false);
  assert.deepEqual(calls, [], "nothing checked: nothing changed");
  assert.equal(ed.changed(), false, "Cancel closes at once");
});

test("a one-item-a-line box shows a value that is not a list as its text (JSON typed by hand), for the check to judge", () => {
  const w = setup();
  const page = editorPage();
  const {ed} = editor(w, page, []);
  ed.load(["labels"], {labels: "Low"});
  assert.equal(page.labels.value, "Low");
  ed.load(["labels"], {labels: 3});
  assert.equal(page.labels.value, "3");
  ed.load(["labels"], {});
  assert.equal(page.labels.value, "");
});

test("cancel tells the runtime", () => {
  const w = setup();
  const page = editorPage();
  const notes = [];
  editor(w, page, notes);
  page.form.querySelector("[data-cancel]").fire("click");
  assert.deepEqual(notes, [["cancel", {}]]);
});

test("cancel asks first when the form differs from what it was loaded with or last saved, and only then", async () => {
  const {calls, fetch} = pending();
  const w = setup(fetch);
  const asked = [];
  let answer = false;
  w.confirm = (message) => { asked.push(message); return answer; };
  const page = editorPage();
  const notes = [];
  const {ed} = editor(w, page, notes);
  page.name.value = "Evaluation";
  ed.recount();  /* the editor's load is done: this is the form as loaded */
  const cancel = page.form.querySelector("[data-cancel]");
  cancel.fire("click");
  assert.deepEqual([asked.length, notes], [0, [["cancel", {}]]], "unchanged: closed at once");
  page.name.value = "Evaluation, day 1";
  page.name.fire("input");
  cancel.fire("click");
  assert.deepEqual(asked, ["Discard your changes? They have not been saved."]);
  assert.equal(notes.length, 1, "declined: the editor stays open with the text");
  assert.equal(page.name.value, "Evaluation, day 1");
  page.list.children[0].querySelector("[data-remove]").fire("click");
  page.name.value = "Evaluation";
  cancel.fire("click");
  assert.equal(asked.length, 2, "a row removed is a change too");
  answer = true;
  cancel.fire("click");
  assert.deepEqual(notes.slice(1), [["cancel", {}]], "confirmed: the runtime closes the editor");
  ed.save();
  calls.filter((c) => c.url === "/handler/studio_submit")[0].resolve(response(200, {}));
  await flush();
  answer = false;
  cancel.fire("click");
  assert.equal(asked.length, 3, "saved: nothing left to lose");
  assert.deepEqual(notes.slice(-1), [["cancel", {}]]);
});

test("a save without a connection tells the author their changes are still on the page", async () => {
  const w = setup();
  const page = editorPage();
  const notes = [];
  const {ed} = editor(w, page, notes, {refused: () => {}});
  assert.equal(await ed.save(), false);
  w.timers.runAll();
  assert.match(ed.alertBox.textContent, /^No connection: your changes are still on this page\./);
  assert.match(notes[1][1].message, /your changes/);
});

test("limit: each text control of a row gets the server's number for its path, nothing else", () => {
  const w = setup();
  const row = el("li", {"data-row": ""}, [
    el("input", {"data-key": "label", type: "text"}),
    el("textarea", {"data-key": "consequence"}),
    el("input", {"data-key": "points", type: "number"}),
    el("input", {"data-key": "ending", type: "checkbox"}),
    el("select", {"data-key": "label"}),
  ]);
  w.EmmEditor.limit(row, "data-key", "nodes.*.choices.*",
    {"nodes.*.choices.*.label": 500, "nodes.*.choices.*.consequence": 50000, "nodes.*.choices.*.ending": 9, label: 1});
  const max = (i) => row.children[i].getAttribute("data-max-chars");
  assert.deepEqual([0, 1, 2, 3, 4].map(max), ["500", "50000", null, null, null]);
  const top = el("form", {}, [el("textarea", {"data-field": "intro"}), el("input", {"data-field": "display_name", type: "text"})]);
  w.EmmEditor.limit(top, "data-field", "", {intro: 50000});
  assert.deepEqual(top.children.map((c) => c.getAttribute("data-max-chars")), ["50000", null]);
  w.EmmEditor.limit(top, "data-field", "", undefined);  /* no table: nothing set, nothing thrown */
});

test("counters: the form's fields count what the editor loaded once it recounts, a row added is counted at once", () => {
  const w = setup();
  const page = editorPage();
  page.labels.removeAttribute("data-lines");
  page.labels.setAttribute("data-max-chars", "20000");  /* a long text, as the Likert's introduction */
  page.labels.value = "";
  const newRow = page.row;
  page.row = () => {
    const r = newRow();
    const text = r.appendChild(el("textarea", {"data-key": "text", "data-max-chars": "1000"}));
    text.value = "";
    return r;
  };
  el("div", {class: "emm", lang: "en"}, [page.root]);
  const {ed} = editor(w, page, []);
  const counter = () => page.labels.emmCounter.textContent;
  assert.equal(counter(), "20,000 characters left", "made by create, on the empty form");
  ed.load(["labels"], {labels: "x".repeat(229)});
  assert.equal(counter(), "20,000 characters left", "filling the form types nothing: no input event");
  ed.recount();
  assert.equal(counter(), "19,771 characters left");

  page.form.querySelector("[data-add]").fire("click");
  const text = page.list.children[2].querySelector("textarea");
  assert.ok(text.emmCounter, "counted when drawn, before it takes the focus");
  assert.equal(text.emmCounter.textContent, "1,000 characters left");
  assert.equal(text.emmCounter.hidden, false);
});

test("a [data-lines] line joins white space exactly as Python's str.isspace sees it (the word counts' list), but for no-break spaces", () => {
  /* emm-editor-lines.js and emm-questions.js each hold Python's white space (the Likert page cannot pay
     for a shared copy in emm-common.js): both are held to the same list, tests/js/word-counts.json;
     a save keeps French typography's no-break spaces as typed (common/text.py one_line), and so
     does the measure: tests/js/one-line-lengths.json "no_break" */
  const {white_space: whiteSpace} = require("./word-counts.json");
  const {no_break: noBreak} = require("./one-line-lengths.json");
  const w = setup();
  const measure = w.EMM.measures.find((m) => m.applies(el("textarea", {"data-lines": ""})));
  const code = (u) => parseInt(u.slice(2), 16);
  const kept = new Set(noBreak.map(code));
  const spaces = new Set(whiteSpace.map(code).filter((c) => !kept.has(c)));
  assert.equal(kept.size, 3);
  kept.forEach((c) => assert.ok(whiteSpace.map(code).includes(c), "a no-break space parts words all the same"));
  const wrong = [];
  for (let c = 0; c <= 0x10ffff; c += 1) {
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x0a) { continue; }  // surrogates; \n ends a line
    const char = String.fromCodePoint(c);
    const joined = measure.length({value: "a" + char + char + "b"}) === 3;  // "a b" once joined, else 4
    if (joined !== spaces.has(c)) { wrong.push(c.toString(16)); }
  }
  assert.deepEqual(wrong, []);
});
