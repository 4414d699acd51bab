(function(global){"use strict";if(global.EmmEditor){return;}
var EMM=global.EMM;function _(text){return EMM.gettext(text);}
EMM.EDITOR_CODES=Object.freeze({ANSWERS_TOUCHED:"answers_touched",UNREACHABLE:"unreachable",DEAD_END:"dead_end",LOOP_WITHOUT_ENDING:"loop_without_ending",UNKNOWN_TARGET:"unknown_target",STRANDED:"stranded"});function splitPath(field){return String(field||"").split(".").filter(function(p){return p!=="";}).map(function(p){return/^\d+$/.test(p)?Number(p):p;});}
function nextId(used,stem,retired){var taken={},n=1;(used||[]).concat(retired||[]).forEach(function(id){taken[String(id).toLowerCase()]=true;});while(Object.prototype.hasOwnProperty.call(taken,(stem+n).toLowerCase())){n+=1;}
return stem+n;}
function setValue(input,value){if(input.type==="checkbox"){input.checked=value===true;}
else if(input.hasAttribute("data-lines")&&Array.isArray(value)){input.value=value.join("\n");}
else{input.value=value===null||value===undefined?"":String(value);}}
function getValue(input){if(input.type==="checkbox"){return input.checked;}
if(input.hasAttribute("data-lines")){return input.value.split("\n").map(function(s){return s.trim();}).filter(Boolean);}
return input.value;}
function limit(scope,attr,rows,limits){Array.prototype.forEach.call(scope.querySelectorAll("["+attr+"]"),function(control){var max=(limits||{})[(rows?rows+".":"")+control.getAttribute(attr)];if(max&&control.tagName!=="SELECT"&&control.type!=="checkbox"){control.setAttribute("data-max-chars",String(max));}});}
function mark(problem,slot,input){if(!slot){return;}
var message=problem.error===false?EMM.format(_("Warning: {message}"),{message:problem.message}):problem.message;slot.textContent=slot.textContent?slot.textContent+" "+message:message;if(problem.error===false){if(!slot.hasAttribute("data-blocking")){slot.classList.add("emm-warning-text");}}else{slot.setAttribute("data-blocking","");slot.classList.remove("emm-warning-text");if(input){input.setAttribute("aria-invalid","true");}}}
function unmarkAll(scope,slots){Array.prototype.forEach.call(scope.querySelectorAll(slots),function(slot){slot.textContent="";slot.classList.remove("emm-warning-text");slot.removeAttribute("data-blocking");});Array.prototype.forEach.call(scope.querySelectorAll("[aria-invalid]"),function(n){n.removeAttribute("aria-invalid");});Array.prototype.forEach.call(scope.querySelectorAll("[data-tied]"),function(control){untie(control);});}
var ties=0;function describedBy(control){return(control.getAttribute("aria-describedby")||"").split(/\s+/).filter(Boolean);}
function tie(control,message){if(!message.id){ties+=1;message.id="emm-problem-"+ties;}
if(describedBy(control).indexOf(message.id)>=0){return;}
untie(control);control.setAttribute("aria-describedby",describedBy(control).concat([message.id]).join(" "));control.setAttribute("data-tied",message.id);}
function untie(control){var tied=control.getAttribute("data-tied"),ids=describedBy(control).filter(function(id){return id!==tied;});if(ids.length){control.setAttribute("aria-describedby",ids.join(" "));}else{control.removeAttribute("aria-describedby");}
control.removeAttribute("data-tied");}
function create(runtime,element,spec){function told(what,row){var title=spec.title?spec.title(row):null,item={item:title};if(title===null){return"";}
return title?EMM.format({added:_("{item} added."),removed:_("{item} removed."),up:_("Moved up: now {item}."),down:_("Moved down: now {item}.")}[what],item):{added:_("Added."),removed:_("Removed."),up:_("Moved up."),down:_("Moved down.")}[what];}
var root=EMM.root(element).querySelector(spec.root)||EMM.root(element);var form=root.querySelector("form");var rowSelector=spec.row||"[data-row]";var timer=null,seq=0,edits=0,loaded=null;function snapshot(){return JSON.stringify((spec.snapshot||spec.collect)());}
var ed={root:root,form:form,alertBox:root.querySelector("[data-alert]"),saveAlert:root.querySelector("[data-save-alert]"),confirmBox:root.querySelector("[data-confirm]"),status:root.querySelector("[data-status]"),settings:(spec.settings||[]).slice(),DELAY:400};ed.field=function(name){return root.querySelector("[data-field=\""+name+"\"]");};ed.load=function(names,data){names.forEach(function(name){setValue(ed.field(name),data[name]);});};ed.read=function(names){var data={};names.forEach(function(name){data[name]=getValue(ed.field(name));});return data;};ed.loadSettings=function(data){ed.load(ed.settings,data);};ed.readSettings=function(){return ed.read(ed.settings);};ed.say=function(message){if(message){EMM.say(ed.status,message);}};ed.recount=function(scope){if(!scope&&loaded===null){loaded=snapshot();}
if(!scope){ed.markEnds();}
Array.prototype.forEach.call((scope||form).querySelectorAll("[data-max-chars]"),function(control){EMM.countChars(control);});};ed.notify=function(name,data){if(runtime.notify){runtime.notify(name,data);}};ed.check=function(now,then){global.clearTimeout(timer);timer=global.setTimeout(function(){var data=spec.collect(),mine=(seq+=1);EMM.post(runtime,element,"studio_validate",data).then(function(body){if(mine!==seq){return;}
spec.show(body.problems||[],data,"check");Array.prototype.forEach.call(form.querySelectorAll("[data-fresh]"),function(row){unmarkAll(row,"[data-error-key], [data-error]");});if(then){then();}},function(){});},now?0:ed.DELAY);};ed.dropChecks=function(){global.clearTimeout(timer);seq+=1;};ed.focusFirstError=function(focused){var first=form.querySelector("[data-blocking], [aria-invalid=true]:not(:disabled)");var over=EMM.overLimit(form);if(over&&(!first||over.compareDocumentPosition(first)&global.Node.DOCUMENT_POSITION_FOLLOWING)){first=over;}
var target=first;if(first&&first.hasAttribute("data-blocking")){target=first.parentNode.querySelector("[aria-invalid=true]")||first.parentNode.querySelector("input, select, textarea");if(!target){first.setAttribute("tabindex","-1");target=first;}else{tie(target,first);}}
target=target||ed.saveAlert||form;for(var d=target.closest("details");d;d=d.parentNode.closest("details")){d.open=true;}
if(target!==focused){target.focus();}
return target;};ed.failed=function(err){if(err.error===EMM.LOCAL_CODES.NETWORK){err.message=_("No connection: your changes are still on this page. Check your connection and try again.");}
return err;};ed.hideConfirm=function(){if(ed.confirmBox){ed.confirmBox.hidden=true;}};ed.save=function(confirm){EMM.clear(ed.status);Array.prototype.forEach.call(form.querySelectorAll("[data-fresh]"),function(r){r.removeAttribute("data-fresh");});if(jsonTyped()&&!applyJson(true)){return Promise.resolve(false);}
if(EMM.refuseOverLimit(form,ed.saveAlert||ed.alertBox,_("Not saved: a text is longer than its limit of {max} characters (nothing was cut). Fix it and any other problem marked in the form, then save again."))){var at=ed.focusFirstError(global.document.activeElement),before=edits;ed.check(true,function(){if(edits===before&&global.document.activeElement===at){ed.focusFirstError(at);}});return Promise.resolve(false);}
var data=spec.collect(),sent=snapshot();ed.dropChecks();EMM.clear(ed.alertBox,true);EMM.clear(ed.saveAlert,true);ed.hideConfirm();if(confirm===true){data.confirm=true;}
ed.notify("save",{state:"start"});return EMM.post(runtime,element,"studio_submit",data).then(function(body){var n=(body.warnings||[]).length;spec.show(body.warnings||[],data,"saved");loaded=sent;ed.say(n?EMM.format(EMM.ngettext("Saved, with {n} warning: see the message beside its field.","Saved, with {n} warnings: see the messages beside their fields.",n),{n:EMM.count(n,root)}):_("Saved."));ed.notify("save",{state:"end"});return true;},function(err){var problems=ed.failed(err).problems||[];var touched=err.error===EMM.EDITOR_CODES.ANSWERS_TOUCHED;EMM.say(ed.saveAlert||ed.alertBox,err.message);spec.show(problems,data,"refused");if(touched&&ed.confirmBox){ed.confirmBox.hidden=false;ed.saveAlert.focus();}else if(spec.refused){spec.refused(problems,data);}else{ed.focusFirstError();}
ed.notify("error",{title:_("Not saved"),message:err.message});return false;});};ed.markEnds=function(){Array.prototype.forEach.call(form.querySelectorAll("[data-move]"),function(button){var row=button.closest(rowSelector),up=button.getAttribute("data-move")==="-1";if(row&&(up?row.previousElementSibling:row.nextElementSibling)){button.removeAttribute("aria-disabled");}
else if(row){button.setAttribute("aria-disabled","true");}});};ed.move=function(row,up,button){var other=up?row.previousElementSibling:row.nextElementSibling;if(!other){return false;}
row.parentNode.insertBefore(row,up?other:other.nextElementSibling);if(button){button.focus();}
return true;};ed.remove=function(row){var list=row.parentNode,next=row.nextElementSibling||row.previousElementSibling;row.remove();var target=next?next.querySelector(spec.rowFocus||"input, textarea, select"):list.parentNode.querySelector("[data-add]");if(target){target.focus();}
return list;};form.addEventListener("click",function(event){var button=event.target.closest("button");if(!button||!form.contains(button)){return;}
var row=button.closest(rowSelector),list;if(button.hasAttribute("data-add")){row=spec.add(button.getAttribute("data-add"),button);if(!row){return;}
row.setAttribute("data-fresh","");ed.recount(row);if(spec.changed){spec.changed("added",row,row.parentNode);}
ed.say(told("added",row));}else if(row&&button.hasAttribute("data-remove")){var said=told("removed",row);list=ed.remove(row);if(spec.changed){spec.changed("removed",row,list);}
ed.say(said);}else if(row&&button.hasAttribute("data-move")){var up=button.getAttribute("data-move")==="-1";if(!ed.move(row,up,button)){ed.say(up?_("Already first."):_("Already last."));return;}
if(spec.changed){spec.changed("moved",row,row.parentNode);}
ed.say(told(up?"up":"down",row));}else{return;}
ed.markEnds();changed();ed.check();});function changed(){edits+=1;ed.hideConfirm();}
function edited(event){if(inJson(event)){return;}
for(var r=event.target.closest("[data-fresh]");r;r=r.parentNode.closest("[data-fresh]")){r.removeAttribute("data-fresh");}
changed();if(!spec.edited||spec.edited(event)!==false){ed.check();}}
var jsonTab=spec.load?root.querySelector("[data-json-tab]"):null,jsonShown=null;var jsonArea=jsonTab&&jsonTab.querySelector("[data-json]");var jsonAlert=jsonTab&&(jsonTab.querySelector("[data-json-alert]")||ed.alertBox);function inJson(event){return jsonTab!==null&&jsonTab.contains(event.target);}
function jsonTyped(){return jsonShown!==null&&jsonArea.value.trim()!==""&&jsonArea.value!==jsonShown;}
function refuseJson(message,saving){EMM.say(jsonAlert,message);global.setTimeout(function(){if(jsonAlert.scrollIntoView){jsonAlert.scrollIntoView({block:"nearest"});}},40);if(saving){EMM.say(ed.saveAlert||ed.alertBox,_("Not saved: the JSON typed in “Edit as JSON (advanced)” could not be put in the form. Correct it, or empty the box to save the form as it is."));jsonTab.open=true;jsonArea.focus();}
return false;}
function applyJson(saving){var data,before=spec.collect();try{data=JSON.parse(jsonArea.value);}catch(e){data=null;}
if(!data||typeof data!=="object"||Array.isArray(data)){return refuseJson(_("The content is not valid JSON."),saving);}
try{spec.load(data);}catch(e){spec.load(before);return refuseJson(_("The JSON does not fit the form: nothing was changed."),saving);}
jsonShown=jsonArea.value;EMM.clear(ed.alertBox,true);EMM.clear(jsonAlert,true);changed();return true;}
if(jsonTab){jsonTab.addEventListener("toggle",function(){if(jsonTab.open&&!jsonTyped()){jsonShown=jsonArea.value=JSON.stringify(spec.collect(),null,2);}});jsonTab.querySelector("[data-json-apply]").addEventListener("click",function(){if(applyJson(false)){ed.say(_("The form now shows the JSON."));ed.check();}});}
form.addEventListener("input",edited);form.addEventListener("change",edited);form.addEventListener("submit",function(event){event.preventDefault();ed.save();});EMM.watchLimits(form,ed.status);var confirmSave=root.querySelector("[data-confirm-save]");if(confirmSave){confirmSave.addEventListener("click",function(){ed.save(true);});}
var cancel=root.querySelector("[data-cancel]");ed.changed=function(){return(loaded!==null&&snapshot()!==loaded)||jsonTyped();};ed.rebase=function(){loaded=snapshot();};if(cancel){cancel.addEventListener("click",function(){if(ed.changed()&&!global.confirm(_("Discard your changes? They have not been saved."))){return;}
ed.notify("cancel",{});});}
return ed;}
global.EmmEditor={create:create,splitPath:splitPath,nextId:nextId,setValue:setValue,getValue:getValue,mark:mark,unmarkAll:unmarkAll,tie:tie,limit:limit};}(window));
