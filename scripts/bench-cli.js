#!/usr/bin/env node
// @ts-check
// `npm run bench:cli`: the command line against pandas + openpyxl on a 100,000-customer workbook, as a
// monthly routine: a first run, then BENCH_RUNS − 1 further runs onto the same output, one month later each,
// with a user's edits typed into the output before each (bench/cli/edit_output.py). Generates the workbook
// once (cached in out/bench/, git-ignored), runs everything under GNU time -v and prints wall time, CPU time,
// peak memory (max RSS), the ratio to pandas and the machine's load beside every figure. pandas runs after
// the first run and again after the last (BENCH_RUNS > 5), and the ratios use their mean, so a load that
// drifts during a long bench shows. A benchmark, not a test: it never fails on speed.
// BENCH_CUSTOMERS (default 100000), BENCH_RUNS (default 5; 25 for the twenty-fifth run), BENCH_EDITS=0 to
// skip the edits, BENCH_PANDAS=0 to time our runs alone (no pandas, no ratios; the edits need only python3).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const n = Number(process.env.BENCH_CUSTOMERS || 100000);
const runs = Math.max(1, Number(process.env.BENCH_RUNS || 5));
const edits = process.env.BENCH_EDITS !== "0";
const withPandas = process.env.BENCH_PANDAS !== "0";
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

const loadavg = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");

/** Runs a command under GNU time -v; wall and CPU seconds, peak RSS in MB, exit status, the load before it. */
function timed(label, cmd, args) {
  const load = loadavg();
  const r = spawnSync(TIME, ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  if (!wall || !rss || !user || !sys) {
    process.stderr.write(`${label}: could not read GNU time's report\n${r.stderr}\n`);
    process.exit(2);
  }
  // Exit 1 is a run with data problems (outputs written); a crash also exits 1, but prints no JSON summary.
  let json = false;
  try {
    json = cmd !== PY && typeof JSON.parse(r.stdout).exitCode === "number";
  } catch {
    json = false;
  }
  if ((r.status !== 0 && r.status !== 1) || (cmd !== PY && !json)) {
    process.stderr.write(`${label} failed (exit ${r.status}):\n${r.stderr.split("\tCommand being timed")[0]}\n`);
    process.exit(2);
  }
  const seconds = Number(wall[1] || 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { label, seconds, cpu: Number(user[1]) + Number(sys[1]), mb: Number(rss[1]) / 1024, status: r.status, stdout: r.stdout, load };
}

const out = path.join(dir, `big-${n}.tiers.xlsx`);
fs.rmSync(out, { force: true });
const pandasArgs = [path.join(root, "bench", "cli", "pandas_tiers.py"), big, path.join(dir, `pandas-${n}.xlsx`)];
/** The as-of day of run i (0-based): month ends from 2024-06-30 on. */
const asOf = (i) => new Date(Date.UTC(2024, 6 + i, 0)).toISOString().slice(0, 10);

const results = [];
const pandas = [];
for (let i = 0; i < runs; i++) {
  if (i > 0 && edits) {
    const e = spawnSync(PY, [path.join(root, "bench", "cli", "edit_output.py"), out, String(i + 1)], { stdio: "inherit" });
    if (e.status !== 0) process.exit(2);
  }
  const args = [path.join(root, "bin", "customer-tiers.js"), big, "--out", out, "--as-of", asOf(i), "--json"];
  const r = timed(`command line, run ${i + 1} (as of ${asOf(i)})`, process.execPath, args);
  results.push(r);
  process.stdout.write(`${r.label}: ${r.seconds.toFixed(1)} s wall, ${r.cpu.toFixed(1)} s cpu, peak ${r.mb.toFixed(0)} MB (load ${r.load})\n`);
  if (withPandas && (i === 0 || (i === runs - 1 && runs > 5))) {
    const p = timed("pandas + openpyxl (roster tab only)", PY, pandasArgs);
    pandas.push(p);
    process.stdout.write(`${p.label}: ${p.seconds.toFixed(1)} s wall, ${p.cpu.toFixed(1)} s cpu, peak ${p.mb.toFixed(0)} MB (load ${p.load})\n`);
  }
}

const summary = JSON.parse(results[0].stdout);
const pandasWall = pandas.reduce((a, p) => a + p.seconds, 0) / pandas.length;
const pandasCpu = pandas.reduce((a, p) => a + p.cpu, 0) / pandas.length;
const pad = (s, w) => s + " ".repeat(Math.max(0, w - s.length));
/** A ratio to pandas, or a dash when pandas did not run (BENCH_PANDAS=0). */
const ratio = (x, of) => (pandas.length ? (x / of).toFixed(2) : "—");
process.stdout.write(`\n${n.toLocaleString("en-US")} customers, 8-indicator wide evaluation (${path.relative(root, big)}), ${runs} monthly run(s)${edits ? " with edits between runs" : ""}\n`);
process.stdout.write(`command line: ${summary.customers} customers scored, tiers ${JSON.stringify(summary.byTier)}, exit ${results[0].status}\n\n`);
process.stdout.write(`${pad("run", 40)} ${"wall s".padStart(8)} ${"cpu s".padStart(7)} ${"peak MB".padStart(8)} ${"÷ pandas".padStart(9)} ${"(cpu)".padStart(6)}   load before (1/5/15 min)\n`);
for (const r of results) {
  process.stdout.write(`${pad(r.label, 40)} ${r.seconds.toFixed(1).padStart(8)} ${r.cpu.toFixed(1).padStart(7)} ${r.mb.toFixed(0).padStart(8)} ${ratio(r.seconds, pandasWall).padStart(9)} ${ratio(r.cpu, pandasCpu).padStart(6)}   ${r.load}\n`);
}
for (const p of pandas) {
  process.stdout.write(`${pad(p.label, 40)} ${p.seconds.toFixed(1).padStart(8)} ${p.cpu.toFixed(1).padStart(7)} ${p.mb.toFixed(0).padStart(8)} ${"".padStart(9)} ${"".padStart(6)}   ${p.load}\n`);
}
const at = (k) => results[k - 1];
process.stdout.write(`\naims: first run ≤ 0.25 of pandas and < 600 MB: ${ratio(at(1).seconds, pandasWall)}, ${at(1).mb.toFixed(0)} MB\n`);
if (runs >= 5) process.stdout.write(`      fifth run ≤ 0.35 of pandas and < 700 MB: ${ratio(at(5).seconds, pandasWall)}, ${at(5).mb.toFixed(0)} MB\n`);
if (runs >= 25) process.stdout.write(`      twenty-fifth run no slower than the fifth: ${at(25).seconds.toFixed(1)} s vs ${at(5).seconds.toFixed(1)} s wall, ${at(25).cpu.toFixed(1)} s vs ${at(5).cpu.toFixed(1)} s cpu\n`);
