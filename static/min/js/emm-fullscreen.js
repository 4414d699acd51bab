(function(global){"use strict";var EMM=global.EMM;if(EMM.fullscreen){return;}
var askedFullscreen=false,pendingFullscreen=null;function enterFullscreen(){var root=document.documentElement;if(!document.fullscreenEnabled||document.fullscreenElement||!root.requestFullscreen){return;}
askedFullscreen=true;var asked=root.requestFullscreen();pendingFullscreen=asked&&asked.then?asked:null;if(pendingFullscreen){pendingFullscreen.catch(function(){askedFullscreen=false;});}}
function leaveFullscreen(){var ours=askedFullscreen,pending=pendingFullscreen;askedFullscreen=false;pendingFullscreen=null;if(!ours||!document.exitFullscreen){return;}
function leave(){if(!document.fullscreenElement){return;}
var left=document.exitFullscreen();if(left&&left.catch){left.catch(function(){});}}
if(pending){pending.then(leave,function(){});}else{leave();}}
EMM.fullscreen={enter:enterFullscreen,leave:leaveFullscreen,asked:function(){return askedFullscreen;}};}(window));
