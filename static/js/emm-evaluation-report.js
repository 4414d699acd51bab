/* emm_evaluation_report: the report is rendered on the server as tables (no script needed). The
   function exists because every fragment initialises one; runtimes call it with (runtime, element)
   and the workbench's decides by its arity. */
function EmmEvaluationReport(runtime, element) { "use strict"; return {runtime: runtime, element: element}; }
