function EmmRolePlay(runtime,element){"use strict";var EMM=window.EMM,_=EMM.gettext;var root=EMM.root(element).querySelector(".emm-role-play")||EMM.root(element);var panel=root.querySelector("[data-panel]");var alertBox=root.querySelector("[data-alert]");var status=root.querySelector("[data-status]");var waiting=null;function show(body,chose){EMM.setServerHtml(panel,body.html);var target=(chose&&panel.querySelector(".emm-rp-consequence[data-focus]"))||panel.querySelector("[data-focus]:not(.emm-rp-consequence)");if(target){target.focus();}
if(body.announcement){EMM.say(status,body.announcement);}}
function where(box){box=box||panel;var choice=box.querySelector("[data-choice]"),step=box.querySelector("[data-step]");return[choice&&choice.getAttribute("data-choice"),step&&step.textContent,!!box.querySelector("[data-role]")].join("|");}
function whereIn(html){var box=document.createElement("div");box.appendChild(EMM.serverFragment(html));return where(box);}
var done=0;function waitingText(label){return EMM.format(_("No connection: your choice “{choice}” will be sent when the connection is back (keep this page open)."),{choice:label});}
function tellWaiting(saying){var text=waitingText(waiting.label),coming=saying&&!alertBox.hidden&&alertBox.textContent==="";if(alertBox.hidden||alertBox.textContent!==text){if(!coming){EMM.say(alertBox,text);}
window.setTimeout(function(){if(alertBox.scrollIntoView){alertBox.scrollIntoView({block:"nearest"});}},40);}}
function refresh(err,meta){var sent=done;EMM.whileReading(element,EMM.post(runtime,element,"state",{})).then(function(body){if(sent!==done){return;}
if(err||meta||waiting||whereIn(body.html)!==where()){show(body);}
if(!waiting){if(meta&&meta.lost){EMM.clear(alertBox,true);}}else if(where()!==waiting.at){EMM.settle(element,waiting.handler);waiting=null;EMM.clear(alertBox,true);}else if(EMM.isSending(element)){}else if(!waiting.tried){waiting.tried=true;resend();}else if(linkTrouble(err)){tellWaiting();}},function(){if(waiting&&err&&err.error!==EMM.LOCAL_CODES.NETWORK&&linkTrouble(err)){tellWaiting();}});}
function linkTrouble(err){return EMM.isLost(err)&&err.error!==EMM.LOCAL_CODES.SIGNED_OUT&&!(err.status>=500);}
function send(act,button){var at=where();EMM.action(runtime,element,act.handler,act.data,{button:button,alert:alertBox,offline:waitingText(act.label),actionId:act.id,onSuccess:function(body){waiting=null;done+=1;show(body,act.handler==="choose");},onError:function(err,meta){waiting=EMM.isFinal(err)?null:act;if(!waiting){return;}
act.why=err.error===EMM.LOCAL_CODES.SIGNED_OUT?err.error:null;if(act.id!==meta.actionId){act.id=meta.actionId;act.at=at;act.tried=false;}
if(err.error===EMM.LOCAL_CODES.NETWORK){tellWaiting(true);}},refresh:refresh});}
function resend(){var button=Array.prototype.find.call(panel.querySelectorAll("button"),function(b){return b.getAttribute(waiting.attr)===waiting.value;});send(waiting,button);}
function tap(handler,data,button){var attr=["data-choice","data-role","data-back","data-restart"].find(function(a){return button.hasAttribute(a);});send({handler:handler,data:data,attr:attr,value:button.getAttribute(attr),label:button.textContent.trim()},button);}
EMM.whenOnline(element,function(){if(EMM.isSending(element)){return;}
if(waiting){resend();}else{refresh();}},function(){return waiting?waiting.why||true:false;});root.addEventListener("click",function(event){var target=event.target.closest("button");if(!target||!panel.contains(target)){return;}
if(target.hasAttribute("data-choice")){tap("choose",{choice:target.getAttribute("data-choice")},target);}
else if(target.hasAttribute("data-role")){tap("begin",{role:target.getAttribute("data-role"),profile:EMM.profile(root)},target);}
else if(target.hasAttribute("data-back")){tap("back",{},target);}
else if(target.hasAttribute("data-restart")){var question=target.getAttribute("data-confirm");var restart=function(){tap("restart",{},target);};if(question){EMM.ask(target,question,restart,{block:element,again:"[data-restart]"});}else{restart();}}});EMM.ready(root);}
