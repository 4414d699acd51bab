/* Staff: the comments of the Likert results panel, a page at a time (likert/comments.py, decision 98),
   added to staff's Likert pages only. The panel holds the first page; "Show more comments"
   ([data-comments-more], where the last page stopped in data-after, JSON) asks the staff-only handler
   comments_page (the section's data-url) for the next. Each comment is put in as text, never as HTML (a
   learner wrote it), in its own direction. The first one added takes the focus (Tab goes on to the
   button); how many were added and how many of all are shown is said in the section's status line.
   Failures are said in the block's alert. */
(function (global) {
  "use strict";
  var EMM = global.EMM;

  /* the handler's address the panel holds, as EMM.action asks a runtime for it */
  function runtimeFor(url) { return {handlerUrl: function () { return url; }}; }

  function counted(shown, total, section) {
    if (shown === total) {
      return EMM.format(EMM.ngettext("{n} comment", "{n} comments", total), {n: EMM.count(total, section)});
    }
    return EMM.format(EMM.ngettext("{shown} of {total} comment shown", "{shown} of {total} comments shown", total),
      {shown: EMM.count(shown, section), total: EMM.count(total, section)});
  }

  function more(button) {
    var section = button.closest("[data-comments]"), list = section.querySelector("ul");
    var count = section.querySelector("[data-comments-count]"), scope = section.closest(".emm");
    var after;
    try { after = JSON.parse(button.getAttribute("data-after")); } catch (e) { after = null; }
    EMM.action(runtimeFor(section.getAttribute("data-url")), section, "comments_page", {after: after}, {
      button: button,
      alert: scope ? scope.querySelector("[data-alert]") : null,
      offline: EMM.gettext("No connection: the comments could not be shown. Check your connection and try again."),
      onSuccess: function (body) {
        var first = null;
        body.comments.forEach(function (text) {
          var item = EMM.el("li", {dir: "auto", text: text});
          list.appendChild(item);
          first = first || item;
        });
        var shown = list.children.length;
        count.textContent = counted(shown, body.total, section);
        if (body.next) {
          button.setAttribute("data-after", JSON.stringify(body.next));
        } else {
          button.parentNode.hidden = true;
          /* sent or left out since the panel was drawn: the list is not all there is */
          if (shown !== body.total) {
            section.querySelector("[data-comments-note]").textContent = EMM.gettext(
              "Comments were sent or left out since the results were shown: reload the page to list them all.");
          }
        }
        var added = body.comments.length;
        EMM.say(section.querySelector("[data-comments-said]"), EMM.format(
          EMM.ngettext("{n} comment added.", "{n} comments added.", added), {n: EMM.count(added, section)}) +
          " " + count.textContent);
        /* on the first new comment, read next; else (none came, the button gone) on the count */
        var target = first || (body.next ? button : count);
        if (target !== button) { target.setAttribute("tabindex", "-1"); }
        target.focus();
      }
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-comments-more]");
    if (!button || button.disabled) { return; }
    more(button);
  });
}(window));
