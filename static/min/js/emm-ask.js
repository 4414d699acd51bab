(function(global){"use strict";var EMM=global.EMM,_=EMM.gettext,made=0;EMM.ask=function(button,question,onYes,opts){opts=opts||{};var row=button.parentNode,holder=row.parentNode,open=true,waiting=false;var block=opts.block?EMM.root(opts.block):null;if(holder.emmAskCancel){holder.emmAskCancel();}
var box=holder.querySelector(".emm-ask");if(box){box.remove();}
made+=1;var id="emm-ask-"+made;var yes=EMM.el("button",{type:"button",class:"emm-button emm-primary","data-ask-yes":true,text:button.textContent.trim()});var no=EMM.el("button",{type:"button",class:"emm-button","data-ask-no":true,text:_("Cancel")});var wait=EMM.el("p",{class:"emm-hint",role:"status","data-ask-wait":true});box=EMM.el("div",{class:"emm-ask emm-notice",role:"group","aria-labelledby":id},[EMM.el("p",{id:id,text:question}),EMM.el("p",{class:"emm-actions"},[yes," ",no]),wait]);function drop(){open=false;box.remove();if(holder.emmAskCancel===drop){holder.emmAskCancel=null;}}
holder.emmAskCancel=drop;function close(){drop();button.focus();}
function answered(){if(!open){return;}
if(block&&EMM.isBusy(block)){if(!waiting){waiting=true;yes.setAttribute("aria-busy","true");wait.textContent=_("Waiting for the last exchange with the course to finish…");}
global.setTimeout(answered,250);return;}
if(button.isConnected===false){drop();var fresh=block&&opts.again?block.querySelector(opts.again):null;if(fresh&&!fresh.disabled){fresh.parentNode.parentNode.insertBefore(EMM.el("p",{class:"emm-ask emm-notice",role:"status",text:EMM.format(_("The page has changed meanwhile: press “{action}” again if you still want to."),{action:fresh.textContent.trim()})}),fresh.parentNode.nextSibling);fresh.focus();}
return;}
close();onYes();}
yes.addEventListener("click",function(){if(!waiting){answered();}});no.addEventListener("click",close);box.addEventListener("keydown",function(event){if(event.key==="Escape"){event.preventDefault();close();}});row.parentNode.insertBefore(box,row.nextSibling);yes.focus();};})(window);
