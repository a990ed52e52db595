import { runJob } from "../../src/core/job/run-job";
import type { JobOutcome } from "../../src/core/job/job-types";
import type { PlanValue, TabPlan } from "../../src/core/output-tabs/write-plan";
import type { RawValue, WorkbookModel } from "../../src/core/workbook/grid";
import { applyPlan, editCell } from "./plan-to-workbook";

/**
 * The supervisor's test workbook: six customers of two account managers (and one without), complaint dates,
 * one churned customer; and two runs a month apart with users' typing in between.
 */

// Two runs a month apart: 2025-06-30 and 2025-07-31 (the as-of day is the run's day).
export const DAY1 = new Date("2025-06-30T08:00:00Z");
export const DAY2 = new Date("2025-07-31T08:00:00Z");
const iso = (offset: number) => new Date(DAY1.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

const REGISTER_HEAD = [
  "客户编号", "客户名称", "法人代表", "总经理", "客户经理", "年采购金额", "首次购买日期", "最近联系日期", "客户状态",
  "投诉次数", "投诉日期", "投诉回复日期", "投诉解决日期",
];

/** Six customers of two managers (and one without), complaint dates, one churned; scores by customer. */
export function input(scores: Record<string, number>, statusC4 = "流失"): WorkbookModel {
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

export const FIRST = { C1: 90, C2: 70, C3: 60, C4: 30, C5: 80, C6: 50 };
export const SECOND = { ...FIRST, C2: 80, C5: 70 };

export const tab = (run: JobOutcome, id: string): TabPlan => run.plan.tabs.find((t) => t.id === id)!;
export const records = (t: TabPlan): Record<string, PlanValue>[] => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.id, r[i]])));

/** Run 1, the users' typing in its outputs, then run 2 on the changed input. */
export function twoRuns(): { run1: JobOutcome; run2: JobOutcome; wb2: WorkbookModel } {
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

