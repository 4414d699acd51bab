/* A very small stand-in for the browser, enough for the shared helpers in static/js/emm-common.js
   under Node's test runner (which has no DOM): elements with attributes, children, text and the
   few methods the helpers call, a document, timers run by hand, and a loader that runs a
   static/js file as the browser does (a plain script whose `window` and `document` are these).
   It follows the DOM standard (https://dom.spec.whatwg.org/) for the methods it has; what needs
   a real browser (HTML parsing, focus, layout) is tested in tests/browser/ with Chromium. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

class FakeText {
  constructor(text) { this.nodeType = 3; this.data = String(text); this.parentNode = null; }
  get textContent() { return this.data; }
  set textContent(value) { this.data = String(value); }
  remove() { if (this.parentNode) { this.parentNode.removeChild(this); } }
}

class FakeElement {
  constructor(tag) {
    this.nodeType = 1;
    this.tagName = String(tag).toUpperCase();
    this.childNodes = [];
    this.parentNode = null;
    this._attrs = new Map();
    this._listeners = {};
    this.disabled = false;
  }

  /* events: listeners run in order; fire() hands them a minimal event */
  addEventListener(type, fn) { (this._listeners[type] = this._listeners[type] || []).push(fn); }
  fire(type, props = {}) {
    const event = Object.assign({type, target: this, defaultPrevented: false,
      preventDefault() { this.defaultPrevented = true; }}, props);
    for (let node = this; node; node = node.parentNode) {
      (node._listeners && node._listeners[type] || []).forEach((fn) => fn(event));
    }
    return event;
  }
  focus() { FakeElement.focused = this; }
  get type() { return this.getAttribute("type") || ""; }
  get classList() {
    const names = () => this.className.split(/\s+/).filter(Boolean);
    return {
      add: (c) => { if (!names().includes(c)) { this.className = names().concat([c]).join(" "); } },
      remove: (c) => { this.className = names().filter((n) => n !== c).join(" "); },
      contains: (c) => names().includes(c),
      toggle: (c, on) => { if (on === undefined ? !names().includes(c) : on) { this.classList.add(c); } else { this.classList.remove(c); } },
    };
  }

  /* attributes */
  get attributes() { return Array.from(this._attrs, ([name, value]) => ({name, value})); }
  setAttribute(name, value) { this._attrs.set(String(name).toLowerCase(), String(value)); }
  getAttribute(name) { const v = this._attrs.get(String(name).toLowerCase()); return v === undefined ? null : v; }
  hasAttribute(name) { return this._attrs.has(String(name).toLowerCase()); }
  removeAttribute(name) { this._attrs.delete(String(name).toLowerCase()); }
  get id() { return this.getAttribute("id") || ""; }
  set id(value) { this.setAttribute("id", value); }
  get className() { return this.getAttribute("class") || ""; }
  set className(value) { this.setAttribute("class", value); }
  get hidden() { return this.hasAttribute("hidden"); }
  set hidden(value) { if (value) { this.setAttribute("hidden", ""); } else { this.removeAttribute("hidden"); } }

  /* tree */
  get firstChild() { return this.childNodes[0] || null; }
  get children() { return this.childNodes.filter((n) => n.nodeType === 1); }
  get nextSibling() {
    if (!this.parentNode) { return null; }
    const siblings = this.parentNode.childNodes;
    return siblings[siblings.indexOf(this) + 1] || null;
  }
  appendChild(node) {
    if (node.nodeType === 11) { node.childNodes.slice().forEach((c) => this.appendChild(c)); return node; }
    if (node.parentNode) { node.parentNode.removeChild(node); }
    node.parentNode = this;
    this.childNodes.push(node);
    return node;
  }
  insertBefore(node, ref) {
    if (!ref) { return this.appendChild(node); }
    if (node.parentNode) { node.parentNode.removeChild(node); }
    node.parentNode = this;
    this.childNodes.splice(this.childNodes.indexOf(ref), 0, node);
    return node;
  }
  removeChild(node) {
    const at = this.childNodes.indexOf(node);
    if (at < 0) { throw new Error("NotFoundError: not a child"); }
    this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  }
  remove() { if (this.parentNode) { this.parentNode.removeChild(this); } }
  get previousElementSibling() {
    if (!this.parentNode) { return null; }
    const siblings = this.parentNode.children;
    return siblings[siblings.indexOf(this) - 1] || null;
  }
  get nextElementSibling() {
    if (!this.parentNode) { return null; }
    const siblings = this.parentNode.children;
    return siblings[siblings.indexOf(this) + 1] || null;
  }
  contains(node) { for (let n = node; n; n = n.parentNode) { if (n === this) { return true; } } return false; }
  closest(selector) { for (let n = this; n && n.nodeType === 1; n = n.parentNode) { if (n.matches(selector)) { return n; } } return null; }
  replaceChildren(...nodes) {
    this.childNodes.slice().forEach((c) => this.removeChild(c));
    nodes.forEach((n) => this.appendChild(typeof n === "string" ? new FakeText(n) : n));
  }
  insertAdjacentElement(where, node) {
    if (where !== "afterend") { throw new Error("fake-dom: only afterend"); }
    this.parentNode.insertBefore(node, this.nextSibling);
    return node;
  }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(""); }
  set textContent(value) {
    this.childNodes.slice().forEach((c) => this.removeChild(c));
    if (value !== "") { this.appendChild(new FakeText(value)); }
  }

  /* selectors: "*", "tag", ".class", "[attr]", "[attr=value]", "tag[attr]" and lists ("a, b") */
  matches(selector) {
    return selector.split(",").some((one) => {
      const m = /^([a-z*]*)(?:\.([a-z-]+))?(?:\[([a-z-]+)(?:="?([^"\]]*)"?)?\])?$/i.exec(one.trim());
      if (!m) { throw new Error("fake-dom: selector not supported: " + selector); }
      const tag = m[1] && m[1] !== "*" ? m[1].toUpperCase() : null;
      return (!tag || this.tagName === tag) && (!m[2] || this.classList.contains(m[2])) &&
        (!m[3] || this.hasAttribute(m[3])) && (m[4] === undefined || this.getAttribute(m[3]) === m[4]);
    });
  }
  querySelectorAll(selector) {
    const found = [];
    const walk = (node) => node.children.forEach((c) => { if (c.matches(selector)) { found.push(c); } walk(c); });
    walk(this);
    return found;
  }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
}

class FakeFragment extends FakeElement {
  constructor() { super("#fragment"); this.nodeType = 11; }
}

/* el("p", {id: "x"}, [children]) */
function el(tag, attrs, children) {
  const node = new FakeElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  (children || []).forEach((c) => node.appendChild(typeof c === "string" ? new FakeText(c) : c));
  return node;
}

/* Timers that run only when the test says so (no waiting, no timed assertions). */
function fakeTimers() {
  let next = 1;
  const pending = new Map();
  return {
    setTimeout(fn, ms) { const id = next++; pending.set(id, {fn, ms}); return id; },
    clearTimeout(id) { pending.delete(id); },
    pending() { return Array.from(pending.values()); },
    runAll() { const due = Array.from(pending.values()); pending.clear(); due.forEach((t) => t.fn()); },
  };
}

/* addEventListener and, for the test, dispatch(type): what window and document need here */
function eventTarget(target) {
  const listeners = {};
  target.addEventListener = (type, fn) => { (listeners[type] = listeners[type] || []).push(fn); };
  target.dispatch = (type) => { (listeners[type] || []).forEach((fn) => fn({type, target})); };
  return target;
}

/* A browser-like global for one test: window, document, timers, navigator.onLine, the events
   window and document fire (`online`, `visibilitychange`: set document.hidden, then dispatch);
   `fetch` answers with `respond`. */
function fakeWindow(opts = {}) {
  const timers = fakeTimers();
  const document = eventTarget({
    hidden: false,
    cookie: opts.cookie || "",
    createElement: (tag) => new FakeElement(tag),
    createTextNode: (text) => new FakeText(text),
    createDocumentFragment: () => new FakeFragment(),
    adoptNode: (node) => { if (node.parentNode) { node.parentNode.removeChild(node); } return node; },
    documentElement: el("html", opts.lang ? {lang: opts.lang} : {}),  /* <html lang>: the page's language */
  });
  const window = eventTarget({
    document,
    navigator: {onLine: true},
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    timers,
    fetch: opts.fetch || (() => Promise.reject(new TypeError("Failed to fetch"))),
  });
  return window;
}

/* Run static/js/<name> as the browser would, with `window` and `document` the fakes. */
/* EMM_JS=min: the copies pages load (static/min/js, decision 69), `make test-js` runs both */
const SCRIPTS = process.env.EMM_JS === "min" ? ["static", "min", "js"] : ["static", "js"];

function load(window, ...names) {
  names.forEach((name) => {
    const file = path.join(__dirname, "..", "..", ...SCRIPTS, name);
    const run = vm.compileFunction(fs.readFileSync(file, "utf8"), ["window", "document"], {filename: file});
    run(window, window.document);
  });
  return window;
}

/* A fetch Response as the browser gives it: ok, status and json() (which fails on non-JSON). */
function response(status, body) {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: () => (typeof body === "string" ? Promise.reject(new SyntaxError("Unexpected token")) : Promise.resolve(body)),
  };
}

module.exports = {FakeElement, FakeText, FakeFragment, el, fakeWindow, fakeTimers, load, response};
