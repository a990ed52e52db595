#!/usr/bin/env node
// @ts-check
// `npm run bench:cli`: the command line against pandas + openpyxl on a 100,000-customer workbook.
// Generates the workbook once (cached in out/bench/, git-ignored), runs both under GNU time -v, and
// prints wall time, peak memory (max RSS) and the ratio. A benchmark, not a test: it never fails on speed.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const n = Number(process.env.BENCH_CUSTOMERS || 100000);
const dir = path.join(root, "out", "bench");
const big = path.join(dir, `big-${n}.xlsx`);
const TIME = "/usr/bin/time";
const PY = "/usr/bin/python3";

fs.mkdirSync(dir, { recursive: true });
for (const tool of [TIME, PY]) {
  if (!fs.existsSync(tool)) {
    process.stderr.write(`${tool} is missing: apt-get install -y time python3-pandas python3-openpyxl\n`);
    process.exit(2);
  }
}
if (!fs.existsSync(big)) {
  process.stdout.write(`generating ${big} (once; cached) …\n`);
  const g = spawnSync(process.execPath, [path.join(root, "bench", "cli", "make-big.js"), big, String(n)], { stdio: "inherit" });
  if (g.status !== 0) process.exit(2);
}

/** Runs a command under GNU time -v; returns wall seconds, peak RSS in MB and the exit status. */
function timed(label, cmd, args) {
  const r = spawnSync(TIME, ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!wall || !rss) {
    process.stderr.write(`${label}: could not read GNU time's report\n${r.stderr}\n`);
    process.exit(2);
  }
  const seconds = Number(wall[1] || 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { label, seconds, mb: Number(rss[1]) / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const out = path.join(dir, `big-${n}.tiers.xlsx`);
fs.rmSync(out, { force: true });
const cliArgs = [path.join(root, "bin", "customer-tiers.js"), big, "--out", out, "--as-of", "2024-06-30", "--json"];
const first = timed("command line (first run, all tabs)", process.execPath, cliArgs);
const second = timed("command line (second run, carrying over)", process.execPath, cliArgs);
const pandas = timed("pandas + openpyxl (roster tab only)", PY, [path.join(root, "bench", "cli", "pandas_tiers.py"), big, path.join(dir, `pandas-${n}.xlsx`)]);

for (const r of [first, second, pandas]) {
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(`${r.label} failed (exit ${r.status}):\n${r.stderr.split("\tCommand being timed")[0]}\n`);
    process.exit(2);
  }
}
const summary = JSON.parse(first.stdout);
const pad = (s, w) => s + " ".repeat(Math.max(0, w - s.length));
process.stdout.write(`\n${n.toLocaleString("en-US")} customers, 8-indicator wide evaluation (${path.relative(root, big)})\n`);
process.stdout.write(`command line: ${summary.customers} customers scored, tiers ${JSON.stringify(summary.byTier)}, exit ${first.status}\n\n`);
for (const r of [first, second, pandas]) {
  process.stdout.write(`${pad(r.label, 44)} ${r.seconds.toFixed(1).padStart(7)} s   peak ${r.mb.toFixed(0).padStart(6)} MB\n`);
}
process.stdout.write(`\nratio command line / pandas (first run): ${(first.seconds / pandas.seconds).toFixed(2)} (aim ≤ 0.50)\n`);
process.stdout.write(`ratio command line / pandas (second run): ${(second.seconds / pandas.seconds).toFixed(2)}\n`);
process.stdout.write(`peak memory of the command line: ${Math.max(first.mb, second.mb).toFixed(0)} MB (aim < 1024 MB)\n`);
