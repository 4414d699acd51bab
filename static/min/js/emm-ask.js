(function(global){"use strict";var EMM=global.EMM,_=EMM.gettext,made=0;EMM.ask=function(button,question,onYes,opts){opts=opts||{};var row=button.parentNode,box=row.parentNode.querySelector(".emm-ask"),open=true,waiting=false;var block=opts.block?EMM.root(opts.block):null;if(box){box.remove();}
made+=1;var id="emm-ask-"+made;var yes=EMM.el("button",{type:"button",class:"emm-button emm-primary","data-ask-yes":true,text:button.textContent.trim()});var no=EMM.el("button",{type:"button",class:"emm-button","data-ask-no":true,text:_("Cancel")});var wait=EMM.el("p",{class:"emm-hint",role:"status","data-ask-wait":true});box=EMM.el("div",{class:"emm-ask emm-notice",role:"group","aria-labelledby":id},[EMM.el("p",{id:id,text:question}),EMM.el("p",{class:"emm-actions"},[yes," ",no]),wait]);function close(){open=false;box.remove();button.focus();}
function answered(){if(!open){return;}
if(block&&EMM.isBusy(block)){if(!waiting){waiting=true;yes.setAttribute("aria-busy","true");wait.textContent=_("Waiting for the last answer to reach the course…");}
global.setTimeout(answered,250);return;}
if(button.isConnected===false){open=false;box.remove();var fresh=block&&opts.again?block.querySelector(opts.again):null;if(fresh&&!fresh.disabled){fresh.click();}
return;}
close();onYes();}
yes.addEventListener("click",function(){if(!waiting){answered();}});no.addEventListener("click",close);box.addEventListener("keydown",function(event){if(event.key==="Escape"){event.preventDefault();close();}});row.parentNode.insertBefore(box,row.nextSibling);yes.focus();};})(window);
