/* Unit tests of static/js/emm-present.js's pure pieces (node --test): what a refused request of the
   live room says and whether the projection keeps polling after it. The projection itself (the
   dialog, the polling loop against a routed server) is tested in Chromium,
   tests/browser/test_live_browser.py. */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {fakeWindow, load} = require("./fake-dom");

function presenter() {
  const w = load(fakeWindow(), "emm-common.js", "emm-present.js");
  return {EMM: w.EMM, P: w.EMM.Presenter};
}
const GENERIC = "The figures could not be updated: check the connection.";

test("a refusal with the server's {error, message} keeps them, with its status", () => {
  const {P} = presenter();
  const staff = {error: "staff_only", message: "Seul le personnel du cours peut présenter cette activité."};
  assert.deepEqual({...P.refusal(403, staff)}, {...staff, status: 403});
  assert.equal(P.said(P.refusal(403, staff), GENERIC), staff.message);
  assert.deepEqual({...P.refusal(409, {error: "conflict", message: "Déjà.", extra: 1})},
    {error: "conflict", message: "Déjà.", extra: 1, status: 409});
});

test("a refusal without a message a person can read is a local failure: the room's own line", () => {
  const {EMM, P} = presenter();
  for (const body of [null, {}, {error: "staff_only"}, {error: "staff_only", message: ""}, {message: 3}, [1]]) {
    const err = P.refusal(503, body);
    assert.equal(err.error, EMM.LOCAL_CODES.HTTP_ERROR, JSON.stringify(body));
    assert.equal(err.status, 503);
    assert.equal(P.said(err, GENERIC), GENERIC);
    assert.equal(P.stops(err), false, "a gateway's 5xx or an empty answer may pass");
  }
  for (const code of Object.values(EMM.LOCAL_CODES)) {
    assert.equal(P.said({error: code, message: "No connection: your answers are still on this page."}, GENERIC), GENERIC,
      "no learner's line on the projector");
  }
  assert.equal(P.said(undefined, GENERIC), GENERIC);
});

test("a handler's final refusal stops the polling; a busy server, 5xx and 429 do not", () => {
  const {P} = presenter();
  const say = (status, error) => P.refusal(status, {error, message: "Words."});
  assert.equal(P.stops(say(403, "staff_only")), true);
  assert.equal(P.stops(say(404, "not_found")), true);
  assert.equal(P.stops(say(405, "method_not_allowed")), true);
  assert.equal(P.stops(say(400, "invalid_request")), true);
  assert.equal(P.stops(say(503, "busy")), false, "EMM.AGAIN: the database stayed busy");
  assert.equal(P.stops(say(500, "server_error")), false, "a server in trouble may recover");
  assert.equal(P.stops(say(502, "bad_gateway")), false);
  assert.equal(P.stops(say(429, "rate_limited")), false, "asked to slow down, not to stop");
  assert.equal(P.stops(P.refusal(403, {message: "A proxy's words."})), false, "no handler's code: not final");
  assert.equal(P.stops({error: "network", message: ""}), false);
  assert.equal(P.stops(null), false);
});

test("the file loaded twice (a second block on the page) keeps the first Presenter", () => {
  const w = load(fakeWindow(), "emm-common.js", "emm-present.js");
  const first = w.EMM.Presenter;
  load(w, "emm-present.js");
  assert.equal(w.EMM.Presenter, first);
});
