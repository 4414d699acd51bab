/* emm-xblocks: answers in progress kept on the device until the server has them (issue 10,
   decision 22). Loaded after emm-common.js on learner pages (common/base.py). */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (!EMM || EMM.deviceDraft) { return; }

  /* Answers in progress kept on this device (localStorage, never the server's store), per learner
     and block: `key` comes from the server (common/recovery.py draft_key: a keyed hash of the
     learner and the block, "" where nothing may be kept, such as staff viewing as a learner).
     The record is {data, queued: {handler, actionId} or null}: `queued` is an action that could
     not be sent (no connection), sent again with the same id when the link is back. `region` (a
     polite live region) says which state the answers are in; it changes only when the state does,
     so a screen reader hears it once, not at every key. Storage that is full, off or private
     (Safari) keeps nothing and says nothing: the page works as before. */
  EMM.deviceDraft = function (key, region) {
    var storage = null, name = "emm-draft-" + key, shown = "";
    try { storage = key ? global.localStorage : null; } catch (e) { storage = null; }
    function read() {
      if (!storage) { return null; }
      try {
        var record = JSON.parse(storage.getItem(name) || "null");
        return record && typeof record === "object" && !Array.isArray(record) ? record : null;
      } catch (e) { return null; }
    }
    function write(record) {
      if (!storage) { return false; }
      try { storage.setItem(name, JSON.stringify(record)); return true; } catch (e) { return false; }
    }
    function tell(text) {
      if (region && text !== shown) { shown = text; region.textContent = text; }
    }
    /* literal strings, for the catalogue's extraction */
    function local(record) {
      return record && record.queued ? EMM.gettext("Saved on this device: it will be sent when the connection is back.")
        : EMM.gettext("Saved on this device");
    }
    return {
      load: read,
      /* the answers changed on the page */
      keep: function (data) {
        var record = read() || {queued: null};
        record.data = data;
        if (write(record)) { tell(local(record)); }
      },
      /* an action that could not be sent: kept with its id, to send when the link is back */
      queue: function (handler, actionId, data) {
        var record = {data: data, queued: {handler: handler, actionId: actionId}};
        if (write(record)) { tell(local(record)); }
      },
      /* the server has the answers: nothing more to keep */
      sent: function () {
        if (storage) { try { storage.removeItem(name); } catch (e) { /* nothing kept */ } }
        tell(EMM.gettext("Sent"));
      },
      /* the device copy is out of date (the server has a submitted attempt): forget it quietly */
      drop: function () {
        if (storage) { try { storage.removeItem(name); } catch (e) { /* nothing kept */ } }
        tell("");
      },
      /* a kept record was put back into the form: say so */
      restored: function (record) { tell(local(record)); }
    };
  };
  /* The polite live region of a block's draft state, made once, after `anchor`. */
  EMM.draftStatus = function (anchor) {
    var region = EMM.el("p", {class: "emm-draft-status", role: "status", "data-draft-status": true});
    anchor.insertAdjacentElement("afterend", region);
    return region;
  };
}(window));
