(function(global){"use strict";var EMM=global.EMM;function runtimeFor(url){return{handlerUrl:function(){return url;}};}
function alertOf(node){var scope=node.closest(".emm-by-day-launch, .emm");return scope?scope.querySelector("[data-alert]"):null;}
function hostOf(section){return section.closest("[data-by-day-host]")||section.parentNode;}
function focusIn(host){(host.querySelector("[data-left-out]")||host.querySelector("[data-by-day-title]")||host).focus();}
function confirmBox(item){return item.querySelector("[data-confirm]");}
function cancel(item,focus){confirmBox(item).hidden=true;var button=item.querySelector("[data-leave-out]");button.hidden=false;if(focus){button.focus();}}
function ask(item){var asking=item.closest("[data-by-day]").querySelector("[data-confirm]:not([hidden])");if(asking){cancel(asking.closest("[data-day]"),false);}
confirmBox(item).hidden=false;item.querySelector("[data-leave-out]").hidden=true;item.querySelector("[data-leave-out-no]").focus();}
function leaveOut(item){var section=item.closest("[data-by-day]"),host=hostOf(section);EMM.action(runtimeFor(section.getAttribute("data-url")),section,"leave_out_day",{day:item.getAttribute("data-day"),reply:"page"},{button:item.querySelector("[data-leave-out-yes]"),alert:alertOf(section),offline:EMM.gettext("No connection: the course may not have received this. Check your connection and try again."),onSuccess:function(body){EMM.setServerHtml(host,body.html);focusIn(host);}});}
function toggle(button){var host=document.getElementById(button.getAttribute("aria-controls"));if(!host){return;}
if(button.getAttribute("aria-expanded")==="true"){host.hidden=true;button.setAttribute("aria-expanded","false");return;}
EMM.action(runtimeFor(button.getAttribute("data-url")),button,"answers_by_day",{},{button:button,alert:alertOf(button),offline:EMM.gettext("No connection: the answers by day could not be shown. Check your connection and try again."),onSuccess:function(body){EMM.setServerHtml(host,body.html);host.hidden=false;button.setAttribute("aria-expanded","true");focusIn(host);}});}
document.addEventListener("click",function(event){var control=event.target.closest&&event.target.closest("[data-by-day-open], [data-leave-out], [data-leave-out-yes], [data-leave-out-no]");if(!control||control.disabled){return;}
if(control.hasAttribute("data-by-day-open")){toggle(control);return;}
var item=control.closest("[data-by-day] [data-day]");if(!item){return;}
if(control.hasAttribute("data-leave-out")){ask(item);}
else if(control.hasAttribute("data-leave-out-no")){cancel(item,true);}
else{leaveOut(item);}});document.addEventListener("keydown",function(event){if(event.key!=="Escape"){return;}
var asking=event.target.closest&&event.target.closest("[data-by-day] [data-confirm]:not([hidden])");if(!asking){return;}
event.preventDefault();cancel(asking.closest("[data-day]"),true);});}(window));
