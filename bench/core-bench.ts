/**
 * `npm run bench`: times the pure core on synthetic data built in memory — 100,000 customers × 12
 * indicators in the wide layout and in the long layout (1.2 million evaluation rows) — and reports peak heap.
 */
import { planOutputs, scoreWorkbook } from "../src/core/job/run-job";
import { mulberry32 } from "../src/core/random/mulberry32";
import type { RawValue, WorkbookModel } from "../src/core/workbook/grid";

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

function time(label: string, wb: WorkbookModel): void {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  peakHeap = base;
  const opts = { now: new Date("2025-06-30T00:00:00Z"), asOf: 45838 };
  const t0 = process.hrtime.bigint();
  const core = scoreWorkbook(wb, opts);
  const t1 = process.hrtime.bigint();
  const corePeak = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (process.env.BENCH_CORE_ONLY) {
    console.log(`${label} core ${(Number(t1 - t0) / 1e9).toFixed(2)}s`);
    return;
  }
  const out = planOutputs(core, opts);
  const t2 = process.hrtime.bigint();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const rows = out.plan.tabs.reduce((n, t) => n + t.rows.length, 0);
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  console.log(
    `${label.padEnd(5)} customers=${out.summary.customers} input=${mb(base)}MB | ` +
      `core (read+validate+score+tier) ${(Number(t1 - t0) / 1e9).toFixed(2)}s peakHeap=${mb(corePeak)}MB | ` +
      `all tabs planned ${(Number(t2 - t0) / 1e9).toFixed(2)}s peakHeap=${mb(peakHeap)}MB rows=${rows} | ` +
      `A=${out.summary.byTier.A} B=${out.summary.byTier.B} C=${out.summary.byTier.C} D=${out.summary.byTier.D}`,
  );
}

const which = process.argv[2] ?? "both";
if (which !== "long") time("wide", wide(mulberry32(1)));
if (which !== "wide") time("long", long(mulberry32(2)));
clearInterval(sampler);
