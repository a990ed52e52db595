import fc from "fast-check";
import { runJob, scoreWorkbook } from "../job/run-job";
import { defaultSettings } from "../settings/settings";
import type { RawValue, WorkbookModel } from "../workbook/grid";
import { checkParams, currentTiers, paramsOf, quickScores, rescore, whatIf, type WhatIfBase, type WhatIfParams } from "./what-if";
import { runLogValues, valuesUsedRows } from "./values-used";
import { applyPlan } from "../../../test/core/plan-to-workbook";
import { handBase, ind } from "./test-support";

const NOW = new Date("2025-06-30T08:00:00Z");
const INDICATORS = ["合作深度", "满意度", "业务贡献", "发展潜力"];

/** The spec's worked example: C001 89.5 (A), C002 71.25 (B), C003 46.75 (D), C004 24.7 (D), C005 资料不全. */
function worked(): WorkbookModel {
  const model: RawValue[][] = [["指标", "权重", "满分"], ["合作深度", "30%", 100], ["满意度", "25%", 100], ["业务贡献", "35%", 100], ["发展潜力", "10%", 100]];
  const rows: RawValue[][] = [
    ["客户编号", "客户名称", ...INDICATORS],
    ["C001", "华星贸易", 90, 85, 95, 80],
    ["C002", "东方机械", 70, 60, 75, 90],
    ["C003", "南山食品", 50, 40, 45, 60],
    ["C004", "北辰物流", 20, 30, 25, null],
    ["C005", "西岭科技", 60, null, null, null],
  ];
  return { sheets: [{ name: "客户关系评估表", values: rows }, { name: "评估模型", values: model }] };
}

function baseOf(wb: WorkbookModel): WhatIfBase {
  const core = scoreWorkbook(wb, { now: NOW });
  return { refs: core.refs, indicators: core.indicators, points: core.points, settings: core.settings, manual: core.manual, current: new Map() };
}

describe("the values to try start as the workbook's own", () => {
  test("weights from the model, lines from the settings", () => {
    const base = baseOf(worked());
    const p = paramsOf(base.settings, base.indicators);
    expect(p.weights).toEqual({ 合作深度: 30, 满意度: 25, 业务贡献: 35, 发展潜力: 10 });
    expect(p.thresholds).toEqual({ A: 85, B: 70, C: 55 });
    expect([p.maintainFrom, p.endBelow]).toEqual([70, 40]);
  });

  test("unchanged values move nobody and give the job's counts", () => {
    const wb = worked();
    const base = baseOf(wb);
    const r = whatIf(base, paramsOf(base.settings, base.indicators));
    const job = runJob(wb, { now: NOW });
    expect(r.moverCount).toBe(0);
    expect(r.against).toBe("settings");
    expect(r.byTier).toEqual(job.summary.byTier);
    expect(r.byVerdict).toEqual(job.summary.byVerdict);
  });
});

describe("verdict counts cover active customers only, as the run's summary counts them", () => {
  test("churned and transferred customers keep their tier but are not counted under a verdict", () => {
    const wb = worked();
    wb.sheets.push({ name: "客户状况登记表", values: [["客户编号", "客户名称", "客户状态"], ["C001", "华星贸易", "流失"], ["C002", "东方机械", "转出"], ["C003", "南山食品", "正常"], ["C004", "北辰物流", "休眠"]] });
    const base = baseOf(wb);
    const r = whatIf(base, paramsOf(base.settings, base.indicators));
    const job = runJob(wb, { now: NOW });
    expect(r.byVerdict).toEqual(job.summary.byVerdict);
    expect(r.byVerdict).toEqual({ maintain: 0, improve: 1, end: 1 });
    expect(r.byTier).toEqual(job.summary.byTier);
  });
});

describe("a tried tier line, weight or verdict line recomputes from the points already read", () => {
  test("raising the A line to 90 moves C001 (89.5) from A to B", () => {
    const base = baseOf(worked());
    const p = paramsOf(base.settings, base.indicators);
    const r = whatIf(base, { ...p, thresholds: { ...p.thresholds, A: 90 } });
    expect(r.byTier).toEqual({ A: 0, B: 2, C: 0, D: 2, incomplete: 1 });
    expect(r.movers).toEqual([{ key: "C001", name: "华星贸易", from: "A", to: "B" }]);
    expect(r.moves).toEqual({ "A→B": 1 });
  });

  test("weights change the score: points (100, 0) are D at 1:1 and A at 9:1", () => {
    const base = handBase(["x", "y"], [1, 1], [[100, 0]]);
    const p = paramsOf(base.settings, base.indicators);
    expect(whatIf(base, p).byTier.D).toBe(1);
    const r = whatIf(base, { ...p, weights: { x: 9, y: 1 } });
    expect(r.byTier.A).toBe(1);
    expect(r.movers).toEqual([{ key: "K0000", name: "客户0", from: "D", to: "A" }]);
  });

  test("verdict lines: lowering 维持 to 45 turns C003 (46.75) from improve to maintain", () => {
    const base = baseOf(worked());
    const p = paramsOf(base.settings, base.indicators);
    expect(whatIf(base, p).byVerdict).toEqual({ maintain: 2, improve: 1, end: 1 });
    expect(whatIf(base, { ...p, maintainFrom: 45 }).byVerdict).toEqual({ maintain: 3, improve: 0, end: 1 });
  });

  test("quota mode: 40% A of four scored customers is two", () => {
    const base = baseOf(worked());
    const p = paramsOf(base.settings, base.indicators);
    const r = whatIf(base, { ...p, tierMode: "quotas", quotas: { A: 0.4, B: 0.2, C: 0.2 } });
    expect(r.byTier).toEqual({ A: 2, B: 1, C: 1, D: 0, incomplete: 1 });
  });

  test("movers are counted against the roster now in the workbook when there is one", () => {
    const base = baseOf(worked());
    base.current = currentTiers([
      { record: { key: "C001", tier: "B" }, rowAddress: "A2" },
      { record: { key: "C002", tier: "B" }, rowAddress: "A3" },
      { record: { key: "C005", tier: "资料不全" }, rowAddress: "A4" },
      { record: { key: "C009", tier: "" }, rowAddress: "A5" },
    ]);
    const r = whatIf(base, paramsOf(base.settings, base.indicators));
    expect(r.against).toBe("outputs");
    expect(r.movers).toEqual([{ key: "C001", name: "华星贸易", from: "B", to: "A" }]);
  });
});

describe("every what-if accounts for every customer", () => {
  test("counts add up, movers are exactly the customers whose tier differs (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
        fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
        (points, weights, lines) => {
          fc.pre(weights.some((w) => w > 0));
          const base = handBase(["a", "b", "c"], [1, 1, 1], points);
          const [C, B, A] = [...lines].sort((x, y) => x - y);
          const p: WhatIfParams = { ...paramsOf(base.settings, base.indicators), weights: { a: weights[0], b: weights[1], c: weights[2] }, thresholds: { A, B, C } };
          const r = whatIf(base, p);
          expect(Object.values(r.byTier).reduce((s, n) => s + n, 0)).toBe(points.length);
          const before = rescore(base, paramsOf(base.settings, base.indicators));
          const after = rescore(base, p);
          expect(r.moverCount).toBe(after.filter((c, i) => c.computedTier !== before[i].computedTier).length);
          expect(whatIf(base, paramsOf(base.settings, base.indicators)).moverCount).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the quick rescoring of a what-if is the job's own scoring", () => {
  test("scores, coverage, tiers and verdicts equal scoreCustomers' in both tier modes (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom("thresholds" as const, "quotas" as const),
        (points, weights, tierMode) => {
          fc.pre(weights.some((w) => w > 0));
          const base = handBase(["a", "b", "c", "d"], [1, 1, 1, 1], points);
          const p: WhatIfParams = { ...paramsOf(base.settings, base.indicators), weights: { a: weights[0], b: weights[1], c: weights[2], d: weights[3] }, tierMode };
          const q = quickScores(base, p);
          rescore(base, p).forEach((c, i) => {
            expect(q.tier[i]).toBe(c.computedTier);
            expect(q.verdict[i]).toBe(c.verdict);
            expect(Number.isNaN(q.score[i]) ? null : q.score[i]).toBe(c.score);
            expect(q.coverage[i]).toBe(c.coverage);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("values that cannot be used are refused before computing", () => {
  test("negative or all-zero weights, lines out of order, quotas over 100%, 维持 below 终止", () => {
    const p = paramsOf(defaultSettings(), [ind("x", 1)]);
    expect(checkParams(p)).toEqual([]);
    expect(checkParams({ ...p, weights: { x: -1 } })).toEqual(["whatif.weights"]);
    expect(checkParams({ ...p, weights: { x: 0 } })).toEqual(["whatif.weights"]);
    expect(checkParams({ ...p, thresholds: { A: 60, B: 70, C: 55 } })).toEqual(["whatif.lines"]);
    expect(checkParams({ ...p, quotas: { A: 0.5, B: 0.4, C: 0.2 } })).toEqual(["whatif.quotas"]);
    expect(checkParams({ ...p, maintainFrom: 30 })).toEqual(["whatif.verdicts"]);
  });
});

describe("Run with these: the job uses the tried values and records them on the KPI tab", () => {
  test("the outcome matches the what-if and the KPI tab lists the values as tried in the pane", () => {
    const wb = worked();
    const base = baseOf(wb);
    const p = { ...paramsOf(base.settings, base.indicators), weights: { 合作深度: 10, 满意度: 10, 业务贡献: 10, 发展潜力: 70 }, thresholds: { A: 80, B: 60, C: 50 } };
    const out = runJob(wb, { now: NOW, whatIf: p });
    expect(out.summary.byTier).toEqual(whatIf(base, p).byTier);
    const kpi = out.plan.tabs.find((t) => t.id === "kpi")!;
    const texts = kpi.rows.map((r) => r.map((v) => String(v ?? "")).join("|"));
    expect(texts).toContainEqual(expect.stringContaining("权重 · 发展潜力||0.7|70|任务窗格试算后采用"));
    expect(texts).toContainEqual(expect.stringContaining("A级分数线|||80|任务窗格试算后采用"));
    // A plain run records the workbook's own values.
    const plain = runJob(wb, { now: NOW }).plan.tabs.find((t) => t.id === "kpi")!;
    expect(plain.rows.map((r) => r.join("|"))).toContainEqual(expect.stringContaining("A级分数线|||85|取自工作簿的模型与设置"));
  });

  test("English rows and quota mode record shares", () => {
    const s = { ...defaultSettings(), tierMode: "quotas" as const };
    const rows = valuesUsedRows({ settings: s, indicators: [ind("Satisfaction", 3), ind("Depth", 1)], fromPane: false }, "en-US");
    expect(rows.map((r) => [r.figure, r.share ?? null, r.value ?? null])).toEqual([
      ["Weight · Satisfaction", 0.75, 3], ["Weight · Depth", 0.25, 1], ["A share", 0.2, null], ["B share", 0.3, null], ["C share", 0.3, null], ["Maintain from", null, 70], ["End below", null, 40],
    ]);
  });
});

describe("Run with these: the history's run log records the values each run used", () => {
  /** The run log's rows as header → cell. */
  const runLog = (out: ReturnType<typeof runJob>): Record<string, unknown>[] => {
    const tab = out.plan.tabs.find((t) => t.id === "runLog")!;
    return tab.rows.map((r) => Object.fromEntries(tab.columns.map((c, i) => [c.header, r[i]])));
  };

  test("a run with tried weights and lines logs them as tried in the pane; a plain run logs the model's", () => {
    const wb = worked();
    const base = baseOf(wb);
    const p = { ...paramsOf(base.settings, base.indicators), weights: { 合作深度: 10, 满意度: 10, 业务贡献: 10, 发展潜力: 70 }, thresholds: { A: 80, B: 60, C: 50 }, maintainFrom: 65 };
    const tried = { 参数来源: "任务窗格试算", 权重: "合作深度 10; 满意度 10; 业务贡献 10; 发展潜力 70", 分级线: "分数线 A 80 / B 60 / C 50", 建议分数线: "维持 ≥ 65; 终止 < 40" };
    const model = { 参数来源: "模型与设置", 权重: "合作深度 30; 满意度 25; 业务贡献 35; 发展潜力 10", 分级线: "分数线 A 85 / B 70 / C 55", 建议分数线: "维持 ≥ 70; 终止 < 40" };
    const first = runJob(wb, { now: NOW, whatIf: p });
    expect(runLog(first)[0]).toMatchObject(tried);
    expect(runLog(runJob(wb, { now: NOW }))[0]).toMatchObject(model);
    // The next (plain) run keeps the earlier run's row as it was logged.
    const later = new Date(NOW.getTime() + 40 * 86_400_000);
    const second = runLog(runJob(applyPlan(wb, first.plan), { now: later }));
    expect(second).toHaveLength(2);
    expect(second[0]).toMatchObject(model);
    expect(second[1]).toMatchObject(tried);
  });

  test("quota shares are logged in per cent, in English when the outputs are", () => {
    const s = { ...defaultSettings(), tierMode: "quotas" as const, quotas: { A: 0.15, B: 0.35, C: 0.3 } };
    expect(runLogValues({ settings: s, indicators: [ind("Satisfaction", 0.6), ind("Depth", 0.4)], fromPane: true }, "en-US")).toEqual({
      valuesFrom: "tried in the task pane", weights: "Satisfaction 0.6; Depth 0.4", tierLines: "shares A 15% / B 35% / C 30%", verdictLines: "maintain ≥ 70; end < 40",
    });
  });
});
