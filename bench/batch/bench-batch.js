#!/usr/bin/env node
// @ts-check
// `npm run bench:batch`: month-end for 50 branches — 50 workbooks of 2,000 customers (generated once, cached in
// out/bench/), run as one batch with --jobs 1 and with every core, under GNU time -v. Reports wall time,
// speed-up and peak memory. A benchmark, not a test: it never fails on speed.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..", "..");
const books = Number(process.env.BENCH_BOOKS || 50);
const n = Number(process.env.BENCH_CUSTOMERS || 2000);
const dir = path.join(root, "out", "bench", `batch-${books}x${n}`);
const TIME = "/usr/bin/time";
if (!fs.existsSync(TIME)) {
  process.stderr.write(`${TIME} is missing: apt-get install -y time\n`);
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
for (let i = 1; i <= books; i++) {
  const file = path.join(dir, `branch-${String(i).padStart(2, "0")}.xlsx`);
  if (fs.existsSync(file)) continue;
  const g = spawnSync(process.execPath, [path.join(root, "bench", "cli", "make-big.js"), file, String(n), String(1000 + i)], { stdio: "pipe" });
  if (g.status !== 0) {
    process.stderr.write(g.stderr);
    process.exit(2);
  }
}

/** One batch under GNU time -v: wall seconds and peak RSS of the whole process (threads included). */
function timed(jobs) {
  const outDir = path.join(dir, `out-jobs${jobs}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  const args = ["-v", process.execPath, path.join(root, "bin", "customer-tiers.js"), dir, "--out-dir", outDir, "--jobs", String(jobs),
    "--summary", path.join(outDir, "summary.xlsx"), "--as-of", "2024-06-30", "--json"];
  const r = spawnSync(TIME, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!wall || !rss || r.status === 2) {
    process.stderr.write(`--jobs ${jobs} failed (exit ${r.status}):\n${r.stderr}\n`);
    process.exit(2);
  }
  const json = JSON.parse(r.stdout);
  return {
    jobs,
    seconds: Number(wall[1] || 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    mb: Number(rss[1]) / 1024,
    customers: json.workbooks.reduce((a, w) => a + (w.customers || 0), 0),
  };
}

const cores = os.availableParallelism();
const one = timed(1);
const all = timed(cores);
process.stdout.write(`\n${books} workbooks × ${n.toLocaleString("en-US")} customers (${path.relative(root, dir)}), load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}\n`);
for (const r of [one, all]) {
  process.stdout.write(`--jobs ${String(r.jobs).padEnd(3)} ${r.seconds.toFixed(1).padStart(7)} s   peak ${r.mb.toFixed(0).padStart(5)} MB   ${r.customers} customers\n`);
}
process.stdout.write(`speed-up with ${cores} jobs: ${(one.seconds / all.seconds).toFixed(2)}×; memory per extra worker ≈ ${((all.mb - one.mb) / Math.max(1, cores - 1)).toFixed(0)} MB\n`);
