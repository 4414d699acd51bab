/* Review of static/js/emm-actions.js (decision 110): failing tests for the bugs found. node --test */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {el, fakeWindow, load, response} = require("./fake-dom");

const runtime = {handlerUrl: (element, name) => "/handler/" + element.getAttribute("data-usage") + "/" + name};

function pendingFetch() {
  const calls = [];
  const fetch = (url, options) => new Promise((resolve, reject) => calls.push({url, options, resolve, reject}));
  return {fetch, calls};
}
async function settled() { for (let j = 0; j < 20; j += 1) { await new Promise((r) => setImmediate(r)); } }

test("a tap dropped because its button left the page does not stall the taps queued after it", async () => {
  /* the role-play on a slow link: choice A sends, the learner taps B, then C (A "did nothing"). A's reply draws the
     next step: B and C left the page. B is said not sent; C must be settled too, and the next step's choice D,
     tapped once the page is drawn, must go. */
  const {fetch, calls} = pendingFetch();
  const w = load(fakeWindow({fetch}), "emm-common.js", "emm-actions.js");
  const a = el("button", {type: "button"}, ["A"]), b = el("button", {type: "button"}, ["B"]);
  const c = el("button", {type: "button"}, ["C"]);
  const step = el("div", {}, [a, b, c]);
  const alertBox = el("div", {role: "alert", "data-alert": "", hidden: ""});
  const root = el("div", {"data-usage": "u1"}, [step, alertBox]);
  const first = w.EMM.action(runtime, root, "choose", {choice: "a"}, {button: a});
  const second = w.EMM.action(runtime, root, "choose", {choice: "b"}, {button: b});
  const third = w.EMM.action(runtime, root, "choose", {choice: "c"}, {button: c});
  step.remove();  /* A's reply: the next step drawn */
  const d = el("button", {type: "button"}, ["D"]);
  root.appendChild(el("div", {}, [d]));
  calls[0].resolve(response(200, {}));
  assert.equal(await first, true);
  assert.equal(await second, false, "B: not sent, said so");
  await settled();
  let thirdDone = false;
  third.then(() => { thirdDone = true; });
  await settled();
  assert.equal(thirdDone, true, "C, whose button left the page too, is settled (not left waiting for ever)");
  assert.equal(w.EMM.isBusy(root), false, "nothing is on its way: the block is free (EMM.ask's 'yes' no longer waits)");
  w.EMM.action(runtime, root, "choose", {choice: "d"}, {button: d});
  assert.equal(calls.length, 2, "the next step's choice goes at once");
  assert.equal(d.disabled, true);
  assert.notEqual(d.nextSibling && d.nextSibling.textContent, "Waiting for the previous request: this will be sent next.");
});

test("a submit refused for a signed-out learner is not sent again, nor its alert read again, at each `online`", async () => {
  /* decision 110: a session that ended, which no return of the link mends, is sent only when the page is shown
     again. A phone on a link that drops fires `online` at each return of the signal. */
  const sends = [];
  const w = load(fakeWindow({fetch: (url, options) => {
    sends.push(JSON.parse(options.body).action_id);
    return Promise.resolve(response(403, "Unauthenticated"));
  }}), "emm-common.js", "emm-actions.js", "emm-drafts.js");
  const items = new Map();
  w.localStorage = {getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k)};
  const alertBox = el("div", {role: "alert", "data-alert": "", hidden: ""});
  const root = el("div", {"data-usage": "u1"}, [el("form", {}, [el("button", {type: "submit"}, ["Submit"])]), alertBox]);
  const draft = w.EMM.deviceDraft("k1", null);
  draft.keep({answers: {q1: "a"}});
  const send = (data, actionId) => w.EMM.action(runtime, root, "submit", data, {
    actionId, onSuccess: () => draft.sent(), onError: (err, meta) => draft.failed("submit", data, err, meta, null)});
  const resend = () => { const r = draft.load(); if (r && r.queued && !w.EMM.isSending(root)) { send(r.data, r.queued.actionId); } };
  w.EMM.whenOnline(root, resend, draft.waits);
  await send({answers: {q1: "a"}});
  assert.equal(draft.waits(), "signed_out");
  w.timers.runAll();
  const said = [];
  const set = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(alertBox), "textContent").set;
  Object.defineProperty(alertBox, "textContent", {configurable: true,
    get: Object.getOwnPropertyDescriptor(Object.getPrototypeOf(alertBox), "textContent").get.bind(alertBox),
    set: (v) => { said.push(v); set.call(alertBox, v); }});
  for (let i = 0; i < 3; i += 1) {  /* the signal comes and goes three times */
    w.dispatch("online");
    await settled();
    w.timers.runAll();
  }
  assert.equal(sends.length, 1, "no return of the link sends it: only the page shown again (or a reload) does");
  assert.equal(said.filter((t) => t).length, 0, "the refusal already shown is not read out again");
});
