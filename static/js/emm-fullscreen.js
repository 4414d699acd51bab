/* EMM.fullscreen: the live room's projection fills the screen (emm-present.js). In the LMS the
   block is in an iframe as tall as the unit (frontend-app-learning's ContentIFrame.jsx:
   allowFullScreen): the frame's document is asked to fill the screen, while the click's
   activation lasts, as browsers require; a refusal (a phone, a frame without allowfullscreen)
   leaves the projection as large as the frame. Only a full screen this script asked for is left
   by it; the request settles later (the browser switches), so leaving waits for it: a projection
   refused or closed at once must not leave the unit in full screen once the switch is done.
   enter(), leave(), asked(): whether the full screen now is the one asked for. */
(function (global) {
  "use strict";
  var EMM = global.EMM;
  if (EMM.fullscreen) { return; } /* a second block on the page loads this file again */
  var askedFullscreen = false, pendingFullscreen = null;

  function enterFullscreen() {
    var root = document.documentElement;
    if (!document.fullscreenEnabled || document.fullscreenElement || !root.requestFullscreen) { return; }
    askedFullscreen = true;
    var asked = root.requestFullscreen();
    pendingFullscreen = asked && asked.then ? asked : null;
    if (pendingFullscreen) { pendingFullscreen.catch(function () { askedFullscreen = false; }); }
  }

  function leaveFullscreen() {
    var ours = askedFullscreen, pending = pendingFullscreen;
    askedFullscreen = false;
    pendingFullscreen = null;
    if (!ours || !document.exitFullscreen) { return; }
    function leave() {
      if (!document.fullscreenElement) { return; }
      var left = document.exitFullscreen();
      if (left && left.catch) { left.catch(function () { /* already left */ }); }
    }
    if (pending) { pending.then(leave, function () { /* never entered */ }); } else { leave(); }
  }

  EMM.fullscreen = {enter: enterFullscreen, leave: leaveFullscreen, asked: function () { return askedFullscreen; }};
}(window));
