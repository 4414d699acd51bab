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
    "emm-common.js", "emm-actions.js", "emm-drafts.js");
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

test("an action settled by the state read back (its reply lost) is not taken again under its id", async () => {
  /* bug hunt hunt3: a choice's reply lost, the state read showed it done, the learner went back and took the same
     choice again: sent under the lost one's id, the server answered it as a retry and did nothing */
  const {w, calls} = setup();
  const {root} = block();
  const other = block().root;
  let done = w.EMM.action(runtime, root, "choose", {choice: "aaa"}, {});
  calls[0].reject(new TypeError("Failed to fetch"));
  await done;
  done = w.EMM.action(runtime, other, "choose", {choice: "aaa"}, {});
  calls[1].reject(new TypeError("Failed to fetch"));
  await done;
  w.EMM.settle(root, "back");  /* another handler's: nothing to settle */
  done = w.EMM.action(runtime, root, "choose", {choice: "aaa"}, {});
  assert.equal(body(calls[2]).action_id, body(calls[0]).action_id, "still in doubt: a retry");
  calls[2].reject(new TypeError("Failed to fetch"));
  await done;
  w.EMM.settle(root, "choose");  /* the state read back shows it done */
  done = w.EMM.action(runtime, root, "choose", {choice: "aaa"}, {});
  assert.notEqual(body(calls[3]).action_id, body(calls[0]).action_id, "the same data again: a new action");
  calls[3].resolve(response(200, {ok: 1}));
  await done;
  w.EMM.action(runtime, other, "choose", {choice: "aaa"}, {});
  assert.equal(body(calls[4]).action_id, body(calls[1]).action_id, "another block's action stays in doubt");
  w.EMM.settle(block().root, "choose");  /* a block that never sent: nothing to do, no error */
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

/* what a record holds of the answers and what waits (its times `at` and `base` aside: decision 117) */
function shape(record) { return record && {data: record.data, queued: record.queued}; }

test("deviceDraft keeps the answers per key, says so once, queues an action and forgets after the server has it", () => {
  const {w} = setup();
  const region = el("p", {role: "status"});
  const draft = w.EMM.deviceDraft("k1", region);
  assert.equal(draft.load(), null);
  draft.keep({answers: {q1: "a"}});
  assert.equal(region.textContent, "Saved on this device");
  assert.deepEqual(shape(draft.load()), {queued: null, data: {answers: {q1: "a"}}});
  assert.equal(w.EMM.deviceDraft("k2", null).load(), null, "another learner or block sees nothing");

  assert.equal(draft.queue("submit", "id-0000000001", {answers: {q1: "b"}}), true, "kept: the page may say it will go");
  assert.equal(region.textContent, "Saved on this device: your answers will be submitted when the connection is back.");
  draft.keep({answers: {q1: "c"}});
  assert.deepEqual(draft.load().queued, {handler: "submit", actionId: "id-0000000001"}, "still waiting to be sent");
  assert.equal(region.textContent, "Saved on this device: your answers will be submitted when the connection is back.");

  draft.sent();
  assert.equal(region.textContent, "Sent");
  /* shown, not read out: the page's status says the submission's outcome, once (accessibility trial s35) */
  assert.equal(region.getAttribute("aria-hidden"), "true");
  assert.equal(draft.load(), null);
  assert.equal(w.localStorage.items.size, 0, "nothing left on the device");

  /* the next news is read out again: the line heard anew, its text set a moment later */
  assert.equal(draft.queue("submit", "id-0000000002", {answers: {q1: "d"}}), true);
  assert.equal(region.hasAttribute("aria-hidden"), false);
  assert.equal(region.textContent, "", "emptied first: the text set a moment later is heard");
  w.timers.runAll();
  assert.equal(region.textContent, "Saved on this device: your answers will be submitted when the connection is back.");
});

test("deviceDraft.sent(said, data): what was typed while a draft went stays on the device, nothing waiting (bug hunt s44)", () => {
  const {w} = setup();
  const region = el("p", {role: "status"});
  const draft = w.EMM.deviceDraft("k1", region);
  const went = {answers: {q1: "First draft.", q2: ["a", "b"]}, profile: ""};
  draft.queue("save_draft", "id-0000000001", went);
  draft.keep({answers: {q1: "First draft. And more, typed while it went.", q2: ["a", "b"]}, profile: ""});
  draft.sent("", went);
  assert.deepEqual(shape(draft.load()), {data: {answers: {q1: "First draft. And more, typed while it went.", q2: ["a", "b"]},
    profile: ""}, queued: null}, "the words typed since are kept; the draft that went waits no more");
  assert.equal(region.textContent, "Saved on this device");

  /* what went is what the device has (its keys in another order): nothing more to keep */
  draft.sent("", {profile: "", answers: {q2: ["a", "b"], q1: "First draft. And more, typed while it went."}});
  assert.equal(draft.load(), null);
  assert.equal(region.textContent, "");
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
  const none = ok.w.EMM.deviceDraft("", region);  /* staff viewing as a learner, Studio's preview */
  none.keep({answers: {q1: "a"}});
  assert.equal(ok.w.localStorage.items.size, 0);
  ok.w.localStorage.setItem("emm-draft-k3", "{not json");
  assert.equal(ok.w.EMM.deviceDraft("k3", null).load(), null);
  ok.w.localStorage.setItem("emm-draft-k3", "[1, 2]");
  assert.equal(ok.w.EMM.deviceDraft("k3", null).load(), null);

  const off = load(fakeWindow(), "emm-common.js", "emm-actions.js", "emm-drafts.js");
  Object.defineProperty(off, "localStorage", {get() { throw new Error("SecurityError"); }});
  assert.equal(off.EMM.deviceDraft("k1", null).load(), null, "storage switched off: the page works as before");
});

test("deviceDraft.lapse: past the due date what the device kept is forgotten, and said not to have gone (bug hunt s45)", () => {
  const {w} = setup();
  w.EmmXBlocksCatalogs = [{plural: (n) => Number(n > 1), strings: {
    "Your answers kept on this device were not submitted before the due date. They have been removed from this device.":
      "Vos réponses gardées sur cet appareil n’ont pas été envoyées avant la date limite. Elles ont été effacées de cet appareil."}}];
  const region = el("p", {role: "status"});
  const alertBox = el("div", {role: "alert", "data-alert": "", hidden: ""});
  const draft = w.EMM.deviceDraft("k1", region);
  draft.queue("submit", "id-0000000001", {answers: {q1: "a", q3: "Typed offline on a shared phone."}});
  w.localStorage.setItem("emm-draft-k2", JSON.stringify({data: {answers: {q1: "b"}}, queued: null}));  /* another learner's */

  /* the page's load (`lapsed`), or a submit the due date refused while the form was open (the same record) */
  assert.equal(draft.lapse(alertBox), true);
  assert.equal(w.localStorage.getItem("emm-draft-k1"), null, "nothing of it left on the phone");
  assert.equal(region.textContent, "", "the line no longer says it will be submitted");
  w.timers.runAll();
  assert.equal(alertBox.hidden, false);
  assert.equal(alertBox.textContent, "Vos réponses gardées sur cet appareil n’ont pas été envoyées avant la date limite. "
    + "Elles ont été effacées de cet appareil.");
  assert.notEqual(w.localStorage.getItem("emm-draft-k2"), null, "another learner's or block's record is not this page's");

  const quiet = el("div", {role: "alert", "data-alert": "", hidden: ""});
  assert.equal(w.EMM.deviceDraft("k1", null).lapse(quiet), false, "nothing kept: nothing said");
  w.timers.runAll();
  assert.equal(quiet.textContent, "");
});

/* ------------------------------------------------------------------ what waits, and the retry timer
   A kept action refused for a reason that will not go away waits no more (the answers stay on the
   device); one that may pass (no answer, "send again") waits with its id and goes again on a
   backoff while the page shows (EMM.whenOnline), not only at `online` (decision 22). */

const LOST = {error: "network", message: "No connection."};
const REFUSED = {error: "unknown_option", message: "This option no longer exists.", question: "q1"};

test("a failure nobody can vouch for, or a refusal the server says to send again, may pass; any other refusal is final", () => {
  const {EMM} = setup().w;
  ["network", "bad_response", "http_error", "busy", "submit_conflict"].forEach((code) => {
    assert.equal(EMM.isFinal({error: code, message: "…"}), false, code);
  });
  assert.equal(EMM.isFinal({message: "Too many requests."}), false, "a message without our code: not a handler's refusal");
  ["unknown_option", "unknown_statement", "invalid_answers", "missing_answers", "already_submitted", "no_attempts_left",
    "past_due", "read_only_masquerade", "not_ready", "invalid_request", "request_too_large", "unknown_choice"].forEach((code) => {
    assert.equal(EMM.isFinal({error: code, message: "…"}), true, code);
  });
});

test("deviceDraft.failed: what may pass waits with its id; a final refusal takes it off the queue and keeps the answers", () => {
  const {w} = setup();
  const region = el("p", {role: "status"});
  const alertBox = el("div", {role: "alert", "data-alert": ""});
  const draft = w.EMM.deviceDraft("k1", region);
  const data = {answers: {q1: "gone", q2: "Interview each apart."}};
  draft.keep(data);
  assert.equal(draft.waits(), false);

  draft.failed("submit", data, LOST, {actionId: "id-0000000001", lost: true}, alertBox);
  assert.deepEqual(shape(draft.load()), {data, queued: {handler: "submit", actionId: "id-0000000001"}});
  assert.equal(draft.waits(), true);
  assert.equal(region.textContent, "Saved on this device: your answers will be submitted when the connection is back.");
  assert.equal(alertBox.hidden, false, "online: the alert stays");

  draft.failed("submit", data, {error: "busy", message: "Send again in a moment."}, {actionId: "id-0000000001", lost: false}, alertBox);
  assert.deepEqual(draft.load().queued, {handler: "submit", actionId: "id-0000000001"}, "\"send again\": it still waits");

  draft.failed("submit", data, REFUSED, {actionId: "id-0000000001", lost: false}, alertBox);
  assert.deepEqual(shape(draft.load()), {data, queued: null}, "refused for good: nothing waits, the answers stay");
  assert.equal(draft.waits(), false);
  assert.equal(region.textContent, "Saved on this device");

  w.navigator.onLine = false;
  draft.failed("save_draft", data, LOST, {actionId: "id-0000000002", lost: true}, alertBox);
  assert.equal(alertBox.hidden, true, "offline: the line under Submit says it will go, no alert");
  assert.equal(draft.load().queued.handler, "save_draft");
  w.timers.runAll();
  assert.equal(region.textContent, "Saved on this device: your draft will be saved on the course when the connection is back.");

  /* offline again, the same line: said once more (emptied, then set a moment later), it is the only news */
  draft.failed("save_draft", data, LOST, {actionId: "id-0000000002", lost: true}, alertBox);
  assert.equal(region.textContent, "", "emptied, to be heard again");
  w.timers.runAll();
  assert.equal(region.textContent, "Saved on this device: your draft will be saved on the course when the connection is back.");
});

test("a submission waiting offline is never turned into a draft: a draft tapped after it goes with it", () => {
  /* learner trial s37: offline, "Submit", then "Save draft"; back online only a draft was saved, no
     feedback, and the learner believed they had submitted */
  const {w} = setup();
  const region = el("p", {role: "status"}), alertBox = el("div", {role: "alert"});
  const draft = w.EMM.deviceDraft("k1", region);
  w.navigator.onLine = false;
  draft.failed("submit", {answers: {q1: "a"}}, LOST, {actionId: "id-0000000001", lost: true}, alertBox);
  draft.failed("save_draft", {answers: {q1: "b"}}, LOST, {actionId: "id-0000000002", lost: true}, alertBox);
  assert.deepEqual(shape(draft.load()), {data: {answers: {q1: "b"}}, queued: {handler: "submit", actionId: "id-0000000001"}},
    "the submission still waits, with the latest answers");
  w.timers.runAll();
  assert.equal(region.textContent, "Saved on this device: your answers will be submitted when the connection is back.");
  assert.equal(draft.queue("save_draft", "id-0000000003", {answers: {q1: "c"}}), true);
  assert.equal(draft.load().queued.handler, "submit");
  /* a draft refused for good leaves the submission waiting */
  draft.failed("save_draft", {answers: {q1: "e"}}, REFUSED, {actionId: "id-0000000006", lost: false}, alertBox);
  assert.deepEqual(draft.load().queued, {handler: "submit", actionId: "id-0000000001"});
  /* a draft waiting gives way to a submission */
  const other = w.EMM.deviceDraft("k2", null);
  other.queue("save_draft", "id-0000000004", {answers: {q1: "d"}});
  other.queue("submit", "id-0000000005", {answers: {q1: "d"}});
  assert.deepEqual(other.load().queued, {handler: "submit", actionId: "id-0000000005"});
});

/* the promises of a send settled (its fetch answered at once) */
async function settled() { for (let j = 0; j < 10; j += 1) { await Promise.resolve(); } }

/* A block as the pages wire it: its kept action, sent with its id by `resend` (at load, at
   `online`, by the timer); `outcomes` answer the submits in turn ("lost", "ok", "hang", or an
   error body refused with 400). Time is node:test's mock timers. */
function retryingBlock(t, outcomes) {
  t.mock.timers.enable({apis: ["setTimeout"]});
  let now = 0;
  const sends = [], hanging = [];
  const {w} = setup();
  w.fetch = (url) => {
    if (!url.endsWith("/submit")) { return Promise.reject(new TypeError("Failed to fetch")); }
    sends.push(now / 1000);
    const outcome = outcomes.length ? outcomes.shift() : "lost";
    if (outcome === "hang") { return new Promise((resolve, reject) => hanging.push(reject)); }
    if (outcome === "lost") { return Promise.reject(new TypeError("Failed to fetch")); }
    if (outcome === "502") { return Promise.resolve(response(502, "<html>Bad gateway</html>")); }
    if (outcome === "403") { return Promise.resolve(response(403, "Unauthenticated")); }  /* the LMS, signed out */
    return Promise.resolve(outcome === "ok" ? response(200, {ok: true}) : response(400, outcome));
  };
  w.setTimeout = (fn, ms) => setTimeout(fn, ms);
  w.clearTimeout = (id) => clearTimeout(id);
  const {root} = block();
  const draft = w.EMM.deviceDraft("k1", null);
  draft.keep({answers: {q1: "a"}});
  const send = (data, actionId) => w.EMM.action(runtime, root, "submit", data, {
    actionId,
    onSuccess: () => draft.sent(),
    onError: (err, meta) => draft.failed("submit", data, err, meta, null),
  });
  const resend = () => {
    const record = draft.load();
    if (record && record.queued) { send(record.data, record.queued.actionId); }
  };
  w.EMM.whenOnline(root, resend, draft.waits);
  /* let `seconds` pass, a second at a time, the promises settled between */
  async function pass(seconds) {
    for (let i = 0; i < seconds; i += 1) {
      now += 1000;
      t.mock.timers.tick(1000);
      await settled();
    }
  }
  return {w, root, draft, send, resend, sends, hanging, pass};
}

test("a waiting action goes again after 15 s, 30 s, 60 s, 2 min, then every 4 min, and stops once sent", async (t) => {
  const page = retryingBlock(t, ["lost", "lost", "lost", "lost", "lost", "lost", "lost", "ok"]);
  page.send({answers: {q1: "a"}});  /* the learner's tap: its reply lost */
  await settled();
  assert.equal(page.draft.waits(), true);
  await page.pass(2000);
  const gaps = page.sends.slice(1).map((at, i) => at - page.sends[i]);
  assert.deepEqual(gaps, [15, 30, 60, 120, 240, 240, 240], "no `online` event, no tap: the timer sends it");
  assert.equal(page.draft.load(), null, "sent: nothing left on the device");
  assert.equal(page.sends.length, 8);
  await page.pass(3600);
  assert.equal(page.sends.length, 8, "sent: no more tries");
});

test("after `online`, a try that fails goes again after 3 s, 6 s, 12 s: a phone says online before data flows", async (t) => {
  /* learner trial s37: the link said "online" 3 s before data flowed; the waiting submit went 28 s
     after the connection worked, its line still saying it would go when the connection is back */
  const page = retryingBlock(t, ["lost", "lost", "lost", "lost", "ok"]);
  page.send({answers: {q1: "a"}});
  await settled();
  await page.pass(20);  /* the timer's first try, 15 s after the tap */
  assert.deepEqual(page.sends, [0, 15]);
  page.w.dispatch("online");  /* the phone says online: tried at once, data does not flow yet */
  await settled();
  await page.pass(30);
  assert.deepEqual(page.sends, [0, 15, 20, 23, 29], "3 s, then 6 s after the `online` try, not 60 s");
  assert.equal(page.draft.load(), null, "sent");
});

test("every try of the waiting action carries its id: done once even if a lost reply had arrived", async (t) => {
  const page = retryingBlock(t, ["lost", "lost", "ok"]);
  const bodies = [];
  const fetch = page.w.fetch;
  page.w.fetch = (url, options) => { bodies.push(JSON.parse(options.body)); return fetch(url, options); };
  page.send({answers: {q1: "a"}});
  await settled();
  await page.pass(60);
  assert.equal(bodies.length, 3);
  assert.equal(new Set(bodies.map((b) => b.action_id)).size, 1);
});

test("a final refusal ends the wait: not sent again by the timer, at `online` or at the next load", async (t) => {
  const page = retryingBlock(t, ["lost", REFUSED]);
  page.send({answers: {q1: "a"}});
  await settled();
  await page.pass(20);
  assert.deepEqual(page.sends, [0, 15]);
  assert.deepEqual(shape(page.draft.load()), {data: {answers: {q1: "a"}}, queued: null}, "the answers stay on the device");
  page.w.dispatch("online");
  page.resend();  /* as a page opened again does */
  await page.pass(3600);
  assert.deepEqual(page.sends, [0, 15]);
});

test("no try while the page is hidden or offline; one when it shows again or the link is back", async (t) => {
  const page = retryingBlock(t, ["lost", "lost", "lost", "ok"]);
  page.send({answers: {q1: "a"}});
  await settled();
  page.w.document.hidden = true;  /* the learner switched to another app */
  page.w.document.dispatch("visibilitychange");
  await page.pass(600);
  assert.deepEqual(page.sends, [0], "hidden: no try");
  page.w.document.hidden = false;
  page.w.document.dispatch("visibilitychange");
  await settled();
  assert.deepEqual(page.sends, [0, 600], "shown again: one try at once");

  page.w.navigator.onLine = false;
  await page.pass(600);
  assert.deepEqual(page.sends, [0, 600], "offline: the `online` event will send it");
  page.w.navigator.onLine = true;
  page.w.dispatch("online");
  await settled();
  assert.deepEqual(page.sends, [0, 600, 1200]);
  await page.pass(60);  /* after `online` the backoff starts again short: 3 s after the third failure */
  assert.deepEqual(page.sends, [0, 600, 1200, 1203]);
  assert.equal(page.draft.load(), null);
});

test("never two sends at once: a try that falls while the block is sending waits for it", async (t) => {
  const page = retryingBlock(t, ["lost", "hang", "ok"]);
  page.send({answers: {q1: "a"}});
  await settled();
  await page.pass(10);
  page.send({answers: {q1: "a"}});  /* the learner taps Submit again: its answer is slow */
  await settled();
  await page.pass(10);  /* the timer falls at 15 s, while that tap is on its way */
  assert.deepEqual(page.sends, [0, 10]);
  page.hanging[0](new TypeError("Failed to fetch"));
  await settled();
  await page.pass(29);
  assert.deepEqual(page.sends, [0, 10], "the backoff starts again from that failure: 30 s");
  await page.pass(1);
  assert.deepEqual(page.sends, [0, 10, 50]);
  assert.equal(page.draft.load(), null);
});

/* what the alert says, each time it is written: a screen reader reads it out each time (role=alert) */
function writes(alertBox) {
  let proto = Object.getPrototypeOf(alertBox), desc = null;
  while (proto && !desc) { desc = Object.getOwnPropertyDescriptor(proto, "textContent"); proto = Object.getPrototypeOf(proto); }
  const seen = [];
  Object.defineProperty(alertBox, "textContent", {
    get() { return desc.get.call(this); },
    set(value) { seen.push(String(value)); desc.set.call(this, value); },
  });
  return seen;
}

test("a timed try that fails again leaves the alert shown as it is, not said again; its success takes it away", async (t) => {
  const page = retryingBlock(t, ["lost", "lost", "lost", "lost", "ok"]);
  const alertBox = page.root.querySelector("[data-alert]");
  const seen = writes(alertBox);
  page.send({answers: {q1: "a"}});  /* the learner's tap: no connection */
  await settled();
  await page.pass(1);
  const said = alertBox.textContent;
  assert.match(said, /^No connection/);
  assert.equal(alertBox.hidden, false);
  const before = seen.length;
  await page.pass(50);  /* the timer's tries at 15 s and 45 s fail too */
  assert.deepEqual(page.sends, [0, 15, 45]);
  assert.equal(seen.length, before, "not wiped and written again at each try");
  assert.equal(alertBox.textContent, said);
  assert.equal(alertBox.hidden, false);

  page.send({answers: {q1: "a"}});  /* the learner taps Submit again: that failure is said again */
  await settled();
  await page.pass(1);
  assert.ok(seen.length > before, "the learner's own tap is answered");
  assert.equal(alertBox.textContent, said);

  await page.pass(200);  /* the timer's next try goes through */
  assert.equal(page.draft.load(), null);
  assert.equal(alertBox.hidden, true, "sent: the alert goes");
  assert.equal(alertBox.textContent, "");
});

test("a timed try that the server refuses for good says why", async (t) => {
  const page = retryingBlock(t, ["lost", REFUSED]);
  const alertBox = page.root.querySelector("[data-alert]");
  page.send({answers: {q1: "a"}});
  await settled();
  await page.pass(20);
  assert.deepEqual(page.sends, [0, 15]);
  assert.equal(alertBox.textContent, "This option no longer exists.");
  assert.equal(alertBox.hidden, false);
});

test("a timed try that reaches a server in trouble says so: only a lost connection again is left unsaid", async (t) => {
  const page = retryingBlock(t, ["lost", "502"]);
  const alertBox = page.root.querySelector("[data-alert]");
  page.send({answers: {q1: "a"}});
  await settled();
  await page.pass(1);
  assert.match(alertBox.textContent, /^No connection/);
  await page.pass(20);  /* the link is back at 15 s, the server answers 502 */
  assert.deepEqual(page.sends, [0, 15]);
  assert.equal(alertBox.textContent, "The course's server is not answering right now (error 502). Nothing is lost: try again in a moment.");
  assert.equal(page.draft.waits(), true, "still waiting: it goes again later");
});

test("a timed try that throws does not leave the page quiet: the learner's next failure is said", async (t) => {
  const page = retryingBlock(t, ["lost", "lost"]);
  const alertBox = page.root.querySelector("[data-alert]");
  const record = page.draft.load();
  page.w.EMM.whenOnline(page.root, () => { throw new Error("a corrupt draft"); }, () => true);
  assert.throws(() => page.w.document.dispatch("visibilitychange"), /a corrupt draft/);
  page.send(record.data);  /* the learner's own tap: no connection */
  await settled();
  await page.pass(1);
  assert.match(alertBox.textContent, /^No connection/);
  assert.equal(alertBox.hidden, false);
});

// ---------------------------------------------------------------- bug hunt hunt2: a phone in Niger
test("a submit refused because the session ended: the timer does not send it again nor say the alert again; the page shown again tries", async (t) => {
  /* the LMS answers a signed-out POST with a 403 HTML page (block_render.py handle_xblock_callback): no return of
     the link sends it, a reload (or a sign-in in another tab) does */
  const page = retryingBlock(t, ["403", "403", "ok"]);
  const alertBox = page.root.querySelector("[data-alert]");
  const seen = writes(alertBox);
  page.send({answers: {q1: "a"}});
  await settled();
  await page.pass(1);
  assert.match(alertBox.textContent, /^The course did not accept this: your session may have ended/);
  assert.equal(page.draft.waits(), "signed_out", "it waits, and why");
  assert.equal(page.draft.load().queued.why, "signed_out", "the record keeps why it waits");
  const said = seen.length;
  await page.pass(600);
  assert.deepEqual(page.sends, [0], "ten minutes: no timed try");
  page.w.document.hidden = true;
  page.w.document.dispatch("visibilitychange");
  page.w.document.hidden = false;
  page.w.document.dispatch("visibilitychange");  /* back to the tab, after signing in elsewhere, or not yet */
  await settled();
  await page.pass(1);
  assert.deepEqual(page.sends, [0, 601], "the page shown again tries once");
  assert.equal(seen.length, said, "the same refusal again: not read out again");
  await page.pass(600);
  assert.deepEqual(page.sends, [0, 601]);
  page.w.document.dispatch("visibilitychange");
  await settled();
  await page.pass(1);
  assert.equal(page.draft.load(), null, "signed in again: sent");
  assert.equal(alertBox.hidden, true);
});

test("the line under Submit after a session ended says to reload, not that the answers go when the connection is back", () => {
  const {w} = setup();
  const region = el("p", {role: "status"});
  const draft = w.EMM.deviceDraft("k1", region);
  const signedOut = {error: "signed_out", status: 403, message: "The course did not accept this..."};
  draft.failed("submit", {answers: {q1: "a"}}, signedOut, {actionId: "id1", lost: true}, null);
  assert.equal(region.textContent, "Saved on this device: reload the page (sign in again if asked) to submit your answers.");
  draft.failed("save_draft", {answers: {q1: "b"}}, signedOut, {actionId: "id2", lost: true}, null);
  assert.equal(draft.load().queued.handler, "submit", "a submission waiting stays one");
  draft.failed("submit", {answers: {q1: "b"}}, {error: "network", message: "No connection"}, {actionId: "id1", lost: true}, null);
  assert.equal(region.textContent, "Saved on this device: your answers will be submitted when the connection is back.");
  assert.equal(draft.waits(), true, "no longer signed out: the timer sends it");
  const other = w.EMM.deviceDraft("k2", el("p"));
  other.failed("save_draft", {answers: {q1: "a"}}, signedOut, {actionId: "id3", lost: true}, null);
  assert.equal(other.load().queued.why, "signed_out");
  other.resume(el("div", {"data-usage": "u9"}), () => true, () => {});  /* the page reloaded: what the refusal asked */
  assert.equal(other.load().queued.why, undefined, "after a reload it waits for the link again");
});

test("a request neither answered nor failed is given up after its bound, said lost, and sent again with its id", async (t) => {
  /* the signal died on the way: Chromium's fetch waits for TCP, a quarter of an hour; the button said
     "Still sending" all along and the link's return sent nothing (the action still "sent") */
  const page = retryingBlock(t, ["hang", "ok"]);
  const ids = [];
  const fetch = page.w.fetch;
  page.w.fetch = (url, options) => { ids.push(JSON.parse(options.body).action_id); return fetch(url, options); };
  const data = {answers: {q1: "a".repeat(5000)}};  /* a long answer on a slow upload: more time */
  const done = page.send(data);
  await settled();
  const bound = (page.w.EMM.GIVE_UP_MS + 2 * JSON.stringify(Object.assign({}, data, {action_id: ids[0]})).length) / 1000;
  assert.equal(Math.ceil(bound), 101, "90 s, and 2 ms a character sent");
  await page.pass(100);
  assert.equal(page.w.EMM.isSending(page.root), true, "a slow link is given its time");
  await page.pass(2);  /* (these timers run a second at a time: a second late) */
  assert.equal(await done, false, "given up: lost");
  assert.equal(page.draft.waits(), true, "it waits on the device");
  assert.equal(page.w.EMM.isSending(page.root), false);
  await page.pass(15);
  assert.equal(page.sends.length, 2, "the timer sends it again 15 s later");
  assert.equal(ids[1], ids[0], "the same action: done once (common/recovery.py)");
  assert.equal(page.draft.load(), null, "sent");
});

test("the browser going offline gives up a request on its way at once; the link's return sends it again", async (t) => {
  const page = retryingBlock(t, ["hang", "ok"]);
  const done = page.send({answers: {q1: "a"}});
  await settled();
  await page.pass(30);
  page.w.navigator.onLine = false;
  page.w.dispatch("offline");
  assert.equal(await done, false);
  assert.equal(page.draft.waits(), true);
  page.w.navigator.onLine = true;
  page.w.dispatch("online");
  await settled();
  assert.deepEqual(page.sends, [0, 30]);
  assert.equal(page.draft.load(), null, "sent when the link came back");
});

test("a timed try while the block sends is not queued behind it (the learner's taps are)", async (t) => {
  const page = retryingBlock(t, ["hang"]);
  page.send({answers: {q1: "a"}});
  await settled();
  let got;
  page.w.EMM.whenOnline(page.root, () => { got = page.w.EMM.action(runtime, page.root, "submit", {}, {}); }, () => true);
  page.w.document.dispatch("visibilitychange");
  assert.equal(await got, null);
  assert.equal(page.w.EMM.isBusy(page.root), true, "only the learner's send is on its way");
});

test("deviceDraft.resume: answers typed here before a draft saved on another device are offered, not put in the form (117)", () => {
  const {w} = setup();
  const phone = w.EMM.deviceDraft("k1", null);
  phone.keep({answers: {q1: "typed on the phone"}});
  const at = phone.load().at;
  const filled = [], offered = [];
  const again = w.EMM.deviceDraft("k1", null);
  again.resume(el("div"), (data) => { filled.push(data); }, () => {}, at + 60000, (record) => { offered.push(record); });
  assert.deepEqual(filled, [], "the newer draft of the course stays in the form");
  assert.equal(offered.length, 1);
  assert.deepEqual(offered[0].data, {answers: {q1: "typed on the phone"}});
  assert.equal(offered[0].at, at, "offered with the time it was typed");
  assert.deepEqual(shape(again.load()), {data: {answers: {q1: "typed on the phone"}}, queued: null}, "still kept");
});

test("deviceDraft.resume: answers typed after the course's draft, or on top of it on this device, go back in the form (117)", () => {
  const {w} = setup();
  const filled = [], offered = [];
  const fill = (data) => { filled.push(data); }, offer = (record) => { offered.push(record); };
  const later = w.EMM.deviceDraft("k1", null);
  later.keep({answers: {q1: "typed after"}});
  w.EMM.deviceDraft("k1", null).resume(el("div"), fill, () => {}, later.load().at - 60000, offer);
  assert.deepEqual(filled, [{answers: {q1: "typed after"}}], "the newer wins");

  const known = w.EMM.deviceDraft("k2", null);
  known.resume(el("div"), fill, () => {}, Date.now() + 60000, offer);  /* this page showed that draft */
  known.keep({answers: {q1: "typed on top of the draft shown"}});
  w.EMM.deviceDraft("k2", null).resume(el("div"), fill, () => {}, known.load().base, offer);
  assert.deepEqual(filled[1], {answers: {q1: "typed on top of the draft shown"}}, "another device's clock aside");
  assert.deepEqual(offered, []);
});

test("deviceDraft: answers offered back stay older than a draft this page then saves, untyped on (117)", () => {
  const {w} = setup();
  const phone = w.EMM.deviceDraft("k1", null);
  phone.keep({answers: {q1: "typed on the phone"}});
  const at = phone.load().at, offered = [], filled = [];
  const page = w.EMM.deviceDraft("k1", null);
  page.resume(el("div"), (data) => { filled.push(data); }, () => {}, at + 60000, (record) => { offered.push(record); });
  page.sent("", {answers: {q1: "the laptop's draft, saved again here"}}, at + 120000);
  assert.equal(page.load().base, 0, "not rebased on the draft saved");
  w.EMM.deviceDraft("k1", null).resume(el("div"), (data) => { filled.push(data); }, () => {}, at + 120000,
    (record) => { offered.push(record); });
  assert.deepEqual(filled, [], "the draft saved stays in the form at the next visit");
  assert.equal(offered.length, 2, "the phone's text is still offered");
});
