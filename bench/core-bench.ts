/**
 * `npm run bench`: times the pure core on synthetic data built in memory — 100,000 customers × 12
 * indicators in the wide layout and in the long layout (1.2 million evaluation rows) — and reports peak heap.
 *
 * What is timed is exactly what a run's core does, no I/O: `scoreWorkbook` (find the sheets, read and validate
 * every row, score, tier) and `planOutputs` (every output tab, carried edits, decoration, fingerprints, the
 * problems tab, the metadata). Wall time and the process's CPU time (user + system, GC threads included) are
 * both shown: on a shared machine the CPU time is the steadier figure.
 *
 * `npm run bench -- monthly` (also run by default after the wide run) times the core of a monthly
 * recalculation onto the previous output: the previous workbook is built in memory from the core's own
 * plan (as a reader gives it back: a header row, then the rows; the metadata sheet with the fingerprints),
 * its history widened to 4 earlier runs (the 5th run) and to 24 (the 25th run, one run dropped at the cap),
 * with manual tiers and review statuses typed on 1% of the customers.
 */
import { planOutputs, scoreWorkbook } from "../src/core/job/run-job";
import type { JobOptions } from "../src/core/job/job-types";
import { mulberry32 } from "../src/core/random/mulberry32";
import type { RawValue, SheetGrid, WorkbookModel } from "../src/core/workbook/grid";
import type { WritePlan } from "../src/core/output-tabs/write-plan";
import { applyPlan } from "../test/core/plan-to-workbook";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const INDICATORS = 12;

const names = Array.from({ length: INDICATORS }, (_, i) => `指标${i + 1}`);

function register(rand: () => number): RawValue[][] {
  const rows: RawValue[][] = [["客户编号", "客户名称", "客户经理", "客户满意度", "客户关系发展潜力", "最近联系日期", "首次购买日期", "客户状态"]];
  for (let c = 0; c < CUSTOMERS; c++) {
    rows.push([`C${c}`, `客户${c}`, `经理${c % 50}`, Math.round(rand() * 100), ["高", "中", "低"][c % 3], 45000 + Math.floor(rand() * 800), 44000 + Math.floor(rand() * 1500), c % 20 === 0 ? "流失" : "正常"]);
  }
  return rows;
}

function model(): RawValue[][] {
  return [["指标", "权重"], ...names.map((n, i) => [n, i < 4 ? 10 : 7.5] as RawValue[])];
}

function wide(rand: () => number): WorkbookModel {
  const rows: RawValue[][] = [["客户编号", ...names]];
  for (let c = 0; c < CUSTOMERS; c++) rows.push([`C${c}`, ...names.map(() => (rand() < 0.02 ? null : Math.round(rand() * 100)))]);
  return { sheets: [{ name: "客户状况登记表", values: register(rand) }, { name: "客户关系评估表", values: rows }, { name: "评估模型", values: model() }] };
}

function long(rand: () => number): WorkbookModel {
  const rows: RawValue[][] = [["客户编号", "分析指标", "指标权重", "指标得分"]];
  for (let c = 0; c < CUSTOMERS; c++) {
    const id = `C${c}`;
    for (let i = 0; i < INDICATORS; i++) rows.push([id, names[i], i < 4 ? 10 : 7.5, Math.round(rand() * 100)]);
  }
  return { sheets: [{ name: "客户状况登记表", values: register(rand) }, { name: "客户关系评估表", values: rows }] };
}

let peakHeap = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 20);

const mb = (b: number) => (b / 2 ** 20).toFixed(0);
const secs = (ns: bigint) => (Number(ns) / 1e9).toFixed(2);
const cpu = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return ((d.user + d.system) / 1e6).toFixed(2);
};

/** Times the core on a workbook; returns the plan (the next run's previous output is built from it). */
function time(label: string, wb: WorkbookModel, opts: JobOptions): WritePlan | undefined {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  peakHeap = base;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const core = scoreWorkbook(wb, opts);
  const t1 = process.hrtime.bigint();
  const coreCpu = cpu(c0);
  const corePeak = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (process.env.BENCH_CORE_ONLY) {
    console.log(`${label} core ${secs(t1 - t0)}s cpu ${coreCpu}s`);
    return undefined;
  }
  const out = planOutputs(core, opts);
  const t2 = process.hrtime.bigint();
  const allCpu = cpu(c0);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const rows = out.plan.tabs.reduce((n, t) => n + t.rows.length, 0);
  const history = out.plan.tabs.find((t) => t.id === "history");
  console.log(
    `${label.padEnd(5)} customers=${out.summary.customers} input=${mb(base)}MB | ` +
      `core (read+validate+score+tier) ${secs(t1 - t0)}s cpu ${coreCpu}s peakHeap=${mb(corePeak)}MB | ` +
      `all tabs planned ${secs(t2 - t0)}s cpu ${allCpu}s peakHeap=${mb(peakHeap)}MB (+${mb(peakHeap - base)}MB) rows=${rows} ` +
      `historyCols=${history?.columns.length ?? 0} | ` +
      `A=${out.summary.byTier.A} B=${out.summary.byTier.B} C=${out.summary.byTier.C} D=${out.summary.byTier.D}`,
  );
  return out.plan;
}

/** A month label `2025-06` `back` months before June 2025. */
function monthLabel(back: number): string {
  const m = 2025 * 12 + 5 - back;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
}

/**
 * The previous output as a reader gives it back, its history widened to `runs` earlier runs (the newest
 * pair repeated under earlier month labels, with a run log row each) and edits on 1% of the customers.
 */
function previousOutput(plan: WritePlan, runs: number): WorkbookModel {
  const wb = applyPlan({ sheets: [] }, plan);
  const sheet = (id: string): SheetGrid => wb.sheets.find((s) => s.name === plan.tabs.find((t) => t.id === id)!.name)!;
  const history = sheet("history");
  const [head, ...body] = history.values;
  const labels = Array.from({ length: runs }, (_, i) => monthLabel(i));
  history.values = [
    [head[0], head[1], ...labels.flatMap((l) => [`${l} 得分`, `${l} 等级`])],
    ...body.map((r) => {
      const row: RawValue[] = [r[0], r[1]];
      for (let i = 0; i < runs; i++) row.push(r[2], r[3]);
      return row;
    }),
  ];
  const runLog = sheet("runLog");
  const logRow = runLog.values[1];
  runLog.values = [runLog.values[0], ...labels.map((l, i) => [l, (logRow[1] as number) - 30 * i, ...logRow.slice(2)] as RawValue[])];
  for (const [id, column, value] of [["roster", "人工等级", "A"], ["retention", "审核状态", "已审核"]] as const) {
    const grid = sheet(id);
    const c = grid.values[0].indexOf(column);
    for (let r = 1; r < grid.values.length; r += 100) grid.values[r][c] = value;
  }
  return wb;
}

const which = process.argv[2] ?? "both";
const opts: JobOptions = { now: new Date("2025-06-30T00:00:00Z"), asOf: 45838 };
if (which === "wide" || which === "both" || which === "monthly") {
  const input = wide(mulberry32(1));
  const first = time("wide", input, opts);
  if (first && which !== "wide") {
    const next: JobOptions = { now: new Date("2025-07-31T00:00:00Z"), asOf: 45869 };
    for (const runs of [4, 24]) time(`run${runs + 1}`, input, { ...next, previous: previousOutput(first, runs) });
  }
}
if (which === "long" || which === "both") time("long", long(mulberry32(2)), opts);
clearInterval(sampler);
