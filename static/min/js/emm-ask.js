(function(global){"use strict";var EMM=global.EMM,_=EMM.gettext,made=0;EMM.ask=function(button,question,onYes,block){var row=button.parentNode,box=row.parentNode.querySelector(".emm-ask");if(box){box.remove();}
made+=1;var id="emm-ask-"+made;var yes=EMM.el("button",{type:"button",class:"emm-button emm-primary","data-ask-yes":true,text:button.textContent.trim()});var no=EMM.el("button",{type:"button",class:"emm-button","data-ask-no":true,text:_("Cancel")});box=EMM.el("div",{class:"emm-ask emm-notice",role:"group","aria-labelledby":id},[EMM.el("p",{id:id,text:question}),EMM.el("p",{class:"emm-actions"},[yes," ",no])]);function close(){box.remove();button.focus();}
function answered(){if(!box.parentNode){return;}
if(button.isConnected===false){box.remove();return;}
if(block&&EMM.isSending(block)){yes.setAttribute("aria-busy","true");global.setTimeout(answered,250);return;}
close();onYes();}
yes.addEventListener("click",function(){if(yes.getAttribute("aria-busy")!=="true"){answered();}});no.addEventListener("click",close);box.addEventListener("keydown",function(event){if(event.key==="Escape"){event.preventDefault();close();}});row.parentNode.insertBefore(box,row.nextSibling);yes.focus();};})(window);
