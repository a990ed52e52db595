/**
 * End to end over two runs a month apart, on a register with every status and cause: a churned customer
 * comes back, and no tab contradicts another (spec: "Customer status and the customer's life cycle",
 * "Advice that agrees with itself").
 */
import { runJob } from "../../src/core/job/run-job";
import type { JobOutcome } from "../../src/core/job/job-types";
import type { PlanValue, TabPlan } from "../../src/core/output-tabs/write-plan";
import type { WorkbookModel } from "../../src/core/workbook/grid";
import { applyPlan, editCell } from "./plan-to-workbook";

const RUN1 = new Date("2025-06-30T08:00:00Z");
const RUN2 = new Date("2025-07-31T08:00:00Z");

const HEAD = ["客户编号", "客户名称", "客户经理", "客户状态", "流失原因", "转出方式", "最近购买日期", "最近联系日期", "挽回成本", "客户关系发展潜力", "客户满意度", "沟通方式"];
/** Every status and cause; dates relative to run 1 (2025-06-30). */
const REGISTER: PlanValue[][] = [
  ["K01", "正常一", "王", "正常", null, null, "2025-06-01", "2025-06-20", null, "高", "比较满意", "微信"],
  ["K02", "新客户二", "王", "新客户", null, null, "2025-06-25", "2025-06-25", null, "中", "满意", "电话"],
  ["K03", "空状态三", "李", null, null, null, "2025-03-01", "2025-05-01", null, "中", 75, "短信"],
  ["K04", "休眠四", "李", "休眠", null, null, "2024-12-01", "2025-02-01", null, "低", "不太满意", "电话"],
  ["K05", "流失五", "张", "流失", "竞争流失", null, "2024-10-01", "2024-11-01", 5000, "高", "一般", "拜访"],
  ["K06", "流失六", "张", "流失", "员工流动", null, "2024-09-01", "2024-10-01", 2000, "中", "满意", "电话"],
  ["K07", "流失七", "张", "流失", "搬迁", null, "2024-08-01", "2024-09-01", 100, "高", "满意", "电话"],
  ["K08", "流失八", "赵", "流失", "破产", null, "2024-07-01", "2024-08-01", 100, "高", "满意", "电话"],
  ["K09", "流失九", "赵", "流失", "价格太高", null, "2024-07-01", "2024-08-01", 1000, "中", "满意", "电话"],
  ["K10", "流失十", "赵", "流失", "服务意识淡薄", null, "2025-06-26", "2025-06-01", 1000, "中", "满意", "电话"],
  ["K11", "转出十一", "钱", "转出", null, "主动", "2025-01-15", "2025-01-15", null, "中", "满意", "电话"],
  ["K12", "回流十二", "钱", "已回流", "细节疏忽", null, "2025-06-10", "2025-06-10", null, "中", "满意", "电话"],
  ["K13", "流失十三", "钱", "流失", "企业自身问题", null, "2024-06-01", "2024-06-01", 800, "低", "满意", "电话"],
  ["K14", "流失十四", "孙", "流失", "其他", null, "2024-06-01", "2024-06-01", 300, "中", "满意", "电话"],
];
/** Scores: K01 strong … K04 weak enough to be told 终止关系. */
const SCORES: Record<string, [number, number]> = {
  K01: [95, 90], K02: [75, 72], K03: [60, 58], K04: [20, 25], K05: [80, 70], K06: [70, 65], K07: [85, 85], K08: [60, 60],
  K09: [50, 55], K10: [65, 60], K11: [70, 70], K12: [72, 68], K13: [40, 30], K14: [55, 50],
};

function input(): WorkbookModel {
  const ev: PlanValue[][] = [["客户编号", "分析指标", "指标权重", "指标得分"]];
  for (const [k, [a, b]] of Object.entries(SCORES)) ev.push([k, "合作深度", 60, a], [k, "业务贡献", 40, b]);
  return { sheets: [{ name: "客户状况登记表", values: [HEAD, ...REGISTER.map((r) => [...r])] }, { name: "客户关系评估表", values: ev }] };
}

const tab = (out: JobOutcome, id: string): TabPlan => out.plan.tabs.find((t) => t.id === id)!;
const records = (t: TabPlan) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.id, r[i]])));
const byKey = (t: TabPlan) => new Map(records(t).map((r) => [String(r.key), r]));
const kpi = (out: JobOutcome, figure: string) => records(tab(out, "kpi")).find((r) => r.figure === figure)!;

function twoRuns() {
  const wb0 = input();
  const run1 = runJob(wb0, { now: RUN1 });
  const wb1 = applyPlan(wb0, run1.plan);
  // Between the runs: K05 came back, the manager typed follow-ups, K10's pseudo-churn status was left as it was.
  const reg = wb1.sheets.find((s) => s.name === "客户状况登记表")!;
  const k05 = reg.values.find((r) => r[0] === "K05")!;
  k05[3] = "正常";
  k05[6] = "2025-07-20";
  k05[7] = "2025-07-20";
  editCell(wb1, "挽回方案", { header: "客户编号", value: "K11" }, "跟进情况", "7月电话，客户暂无需求");
  editCell(wb1, "挽回方案", { header: "客户编号", value: "K05" }, "跟进情况", "行长上门，客户回流");
  editCell(wb1, "客户维护方案", { header: "客户编号", value: "K01" }, "备注", "重点客户");
  const run2 = runJob(wb1, { now: RUN2 });
  return { run1, run2, wb2: applyPlan(wb1, run2.plan, run1.plan.tabs.map((t) => t.name)) };
}

describe("two runs a month apart: a churned customer came back", () => {
  const { run1, run2 } = twoRuns();

  it("reads every status and cause (nothing rejected; the unknown cause is a note and kept as typed)", () => {
    const codes = run1.problems.map((p) => p.code);
    expect(codes).not.toContain("value.notChoice");
    expect(run1.problems.filter((p) => p.code === "register.unknownCause").map((p) => p.cell)).toEqual(["E10"]);
    expect(byKey(tab(run1, "winback")).get("K09")).toMatchObject({ cause: "价格太高" });
  });

  it("the roster says 回流 for the customer that came back, and 回流率 is on the KPI tab", () => {
    expect(byKey(tab(run2, "roster")).get("K05")).toMatchObject({ status: "正常", movement: "回流" });
    // At run 1: K05–K11, K13, K14 were 流失 or 转出 (K10 only suspected, still 流失 on the roster): 9; one came back.
    expect(kpi(run2, "回流率")).toMatchObject({ count: 1, share: 1 / 9 });
    expect(kpi(run1, "回流率")).toMatchObject({ count: 0, share: null });
  });

  it("keeps the follow-up typed for a customer that left the win-back list, as a note; the others by key", () => {
    expect(byKey(tab(run2, "winback")).get("K11")).toMatchObject({ followUp: "7月电话，客户暂无需求", decision: "跟踪回流" });
    expect(byKey(tab(run2, "winback")).has("K05")).toBe(false);
    expect(run2.problems).toContainEqual(expect.objectContaining({ code: "plan.editRowGone", key: "K05" }));
    expect(byKey(tab(run2, "retention")).get("K01")).toMatchObject({ remarks: "重点客户" });
  });

  it("flags the recent 流失 as pseudo-churn on run 1 and counts it as churned on run 2 (status left as it was)", () => {
    expect(byKey(tab(run1, "winback")).get("K10")).toMatchObject({ flag: "疑似伪流失" });
    expect(run1.problems).toContainEqual(expect.objectContaining({ code: "plan.pseudoChurn", key: "K10", cell: "D11" }));
    expect(byKey(tab(run2, "winback")).get("K10")).toMatchObject({ flag: null });
    expect(kpi(run1, "疑似伪流失").count).toBe(1);
    expect(kpi(run2, "疑似伪流失").count).toBe(0);
  });

  it("no tab contradicts another", () => {
    for (const run of [run1, run2]) {
      const roster = byKey(tab(run, "roster"));
      const plan = byKey(tab(run, "retention"));
      const winback = byKey(tab(run, "winback"));
      for (const [key, r] of roster) {
        const lost = r.status === "流失" || r.status === "转出";
        // On exactly one of the maintenance plan and the win-back tab.
        expect([key, plan.has(key)]).toEqual([key, !lost]);
        expect([key, winback.has(key)]).toEqual([key, lost]);
        if (lost) {
          const d = winback.get(key)!.decision;
          expect([key, r.verdict]).toEqual([key, d === "挽回" ? "挽回关系" : d]);
        } else {
          const p = plan.get(key)!;
          expect(r.verdict).toBe(p.verdict);
          // 沟通频率 ends with the 维护方式 it names, or is 按需 for 终止关系.
          if (p.verdict === "终止关系") expect(String(p.frequency)).toMatch(/^按需/);
          else expect(String(p.frequency).endsWith(String(p.channel))).toBe(true);
        }
      }
      // 终止关系 customers get no promotional or suggestion calls; nobody 流失 gets a purchase call.
      for (const c of records(tab(run, "callbacks"))) {
        const p = plan.get(String(c.key));
        if (p?.verdict === "终止关系") expect(String(c.content)).not.toMatch(/宣传|提议/);
        if (!p) expect(String(c.callType)).toMatch(/^(转出跟踪回访|投诉)/);
      }
      // Churn warnings watch active customers only.
      for (const w of records(tab(run, "churn"))) expect(plan.has(String(w.key))).toBe(true);
      // Verdict counts cover active customers only.
      const verdicts = ["维持关系", "改善关系", "终止关系"].reduce((s, v) => s + Number(kpi(run, v).count), 0);
      expect(verdicts).toBe(plan.size);
      expect(run.summary.byVerdict.maintain + run.summary.byVerdict.improve + run.summary.byVerdict.end).toBe(plan.size);
    }
  });

  it("the first run plans no call before its as-of date, so nothing is overdue", () => {
    expect(kpi(run1, "逾期回访").count).toBe(0);
    for (const c of records(tab(run1, "callbacks"))) expect(Number(c.plannedDate)).toBeGreaterThanOrEqual(45838);
  });
});

describe("a model that mixes register business data with evaluation indicators shows large business in the score", () => {
  it("ranks 日均存款 from the register, so the largest deposit holder gets that indicator's full points", () => {
    const wb: WorkbookModel = {
      sheets: [
        { name: "客户状况登记表", values: [["客户编号", "客户名称", "日均存款"], ["B1", "大户", "¥4,700,000"], ["B2", "中户", 800000], ["B3", "小户", 50000]] },
        { name: "客户关系评估表", values: [["客户编号", "分析指标", "指标权重", "指标得分"], ["B1", "合作深度", 50, 60], ["B2", "合作深度", 50, 60], ["B3", "合作深度", 50, 60]] },
        { name: "评估模型", values: [["指标", "权重", "来源列", "计分方法"], ["日均存款", 50, "日均存款", "排名"], ["合作深度", 50, null, "直接"]] },
      ],
    };
    const out = runJob(wb, { now: RUN1 });
    const roster = byKey(tab(out, "roster"));
    expect(roster.get("B1")).toMatchObject({ rank: 1, score: 80 });
    expect(String(roster.get("B1")!.top)).toMatch(/^日均存款 \+50\.0/);
    expect(roster.get("B3")).toMatchObject({ score: 30 });
  });
});
