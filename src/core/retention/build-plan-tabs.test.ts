import { ProblemLog } from "../problems/problem";
import { renderProblem } from "../problems/render";
import { CarryOver, readPreviousOutputs } from "../output-tabs/previous-outputs";
import { ROSTER_SPEC } from "../output-tabs/roster-tab";
import { META_SHEET_NAME, metaRows, type TabPlan } from "../output-tabs/write-plan";
import type { SheetGrid, WorkbookModel } from "../workbook/grid";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Lang } from "../i18n/lang";
import { buildPlanTabs, PLAN_MESSAGES, PLAN_TAB_SPECS, type PlanContext } from "./build-plan-tabs";
import { AS_OF, carryFrom, customer, day, recordsOf, settingsWith } from "./test-support";

const SPECS = [ROSTER_SPEC, ...PLAN_TAB_SPECS];

function ctx(customers: ScoredCustomer[], over: Partial<PlanContext> = {}): PlanContext {
  return {
    customers, settings: settingsWith((s) => (s.plan.callbacks.randomShare = 0)), asOf: AS_OF, runAt: "2025-06-30T09:00:00.000Z",
    lang: "zh-CN", names: {}, carry: carryFrom(), previousHistory: [], modelFingerprint: "fp1", problems: new ProblemLog(), ...over,
  };
}

/** Writes tabs the way an adapter does (header row, then rows) into a workbook with the metadata sheet. */
function asWorkbook(tabs: TabPlan[]): WorkbookModel {
  const sheets: SheetGrid[] = tabs.map((t) => ({ name: t.name, values: [t.columns.map((c) => c.header), ...t.rows.map((r) => [...r])] }));
  sheets.push({ name: META_SHEET_NAME, values: metaRows({ product: "customer-tiers", version: 1, runAt: "x", tabs: tabs.map((t) => ({ id: t.id, name: t.name })) }) });
  return { sheets };
}

/** Types into a sheet: the cell of `col` in the row whose `matchCol` is `match`. */
function typeInto(wb: WorkbookModel, tab: TabPlan, match: Record<string, string | number>, col: string, value: string): void {
  const sheet = wb.sheets.find((s) => s.name === tab.name)!;
  const r = tab.rows.findIndex((row) => Object.entries(match).every(([id, v]) => row[tab.columns.findIndex((c) => c.id === id)] === v));
  if (r < 0) throw new Error(`no row ${JSON.stringify(match)} in ${tab.name}`);
  sheet.values[r + 1][tab.columns.findIndex((c) => c.id === col)] = value;
}

const customersOfRun = () => [
  customer("C1", { tier: "A", reg: { firstPurchase: day(-3), lastContact: day(-1), satisfaction: 90 } }),
  customer("C2", { tier: "C", reg: { openComplaint: true, lastContact: day(-2) } }),
  customer("C3", { tier: "D", reg: { status: "churned", potential: "high", churnCause: "competition" } }),
];

describe("buildPlanTabs: the plan tabs in both languages", () => {
  it.each<[Lang, string[]]>([
    ["zh-CN", ["客户维护方案", "电话回访计划", "流失预警", "挽回方案", "指标看板", "评估历史", "运行记录", "客户维护总结表", "客户关系强化表", "行动计划表"]],
    ["en-US", ["Retention Plan", "Callback Schedule", "Churn Warnings", "Win-back", "KPI Dashboard", "Evaluation History", "Run Log", "Maintenance Summary", "Relationship Strengthening", "Action Plan"]],
  ])("in %s, named per the spec unless the caller de-conflicted a name", (lang, names) => {
    const tabs = buildPlanTabs(ctx(customersOfRun(), { lang }));
    expect(tabs.map((t) => t.id)).toEqual(["retention", "callbacks", "churn", "winback", "kpi", "history", "runLog", "summary", "strengthening", "actionPlan"]);
    expect(tabs.map((t) => t.name)).toEqual(names);
    const renamed = buildPlanTabs(ctx(customersOfRun(), { lang, names: { kpi: `${names[4]} (2)` } }));
    expect(renamed[4].name).toBe(`${names[4]} (2)`);
  });

  it("exports ten specs with distinct table names and distinct headers per language", () => {
    expect(PLAN_TAB_SPECS).toHaveLength(10);
    expect(new Set(PLAN_TAB_SPECS.map((s) => s.tableName)).size).toBe(10);
    for (const s of PLAN_TAB_SPECS) {
      expect(new Set(s.columns.map((c) => c.zh)).size).toBe(s.columns.length);
      expect(new Set(s.columns.map((c) => c.en)).size).toBe(s.columns.length);
      expect(s.tableName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      for (const k of s.keyColumns) expect(s.columns.map((c) => c.id)).toContain(k);
    }
  });

  it("feeds the win-back decisions and overdue calls into the KPI dashboard", () => {
    const cs = [...customersOfRun(), customer("C4", { tier: "B", reg: { firstPurchase: day(-20), lastContact: day(-1), satisfaction: 90 } })];
    // C4's week call (day −13) was planned by the previous run and is not done: overdue.
    const carry = carryFrom({ callbacks: { records: [{ key: "C4", callType: "购买后一周回访", plannedDate: day(-13), status: "待回访" }] } });
    const kpi = recordsOf(buildPlanTabs(ctx(cs, { carry }))[4]);
    expect(kpi.find((r) => r.figure === "拟挽回比例")).toMatchObject({ count: 1, share: 1 });
    expect(kpi.find((r) => r.figure === "逾期回访")).toMatchObject({ count: 1 });
  });
});

describe("buildPlanTabs: a second run keeps every edit", () => {
  it("reads the first run's tabs back, with users' typing, and carries it into the second run", () => {
    const first = buildPlanTabs(ctx(customersOfRun()));
    const wb = asWorkbook(first);
    const [retention, callbacks, , winback] = first;
    typeInto(wb, retention, { key: "C1" }, "reviewStatus", "已通过");
    typeInto(wb, retention, { key: "C2" }, "remarks", "主管已知悉");
    typeInto(wb, callbacks, { key: "C1", callType: "购买后一周回访" }, "status", "已完成");
    typeInto(wb, callbacks, { key: "C2", callType: "投诉即时回访" }, "result", "客户同意方案");
    typeInto(wb, winback, { key: "C3" }, "followUp", "已约见面");

    const previous = readPreviousOutputs(wb, SPECS);
    const history = previous.tables.get("history")!.rows;
    const log = new ProblemLog();
    // A week later, in English: every edit must still be there.
    const second = buildPlanTabs(ctx(customersOfRun(), { lang: "en-US", asOf: AS_OF + 7, runAt: "2025-07-07T09:00:00.000Z", carry: new CarryOver(previous, SPECS), previousHistory: history, problems: log }));
    const r = recordsOf(second[0]);
    expect(r.find((x) => x.key === "C1")).toMatchObject({ reviewStatus: "已通过" });
    expect(r.find((x) => x.key === "C2")).toMatchObject({ reviewStatus: "Pending review", remarks: "主管已知悉" });
    const calls = recordsOf(second[1]);
    expect(calls.find((x) => x.key === "C1" && x.callType === "1 week after purchase")).toMatchObject({ status: "已完成", plannedDate: day(4) });
    expect(calls.find((x) => x.key === "C2" && x.callType === "Complaint: call at once")).toMatchObject({ result: "客户同意方案", plannedDate: AS_OF });
    expect(recordsOf(second[3])[0]).toMatchObject({ key: "C3", followUp: "已约见面" });
    // One history row per customer, this run's score/tier pair before the first run's.
    expect(recordsOf(second[5])).toHaveLength(3);
    expect(second[5].columns.map((c) => c.header).slice(2)).toEqual(["2025-07 Score", "2025-07 Tier", "2025-06 Score", "2025-06 Tier"]);
    expect(log.items.filter((p) => p.code.startsWith("plan.edit"))).toEqual([]);
  });
});

describe("buildPlanTabs: an edit no row takes becomes a note", () => {
  it("names the sheet, the row address and the typed values, in both languages", () => {
    const carry = carryFrom({
      retention: { sheet: "客户维护方案", records: [{ key: "C1", reviewStatus: "待审核" }, { key: "GONE", reviewStatus: "已通过", execution: null, remarks: "重点客户" }] },
      roster: { sheet: "客户分级名册", records: [{ key: "GONE2", manualTier: "A", manualReason: "战略客户" }] },
    });
    const log = new ProblemLog();
    buildPlanTabs(ctx([customer("C1")], { carry, problems: log }));
    const notes = log.items.filter((p) => p.code === "plan.editCustomerGone");
    expect(notes).toHaveLength(2);
    const gone = notes.find((p) => p.key === "GONE")!;
    expect(gone).toMatchObject({ level: "note", sheet: "客户维护方案", cell: "A3" });
    expect(renderProblem(gone, "zh-CN")).toContain("审核状态=已通过；备注=重点客户");
    expect(renderProblem(gone, "zh-CN")).toContain("客户维护方案");
    expect(renderProblem(gone, "en-US")).toContain("Review Status=已通过; Notes=重点客户");
    expect(renderProblem(gone, "en-US")).toContain("A3");
    expect(renderProblem(notes.find((p) => p.key === "GONE2")!, "zh-CN")).toContain("人工等级=A；调整原因=战略客户");
  });

  it("says nothing about rows that only held defaults, in either language", () => {
    const carry = carryFrom({ retention: { records: [{ key: "X", reviewStatus: "Pending review" }, { key: "Y", reviewStatus: "待审核" }] } });
    const log = new ProblemLog();
    buildPlanTabs(ctx([], { carry, problems: log }));
    expect(log.items).toEqual([]);
  });

  it("tells a customer who left the win-back list apart from one who left the register", () => {
    const carry = carryFrom({ winback: { sheet: "挽回方案", records: [{ key: "BACK", followUp: "已回归" }] } });
    const log = new ProblemLog();
    buildPlanTabs(ctx([customer("BACK")], { carry, problems: log }));
    expect(log.items).toEqual([expect.objectContaining({ code: "plan.editRowGone", key: "BACK" })]);
    expect(renderProblem(log.items[0], "en-US")).toContain("Follow-up=已回归");
  });

  it("names a call's type and planned date", () => {
    const carry = carryFrom({ callbacks: { sheet: "电话回访计划", records: [{ key: "GONE", callType: "年度回访", plannedDate: day(3), status: "已完成", result: null }] } });
    const log = new ProblemLog();
    buildPlanTabs(ctx([], { carry, problems: log }));
    expect(renderProblem(log.items[0], "zh-CN")).toContain("回访类型=年度回访；计划日期=2025-07-03；状态=已完成");
  });
});

describe("buildPlanTabs: messages", () => {
  it("has a template in both languages for every code it emits", () => {
    for (const [code, t] of Object.entries(PLAN_MESSAGES)) {
      const p = { key: "K", sheet: "S", cell: "A1", valuesZh: "v", valuesEn: "v", tier: "A", text: "t", defaultZh: "电话", defaultEn: "Phone", max: 1, runs: 1, rows: 1 };
      expect(code).toMatch(/^plan\./);
      expect(t.zh(p)).toMatch(/[\u4e00-\u9fff]/);
      expect(t.en(p)).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("buildPlanTabs: 100,000 customers", () => {
  it("builds every tab, bounded in rows and colour blocks", () => {
    const tiers = ["A", "B", "C", "D", "incomplete"] as const;
    const cs: ScoredCustomer[] = [];
    for (let i = 0; i < 100_000; i++) {
      cs.push(customer(`C${String(i).padStart(6, "0")}`, {
        tier: tiers[i % 5], score: i % 100,
        reg: {
          firstPurchase: day(-(i % 4000)), lastContact: day(-(i % 400)), satisfaction: i % 101, likelihoodToRecommend: i % 11,
          complaints: i % 9 === 0 ? 1 : 0, openComplaint: i % 97 === 0, status: i % 13 === 0 ? "churned" : "active",
          potential: (["high", "medium", "low"] as const)[i % 3], winbackCost: (i % 50) * 20_000, accountManager: `M${i % 40}`,
        },
      }));
    }
    // Bounded in size, not timed: speed is measured by `npm run bench`, never by a test a busy machine fails.
    const tabs = buildPlanTabs(ctx(cs, { settings: settingsWith() }));
    // Every active customer has a plan row; the churned ones (every 13th) are on the win-back tab (+ its total row).
    const churned = Math.ceil(100_000 / 13);
    expect(tabs[0].rows).toHaveLength(100_000 - churned);
    expect(tabs[3].rows).toHaveLength(churned + 1);
    expect(tabs[1].rows.length).toBeLessThan(300_000);
    expect(tabs[0].styles.length).toBeLessThan(20);
  });
});
