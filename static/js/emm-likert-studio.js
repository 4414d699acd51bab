/* emm_likert Studio editor: the survey's form on the editor engine (emm-editor.js): its settings,
   its statements (a list of rows), and where each of the server's problems goes. */
function EmmLikertEditor(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var survey = args.survey;
  var counter = 0;

  function statementRow(st) {
    counter += 1;
    var base = "emm-ed-st-" + counter;
    var row = el("li", {class: "emm-ed-statement", "data-row": ""}, [
      el("p", {class: "emm-field"}, [
        el("label", {for: base + "-text", text: _("Statement")}),
        el("textarea", {id: base + "-text", "data-st": "text", rows: "2", "data-max-chars": "1000"}),
        el("span", {class: "emm-field-error", "data-st-error": "text"})
      ]),
      el("p", {class: "emm-field emm-inline"}, [
        el("label", {for: base + "-id", text: _("Id (letters, digits, - and _; used in reports)")}),
        el("input", {id: base + "-id", type: "text", "data-st": "id", "data-max-chars": "50"}),
        el("span", {class: "emm-field-error", "data-st-error": "id"})
      ]),
      el("p", {class: "emm-check"}, [el("input", {id: base + "-rev", type: "checkbox", "data-st": "reverse"}),
        el("label", {for: base + "-rev", text: _("Reverse-coded (agreeing is unfavourable)")})]),
      el("p", {class: "emm-check"}, [el("input", {id: base + "-req", type: "checkbox", "data-st": "required"}),
        el("label", {for: base + "-req", text: _("Required")})]),
      el("p", {class: "emm-row-actions"}, [
        el("button", {type: "button", class: "emm-button", "data-move": "-1", text: _("Move up")}),
        el("button", {type: "button", class: "emm-button", "data-move": "1", text: _("Move down")}),
        el("button", {type: "button", class: "emm-button emm-danger", "data-remove": "", text: _("Remove")})
      ])
    ]);
    row.querySelector("[data-st=text]").value = st.text || "";
    row.querySelector("[data-st=id]").value = st.id || "";
    row.querySelector("[data-st=reverse]").checked = !!st.reverse;
    row.querySelector("[data-st=required]").checked = st.required !== false;
    return row;
  }

  /* the survey's own fields beside its settings (args.settings, drawn from the block's SETTINGS) */
  var CONTENT = ["intro", "comment_prompt", "custom_labels"];

  function collect() {
    var data = ed.read(CONTENT.concat(ed.settings));
    data.statements = Array.prototype.map.call(list.querySelectorAll("[data-row]"), function (row) {
      return {id: row.querySelector("[data-st=id]").value.trim(), text: row.querySelector("[data-st=text]").value,
        reverse: row.querySelector("[data-st=reverse]").checked, required: row.querySelector("[data-st=required]").checked};
    });
    return data;
  }

  function toggleCustom() {
    var custom = ed.field("scale").value === "custom";
    root.querySelector("[data-custom-labels]").hidden = !custom;
    var preview = root.querySelector("[data-scale-preview]");
    preview.textContent = custom ? "" : (args.presets[ed.field("scale").value] || []).join(" / ");
  }

  /* problems: [{field: "statements.2.id", message}] from the server's validators */
  function show(problems) {
    EmmEditor.unmarkAll(root, ".emm-field-error");
    var rows = list.querySelectorAll("[data-row]");
    problems.forEach(function (p) {
      var path = EmmEditor.splitPath(p.field), row = path[0] === "statements" && path.length === 3 ? rows[path[1]] : null;
      var slot = row ? row.querySelector("[data-st-error=\"" + path[2] + "\"]") : root.querySelector("[data-error=\"" + path[0] + "\"]");
      var input = row ? row.querySelector("[data-st=\"" + path[2] + "\"]") : ed.field(path[0]);
      EmmEditor.mark(p, slot || root.querySelector("[data-error=statements]"), input);
    });
  }

  var ed = EmmEditor.create(runtime, element, {
    root: ".emm-likert-editor",
    settings: args.settings,
    collect: collect,
    show: show,
    rowFocus: "[data-st=text]",
    add: function () {
      var ids = Array.prototype.map.call(list.querySelectorAll("[data-st=id]"), function (i) { return i.value; });
      var row = statementRow({id: EmmEditor.nextId(ids, "s"), text: "", required: true});
      list.appendChild(row);
      row.querySelector("[data-st=text]").focus();
      return row;
    },
    say: function (what) {
      return {removed: _("Statement removed."), up: _("Statement moved up."), down: _("Statement moved down.")}[what];
    },
    edited: function (event) { if (event.type === "change" && event.target === ed.field("scale")) { toggleCustom(); } }
  });
  var root = ed.root, list = root.querySelector("[data-statements]");

  ed.load(CONTENT.concat(ed.settings), survey);
  survey.statements.forEach(function (st) { list.appendChild(statementRow(st)); });
  toggleCustom();
}
