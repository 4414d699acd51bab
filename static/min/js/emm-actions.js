(function(global){"use strict";var EMM=global.EMM;if(!EMM||EMM.action){return;}
var pending=new WeakMap();function actionId(block,handler,data,given){var mine=pending.get(block);if(!mine){mine={};pending.set(block,mine);}
var body=JSON.stringify(data||{}),last=mine[handler];var id=given||(last&&last.body===body?last.id:EMM.newActionId());mine[handler]={id:id,body:body};return id;}
EMM.settle=function(element,handler){delete(pending.get(EMM.root(element))||{})[handler];};var sending=new WeakSet(),reading=new WeakMap(),retries=new WeakMap(),queues=new WeakMap(),timed=0;EMM.SLOW_MS=500;EMM.STILL_MS=20e3;EMM.GIVE_UP_MS=90e3;EMM.isSending=function(element){return sending.has(EMM.root(element));};function queued(block){var q=queues.get(block);if(!q){q=[];queues.set(block,q);}return q;}
EMM.isBusy=function(element){var block=EMM.root(element);return EMM.isSending(block)||queued(block).length>0||(reading.get(block)||0)>0;};EMM.whileReading=function(element,promise){var block=EMM.root(element),done=function(){reading.set(block,reading.get(block)-1);};reading.set(block,(reading.get(block)||0)+1);return promise.then(function(v){done();return v;},function(e){done();throw e;});};function alertOf(block,opts){return opts.alert!==undefined?opts.alert:block.querySelector("[data-alert]");}
EMM.action=function(runtime,element,handler,data,opts){opts=opts||{};var block=EMM.root(element),start=function(){return act(runtime,block,handler,data,opts);};if(!sending.has(block)&&!queued(block).length){return start();}
return timed?Promise.resolve(null):later(block,start,opts);};function later(block,start,opts){var button=opts.button||null,release=opts.hold?opts.hold():null,sign=null;var focused=!!button&&document.activeElement===button;if(button){button.disabled=true;button.setAttribute("aria-busy","true");sign=button.insertAdjacentElement("afterend",EMM.el("span",{class:"emm-sending",role:"status"}));EMM.say(sign,EMM.gettext("Waiting for the previous request: this will be sent next."));}
return new Promise(function(resolve){queued(block).push(function(closed){if(sign){sign.remove();}if(release){release();}
if(button){button.disabled=!!closed;button.removeAttribute("aria-busy");}
if(closed||(opts.moot&&opts.moot())){resolve(false);return;}
if(!button){resolve(start());return;}
if(!block.contains(button)||button.closest("[hidden]")){EMM.say(alertOf(block,opts),EMM.gettext("Not sent: the page changed while the request before it was on its way. Check the page, then try again."));resolve(false);return;}
var now=document.activeElement;if(focused&&(!now||now===document.body)){button.focus();}
resolve(start());});});}
function next(block,closed){var q=queued(block);while(q.length&&!sending.has(block)){q.shift()(closed);}}
function act(runtime,block,handler,data,opts){sending.add(block);var id=actionId(block,handler,data,opts.actionId);var button=opts.button||null,alertBox=alertOf(block,opts),sent=Object.assign({},data||{},{action_id:id});var sign=null,timer=null,giveUp=null,quiet=timed,release=opts.hold?opts.hold():null;var closed=false;function over(){var retry=retries.get(block);if(retry){retry();}
next(block,closed);}
var focused=!!button&&document.activeElement===button;if(!quiet){EMM.clear(alertBox,true);}
if(button){button.disabled=true;button.setAttribute("aria-busy","true");sign=EMM.el("span",{class:"emm-sending",role:"status"});button.insertAdjacentElement("afterend",sign);}
function show(text){if(sign){sign.textContent=text;}}
timer=global.setTimeout(function(){show(opts.busyText||EMM.gettext("Sending…"));timer=global.setTimeout(function(){show(EMM.gettext("Still sending: the connection is slow. Keep this page open."));timer=global.setTimeout(function(){giveUp();},EMM.GIVE_UP_MS+2*JSON.stringify(sent).length-EMM.STILL_MS);},EMM.STILL_MS-EMM.SLOW_MS);},EMM.SLOW_MS);function finish(closed){sending.delete(block);global.clearTimeout(timer);if(sign){sign.remove();}if(release){release();}
if(button){button.disabled=!!closed;button.removeAttribute("aria-busy");}
var now=document.activeElement;if(focused&&!closed&&(!now||now===document.body)){button.focus();}}
return EMM.post(runtime,block,handler,sent,function(stop){giveUp=stop;}).then(function(body){EMM.settle(block,handler);finish(false);EMM.clear(alertBox,true);if(opts.onSuccess){opts.onSuccess(body,{actionId:id,lost:false});}
return true;},function(err){err=err&&typeof err.message==="string"?err:{error:EMM.LOCAL_CODES.HTTP_ERROR,message:EMM.gettext("Something went wrong. Please try again.")};if(err.error===EMM.LOCAL_CODES.NETWORK&&opts.offline){err=Object.assign({},err,{message:opts.offline});}
var lost=EMM.isLost(err);if(!lost){EMM.settle(block,handler);}
closed=EMM.writesClosed(err);finish(closed);var shown=!!alertBox&&!alertBox.hidden&&alertBox.textContent===err.message;if(!quiet||(err.error!==EMM.LOCAL_CODES.NETWORK&&!shown)){EMM.say(alertBox,err.message);}
if(opts.onError){opts.onError(err,{actionId:id,lost:lost});}
if(opts.refresh){opts.refresh(err,{actionId:id,lost:lost});}
return false;}).then(function(done){over();return done;},function(e){over();throw e;});}
EMM.whenOnline=function(element,fn,waits){var delay=0,timer=0;function timely(){var why=waits();return!!why&&why!==EMM.LOCAL_CODES.SIGNED_OUT;}
function go(){if(!document.hidden&&global.navigator.onLine!==false&&waits()){timed=1;try{fn();}finally{timed=0;}}}
global.addEventListener("online",function(){var why=waits();if(why===EMM.LOCAL_CODES.SIGNED_OUT){return;}
if(why){delay=1500;}
fn();});document.addEventListener("visibilitychange",go);retries.set(EMM.root(element),function(){global.clearTimeout(timer);delay=timely()?Math.min(2*delay||15e3,24e4):0;if(delay){timer=global.setTimeout(go,delay);}});};}(window));
