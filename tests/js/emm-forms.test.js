/* Unit tests of static/js/emm-forms.js's length limits (node --test), with emm-editor.js's measure for a box that holds a list,
   one item a line (the case study's key facts): each line is limited on its own, as the server's
   common/limits.py checks each item. The counters as the author meets them are tested in Chromium
   (tests/browser/test_text_limits_browser.py). */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {el, fakeWindow, load} = require("./fake-dom");

function box(value, max) {
  const w = load(fakeWindow(), "emm-common.js", "emm-forms.js", "emm-editor.js");
  const facts = el("textarea", {"data-lines": "", "data-max-chars": String(max)});
  facts.value = value;
  const form = el("form", {}, [facts]);
  return {EMM: w.EMM, facts, form};
}

test("a list box is as long as its longest line, counted as the save keeps it", () => {
  const {EMM, facts} = box("short\n   a   b   \nten chars!", 12);
  assert.equal(EMM.charsOf(facts), 10);  // "a   b" is kept as "a b"; the longest line is 10
  const plain = el("textarea", {"data-max-chars": "12"});
  plain.value = "short\nten chars!";
  assert.equal(EMM.charsOf(plain), 16);  // any other control: its whole value
});

test("its counter shows once a line is near the limit, and a line over it is refused, never cut", () => {
  const {EMM, facts, form} = box("one\ntwo", 10);
  EMM.countChars(facts);
  assert.equal(facts.emmCounter.hidden, true);  // lines well under the limit: no counter
  facts.value = "one\nnine char";
  EMM.countChars(facts);
  assert.equal(facts.emmCounter.hidden, false);
  assert.equal(facts.emmCounter.textContent, "1 character left on the longest line");
  assert.equal(EMM.overLimit(form), null);

  facts.value = "one\n" + "x".repeat(13) + "\nthree";
  assert.equal(EMM.countChars(facts), true);  // crossed the limit: said once
  assert.equal(facts.emmCounter.textContent,
    "A line is 3 characters too long (limit 10 a line): nothing was cut, shorten it.");
  assert.equal(facts.getAttribute("aria-invalid"), "true");
  assert.equal(EMM.overLimit(form), facts);
  assert.equal(facts.value, "one\n" + "x".repeat(13) + "\nthree");  // kept as typed
  // ten lines of 9 characters are 99 characters, but no line is over: nothing refused
  facts.value = Array(10).fill("123456789").join("\n");
  EMM.countChars(facts);
  assert.equal(EMM.overLimit(form), null);
  assert.equal(facts.hasAttribute("aria-invalid"), false);
});

test("a line is counted as the server counts it: white space as Python sees it, characters as code points", () => {
  const {lines} = require("./one-line-lengths.json");
  lines.forEach(({line, length, why}) => {
    const {EMM, facts} = box("short\n" + line, 100);
    assert.equal(EMM.charsOf(facts), Math.max(length, 5), why);
    const sent = facts.value.split("\n").map((s) => s.trim()).filter(Boolean);  // as emm-editor.js sends it
    const {facts: alone} = box(sent[1], 100);
    assert.equal(EMM.charsOf(alone), length, why + " (once sent)");
  });
});
