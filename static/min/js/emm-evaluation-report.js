function EmmEvaluationReport(runtime,element){"use strict";var block=window.EMM.root(element),button=block.querySelector("[data-print]");window.EMM.tableStops(block);var root=document.documentElement;function done(){root.classList.remove("emm-er-printing");}
if(button){button.addEventListener("click",function(){root.classList.add("emm-er-printing");window.addEventListener("afterprint",done,{once:true});window.print();});}
return{runtime:runtime,element:element};}
