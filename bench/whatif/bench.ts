/**
 * `npm run bench:whatif`: how long one what-if takes in the pane's worker — the rescoring, counts and
 * movers from the points already read (no read, no parse) — on the bundled 220-customer sample and on
 * 100,000 synthetic customers × 12 indicators; also one "why this customer". Aims: < 200 ms and < 2 s.
 */
import path from "path";
import { scoreWorkbook } from "../../src/core/job/run-job";
import { mulberry32 } from "../../src/core/random/mulberry32";
import { currentTiers, paramsOf, whatIf, type WhatIfBase, type WhatIfParams } from "../../src/core/whatif/what-if";
import { explainCustomer, indicatorAverages } from "../../src/core/whatif/why";
import type { RawValue, WorkbookModel } from "../../src/core/workbook/grid";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";

const NOW = new Date("2025-06-30T00:00:00Z");

function synthetic(customers: number, indicators: number): WorkbookModel {
  const rand = mulberry32(7);
  const names = Array.from({ length: indicators }, (_, i) => `指标${i + 1}`);
  const reg: RawValue[][] = [["客户编号", "客户名称", "客户经理", "客户满意度", "客户关系发展潜力"]];
  const ev: RawValue[][] = [["客户编号", ...names]];
  for (let c = 0; c < customers; c++) {
    reg.push([`C${c}`, `客户${c}`, `经理${c % 50}`, Math.round(rand() * 100), ["高", "中", "低"][c % 3]]);
    ev.push([`C${c}`, ...names.map(() => (rand() < 0.02 ? null : Math.round(rand() * 100)))]);
  }
  const model: RawValue[][] = [["指标", "权重"], ...names.map((n, i) => [n, i < 4 ? 10 : 7.5] as RawValue[])];
  return { sheets: [{ name: "客户状况登记表", values: reg }, { name: "客户关系评估表", values: ev }, { name: "评估模型", values: model }] };
}

function baseOf(wb: WorkbookModel): WhatIfBase {
  const core = scoreWorkbook(wb, { now: NOW });
  return { refs: core.refs, indicators: core.indicators, points: core.points, settings: core.settings, manual: core.manual, current: currentTiers(core.previous.tables.get("roster")?.rows ?? []) };
}

/** A series of edits a manager might make: lines up and down, a weight doubled, quota mode, a verdict line. */
function tries(p: WhatIfParams): WhatIfParams[] {
  const first = Object.keys(p.weights)[0];
  return [
    { ...p, thresholds: { ...p.thresholds, A: p.thresholds.A + 5 } },
    { ...p, thresholds: { ...p.thresholds, B: p.thresholds.B - 5 } },
    { ...p, weights: { ...p.weights, [first]: p.weights[first] * 2 } },
    { ...p, tierMode: "quotas" },
    { ...p, maintainFrom: p.maintainFrom - 10 },
    p,
  ];
}

function ms(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function report(label: string, base: WhatIfBase): void {
  const p = paramsOf(base.settings, base.indicators);
  whatIf(base, p); // warm-up (JIT)
  const times = tries(p).flatMap((x) => [ms(() => whatIf(base, x)), ms(() => whatIf(base, x))]).sort((a, b) => a - b);
  const averages = indicatorAverages(base.points);
  const key = base.refs[Math.floor(base.refs.length / 2)].key;
  const why = ms(() => explainCustomer(base, p, key, averages));
  // Quota mode finds the last customer of the next tier: one more pass over the customers.
  const whyQuota = ms(() => explainCustomer(base, { ...p, tierMode: "quotas" }, key, averages));
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label}: customers=${base.refs.length} indicators=${base.indicators.length} whatIf median=${median.toFixed(1)}ms max=${times[times.length - 1].toFixed(1)}ms (n=${times.length}) why=${why.toFixed(1)}ms whyQuota=${whyQuota.toFixed(1)}ms`);
}

async function main(): Promise<void> {
  const sample = await readWorkbookFile(path.resolve(__dirname, "..", "..", "..", "..", "assets", "sample", "sample.xlsx"));
  report("sample", baseOf(sample));
  const n = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
  const t0 = Date.now();
  const big = baseOf(synthetic(n, 12));
  console.log(`(read + score of the synthetic workbook, once per load: ${((Date.now() - t0) / 1000).toFixed(2)}s)`);
  report("synthetic", big);
}

void main();
