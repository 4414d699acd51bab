/* emm_evaluation_report: the report is rendered on the server as tables; the one action here is
   printing its one-page summary (the print stylesheet in emm-evaluation-report.css keeps only the
   title and the summary; the browser's print dialog also saves a PDF). */
function EmmEvaluationReport(runtime, element) {
  "use strict";
  var button = window.EMM.root(element).querySelector("[data-print]");
  if (button) { button.addEventListener("click", function () { window.print(); }); }
  return {runtime: runtime, element: element};
}
