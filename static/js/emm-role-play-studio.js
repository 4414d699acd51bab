/* emm_role_play Studio editor, part 1: forms for the settings, grade bands, roles, the participant
   profile question's answers, nodes and choices (add, remove, reorder), the "Edit as XML" tab. Checking, saving, cancel and the rows' buttons are
   the editor engine's (emm-editor.js); every check is the server's, and each problem is shown next
   to its field, on the map and in the list of problems (the map add-on, emm-role-play-map.js). */
function EmmRolePlayEditor(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, MAP = window.EmmRolePlayMap, _ = EMM.gettext;
  /* each text's limit, by the server's numbers (role_play/editor.py COUNTED): counted, never cut */
  var ROWS = {bands: "bands.*", roles: "roles.*", profile_options: "profile_options.*", nodes: "nodes.*",
    choices: "nodes.*.choices.*"};
  EmmEditor.limit(EMM.root(element), "data-field", "", args.limits);
  EmmEditor.limit(EMM.root(element), "data-key", "", args.limits);  /* the scenario's own fields (no row is drawn yet) */
  var ed = EmmEditor.create(runtime, element, {
    root: ".emm-rp-studio",
    settings: args.settings,
    collect: function () { return tab === "xml" ? {xml: xmlBox.value} : collect(); },
    /* Cancel's comparison: the XML as converted stands for the form it came from */
    snapshot: function () {
      if (tab !== "xml") { return collect(); }
      return xmlBox.value === xmlShown ? formLeft : {xml: xmlBox.value};
    },
    show: function (problems, data) { if (tab === "xml") { showXml(problems); } else { show(problems, data); } },
    /* the first problem in the form's order, as every editor (the server lists them in its own: bug hunt s43) */
    refused: function (problems) {
      if (tab !== "xml") { ed.focusFirstError(); } else { focusXml(problems); }
    },
    add: add,
    rowFocus: "summary, [data-key]",
    changed: function (what, li, list) {
      if (what === "removed") {
        var node = list.closest("[data-row]");
        if (node) {
          updateNode(node);
          /* the last choice of an ending removed: its box (and the "Add a choice" the focus went to) is hidden now,
             the focus to the ending's checkbox, not to the page (bug hunt s43) */
          var at = window.document.activeElement;
          if (!at || at === window.document.body || at.closest("[hidden]")) { own(node, "[data-key=ending]").focus(); }
        }
        refreshIds();
      }
      renumber();
    },
    /* a row with a title (a node, a choice, a profile option) is named, as in the other editors */
    title: function (li) {
      var title = li ? own(li, "[data-title]") : null;
      return title ? title.textContent : "";
    },
    edited: edited
  });
  var root = ed.root, form = ed.form, alertBox = ed.alertBox;
  var prefix = root.getAttribute("data-prefix");
  var xmlBox = root.querySelector("[data-xml]");
  var mapBox = root.querySelector("[data-map]");
  var lists = {};
  ["bands", "roles", "profile_options", "nodes"].forEach(function (k) { lists[k] = root.querySelector("[data-list=" + k + "]"); });
  /* the scenario's own fields ([data-key] outside any row) beside its settings (args.settings, drawn
     from the block's SETTINGS: [data-field]) */
  var CONTENT = ["intro", "profile_prompt"];
  function content(name) { return form.querySelector("[data-key=\"" + name + "\"]:not([data-row] *)"); }
  var NODE = ["id", "speaker", "narrative", "image", "alt", "debrief", "category"];
  var CHOICE = ["label", "goto", "points", "consequence", "if_visited", "min_points"];
  var LAZY = 300;  /* above this many nodes, target lists are filled when a list gets the focus */
  var counter = 0, lastCount = -1, tab = "form", ids = [], version = 0, xmlShown = null, formLeft = null;

  function rows(list) { return list ? Array.prototype.filter.call(list.children, function (c) { return c.hasAttribute("data-row"); }) : []; }
  /* the first match that belongs to `row` itself, not to a row nested in it (a node's choices) */
  function own(row, selector) {
    return Array.prototype.find.call(row.querySelectorAll(selector), function (n) { return n.closest("[data-row]") === row; }) || null;
  }
  function val(row, name) { var input = own(row, "[data-key=\"" + name + "\"]"); return input ? input.value : ""; }
  function choicesOf(row) { return row.querySelector("[data-list=choices]"); }

  function fillTargets(select, value, full) {
    while (select.firstChild) { select.removeChild(select.firstChild); }
    var none = select.getAttribute("data-targets") === "if_visited" ? _("No condition") : _("Choose a node");
    select.appendChild(EMM.el("option", {value: "", text: none}));
    (full ? ids : ids.filter(function (id) { return id === value; })).forEach(function (id) {
      select.appendChild(EMM.el("option", {value: id, text: id}));
    });
    if (value && ids.indexOf(value) < 0) {
      select.appendChild(EMM.el("option", {value: value, text: EMM.format(_("{id} (not a node)"), {id: value})}));
    }
    select.value = value || "";
    select.setAttribute("data-version", full ? String(version) : "-1");
  }

  function setSelect(select, value) {
    if (value && !select.querySelector("option[value=\"" + CSS.escape(value) + "\"]")) {
      select.appendChild(EMM.el("option", {value: value, text: value}));
    }
    select.value = value || "";
  }

  function row(kind, item) {
    var li = root.querySelector("template[data-tpl=" + kind + "]").content.firstElementChild.cloneNode(true);
    counter += 1;
    var base = prefix + "-" + kind + "-" + counter;
    EmmEditor.limit(li, "data-key", ROWS[kind], args.limits);
    li.querySelectorAll("[data-key]").forEach(function (input) {
      var name = input.getAttribute("data-key"), value = item[name], slot = own(li, "[data-error-key=\"" + name + "\"]");
      input.id = base + "-" + name;
      if (slot) { slot.id = input.id + "-err"; input.setAttribute("aria-describedby", slot.id); }
      if (input.type === "checkbox") { input.checked = value === true; }
      else if (input.hasAttribute("data-targets")) { fillTargets(input, value || "", ids.length <= LAZY); }
      else if (input.tagName === "SELECT") { setSelect(input, value); }
      else { input.value = value === null || value === undefined ? "" : value; }
    });
    li.querySelectorAll("[data-for]").forEach(function (label) { label.setAttribute("for", base + "-" + label.getAttribute("data-for")); });
    if (kind === "nodes") {
      /* a node's problem ("cannot be reached") describes its summary, its choices' their group: heard wherever the
         author meets them, as every list's (the bands', roles' and nodes' groups: the template; issue 7) */
      own(li, "[data-error-key=node]").id = base + "-node-err";
      own(li, "summary").setAttribute("aria-describedby", base + "-node-err");
      own(li, "[data-error-key=choices]").id = base + "-choices-err";
      own(li, "[data-choices-box]").setAttribute("aria-describedby", base + "-choices-err");
      (item.choices || []).forEach(function (c) { choicesOf(li).appendChild(row("choices", c)); });
      updateNode(li);
    }
    return li;
  }

  function updateNode(li) {
    var ending = own(li, "[data-key=ending]").checked;
    own(li, "[data-ending-only]").hidden = !ending;
    own(li, "[data-choices-box]").hidden = ending && rows(choicesOf(li)).length === 0;
  }

  /* a row's name said with its buttons ("Remove Choice 2, Node 3: po-appel": author trial s38, bare "Remove") */
  function named(row, name) {
    row.querySelectorAll("[data-row-name]").forEach(function (span) { if (span.closest("[data-row]") === row) { span.textContent = " " + name; } });
  }
  function renumber() {
    rows(lists.nodes).forEach(function (li, i) {
      var id = val(li, "id").trim(), ending = own(li, "[data-key=ending]").checked;
      var node = EMM.format(ending ? _("Node {n}: {id} (ending)") : _("Node {n}: {id}"), {n: EMM.count(i + 1, root), id: id || "?"});
      own(li, "[data-title]").textContent = node;
      named(li, node);
      rows(choicesOf(li)).forEach(function (c, j) {
        var choice = EMM.format(_("Choice {n}"), {n: EMM.count(j + 1, root)});
        own(c, "[data-title]").textContent = choice;
        named(c, EMM.format(_("{choice}, {node}"), {choice: choice, node: node}));
      });
    });
    rows(lists.profile_options).forEach(function (li, i) {
      var option = EMM.format(_("Profile option {n}"), {n: EMM.count(i + 1, root)});
      own(li, "[data-title]").textContent = option;
      named(li, option);
    });
    rows(lists.bands).forEach(function (li, i) { named(li, EMM.format(_("Grade band {n}"), {n: EMM.count(i + 1, root)})); });
    rows(lists.roles).forEach(function (li, i) { named(li, EMM.format(_("Role {n}"), {n: EMM.count(i + 1, root)})); });
  }

  /* Node ids changed: rebuild every target list, following a renamed node (`renamed`: {old, now}). */
  function refreshIds(renamed) {
    var fresh = [];
    rows(lists.nodes).forEach(function (li) { var id = val(li, "id").trim(); if (id && fresh.indexOf(id) < 0) { fresh.push(id); } });
    if (!renamed && fresh.join("\n") === ids.join("\n")) { return; }
    ids = fresh;
    version += 1;
    root.querySelectorAll("select[data-targets]").forEach(function (select) {
      var value = select.value;
      if (renamed && value === renamed.old) { value = renamed.now; }
      fillTargets(select, value, ids.length <= LAZY);
    });
  }

  function load(sc) {
    ed.loadSettings(sc);
    CONTENT.forEach(function (name) { EmmEditor.setValue(content(name), sc[name]); });
    ids = [];
    (sc.nodes || []).forEach(function (n) { if (n.id && ids.indexOf(n.id) < 0) { ids.push(n.id); } });
    version += 1;
    Object.keys(lists).forEach(function (kind) {
      var list = lists[kind];
      while (list.firstChild) { list.removeChild(list.firstChild); }
      (sc[kind] || []).forEach(function (item) { list.appendChild(row(kind, item)); });
    });
    if (rows(lists.nodes).length <= 3) { rows(lists.nodes).forEach(function (li) { own(li, "[data-details]").open = true; }); }
    renumber();
    ed.recount();
  }

  function collect() {
    var data = ed.readSettings();
    CONTENT.forEach(function (name) { data[name] = EmmEditor.getValue(content(name)); });
    data.profile_options = rows(lists.profile_options).map(function (li) { return {id: val(li, "id").trim(), text: val(li, "text")}; });
    data.bands = rows(lists.bands).map(function (li) { return {min: val(li, "min"), message: val(li, "message"), final: val(li, "final")}; });
    data.roles = rows(lists.roles).map(function (li) {
      return {id: val(li, "id").trim(), label: val(li, "label"), start: val(li, "start"), brief: val(li, "brief")};
    });
    data.nodes = rows(lists.nodes).map(function (li) {
      var node = {};
      NODE.forEach(function (name) { node[name] = val(li, name); });
      node.id = node.id.trim();
      node.ending = own(li, "[data-key=ending]").checked;
      node.choices = rows(choicesOf(li)).map(function (c) {
        var choice = {};
        CHOICE.forEach(function (name) { choice[name] = val(c, name); });
        return choice;
      });
      return node;
    });
    return data;
  }

  /* the slot of one of the scenario's own fields or of a list ([data-error-key] outside any row) */
  function slotOf(name) { return form.querySelector("[data-error-key=\"" + name + "\"]:not([data-row] *)"); }

  /* Where a problem's field ("nodes.2.choices.0.goto", "roles.1.start", "weight") is on the form. */
  function locate(path) {
    var parts = (path || "").split("."), list = lists[parts[0]];
    if (CONTENT.indexOf(path) >= 0) { return {slot: slotOf(path), input: content(path)}; }
    if (!list) { return {slot: root.querySelector("[data-error=\"" + parts[0] + "\"]"), input: ed.field(parts[0])}; }
    var r = parts.length < 2 ? null : rows(list)[Number(parts[1])];
    if (!r) { return {slot: slotOf(parts[0])}; }
    var node = parts[0] === "nodes" ? r : null;
    if (node && parts.length === 2) { return {slot: own(r, "[data-error-key=node]"), node: node}; }
    if (node && parts[2] === "choices") {
      var c = parts.length >= 5 ? rows(choicesOf(r))[Number(parts[3])] : null;
      if (!c) { return {slot: own(r, "[data-error-key=choices]"), node: node}; }
      r = c;
      parts = parts.slice(2);
    }
    return {slot: own(r, "[data-error-key=\"" + parts[2] + "\"]"), input: own(r, "[data-key=\"" + parts[2] + "\"]"), node: node};
  }

  function clearErrors() {
    EmmEditor.unmarkAll(root, ".emm-field-error");
    root.querySelectorAll("[data-badge]").forEach(function (b) { b.textContent = ""; });
  }

  function goTo(p) {
    var at = locate(p.field), target = at.input;
    if (at.node) { own(at.node, "[data-details]").open = true; }
    if (!target && at.node) { target = own(at.node, "summary"); }
    /* a whole list's problem ("Add at least one role"): its add button, beside the message (bug hunt s43) */
    if (!target && at.slot) { target = form.querySelector("[data-add=\"" + (p.field || "").split(".")[0] + "\"]:not([data-row] *)"); }
    for (var d = target && target.closest("details"); d; d = d.parentNode.closest("details")) { d.open = true; }
    if (target) { target.focus(); if (target.scrollIntoView) { target.scrollIntoView({block: "nearest"}); } }
  }

  function show(problems, data) {
    clearErrors();
    var perNode = {}, blocking = {};
    problems.forEach(function (p) {
      var at = locate(p.field);
      /* as every editor: a warning looks like one, an error blocks (emm-editor.js) */
      EmmEditor.mark(p, at.slot || slotOf("nodes"), at.input);
      if (at.node) {
        var n = MAP.nodeIndex(p.field);
        perNode[n] = (perNode[n] || 0) + 1;
        if (p.error !== false) { blocking[n] = true; }
      }
    });
    rows(lists.nodes).forEach(function (li, i) {
      var badge = own(li, "[data-badge]");
      badge.classList.toggle("emm-rp-badge-warn", Boolean(perNode[i]) && !blocking[i]);  /* a draft's: warnings only */
      if (perNode[i]) { badge.textContent = EMM.format(EMM.ngettext("({n} problem)", "({n} problems)", perNode[i]), {n: EMM.count(perNode[i], root)}); }
    });
    MAP.draw(mapBox, data, problems, {prefix: prefix, labelledby: prefix + "-map-title", onPick: pick});
    MAP.list(root.querySelector("[data-problem-list]"), problems, goTo);
    var count = problems.length, text = counted(count);
    root.querySelector("[data-problem-count]").textContent = text;
    if (count !== lastCount && lastCount >= 0) { ed.say(text); }
    lastCount = count;
  }

  /* what a check found, as the form's tab and the XML tab write it */
  function counted(count) {
    return count ? EMM.format(EMM.ngettext("{n} problem found.", "{n} problems found.", count), {n: EMM.count(count, root)})
      : _("No problems found.");
  }
  /* the XML tab's problems, and their count above them: "Check" says it (bug hunt a11y: with valid XML it showed
     nothing, and a problem found appeared in silence) */
  function showXml(problems) {
    MAP.list(root.querySelector("[data-xml-problems]"), problems || [], null);
    root.querySelector("[data-xml-count]").textContent = counted((problems || []).length);
  }
  /* a save refused from the XML tab: the focus in the XML, the caret at the line and column of the first problem that
     names one (the server's, from 1: libxml2 counts characters), not left on Save (bug hunt s44) */
  function focusXml(problems) {
    var at = (problems || []).filter(function (p) { return p.line; })[0], lines = xmlBox.value.split("\n"), offset = 0;
    xmlBox.focus();
    if (!at || at.line > lines.length) { return; }
    for (var i = 0; i < at.line - 1; i += 1) { offset += lines[i].length + 1; }
    offset += Array.from(lines[at.line - 1]).slice(0, Math.max((at.column || 1) - 1, 0)).join("").length;
    xmlBox.setSelectionRange(offset, offset);
    if (xmlBox.scrollIntoView) { xmlBox.scrollIntoView({block: "nearest"}); }
  }

  function pick(index) {
    var li = rows(lists.nodes)[index];
    if (!li) { return; }
    own(li, "[data-details]").open = true;
    var summary = own(li, "summary");
    summary.focus();
    if (summary.scrollIntoView) { summary.scrollIntoView({block: "nearest"}); }
  }

  function nextId(kind) {
    return EmmEditor.nextId(rows(lists[kind]).map(function (li) { return val(li, "id").trim(); }),
      {roles: "role-", nodes: "node-", profile_options: "p"}[kind], (args.retired_ids || {})[kind]);
  }

  function add(kind, button) {
    var list = kind === "choices" ? choicesOf(button.closest("[data-row]")) : lists[kind];
    var fresh = {bands: {min: 0}, roles: {id: nextId("roles"), start: ids[0] || ""}, nodes: {id: nextId("nodes"), choices: []},
      choices: {points: 0}, profile_options: {id: nextId("profile_options")}}[kind];
    var li = row(kind, fresh);
    list.appendChild(li);
    if (kind === "nodes") { own(li, "[data-details]").open = true; refreshIds(); }
    renumber();
    li.querySelector("[data-key]").focus();
    return li;
  }

  form.addEventListener("focusin", function (event) {
    var t = event.target;
    if (t.matches("select[data-targets]") && t.getAttribute("data-version") !== String(version)) { fillTargets(t, t.value, true); }
    if (t.matches("[data-key=id]") && t.closest("[data-row]").parentNode === lists.nodes) { t.setAttribute("data-was", t.value.trim()); }
  });
  function edited(event) {
    var t = event.target, li = t.closest("[data-row]");
    if (event.type === "input") {
      if (t.matches("[data-key=id]")) { renumber(); }
      return true;
    }
    if (t.matches("[data-key=ending]")) { updateNode(li); renumber(); }
    if (t.matches("[data-key=id]") && li.parentNode === lists.nodes) {
      var was = t.getAttribute("data-was") || "", now = t.value.trim(), taken = ids.indexOf(now) >= 0;
      /* an id another node still holds is not renamed: it was this one's by mistake (typed twice, then put back;
         bug hunt hunt3: the arrows to that other node moved here) */
      var held = rows(lists.nodes).some(function (other) { return other !== li && val(other, "id").trim() === was; });
      refreshIds(was && now && was !== now && !taken && !held ? {old: was, now: now} : null);
      t.setAttribute("data-was", now);
    }
    return true;
  }

  /* Tabs: arrows move between them; a tab opens only once the server converted the content. */
  var tabs = Array.prototype.slice.call(root.querySelectorAll("[role=tab]"));
  function selectTab(name) {
    tabs.forEach(function (t) {
      var on = t.getAttribute("data-tab") === name;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
    });
    root.querySelectorAll("[data-panel]").forEach(function (p) { p.hidden = p.getAttribute("data-panel") !== name; });
    tab = name;
  }
  function switchTo(name) {
    if (name === tab) { return; }
    var data = name === "xml" ? collect() : {xml: xmlBox.value}, saved = name !== "xml" && !ed.changed();
    ed.dropChecks();  /* a late check of the tab left must not clear what this tab is told */
    EMM.post(runtime, element, "studio_convert", data).then(function (body) {
      if (!body.scenario) {
        if (tab === "xml") { showXml(body.problems); } else { show(body.problems || [], collect()); }
        EMM.say(alertBox, _("The content could not be converted: please fix the errors first."));
        return;
      }
      EMM.clear(alertBox, true);
      ed.hideConfirm();  /* "Save anyway" was offered for the other tab's content */
      if (name === "xml") { formLeft = data; xmlShown = xmlBox.value = body.scenario.xml; showXml(body.problems); }
      else { load(body.scenario); show(body.problems || [], collect()); }
      selectTab(name);
      /* the XML left was the one saved: the form drawn from it is what Cancel compares with now (bug hunt s43) */
      if (saved) { ed.rebase(); }
    }, function (err) { EMM.say(alertBox, ed.failed(err).message); });
  }
  tabs.forEach(function (t, i) {
    t.addEventListener("click", function () { switchTo(t.getAttribute("data-tab")); });
    t.addEventListener("keydown", function (event) {
      var step = {ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i}[event.key];
      if (step === undefined) { return; }
      event.preventDefault();
      tabs[(i + step + tabs.length) % tabs.length].focus();
    });
  });
  root.querySelector("[data-check]").addEventListener("click", function () {
    ed.check(true, function () { ed.say(root.querySelector("[data-xml-count]").textContent); });
  });

  load(args.scenario);
  ed.check(true);
}
