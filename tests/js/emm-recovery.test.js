/* Unit tests of the recovery in static/js/emm-common.js and emm-drafts.js (node --test): action ids sent
   with every learner action (kept for a retry of the same action, new otherwise), the re-read of
   the state after a failure, and the answers kept on the device (EMM.deviceDraft). The DOM and
   localStorage are small stand-ins; tests/browser/test_recovery_browser.py drives Chromium. */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {el, fakeWindow, load, response} = require("./fake-dom");

const runtime = {handlerUrl: (element, name) => "/handler/" + element.getAttribute("data-usage") + "/" + name};

/* localStorage as the Web Storage standard gives it (strings in, strings out; setItem may throw
   when the storage is full or switched off) */
function fakeStorage({full = false} = {}) {
  const items = new Map();
  return {
    items,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => { if (full) { throw new Error("QuotaExceededError"); } items.set(k, String(v)); },
    removeItem: (k) => { items.delete(k); },
  };
}

function setup(opts = {}) {
  const calls = [];
  const w = load(fakeWindow({fetch: (url, options) => new Promise((resolve, reject) => calls.push({url, options, resolve, reject}))}),
    "emm-common.js", "emm-drafts.js");
  w.localStorage = opts.storage || fakeStorage();
  return {w, calls};
}

function block() {
  const button = el("button", {type: "submit"}, ["Submit"]);
  const root = el("div", {"data-usage": "u1"}, [el("form", {}, [button]), el("div", {role: "alert", "data-alert": "", hidden: ""})]);
  return {root, button};
}

const body = (call) => JSON.parse(call.options.body);

test("every action carries a new id; a retry of the same action after a lost reply carries the same", async () => {
  const {w, calls} = setup();
  const {root} = block();
  let done = w.EMM.action(runtime, root, "submit", {answers: {q1: "a"}}, {});
  const first = body(calls[0]).action_id;
  assert.match(first, /^[0-9a-f]{24}$/);
  assert.deepEqual(body(calls[0]).answers, {q1: "a"}, "the data goes as it was");
  calls[0].reject(new TypeError("Failed to fetch"));  /* the reply is lost */
  assert.equal(await done, false);

  done = w.EMM.action(runtime, root, "submit", {answers: {q1: "a"}}, {});
  assert.equal(body(calls[1]).action_id, first, "the retry is the same action");
  calls[1].resolve(response(200, {ok: 1}));
  assert.equal(await done, true);

  w.EMM.action(runtime, root, "submit", {answers: {q1: "a"}}, {});
  assert.notEqual(body(calls[2]).action_id, first, "once answered, the next action is a new one");
});

test("a changed action, another handler, or an answer from the server gets a new id", async () => {
  const {w, calls} = setup();
  const {root} = block();
  let done = w.EMM.action(runtime, root, "choose", {choice: "aaa"}, {});
  calls[0].reject(new TypeError("Failed to fetch"));
  await done;
  done = w.EMM.action(runtime, root, "choose", {choice: "bbb"}, {});  /* another choice: another action */
  assert.notEqual(body(calls[1]).action_id, body(calls[0]).action_id);
  calls[1].resolve(response(409, {error: "unknown_choice", message: "Not offered."}));
  await done;
  w.EMM.action(runtime, root, "choose", {choice: "bbb"}, {});
  assert.notEqual(body(calls[2]).action_id, body(calls[1]).action_id, "the server refused it: nothing in doubt");
});

test("a given id (an action kept on the device across a reload) is sent as it is", async () => {
  const {w, calls} = setup();
  const {root} = block();
  w.EMM.action(runtime, root, "submit", {}, {actionId: "kept-on-device-01"});
  assert.equal(body(calls[0]).action_id, "kept-on-device-01");
});

test("after any failure the page re-reads the state; onError learns whether the reply was lost", async () => {
  const {w, calls} = setup();
  const {root} = block();
  const seen = [];
  const opts = {onError: (err, meta) => seen.push([err.error, meta.lost, meta.actionId.length]),
    refresh: () => seen.push("refresh")};
  let done = w.EMM.action(runtime, root, "submit", {}, opts);
  calls[0].reject(new TypeError("Failed to fetch"));
  await done;
  done = w.EMM.action(runtime, root, "submit", {}, opts);
  calls[1].resolve(response(502, "<html>Bad gateway</html>"));
  await done;
  done = w.EMM.action(runtime, root, "submit", {}, opts);
  calls[2].resolve(response(400, {error: "missing_answers", message: "Answer every question."}));
  await done;
  assert.deepEqual(seen, [["network", true, 24], "refresh", ["bad_response", true, 24], "refresh",
    ["missing_answers", false, 24], "refresh"]);
});

test("deviceDraft keeps the answers per key, says so once, queues an action and forgets after the server has it", () => {
  const {w} = setup();
  const region = el("p", {role: "status"});
  const draft = w.EMM.deviceDraft("k1", region);
  assert.equal(draft.load(), null);
  draft.keep({answers: {q1: "a"}});
  assert.equal(region.textContent, "Saved on this device");
  assert.deepEqual(draft.load(), {queued: null, data: {answers: {q1: "a"}}});
  assert.equal(w.EMM.deviceDraft("k2", null).load(), null, "another learner or block sees nothing");

  assert.equal(draft.queue("submit", "id-0000000001", {answers: {q1: "b"}}), true, "kept: the page may say it will go");
  assert.equal(region.textContent, "Saved on this device: it will be sent when the connection is back.");
  draft.keep({answers: {q1: "c"}});
  assert.deepEqual(draft.load().queued, {handler: "submit", actionId: "id-0000000001"}, "still waiting to be sent");
  assert.equal(region.textContent, "Saved on this device: it will be sent when the connection is back.");

  draft.sent();
  assert.equal(region.textContent, "Sent");
  assert.equal(draft.load(), null);
  assert.equal(w.localStorage.items.size, 0, "nothing left on the device");
});

test("deviceDraft says its state in the page's language and changes the region only when the state changes", () => {
  const {w} = setup();
  w.EmmXBlocksCatalogs = [{plural: (n) => Number(n > 1), strings: {"Saved on this device": "Enregistré sur cet appareil",
    "Sent": "Envoyé"}}];
  const region = el("p", {role: "status"});
  const draft = w.EMM.deviceDraft("k1", region);
  const texts = [];
  draft.keep({answers: {}});
  const node = region.firstChild;
  draft.keep({answers: {q1: "a"}});
  texts.push(region.textContent);
  assert.equal(region.firstChild, node, "the same text node: a screen reader is not told again at every key");
  draft.sent();
  texts.push(region.textContent);
  assert.deepEqual(texts, ["Enregistré sur cet appareil", "Envoyé"]);
});

test("deviceDraft with no key, no storage, full storage or a broken record keeps nothing and says nothing", () => {
  const {w} = setup({storage: fakeStorage({full: true})});
  const region = el("p", {role: "status"});
  const full = w.EMM.deviceDraft("k1", region);
  full.keep({answers: {q1: "a"}});
  assert.equal(region.textContent, "", "nothing was kept, so nothing is claimed");
  assert.equal(full.queue("submit", "id-0000000001", {answers: {q1: "a"}}), false, "not kept: the page keeps its alert");
  assert.equal(region.textContent, "");
  assert.equal(full.load(), null);

  const ok = setup();
  const none = ok.w.EMM.deviceDraft("", region);  /* staff viewing as a learner, past the due date */
  none.keep({answers: {q1: "a"}});
  assert.equal(ok.w.localStorage.items.size, 0);
  ok.w.localStorage.setItem("emm-draft-k3", "{not json");
  assert.equal(ok.w.EMM.deviceDraft("k3", null).load(), null);
  ok.w.localStorage.setItem("emm-draft-k3", "[1, 2]");
  assert.equal(ok.w.EMM.deviceDraft("k3", null).load(), null);

  const off = load(fakeWindow(), "emm-common.js", "emm-drafts.js");
  Object.defineProperty(off, "localStorage", {get() { throw new Error("SecurityError"); }});
  assert.equal(off.EMM.deviceDraft("k1", null).load(), null, "storage switched off: the page works as before");
});
