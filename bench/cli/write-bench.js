#!/usr/bin/env node
// @ts-check
// The writer alone, and the floor it is measured against. Reads the bench workbook, runs the job once, then
// times writePlanToFile (REPEAT times, default 3) and "unzip + re-zip" of the file it wrote (inflate every
// entry, deflate it again at the writer's levels): no writer can beat the floor, since it must at least
// compress what it writes. Usage (after `npm run build:cli`): node bench/cli/write-bench.js [big.xlsx]
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const root = path.join(__dirname, "..", "..");
const { readWorkbookFile } = require(path.join(root, "dist-node/src/xlsx/read-workbook"));
const { runJob } = require(path.join(root, "dist-node/src/core/job/run-job"));
const { writePlanToFile, BIG_PART_LEVEL } = require(path.join(root, "dist-node/src/xlsx/write-plan"));
const { ZipPackage } = require(path.join(root, "dist-node/src/xlsx/zip-reader"));

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");
/** Wall and CPU (user + system, this process) seconds since a mark: CPU time drifts less with others' load. */
const mark = () => ({ wall: process.hrtime.bigint(), cpu: process.cpuUsage() });
const secs = (m) => {
  const c = process.cpuUsage(m.cpu);
  return `${(Number(process.hrtime.bigint() - m.wall) / 1e9).toFixed(2)} s wall, ${((c.user + c.system) / 1e6).toFixed(2)} s cpu`;
};

async function main() {
  const input = process.argv[2] || path.join(root, "out/bench/big-100000.xlsx");
  const repeat = Number(process.env.REPEAT || 3);
  const out = path.join(root, "out/bench/write-bench.xlsx");
  let t = mark();
  const wb = await readWorkbookFile(input);
  console.log(`read ${secs(t)} (load ${load()})`);
  t = mark();
  const { plan } = runJob(wb, { now: new Date("2024-06-30T09:00:00Z"), asOf: 45473 });
  console.log(`job ${secs(t)}, ${plan.tabs.reduce((n, x) => n + x.rows.length, 0)} rows (load ${load()})`);
  for (let i = 0; i < repeat; i++) {
    t = mark();
    await writePlanToFile(plan, out);
    console.log(`write ${secs(t)}, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB (load ${load()})`);
  }
  // The floor: inflate and deflate again what was written (parts over 1 MB at the writer's level for big parts).
  for (let i = 0; i < repeat; i++) {
    t = mark();
    let bytes = 0;
    const zip = await ZipPackage.open(out);
    for (const e of zip.entries) {
      const chunks = [];
      for await (const c of zip.stream(e)) chunks.push(c);
      const raw = Buffer.concat(chunks);
      bytes += raw.length;
      zlib.deflateRawSync(raw, { level: raw.length > 1 << 20 ? BIG_PART_LEVEL : 6 });
    }
    zip.close();
    console.log(`floor (unzip + re-zip) ${secs(t)}, ${(bytes / 1e6).toFixed(0)} MB of XML (load ${load()})`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
