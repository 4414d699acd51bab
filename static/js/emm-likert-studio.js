/* emm_likert Studio editor: a form for the survey; the server's validators mark the fields. */
function EmmLikertEditor(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext, el = EMM.el;
  var root = EMM.root(element).querySelector(".emm-likert-editor") || EMM.root(element);
  var form = root.querySelector("form");
  var list = root.querySelector("[data-statements]");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  var survey = args.survey;
  var counter = 0;
  var timer = null;

  function field(name) { return root.querySelector("[data-field=\"" + name + "\"]"); }

  function statementRow(st) {
    counter += 1;
    var base = "emm-ed-st-" + counter;
    var row = el("li", {class: "emm-ed-statement", "data-row": ""}, [
      el("p", {class: "emm-field"}, [
        el("label", {for: base + "-text", text: _("Statement")}),
        el("textarea", {id: base + "-text", "data-st": "text", rows: "2", maxlength: "1000"}),
        el("span", {class: "emm-field-error", "data-st-error": "text"})
      ]),
      el("p", {class: "emm-field emm-inline"}, [
        el("label", {for: base + "-id", text: _("Id (letters, digits, - and _; used in reports)")}),
        el("input", {id: base + "-id", type: "text", "data-st": "id", maxlength: "50"}),
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

  function nextId() {
    var used = {}, n = 1;
    list.querySelectorAll("[data-st=id]").forEach(function (i) { used[i.value] = true; });
    while (used["s" + n]) { n += 1; }
    return "s" + n;
  }

  function load() {
    ["display_name", "intro", "scale", "comment_prompt", "results", "min_group_size", "weight"].forEach(function (name) {
      field(name).value = survey[name];
    });
    ["allow_na", "comment_box", "anonymous", "participation_graded"].forEach(function (name) { field(name).checked = !!survey[name]; });
    field("custom_labels").value = (survey.custom_labels || []).join("\n");
    survey.statements.forEach(function (st) { list.appendChild(statementRow(st)); });
    toggleCustom();
  }

  function collect() {
    var data = {};
    ["display_name", "intro", "scale", "comment_prompt", "results", "min_group_size", "weight"].forEach(function (name) {
      data[name] = field(name).value;
    });
    ["allow_na", "comment_box", "anonymous", "participation_graded"].forEach(function (name) { data[name] = field(name).checked; });
    data.custom_labels = field("custom_labels").value.split("\n").map(function (s) { return s.trim(); })
      .filter(function (s) { return s; });
    data.statements = Array.prototype.map.call(list.querySelectorAll("[data-row]"), function (row) {
      return {id: row.querySelector("[data-st=id]").value.trim(), text: row.querySelector("[data-st=text]").value,
        reverse: row.querySelector("[data-st=reverse]").checked, required: row.querySelector("[data-st=required]").checked};
    });
    return data;
  }

  function toggleCustom() {
    var custom = field("scale").value === "custom";
    root.querySelector("[data-custom-labels]").hidden = !custom;
    var preview = root.querySelector("[data-scale-preview]");
    preview.textContent = custom ? "" : (args.presets[field("scale").value] || []).join(" / ");
  }

  function clearErrors() {
    root.querySelectorAll(".emm-field-error").forEach(function (s) { s.textContent = ""; });
    root.querySelectorAll("[aria-invalid]").forEach(function (i) { i.removeAttribute("aria-invalid"); });
  }

  /* problems: [{field: "statements.2.id", message}] from the server's validators */
  function showProblems(problems) {
    clearErrors();
    var rows = list.querySelectorAll("[data-row]");
    (problems || []).forEach(function (p) {
      var parts = p.field.split("."), slot = null, input = null;
      if (parts[0] === "statements" && parts.length === 3 && rows[+parts[1]]) {
        slot = rows[+parts[1]].querySelector("[data-st-error=\"" + parts[2] + "\"]");
        input = rows[+parts[1]].querySelector("[data-st=\"" + parts[2] + "\"]");
      } else {
        slot = root.querySelector("[data-error=\"" + parts[0] + "\"]");
        input = field(parts[0]);
      }
      if (!slot) { slot = root.querySelector("[data-error=statements]"); }
      slot.textContent = slot.textContent ? slot.textContent + " " + p.message : p.message;
      if (input) { input.setAttribute("aria-invalid", "true"); }
    });
  }

  /* Live check, debounced; an answer that arrives after a newer check or a save is ignored. */
  var checkSeq = 0;
  function check() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var mine = ++checkSeq;
      EMM.post(runtime, element, "studio_validate", collect()).then(function (body) {
        if (mine === checkSeq) { showProblems(body.problems); }
      }, function () { /* checking is a help; saving reports errors */ });
    }, 400);
  }

  form.addEventListener("input", check);
  form.addEventListener("change", function (e) { if (e.target === field("scale")) { toggleCustom(); } check(); });
  root.querySelector("[data-add]").addEventListener("click", function () {
    var row = statementRow({id: nextId(), text: "", required: true});
    list.appendChild(row);
    row.querySelector("[data-st=text]").focus();
    check();
  });
  list.addEventListener("click", function (e) {
    var row = e.target.closest("[data-row]");
    if (!row) { return; }
    if (e.target.hasAttribute("data-remove")) {
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      (next ? next.querySelector("[data-st=text]") : root.querySelector("[data-add]")).focus();
      EMM.say(status, _("Statement removed."));
      check();
    } else if (e.target.hasAttribute("data-move")) {
      var up = e.target.getAttribute("data-move") === "-1";
      var other = up ? row.previousElementSibling : row.nextElementSibling;
      if (other) {
        list.insertBefore(row, up ? other : other.nextElementSibling);
        e.target.focus();
        EMM.say(status, up ? _("Statement moved up.") : _("Statement moved down."));
        check();
      }
    }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    window.clearTimeout(timer);
    checkSeq += 1;  /* a pending live check must not overwrite what the save says */
    EMM.clear(alertBox, true);
    if (runtime.notify) { runtime.notify("save", {state: "start"}); }
    EMM.post(runtime, element, "studio_submit", collect()).then(function () {
      clearErrors();
      EMM.say(status, _("Saved."));
      if (runtime.notify) { runtime.notify("save", {state: "end"}); }
    }, function (err) {
      showProblems(err.problems);
      EMM.say(alertBox, err.message);
      if (runtime.notify) { runtime.notify("error", {title: _("Not saved"), message: err.message}); }
    });
  });
  root.querySelector("[data-cancel]").addEventListener("click", function () {
    if (runtime.notify) { runtime.notify("cancel", {}); }
  });
  load();
}
