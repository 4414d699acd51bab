/* Unit tests of EMM.ask (static/js/emm-ask.js, node --test): the question asked in the page before
   "Try again", "Start again" or a self-assessment with no key point, instead of window.confirm,
   which a web view without a dialog handler answers "no" without showing anything (the Open edX
   Android app). tests/browser/ drives it in Chromium (case study, role-play). */
"use strict";
const {test} = require("node:test");
const assert = require("node:assert/strict");
const {FakeElement, el, fakeWindow, load} = require("./fake-dom");

function setup() {
  const w = load(fakeWindow(), "emm-common.js", "emm-actions.js", "emm-ask.js");
  w.EmmXBlocksCatalogs = [{strings: {Cancel: "Annuler"}, plural: () => 0}];
  const button = el("button", {type: "button", "data-retry": ""}, ["Réessayer"]);
  const row = el("div", {class: "emm-actions"}, [button]);
  const panel = el("div", {}, [row, el("p", {class: "after"}, ["next"])]);
  let done = 0;
  w.EMM.ask(button, "Commencer votre dernière tentative ?", () => { done += 1; });
  return {w, button, row, panel, done: () => done};
}

test("the question is asked below the button's row, named by its words, its own button focused", () => {
  const {button, row, panel, done} = setup();
  const box = row.nextElementSibling;
  assert.ok(box.classList.contains("emm-ask"));
  assert.equal(box.getAttribute("role"), "group");
  const label = box.querySelector("p");
  assert.equal(box.getAttribute("aria-labelledby"), label.id);
  assert.equal(label.textContent, "Commencer votre dernière tentative ?");
  const yes = box.querySelector("[data-ask-yes]"), no = box.querySelector("[data-ask-no]");
  assert.equal(yes.textContent, "Réessayer");  /* the action's own words, not "OK" */
  assert.equal(no.textContent, "Annuler");  /* translated */
  assert.equal(FakeElement.focused, yes);
  assert.equal(done(), 0);  /* nothing done until answered */
  assert.equal(panel.querySelector("p.after").previousElementSibling, box);
  assert.equal(button.parentNode, row);
});

test("its own button closes it, gives the focus back to the button and does the action once", () => {
  const {button, row, panel, done} = setup();
  row.nextElementSibling.querySelector("[data-ask-yes]").fire("click");
  assert.equal(done(), 1);
  assert.equal(panel.querySelector(".emm-ask"), null);
  assert.equal(FakeElement.focused, button);
});

test("Cancel and Escape close it without doing anything, the focus back on the button", () => {
  for (const how of ["cancel", "escape"]) {
    const {button, row, panel, done} = setup();
    const box = row.nextElementSibling;
    if (how === "cancel") { box.querySelector("[data-ask-no]").fire("click"); }
    else {
      const event = box.querySelector("[data-ask-yes]").fire("keydown", {key: "Escape"});
      assert.equal(event.defaultPrevented, true);
    }
    assert.equal(done(), 0, how);
    assert.equal(panel.querySelector(".emm-ask"), null, how);
    assert.equal(FakeElement.focused, button, how);
  }
});

test("asked again, one question stays, made anew", () => {
  const {w, button, panel} = setup();
  let second = 0;
  w.EMM.ask(button, "Encore ?", () => { second += 1; });
  const boxes = panel.querySelectorAll(".emm-ask");
  assert.equal(boxes.length, 1);
  assert.equal(boxes[0].querySelector("p").textContent, "Encore ?");
  boxes[0].querySelector("[data-ask-yes]").fire("click");
  assert.equal(second, 1);
});

/* asked in a block whose other send (a timed resend) is in flight until `stop()` */
function askedWhileSending(label) {
  const w = load(fakeWindow(), "emm-common.js", "emm-actions.js", "emm-ask.js");
  w.EmmXBlocksCatalogs = [{strings: {}, plural: () => 0}];
  const button = el("button", {type: "button", "data-retry": ""}, [label]);
  const row = el("div", {class: "emm-actions"}, [button]);
  const inner = el("div", {}, [row]);
  const block = el("div", {}, [inner]);
  let sending = true, done = 0;
  w.EMM.isBusy = (b) => b === block && sending;
  w.EMM.ask(button, label + " ?", () => { done += 1; }, {block: block, again: "[data-retry]"});
  const box = row.nextElementSibling;
  return {w, inner, button, box, yes: box.querySelector("[data-ask-yes]"), stop: () => { sending = false; },
    done: () => done};
}

test("answered while the block sends (a timed resend), it waits busy, says so, then acts once", () => {
  const {w, button, box, yes, stop, done} = askedWhileSending("Réessayer");
  yes.fire("click");
  assert.equal(done(), 0);  /* not dropped, not done while the other send is in flight */
  assert.equal(yes.getAttribute("aria-busy"), "true");
  assert.equal(box.querySelector("[data-ask-wait]").textContent, "Waiting for the last exchange with the course to finish…");
  assert.equal(box.querySelector("[data-ask-wait]").getAttribute("role"), "status");
  assert.ok(box.parentNode);  /* still asked */
  yes.fire("click");  /* pressed again while it waits: still once */
  w.timers.runAll();
  assert.equal(done(), 0);
  stop();
  w.timers.runAll();
  assert.equal(done(), 1);
  assert.equal(box.parentNode, null);
  assert.equal(FakeElement.focused, button);
  w.timers.runAll();
  assert.equal(done(), 1);
});

test("waiting, it does nothing once cancelled", () => {
  const {w, box, yes, stop, done} = askedWhileSending("Recommencer");
  yes.fire("click");
  box.querySelector("[data-ask-no]").fire("click");
  stop();
  w.timers.runAll();
  assert.equal(done(), 0);
  assert.equal(box.parentNode, null);
});

test("the block drawn anew while it waited: its new button takes the focus and a line says to press it again", () => {
  const {w, inner, button, box, yes, stop, done} = askedWhileSending("Réessayer");
  w.EmmXBlocksCatalogs = [{strings: {"The page has changed meanwhile: press “{action}” again if you still want to.":
    "La page a changé entre-temps : appuyez de nouveau sur « {action} » si vous le souhaitez toujours."}, plural: () => 0}];
  yes.fire("click");
  /* the feedback drawn anew: the old button and the question gone, a new "Try again" */
  button.isConnected = false;
  box.remove();
  const fresh = el("button", {type: "button", "data-retry": ""}, ["Réessayer"]);
  let pressed = 0;
  fresh.click = () => { pressed += 1; };
  const row = el("div", {class: "emm-actions"}, [fresh]);
  inner.replaceChildren(row);
  stop();
  w.timers.runAll();
  assert.equal(done(), 0);  /* not the old page's action */
  assert.equal(pressed, 0);  /* nor the new one's: the learner decides again, on the page as it is now */
  assert.equal(FakeElement.focused, fresh);
  const note = row.nextElementSibling;
  assert.equal(note.getAttribute("role"), "status");
  assert.equal(note.textContent, "La page a changé entre-temps : appuyez de nouveau sur « Réessayer » si vous le souhaitez toujours.");
  w.EMM.ask(fresh, "Réessayer ?", () => {}, {});  /* asked again: the line goes, the question takes its place */
  assert.equal(inner.querySelectorAll(".emm-ask").length, 1);
  assert.ok(inner.querySelector("[data-ask-yes]"));
});

test("asked again while an earlier answer waits: the earlier one is dropped, never done behind the new question", () => {
  const {w, button, yes, stop, done} = askedWhileSending("Recommencer");
  yes.fire("click");  /* waits */
  let second = 0;
  w.EMM.ask(button, "Recommencer ?", () => { second += 1; }, {});
  const fresh = button.parentNode.nextElementSibling.querySelector("[data-ask-yes]");
  assert.equal(FakeElement.focused, fresh);
  stop();
  w.timers.runAll();
  assert.equal(done(), 0);
  assert.equal(FakeElement.focused, fresh);  /* the focus stays on the question asked now */
  fresh.fire("click");
  assert.equal(second, 1);
});
