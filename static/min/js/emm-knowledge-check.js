function EmmKnowledgeCheck(runtime,element,args){"use strict";var EMM=window.EMM;var root=EMM.root(element).querySelector(".emm-kc")||EMM.root(element);var form=root.querySelector(".emm-kc-form");var alertBox=root.querySelector("[data-alert]");var status=root.querySelector("[data-status]");var feedbackBox=root.querySelector("[data-feedback]");var actions=root.querySelector("[data-form-actions]");EMM.tableStops(root);if(!form){if(args.draft_key){EMM.deviceDraft(args.draft_key,null).drop();}
return;}
EMM.enterSelects(root);var PAGE="page";var drafts=EMM.questionDrafts(element,form,{key:args.draft_key,line:actions,refresh:refresh,keep:function(){return{answers:EMM.questionAnswers(form)};},send:{submit:function(data,actionId){submitAnswers(data.answers,actionId);}}});var shown=!!args.submitted;function showFeedback(body){shown=true;form.querySelectorAll("input").forEach(function(i){i.disabled=true;});if(actions){actions.hidden=true;}
EMM.setServerHtml(feedbackBox,body.html);if(body.tone){status.setAttribute("data-tone",body.tone);}else{status.removeAttribute("data-tone");}
var message=feedbackBox.querySelector("[data-message]");if(message){EMM.clear(status);message.setAttribute("tabindex","-1");message.focus();if(document.activeElement!==message){EMM.say(status,body.announcement||body.message||"");}
return;}
EMM.say(status,body.announcement||body.message||"");feedbackBox.focus();}
function refresh(err){if(shown&&!err){return;}
EMM.post(runtime,element,"state",{reply:PAGE}).then(function(body){if(!body.submitted&&EMM.writesClosed(err)){if(err.error===EMM.CODES.PAST_DUE){drafts.lapse(alertBox);}
form.querySelectorAll("input").forEach(function(i){i.disabled=true;});if(actions){actions.hidden=true;}}
if(!body.submitted){return;}
if(!drafts.settle(err,alertBox)){EMM.clear(alertBox,true);}
EMM.markQuestions(root,[]);showFeedback(body);},function(){});}
function submitAnswers(answers,actionId){var data={answers:answers,reply:PAGE};EMM.action(runtime,element,"submit",data,{button:root.querySelector("[data-submit]"),alert:alertBox,actionId:actionId,hold:EMM.holdForm(form),onSuccess:function(body){drafts.sent();showFeedback(body);},onError:function(err,meta){EMM.markRefusedAnswers(root,err);if(err.error===EMM.CODES.ALREADY_SUBMITTED){drafts.drop();}
drafts.failed("submit",data,err,meta,alertBox);},refresh:refresh});}
form.addEventListener("submit",function(event){event.preventDefault();var answers=EMM.completeAnswers(root,alertBox);if(!answers){return;}
submitAnswers(answers);});EMM.ready(root);if(args.lapsed){drafts.lapse(alertBox);}else{drafts.start(!!args.submitted);}}
