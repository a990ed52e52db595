import { runJob } from "../../src/core/job/run-job";
import type { JobOutcome } from "../../src/core/job/job-types";
import type { PlanValue, TabPlan } from "../../src/core/plan/write-plan";
import type { RawValue, WorkbookModel } from "../../src/core/workbook/grid";
import { applyPlan, editCell } from "./plan-to-workbook";

// Two runs a month apart: 2025-06-30 and 2025-07-31 (the as-of day is the run's day).
const DAY1 = new Date("2025-06-30T08:00:00Z");
const DAY2 = new Date("2025-07-31T08:00:00Z");
const iso = (offset: number) => new Date(DAY1.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

const REGISTER_HEAD = [
  "客户编号", "客户名称", "法人代表", "总经理", "客户经理", "年采购金额", "首次购买日期", "最近联系日期", "客户状态",
  "投诉次数", "投诉日期", "投诉回复日期", "投诉解决日期",
];

/** Six customers of two managers (and one without), complaint dates, one churned; scores by customer. */
function input(scores: Record<string, number>, statusC4 = "流失"): WorkbookModel {
  const reg: RawValue[][] = [
    REGISTER_HEAD,
    ["C1", "华星贸易", "张法人", "李总", "王芳", 900_000, iso(-400), iso(-2), "正常", 1, iso(-10), iso(-10), iso(-5)],
    ["C2", "东方机械", null, "赵总", "王芳", 300_000, iso(-3), iso(-1), "正常", 0, null, null, null],
    ["C3", "南山食品", "钱法人", null, "李强", 100_000, iso(-500), iso(-5), "正常", 1, iso(-20), iso(-18), null],
    ["C4", "北辰物流", null, null, "王芳", 50_000, iso(-800), iso(-200), statusC4, 0, null, null, null],
    ["C5", "西岭科技", "孙法人", "周总", "李强", 0, iso(-600), iso(-3), "正常", 0, null, null, null],
    ["C6", "南岭建材", null, null, null, null, iso(-700), iso(-4), "正常", 0, null, null, null],
  ];
  const ev: RawValue[][] = [["客户编号", "分析指标", "指标权重", "指标得分"]];
  for (const [k, s] of Object.entries(scores)) ev.push([k, "合作深度", 50, s], [k, "业务贡献", 50, s]);
  return { sheets: [{ name: "客户状况登记表", values: reg }, { name: "客户关系评估表", values: ev }] };
}

const FIRST = { C1: 90, C2: 70, C3: 60, C4: 30, C5: 80, C6: 50 };
const SECOND = { ...FIRST, C2: 80, C5: 70 };

const tab = (run: JobOutcome, id: string): TabPlan => run.plan.tabs.find((t) => t.id === id)!;
const records = (t: TabPlan): Record<string, PlanValue>[] => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.id, r[i]])));

/** Run 1, the users' typing in its outputs, then run 2 on the changed input. */
function twoRuns(): { run1: JobOutcome; run2: JobOutcome; wb2: WorkbookModel } {
  const wb0 = input(FIRST);
  const run1 = runJob(wb0, { now: DAY1 });
  const wb1 = applyPlan(wb0, run1.plan);
  editCell(wb1, "电话回访计划", { header: "客户编号", value: "C2" }, "状态", "已完成");
  editCell(wb1, "客户维护方案", { header: "客户编号", value: "C1" }, "审核状态", "已审核");
  editCell(wb1, "客户维护方案", { header: "客户编号", value: "C1" }, "执行情况", "已执行");
  editCell(wb1, "客户维护方案", { header: "客户编号", value: "C3" }, "审核状态", "已驳回");
  editCell(wb1, "客户维护方案", { header: "客户编号", value: "C5" }, "执行情况", "已约拜访");
  const strengthening = wb1.sheets.find((s) => s.name === "客户关系强化表")!;
  const head = strengthening.values[0];
  const row = strengthening.values.find((r) => r[head.indexOf("客户编号")] === "C5" && r[head.indexOf("我方人员")] === "部门经理")!;
  row[head.indexOf("对方对接人")] = "吴经理";
  row[head.indexOf("强化措施")] = "每季度业务交流";
  const action = wb1.sheets.find((s) => s.name === "行动计划表")!;
  action.values[1][action.values[0].indexOf("责任部门/人")] = "公司业务部 王芳";
  // A month later: C2 grew, C5 declined, C4 came back.
  const next = input(SECOND, "正常");
  const wb1b: WorkbookModel = { sheets: [...next.sheets, ...wb1.sheets.slice(2)] };
  const run2 = runJob(wb1b, { now: DAY2 });
  return { run1, run2, wb2: applyPlan(wb1b, run2.plan, run1.plan.tabs.map((t) => t.name)) };
}

describe("客户维护总结表: one row per account manager and a total row", () => {
  it("counts customers by tier, verdict and status per manager, with (未指定) for customers without one", () => {
    const run1 = runJob(input(FIRST), { now: DAY1 });
    const rows = records(tab(run1, "summary"));
    expect(rows.map((r) => r.manager)).toEqual(["李强", "王芳", "（未指定）", "合计"]);
    expect(rows[1]).toMatchObject({ customers: 3, tierA: 1, tierB: 1, tierD: 1, maintain: 2, end: 0, stActive: 2, stChurned: 1 });
    expect(rows[0]).toMatchObject({ customers: 2, tierB: 1, tierC: 1, maintain: 1, improve: 1 });
    expect(rows[3]).toMatchObject({ customers: 6, tierA: 1, tierB: 2, tierC: 1, tierD: 2, stActive: 5, stChurned: 1 });
    // The churned C4 has no relationship verdict in the counts: verdicts cover active customers only.
    expect(rows[3].maintain as number + (rows[3].improve as number) + (rows[3].end as number)).toBe(5);
  });

  it("the total row is the sum of the manager rows in every count column", () => {
    const { run2 } = twoRuns();
    const t = tab(run2, "summary");
    const rows = records(t);
    const total = rows[rows.length - 1];
    for (const c of t.columns.filter((x) => x.kind === "integer")) {
      expect(rows.slice(0, -1).reduce((n, r) => n + (r[c.id] as number), 0)).toBe(total[c.id]);
    }
  });

  it("calls due in 30 days, overdue and done since the last run; plan rows by 审核状态 and 执行情况; warnings; win-backs decided and returned", () => {
    const { run1, run2 } = twoRuns();
    const first = records(tab(run1, "summary"));
    expect(first.find((r) => r.manager === "王芳")).toMatchObject({ winbackDecided: 1, returned: 0, planPending: 2 });
    const rows = records(tab(run2, "summary"));
    const wang = rows.find((r) => r.manager === "王芳")!;
    const li = rows.find((r) => r.manager === "李强")!;
    // C2's first-week call (planned 2025-07-04, after the last run) was marked 已完成.
    expect(wang).toMatchObject({ callsDone: 1, planApproved: 1, planExecuted: 1, returned: 1, winbackDecided: 0, stActive: 3, stChurned: 0 });
    expect(li).toMatchObject({ planRejected: 1, planPending: 1, planInProgress: 1 });
    const calls = records(tab(run2, "callbacks"));
    const today = Math.floor(DAY2.getTime() / 86_400_000) + 25569; // Excel serial of 2025-07-31
    const overdue = calls.filter((c) => typeof c.plannedDate === "number" && c.plannedDate < today && c.status !== "已完成").length;
    expect(rows[rows.length - 1].callsOverdue).toBe(overdue);
    const churn = records(tab(run2, "churn"));
    expect(rows[rows.length - 1]).toMatchObject({ warnYellow: churn.filter((c) => c.level === "黄").length, warnRed: churn.filter((c) => c.level === "红").length });
  });

  it("the manager's average score and its change since the last run", () => {
    const { run2 } = twoRuns();
    const rows = records(tab(run2, "summary"));
    // 王芳: (90 + 80 + 30) / 3 now, (90 + 70 + 30) / 3 before; 李强: (60 + 70) / 2 now, (60 + 80) / 2 before.
    expect(rows.find((r) => r.manager === "王芳")!.avgScore).toBeCloseTo(200 / 3, 9);
    expect(rows.find((r) => r.manager === "王芳")!.scoreChange).toBeCloseTo(10 / 3, 9);
    expect(rows.find((r) => r.manager === "李强")!.scoreChange).toBeCloseTo(-5, 9);
    expect(rows[rows.length - 1].scoreChange).toBeCloseTo(0, 9);
  });

  it("is written in English too", () => {
    const run = runJob(input(FIRST), { now: DAY1, lang: "en-US" });
    const t = tab(run, "summary");
    expect(t.name).toBe("Maintenance Summary");
    expect(records(t).map((r) => r.manager)).toEqual(["李强", "王芳", "(unassigned)", "Total"]);
    expect(t.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["Calls Due in 30 Days", "Plans Pending Review", "Returned Since Last Run", "Score Change"]));
  });
});

describe("roster segments over two runs: 客户类别 and 生命周期", () => {
  it("VIP by spend, 潜在 without spend; 新客户, 成长 and 衰退 against the previous roster's score", () => {
    const { run1, run2 } = twoRuns();
    const r1 = Object.fromEntries(records(tab(run1, "roster")).map((r) => [r.key, r]));
    expect(r1.C1).toMatchObject({ category: "VIP", lifecycle: "稳定" });
    expect(r1.C2).toMatchObject({ category: "普通", lifecycle: "新客户" });
    expect(r1.C5).toMatchObject({ category: "潜在" });
    expect(r1.C6).toMatchObject({ category: "潜在" });
    expect(r1.C4).toMatchObject({ lifecycle: "已流失" });
    const r2 = Object.fromEntries(records(tab(run2, "roster")).map((r) => [r.key, r]));
    // C2 is still within 180 days of its first purchase: 新客户 wins over 成长.
    expect(r2.C2).toMatchObject({ lifecycle: "新客户", score: 80 });
    expect(r2.C5).toMatchObject({ lifecycle: "衰退", score: 70 });
    // Back in the register as 正常: no longer 已流失 (idle 231 days is below twice D's 180 warning days).
    expect(r2.C4).toMatchObject({ lifecycle: "稳定" });
  });
});

describe("relationship strengthening and action plan edits survive the second run", () => {
  it("keeps the typed counterpart and measures by key + role, and the action plan's typed owner", () => {
    const { wb2 } = twoRuns();
    const s = wb2.sheets.find((x) => x.name === "客户关系强化表")!;
    const h = s.values[0];
    const row = s.values.find((r) => r[h.indexOf("客户编号")] === "C5" && r[h.indexOf("我方人员")] === "部门经理")!;
    expect(row[h.indexOf("对方对接人")]).toBe("吴经理");
    expect(row[h.indexOf("强化措施")]).toBe("每季度业务交流");
    const gm = s.values.find((r) => r[h.indexOf("客户编号")] === "C1" && r[h.indexOf("我方人员")] === "总经理")!;
    expect(gm[h.indexOf("对方对接人")]).toBe("张法人");
    const a = wb2.sheets.find((x) => x.name === "行动计划表")!;
    expect(a.values[1][a.values[0].indexOf("责任部门/人")]).toBe("公司业务部 王芳");
  });
});

describe("KPI tab: complaint figures and the tier trend over the runs", () => {
  it("shows response hours, resolution days and the on-time shares from the register's complaint dates", () => {
    const run1 = runJob(input(FIRST), { now: DAY1 });
    const kpi = records(tab(run1, "kpi"));
    expect(kpi.find((r) => r.figure === "投诉平均响应时间（小时）")).toMatchObject({ count: 2, value: 24 });
    expect(kpi.find((r) => r.figure === "投诉平均处理时间（天）")).toMatchObject({ count: 1, value: 5 });
    expect(kpi.find((r) => r.figure === "24小时内回复占比")).toMatchObject({ count: 1, share: 0.5 });
    expect(kpi.find((r) => r.figure === "7天内解决占比")).toMatchObject({ count: 1, share: 0.5 });
  });

  it("a line per tier over the runs: the first run alone, then both runs from the history", () => {
    const { run1, run2 } = twoRuns();
    const t1 = tab(run1, "kpi");
    expect(t1.extraCharts).toHaveLength(1);
    expect(t1.extraCharts![0]).toMatchObject({ kind: "line", rows: 1 });
    const t2 = tab(run2, "kpi");
    const chart = t2.extraCharts![0];
    expect(chart.rows).toBe(2);
    expect(chart.series!.map((s) => s.name)).toEqual(["A", "B", "C", "D", "资料不全"]);
    const kpi = records(t2);
    const b = chart.series![1];
    expect(kpi.slice(b.firstRow, b.firstRow + 2)).toEqual([
      expect.objectContaining({ section: "等级趋势 B", figure: "2025-06-30", count: 2 }),
      expect.objectContaining({ section: "等级趋势 B", figure: "2025-07-31", count: 2 }),
    ]);
    const a = chart.series![0];
    expect(kpi.slice(a.firstRow, a.firstRow + 2).map((r) => r.count)).toEqual([1, 1]);
    expect(kpi[chart.firstRow].figure).toBe("2025-06-30");
  });
});
