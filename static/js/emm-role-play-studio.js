/* emm_role_play Studio editor: the scenario as XML, checked by the server's validators. */
function EmmRolePlayEditor(runtime, element) {
  "use strict";
  var EMM = window.EMM, _ = EMM.gettext;
  var root = EMM.root(element);
  var form = root.querySelector(".emm-rp-editor");
  var xml = root.querySelector("[data-xml]");
  var list = root.querySelector("[data-problems]");
  var alertBox = root.querySelector("[data-alert]");
  var status = root.querySelector("[data-status]");

  function showProblems(problems) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    (problems || []).forEach(function (p) {
      list.appendChild(EMM.el("li", {"class": p.error === false ? "emm-warning" : "emm-error", text: p.message}));
    });
  }

  function check() {
    EMM.clear(alertBox, true);
    EMM.post(runtime, element, "studio_validate", {xml: xml.value}).then(function (body) {
      showProblems(body.problems);
      EMM.say(status, body.problems.length ? EMM.format(_("{n} problems found."), {n: body.problems.length}) : _("No problems found."));
    }, function (err) { EMM.say(alertBox, err.message); });
  }

  root.querySelector("[data-check]").addEventListener("click", check);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    EMM.clear(alertBox, true);
    if (runtime.notify) { runtime.notify("save", {state: "start"}); }
    EMM.post(runtime, element, "studio_submit", {xml: xml.value}).then(function (body) {
      showProblems((body.warnings || []).map(function (w) { return {message: w.message, error: false}; }));
      if (runtime.notify) { runtime.notify("save", {state: "end"}); }
      EMM.say(status, _("Saved."));
    }, function (err) {
      if (runtime.notify) { runtime.notify("error", {title: _("Not saved"), message: err.message}); }
      showProblems(err.problems);
      EMM.say(alertBox, err.message);
    });
  });
  root.querySelector("[data-cancel]").addEventListener("click", function () {
    if (runtime.notify) { runtime.notify("cancel", {}); }
  });
}
