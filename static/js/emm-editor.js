/* emm-xblocks editor engine: what the Studio editors share (emm-form-studio.js, emm-role-play-studio.js). An editor
   describes its form (how to read it, where a problem's field is, what a new row holds) and the engine does the rest:
   the settings fields ([data-field], drawn by the server from the block's SETTINGS, their keys in spec.settings) in
   and out, the live check by the server's own validators (studio_validate, debounced; an answer older than the last
   check or a save is dropped), save (studio_submit) with the runtime's save / error notifications, cancel, and the
   rows of a list (add, move up or down, remove: focus kept, the change announced, the form checked again; a move that
   leads nowhere marked aria-disabled, and said if pressed). A refused save says why next to the Save button
   (data-save-alert) and moves the focus to the first problem in the form's order, whatever its kind (also when it is
   refused before sending, a text being over its limit; a list's problem describes the control it focuses); a save
   that touches stored answers (EMM.EDITOR_CODES.ANSWERS_TOUCHED) shows "Save anyway" (data-confirm-save), which sends
   the same form again with confirm: true. Cancel asks first ("Discard your changes?") when the form differs from what
   it was loaded with (or last saved): spec.snapshot(), default spec.collect(), taken at the editor's first
   ed.recount() (its load done) and after each save; or when "Edit as JSON" holds JSON typed and not applied (which
   Save applies first). Loaded for editors only (common/base.py), after emm-common.js (a [data-lines] box's limits, line
   by line: emm-editor-lines.js). */
(function (global) {
  "use strict";
  if (global.EmmEditor) { return; }
  var EMM = global.EMM;
  function _(text) { return EMM.gettext(text); }

  /* The codes the editors branch on, as the server sends them (EMM.CODES holds the learner pages' own;
     tests/unit/test_js_error_codes.py checks both registries against the server's code). */
  EMM.EDITOR_CODES = Object.freeze({
    ANSWERS_TOUCHED: "answers_touched",  /* the change touches stored answers; "Save anyway" sends it with confirm */
    /* authors' checks (role-play map marks) */
    UNREACHABLE: "unreachable", DEAD_END: "dead_end", LOOP_WITHOUT_ENDING: "loop_without_ending",
    UNKNOWN_TARGET: "unknown_target", STRANDED: "stranded"
  });

  /* ---------------------------------------------------------------- pure helpers */
  /* "nodes.2.choices.0.goto" -> ["nodes", 2, "choices", 0, "goto"] */
  function splitPath(field) {
    return String(field || "").split(".").filter(function (p) { return p !== ""; })
      .map(function (p) { return /^\d+$/.test(p) ? Number(p) : p; });
  }

  /* the first stem + n (n = 1, ...) not in `used` nor `retired` (ids holding answers, common/retired.py), any case */
  function nextId(used, stem, retired) {
    var taken = {}, n = 1;
    (used || []).concat(retired || []).forEach(function (id) { taken[String(id).toLowerCase()] = true; });
    while (Object.prototype.hasOwnProperty.call(taken, (stem + n).toLowerCase())) { n += 1; }
    return stem + n;
  }

  /* ---------------------------------------------------------------- values */
  /* [data-lines] textareas hold a list, one item a line; checkboxes a boolean; others text */
  function setValue(input, value) {
    if (input.type === "checkbox") { input.checked = value === true; }
    else if (input.hasAttribute("data-lines") && Array.isArray(value)) { input.value = value.join("\n"); }
    /* anything else (in a [data-lines] box: JSON typed by hand) as its text, as if typed in the box */
    else { input.value = value === null || value === undefined ? "" : String(value); }
  }
  function getValue(input) {
    if (input.type === "checkbox") { return input.checked; }
    if (input.hasAttribute("data-lines")) { return input.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean); }
    return input.value;
  }

  /* Each control of `scope` named by `attr` ("data-key") that the server's table limits: its data-max-chars (its
     counter and its refusal before sending, emm-forms.js; never a cut). limits: the editor's COUNTED, by field path
     with "*" for a list's index ({"nodes.*.choices.*.label": 500}); rows: the path of the row the controls belong to
     ("nodes.*.choices.*"; "" for the form's own fields). */
  function limit(scope, attr, rows, limits) {
    Array.prototype.forEach.call(scope.querySelectorAll("[" + attr + "]"), function (control) {
      var max = (limits || {})[(rows ? rows + "." : "") + control.getAttribute(attr)];
      if (max && control.tagName !== "SELECT" && control.type !== "checkbox") { control.setAttribute("data-max-chars", String(max)); }
    });
  }

  /* ---------------------------------------------------------------- problems */
  /* One problem ({field, message, error}) in its slot: messages add up; an error marks the control aria-invalid and
     the slot as blocking, a slot with warnings only looks like one. A warning says it is one ("Warning: …", as the
     role-play's list and Studio's previews say it): its colour alone told it from an error (bug hunt a11y, WCAG
     1.4.1). */
  function mark(problem, slot, input) {
    if (!slot) { return; }
    var message = problem.error === false ? EMM.format(_("Warning: {message}"), {message: problem.message}) : problem.message;
    slot.textContent = slot.textContent ? slot.textContent + " " + message : message;
    if (problem.error === false) {
      if (!slot.hasAttribute("data-blocking")) { slot.classList.add("emm-warning-text"); }
    } else {
      slot.setAttribute("data-blocking", "");
      slot.classList.remove("emm-warning-text");
      if (input) { input.setAttribute("aria-invalid", "true"); }
    }
  }
  function unmarkAll(scope, slots) {
    Array.prototype.forEach.call(scope.querySelectorAll(slots), function (slot) {
      slot.textContent = "";
      slot.classList.remove("emm-warning-text"); slot.removeAttribute("data-blocking");
    });
    Array.prototype.forEach.call(scope.querySelectorAll("[aria-invalid]"), function (n) { n.removeAttribute("aria-invalid"); });
    Array.prototype.forEach.call(scope.querySelectorAll("[data-tied]"), function (control) { untie(control); });
  }

  /* A control focused for a message not its own (a list's problem: the first control beside it) is described by it too
     while it stands, so a screen reader says what is wrong there (bug hunt a11y, WCAG 3.3.1); unmarkAll unties it. */
  var ties = 0;
  function describedBy(control) { return (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean); }
  function tie(control, message) {
    if (!message.id) { ties += 1; message.id = "emm-problem-" + ties; }
    if (describedBy(control).indexOf(message.id) >= 0) { return; }
    untie(control);
    control.setAttribute("aria-describedby", describedBy(control).concat([message.id]).join(" "));
    control.setAttribute("data-tied", message.id);
  }
  function untie(control) {
    var tied = control.getAttribute("data-tied"), ids = describedBy(control).filter(function (id) { return id !== tied; });
    if (ids.length) { control.setAttribute("aria-describedby", ids.join(" ")); } else { control.removeAttribute("aria-describedby"); }
    control.removeAttribute("data-tied");
  }

  /* ---------------------------------------------------------------- the engine */
  /* spec: {
       root: the editor's CSS class (".emm-likert-editor"),
       settings: the keys of the block's settings (the init args' "settings"): ed.settings,
         loaded and read by ed.loadSettings / ed.readSettings,
       collect(): the data to check and save,
       show(problems, data, when): put the server's problems on the form ("check", "saved", "refused"),
       refused(problems, data): optional, after a refused save (e.g. focus the first field),
       add(kind, button): a new row for the [data-add=kind] button; returns it,
       row: the selector of a list's row (default "[data-row]"),
       rowFocus: where the focus goes in the row that takes a removed row's place,
       changed(what, row, list): optional, after "added", "removed" (row detached), "moved",
       title(row): the row's name in what a change says ("Question 2 added."; "": "Added."; none: nothing said),
       edited(event): optional, on input / change; return false to leave the form unchecked,
       snapshot(): optional, what Cancel compares with the form as loaded (default: collect()),
       load(data): optional, put data (collect()'s shape) in the form: with it, the form's
         "Edit as JSON" tab ([data-json-tab], templates/common/editor_json.html) works } */
  function create(runtime, element, spec) {
    function told(what, row) {  /* what a row's change says (spec.title), the row named where it has a name */
      var title = spec.title ? spec.title(row) : null, item = {item: title};
      if (title === null) { return ""; }
      return title ? EMM.format({added: _("{item} added."), removed: _("{item} removed."), up: _("Moved up: now {item}."),
        down: _("Moved down: now {item}.")}[what], item) : {added: _("Added."), removed: _("Removed."), up: _("Moved up."),
        down: _("Moved down.")}[what];
    }
    var root = EMM.root(element).querySelector(spec.root) || EMM.root(element);
    var form = root.querySelector("form");
    var rowSelector = spec.row || "[data-row]";
    var timer = null, seq = 0, edits = 0, loaded = null;
    function snapshot() { return JSON.stringify((spec.snapshot || spec.collect)()); }
    var ed = {
      root: root,
      form: form,
      alertBox: root.querySelector("[data-alert]"),
      saveAlert: root.querySelector("[data-save-alert]"),
      confirmBox: root.querySelector("[data-confirm]"),
      status: root.querySelector("[data-status]"),
      settings: (spec.settings || []).slice(),
      DELAY: 400
    };

    ed.field = function (name) { return root.querySelector("[data-field=\"" + name + "\"]"); };
    ed.load = function (names, data) { names.forEach(function (name) { setValue(ed.field(name), data[name]); }); };
    ed.read = function (names) {
      var data = {};
      names.forEach(function (name) { data[name] = getValue(ed.field(name)); });
      return data;
    };
    ed.loadSettings = function (data) { ed.load(ed.settings, data); };
    ed.readSettings = function () { return ed.read(ed.settings); };
    ed.say = function (message) { if (message) { EMM.say(ed.status, message); } };
    /* the counters of `scope`'s limited controls (default: the whole form) on what they hold now (emm-forms.js):
       create counts the form before the editor fills it, so each editor calls ed.recount() once its load has put the
       content in (fields, rows drawn, limits set); the engine counts a row it adds */
    ed.recount = function (scope) {
      if (!scope && loaded === null) { loaded = snapshot(); }
      if (!scope) { ed.markEnds(); }  /* the rows as loaded: which moves lead nowhere */
      Array.prototype.forEach.call((scope || form).querySelectorAll("[data-max-chars]"), function (control) {
        EMM.countChars(control);
      });
    };
    ed.notify = function (name, data) { if (runtime.notify) { runtime.notify(name, data); } };

    /* the live check: what the server's validators say, next to the fields; then(): after they are shown, if this is
       still the latest check */
    ed.check = function (now, then) {
      global.clearTimeout(timer);
      timer = global.setTimeout(function () {
        var data = spec.collect(), mine = (seq += 1);
        EMM.post(runtime, element, "studio_validate", data).then(function (body) {
          if (mine !== seq) { return; }
          spec.show(body.problems || [], data, "check");
          /* a row just added is not yet wrong: its problems wait for its first edit or a save */
          Array.prototype.forEach.call(form.querySelectorAll("[data-fresh]"), function (row) {
            unmarkAll(row, "[data-error-key], [data-error]");
          });
          if (then) { then(); }
        }, function () { /* checking is a help; saving reports errors */ });
      }, now ? 0 : ed.DELAY);
    };
    /* a check waiting or on its way is dropped: what comes next (a save, another view of the content) says what it
       says, and a late answer about the content as it was must not undo it */
    ed.dropChecks = function () { global.clearTimeout(timer); seq += 1; };

    /* The first problem in the form's order takes the focus, whatever its kind: a field in error (aria-invalid: marked
       by the server's validators, or a text over its limit, emm-forms.js), or an error's message ([data-blocking]):
       its field, else the first control beside it (tied to it), else the message itself. None: the message next to Save.
       A closed <details> holding it is opened. `focused`: an element that already has the focus there (a text over its
       limit, its caret put at the long line) and keeps it. Returns the element focused. */
    ed.focusFirstError = function (focused) {
      var first = form.querySelector("[data-blocking], [aria-invalid=true]:not(:disabled)");
      var over = EMM.overLimit(form);
      if (over && (!first || over.compareDocumentPosition(first) & global.Node.DOCUMENT_POSITION_FOLLOWING)) { first = over; }
      var target = first;
      if (first && first.hasAttribute("data-blocking")) {
        target = first.parentNode.querySelector("[aria-invalid=true]") || first.parentNode.querySelector("input, select, textarea");
        if (!target) { first.setAttribute("tabindex", "-1"); target = first; } else { tie(target, first); }
      }
      target = target || ed.saveAlert || form;
      for (var d = target.closest("details"); d; d = d.parentNode.closest("details")) { d.open = true; }
      if (target !== focused) { target.focus(); }
      return target;
    };
    /* A request of the editor that failed (`err` as EMM.post rejects it), in the editor's words: with no connection,
       what is still on the page is the author's changes (emm-common.js says it to learners, of their answers). Returns
       `err`. */
    ed.failed = function (err) {
      if (err.error === EMM.LOCAL_CODES.NETWORK) {
        err.message = _("No connection: your changes are still on this page. Check your connection and try again.");
      }
      return err;
    };
    ed.hideConfirm = function () { if (ed.confirmBox) { ed.confirmBox.hidden = true; } };

    ed.save = function (confirm) {
      /* what the last action said (an item removed, "Saved.") is not this save's outcome; every problem is shown now,
         a new row's too */
      EMM.clear(ed.status);
      Array.prototype.forEach.call(form.querySelectorAll("[data-fresh]"), function (r) { r.removeAttribute("data-fresh"); });
      /* JSON typed in "Edit as JSON" and not applied is what the author means to save: put in the form first, or the
         save refused beside the box (bug hunt s44: "Saved." with the box's text dropped) */
      if (jsonTyped() && !applyJson(true)) { return Promise.resolve(false); }
      /* an author saves, and may have more than this to fix: the form marks every problem */
      if (EMM.refuseOverLimit(form, ed.saveAlert || ed.alertBox, _("Not saved: a text is longer than its limit of {max} characters (nothing was cut). Fix it and any other problem marked in the form, then save again."))) {
        /* refused here, the focus at the text over its limit; a problem above it comes first, as in the server's
           refusal: one the last check marked at once, one the check run now finds once it answers (unless the author
           has edited or moved on meanwhile) */
        var at = ed.focusFirstError(global.document.activeElement), before = edits;
        ed.check(true, function () {
          if (edits === before && global.document.activeElement === at) { ed.focusFirstError(at); }
        });
        return Promise.resolve(false);
      }
      var data = spec.collect(), sent = snapshot();
      ed.dropChecks();
      EMM.clear(ed.alertBox, true);
      EMM.clear(ed.saveAlert, true);
      ed.hideConfirm();
      if (confirm === true) { data.confirm = true; }
      ed.notify("save", {state: "start"});
      return EMM.post(runtime, element, "studio_submit", data).then(function (body) {
        var n = (body.warnings || []).length;  /* said here too: a warning's field may be far up the form */
        spec.show(body.warnings || [], data, "saved");
        loaded = sent;
        ed.say(n ? EMM.format(EMM.ngettext("Saved, with {n} warning: see the message beside its field.",
          "Saved, with {n} warnings: see the messages beside their fields.", n), {n: EMM.count(n, root)}) : _("Saved."));
        ed.notify("save", {state: "end"});
        return true;
      }, function (err) {
        var problems = ed.failed(err).problems || [];
        var touched = err.error === EMM.EDITOR_CODES.ANSWERS_TOUCHED;
        EMM.say(ed.saveAlert || ed.alertBox, err.message);
        spec.show(problems, data, "refused");
        if (touched && ed.confirmBox) {
          ed.confirmBox.hidden = false;
          ed.saveAlert.focus();
        } else if (spec.refused) { spec.refused(problems, data); } else { ed.focusFirstError(); }
        ed.notify("error", {title: _("Not saved"), message: err.message});
        return false;
      });
    };

    /* rows: move up / down (the focus stays on the button), remove (the focus to the row in its place, or "Add") */
    /* Move up on a list's first row, Move down on its last: aria-disabled (focusable still: a move may leave the focus
       there), and pressed say so (bug hunt a11y). Marked after every row's change and when a load is done (recount). */
    ed.markEnds = function () {
      Array.prototype.forEach.call(form.querySelectorAll("[data-move]"), function (button) {
        var row = button.closest(rowSelector), up = button.getAttribute("data-move") === "-1";
        if (row && (up ? row.previousElementSibling : row.nextElementSibling)) { button.removeAttribute("aria-disabled"); }
        else if (row) { button.setAttribute("aria-disabled", "true"); }
      });
    };
    ed.move = function (row, up, button) {
      var other = up ? row.previousElementSibling : row.nextElementSibling;
      if (!other) { return false; }  /* as markEnds marks it */
      row.parentNode.insertBefore(row, up ? other : other.nextElementSibling);
      if (button) { button.focus(); }
      return true;
    };
    ed.remove = function (row) {
      var list = row.parentNode, next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      var target = next ? next.querySelector(spec.rowFocus || "input, textarea, select")
        : list.parentNode.querySelector("[data-add]");
      if (target) { target.focus(); }
      return list;
    };

    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !form.contains(button)) { return; }
      var row = button.closest(rowSelector), list;
      if (button.hasAttribute("data-add")) {
        row = spec.add(button.getAttribute("data-add"), button);
        if (!row) { return; }
        row.setAttribute("data-fresh", "");
        ed.recount(row);
        if (spec.changed) { spec.changed("added", row, row.parentNode); }
        ed.say(told("added", row));
      } else if (row && button.hasAttribute("data-remove")) {
        var said = told("removed", row);
        list = ed.remove(row);
        if (spec.changed) { spec.changed("removed", row, list); }
        ed.say(said);
      } else if (row && button.hasAttribute("data-move")) {
        var up = button.getAttribute("data-move") === "-1";
        if (!ed.move(row, up, button)) { ed.say(up ? _("Already first.") : _("Already last.")); return; }
        if (spec.changed) { spec.changed("moved", row, row.parentNode); }
        ed.say(told(up ? "up" : "down", row));
      } else { return; }
      ed.markEnds();
      changed();  /* a row added, removed or moved is an edit too (bug hunt s43) */
      ed.check();
    });
    function changed() { edits += 1; ed.hideConfirm(); }  /* "Save anyway" was for the form as it was offered */
    function edited(event) {
      if (inJson(event)) { return; }
      for (var r = event.target.closest("[data-fresh]"); r; r = r.parentNode.closest("[data-fresh]")) { r.removeAttribute("data-fresh"); }
      changed();
      if (!spec.edited || spec.edited(event) !== false) { ed.check(); }
    }
    /* "Edit as JSON (advanced)": the form's data, both ways. Opening it shows what the form holds (collect()); "Apply
       to the form" puts the box's object in the form (spec.load), checked by the server's validators. Until then the box
       is not the form: typing there checks nothing; JSON that is not an object is refused, the form kept. What the box
       holds unlike what it showed (jsonShown, or what it last applied), unless emptied, is typed and not applied: Save
       applies it first, Cancel counts it as a change, closing and opening the box keeps it (bug hunt s44). */
    var jsonTab = spec.load ? root.querySelector("[data-json-tab]") : null, jsonShown = null;
    var jsonArea = jsonTab && jsonTab.querySelector("[data-json]");
    var jsonAlert = jsonTab && (jsonTab.querySelector("[data-json-alert]") || ed.alertBox);
    function inJson(event) { return jsonTab !== null && jsonTab.contains(event.target); }
    function jsonTyped() { return jsonShown !== null && jsonArea.value.trim() !== "" && jsonArea.value !== jsonShown; }
    /* a refusal beside the box, in sight once said (EMM.say: 30 ms on): the form's alert is far above; on a save, the
       save's alert says why nothing was saved and the caret goes to the box */
    function refuseJson(message, saving) {
      EMM.say(jsonAlert, message);
      global.setTimeout(function () { if (jsonAlert.scrollIntoView) { jsonAlert.scrollIntoView({block: "nearest"}); } }, 40);
      if (saving) {
        EMM.say(ed.saveAlert || ed.alertBox, _("Not saved: the JSON typed in “Edit as JSON (advanced)” could not be put in the form. Correct it, or empty the box to save the form as it is."));
        jsonTab.open = true; jsonArea.focus();
      }
      return false;
    }
    /* all or nothing: JSON the form cannot show puts the form back as it was */
    function applyJson(saving) {
      var data, before = spec.collect();
      try { data = JSON.parse(jsonArea.value); } catch (e) { data = null; }
      if (!data || typeof data !== "object" || Array.isArray(data)) { return refuseJson(_("The content is not valid JSON."), saving); }
      try { spec.load(data); } catch (e) {
        spec.load(before);
        return refuseJson(_("The JSON does not fit the form: nothing was changed."), saving);
      }
      jsonShown = jsonArea.value;
      EMM.clear(ed.alertBox, true); EMM.clear(jsonAlert, true);
      changed();
      return true;
    }
    if (jsonTab) {
      jsonTab.addEventListener("toggle", function () {
        if (jsonTab.open && !jsonTyped()) { jsonShown = jsonArea.value = JSON.stringify(spec.collect(), null, 2); }
      });
      jsonTab.querySelector("[data-json-apply]").addEventListener("click", function () {
        if (applyJson(false)) { ed.say(_("The form now shows the JSON.")); ed.check(); }
      });
    }
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    form.addEventListener("submit", function (event) { event.preventDefault(); ed.save(); });
    EMM.watchLimits(form, ed.status);
    var confirmSave = root.querySelector("[data-confirm-save]");
    if (confirmSave) { confirmSave.addEventListener("click", function () { ed.save(true); }); }
    var cancel = root.querySelector("[data-cancel]");
    /* changed since loaded or saved: the author confirms before the runtime closes the editor */
    ed.changed = function () { return (loaded !== null && snapshot() !== loaded) || jsonTyped(); };
    /* the form shows what was saved, in another shape (the role-play's form drawn from the XML saved): compare with it */
    ed.rebase = function () { loaded = snapshot(); };
    if (cancel) {
      cancel.addEventListener("click", function () {
        if (ed.changed() && !global.confirm(_("Discard your changes? They have not been saved."))) { return; }
        ed.notify("cancel", {});
      });
    }
    return ed;
  }

  global.EmmEditor = {create: create, splitPath: splitPath, nextId: nextId, setValue: setValue,
    getValue: getValue, mark: mark, unmarkAll: unmarkAll, tie: tie, limit: limit};
}(window));
