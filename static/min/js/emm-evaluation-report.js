function EmmEvaluationReport(runtime,element){"use strict";var button=window.EMM.root(element).querySelector("[data-print]");if(button){button.addEventListener("click",function(){window.print();});}
return{runtime:runtime,element:element};}
