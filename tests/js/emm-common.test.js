/* Unit tests of static/js/emm-common.js (node --test): translation lookup, plurals, requests,
   the learner action helper, the error-code registry, inert server HTML. The DOM is the small
   stand-in of fake-dom.js; real-browser behaviour is tested in tests/browser/. */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {el, fakeWindow, load, response} = require("./fake-dom");

/* Arabic has six plural forms: the expression the catalogues carry (from ar/text.po's header) */
const AR_PLURAL = (n) => Number(n === 0 ? 0 : n === 1 ? 1 : n === 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);

function setup(opts) {
  return load(fakeWindow(opts), "emm-common.js", "emm-actions.js");
}

/* runtime.handlerUrl as the workbench and the LMS give it: the element and the handler's name */
const runtime = {handlerUrl: (element, name) => "/handler/" + element.getAttribute("data-usage") + "/" + name};

function block() {
  const button = el("button", {type: "submit"}, ["Submit"]);
  const alertBox = el("div", {role: "alert", "data-alert": "", hidden: ""});
  const root = el("div", {"data-usage": "u1"}, [el("form", {}, [button]), alertBox]);
  return {root, button, alertBox};
}

/* a fetch whose answer the test gives when it wants: no waiting on clocks */
function pendingFetch() {
  const calls = [];
  const fetch = (url, options) => new Promise((resolve, reject) => calls.push({url, options, resolve, reject}));
  return {fetch, calls};
}

// ---------------------------------------------------------------- translation
test("gettext: the last catalogue that has the string wins, then the platform's, then English", () => {
  const w = setup();
  w.EmmXBlocksCatalogs = [
    {plural: (n) => Number(n !== 1), strings: {Submit: "Soumettre", Save: "Enregistrer"}},
    {plural: (n) => Number(n !== 1), strings: {Save: "Sauvegarder"}},
  ];
  assert.equal(w.EMM.gettext("Submit"), "Soumettre");
  assert.equal(w.EMM.gettext("Save"), "Sauvegarder");
  assert.equal(w.EMM.gettext("Cancel"), "Cancel");
  w.gettext = (text) => "[platform] " + text;
  assert.equal(w.EMM.gettext("Cancel"), "[platform] Cancel");
  w.EmmXBlocksI18N = {gettext: (text) => "[atlas] " + text};
  assert.equal(w.EMM.gettext("Cancel"), "[atlas] Cancel");
  assert.equal(w.EMM.gettext("Submit"), "Soumettre", "the package's catalogue comes first");
});

test("ngettext picks the catalogue's plural form (six forms in Arabic) and English has two", () => {
  const w = setup();
  assert.equal(w.EMM.ngettext("{n} attempt left", "{n} attempts left", 1), "{n} attempt left");
  assert.equal(w.EMM.ngettext("{n} attempt left", "{n} attempts left", 0), "{n} attempts left");
  const forms = ["zero", "one", "two", "few", "many", "other"];
  w.EmmXBlocksCatalogs = [{plural: AR_PLURAL, strings: {"{n} attempt left": forms}}];
  const picked = [0, 1, 2, 3, 11, 100, 102].map((n) => w.EMM.ngettext("{n} attempt left", "{n} attempts left", n));
  assert.deepEqual(picked, ["zero", "one", "two", "few", "many", "other", "other"]);
});

test("format fills named places and leaves unknown ones as they are", () => {
  const w = setup();
  assert.equal(w.EMM.format("Answered {done} of {total}", {done: 3, total: 8}), "Answered 3 of 8");
  assert.equal(w.EMM.format("{n} left, {m}", {n: 0}), "0 left, {m}");
  assert.equal(w.EMM.format("{toString}", {}), "{toString}", "only the values' own keys");
});

// ---------------------------------------------------------------- building the page
test("el sets text as text, never as markup, and leaves out empty attributes", () => {
  const w = setup();
  const p = w.EMM.el("p", {class: "x", text: "<b>not bold</b>", hidden: true, title: null, "data-off": false},
    ["after", w.EMM.el("span", {text: "s"})]);
  assert.equal(p.className, "x");
  assert.equal(p.childNodes[0].nodeType, 3, "the text is a text node");
  assert.equal(p.textContent, "<b>not bold</b>afters");
  assert.equal(p.getAttribute("hidden"), "");
  assert.equal(p.hasAttribute("title"), false);
  assert.equal(p.hasAttribute("data-off"), false);
});

// ---------------------------------------------------------------- requests
test("request: the handler URL of the block's element, JSON body, the CSRF cookie as header", () => {
  const w = setup({cookie: "sessionid=abc; csrftoken=t%2Bk3n; other=1"});
  const {root} = block();
  const req = w.EMM.request(runtime, {jquery: "3", 0: root}, "submit", {answers: {s1: 4}});
  assert.equal(req.url, "/handler/u1/submit");
  assert.equal(req.options.method, "POST");
  assert.equal(req.options.credentials, "same-origin");
  assert.equal(req.options.headers["X-CSRFToken"], "t+k3n");
  assert.equal(req.options.headers["Content-Type"], "application/json");
  assert.deepEqual(JSON.parse(req.options.body), {answers: {s1: 4}});
  assert.deepEqual(JSON.parse(w.EMM.request(runtime, root, "state").options.body), {});
});

test("post resolves with the body of a 2xx answer", async () => {
  const w = setup({fetch: () => Promise.resolve(response(200, {ok: 1}))});
  assert.deepEqual(await w.EMM.post(runtime, block().root, "state", {}), {ok: 1});
});

test("post rejects with the server's code and message, and its extra keys", async () => {
  const body = {error: "already_submitted", message: "Vous avez déjà répondu.", statements: ["s2"]};
  const w = setup({fetch: () => Promise.resolve(response(409, body))});
  await assert.rejects(w.EMM.post(runtime, block().root, "submit", {}), (err) => {
    assert.deepEqual(err, body);
    return true;
  });
});

test("post turns a page that is not JSON, an empty error and a network failure into readable errors", async () => {
  const catalog = {plural: (n) => Number(n > 1), strings: {
    "No connection: your answers are still on this page. Check your connection and try again.": "Pas de connexion.",
    "The server sent an unexpected answer. Please try again.": "Réponse inattendue.",
    "The course's server is not answering right now (error {status}). Nothing is lost: try again in a moment.":
      "Le serveur ne répond pas (erreur {status}).",
    "Something went wrong. Please try again.": "Une erreur est survenue."}};
  const answers = [
    () => Promise.resolve(response(502, "<html>Bad gateway</html>")),
    () => Promise.resolve(response(500, {})),
    () => Promise.reject(new TypeError("Failed to fetch")),
    () => Promise.resolve(response(413, "<html>Too large</html>")),
  ];
  const w = setup({fetch: () => answers.shift()()});
  w.EmmXBlocksCatalogs = [catalog];
  const C = w.EMM.LOCAL_CODES;
  const errors = [];
  for (let i = 0; i < 4; i += 1) {
    await w.EMM.post(runtime, block().root, "submit", {}).then(() => assert.fail("must reject"), (e) => errors.push(e));
  }
  assert.deepEqual(errors, [
    {error: C.BAD_RESPONSE, status: 502, message: "Le serveur ne répond pas (erreur 502)."},
    {error: C.HTTP_ERROR, status: 500, message: "Une erreur est survenue."},
    {error: C.NETWORK, message: "Pas de connexion."},
    {error: C.BAD_RESPONSE, status: 413, message: "Réponse inattendue."},
  ]);
});

test("a success status whose body is not a handler's JSON object is never taken for a success", async () => {
  /* trial s35: a mobile network's credit page (200, HTML) was read as "Sent", the answers
     dropped from the device; a login or CSRF page (403) says to reload */
  const answers = [
    () => Promise.resolve(response(200, "<html>Crédit épuisé</html>")),
    () => Promise.resolve(response(200, null)),
    () => Promise.resolve(response(200, [1, 2])),
    () => Promise.resolve(response(403, "<html>CSRF verification failed</html>")),
    () => Promise.resolve(response(403, {error: "staff_only", message: "Course staff only."})),
  ];
  const w = setup({fetch: () => answers.shift()()});
  const C = w.EMM.LOCAL_CODES;
  const errors = [];
  for (let i = 0; i < 5; i += 1) {
    await w.EMM.post(runtime, block().root, "submit", {}).then(() => assert.fail("must reject"), (e) => errors.push(e));
  }
  assert.deepEqual(errors.map((e) => [e.error, e.status]), [
    [C.BAD_RESPONSE, 200], [C.BAD_RESPONSE, 200], [C.BAD_RESPONSE, 200], [C.SIGNED_OUT, 403], ["staff_only", undefined]]);
  assert.match(errors[0].message, /^This may not have reached the course: the network answered with another page/);
  assert.match(errors[3].message, /Reload the page \(sign in again if asked\)/);
  assert.ok(errors.slice(0, 4).every((e) => w.EMM.isLost(e)), "kept and sent again, as a lost request");
  assert.ok(!w.EMM.isLost(errors[4]), "a handler's refusal is final");
});

// ---------------------------------------------------------------- the error-code registry
test("the code registries are frozen, named in capitals, and a browser code is never a server code", () => {
  const w = setup();
  const {CODES, LOCAL_CODES} = w.EMM;
  assert.ok(Object.isFrozen(CODES) && Object.isFrozen(LOCAL_CODES));
  assert.ok(Object.keys(CODES).length > 0);
  for (const [name, code] of Object.entries({...CODES, ...LOCAL_CODES})) {
    assert.match(name, /^[A-Z_]+$/);
    assert.equal(code, name.toLowerCase(), "the name says the code");
  }
  const server = new Set(Object.values(CODES));
  Object.values(LOCAL_CODES).forEach((code) => assert.ok(!server.has(code), code));
});

// ---------------------------------------------------------------- the learner action helper
test("action: busy while sending, a visible sign once slow, everything back after success", async () => {
  const {fetch, calls} = pendingFetch();
  const w = setup({fetch});
  w.EmmXBlocksCatalogs = [{plural: (n) => Number(n > 1), strings: {"Sending…": "Envoi…"}}];
  const {root, button, alertBox} = block();
  alertBox.hidden = false;
  alertBox.textContent = "an old error";
  const seen = [];
  const done = w.EMM.action(runtime, root, "submit", {answers: {}}, {button, onSuccess: (body) => {
    seen.push({body, disabled: button.disabled});
  }});

  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, "/handler/u1/submit");
  assert.equal(button.disabled, true);
  assert.equal(button.getAttribute("aria-busy"), "true");
  assert.equal(alertBox.hidden, true, "the old error goes away");
  assert.equal(alertBox.textContent, "");
  const sign = button.nextSibling;
  assert.equal(sign.getAttribute("role"), "status", "the sign is a live region");
  assert.equal(sign.textContent, "", "nothing shows on a quick answer");
  assert.deepEqual(w.timers.pending().map((t) => t.ms), [w.EMM.SLOW_MS]);
  w.timers.runAll();  /* the answer is slow */
  assert.equal(sign.textContent, "Envoi…");
  assert.deepEqual(w.timers.pending().map((t) => t.ms), [w.EMM.STILL_MS - w.EMM.SLOW_MS]);
  w.timers.runAll();  /* 20 s: the link is slow, the reply may yet come (trial s35: nothing said for 35 s) */
  assert.equal(sign.textContent, "Still sending: the connection is slow. Keep this page open.");

  calls[0].resolve(response(200, {message: "Saved"}));
  assert.equal(await done, true);
  assert.deepEqual(seen, [{body: {message: "Saved"}, disabled: false}]);
  assert.equal(button.hasAttribute("aria-busy"), false);
  assert.equal(button.nextSibling, null, "the sign is gone");
  assert.deepEqual(w.timers.pending(), [], "no timer left behind");
});

test("action with EMM.holdForm: the answers held from the moment it leaves to its reply, given back before the page handles it", async () => {
  /* bug hunt s44: a choice changed while a slow link carried the submit was shown as sent, the course holding the one
     before; a text is read-only (its focus and caret kept), a choice disabled, one disabled before stays so */
  const {fetch, calls} = pendingFetch();
  const w = load(fakeWindow({fetch}), "emm-common.js", "emm-actions.js", "emm-forms.js");
  const {root, button} = block();
  const form = root.querySelector("form");
  const radio = el("input", {type: "radio"}), text = el("textarea"), name = el("input", {type: "text"});
  const closed = el("input", {type: "checkbox"});
  closed.disabled = true;
  [radio, text, name, closed].forEach((c) => form.appendChild(c));
  const state = () => [radio.disabled, !!text.readOnly, text.disabled, !!name.readOnly, closed.disabled];
  const seen = [];
  const handle = () => seen.push(state());
  for (const outcome of [response(200, {}), response(400, {error: "missing_answers", message: "No."})]) {
    const done = w.EMM.action(runtime, root, "submit", {}, {button, hold: w.EMM.holdForm(form), onSuccess: handle, onError: handle});
    assert.deepEqual(state(), [true, true, false, true, true], "on its way: nothing in the form changes");
    calls[calls.length - 1].resolve(outcome);
    await done;
  }
  assert.deepEqual(seen, [[false, false, false, false, true], [false, false, false, false, true]],
    "given back before onSuccess and onError (which may lock them for good); the box disabled before stays so");
});

test("action: a second action while the block is sending waits its turn, shown waiting, and goes once it is answered", async () => {
  /* bug hunt hunt2: "Envoyer" tapped while "Enregistrer le brouillon" was on its way was answered null, nothing said */
  const {fetch, calls} = pendingFetch();
  const w = setup({fetch});
  const {root, button} = block();
  const save = el("button", {type: "button"}, ["Save draft"]);
  root.querySelector("form").appendChild(save);
  const first = w.EMM.action(runtime, root, "save_draft", {}, {button: save});
  const second = w.EMM.action(runtime, root, "submit", {answers: {q1: "a"}}, {button});
  assert.equal(calls.length, 1, "one at a time");
  assert.equal(button.disabled, true);
  assert.equal(button.getAttribute("aria-busy"), "true");
  assert.equal(w.EMM.isBusy(root), true);
  w.timers.runAll();
  assert.equal(button.nextSibling.textContent, "Waiting for the previous request: this will be sent next.");
  calls[0].resolve(response(200, {}));
  assert.equal(await first, true);
  await new Promise((r) => setImmediate(r));
  assert.equal(calls.length, 2, "the tap is sent once the first is answered");
  assert.equal(calls[1].url, "/handler/u1/submit");
  assert.deepEqual(JSON.parse(calls[1].options.body).answers, {q1: "a"});
  assert.equal(button.getAttribute("aria-busy"), "true", "now sending");
  calls[1].resolve(response(200, {}));
  assert.equal(await second, true);
  assert.equal(button.disabled, false);
  w.EMM.action(runtime, root, "save_draft", {}, {});
  assert.equal(calls.length, 3, "free again once answered");
  const other = block();
  other.root.setAttribute("data-usage", "u2");
  w.EMM.action(runtime, other.root, "submit", {}, {});
  assert.equal(calls.length, 4, "another block on the page is not held up");
});

test("action: one waiting whose button left the page or was hidden by the reply before it is not sent, and said so", async () => {
  const {fetch, calls} = pendingFetch();
  const w = setup({fetch});
  const {root, button, alertBox} = block();
  const retry = el("button", {type: "button"}, ["Try again"]);
  const panel = el("div", {}, [retry]);
  root.appendChild(panel);
  const first = w.EMM.action(runtime, root, "self_assess", {}, {button});
  const second = w.EMM.action(runtime, root, "try_again", {}, {button: retry});
  panel.remove();  /* the self-assessment's reply draws the panel anew */
  calls[0].resolve(response(200, {}));
  await first;
  assert.equal(await second, false);
  assert.equal(calls.length, 1, "not sent");
  w.timers.runAll();
  assert.equal(alertBox.hidden, false);
  assert.equal(alertBox.textContent, "Not sent: the page changed while the request before it was on its way. Check the page, then try again.");
  assert.equal(w.EMM.isBusy(root), false);
});

test("action: an onSuccess or onError that throws does not stall the taps waiting after it", async () => {
  /* review js2: the queue moved on only when the page's handler returned; one that threw left every later tap
     "Waiting for the previous request" for good */
  for (const outcome of [response(200, {}), response(400, {error: "missing_answers", message: "No."})]) {
    const {fetch, calls} = pendingFetch();
    const w = setup({fetch});
    const {root, button} = block();
    const save = el("button", {type: "button"}, ["Save draft"]);
    root.querySelector("form").appendChild(save);
    const boom = () => { throw new Error("the page's handler failed"); };
    const first = w.EMM.action(runtime, root, "save_draft", {}, {button: save, onSuccess: boom, onError: boom});
    const second = w.EMM.action(runtime, root, "submit", {answers: {q1: "a"}}, {button});
    calls[0].resolve(outcome);
    await assert.rejects(first, /the page's handler failed/);
    await new Promise((r) => setImmediate(r));
    assert.equal(calls.length, 2, "the waiting tap is sent");
    assert.equal(calls[1].url, "/handler/u1/submit");
    calls[1].resolve(response(200, {}));
    assert.equal(await second, true);
    assert.equal(w.EMM.isBusy(root), false);
  }
});

test("action: after a refusal that closes writes (due date, staff as a learner), the taps waiting are not sent", async () => {
  /* review js2: the waiting tap's button was enabled again and the tap sent, refused a second time */
  for (const code of ["past_due", "read_only_masquerade"]) {
    const {fetch, calls} = pendingFetch();
    const w = setup({fetch});
    const {root, button, alertBox} = block();
    const save = el("button", {type: "button"}, ["Save draft"]);
    root.querySelector("form").appendChild(save);
    const said = [];
    const first = w.EMM.action(runtime, root, "save_draft", {}, {button: save});
    const second = w.EMM.action(runtime, root, "submit", {answers: {q1: "a"}}, {button});
    w.timers.runAll();
    calls[0].resolve(response(403, {error: code, message: "Closed."}));
    assert.equal(await first, false);
    assert.equal(await second, false, "not sent");
    w.timers.runAll();
    said.push(alertBox.textContent);
    assert.equal(calls.length, 1, "one request: the refused one");
    assert.deepEqual(said, ["Closed."], "one alert: the refusal, which says why");
    assert.equal(button.disabled, true, "the waiting tap's button stays disabled, as the refused one's");
    assert.equal(save.disabled, true);
    assert.equal(button.hasAttribute("aria-busy"), false);
    assert.equal(button.nextSibling, save, "its 'Waiting for the previous request' is gone");
    assert.equal(w.EMM.isBusy(root), false);
  }
});

test("action: a waiting tap its page says the reply made moot (`moot`) is dropped without a word", async () => {
  /* review js2: "Save draft" tapped while a Submit was on its way that went said "Not sent: the page changed" under
     the feedback; the submit carried the same answers */
  const {fetch, calls} = pendingFetch();
  const w = setup({fetch});
  const {root, button, alertBox} = block();
  const save = el("button", {type: "button"}, ["Save draft"]);
  const actions = el("div", {}, [save]);
  root.querySelector("form").appendChild(actions);
  let submitted = false;
  const first = w.EMM.action(runtime, root, "submit", {answers: {q1: "a"}}, {button, onSuccess: () => {
    submitted = true;
    actions.setAttribute("hidden", "");
  }});
  const second = w.EMM.action(runtime, root, "save_draft", {answers: {q1: "a"}}, {button: save, moot: () => submitted});
  calls[0].resolve(response(200, {}));
  assert.equal(await first, true);
  assert.equal(await second, false);
  w.timers.runAll();
  assert.equal(calls.length, 1, "not sent");
  assert.equal(alertBox.hidden, true, "nothing said: there is nothing to try again");
  assert.equal(w.EMM.isBusy(root), false);
});

test("action: the server's message is shown and announced in the block's alert, the code reaches onError", async () => {
  const {fetch, calls} = pendingFetch();
  const w = setup({fetch});
  const {root, button, alertBox} = block();
  let got = null;
  const done = w.EMM.action(runtime, root, "submit", {}, {button, onError: (err) => { got = err; }});
  calls[0].resolve(response(409, {error: "already_submitted", message: "Vous avez déjà répondu."}));
  assert.equal(await done, false);
  assert.equal(got.error, w.EMM.CODES.ALREADY_SUBMITTED);
  assert.equal(button.disabled, false);
  assert.equal(button.hasAttribute("aria-busy"), false);
  assert.equal(alertBox.hidden, false);
  w.timers.runAll();  /* EMM.say sets the text in a fresh node a moment later, so it is read out again */
  assert.equal(alertBox.textContent, "Vous avez déjà répondu.");
});

test("action: when writing is closed (past the due date, staff viewing as a learner) the button stays off beside the reason", async () => {
  for (const code of ["past_due", "read_only_masquerade"]) {
    const {fetch, calls} = pendingFetch();
    const w = setup({fetch});
    const {root, button, alertBox} = block();
    const done = w.EMM.action(runtime, root, "submit", {}, {button});
    calls[0].resolve(response(403, {error: code, message: "Closed."}));
    assert.equal(await done, false);
    assert.equal(button.disabled, true, code);
    assert.equal(button.hasAttribute("aria-busy"), false);
    w.timers.runAll();
    assert.equal(alertBox.textContent, "Closed.");
  }
});

test("action: when the server cannot be reached the learner reads it in their language", async () => {
  const w = setup();  /* fetch rejects, as the browser's does offline */
  w.EmmXBlocksCatalogs = [{plural: (n) => Number(n !== 1), strings: {
    "No connection: your answers are still on this page. Check your connection and try again.":
      "Sin conexión: sus respuestas siguen en esta página."}}];
  const {root, button, alertBox} = block();
  const codes = [];
  assert.equal(await w.EMM.action(runtime, root, "submit", {}, {button, onError: (e) => codes.push(e.error)}), false);
  w.timers.runAll();
  assert.equal(alertBox.textContent, "Sin conexión: sus respuestas siguen en esta página.");
  assert.deepEqual(codes, [w.EMM.LOCAL_CODES.NETWORK]);
  assert.equal(button.disabled, false);
});

test("action: a staff action says its own words when offline, never the learner's 'your answers'", async () => {
  const w = setup();
  const {root, button, alertBox} = block();
  const codes = [];
  const done = w.EMM.action(runtime, root, "answers_by_day", {}, {
    button, offline: "No connection: the answers by day could not be shown.", onError: (e) => codes.push(e.error)});
  assert.equal(await done, false);
  w.timers.runAll();
  assert.equal(alertBox.textContent, "No connection: the answers by day could not be shown.");
  assert.deepEqual(codes, [w.EMM.LOCAL_CODES.NETWORK]);  /* still a lost request: kept and sent again as one */
  /* a refusal from the server keeps the server's words */
  const {fetch, calls} = pendingFetch();
  const w2 = setup({fetch});
  const b2 = block();
  const refused = w2.EMM.action(runtime, b2.root, "answers_by_day", {}, {button: b2.button, offline: "Offline."});
  calls[0].resolve(response(403, {error: "forbidden", message: "Course staff only."}));
  assert.equal(await refused, false);
  w2.timers.runAll();
  assert.equal(b2.alertBox.textContent, "Course staff only.");
});

// ---------------------------------------------------------------- server HTML
test("setServerHtml parses apart from the page, drops scripts and on* handlers, moves the nodes in", () => {
  const w = setup();
  const parsed = [];
  /* what DOMParser gives for the panel below (the real parsing is Chromium's: tests/browser) */
  w.DOMParser = class {
    parseFromString(text, type) {
      parsed.push([text, type]);
      if (text === "<!DOCTYPE html><body>") { return {body: el("body")}; }
      return {body: el("body", {}, [
        el("h4", {tabindex: "-1", "data-focus": ""}, ["Step 2"]),
        el("script", {}, ["window.pwned = 1"]),
        el("p", {}, [el("img", {src: "x.png", onerror: "pwned()", OnLoad: "pwned()", alt: "a"}), "text"]),
      ])};
    }
  };
  const container = el("div", {"data-panel": ""}, [el("p", {}, ["old panel"])]);
  const html = "<h4 tabindex=\"-1\" data-focus>Step 2</h4><script>window.pwned = 1</script><p><img src=x.png onerror=pwned() alt=a>text</p>";
  assert.equal(w.EMM.setServerHtml(container, html), container);
  assert.deepEqual(parsed, [["<!DOCTYPE html><body>" + html, "text/html"]]);
  assert.deepEqual(container.children.map((c) => c.tagName), ["H4", "P"]);
  assert.equal(container.textContent, "Step 2text");
  const img = container.querySelector("img");
  assert.deepEqual(img.attributes.map((a) => a.name), ["src", "alt"]);
  w.EMM.setServerHtml(container, "");
  assert.equal(container.childNodes.length, 0, "nothing left of the previous panel");
});

// ---------------------------------------------------------------- marks of the items needing attention
/* an item as the pages write it: a fieldset named by `attr`, its radios, its hidden message slot */
function item(attr, id) {
  return el("fieldset", {[attr]: id}, [el("input", {type: "radio", id: id + "-1"}), el("input", {type: "radio", id: id + "-2"}),
    el("p", {id: id + "-error", "data-error-for": id, hidden: ""})]);
}

test("mark: the items said under the attribute given are marked, the focus in the first; the others cleared", () => {
  const w = setup();
  const {FakeElement} = require("./fake-dom");
  const question = item("data-question", "b");
  const root = el("div", {}, [item("data-statement", "a"), item("data-statement", "b"), item("data-statement", "c"), question]);
  const fieldset = (id) => root.querySelector(`[data-statement=${id}]`);
  const said = Object.create(null);
  said.b = "Please choose an answer.";
  said.c = "Please choose an answer.";
  FakeElement.focused = null;
  assert.equal(w.EMM.mark(root, "data-statement", said, true), 2);
  assert.equal(FakeElement.focused, fieldset("b").querySelector("input"), "the first marked, in the form's order");
  assert.deepEqual(["a", "b", "c"].map((id) => [fieldset(id).classList.contains("emm-invalid"),
    fieldset(id).querySelector("[data-error-for]").textContent, fieldset(id).querySelector("[data-error-for]").hidden,
    fieldset(id).getAttribute("aria-describedby")]),
  [[false, "", true, null], [true, "Please choose an answer.", false, "b-error"], [true, "Please choose an answer.", false, "c-error"]]);
  const invalid = (id) => fieldset(id).querySelectorAll("input").map((c) => c.getAttribute("aria-invalid"));
  assert.deepEqual(["a", "b", "c"].map(invalid), [[null, null], ["true", "true"], ["true", "true"]],
    "a screen reader says each control of a marked item is invalid");
  const described = (id) => fieldset(id).querySelectorAll("input").map((c) => c.getAttribute("aria-describedby"));
  assert.deepEqual(["a", "b"].map(described), [[null, null], ["b-error", "b-error"]],
    "each control is described by the message: read at the control a screen reader focuses (trial s35)");
  const own = fieldset("c").querySelector("input");
  own.setAttribute("aria-describedby", "c-count");  /* a control's own description (a word count) stays */
  w.EMM.mark(root, "data-statement", said, false);
  assert.equal(own.getAttribute("aria-describedby"), "c-error c-count");
  assert.equal(question.classList.contains("emm-invalid"), false, "another attribute's items are not touched");
  assert.equal(question.querySelector("[data-error-for]").hidden, true);

  // a server's refusal, no focus asked: c alone, b cleared, the focus left where it was
  const kept = FakeElement.focused;
  assert.equal(w.EMM.mark(root, "data-statement", {c: "Refused."}, false), 1);
  assert.equal(FakeElement.focused, kept);
  assert.equal(fieldset("b").classList.contains("emm-invalid"), false);
  assert.equal(fieldset("b").querySelector("[data-error-for]").hidden, true);
  assert.equal(fieldset("b").getAttribute("aria-describedby"), null);
  assert.deepEqual(invalid("b"), [null, null], "cleared with its message");
  assert.deepEqual(described("b"), [null, null], "and no longer described by it");
  assert.equal(fieldset("c").querySelector("[data-error-for]").textContent, "Refused.");
  const over = fieldset("c").querySelector("input");
  over.emmOver = true; // a text over its limit (emm-forms.js) keeps that mark when the item's is cleared
  assert.equal(w.EMM.mark(root, "data-statement", {}, true), 0);
  assert.equal(root.querySelectorAll(".emm-invalid").length, 0);
  assert.deepEqual(invalid("c"), ["true", null]);
  assert.equal(own.getAttribute("aria-describedby"), "c-count", "its own description kept");
  assert.equal(FakeElement.focused, kept, "nothing marked: the focus stays");
});

// ---------------------------------------------------------------- numbers per locale (CLDR through Intl)
test("numbers follow the locale as the server's Babel writes them", () => {
  const w = setup();
  assert.equal(w.EMM.number(3.8333, "fr"), "3,83");
  assert.equal(w.EMM.number(3.8333, "en"), "3.83");
  assert.equal(w.EMM.number(2, "fr", 0), "2", "no trailing zero");
  assert.equal(w.EMM.number(2736, "es", 0), "2736", "CLDR groups four digits not in Spain's Spanish (common/numbers.py)");
  assert.equal(w.EMM.number(12736, "es", 0), "12.736");
});

test("counts are written in the block's language, with the Latin digits the server's Babel writes", () => {
  const w = setup();
  const block = el("div", {class: "emm", lang: "fr"}, [el("p")]);
  assert.equal(w.EMM.count(12345, block.firstChild), "12\u202f345", "the lang of the block, a narrow no-break space");
  assert.equal(w.EMM.count(3, el("div", {class: "emm", lang: "ar-EG"})), "3", "not \u0663: Babel has Latin digits only");
  assert.equal(w.EMM.number(1234.5, "ar-EG"), "1,234.5");
});

test("plurals: negative and decimal numbers take CLDR's form, not gettext's formula on the raw value", () => {
  const w = setup();
  const FR_PLURAL = (n) => Number(n > 1);
  w.EmmXBlocksCatalogs = [{plural: FR_PLURAL, strings: {"{n} point": ["{n} point", "{n} points"]}}];
  assert.equal(w.EMM.pluralN(-2, "fr"), 2);
  assert.equal(w.EMM.pluralN(1.5, "fr"), 0, "1,5 is 'one' in French");
  assert.equal(w.EMM.pluralN(1.5, "en"), 0, "1.5 is 'other' in English, as 0 is");
  assert.equal(w.EMM.pluralN(1.5, "ar"), 100, "1.5 is 'other' in Arabic: 100 is its first whole number");
  assert.equal(w.EMM.ngettext("{n} point", "{n} points", -2), "{n} points");
  assert.equal(w.EMM.ngettext("{n} point", "{n} points", 3), "{n} points");
  assert.equal(w.EMM.ngettext("{n} point", "{n} points", 1), "{n} point");
});

// ---------------------------------------------------------------- the page before its script
test("EMM.ready: what waited for the script works, a button disabled for another reason stays so", () => {
  const w = setup();
  const submit = el("button", {type: "submit", "data-wait": "", disabled: ""});
  submit.disabled = true;
  const readOnly = el("button", {type: "button", disabled: ""});
  readOnly.disabled = true;  /* past the due date, or staff viewing as a learner: no data-wait */
  const note = el("p", {class: "emm-wait", "data-wait": "", hidden: ""});
  const root = el("div", {}, [el("form", {}, [submit, readOnly]), note]);
  w.EMM.ready(root);
  assert.equal(submit.disabled, false);
  assert.equal(readOnly.disabled, true);
  assert.equal(root.querySelectorAll("[data-wait]").length, 0, "the stylesheet shows the note by this mark");
  assert.equal(note.hidden, true);
});

test("whileReading: the block is busy until every state read it counts is back", async () => {
  const w = setup();
  const {root} = block();
  const reads = [0, 1].map(() => { let answer; const p = new Promise((resolve) => { answer = resolve; }); return {p, answer}; });
  const first = w.EMM.whileReading(root, reads[0].p), second = w.EMM.whileReading(root, reads[1].p);
  assert.equal(w.EMM.isSending(root), false);
  assert.equal(w.EMM.isBusy(root), true);  /* the page is about to be drawn anew: EMM.ask waits for it */
  reads[0].answer({n: 1});
  assert.deepEqual(await first, {n: 1});  /* what the read answered, passed on */
  assert.equal(w.EMM.isBusy(root), true);  /* the other read is still out (review s38: one cleared both) */
  reads[1].answer({});
  await second;
  assert.equal(w.EMM.isBusy(root), false);
});
