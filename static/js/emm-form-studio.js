/* The structured-form Studio editor of the Likert evaluation, the case study, the knowledge check and the
   evaluation report. Each block's template (args.root) draws its settings and lists ([data-list], of ROWS
   below: statements are the Likert's, sections, documents and images the case study's); a part shown for
   one value of a setting only ([data-when="scale=custom"]) and a hint saying what a setting's value stands
   for ([data-preview-of="scale"], args.previews) are drawn there too; args.content fills them, the server's validators
   check them live (studio_validate, each problem naming a field path such as "questions.2.options.1.text"
   shown next to that field), studio_submit saves them. Checking, saving, the rows' buttons and "Edit as
   JSON" (through load) are the editor engine's (emm-editor.js); this file describes the form. */
function EmmFormEditor(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var CHOICE = ["single", "multiple"];

  /* what each kind of row holds: fields ({key, label, type}) and nested lists ({list}) */
  var ROWS = {
    statements: {name: _("Statement {n}"), fields: [
      {key: "text", label: _("Statement"), type: "longtext"},
      {key: "id", label: _("Id (letters, digits, - and _; used in reports)"), type: "id"},
      {key: "reverse", label: _("Reverse-coded (agreeing is unfavourable)"), type: "checkbox"},
      {key: "required", label: _("Required"), type: "checkbox", checked: true}]},
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
      {key: "min_words", label: _("Minimum words"), type: "number", whole: true, kinds: ["reflection"]},
      {key: "max_words", label: _("Maximum words (0: no limit)"), type: "number", whole: true, kinds: ["reflection"]},
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
      {key: "id", label: _("Id (letters, digits, - and _; used in reports)"), type: "id"}]},
    /* the optional participant profile question's answers (common/profile.py) */
    profile_options: {name: _("Profile option {n}"), fields: [
      {key: "text", label: _("Option text"), type: "text"},
      {key: "id", label: _("Id (letters, digits, - and _; used in reports)"), type: "id"}]}
  };
  var PREFIX = {statements: "s", questions: "q", options: "o", key_points: "k", profile_options: "p"};
  /* what a row added by its button holds besides its id */
  var NEW = {statements: {required: true}, questions: {kind: "single", points: 1, min_words: 0, max_words: 0}};

  function errorSlot(key, id) {
    return el("span", {class: "emm-field-error", id: id, "data-error-key": key});
  }

  /* a control's id, unique on the page even with several editors on it (a unit holding two blocks) */
  function nextUid() {
    EmmFormEditor.uids = (EmmFormEditor.uids || 0) + 1;
    return "emm-form-ed-" + EmmFormEditor.uids;
  }

  /* an author's text is written in its own direction (dir="auto": Arabic in a French Studio, or
     French in an Arabic one), an id or an address always left to right */
  function control(spec, value) {
    var id = nextUid(), err = id + "-err", node;
    if (spec.type === "checkbox") {
      node = el("input", {id: id, type: "checkbox", "data-key": spec.key, "aria-describedby": err});
      /* a box ticked unless the data says false (spec.checked: a statement is required unless it
         says not, as the server reads it), else ticked only by true */
      node.checked = spec.checked ? value !== false : value === true;
      return el("p", {class: "emm-check"}, [node, el("label", {for: id, text: spec.label}), errorSlot(spec.key, err)]);
    }
    if (spec.type === "select") {
      node = el("select", {id: id, "data-key": spec.key, "aria-describedby": err}, Object.keys(spec.choices)
        .map(function (k) { return el("option", {value: k, text: spec.choices[k]}); }));
    } else if (spec.type === "html" || spec.type === "longtext") {
      node = el("textarea", {id: id, "data-key": spec.key, rows: spec.type === "html" ? "4" : "2", dir: "auto",
        "aria-describedby": err});
    } else {
      /* a number is text (type="number" dropped the comma of a French "1,5": 15 saved, bug hunt s44): the server reads
         a decimal comma and says what it cannot read; the phone's keyboard is still one for numbers, and it runs left to
         right as an id does (a minus sign before its digits in an Arabic Studio) */
      node = el("input", {id: id, "data-key": spec.key, "aria-describedby": err, type: "text",
        inputmode: spec.type === "number" ? (spec.whole ? "numeric" : "decimal") : null,
        dir: spec.type === "url" || spec.type === "id" || spec.type === "number" ? "ltr" : "auto"});
    }
    node.value = value === undefined || value === null ? "" : String(value);
    var wrap = el("p", {class: "emm-field" + (spec.type === "id" || spec.type === "number" ? " emm-ed-short" : "")},
      [el("label", {for: id, text: spec.label}), node, errorSlot(spec.key, err)]);
    return wrap;
  }

  function listBlock(spec, items) {
    var ol = el("ol", {class: "emm-ed-list", "data-list": spec.list});
    /* JSON typed by hand: a list that is not one, an item that is not an object, read as empty */
    (Array.isArray(items) ? items : []).forEach(function (item) {
      ol.appendChild(row(spec.list, item && typeof item === "object" && !Array.isArray(item) ? item : {}));
    });
    /* the list's own problem ("mark exactly one option as correct") describes its group, heard on entering it */
    var err = nextUid() + "-err";
    return el("fieldset", {class: "emm-ed-sublist", "aria-describedby": err}, [el("legend", {text: spec.legend}),
      el("p", {class: "emm-field-error", id: err, "data-error-key": spec.list}), ol,
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
    function action(attrs, label, danger) {
      attrs.type = "button";
      attrs.class = "emm-button" + (danger ? " emm-danger" : "");
      return el("button", attrs, [label, el("span", {class: "emm-sr", "data-row-name": ""})]);
    }
    fs.appendChild(el("p", {class: "emm-row-actions"}, [action({"data-move": "-1"}, _("Move up")),
      action({"data-move": "1"}, _("Move down")), action({"data-remove": ""}, _("Remove"), true)]));
    var li = el("li", {class: "emm-ed-item", "data-row": kind}, [fs]);
    if (kind === "questions") { showKind(li); }
    return li;
  }

  /* the item (row) a node belongs to, or the form for top-level fields */
  function owner(node) { return node.parentNode.closest("[data-row]") || form; }
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

  /* the block's settings ([data-field], drawn from its SETTINGS) and the rest ([data-key]) */
  function collect() { return Object.assign(ed.readSettings(), read(form)); }

  function read(scope) {
    var data = {};
    scope.querySelectorAll("[data-key]").forEach(function (node) {
      if (owner(node) === scope && !inHiddenPart(node, scope)) { data[node.getAttribute("data-key")] = EmmEditor.getValue(node); }
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
    for (var n = node.parentNode.closest("[data-row]"); n; n = n.parentNode.closest("[data-row]")) {
      parts.unshift(n.parentNode.getAttribute("data-list") + "." + items(n.parentNode).indexOf(n));
    }
    return parts;
  }
  function fieldPath(node, attr) {
    var key = node.getAttribute(attr);
    return pathOf(node).concat(key ? [key] : []).join(".");
  }

  /* every text's limit, from the server's table ({"questions.*.options.*.text": 5000}; the same
     numbers refuse on the server): a counter beside it, a refusal before sending, never a cut */
  function limit() {
    var limits = args.limits || {};
    form.querySelectorAll("[data-key]").forEach(function (node) {
      var max = limits[fieldPath(node, "data-key").replace(/\.\d+(?=\.|$)/g, ".*")];
      /* a [data-lines] box (key facts) is limited line by line (EMM.charsOf), as the server checks it */
      if (max && node.tagName !== "SELECT" && node.type !== "checkbox") { node.setAttribute("data-max-chars", String(max)); }
    });
  }

  function renumber() {
    limit();
    form.querySelectorAll("[data-list]").forEach(function (list) {
      items(list).forEach(function (li, i) {
        var name = EMM.format(ROWS[list.getAttribute("data-list")].name, {n: EMM.count(i + 1, form)});
        li.querySelector("[data-legend]").textContent = name;
        li.querySelectorAll(":scope > fieldset > .emm-row-actions [data-row-name]").forEach(function (span) {
          span.textContent = " " + name;
        });
      });
    });
  }

  /* problems: [{field: "questions.0.options", message, error}] from the server's validators; a
     problem whose field has no slot of its own goes to the nearest enclosing one */
  function show(problems) {
    EmmEditor.unmarkAll(form, "[data-error-key], [data-error]");
    var slots = {}, controls = {};
    form.querySelectorAll("[data-error-key]").forEach(function (s) { slots[fieldPath(s, "data-error-key")] = s; });
    form.querySelectorAll("[data-key]").forEach(function (c) { controls[fieldPath(c, "data-key")] = c; });
    ed.settings.forEach(function (key) {
      slots[key] = form.querySelector("[data-error=\"" + key + "\"]");
      controls[key] = ed.field(key);
    });
    problems.forEach(function (p) {
      var path = p.field || "", slot = slots[path];
      while (!slot && path) {
        path = path.indexOf(".") === -1 ? "" : path.slice(0, path.lastIndexOf("."));
        slot = slots[path];
      }
      EmmEditor.mark(p, slot, controls[p.field]);
    });
  }

  /* a part of the form's own fields shown for one value of one of them only (top-level, not in a
     row: [data-when="scale=custom"], the Likert's custom
     labels), its controls disabled while it is hidden (neither counted nor checked before sending;
     what they hold is kept); a [data-preview-of="scale"] hint says what the field's value stands
     for (args.previews.scale[value]: a preset scale's labels) */
  function dependants() {
    function field(name) { return ed.field(name) || form.querySelector("[data-key=\"" + name + "\"]"); }
    root.querySelectorAll("[data-when]").forEach(function (part) {
      var rule = part.getAttribute("data-when").split("="), control = field(rule[0]);
      var shown = !!control && control.value === rule[1];
      part.hidden = !shown;
      part.querySelectorAll("input, textarea, select").forEach(function (c) { c.disabled = !shown; });
    });
    root.querySelectorAll("[data-preview-of]").forEach(function (hint) {
      var name = hint.getAttribute("data-preview-of"), control = field(name);
      hint.textContent = ((args.previews || {})[name] || {})[control ? control.value : ""] || "";
    });
  }

  function load(data) {
    ed.loadSettings(data);
    form.querySelectorAll("[data-key]").forEach(function (node) {
      if (owner(node) !== form) { return; }
      EmmEditor.setValue(node, data[node.getAttribute("data-key")]);
    });
    form.querySelectorAll("[data-list]").forEach(function (list) {
      if (owner(list) !== form) { return; }
      var name = list.getAttribute("data-list");
      var given = Array.isArray(data[name]) ? data[name] : [];  /* JSON typed by hand: the check says what is wrong */
      list.replaceChildren.apply(list, given.map(function (item) {
        return row(name, item && typeof item === "object" ? item : {});
      }));
    });
    dependants();
    renumber();
    ed.recount();
  }

  function nextId(list) {
    var used = [];
    items(list).forEach(function (li) {
      var id = li.querySelector("[data-key=id]");
      if (id && owner(id) === li) { used.push(id.value); }
    });
    var name = list.getAttribute("data-list");
    /* nor an id that still holds learners' answers (an option's: of any question) */
    return EmmEditor.nextId(used, PREFIX[name], (args.retired_ids || {})[name]);
  }

  function add(name, button) {
    var list = button.parentNode.querySelector("[data-list=\"" + name + "\"]"), data = Object.assign({}, NEW[name]);
    if (PREFIX[name]) { data.id = nextId(list); }
    var li = row(name, data);
    list.appendChild(li);
    if (name === "questions") {
      var options = li.querySelector("[data-list=options]");
      options.appendChild(row("options", {id: nextId(options)}));
      options.appendChild(row("options", {id: nextId(options)}));
    }
    renumber();
    (li.querySelector("[data-key=prompt]") || li.querySelector("input, textarea, select")).focus();
    return li;
  }

  function legend(li) { return li.querySelector("[data-legend]").textContent; }

  var ed = EmmEditor.create(runtime, element, {
    root: args.root,  /* each block's form: .emm-likert-editor, .emm-case-editor, .emm-kc-editor, .emm-er-editor */
    settings: args.settings,
    collect: collect,
    show: show,
    add: add,
    changed: function () { renumber(); },
    title: legend,
    edited: function (event) {
      if (event.type === "change" && event.target.getAttribute("data-key") === "kind") {
        showKind(event.target.closest("[data-row]"));
      }
      if (event.type === "change") { dependants(); }
    },
    load: load
  });
  var form = ed.form, root = ed.root;

  load(args.content);
}
