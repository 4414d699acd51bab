/* Unit tests of static/js/emm-questions.js (node --test): a written answer's words are counted as
   the server counts them (tests/js/word-counts.json, read by tests/unit/test_case_study_model.py
   too), an answer out of its word limits is caught before sending, at its question, and answers
   kept on the device go back into their questions. The form as the learner meets it (focus, no
   request sent, answers kept across a reload) is tested in Chromium
   (tests/browser/test_case_study_browser.py, test_knowledge_check_browser.py). */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {FakeElement, el, fakeWindow, load} = require("./fake-dom");
const {answers, white_space: whiteSpace} = require("./word-counts.json");

function setup() {
  return load(fakeWindow(), "emm-common.js", "emm-actions.js", "emm-questions.js");
}

test("a written answer's words are counted as the server counts them", () => {
  const {EMM} = setup();
  answers.forEach(({text, words, why}) => { assert.equal(EMM.countWords(text), words, why); });
});

test("exactly the characters Python's str.isspace takes part words", () => {
  const {EMM} = setup();
  const spaces = new Set(whiteSpace.map((u) => parseInt(u.slice(2), 16)));
  const wrong = [];
  for (let c = 0; c <= 0x10ffff; c += 1) {
    if (c >= 0xd800 && c <= 0xdfff) { continue; }  // lone surrogates: not characters of a text
    const parted = EMM.countWords("a" + String.fromCodePoint(c) + "b") === 2;
    if (parted !== spaces.has(c)) { wrong.push(c.toString(16)); }
  }
  assert.deepEqual(wrong, []);
});

function area(root, id) { return root.querySelector(`[data-question=${id}]`).querySelector("textarea"); }

/* a form of written questions as common/question_views.py writes them */
function reflection(id, text, min, max) {
  const area = el("textarea", {id: id + "-text", "data-min-words": String(min), "data-max-words": String(max)});
  area.value = text;
  const slot = el("p", {id: id + "-error", "data-error-for": id, hidden: ""});
  return el("fieldset", {"data-question": id, "data-kind": "reflection"}, [area, slot]);
}

test("an answer under its minimum or over its maximum is refused on the page, at its question", () => {
  const w = setup();
  const alertBox = el("div", {role: "alert", "data-alert": "", hidden: ""});
  const root = el("div", {class: "emm", lang: "en"}, [
    reflection("ok", "one two three", 3, 0),
    reflection("short", "Twelve words here: " + "word ".repeat(9), 40, 300),
    reflection("empty", " \u00a0 ", 0, 0),
    reflection("long", "a b c d", 0, 3),
    alertBox,
  ]);
  assert.equal(w.EMM.completeAnswers(root, alertBox), null);
  const said = (id) => root.querySelector(`[data-error-for=${id}]`).textContent;
  assert.equal(said("ok"), "");
  assert.equal(said("short"), "This answer is too short (40 words at least).");
  assert.equal(said("empty"), "Please answer this question.");
  assert.equal(said("long"), "This answer is too long (3 words at most).");
  assert.equal(root.querySelector("[data-question=short]").classList.contains("emm-invalid"), true);
  w.timers.runAll();
  assert.equal(alertBox.textContent, "Not sent: 3 questions need attention (see the messages under them).");
  assert.equal(FakeElement.focused, area(root, "short"));

  // fixed: the answers go, the marks are gone
  area(root, "short").value = "word ".repeat(40);
  area(root, "empty").value = "now";
  area(root, "long").value = "a b c";
  assert.deepEqual(Object.keys(w.EMM.completeAnswers(root, alertBox)), ["ok", "short", "empty", "long"]);
  assert.equal(said("short"), "");
  assert.equal(root.querySelector("[data-question=short]").classList.contains("emm-invalid"), false);
});

test("only missing answers: the alert says how many are left", () => {
  const w = setup();
  const alertBox = el("div", {role: "alert", "data-alert": "", hidden: ""});
  const root = el("div", {class: "emm", lang: "en"}, [reflection("a", "", 0, 0), reflection("b", "", 5, 0), alertBox]);
  assert.equal(w.EMM.completeAnswers(root, alertBox), null);
  w.timers.runAll();
  assert.equal(alertBox.textContent, "Please answer every question (2 left).");
  assert.equal(FakeElement.focused, area(root, "a"));
});

test("the server's refusal of one answer is shown at its question, the focus in it", () => {
  const w = setup();
  const root = el("div", {class: "emm", lang: "en"}, [reflection("a", "x", 0, 0), reflection("b", "y", 0, 0)]);
  w.EMM.markRefusedAnswers(root, {error: "answer_too_short", message: "This answer is too short (40 words at least).",
    question: "b"});
  assert.equal(root.querySelector("[data-error-for=b]").textContent, "This answer is too short (40 words at least).");
  assert.equal(root.querySelector("[data-question=b]").classList.contains("emm-invalid"), true);
  assert.equal(FakeElement.focused, area(root, "b"));
  w.EMM.markRefusedAnswers(root, {error: "missing_answers", message: "…", questions: ["a"]});
  assert.equal(root.querySelector("[data-error-for=a]").textContent, "Please answer this question.");
  assert.equal(root.querySelector("[data-error-for=b]").textContent, "");
  assert.equal(FakeElement.focused, area(root, "a"));
});

/* a choice question as common/question_views.py writes it: one input per option */
function choice(id, kind, values) {
  const inputs = values.map((v) => {
    const input = el("input", {type: kind === "multiple" ? "checkbox" : "radio"});
    input.value = v;
    return input;
  });
  return el("fieldset", {"data-question": id, "data-kind": kind}, inputs);
}

test("answers kept on the device go back into their questions; a question they do not name was left unanswered", () => {
  const w = setup();
  const root = el("div", {class: "emm", lang: "en"}, [
    choice("one", "single", ["a", "b"]), choice("many", "multiple", ["x", "y", "z"]),
    choice("other", "single", ["p", "q"]), reflection("text", "", 0, 0),
  ]);
  const inputs = (id) => root.querySelector(`[data-question=${id}]`).querySelectorAll("input");
  inputs("other")[1].checked = true;
  inputs("many")[0].checked = true;
  w.EMM.fillQuestions(root, {one: "b", many: ["y", "z"], text: "as typed", constructor: "a"});
  assert.deepEqual(inputs("one").map((i) => !!i.checked), [false, true]);
  assert.deepEqual(inputs("many").map((i) => !!i.checked), [false, true, true]);
  /* the kept answers are the whole form: "other" was unanswered then, its box the server drew is cleared (bug hunt
     s43: an answer erased on the phone came back from the server's older draft) */
  assert.deepEqual(inputs("other").map((i) => !!i.checked), [false, false]);
  assert.equal(area(root, "text").value, "as typed");
});
