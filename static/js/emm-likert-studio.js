/* emm_likert Studio editor: the survey's form on the editor engine (emm-editor.js): its settings,
   its statements and the options of its participant profile question (two lists of rows), and
   where each of the server's problems goes; load() fills it, from the survey or from the engine's
   "Edit as JSON" tab. */
function EmmLikertEditor(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var survey = args.survey;
  /* each text's limit, by the server's numbers (likert/editor.py COUNTED): counted, never cut */
  function max(path) { return String(args.limits[path]); }
  var counter = 0;

  function statementRow(st) {
    counter += 1;
    var base = "emm-ed-st-" + counter;
    var row = el("li", {class: "emm-ed-statement", "data-row": ""}, [
      el("p", {class: "emm-field"}, [
        el("label", {for: base + "-text", text: _("Statement")}),
        el("textarea", {id: base + "-text", "data-st": "text", rows: "2", "data-max-chars": max("statements.*.text"),
          "aria-describedby": base + "-text-err"}),
        el("span", {class: "emm-field-error", id: base + "-text-err", "data-st-error": "text"})
      ]),
      el("p", {class: "emm-field emm-inline"}, [
        el("label", {for: base + "-id", text: _("Id (letters, digits, - and _; used in reports)")}),
        el("input", {id: base + "-id", type: "text", dir: "ltr", "data-st": "id", "data-max-chars": max("statements.*.id"),
          "aria-describedby": base + "-id-err"}),
        el("span", {class: "emm-field-error", id: base + "-id-err", "data-st-error": "id"})
      ]),
      /* its slot: the warning that answers already given would be read the other way round */
      el("p", {class: "emm-check"}, [el("input", {id: base + "-rev", type: "checkbox", "data-st": "reverse",
        "aria-describedby": base + "-rev-err"}),
      el("label", {for: base + "-rev", text: _("Reverse-coded (agreeing is unfavourable)")}),
      el("span", {class: "emm-field-error", id: base + "-rev-err", "data-st-error": "reverse"})]),
      el("p", {class: "emm-check"}, [el("input", {id: base + "-req", type: "checkbox", "data-st": "required"}),
        el("label", {for: base + "-req", text: _("Required")})]),
      el("p", {class: "emm-row-actions"}, [
        el("button", {type: "button", class: "emm-button", "data-move": "-1", text: _("Move up")}),
        el("button", {type: "button", class: "emm-button", "data-move": "1", text: _("Move down")}),
        el("button", {type: "button", class: "emm-button emm-danger", "data-remove": "", text: _("Remove")})
      ])
    ]);
    st = st && typeof st === "object" ? st : {};  /* a row typed by hand in "Edit as JSON": the check says what is wrong */
    row.querySelector("[data-st=text]").value = st.text || "";
    row.querySelector("[data-st=id]").value = st.id || "";
    row.querySelector("[data-st=reverse]").checked = !!st.reverse;
    row.querySelector("[data-st=required]").checked = st.required !== false;
    return row;
  }

  /* one option of the profile question: its text and its id (the key of its column in reports) */
  function optionRow(option) {
    counter += 1;
    var base = "emm-ed-po-" + counter;
    var row = el("li", {class: "emm-ed-statement", "data-row": "", "data-option": ""}, [
      el("p", {class: "emm-field"}, [
        el("label", {for: base + "-text", text: _("Option text")}),
        el("input", {id: base + "-text", type: "text", "data-po": "text", "data-max-chars": max("profile_options.*.text"),
          "aria-describedby": base + "-text-err"}),
        el("span", {class: "emm-field-error", id: base + "-text-err", "data-po-error": "text"})
      ]),
      el("p", {class: "emm-field emm-inline"}, [
        el("label", {for: base + "-id", text: _("Id (letters, digits, - and _; used in reports)")}),
        el("input", {id: base + "-id", type: "text", dir: "ltr", "data-po": "id", "data-max-chars": max("profile_options.*.id"),
          "aria-describedby": base + "-id-err"}),
        el("span", {class: "emm-field-error", id: base + "-id-err", "data-po-error": "id"})
      ]),
      el("p", {class: "emm-row-actions"}, [
        el("button", {type: "button", class: "emm-button", "data-move": "-1", text: _("Move up")}),
        el("button", {type: "button", class: "emm-button", "data-move": "1", text: _("Move down")}),
        el("button", {type: "button", class: "emm-button emm-danger", "data-remove": "", text: _("Remove")})
      ])
    ]);
    option = option && typeof option === "object" ? option : {};
    row.querySelector("[data-po=text]").value = option.text || "";
    row.querySelector("[data-po=id]").value = option.id || "";
    return row;
  }

  /* the survey's own fields beside its settings (args.settings, drawn from the block's SETTINGS) */
  var CONTENT = ["intro", "comment_prompt", "custom_labels", "profile_prompt"];

  function collect() {
    var data = ed.read(CONTENT.concat(ed.settings));
    data.statements = Array.prototype.map.call(list.querySelectorAll("[data-row]"), function (row) {
      return {id: row.querySelector("[data-st=id]").value.trim(), text: row.querySelector("[data-st=text]").value,
        reverse: row.querySelector("[data-st=reverse]").checked, required: row.querySelector("[data-st=required]").checked};
    });
    data.profile_options = Array.prototype.map.call(options.querySelectorAll("[data-row]"), function (row) {
      return {id: row.querySelector("[data-po=id]").value.trim(), text: row.querySelector("[data-po=text]").value};
    });
    return data;
  }

  /* "Profile option 2": a profile option's name by its place in the list, as the other editors and
     the server's messages (common/profile.py) name it */
  function optionName(row) {
    return EMM.format(_("Profile option {n}"), {n: EMM.count(Array.prototype.indexOf.call(options.children, row) + 1, root)});
  }

  function toggleCustom() {
    var custom = ed.field("scale").value === "custom";
    root.querySelector("[data-custom-labels]").hidden = !custom;
    /* labels a preset hides are kept, neither counted nor checked (as likert/editor.py _too_long) */
    ed.field("custom_labels").disabled = !custom;
    var preview = root.querySelector("[data-scale-preview]");
    preview.textContent = custom ? "" : (args.presets[ed.field("scale").value] || []).join(" / ");
  }

  /* problems: [{field: "statements.2.id" or "profile_options.0.text", message}] from the server's
     validators; a row's field has its own slot ([data-st-error] / [data-po-error]) */
  function show(problems) {
    EmmEditor.unmarkAll(root, ".emm-field-error");
    var lists = {statements: [list, "st"], profile_options: [options, "po"]};
    problems.forEach(function (p) {
      var path = EmmEditor.splitPath(p.field), owner = lists[path[0]];
      var row = owner && path.length === 3 ? owner[0].querySelectorAll("[data-row]")[path[1]] : null;
      var slot = row ? row.querySelector("[data-" + owner[1] + "-error=\"" + path[2] + "\"]")
        : root.querySelector("[data-error=\"" + path[0] + "\"]");
      var input = row ? row.querySelector("[data-" + owner[1] + "=\"" + path[2] + "\"]") : ed.field(path[0]);
      EmmEditor.mark(p, slot || root.querySelector("[data-error=statements]"), input);
    });
  }

  var ed = EmmEditor.create(runtime, element, {
    root: ".emm-likert-editor",
    settings: args.settings,
    collect: collect,
    show: show,
    rowFocus: "[data-st=text], [data-po=text]",
    add: function (kind) {
      var profile = kind === "profile_options", key = profile ? "po" : "st", target = profile ? options : list;
      var ids = Array.prototype.map.call(target.querySelectorAll("[data-" + key + "=id]"), function (i) { return i.value; });
      var row = profile ? optionRow({id: EmmEditor.nextId(ids, "p"), text: ""})
        : statementRow({id: EmmEditor.nextId(ids, "s"), text: "", required: true});
      target.appendChild(row);
      row.querySelector("[data-" + key + "=text]").focus();
      return row;
    },
    say: function (what, row) {
      if (row.hasAttribute("data-option")) {
        var item = {item: optionName(row)};
        return {added: EMM.format(_("{item} added."), item), removed: EMM.format(_("{item} removed."), item),
          up: EMM.format(_("Moved up: now {item}."), item), down: EMM.format(_("Moved down: now {item}."), item)}[what];
      }
      return {added: _("Statement added."), removed: _("Statement removed."), up: _("Statement moved up."), down: _("Statement moved down.")}[what];
    },
    edited: function (event) { if (event.type === "change" && event.target === ed.field("scale")) { toggleCustom(); } },
    load: load
  });
  var root = ed.root, list = root.querySelector("[data-statements]"), options = root.querySelector("[data-profile-options]");

  /* data: collect()'s shape (the survey as likert/editor.py gives it, or the JSON tab's object) */
  function load(data) {
    ed.load(CONTENT.concat(ed.settings), data);
    function rows(items, make) { return Array.isArray(items) ? items.map(function (item) { return make(item); }) : []; }
    list.replaceChildren.apply(list, rows(data.statements, statementRow));
    options.replaceChildren.apply(options, rows(data.profile_options, optionRow));
    toggleCustom();
    ed.recount();
  }

  load(survey);
}
