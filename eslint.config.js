/* ESLint for the JavaScript of emm-xblocks: the browser files in static/js (plain scripts, no
   bundler, no framework) and their unit tests in tests/js (Node's own test runner). */
"use strict";
const js = require("@eslint/js");
const globals = require("globals");

/* A handler's error is compared with a name from the registry (EMM.CODES in emm-common.js), never
   with a literal: tests/unit/test_js_error_codes.py checks every name there is a code the server
   really sends, so the two cannot drift apart. */
const codeLiteral = "BinaryExpression[operator=/^[=!]==?$/]";
const codeMember = "MemberExpression[property.name=/^(error|code)$/]";
const NO_CODE_LITERALS = ["error",
  {selector: `${codeLiteral}:has(> ${codeMember}):has(> Literal[value=/^[a-z_]+$/])`,
    message: "Compare error codes with EMM.CODES.<NAME>, not a string literal."}];

module.exports = [
  {ignores: ["node_modules/", "static/js/i18n/", "static/min/", ".venv*/", "build/", "dist/", "var/"]},
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: {
        ...globals.browser,
        EMM: "readonly",
        EmmRolePlayMap: "readonly",
        EmmEditor: "readonly",
      },
    },
    rules: {
      /* each file defines the entry function the runtime calls by name (its js_class) */
      "no-unused-vars": ["error", {vars: "local", args: "none", caughtErrors: "none"}],
      "no-restricted-syntax": NO_CODE_LITERALS,
      "no-restricted-properties": ["error",
        {property: "innerHTML", message: "Use EMM.setServerHtml (server HTML) or textContent (text)."},
        {property: "outerHTML", message: "Use EMM.setServerHtml (server HTML) or textContent (text)."},
        {property: "insertAdjacentHTML", message: "Use EMM.setServerHtml (server HTML)."},
        {property: "createContextualFragment", message: "Use EMM.setServerHtml: it parses inert."},
        {object: "document", property: "write", message: "Build nodes with EMM.el."}],
      /* window's own names that a forgotten local would silently reach (window.status ...) */
      "no-restricted-globals": ["error", "status", "name", "event", "length", "top", "parent", "self",
        "origin", "closed", "opener", "external"],
      "eqeqeq": "error",
      "no-implicit-globals": "off",
      "strict": ["error", "function"],
    },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: {...globals.node},
    },
    rules: {"eqeqeq": "error"},
  },
];
