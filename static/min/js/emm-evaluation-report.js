function EmmEvaluationReport(runtime,element){"use strict";var button=window.EMM.root(element).querySelector("[data-print]");var root=document.documentElement;function done(){root.removeAttribute("data-emm-print-summary");}
if(button){button.addEventListener("click",function(){root.setAttribute("data-emm-print-summary","");window.addEventListener("afterprint",done,{once:true});window.print();});}
return{runtime:runtime,element:element};}
