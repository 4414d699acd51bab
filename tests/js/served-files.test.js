/* The scripts pages load are static/min/ (decision 69): each the code of its source token for
   token, read by the JavaScript parser ESLint uses (espree) rather than by the minifier that wrote
   it (scripts/assets.py, rjsmin). Comments and spaces are all a copy leaves out; a regular
   expression, a template or a string changed, a line break that ended a statement lost, fails.
   tests/unit/test_served_files.py checks the copies are current and the stylesheets alike. */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const espree = require("espree");

const STATIC = path.join(__dirname, "..", "..", "static");

function scripts(dir) {
  return fs.readdirSync(path.join(STATIC, dir), {withFileTypes: true}).flatMap((entry) => {
    const name = path.join(dir, entry.name);
    if (entry.isDirectory()) { return scripts(name); }
    return name.endsWith(".js") ? [name] : [];
  });
}

/* what the browser's parser sees: each token's kind and text, and the program's tree without
   positions (a line break that ended a statement, automatic semicolon insertion, is in the tree) */
const OPTIONS = {ecmaVersion: "latest", sourceType: "script"};
function read(text) {
  const tokens = espree.tokenize(text, OPTIONS).map((t) => [t.type, t.value]);
  const tree = JSON.stringify(espree.parse(text, OPTIONS),
    (key, value) => (key === "start" || key === "end" || key === "range" || key === "loc" ? undefined : value));
  return {tokens, tree};
}

const SOURCES = scripts("js");

test("every script and catalogue of static/js has a copy in static/min/js", () => {
  assert.ok(SOURCES.length >= 30);
  SOURCES.forEach((name) => assert.ok(fs.existsSync(path.join(STATIC, "min", name)), name));
});

SOURCES.forEach((name) => {
  test(`static/min/${name} is static/${name} token for token, and smaller`, () => {
    const source = fs.readFileSync(path.join(STATIC, name), "utf8");
    const copy = fs.readFileSync(path.join(STATIC, "min", name), "utf8");
    const a = read(source), b = read(copy);
    assert.deepEqual(b.tokens, a.tokens);
    assert.equal(b.tree, a.tree);
    assert.ok(copy.length < source.length);
  });
});

test("the comparison sees a copy that would run differently", () => {
  const base = read("function f() { return\nx; }\nvar r = /x y/g; var s = `p  q`;");
  const same = read("function f(){return\nx;}\nvar r=/x y/g;var s=`p  q`;");
  assert.deepEqual(same.tokens, base.tokens);
  assert.equal(same.tree, base.tree);
  assert.notEqual(read("function f() { return x; }\nvar r = /x y/g; var s = `p  q`;").tree, base.tree);
  assert.notDeepEqual(read("function f() { return\nx; }\nvar r = /xy/g; var s = `p  q`;").tokens, base.tokens);
  assert.notDeepEqual(read("function f() { return\nx; }\nvar r = /x y/g; var s = `p q`;").tokens, base.tokens);
});
