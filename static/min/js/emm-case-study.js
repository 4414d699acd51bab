function EmmCaseStudy(runtime,element,args){"use strict";var EMM=window.EMM,_=EMM.gettext;var root=EMM.root(element).querySelector(".emm-case")||EMM.root(element);var form=root.querySelector(".emm-case-form");var alertBox=root.querySelector("[data-alert]");var status=root.querySelector("[data-status]");var feedbackBox=root.querySelector("[data-feedback]");EMM.tableStops(root);EMM.enterSelects(root);var actions=root.querySelector("[data-form-actions]");var attemptsLine=root.querySelector("[data-attempts]");var LOW="emm-low-data";var PAGE="page";var shownSubmitted=!!args.submitted;var drafts=EMM.questionDrafts(element,form,{key:args.draft_key,line:actions,keep:onDevice,fill:fillRest,refresh:refresh,saved:args.draft_saved,send:{submit:function(data,actionId){submitAnswers(data.answers,actionId,data.profile);},save_draft:function(data,actionId){saveDraft(data.answers,actionId,data.profile);}}});function collect(){return EMM.questionAnswers(root);}
function profile(){return EMM.profile(root);}
function onDevice(){return{answers:collect(),profile:profile()};}
function fillRest(data){if(typeof data.profile==="string"){EMM.fillProfile(root,data.profile);}
form.querySelectorAll("textarea[data-min-words]").forEach(function(area){countInto(area);});}
function countInto(area,typed){var counter=area.parentNode.querySelector("[data-word-count]");if(!counter){return;}
var min=parseInt(area.getAttribute("data-min-words"),10)||0;var max=parseInt(area.getAttribute("data-max-words"),10)||0;var n=EMM.countWords(area.value),values={n:EMM.count(n,root),min:EMM.count(min,root),max:EMM.count(max,root)};var text=EMM.ngettext("{n} word","{n} words",n);if(min&&max){text=EMM.ngettext("{n} word (between {min} and {max})","{n} words (between {min} and {max})",n);}
else if(min){text=EMM.ngettext("{n} word (minimum {min})","{n} words (minimum {min})",n);}
else if(max){text=EMM.ngettext("{n} word (at most {max})","{n} words (at most {max})",n);}
counter.textContent=EMM.format(text,values);var over=Boolean(max&&n>max),said=EMM.format(EMM.ngettext("This answer is too long ({max} word at most).","This answer is too long ({max} words at most).",max),values);counter.classList.toggle("emm-over",over);if(typed&&over&&!area.emmWordsOver){tell(said);}
area.emmWordsOver=over;var stillOver=Array.prototype.some.call(form.querySelectorAll("textarea[data-max-words]"),function(a){return a.emmWordsOver;});if(!over&&!stillOver&&status.textContent===said){hush();}}
function setLocked(locked){root.querySelectorAll(".emm-case-form input, .emm-case-form textarea").forEach(function(i){i.disabled=locked;});if(actions){actions.hidden=locked;}}
function showAttempts(left,closed){if(!attemptsLine){return;}
if(closed){EMM.clear(attemptsLine);return;}
if(left!==null&&left!==undefined){attemptsLine.textContent=EMM.format(EMM.ngettext("{n} attempt left","{n} attempts left",left),{n:EMM.count(left,root)});}}
function tell(text,tone,unseen){if(tone){status.setAttribute("data-tone",tone);}else{status.removeAttribute("data-tone");}
if(!unseen){EMM.say(status,text);return;}
EMM.say(status,"");window.setTimeout(function(){status.replaceChildren(document.createTextNode(text),EMM.el("span",{class:"emm-sr",text:" "+unseen}));},30);}
function hush(){status.removeAttribute("data-tone");EMM.clear(status);}
function showFeedback(body){shownSubmitted=true;var kept=root.querySelector("[data-draft-kept]");if(kept){kept.remove();}
EMM.setServerHtml(feedbackBox,body.html);showAttempts(body.attempts_left,body.closed);var said=body.announcement||body.message||"",score=body.message||"";var rest=score&&said.indexOf(score)===0?said.slice(score.length).trim():"";tell(rest?score:said,body.tone,rest);(feedbackBox.querySelector("[data-focus]")||feedbackBox).focus();}
function written(box){var copy=box.cloneNode(true);copy.querySelectorAll(".emm-ask, .emm-sending").forEach(function(n){n.remove();});return copy.textContent.replace(/\s+/g," ").trim()+Array.prototype.map.call(copy.querySelectorAll("input"),function(i){return"|"+i.value+(i.hasAttribute("checked")?"+":"")+(i.hasAttribute("disabled")?"!":"");}).join("");}
function drawnAs(html){var box=document.createElement("div");box.appendChild(EMM.serverFragment(html));return written(box)===written(feedbackBox);}
var answered=0;function refresh(err){var asked=answered;EMM.whileReading(element,EMM.post(runtime,element,"state",{reply:PAGE})).then(function(body){if(asked!==answered){return;}
if(body.submitted&&shownSubmitted&&drawnAs(body.html)){showAttempts(body.attempts_left,body.closed);return;}
if(body.submitted){if(err&&err.error===EMM.CODES.PAST_DUE){drafts.lapse(alertBox);}
else if(!drafts.settle(err,alertBox)){EMM.clear(alertBox,true);}
EMM.markQuestions(root,[]);setLocked(true);showFeedback(body);}else{if(shownSubmitted){EMM.clear(alertBox,true);retried();}else if(EMM.writesClosed(err)){if(err.error===EMM.CODES.PAST_DUE){drafts.lapse(alertBox);}
setLocked(true);}
showAttempts(body.attempts_left,body.closed);}},function(){});}
function run(handler,data,button,done,actionId){return EMM.action(runtime,element,handler,data,{button:button,alert:alertBox,actionId:actionId,hold:handler==="submit"?EMM.holdForm(form):null,moot:handler==="save_draft"?function(){return shownSubmitted;}:null,onSuccess:function(body,meta){answered+=1;done(body,meta);},onError:function(err,meta){hush();EMM.markRefusedAnswers(root,err);if(handler==="submit"||handler==="save_draft"){drafts.failed(handler,data,err,meta,alertBox);}},refresh:refresh});}
function submitAnswers(answers,actionId,who){var data={answers:answers,profile:typeof who==="string"?who:profile(),reply:PAGE};return run("submit",data,root.querySelector("[data-submit]"),function(body){drafts.sent();setLocked(true);showFeedback(body);},actionId);}
function saveDraft(answers,actionId,who){var save=root.querySelector("[data-save]");var data={answers:answers,profile:typeof who==="string"?who:profile()};return run("save_draft",data,save,function(reply){drafts.sent("",{answers:data.answers,profile:data.profile},reply.saved_at);tell(reply.message);},actionId);}
if(form){form.addEventListener("submit",function(event){event.preventDefault();hush();if(EMM.refuseOverLimit(form,alertBox)){return;}
var answers=EMM.completeAnswers(root,alertBox);if(!answers){return;}
submitAnswers(answers);});root.querySelector("[data-save]").addEventListener("click",function(){hush();if(EMM.refuseOverLimit(form,alertBox)){return;}
var waiting=(drafts.load()||{}).queued;if(waiting&&waiting.handler==="submit"){drafts.keep(onDevice());drafts.resend();return;}
saveDraft(collect());});form.addEventListener("input",function(event){if(event.target.tagName==="TEXTAREA"&&event.target.hasAttribute("data-min-words")){countInto(event.target,true);}});form.querySelectorAll("textarea[data-min-words]").forEach(function(area){if(area.value.trim()){countInto(area);}});EMM.ready(root);if(args.lapsed){drafts.lapse(alertBox);}else{drafts.start(shownSubmitted);}
EMM.watchLimits(form,status);}
feedbackBox.addEventListener("click",function(event){var target=event.target;if(target.hasAttribute("data-assess")){var ticked=function(){var ticks={},none=false;feedbackBox.querySelectorAll("[data-key-points]").forEach(function(fs){ticks[fs.getAttribute("data-key-points")]=Array.prototype.map.call(fs.querySelectorAll("input:checked"),function(i){return i.value;});none=none||ticks[fs.getAttribute("data-key-points")].length===0;});return{ticks:ticks,none:none};};var asked=feedbackBox.querySelector(".emm-ask");if(asked){asked.remove();}
var save=function(){run("self_assess",{ticks:ticked().ticks,reply:PAGE},target,showFeedback);};var sure=_("You ticked no key point for an answer: it will get 0 points, and a saved self-assessment cannot be changed. Save it anyway?");if(ticked().none){EMM.ask(target,sure,save,{block:element,again:"[data-assess]"});}else{save();}}else if(target.hasAttribute("data-retry")){var question=target.getAttribute("data-confirm");var retry=function(){run("try_again",{},target,retried);};if(question){EMM.ask(target,question,retry,{block:element,again:"[data-retry]"});}else{retry();}}});function retried(){shownSubmitted=false;feedbackBox.replaceChildren();setLocked(false);drafts.drop();tell(_("Your previous answers are in the form: change them and submit again."));var question=root.querySelector("[data-question]");var first=question&&(question.querySelector("input:checked")||question.querySelector("input, textarea"));if(first){first.focus();}}
var lowData=root.querySelector("[data-low-data]");var low=false;try{low=window.localStorage.getItem(LOW)==="1";}catch(e){low=false;}
function imageOf(button){var id=button.getAttribute("data-show-image");return id?document.getElementById(id):button.closest(".emm-case-image").querySelector("img");}
function loadImage(button){var img=imageOf(button);if(!img){return null;}
if(!img.getAttribute("src")){img.setAttribute("src",img.getAttribute("data-src"));}
img.hidden=false;button.hidden=true;return img;}
function applyLowData(){root.querySelectorAll("[data-large]").forEach(function(link){var button=link.parentNode.querySelector("[data-show-link]");if(button&&!link.hasAttribute("data-shown")){link.hidden=low;button.hidden=!low;}});if(!low){root.querySelectorAll(".emm-case-body [data-show-image]").forEach(loadImage);}}
if(lowData){lowData.checked=low;lowData.addEventListener("change",function(){low=lowData.checked;try{window.localStorage.setItem(LOW,low?"1":"0");}catch(e){}
applyLowData();});}
root.querySelectorAll(".emm-case-body [data-show-image]").forEach(function(button){button.addEventListener("click",function(){var img=loadImage(button);if(!img){return;}
img.setAttribute("tabindex","-1");img.focus();});});root.querySelectorAll("[data-show-link]").forEach(function(button){button.addEventListener("click",function(){var link=button.parentNode.querySelector("[data-large]");link.setAttribute("data-shown","");link.hidden=false;button.hidden=true;link.focus();});});applyLowData();function opened(item,via){return EMM.post(runtime,element,"document_opened",{index:parseInt(item.getAttribute("data-document"),10),via:via});}
root.querySelectorAll("[data-document]").forEach(function(item){var viewer=item.querySelector("[data-viewer]"),text=item.querySelector("[data-doc-text]");var link=item.querySelector("[data-document-link]");if(link){link.addEventListener("click",function(){opened(item,"link").catch(function(){});});}
if(!viewer){return;}
var state="";function load(){if(!viewer.open||state==="loading"||state==="done"){return;}
state="loading";text.setAttribute("aria-busy","true");text.replaceChildren(EMM.el("p",{class:"emm-hint",text:_("Loading…")}));opened(item,"viewer").then(function(body){EMM.setServerHtml(text,body.html);state="done";},function(err){var offline=err.error===EMM.LOCAL_CODES.NETWORK;var message=offline?_("No connection: the document will load when the connection is back."):err.message;text.replaceChildren(EMM.el("p",{class:"emm-field-error",text:message}));EMM.say(alertBox,message);state="";if(offline){again(message);}}).then(function(){text.removeAttribute("aria-busy");});}
var wait=2000;function again(message){function retry(){if(alertBox.textContent===message){EMM.clear(alertBox,true);}
if(viewer.open){load();}}
if(window.navigator.onLine===false){wait=2000;window.addEventListener("online",function(){window.setTimeout(retry,300);},{once:true});}else{window.setTimeout(retry,wait);wait=Math.min(2*wait,60000);}}
viewer.addEventListener("toggle",load);});}
