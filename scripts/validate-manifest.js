#!/usr/bin/env node
/**
 * `npm run validate [-- <manifest.xml>]`: validates the add-in manifest offline.
 * 1. xmllint against Microsoft's XSDs vendored in schemas/manifest (override with MANIFEST_SCHEMAS).
 * 2. Our own checks of what the XSDs miss: every resid defined, ids unique, https-only URLs, a zh-CN
 *    override for every user-visible string, string lengths, icons present, ExecuteFunction names
 *    associated in src/commands/commands.ts.
 * Exit 0 when both pass, 1 otherwise.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");

/** All matches of a global regular expression's first group. */
function all(re, text) {
  return [...text.matchAll(re)].map((m) => m[1]);
}

/** Our own checks; returns the problems found (empty when the manifest is fine). */
function checkManifest(xml, options = {}) {
  const problems = [];
  const noComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  const defined = all(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g, noComments);
  const seen = new Set();
  for (const id of defined) {
    if (seen.has(id)) problems.push(`resource id defined twice: ${id}`);
    seen.add(id);
  }
  for (const resid of new Set(all(/\bresid="([^"]+)"/g, noComments))) {
    if (!seen.has(resid)) problems.push(`resid not defined in <Resources>: ${resid}`);
  }
  const used = new Set(all(/\bresid="([^"]+)"/g, noComments));
  for (const id of defined) if (!used.has(id)) problems.push(`resource never used: ${id}`);
  const controlIds = all(/<(?:Group|Control|OfficeTab|CustomTab|Menu|Item)\b[^>]*\bid="([^"]+)"/g, noComments);
  const ids = new Set();
  for (const id of controlIds) {
    if (ids.has(id)) problems.push(`control id not unique: ${id}`);
    ids.add(id);
  }
  const urls = [
    ...all(/\b(?:DefaultValue|Value)="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi, noComments),
    ...all(/<(?:AppDomain|SourceLocation|SupportUrl|IconUrl)[^>]*>\s*([^<\s]+)\s*</g, noComments),
  ];
  for (const url of urls) if (!/^https:\/\//i.test(url)) problems.push(`URL is not https: ${url}`);
  for (const tag of ["DisplayName", "Description"]) {
    const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(noComments);
    if (!m || !/<Override\s+Locale="zh-CN"\s+Value="[^"]+"/.test(m[1])) problems.push(`<${tag}> has no zh-CN override`);
  }
  for (const [kind, max] of [["ShortStrings", 125], ["LongStrings", 250]]) {
    const block = new RegExp(`<bt:${kind}>([\\s\\S]*?)</bt:${kind}>`).exec(noComments);
    if (!block) continue;
    for (const m of block[1].matchAll(/<bt:String\s+id="([^"]+)"\s+DefaultValue="([^"]*)"\s*(\/>|>([\s\S]*?)<\/bt:String>)/g)) {
      const [, id, value, , inner = ""] = m;
      if (value.length > max) problems.push(`${id} is longer than ${max} characters`);
      const zh = /<bt:Override\s+Locale="zh-CN"\s+Value="([^"]+)"/.exec(inner);
      if (!zh) problems.push(`${id} has no zh-CN override`);
      else if (zh[1].length > max) problems.push(`${id} (zh-CN) is longer than ${max} characters`);
    }
  }
  if (/<Runtimes\b/.test(noComments)) problems.push("<Runtimes> (shared runtime) is not supported by the schemas we validate against");
  const assetsDir = options.assetsDir ?? path.join(ROOT, "assets");
  for (const icon of new Set(all(/https:\/\/[^"/]+(?:\/[^"]*)?\/assets\/([^"/]+\.png)"/g, noComments))) {
    if (!fs.existsSync(path.join(assetsDir, icon))) problems.push(`icon missing: assets/${icon}`);
  }
  const commandsFile = options.commandsFile ?? path.join(ROOT, "src", "commands", "commands.ts");
  const functions = all(/<FunctionName>\s*([^<\s]+)\s*<\/FunctionName>/g, noComments);
  if (functions.length > 0) {
    const source = fs.existsSync(commandsFile) ? fs.readFileSync(commandsFile, "utf8") : "";
    for (const f of functions) {
      if (!source.includes(`associate("${f}"`)) problems.push(`ExecuteFunction ${f} is not associated in ${path.relative(ROOT, commandsFile)}`);
    }
  }
  return problems;
}

/** Runs xmllint against the manifest schema; returns [ok, output]. */
function schemaCheck(manifestPath) {
  const dir = process.env.MANIFEST_SCHEMAS ?? path.join(ROOT, "schemas", "manifest");
  const xsd = path.join(dir, "OfficeAppManifestV1_1.xsd");
  if (!fs.existsSync(xsd)) return [false, `schema not found: ${xsd} (set MANIFEST_SCHEMAS to the folder of the XSDs)`];
  const r = spawnSync("xmllint", ["--noout", "--schema", xsd, manifestPath], { encoding: "utf8" });
  if (r.error) return [false, `xmllint could not run (${r.error.message}); install it: apt-get install -y libxml2-utils`];
  return [r.status === 0, `${r.stdout}${r.stderr}`.trim()];
}

function main() {
  const manifestPath = path.resolve(process.argv[2] ?? path.join(ROOT, "manifest.xml"));
  const [schemaOk, schemaOut] = schemaCheck(manifestPath);
  console.log(`schema (xmllint): ${schemaOk ? "ok" : "FAILED"}${schemaOut ? `\n  ${schemaOut.replace(/\n/g, "\n  ")}` : ""}`);
  const problems = checkManifest(fs.readFileSync(manifestPath, "utf8"));
  console.log(`own checks (resids, ids, https, zh-CN, icons, functions): ${problems.length === 0 ? "ok" : "FAILED"}`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exitCode = schemaOk && problems.length === 0 ? 0 : 1;
}

module.exports = { checkManifest, schemaCheck };
if (require.main === module) main();
