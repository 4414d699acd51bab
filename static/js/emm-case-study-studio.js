/* emm_case_study Studio editor: the case as JSON, checked by the server's validators. */
function EmmCaseStudyEditor(runtime, element, args) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element);
  var area = root.querySelector("[data-json]");
  var list = root.querySelector("[data-problems]");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");
  area.value = JSON.stringify(args.case, null, 2);

  function payload() {
    try { return JSON.parse(area.value); } catch (e) {
      EMM.say(alertBox, _("The content is not valid JSON.")); return null;
    }
  }
  function show(problems) {
    list.replaceChildren.apply(list, (problems || []).map(function (p) {
      return EMM.el("li", {class: p.error === false ? "emm-warning" : "emm-error", text: (p.field ? p.field + ": " : "") + p.message});
    }));
  }
  root.querySelector("[data-check]").addEventListener("click", function () {
    var data = payload(); if (!data) { return; }
    EMM.clear(alertBox, true);
    EMM.post(runtime, element, "studio_validate", data).then(function (body) {
      show(body.problems);
      EMM.say(status, body.problems.length ? _("Some fields need attention.") : _("No problems found."));
    }, function (err) { EMM.say(alertBox, err.message); });
  });
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var data = payload(); if (!data) { return; }
    EMM.clear(alertBox, true);
    if (runtime.notify) { runtime.notify("save", {state: "start"}); }
    EMM.post(runtime, element, "studio_submit", data).then(function (body) {
      show(body.warnings);
      if (runtime.notify) { runtime.notify("save", {state: "end"}); }
    }, function (err) {
      show(err.problems);
      EMM.say(alertBox, err.message);
      if (runtime.notify) { runtime.notify("error", {title: _("Not saved"), message: err.message}); }
    });
  });
  root.querySelector("[data-cancel]").addEventListener("click", function () {
    if (runtime.notify) { runtime.notify("cancel", {}); }
  });
}
