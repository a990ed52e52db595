/**
 * The spec's "Customer status and the customer's life cycle", one describe per rule, on the plan tabs
 * built together (buildPlanTabs), so that a rule holds across tabs, not only in one.
 */
import fc from "fast-check";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { TabPlan } from "../output-tabs/write-plan";
import type { PreviousRow } from "../output-tabs/previous-outputs";
import type { PlanContext } from "./build-plan-tabs";
import { churnWarning } from "./churn-warnings";
import { hasReturned, isSuspectedPseudoChurn, lifeStage, NO_PREVIOUS_LIFECYCLE, readPreviousLifecycle, stageOfStatus } from "./lifecycle";
import { AS_OF, carryFrom, customer, day, planTabs, recordsOf, settingsWith } from "./test-support";
import { winbackDecision } from "./win-back";

const settings = settingsWith((s) => (s.plan.callbacks.randomShare = 0));

const tabs = (customers: ScoredCustomer[], over: Partial<PlanContext> = {}) => planTabs(customers, settings, over);
const keysOf = (tab: TabPlan) => recordsOf(tab).map((r) => r.key);
const kpi = (tab: TabPlan, figure: string) => recordsOf(tab).find((r) => r.figure === figure);
const prevRoster = (rows: [string, string | null][]): PreviousRow[] =>
  rows.map(([key, status], i) => ({ record: { key, status }, rowAddress: `A${i + 2}` }));

const reg = (status: NonNullable<ScoredCustomer["register"]>["status"], more: Partial<NonNullable<ScoredCustomer["register"]>> = {}) => ({
  status, lastContact: day(-5), firstPurchase: day(-3), satisfaction: 90, ...more,
});

describe("status: 正常, 新客户 or empty are active — tiered, verdict, maintenance plan, callbacks, churn warnings", () => {
  it.each([["active"], ["new"], [undefined]] as const)("a customer with status %s is planned", (status) => {
    const t = tabs([customer("X", { tier: "B", reg: reg(status, { lastContact: day(-200) }) })]);
    expect(keysOf(t.retention)).toEqual(["X"]);
    expect(keysOf(t.callbacks)).toContain("X");
    expect(keysOf(t.churn)).toEqual(["X"]);
    expect(keysOf(t.winback)).toEqual([]);
  });
});

describe("status: 休眠 is active, and always at least a yellow churn warning with a re-activation call", () => {
  it("warns even when it was contacted yesterday, and schedules a re-activation call", () => {
    const c = customer("Z", { tier: "C", reg: reg("dormant", { lastContact: day(-1) }) });
    const w = churnWarning(c, settings, AS_OF)!;
    expect(w.level).toBe("yellow");
    const t = tabs([c]);
    expect(recordsOf(t.churn)[0]).toMatchObject({ key: "Z", level: "黄", reason: "客户已标为休眠" });
    expect(String(recordsOf(t.churn)[0].action)).toContain("电话回访激活");
    expect(recordsOf(t.callbacks).find((r) => r.callType === "休眠激活回访")).toMatchObject({ plannedDate: AS_OF, reason: "客户休眠" });
    expect(keysOf(t.retention)).toEqual(["Z"]);
    expect(String(recordsOf(t.retention)[0].measures)).toContain("休眠激活");
  });

  it("stays red when it is idle past twice the limit", () => {
    expect(churnWarning(customer("Z", { tier: "C", reg: reg("dormant", { lastContact: day(-400) }) }), settings, AS_OF)?.level).toBe("red");
  });
});

describe("status: 流失 is not in the maintenance plan, is on the win-back tab, and the roster shows the decision", () => {
  it("lists it on the win-back tab only", () => {
    const t = tabs([customer("L", { reg: reg("churned", { churnCause: "service", lastContact: day(-300), lastPurchase: day(-300) }) })]);
    expect(keysOf(t.retention)).toEqual([]);
    expect(keysOf(t.churn)).toEqual([]);
    expect(keysOf(t.callbacks)).toEqual([]);
    expect(keysOf(t.winback)).toEqual(["L", "合计"]);
    expect(recordsOf(t.winback)[0]).toMatchObject({ status: "流失", decision: "挽回", flag: null });
  });
});

describe("status: 转出 is tracked for its return with a follow-up call every 6 months (转出回访间隔月数)", () => {
  it("decides 跟踪回流, names the 转出方式 and plans the follow-up 6 months after the last touch", () => {
    const c = customer("T", { reg: { status: "transferred", transferType: "needEnded", lastContact: day(-180) } });
    expect(winbackDecision(c, settings).decision).toBe("track");
    const t = tabs([c]);
    expect(keysOf(t.retention)).toEqual([]);
    expect(recordsOf(t.winback)[0]).toMatchObject({ status: "转出", transferType: "被动", decision: "跟踪回流", method: "电话回访（每6个月）" });
    const calls = recordsOf(t.callbacks).filter((r) => r.key === "T");
    expect(calls.map((r) => r.callType)).toEqual(["转出跟踪回访"]);
    expect(calls[0].plannedDate).toBeGreaterThanOrEqual(AS_OF);
  });

  it("follows the interval setting", () => {
    const s = settingsWith((x) => {
      x.plan.callbacks.randomShare = 0;
      x.plan.callbacks.transferFollowUpMonths = 3;
    });
    const c = customer("T", { reg: { status: "transferred", transferType: "asked", lastContact: day(-80) } });
    const t = tabs([c], { settings: s });
    expect(recordsOf(t.callbacks).filter((r) => r.key === "T")).toHaveLength(1);
    expect(recordsOf(t.winback)[0].method).toBe("电话回访（每3个月）");
  });
});

describe("status: 已回流 is active and counted as returned", () => {
  it("is planned like an active customer", () => {
    const t = tabs([customer("R", { reg: reg("returned") })]);
    expect(keysOf(t.retention)).toEqual(["R"]);
    expect(kpi(t.kpi, "已回流")).toMatchObject({ count: 1 });
  });
});

describe("return is measured, not planned: 回流率 = returned since the last run ÷ 流失 or 转出 at the last run", () => {
  const prev = readPreviousLifecycle(prevRoster([["R1", "流失"], ["R2", "转出"], ["L", "流失"], ["N", "正常"]]), []);
  const now = [
    customer("R1", { reg: reg("returned") }), customer("R2", { reg: reg("active") }),
    customer("L", { reg: reg("churned", { lastContact: day(-300), lastPurchase: day(-300) }) }), customer("N", { reg: reg("active") }),
  ];

  it("counts who came back, whatever status word the manager used", () => {
    expect(now.map((c) => hasReturned(c, prev))).toEqual([true, true, false, false]);
  });

  it("puts 回流率 on the KPI tab, apart from the planned win-back share 拟挽回比例", () => {
    const t = tabs(now, { previousLifecycle: prev });
    expect(kpi(t.kpi, "回流率")).toMatchObject({ count: 2, share: 2 / 3 });
    expect(kpi(t.kpi, "拟挽回比例")).toMatchObject({ count: 1, share: 1 });
    expect(String(kpi(t.kpi, "拟挽回比例")!.definition)).toContain("不是结果");
  });

  it("leaves 回流率 empty on a first run", () => {
    expect(kpi(tabs(now).kpi, "回流率")).toMatchObject({ count: 0, share: null });
  });

  it("reads statuses written in either language", () => {
    const p = readPreviousLifecycle(prevRoster([["a", "Churned"], ["b", "Transferred out"], ["c", null]]), []);
    expect([...p.status.entries()]).toEqual([["a", "churned"], ["b", "transferred"], ["c", undefined]]);
    expect(p.known).toBe(true);
    expect(readPreviousLifecycle([{ record: { key: "a" }, rowAddress: "A2" }], []).known).toBe(false);
  });
});

describe("the win-back tab totals the win-back cost of 挽回 decisions", () => {
  it("adds a total row of the 挽回 decisions' cost", () => {
    const old = { lastContact: day(-300), lastPurchase: day(-300), potential: "high" as const };
    const t = tabs([
      customer("W1", { score: 80, reg: reg("churned", { ...old, winbackCost: 3000 }) }),
      customer("W2", { score: 80, reg: reg("churned", { ...old, winbackCost: 2000 }) }),
      customer("G", { score: 10, reg: reg("churned", { ...old, potential: "low", winbackCost: 900_000 }) }),
    ]);
    const rows = recordsOf(t.winback);
    expect(rows[rows.length - 1]).toMatchObject({ key: "合计", cost: 5000, decision: "挽回" });
    expect(kpi(t.kpi, "挽回成本合计")).toMatchObject({ value: 5000 });
  });
});

describe("pseudo-churn (伪流失): 流失 with a purchase or contact within the warning days is flagged 疑似伪流失 and warned", () => {
  const recent = customer("P", { tier: "B", reg: { status: "churned", lastPurchase: day(-4), lastContact: day(-100) } });

  it("flags it on the win-back tab and as a warning, and does not count it as churned", () => {
    const t = tabs([recent, customer("N", { reg: reg("active") })]);
    expect(recordsOf(t.winback)[0]).toMatchObject({ key: "P", flag: "疑似伪流失" });
    expect(String(recordsOf(t.winback)[0].strategy)).toMatch(/^先核实客户状态：4 天前/);
    expect(t.problems.items).toContainEqual(expect.objectContaining({ level: "warning", code: "plan.pseudoChurn", key: "P" }));
    expect(kpi(t.kpi, "流失率")).toMatchObject({ count: 0, share: 0 });
    expect(kpi(t.kpi, "疑似伪流失")).toMatchObject({ count: 1 });
  });

  it("counts it as churned once the manager leaves the status after the warning (next run)", () => {
    const prev = readPreviousLifecycle(prevRoster([["P", "流失"]]), [{ record: { key: "P", flag: "疑似伪流失" }, rowAddress: "A2" }]);
    expect(isSuspectedPseudoChurn(recent, settings, AS_OF, prev)).toBe(false);
    const t = tabs([recent], { previousLifecycle: prev });
    expect(recordsOf(t.winback)[0].flag).toBeNull();
    expect(kpi(t.kpi, "流失率")).toMatchObject({ count: 1, share: 1 });
  });

  it("uses the tier's warning days: outside them it is churned", () => {
    const old = customer("O", { tier: "A", reg: { status: "churned", lastPurchase: day(-31) } });
    expect(isSuspectedPseudoChurn(old, settings, AS_OF, NO_PREVIOUS_LIFECYCLE)).toBe(false);
    expect(isSuspectedPseudoChurn(customer("O", { tier: "B", reg: { status: "churned", lastPurchase: day(-31) } }), settings, AS_OF, NO_PREVIOUS_LIFECYCLE)).toBe(true);
  });
});

describe("causes that decide by themselves: 搬迁 and 破产 → 放弃 (记录归档); 员工流动 → 指派新客户经理并上门拜访", () => {
  const lost = (cause: NonNullable<NonNullable<ScoredCustomer["register"]>["churnCause"]>, more = {}) =>
    customer("K", { score: 95, reg: { status: "churned", churnCause: cause, potential: "high", winbackCost: 0, lastPurchase: day(-400), ...more } });

  it.each([["relocation", "搬迁"], ["bankruptcy", "破产"]] as const)("%s lets go whatever the weighing says", (cause, word) => {
    const r = recordsOf(tabs([lost(cause)]).winback)[0];
    expect(r).toMatchObject({ cause: word, decision: "放弃" });
    expect(String(r.strategy)).toMatch(/^记录归档/);
  });

  it("员工流动 weighs as usual and sends a new account manager", () => {
    const r = recordsOf(tabs([lost("staffTurnover")]).winback)[0];
    expect(r).toMatchObject({ cause: "员工流动", decision: "挽回", strategy: "指派新客户经理并上门拜访", method: "新客户经理上门拜访" });
  });

  it("an unknown cause is kept as typed, analysed individually", () => {
    const r = recordsOf(tabs([lost("unknown", { churnCauseText: "价格太高" })]).winback)[0];
    expect(r).toMatchObject({ cause: "价格太高" });
    expect(String(r.strategy)).toMatch(/^个别分析/);
  });
});

describe("verdict counts (KPI tab) cover active customers only", () => {
  it("leaves churned and transferred customers out of the verdict rows", () => {
    const t = tabs([
      customer("a", { verdict: "maintain", reg: reg("active") }),
      customer("b", { verdict: "end", reg: reg("churned", { lastPurchase: day(-300), lastContact: day(-300) }) }),
      customer("c", { verdict: "end", reg: reg("transferred") }),
    ]);
    expect(kpi(t.kpi, "维持关系")).toMatchObject({ count: 1, share: 1 });
    expect(kpi(t.kpi, "终止关系")).toMatchObject({ count: 0, share: 0 });
  });
});

describe("life stages: every status is exactly one of active, churned, transferred", () => {
  it("holds for every status", () => {
    fc.assert(
      fc.property(fc.constantFrom("active", "new", "dormant", "churned", "transferred", "returned", undefined), (status) => {
        const c = customer("x", { reg: { status } });
        const stage = lifeStage(c);
        expect(stage).toBe(stageOfStatus(status));
        const t = tabs([c]);
        // On exactly one of the maintenance plan and the win-back tab.
        expect(keysOf(t.retention).includes("x")).toBe(stage === "active");
        expect(keysOf(t.winback).includes("x")).toBe(stage !== "active");
      }),
    );
  });
});
