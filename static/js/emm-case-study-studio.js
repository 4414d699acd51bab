/* emm_case_study Studio editor: a form for the whole case (lists of sections, documents, images,
   questions with their options or key points), checked live by the server's own validators
   (studio_validate) and saved with studio_submit. Each server problem names a field path such
   as "questions.2.options.1.text"; the form finds the field of that path and shows the message
   next to it. An "Edit as JSON" panel exchanges the same data as the form. */
function EmmCaseStudyEditor(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var root = EMM.root(element).querySelector(".emm-case-editor") || EMM.root(element);
  var form = root.querySelector("form");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var uid = 0, timer = null, seq = 0;
  var CHOICE = ["single", "multiple"];

  /* what each kind of row holds: fields ({key, label, type}) and nested lists ({list}) */
  var ROWS = {
    sections: {name: _("Section {n}"), fields: [
      {key: "title", label: _("Title"), type: "text"},
      {key: "html", label: _("Text (HTML)"), type: "html"}]},
    documents: {name: _("Document {n}"), fields: [
      {key: "title", label: _("Title"), type: "text"},
      {key: "url", label: _("Web address or course file (/static/...)"), type: "url"},
      {key: "size", label: _("File size, as learners should see it (e.g. 1.2 MB)"), type: "text"},
      {key: "excerpt", label: _("Excerpt to read in the page (HTML, optional)"), type: "html"}]},
    images: {name: _("Image {n}"), fields: [
      {key: "src", label: _("Image address or course file (/static/...)"), type: "url"},
      {key: "alt", label: _("Alternative text (required): what the image shows"), type: "text"},
      {key: "caption", label: _("Caption (optional)"), type: "text"}]},
    questions: {name: _("Question {n}"), fields: [
      {key: "kind", label: _("Question type"), type: "select", choices: args.kinds},
      {key: "prompt", label: _("Question (HTML)"), type: "html"},
      {key: "id", label: _("Id (letters, digits, - and _; used in reports)"), type: "id"},
      {key: "points", label: _("Points"), type: "number"},
      {key: "partial_credit", label: _("Partial credit (otherwise all or nothing)"), type: "checkbox",
        kinds: ["multiple"]},
      {list: "options", legend: _("Options"), add: _("Add an option"), kinds: CHOICE},
      {key: "min_words", label: _("Minimum words"), type: "number", kinds: ["reflection"]},
      {key: "max_words", label: _("Maximum words (0: no limit)"), type: "number", kinds: ["reflection"]},
      {key: "model_answer", label: _("Model answer (HTML)"), type: "html", kinds: ["reflection"]},
      {list: "key_points", legend: _("Key points of the model answer"), add: _("Add a key point"),
        kinds: ["reflection"]},
      {key: "explanation", label: _("Explanation, shown after submitting (HTML)"), type: "html"}]},
    options: {name: _("Option {n}"), fields: [
      {key: "text", label: _("Option text"), type: "text"},
      {key: "correct", label: _("Correct answer"), type: "checkbox"},
      {key: "feedback", label: _("Feedback when chosen (optional)"), type: "text"},
      {key: "id", label: _("Id (letters, digits, - and _; used in reports)"), type: "id"}]},
    key_points: {name: _("Key point {n}"), fields: [
      {key: "text", label: _("Key point"), type: "text"},
      {key: "id", label: _("Id (letters, digits, - and _; used in reports)"), type: "id"}]}
  };
  var PREFIX = {questions: "q", options: "o", key_points: "k"};

  function errorSlot(key, id) {
    return el("span", {class: "emm-field-error", id: id, "data-error-key": key});
  }

  function control(spec, value) {
    var id = "emm-cs-ed-" + (uid += 1), err = id + "-err", node;
    if (spec.type === "checkbox") {
      node = el("input", {id: id, type: "checkbox", "data-key": spec.key, "aria-describedby": err});
      node.checked = value === true;
      return el("p", {class: "emm-check"}, [node, el("label", {for: id, text: spec.label}), errorSlot(spec.key, err)]);
    }
    if (spec.type === "select") {
      node = el("select", {id: id, "data-key": spec.key, "aria-describedby": err}, Object.keys(spec.choices)
        .map(function (k) { return el("option", {value: k, text: spec.choices[k]}); }));
    } else if (spec.type === "html") {
      node = el("textarea", {id: id, "data-key": spec.key, rows: "4", "aria-describedby": err});
    } else {
      node = el("input", {id: id, "data-key": spec.key, "aria-describedby": err,
        type: spec.type === "number" ? "number" : "text", inputmode: spec.type === "number" ? "decimal" : null,
        step: spec.type === "number" ? "any" : null, dir: spec.type === "url" || spec.type === "id" ? "ltr" : null,
        maxlength: spec.type === "id" ? "50" : null});
    }
    node.value = value === undefined || value === null ? "" : String(value);
    var wrap = el("p", {class: "emm-field" + (spec.type === "id" || spec.type === "number" ? " emm-ed-short" : "")},
      [el("label", {for: id, text: spec.label}), node, errorSlot(spec.key, err)]);
    return wrap;
  }

  function listBlock(spec, items) {
    var ol = el("ol", {class: "emm-ed-list", "data-list": spec.list});
    (items || []).forEach(function (item) { ol.appendChild(row(spec.list, item)); });
    return el("fieldset", {class: "emm-ed-sublist"}, [el("legend", {text: spec.legend}),
      el("p", {class: "emm-field-error", "data-error-key": spec.list}), ol,
      el("button", {type: "button", class: "emm-button", "data-add": spec.list, text: spec.add})]);
  }

  function row(kind, data) {
    data = data || {};
    var fs = el("fieldset", {class: "emm-ed-row"}, [el("legend", {"data-legend": ""})]);
    ROWS[kind].fields.forEach(function (spec) {
      var part = spec.list ? listBlock(spec, data[spec.list]) : control(spec, data[spec.key]);
      if (spec.kinds) { part.setAttribute("data-kinds", spec.kinds.join(" ")); }
      fs.appendChild(part);
    });
    /* "Move up" and the row's name for screen readers ("Move up Question 2"), set by renumber() */
    function action(act, label, danger) {
      return el("button", {type: "button", class: "emm-button" + (danger ? " emm-danger" : ""), "data-act": act},
        [label, el("span", {class: "emm-sr", "data-row-name": ""})]);
    }
    fs.appendChild(el("p", {class: "emm-row-actions"}, [action("up", _("Move up")), action("down", _("Move down")),
      action("remove", _("Remove"), true)]));
    var li = el("li", {class: "emm-ed-item", "data-item": kind}, [fs]);
    if (kind === "questions") { showKind(li); }
    return li;
  }

  /* the item (row) a node belongs to, or the form for top-level fields */
  function owner(node) { return node.parentNode.closest("[data-item]") || form; }
  function inHiddenPart(node, scope) {
    var part = node.closest("[data-kinds]");
    return !!(part && part.hidden && scope.contains(part));
  }
  function items(list) { return Array.prototype.slice.call(list.children); }

  function showKind(li) {
    var kind = li.querySelector("[data-key=kind]").value;
    li.querySelectorAll("[data-kinds]").forEach(function (part) {
      if (owner(part) === li) { part.hidden = part.getAttribute("data-kinds").split(" ").indexOf(kind) === -1; }
    });
  }

  function value(node) {
    if (node.type === "checkbox") { return node.checked; }
    if (node.hasAttribute("data-lines")) {
      return node.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
    }
    return node.value;
  }

  function read(scope) {
    var data = {};
    scope.querySelectorAll("[data-key]").forEach(function (node) {
      if (owner(node) === scope && !inHiddenPart(node, scope)) { data[node.getAttribute("data-key")] = value(node); }
    });
    scope.querySelectorAll("[data-list]").forEach(function (list) {
      if (owner(list) === scope && !inHiddenPart(list, scope)) {
        data[list.getAttribute("data-list")] = items(list).map(read);
      }
    });
    return data;
  }

  /* "questions.2.options.1.text" for a node inside the third question's second option */
  function pathOf(node) {
    var parts = [];
    for (var n = node.parentNode.closest("[data-item]"); n; n = n.parentNode.closest("[data-item]")) {
      parts.unshift(n.parentNode.getAttribute("data-list") + "." + items(n.parentNode).indexOf(n));
    }
    return parts;
  }
  function fieldPath(node, attr) {
    var key = node.getAttribute(attr);
    return pathOf(node).concat(key ? [key] : []).join(".");
  }

  function renumber() {
    form.querySelectorAll("[data-list]").forEach(function (list) {
      items(list).forEach(function (li, i) {
        var name = EMM.format(ROWS[list.getAttribute("data-list")].name, {n: i + 1});
        li.querySelector("[data-legend]").textContent = name;
        li.querySelectorAll(":scope > fieldset > .emm-row-actions [data-row-name]").forEach(function (span) {
          span.textContent = " " + name;
        });
      });
    });
  }

  function clearProblems() {
    form.querySelectorAll("[data-error-key]").forEach(function (slot) {
      slot.textContent = "";
      slot.classList.remove("emm-warning-text");
      slot.removeAttribute("data-blocking");
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
  }

  /* problems: [{field: "questions.0.options", message, error}] from the server's validators */
  function showProblems(problems) {
    clearProblems();
    var slots = {}, controls = {};
    form.querySelectorAll("[data-error-key]").forEach(function (s) { slots[fieldPath(s, "data-error-key")] = s; });
    form.querySelectorAll("[data-key]").forEach(function (c) { controls[fieldPath(c, "data-key")] = c; });
    (problems || []).forEach(function (p) {
      var path = p.field || "", slot = slots[path];
      while (!slot && path) {
        path = path.indexOf(".") === -1 ? "" : path.slice(0, path.lastIndexOf("."));
        slot = slots[path];
      }
      if (!slot) { return; }
      slot.textContent = slot.textContent ? slot.textContent + " " + p.message : p.message;
      if (p.error === false) {
        if (!slot.hasAttribute("data-blocking")) { slot.classList.add("emm-warning-text"); }
      } else {
        slot.setAttribute("data-blocking", "");
        slot.classList.remove("emm-warning-text");
        if (controls[p.field]) { controls[p.field].setAttribute("aria-invalid", "true"); }
      }
    });
  }

  function check() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var mine = (seq += 1);
      EMM.post(runtime, element, "studio_validate", read(form)).then(function (body) {
        if (mine === seq) { showProblems(body.problems); }
      }, function () { /* checking is a help; saving reports errors */ });
    }, 400);
  }

  function load(data) {
    form.querySelectorAll("[data-key]").forEach(function (node) {
      if (owner(node) !== form) { return; }
      var v = data[node.getAttribute("data-key")];
      if (node.type === "checkbox") { node.checked = v === true; }
      else if (node.hasAttribute("data-lines")) { node.value = (v || []).join("\n"); }
      else { node.value = v === undefined || v === null ? "" : String(v); }
    });
    form.querySelectorAll("[data-list]").forEach(function (list) {
      if (owner(list) !== form) { return; }
      var name = list.getAttribute("data-list");
      list.replaceChildren.apply(list, (data[name] || []).map(function (item) { return row(name, item); }));
    });
    renumber();
  }

  function nextId(list) {
    var prefix = PREFIX[list.getAttribute("data-list")], used = {}, n = 1;
    items(list).forEach(function (li) {
      var id = li.querySelector("[data-key=id]");
      if (id && owner(id) === li) { used[id.value] = true; }
    });
    while (used[prefix + n]) { n += 1; }
    return prefix + n;
  }

  function firstControl(li) { return li.querySelector("input, textarea, select"); }

  function add(list) {
    var name = list.getAttribute("data-list"), data = {};
    if (PREFIX[name]) { data.id = nextId(list); }
    if (name === "questions") { data = {id: data.id, kind: "single", points: 1, min_words: 0, max_words: 0}; }
    var li = row(name, data);
    list.appendChild(li);
    if (name === "questions") {
      var options = li.querySelector("[data-list=options]");
      options.appendChild(row("options", {id: nextId(options)}));
      options.appendChild(row("options", {id: nextId(options)}));
    }
    renumber();
    (li.querySelector("[data-key=prompt]") || firstControl(li)).focus();
    EMM.say(status, EMM.format(_("{item} added."), {item: li.querySelector("[data-legend]").textContent}));
    check();
  }

  function act(button, li) {
    var list = li.parentNode, name = li.querySelector("[data-legend]").textContent;
    var what = button.getAttribute("data-act");
    if (what === "remove") {
      var next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      renumber();
      (next ? firstControl(next) : list.parentNode.querySelector("[data-add]")).focus();
      EMM.say(status, EMM.format(_("{item} removed."), {item: name}));
    } else {
      var up = what === "up", other = up ? li.previousElementSibling : li.nextElementSibling;
      if (!other) { return; }
      list.insertBefore(li, up ? other : other.nextElementSibling);
      renumber();
      button.focus();
      EMM.say(status, EMM.format(up ? _("Moved up: now {item}.") : _("Moved down: now {item}."),
        {item: li.querySelector("[data-legend]").textContent}));
    }
    check();
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !form.contains(button)) { return; }
    if (button.hasAttribute("data-add")) {
      add(button.parentNode.querySelector("[data-list=\"" + button.getAttribute("data-add") + "\"]"));
    } else if (button.hasAttribute("data-act")) {
      act(button, button.closest("[data-item]"));
    }
  });
  form.addEventListener("input", function (event) { if (!event.target.hasAttribute("data-json")) { check(); } });
  form.addEventListener("change", function (event) {
    if (event.target.getAttribute("data-key") === "kind") { showKind(event.target.closest("[data-item]")); }
    if (!event.target.hasAttribute("data-json")) { check(); }
  });

  /* Edit as JSON: the same data as the form, both ways */
  var jsonTab = root.querySelector("[data-json-tab]"), jsonArea = root.querySelector("[data-json]");
  jsonTab.addEventListener("toggle", function () {
    if (jsonTab.open) { jsonArea.value = JSON.stringify(read(form), null, 2); }
  });
  root.querySelector("[data-json-apply]").addEventListener("click", function () {
    var data;
    try { data = JSON.parse(jsonArea.value); } catch (e) { data = null; }
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      EMM.say(alertBox, _("The content is not valid JSON."));
      return;
    }
    EMM.clear(alertBox, true);
    load(data);
    EMM.say(status, _("The form now shows the JSON."));
    check();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    seq += 1;  /* a check still on its way must not overwrite what the save says */
    EMM.clear(alertBox, true);
    if (runtime.notify) { runtime.notify("save", {state: "start"}); }
    EMM.post(runtime, element, "studio_submit", read(form)).then(function (body) {
      showProblems(body.warnings);
      EMM.say(status, _("Saved."));
      if (runtime.notify) { runtime.notify("save", {state: "end"}); }
    }, function (err) {
      showProblems(err.problems);
      EMM.say(alertBox, err.message);
      /* focus the field of the first error (or the first field of the list it is about) */
      var slot = form.querySelector("[data-blocking]");
      var target = slot && slot.parentNode.querySelector("[aria-invalid], input, select, textarea");
      if (target) { target.focus(); }
      if (runtime.notify) { runtime.notify("error", {title: _("Not saved"), message: err.message}); }
    });
  });
  root.querySelector("[data-cancel]").addEventListener("click", function () {
    if (runtime.notify) { runtime.notify("cancel", {}); }
  });

  load(args.case);
}
