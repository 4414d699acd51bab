function EmmLikert(runtime,element,args){"use strict";var EMM=window.EMM,_=EMM.gettext;var root=EMM.root(element).querySelector(".emm-likert")||EMM.root(element);var form=root.querySelector("form");var alertBox=root.querySelector("[data-alert]");var status=root.querySelector("[data-status]");var progress=root.querySelector("[data-progress]");var submit=root.querySelector("[data-submit]");var showResults=root.querySelector("[data-show-results]");var state={submitted:args.submitted,locked:args.locked};EMM.enterSelects(root);var drafts=EMM.deviceDraft(form||state.locked?args.draft_key||"":"",submit?EMM.draftStatus(submit):null);function statements(){return Array.prototype.slice.call(root.querySelectorAll("[data-statement]"));}
function collect(){var answers={};statements().forEach(function(fs){var picked=fs.querySelector("input[type=radio]:checked");if(picked){answers[fs.getAttribute("data-statement")]=picked.value==="na"?"na":parseInt(picked.value,10);}});return answers;}
function commentBox(){return root.querySelector("textarea[name=comment]");}
function current(){var comment=commentBox();return{answers:collect(),comment:comment?comment.value:"",profile:EMM.profile(root),scale_id:args.scale_id};}
function fill(data){var answers=data.answers||{};statements().forEach(function(fs){var id=fs.getAttribute("data-statement");if(!Object.prototype.hasOwnProperty.call(answers,id)){return;}
fs.querySelectorAll("input[type=radio]").forEach(function(input){input.checked=input.value===String(answers[id]);});});var comment=commentBox();if(comment&&typeof data.comment==="string"){comment.value=data.comment;}
if(typeof data.profile==="string"){EMM.fillProfile(root,data.profile);}}
function restore(data){if(state.locked){return false;}
if(typeof data.scale_id!=="string"||data.scale_id===args.scale_id){fill(data);return true;}
drafts.drop();fill({comment:data.comment,profile:data.profile});if((data.comment||"").trim()||data.profile){drafts.keep(current());}
EMM.say(alertBox,_("The answer scale of this evaluation has changed: your answers were not recorded. Please answer again on the new scale."));return false;}
function same(a,b){var keys=Object.keys(a||{});return keys.length===Object.keys(b||{}).length&&keys.every(function(k){return String(a[k])===String((b||{})[k]);});}
function saved(body){state.submitted=true;status.removeAttribute("role");status.removeAttribute("aria-live");function live(){status.setAttribute("role","status");status.setAttribute("aria-live","polite");}
status.addEventListener("blur",live,{once:true});status.textContent=body.can_change?_("Thank you: your answers were saved. You can change them and submit again."):_("Thank you: your answers were saved.");if(!body.can_change){state.locked=true;lock();}
else if(submit){submit.textContent=_("Update my answers");}
if(body.results_available){var section=root.querySelector("[data-results-section]");if(section){section.hidden=false;}}
status.focus();if(document.activeElement!==status){status.removeEventListener("blur",live);live();}
if(showResults&&showResults.getAttribute("aria-expanded")==="true"){EMM.clear(root.querySelector("[data-results]"));showResults.setAttribute("aria-expanded","false");showResults.hidden=false;askResults(false);}}
function refresh(err){if(EMM.writesClosed(err)){if(err.error===EMM.CODES.PAST_DUE){drafts.lapse(alertBox);}
state.locked=true;lock(false);return;}
EMM.post(runtime,element,"state",{}).then(function(body){if(!body.submitted){return;}
var record=drafts.load(),mine=record&&record.data;var arrived=body.locked||(mine&&same(mine.answers,body.answers)&&(mine.comment||"").trim()===body.comment);if(!arrived){return;}
drafts.sent();EMM.clear(alertBox,true);saved(body);},function(){});}
function send(payload,actionId){return EMM.action(runtime,element,"submit",payload,{button:submit,alert:alertBox,actionId:actionId,hold:EMM.holdForm(form),onSuccess:function(body){drafts.sent();saved(body);},onError:function(err,meta){if(err.statements){markErrors(err.statements,true);}
if(err.error===EMM.CODES.ALREADY_SUBMITTED){state.locked=true;lock();drafts.drop();}
drafts.failed("submit",payload,err,meta,alertBox);if(err.error===EMM.CODES.SCALE_CHANGED){state.locked=true;window.location.reload();}},refresh:refresh});}
function resend(){var record=drafts.load();if(state.locked||EMM.isSending(element)||!record||!record.queued||!record.data){return;}
send(record.data,record.queued.actionId);}
function updateProgress(){if(!progress||state.locked){return;}
var done=Object.keys(collect()).length;progress.textContent=EMM.format(_("Answered {done} of {total}"),{done:EMM.count(done,root),total:EMM.count(args.total,root)});}
function markErrors(ids,focus){var said=Object.create(null);ids.forEach(function(id){said[id]=_("Please choose an answer.");});return EMM.mark(root,"data-statement",said,focus);}
var missingLine="";function unmarkAnswered(){var marked=statements().filter(function(fs){return fs.classList.contains("emm-invalid");});if(!marked.length){return;}
var still=missingRequired(collect()).filter(function(id){return marked.some(function(fs){return fs.getAttribute("data-statement")===id;});});if(still.length<marked.length&&!markErrors(still,false)&&alertBox.textContent===missingLine){EMM.clear(alertBox,true);}}
function missingRequired(answers){return statements().filter(function(fs){return fs.hasAttribute("data-required")&&!(fs.getAttribute("data-statement")in answers);}).map(function(fs){return fs.getAttribute("data-statement");});}
function lock(sent){root.querySelectorAll("input, textarea").forEach(function(input){input.disabled=true;});if(submit){submit.hidden=true;}
if(progress){progress.hidden=true;}
var confirmation=sent===false?null:root.querySelector("[data-sent]");if(confirmation&&form){form.hidden=true;confirmation.hidden=false;}}
function onSubmit(event){event.preventDefault();if(state.locked){return;}
EMM.clear(alertBox,true);var answers=collect();var missing=missingRequired(answers);if(markErrors(missing,true)){missingLine=EMM.format(_("Please answer every required statement ({n} left)."),{n:EMM.count(missing.length,root)});EMM.say(alertBox,missingLine);return;}
if(EMM.refuseOverLimit(form,alertBox)){return;}
send(current());}
if(args.lapsed){drafts.lapse(alertBox);}else if(state.locked){drafts.drop();}
if(form){form.addEventListener("submit",onSubmit);form.addEventListener("change",function(){updateProgress();drafts.keep(current());unmarkAnswered();});form.addEventListener("input",function(event){if(event.target.tagName==="TEXTAREA"){drafts.keep(current());}});EMM.ready(root);drafts.resume(element,restore,resend);EMM.watchLimits(form,status);updateProgress();}
var noResults=_("No connection: the results could not be shown. Check your connection and try again.");function load(files){var loaded=window.EmmLikertFiles=window.EmmLikertFiles||{};function one(url){loaded[url]=loaded[url]||new Promise(function(resolve,reject){var node=EMM.el("link",{rel:"stylesheet",href:url});node.onload=resolve;node.onerror=function(){delete loaded[url];node.remove();reject({error:EMM.LOCAL_CODES.NETWORK,message:noResults});};document.head.appendChild(node);});return loaded[url];}
return Promise.all((files.styles||[]).map(one));}
function askResults(focus){var target=root.querySelector("[data-results]");var panel=load(args.results_files||{});panel.catch(function(){});EMM.action(runtime,element,"get_results",{reply:"page"},{button:showResults,alert:alertBox,offline:noResults,onSuccess:function(data){panel.then(function(){EMM.setServerHtml(target,data.html);showResults.setAttribute("aria-expanded","true");showResults.hidden=true;if(focus){(target.querySelector("[data-results-title]")||target).focus();}},function(err){EMM.say(alertBox,err.message);});}});}
if(showResults){showResults.addEventListener("click",function(){askResults(true);});}}
