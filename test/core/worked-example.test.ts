import { runJob } from "../../src/core/job/run-job";
import type { JobOutcome } from "../../src/core/job/job-types";
import type { RawValue, SheetGrid, WorkbookModel } from "../../src/core/workbook/grid";

const NOW = new Date("2025-06-30T08:00:00Z");

const MODEL: RawValue[][] = [
  ["指标", "权重", "满分"],
  ["合作深度", "30%", 100],
  ["满意度", "25%", 100],
  ["业务贡献", "35%", 100],
  ["发展潜力", "10%", 100],
];

const CUSTOMERS: [string, string, (number | null)[]][] = [
  ["C001", "华星贸易", [90, 85, 95, 80]],
  ["C002", "东方机械", [70, 60, 75, 90]],
  ["C003", "南山食品", [50, 40, 45, 60]],
  ["C004", "北辰物流", [20, 30, 25, null]],
  ["C005", "西岭科技", [60, null, null, null]],
];
const INDICATORS = ["合作深度", "满意度", "业务贡献", "发展潜力"];
const WEIGHTS = [30, 25, 35, 10];

function wide(): WorkbookModel {
  const rows: RawValue[][] = [["客户编号", "客户名称", ...INDICATORS], ...CUSTOMERS.map(([id, name, s]) => [id, name, ...s])];
  return { sheets: [{ name: "客户关系评估表", values: rows }, { name: "评估模型", values: MODEL }] };
}

function wideWithWeightRow(): WorkbookModel {
  const rows: RawValue[][] = [
    ["客户关系评估表"],
    ["客户编号", "客户名称", ...INDICATORS],
    [null, "权重", ...WEIGHTS],
    ...CUSTOMERS.map(([id, name, s]) => [id, name, ...s]),
  ];
  return { sheets: [{ name: "客户关系评估表", values: rows }] };
}

function long(): WorkbookModel {
  const rows: RawValue[][] = [["客户编号", "客户名称", "分析指标", "指标权重", "指标得分", "根据", "备注"]];
  for (const [id, name, scores] of CUSTOMERS) {
    scores.forEach((s, i) => {
      if (s !== null) rows.push([id, name, INDICATORS[i], `${WEIGHTS[i]}%`, s, null, null]);
    });
  }
  return { sheets: [{ name: "客户关系评估表", values: rows }] };
}

function forms(): WorkbookModel {
  const sheets: SheetGrid[] = CUSTOMERS.map(([id, name, scores]) => ({
    name: `评估-${name}`,
    values: [
      ["客户关系评估表"],
      ["客户名称：", name, "编号", id],
      [],
      ["分析指标", "指标权重", "指标得分", "根据"],
      ...INDICATORS.map((ind, i) => [ind, `${WEIGHTS[i]}%`, scores[i], null] as RawValue[]),
      ["合计", "100%", null, null],
      ["最终得分", null, null, null],
    ],
  }));
  return { sheets };
}

function expectWorkedExample(out: JobOutcome): void {
  const by = (k: string) => out.customers.find((c) => c.key === k)!;
  expect(by("C001").score).toBeCloseTo(89.5, 9);
  expect(by("C002").score).toBeCloseTo(71.25, 9);
  expect(by("C003").score).toBeCloseTo(46.75, 9);
  expect(by("C004").score).toBeCloseTo(24.72, 2);
  expect(by("C004").coverage).toBeCloseTo(0.9, 9);
  expect(by("C005").score).toBeCloseTo(60, 9);
  expect(by("C005").coverage).toBeCloseTo(0.3, 9);
  expect(out.customers.map((c) => [c.key, c.tier, c.verdict])).toEqual([
    ["C001", "A", "maintain"],
    ["C002", "B", "maintain"],
    ["C003", "D", "improve"],
    ["C004", "D", "end"],
    ["C005", "incomplete", null],
  ]);
}

describe("worked example (spec), in every layout", () => {
  it("wide layout with a model sheet", () => expectWorkedExample(runJob(wide(), { now: NOW })));
  it("wide layout with a 权重 row under the header and a banner title above it", () => expectWorkedExample(runJob(wideWithWeightRow(), { now: NOW })));
  it("long layout", () => expectWorkedExample(runJob(long(), { now: NOW })));
  it("five form tabs", () => expectWorkedExample(runJob(forms(), { now: NOW })));

  it("gives identical results in the three layouts", () => {
    const pick = (o: JobOutcome) => o.customers.map((c) => ({ key: c.key, score: c.score, coverage: c.coverage, tier: c.tier, verdict: c.verdict }));
    const w = pick(runJob(wide(), { now: NOW }));
    expect(pick(runJob(long(), { now: NOW }))).toEqual(w);
    expect(pick(runJob(forms(), { now: NOW }))).toEqual(w);
  });

  it("lists C005 as a problem (资料不全) and writes the roster sorted by score", () => {
    const out = runJob(long(), { now: NOW });
    expect(out.problems.some((p) => p.code === "coverage.incomplete" && p.key === "C005")).toBe(true);
    const roster = out.plan.tabs.find((t) => t.id === "roster")!;
    expect(roster.name).toBe("客户分级名册");
    const keyCol = roster.columns.findIndex((c) => c.id === "key");
    expect(roster.rows.map((r) => r[keyCol])).toEqual(["C001", "C002", "C003", "C004", "C005"]);
    const tierCol = roster.columns.findIndex((c) => c.id === "tier");
    expect(roster.rows.map((r) => r[tierCol])).toEqual(["A", "B", "D", "D", "资料不全"]);
    const topCol = roster.columns.findIndex((c) => c.id === "top");
    expect(roster.rows[0][topCol]).toBe("业务贡献 +33.3; 合作深度 +27.0; 满意度 +21.3");
  });
});
