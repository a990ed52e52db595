/* Parsed only by engines that run the add-in's bundles (ES2020 syntax, Unicode property escapes): on
   Trident (IE11) and EdgeHTML this file is a syntax error, the flag stays unset and es5-check.js says so. */
window.customerTiersModern = /\p{L}/u.test("客") && (({}).a?.b ?? true);
