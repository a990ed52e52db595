#!/usr/bin/env node
/**
 * `npm start` / `npm run stop`: sideload the add-in for debugging (office-addin-debugging), honestly.
 *
 *   node scripts/start.js              desktop Excel (Windows, Mac): dev server + sideload
 *   node scripts/start.js web <url>    Excel on the web: dev server, then opens the workbook URL
 *   node scripts/start.js stop         unregister and stop the dev server
 *
 * office-addin-debugging exits 0 even when it fails (e.g. "Platform not supported: linux"), so this script
 * reads its output and fails when the output says so. On Linux there is no desktop Excel: it says so and
 * explains how to use Excel on the web instead, and exits 1 rather than pretend.
 */
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DEV_SERVER = ["--dev-server", "npm run dev-server", "--dev-server-port", "3000"];
const FAILURE = /Platform not supported|Unable to (start|sideload|unregister|stop)|^Error:|\bfailed\b/im;

const WEB_HELP = `
Excel on the web (works from any OS, Linux included):
  1. npm run dev-server            serves https://localhost:3000 (certificates: npx office-addin-dev-certs install;
                                   on Linux it writes them but cannot trust the CA without sudo — import
                                   ~/.office-addin-dev-certs/ca.crt into your browser's certificate authorities)
  2. open https://localhost:3000/taskpane.html once in that browser to check the certificate is trusted
  3. open a workbook in Excel on the web (OneDrive / SharePoint)
  4. Home › Add-ins › More Add-ins › Upload My Add-in (or Insert › Add-ins › Upload My Add-in), choose manifest.xml
  5. Home › Customer Tiers › Show task pane
See docs/add-in.md for Windows, Mac and deploying for a team.`;

/** Runs office-addin-debugging with the args; returns true only when it exited 0 and printed no failure. */
function officeAddinDebugging(args) {
  const bin = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const r = spawnSync(bin, args, { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32" });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  process.stdout.write(out);
  if (r.error) {
    console.error(`\ncould not run office-addin-debugging: ${r.error.message}`);
    return false;
  }
  return r.status === 0 && !FAILURE.test(out);
}

function main() {
  const [command = "desktop", ...rest] = process.argv.slice(2);
  if (command === "stop") {
    const ok = officeAddinDebugging(["stop", "manifest.xml"]);
    console.log(ok ? "\nStopped." : "\nStopping did not fully succeed (see the messages above); nothing was sideloaded on this machine if the platform is not supported.");
    return ok ? 0 : 1;
  }
  if (command === "web") {
    const url = rest[0];
    if (!url) {
      console.error("usage: npm start -- web <URL of a workbook in Excel on the web>");
      console.log(WEB_HELP);
      return 2;
    }
    const ok = officeAddinDebugging(["start", "manifest.xml", "web", "--app", "excel", "--document", url, ...DEV_SERVER]);
    console.log(
      ok
        ? "\nThe dev server is up and the workbook was opened. office-addin-debugging does not upload the manifest to Excel on the web: do step 4 below yourself."
        : "\nStarting for Excel on the web failed (see the messages above).",
    );
    console.log(WEB_HELP);
    return ok ? 0 : 1;
  }
  if (process.platform === "linux") {
    console.error("Desktop sideloading is not possible on Linux: there is no desktop Excel here, and office-addin-debugging");
    console.error('answers "Platform not supported: linux" (while exiting 0). Nothing was sideloaded.');
    console.log(WEB_HELP);
    return 1;
  }
  const ok = officeAddinDebugging(["start", "manifest.xml", "desktop", "--app", "excel", ...DEV_SERVER]);
  console.log(ok ? "\nExcel should now open with the add-in sideloaded (Home › Customer Tiers)." : "\nSideloading failed (see the messages above). Nothing was sideloaded.");
  if (!ok) console.log(WEB_HELP);
  return ok ? 0 : 1;
}

module.exports = { FAILURE };
if (require.main === module) process.exitCode = main();
