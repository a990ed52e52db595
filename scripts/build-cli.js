#!/usr/bin/env node
// @ts-check
// Builds the command line (tsc -p src/cli/tsconfig.json) only when a source is newer than the last build, so
// `npm run tiers -- …` starts at once the second time. `--force` always builds (that is `npm run build:cli`).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const stamp = path.join(root, "dist-node", ".cli-build-stamp");
const entry = path.join(root, "dist-node", "src", "cli", "main.js");
// What the command line is compiled from: its sources, the configs and the installed dependencies.
const SOURCES = ["src/cli", "src/core", "src/xlsx"];
const FILES = ["tsconfig.json", "src/cli/tsconfig.json", "package-lock.json"];

/** The newest modification time (ms) under a folder, for .ts files. */
function newest(dir) {
  let latest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(p));
    else if (e.name.endsWith(".ts")) latest = Math.max(latest, fs.statSync(p).mtimeMs);
  }
  return latest;
}

/** True when the last build is older than any source (or there is none). */
function stale() {
  if (!fs.existsSync(stamp) || !fs.existsSync(entry)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = Math.max(
    ...SOURCES.map((d) => newest(path.join(root, d))),
    ...FILES.map((f) => (fs.existsSync(path.join(root, f)) ? fs.statSync(path.join(root, f)).mtimeMs : 0)),
  );
  return sources >= built;
}

if (process.argv.includes("--force") || stale()) {
  const started = Date.now();
  const tsc = require.resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "src", "cli", "tsconfig.json")], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // The stamp carries the time the build started, so a source saved during the build still counts as newer.
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, "");
  fs.utimesSync(stamp, new Date(started), new Date(started));
}
