/**
 * `npm run bench:addin`: the add-in's first run and its monthly second run for 100,000 customers
 * (BENCH_CUSTOMERS to change), through the Office.js adapter into the in-memory fake Excel, which counts
 * syncs, payloads and format calls. Every request is measured as real office.js serialises it
 * (test/office/fake-excel/officejs-size.ts); responses as the JSON of what was loaded.
 * Run 1: read the register, runJob, write the plan. Run 2: a user's edits on the outputs (a manual tier, a
 * review status, a column of their own, a computed cell in a small tab), then read (previous outputs by the
 * columns the carry-over uses), runJob, write. Per run: syncs by phase, max request and response bytes,
 * cells read. BENCH_PLAN=synthetic: only a write of a hand-built plan of the same shape.
 */
import { runJob } from "../../src/core/job/run-job";
import { META_SHEET_NAME, type WritePlan } from "../../src/core/output-tabs/write-plan";
import type { XlCellValue } from "../../src/office/excel-subset";
import { readWorkbookForJob, type ReadStats } from "../../src/office/read-for-job";
import { REQUEST_BUDGET_BYTES } from "../../src/office/request-size";
import { writePlan, type WriteProgress } from "../../src/office/write-plan";
import { createFakeExcel, FakeStats, type FakeExcel } from "../../test/office/fake-excel";
import { withOfficeJsSizes, type OfficeJsMeter } from "../../test/office/fake-excel/officejs-size";
import { syntheticPlan } from "./synthetic-plan";
import { syntheticRegister } from "./synthetic-register";

const seconds = (t: bigint): string => (Number(process.hrtime.bigint() - t) / 1e9).toFixed(2);

/** Reads as the add-in's run does; prints syncs, response bytes and cells. */
async function read(xl: FakeExcel, label: string): Promise<Awaited<ReturnType<typeof readWorkbookForJob>>> {
  xl.stats = new FakeStats();
  const stats: ReadStats = { syncs: 0, cells: 0 };
  const meter: OfficeJsMeter = { misses: [] };
  const t = process.hrtime.bigint();
  const wb = await xl.run((ctx) => readWorkbookForJob(withOfficeJsSizes(ctx, meter), { stats }));
  console.log(`${label} read: syncs=${xl.stats.syncs} cellsRead=${stats.cells} maxRequestBytes=${xl.stats.maxRequestBytes} maxResponseBytes=${xl.stats.maxResponseBytes} totalResponseBytes=${xl.stats.responseBytes.reduce((a, b) => a + b, 0)} officejsMisses=${meter.misses.length} seconds=${seconds(t)}`);
  return wb;
}

/** Writes the plan with office.js's serialised sizes; prints syncs by phase and the largest request. */
async function write(xl: FakeExcel, plan: WritePlan, label: string, metaSheetSeen = false): Promise<number> {
  xl.stats = new FakeStats();
  const meter: OfficeJsMeter = { misses: [] };
  const phases = new Map<string, number>();
  let phase = "prepare";
  let mark = 0;
  const maxByPhase = new Map<string, number>();
  const close = (): void => {
    phases.set(phase, (phases.get(phase) ?? 0) + xl.stats.syncs - mark);
    const max = Math.max(0, ...xl.stats.requestBytes.slice(mark));
    maxByPhase.set(phase, Math.max(maxByPhase.get(phase) ?? 0, max));
  };
  const onProgress = (p: WriteProgress): void => {
    if (p.phase === phase) return;
    close();
    [phase, mark] = [p.phase, xl.stats.syncs];
  };
  const t = process.hrtime.bigint();
  await xl.run((ctx) => writePlan(withOfficeJsSizes(ctx, meter), plan, { tag: label.replace(/\W/g, ""), onProgress, metaSheetSeen }));
  close();
  const s = xl.stats;
  const byPhase = [...phases].filter(([, n]) => n > 0).map(([k, n]) => `${k}:${n}/max ${maxByPhase.get(k)}B`).join(", ");
  console.log(`${label} write: syncs=${s.syncs} (${byPhase}) maxRequestBytes=${s.maxRequestBytes} requestsOverBudget=${s.requestBytes.filter((b) => b > REQUEST_BUDGET_BYTES).length} totalRequestBytes=${s.requestBytes.reduce((a, b) => a + b, 0)} maxResponseBytes=${s.maxResponseBytes} perCellFormatCalls=${s.perCellFormatCalls()} officejsMisses=${meter.misses.length} seconds=${seconds(t)}`);
  return s.syncs;
}

function describePlan(plan: WritePlan): string {
  return plan.tabs.map((t) => `${t.name}:${t.rows.length}x${t.columns.length}/${t.styles.length} blocks`).join(" ");
}

/** A month of a user's work on the outputs: a manual tier, a review status, a column of their own, a computed edit in a small tab. */
function userEdits(xl: FakeExcel): void {
  const edit = (sheet: string, header: string, row: number, value: XlCellValue): void => {
    const s = xl.sheet(sheet);
    const head = s.read({ row: 0, col: 0, rows: 1, cols: s.usedRect()!.cols })[0];
    const c = head.indexOf(header);
    if (c < 0) throw new Error(`no ${header} on ${sheet}`);
    s.writeCell(row, c, value);
  };
  edit("客户分级名册", "人工等级", 5, "A");
  edit("客户分级名册", "调整原因", 5, "行长指定");
  edit("客户维护方案", "审核状态", 9, "已审核");
  edit("挽回方案", "挽回策略", 3, "上门拜访（手改）");
  const roster = xl.sheet("客户分级名册");
  const width = roster.usedRect()!.cols;
  roster.writeCell(0, width, "我的备注");
  for (let r = 1; r <= 50; r++) roster.writeCell(r * 7, width, `备注${r}`);
}

async function main(): Promise<void> {
  const customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
  if (process.env.BENCH_PLAN === "synthetic") {
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C000001", "华星贸易"]] }]);
    const plan = syntheticPlan(customers);
    console.log(`plan=synthetic customers=${customers} ${describePlan(plan)}`);
    await write(xl, plan, "synthetic");
    return;
  }
  const wb = syntheticRegister(customers);
  const xl = createFakeExcel(wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })));

  const first = await read(xl, "run 1");
  const read1 = xl.stats.syncs;
  let t = process.hrtime.bigint();
  const { plan } = runJob(first, { now: new Date("2026-11-23T09:00:00Z") });
  console.log(`run 1 job: seconds=${seconds(t)} customers=${customers} rows=${plan.tabs.reduce((n, x) => n + x.rows.length, 0)}`);
  console.log(describePlan(plan));
  const w1 = await write(xl, plan, "run 1");

  userEdits(xl);
  const second = await read(xl, "run 2");
  const readSyncs = xl.stats.syncs;
  t = process.hrtime.bigint();
  const outcome = runJob(second, { now: new Date("2026-12-23T09:00:00Z") });
  console.log(`run 2 job: seconds=${seconds(t)} carried=${JSON.stringify(outcome.plan.carried)}`);
  console.log(describePlan(outcome.plan));
  // As runWorkbookJob does: the write knows the metadata sheet was there when the run read the workbook.
  const w2 = await write(xl, outcome.plan, "run 2", second.sheets.some((x) => x.name === META_SHEET_NAME));
  console.log(`run 1: readSyncs=${read1} writeSyncs=${w1} totalSyncs=${read1 + w1}`);
  console.log(`run 2: readSyncs=${readSyncs} writeSyncs=${w2} totalSyncs=${readSyncs + w2}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
