import { customerResults } from "../../src/core/batch/workbook-result";
import { runJob } from "../../src/core/job/run-job";
import { DAY1, DAY2, FIRST, input, records, tab, twoRuns } from "./supervisor-workbook";

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
    // The win-back tab's total row (合计) is nobody's: only the churned customer's decision counts.
    expect(first.find((r) => r.manager === "（未指定）")).toMatchObject({ winbackDecided: 0 });
    expect(first[first.length - 1]).toMatchObject({ winbackDecided: 1 });
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
    expect(r1.C1).toMatchObject({ segment: "VIP", lifecycle: "稳定" });
    expect(r1.C2).toMatchObject({ segment: "普通", lifecycle: "新客户" });
    expect(r1.C5).toMatchObject({ segment: "潜在" });
    expect(r1.C6).toMatchObject({ segment: "潜在" });
    expect(r1.C4).toMatchObject({ lifecycle: "已流失" });
    // The batch export's per-customer results carry the category as 'segment'.
    expect(customerResults(run1.plan).find((r) => r.key === "C1")).toMatchObject({ segment: "VIP" });
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
