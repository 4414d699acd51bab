/* Unit tests of static/js/emm-forms.js's length limits (node --test), with emm-editor-lines.js's measure for a box that holds a list,
   one item a line (the case study's key facts): each line is limited on its own, as the server's
   common/limits.py checks each item. The counters as the author meets them are tested in Chromium
   (tests/browser/test_text_limits_browser.py). */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {el, fakeWindow, load} = require("./fake-dom");

function box(value, max) {
  const w = load(fakeWindow(), "emm-common.js", "emm-forms.js", "emm-editor-lines.js");
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

/* The French forms of the counters' msgids (translations/fr/LC_MESSAGES/text.po) with French's
   plural rule (n > 1), as the catalogue the page loads gives them to EMM.ngettext. */
const FRENCH = {plural: (n) => Number(n > 1), strings: {
  "{n} character left": ["{n} caractère restant", "{n} caractères restants"],
  "{n} character too many (limit {max}): nothing was cut, shorten the text.": [
    "{n} caractère de trop (limite {max}) : rien n’a été coupé, raccourcissez le texte.",
    "{n} caractères de trop (limite {max}) : rien n’a été coupé, raccourcissez le texte."],
  "Not sent: a text is longer than its limit of {max} character. Nothing was cut: shorten it, then send again.": [
    "Non envoyé : un texte dépasse sa limite de {max} caractère. Rien n’a été coupé : raccourcissez-le, puis envoyez de nouveau.",
    "Non envoyé : un texte dépasse sa limite de {max} caractères. Rien n’a été coupé : raccourcissez-le, puis envoyez de nouveau."],
  "{n} character left on the longest line": ["{n} caractère restant sur la ligne la plus longue",
    "{n} caractères restants sur la ligne la plus longue"],
  "A line is {n} character too long (limit {max} a line): nothing was cut, shorten it.": [
    "Une ligne a {n} caractère de trop (limite {max} par ligne) : rien n’a été coupé, raccourcissez-la.",
    "Une ligne a {n} caractères de trop (limite {max} par ligne) : rien n’a été coupé, raccourcissez-la."],
}};
const NNBSP = "\u202f";  /* the thousands separator Intl (CLDR) gives French: a narrow no-break space */

/* a control of `max` characters holding `value`, in a block whose lang is `lang` */
function inBlock(lang, tag, attrs, value) {
  const w = load(fakeWindow(), "emm-common.js", "emm-forms.js", "emm-editor-lines.js");
  if (lang === "fr") { w.EmmXBlocksCatalogs = [FRENCH]; }
  const control = el(tag, attrs);
  control.value = value;
  const form = el("form", {}, [control]);
  const region = el("p", {role: "status"});
  el("div", {class: "emm", lang}, [form, region]);
  return {w, EMM: w.EMM, control, form, region};
}

test("a counter writes its numbers as the block's language does, and picks the plural by the number", () => {
  const fr = inBlock("fr", "textarea", {"data-max-chars": "20000"}, "x".repeat(229));
  fr.EMM.watchLimits(fr.form, fr.region);
  assert.equal(fr.control.emmCounter.textContent, `19${NNBSP}771 caractères restants`);
  fr.control.value = "x".repeat(21000);
  fr.control.fire("input");
  assert.equal(fr.control.emmCounter.textContent,
    `1${NNBSP}000 caractères de trop (limite 20${NNBSP}000) : rien n’a été coupé, raccourcissez le texte.`);
  fr.control.value = "x".repeat(20001);  /* "1 caractère": the singular, chosen by 1, not by its text */
  fr.control.fire("input");
  assert.match(fr.control.emmCounter.textContent, /^1 caractère de trop \(limite 20\u202f000\)/);

  const en = inBlock("en", "textarea", {"data-max-chars": "20000"}, "x".repeat(229));
  en.EMM.watchLimits(en.form, en.region);
  assert.equal(en.control.emmCounter.textContent, "19,771 characters left");
  en.control.value = "x".repeat(19999);
  en.control.fire("input");
  assert.equal(en.control.emmCounter.textContent, "1 character left");
});

test("a text box that counts its words shows its characters left only near the limit", () => {
  /* learner trial s37: "19 956 caractères restants" beside "7 mots (entre 40 et 300)" */
  const box = inBlock("en", "textarea", {"data-max-chars": "1000", "data-min-words": "40", "data-max-words": "300"}, "seven words");
  box.EMM.watchLimits(box.form, box.region);
  assert.equal(box.control.emmCounter.hidden, true);
  box.control.value = "x".repeat(800);  /* 80 %: near the limit */
  box.control.fire("input");
  assert.equal(box.control.emmCounter.hidden, false);
  assert.equal(box.control.emmCounter.textContent, "200 characters left");
  /* a text box without a word count still shows its characters left from the start */
  const plain = inBlock("en", "textarea", {"data-max-chars": "1000"}, "seven words");
  plain.EMM.watchLimits(plain.form, plain.region);
  assert.equal(plain.control.emmCounter.hidden, false);
});

test("going over is said once in the live region, and unsaid when the text is back under or a send is refused", () => {
  const {w, EMM, control, form, region} = inBlock("en", "textarea", {"data-max-chars": "10"}, "short");
  const alert = el("p", {role: "alert"});
  EMM.watchLimits(form, region);
  control.value = "x".repeat(14);
  control.fire("input");
  w.timers.runAll();
  assert.equal(region.textContent, "4 characters too many (limit 10): nothing was cut, shorten the text.");
  control.value = "x".repeat(9);  /* shortened: the status no longer says a text is too long */
  control.fire("input");
  w.timers.runAll();
  assert.equal(region.textContent, "");

  control.value = "x".repeat(12);
  control.fire("input");
  w.timers.runAll();
  region.textContent = "Draft saved.";  /* another message since: kept when the text is shortened */
  control.value = "short";
  control.fire("input");
  assert.equal(region.textContent, "Draft saved.");

  control.value = "x".repeat(12);
  control.fire("input");
  w.timers.runAll();
  assert.equal(EMM.refuseOverLimit(form, alert), true);  /* the alert says it now: not twice */
  w.timers.runAll();
  assert.equal(region.textContent, "");
  assert.match(alert.textContent, /^Not sent: a text is longer than its limit of 10 characters/);
});

test("a refused send names the limit as the block's language writes it", () => {
  const {w, EMM, control, form, region} = inBlock("fr", "input", {type: "text", "data-max-chars": "1000"}, "x".repeat(1200));
  assert.equal(EMM.refuseOverLimit(form, region), true);
  w.timers.runAll();
  assert.equal(region.textContent, `Non envoyé : un texte dépasse sa limite de 1${NNBSP}000 caractères. Rien n’a été coupé : ` +
    "raccourcissez-le, puis envoyez de nouveau.");
  assert.equal(control.emmCounter.textContent,
    `200 caractères de trop (limite 1${NNBSP}000) : rien n’a été coupé, raccourcissez le texte.`);
});

test("a box of one item a line writes its numbers in the block's language too", () => {
  const line = "y".repeat(4000);
  const {EMM, control} = inBlock("fr", "textarea", {"data-lines": "", "data-max-chars": "5000"}, `court\n${line}`);
  EMM.countChars(control);
  assert.equal(control.emmCounter.textContent, `1${NNBSP}000 caractères restants sur la ligne la plus longue`);
  control.value = `court\n${line}${line}`;
  EMM.countChars(control);
  assert.equal(control.emmCounter.textContent,
    `Une ligne a 3${NNBSP}000 caractères de trop (limite 5${NNBSP}000 par ligne) : rien n’a été coupé, raccourcissez-la.`);
});

test("back under its limit, a text keeps aria-invalid while its question is still marked (EMM.mark)", () => {
  const w = load(fakeWindow(), "emm-common.js", "emm-actions.js", "emm-forms.js");
  const text = el("textarea", {"data-max-chars": "5"});
  const question = el("fieldset", {"data-question": "q1"}, [text, el("p", {id: "q1-error", "data-error-for": "q1", hidden: ""})]);
  const root = el("div", {}, [question]);
  w.EMM.mark(root, "data-question", {q1: "Write at least 3 words."}, false);
  text.value = "far too long";
  w.EMM.countChars(text);
  assert.equal(text.getAttribute("aria-invalid"), "true");
  text.value = "ok";
  w.EMM.countChars(text);
  assert.equal(text.getAttribute("aria-invalid"), "true", "the question's mark still stands");
  w.EMM.mark(root, "data-question", {}, false);
  assert.equal(text.hasAttribute("aria-invalid"), false, "cleared with the question's mark");
});
