/**
 * `npm run bench:addin`: writes the plan for 100,000 customers (BENCH_CUSTOMERS to change) through the
 * Office.js adapter into the in-memory fake Excel, which counts syncs, payloads and format calls. Every
 * request is measured as real office.js serialises it (test/office/fake-excel/officejs-size.ts). The plan
 * is runJob's on a synthetic register (BENCH_PLAN=synthetic: a hand-built plan of the same shape).
 * The last line is `syncs=<n> maxPayloadBytes=<n> perCellFormatCalls=<n> seconds=<s>` (seconds: the write).
 */
import { runJob } from "../../src/core/job/run-job";
import type { WritePlan } from "../../src/core/plan/write-plan";
import type { XlCellValue } from "../../src/office/excel-subset";
import { writePlan } from "../../src/office/write-plan";
import { readWorkbook } from "../../src/office/read-workbook";
import { createFakeExcel, FakeStats, type SeedSheet } from "../../test/office/fake-excel";
import { withOfficeJsSizes, type OfficeJsMeter } from "../../test/office/fake-excel/officejs-size";
import { syntheticPlan } from "./synthetic-plan";
import { syntheticRegister } from "./synthetic-register";

function planFor(customers: number): { plan: WritePlan; seed: SeedSheet[]; jobSeconds: number } {
  if (process.env.BENCH_PLAN === "synthetic") {
    return { plan: syntheticPlan(customers), seed: [{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C000001", "华星贸易"]] }], jobSeconds: 0 };
  }
  const wb = syntheticRegister(customers);
  const started = process.hrtime.bigint();
  const { plan } = runJob(wb, { now: new Date("2026-11-23T09:00:00Z") });
  const jobSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { plan, seed: wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })), jobSeconds };
}

async function main(): Promise<void> {
  const customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
  const { plan, seed, jobSeconds } = planFor(customers);
  const rows = plan.tabs.reduce((n, t) => n + t.rows.length, 0);
  const xl = createFakeExcel(seed);
  const readStarted = process.hrtime.bigint();
  const read = await xl.run((ctx) => readWorkbook(ctx));
  const readSeconds = Number(process.hrtime.bigint() - readStarted) / 1e9;
  const cells = read.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
  console.log(`read: cells=${cells} syncs=${xl.stats.syncs} maxResponseBytes=${xl.stats.maxResponseBytes} seconds=${readSeconds.toFixed(2)}`);
  xl.stats = new FakeStats();
  const started = process.hrtime.bigint();
  const meter: OfficeJsMeter = { misses: [] };
  await xl.run((ctx) => writePlan(withOfficeJsSizes(ctx, meter), plan, { tag: "bench" }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { stats } = xl;
  const perCell = stats.perCellFormatCalls();
  const over4 = stats.requestBytes.filter((b) => b >= 4_000_000).length;
  console.log(`plan=${process.env.BENCH_PLAN === "synthetic" ? "synthetic" : "runJob"} customers=${customers} tabs=${plan.tabs.length} rows=${rows} jobSeconds=${jobSeconds.toFixed(2)}`);
  console.log(plan.tabs.map((t) => `${t.name}:${t.rows.length}x${t.columns.length}/${t.styles.length} blocks`).join(" "));
  console.log(`calls=${stats.calls} formatCalls=${stats.formatCalls.length}`);
  console.log(`officejsMisses=${meter.misses.length} requestsOver1MB=${stats.requestBytes.filter((b) => b > 1_000_000).length}`);
  console.log(`requests=${stats.requestBytes.length} totalRequestBytes=${stats.requestBytes.reduce((a, b) => a + b, 0)} requestsOver4MB=${over4} heapMB=${Math.round(process.memoryUsage().heapUsed / 1e6)}`);
  console.log(`syncs=${stats.syncs} maxPayloadBytes=${stats.maxRequestBytes} perCellFormatCalls=${perCell} seconds=${seconds.toFixed(2)}`);
  if (process.env.BENCH_PLAN !== "synthetic" && process.env.BENCH_SECOND_RUN !== "0") await secondRun(xl);
}

/** A month later: the second run reads the workbook with its outputs (in full: computed cells are compared with their fingerprints), runs the job, writes. */
async function secondRun(xl: ReturnType<typeof createFakeExcel>): Promise<void> {
  xl.stats = new FakeStats();
  let t = process.hrtime.bigint();
  const wb = await xl.run((ctx) => readWorkbook(ctx));
  const readSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  const cells = wb.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.filter((v) => v !== null).length, 0), 0);
  const read = { syncs: xl.stats.syncs, maxResponseBytes: xl.stats.maxResponseBytes };
  console.log(`second run read: cells=${cells} syncs=${read.syncs} maxResponseBytes=${read.maxResponseBytes} seconds=${readSeconds.toFixed(2)}`);
  t = process.hrtime.bigint();
  const { plan } = runJob(wb, { now: new Date("2026-12-23T09:00:00Z") });
  const jobSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  xl.stats = new FakeStats();
  t = process.hrtime.bigint();
  await xl.run((ctx) => writePlan(ctx, plan, { tag: "bench2" }));
  const writeSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`second run write: syncs=${xl.stats.syncs} maxPayloadBytes=${xl.stats.maxRequestBytes} jobSeconds=${jobSeconds.toFixed(2)} seconds=${writeSeconds.toFixed(2)}`);
  console.log(`second run: readSyncs=${read.syncs} writeSyncs=${xl.stats.syncs} totalSyncs=${read.syncs + xl.stats.syncs}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
