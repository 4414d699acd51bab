(function(global){"use strict";var EMM=global.EMM;if(!EMM||EMM.deviceDraft){return;}
var DRAFT="save_draft";EMM.deviceDraft=function(key,region){var storage=null,name="emm-draft-"+key,shown="",known=0,offered=null;try{storage=key?global.localStorage:null;}catch(e){storage=null;}
function read(){if(!storage){return null;}
try{var record=JSON.parse(storage.getItem(name)||"null");return record&&typeof record==="object"&&!Array.isArray(record)?record:null;}catch(e){return null;}}
function write(record){if(!storage){return false;}
try{storage.setItem(name,JSON.stringify(record));return true;}catch(e){return false;}}
function tell(text,quiet,again){if(!region||(text===shown&&!again)){return;}
shown=text;if(quiet){region.setAttribute("aria-hidden","true");}
else if(again||region.hasAttribute("aria-hidden")){region.removeAttribute("aria-hidden");region.textContent="";global.setTimeout(function(){if(shown===text){region.textContent=text;}},30);return;}
region.textContent=text;}
function local(record){if(!record||!record.queued){return EMM.gettext("Saved on this device");}
if(record.queued.why===EMM.LOCAL_CODES.SIGNED_OUT){return record.queued.handler===DRAFT?EMM.gettext("Saved on this device: reload the page (sign in again if asked) to save your draft on the course."):EMM.gettext("Saved on this device: reload the page (sign in again if asked) to submit your answers.");}
return record.queued.handler===DRAFT?EMM.gettext("Saved on this device: your draft will be saved on the course when the connection is back."):EMM.gettext("Saved on this device: your answers will be submitted when the connection is back.");}
function waits(){var q=(read()||{}).queued;return q?q.why||true:false;}
function forget(){if(storage){try{storage.removeItem(name);}catch(e){}}
tell("");}
function older(record,saved){if(!saved||!record.at||(record.queued&&record.queued.handler!==DRAFT)){return false;}
return!((record.base||0)>=saved)&&!((record.at||0)>saved);}
function same(a,b){return JSON.stringify(sorted(a))===JSON.stringify(sorted(b));}
function sorted(value){if(!value||typeof value!=="object"||Array.isArray(value)){return value;}
return Object.keys(value).sort().map(function(k){return[k,sorted(value[k])];});}
function next(handler,actionId,err){var waiting=(read()||{}).queued,why=err&&err.error===EMM.LOCAL_CODES.SIGNED_OUT?err.error:undefined;if(handler===DRAFT&&waiting&&waiting.handler!==DRAFT){return Object.assign({},waiting,{why:why});}
return{handler:handler,actionId:actionId,why:why};}
function put(data,queued,again,at){var record={data:data,queued:queued,at:at||Date.now(),base:known},kept=write(record);if(kept){tell(local(record),false,again);}
return kept;}
return{load:read,keep:function(data){put(data,(read()||{}).queued||null);},queue:function(handler,actionId,data){return put(data,next(handler,actionId));},waits:waits,failed:function(handler,data,err,meta,alertBox){var record=read();if(!EMM.isFinal(err)){var offline=global.navigator.onLine===false;if(put(data,next(handler,meta.actionId,err),offline)&&offline){EMM.clear(alertBox,true);}}else if(record){var waiting=record.queued;put(record.data,handler===DRAFT&&waiting&&waiting.handler!==DRAFT?waiting:null,false,record.at);}},sent:function(said,data,savedAt){var record=read();if(savedAt){known=savedAt;}
if(data&&record&&record.data&&!same(record.data,data)){if(record.at!==offered){put(record.data,null,false,record.at);}
return;}
if(storage){try{storage.removeItem(name);}catch(e){}}
tell(typeof said==="string"?said:EMM.gettext("Sent"),true);},drop:forget,lapse:function(box){var kept=read();forget();if(!kept||!kept.data){return false;}
EMM.say(box,EMM.gettext("Your answers kept on this device were not submitted before the due date. They have been removed from this device."));return true;},resume:function(element,fill,resend,saved,offer){var kept=read();known=saved||0;if(kept&&kept.queued&&kept.queued.why){kept.queued.why=undefined;write(kept);}
if(kept&&kept.data&&offer&&older(kept,known)){if(kept.queued){kept.queued=null;write(kept);}
offered=kept.at;offer(kept);}else if(kept&&kept.data&&fill(kept.data)!==false){tell(local(kept));if(kept.queued&&global.navigator.onLine!==false){resend();}}
EMM.whenOnline(element,resend,waits);}};};EMM.draftStatus=function(anchor){var region=EMM.el("p",{class:"emm-draft-status",role:"status","data-draft-status":true});anchor.insertAdjacentElement("afterend",region);return region;};}(window));
