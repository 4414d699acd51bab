/* emm_evaluation_report: the report is rendered on the server as tables; the one action here is
   printing its one-page summary (the print stylesheet in emm-evaluation-report.css keeps only the
   title and the summary; the browser's print dialog also saves a PDF). */
function EmmEvaluationReport(runtime, element) {
  "use strict";
  var block = window.EMM.root(element), button = block.querySelector("[data-print]");
  window.EMM.tableStops(block);  /* a table that fits is no tab stop (emm-common.js) */
  /* the summary alone, also where the report shares its page with other blocks (a unit of
     several, the workbench's demo course: 14 sheets, trial s32): the mark on <html> hides the rest
     in print (emm-evaluation-report.css, its class on <html>) until the print is done; Ctrl+P prints the page as is */
  var root = document.documentElement;
  function done() { root.classList.remove("emm-er-printing"); }
  if (button) {
    button.addEventListener("click", function () {
      root.classList.add("emm-er-printing");
      window.addEventListener("afterprint", done, {once: true});
      window.print();
    });
  }
  return {runtime: runtime, element: element};
}
