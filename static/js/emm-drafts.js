/* emm-xblocks: answers in progress kept on the device (docs/javascript.md) */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (!EMM || EMM.deviceDraft) { return; }
  var DRAFT = "save_draft";  /* the handler that keeps a draft on the server (the case study's) */

  /* the record {data, queued, at, base} under `key` ("" keeps nothing); `region` says its state. `at`: when it was
     typed (this device's clock, ms); `base`: the save time of the server's draft this page knew then (decision 117) */
  EMM.deviceDraft = function (key, region) {
    var storage = null, name = "emm-draft-" + key, shown = "", known = 0, offered = null;
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
    /* quiet: shown, not read out (the page says the same news itself); the next news after it is set a moment after
       the line is read out again, as EMM.say does, so that it is announced; `again`: the same text said once more
       (the line is then the page's only news: a send that failed offline again) */
    function tell(text, quiet, again) {
      if (!region || (text === shown && !again)) { return; }
      shown = text;
      if (quiet) { region.setAttribute("aria-hidden", "true"); }
      else if (again || region.hasAttribute("aria-hidden")) {
        region.removeAttribute("aria-hidden");
        region.textContent = "";
        global.setTimeout(function () { if (shown === text) { region.textContent = text; } }, 30);
        return;
      }
      region.textContent = text;
    }
    /* literal strings, for extraction */
    function local(record) {
      if (!record || !record.queued) { return EMM.gettext("Saved on this device"); }
      if (record.queued.why === EMM.LOCAL_CODES.SIGNED_OUT) {  /* no return of the link sends them: a reload does */
        return record.queued.handler === DRAFT
          ? EMM.gettext("Saved on this device: reload the page (sign in again if asked) to save your draft on the course.")
          : EMM.gettext("Saved on this device: reload the page (sign in again if asked) to submit your answers.");
      }
      return record.queued.handler === DRAFT
        ? EMM.gettext("Saved on this device: your draft will be saved on the course when the connection is back.")
        : EMM.gettext("Saved on this device: your answers will be submitted when the connection is back.");
    }
    /* what waits: false, true, or why it waits (signed_out: the page shown again tries, not the timer; EMM.whenOnline) */
    function waits() { var q = (read() || {}).queued; return q ? q.why || true : false; }
    function forget() {
      if (storage) { try { storage.removeItem(name); } catch (e) { /* nothing kept */ } }
      tell("");
    }
    /* `record` typed before the server's draft saved at `saved`, which this device did not know: older */
    function older(record, saved) {
      if (!saved || !record.at || (record.queued && record.queued.handler !== DRAFT)) { return false; }  /* !at: kept before 117 */
      return !((record.base || 0) >= saved) && !((record.at || 0) > saved);
    }
    /* the same answers, whatever the order of their keys */
    function same(a, b) { return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)); }
    function sorted(value) {
      if (!value || typeof value !== "object" || Array.isArray(value)) { return value; }
      return Object.keys(value).sort().map(function (k) { return [k, sorted(value[k])]; });
    }
    /* what waits after `handler` was not sent: it, except that a submission waiting is never turned
       into a draft (a draft saved offline after it goes with it, its answers the latest: trial s37); `why` it waits
       is kept when the session ended (signed_out: only a reload sends it) */
    function next(handler, actionId, err) {
      var waiting = (read() || {}).queued, why = err && err.error === EMM.LOCAL_CODES.SIGNED_OUT ? err.error : undefined;
      if (handler === DRAFT && waiting && waiting.handler !== DRAFT) { return Object.assign({}, waiting, {why: why}); }
      return {handler: handler, actionId: actionId, why: why};
    }
    function put(data, queued, again, at) {
      var record = {data: data, queued: queued, at: at || Date.now(), base: known}, kept = write(record);
      if (kept) { tell(local(record), false, again); }
      return kept;
    }
    return {
      load: read,
      /* the answers changed on the page */
      keep: function (data) { put(data, (read() || {}).queued || null); },
      /* not sent: kept with its id, sent when the link is back (true: kept) */
      queue: function (handler, actionId, data) { return put(data, next(handler, actionId)); },
      waits: waits,
      /* onError: what may pass waits; after a final refusal, nothing */
      failed: function (handler, data, err, meta, alertBox) {
        var record = read();
        if (!EMM.isFinal(err)) {
          /* offline, the line is all that is said (the alert goes): said again at each try */
          var offline = global.navigator.onLine === false;
          if (put(data, next(handler, meta.actionId, err), offline) && offline) { EMM.clear(alertBox, true); }
        } else if (record) {  /* a submission waiting stays, whatever became of a draft */
          var waiting = record.queued;
          put(record.data, handler === DRAFT && waiting && waiting.handler !== DRAFT ? waiting : null, false, record.at);
        }
      },
      /* the server has the answers: nothing more to keep. The line says "Sent" (a submission);
         `said`: what it says instead ("" after a draft kept on the server, which the page says). Quietly: the page
         says the outcome itself (its status, its feedback), read out once. `data`: what went, where the form stays
         open while it goes (a draft): the device keeps what was typed since, nothing waiting (bug hunt s44: the words
         typed while a slow link carried the draft went with the copy, and a reload showed the draft as at the tap).
         `savedAt`: the draft's save time on the server (its reply's `saved_at`): what the device keeps is newer */
      sent: function (said, data, savedAt) {
        var record = read();
        if (savedAt) { known = savedAt; }
        if (data && record && record.data && !same(record.data, data)) {
          /* the older answers offered back stay as they were: older than this draft too (decision 117) */
          if (record.at !== offered) { put(record.data, null, false, record.at); }
          return;
        }
        if (storage) { try { storage.removeItem(name); } catch (e) { /* nothing kept */ } }
        tell(typeof said === "string" ? said : EMM.gettext("Sent"), true);
      },
      /* out of date (the server has a submitted attempt): forget it quietly */
      drop: forget,
      /* past the due date with nothing submitted (the server's `lapsed`): what the device kept can never go. Forgotten
         (a shared phone keeps no learner's answers for good), and `box` says they were not submitted, so that nobody
         believes they went (true: there was something to say) */
      lapse: function (box) {
        var kept = read();
        forget();
        if (!kept || !kept.data) { return false; }
        EMM.say(box, EMM.gettext("Your answers kept on this device were not submitted before the due date. They have been removed from this device."));
        return true;
      },
      /* at the page's start: what was kept back in the form (fill(data); false: not put back) and
         said, what waits sent (resend()) if the link is up, and again each time it comes back. `saved`: the save time
         of the server's draft in the form (ms, 0: none). What the device kept without a submission waiting, typed
         before that draft was saved and with that draft unknown to this device (saved on another: decision 117),
         does not replace it: it is kept as it was, not sent, and given to offer(record) (the page offers it back) */
      resume: function (element, fill, resend, saved, offer) {
        var kept = read();
        known = saved || 0;
        /* the reload a session that ended asked for: it waits for the link again */
        if (kept && kept.queued && kept.queued.why) { kept.queued.why = undefined; write(kept); }
        if (kept && kept.data && offer && older(kept, known)) {
          if (kept.queued) { kept.queued = null; write(kept); }  /* never sent over the newer draft */
          offered = kept.at;
          offer(kept);
        } else if (kept && kept.data && fill(kept.data) !== false) {
          tell(local(kept));
          if (kept.queued && global.navigator.onLine !== false) { resend(); }
        }
        EMM.whenOnline(element, resend, waits);
      }
    };
  };
  /* the polite live region of the draft state, after `anchor` */
  EMM.draftStatus = function (anchor) {
    var region = EMM.el("p", {class: "emm-draft-status", role: "status", "data-draft-status": true});
    anchor.insertAdjacentElement("afterend", region);
    return region;
  };
}(window));
