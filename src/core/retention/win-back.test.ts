import { buildWinback, weighWinback, WINBACK_SPEC } from "./win-back";
import { carryFrom, customer, recordsOf as allRecords, settingsWith } from "./test-support";
import type { TabPlan } from "../output-tabs/write-plan";

/** The customer rows (the total row, key 合计 / Total, is checked on its own). */
const recordsOf = (tab: TabPlan) => allRecords(tab).filter((r) => r.key !== "合计" && r.key !== "Total");

const settings = settingsWith();
const churned = (key: string, reg: Record<string, unknown> = {}, opts: Parameters<typeof customer>[1] = {}) =>
  customer(key, { ...opts, reg: { status: "churned", ...reg } });
const build = (cs: ReturnType<typeof customer>[], lang: "zh-CN" | "en-US" = "zh-CN", carry = carryFrom()) =>
  buildWinback(cs, settings, lang, lang === "zh-CN" ? "挽回方案" : "Win-back", carry);

describe("win-back: names in both languages", () => {
  it("uses the spec's names", () => {
    expect([WINBACK_SPEC.zh, WINBACK_SPEC.en]).toEqual(["挽回方案", "Win-back"]);
    expect(build([], "en-US").tab.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["Customer Value", "Win-back Value", "Win-back Cost", "Decision", "Strategy"]));
  });
});

describe("win-back: only churned customers", () => {
  it("lists customers marked 流失 and nobody else", () => {
    const out = build([churned("G1"), customer("A1"), customer("N1", { reg: null })]);
    expect(recordsOf(out.tab).map((r) => r.key)).toEqual(["G1"]);
    expect(out.churned).toBe(1);
  });
});

describe("win-back: weighing value + win-back value against the cost", () => {
  it("wins back when score + potential points ≥ cost ÷ 100 (the default scale)", () => {
    const w = weighWinback(churned("a", { potential: "high", winbackCost: 10_000 }, { score: 50 }), settings);
    expect(w).toEqual({ value: 50, winbackValue: 100, costPoints: 100, decision: "winBack" });
    expect(weighWinback(churned("b", { potential: "high", winbackCost: 15_000 }, { score: 50 }), settings).decision).toBe("winBack");
    expect(weighWinback(churned("c", { potential: "high", winbackCost: 15_001 }, { score: 50 }), settings).decision).toBe("letGo");
    expect(weighWinback(churned("d", { potential: "low", winbackCost: 8_000 }, { score: 50 }), settings).decision).toBe("letGo");
    expect(weighWinback(churned("e", { potential: "medium" }, { score: 10 }), settings)).toMatchObject({ winbackValue: 60, costPoints: 0, decision: "winBack" });
  });

  it("follows the cost-per-point and potential-points settings", () => {
    const s = settingsWith((x) => {
      x.plan.winback.costPerPoint = 1000;
      x.plan.winback.potentialPoints.high = 80;
    });
    expect(weighWinback(churned("a", { potential: "high", winbackCost: 150_000 }, { score: 60 }), s)).toMatchObject({ winbackValue: 80, costPoints: 150, decision: "letGo" });
  });

  it("writes the decision 挽回 / 放弃 and colours it", () => {
    const out = build([churned("L", { potential: "low", winbackCost: 90_000 }, { score: 20 }), churned("W", { potential: "high", winbackCost: 100 }, { score: 80 })]);
    const r = recordsOf(out.tab);
    expect(r.map((x) => [x.key, x.decision])).toEqual([["W", "挽回"], ["L", "放弃"]]);
    expect(r[1]).toMatchObject({ cost: 90_000, costPoints: 900, value: 20, winbackValue: 20 });
    expect(out.winBack).toBe(1);
    const col = WINBACK_SPEC.columns.findIndex((c) => c.id === "decision");
    expect(out.tab.styles.slice(0, 2)).toEqual([
      { role: "maintain", row: 0, rows: 1, col, cols: 1 },
      { role: "end", row: 1, rows: 1, col, cols: 1 },
    ]);
    expect(recordsOf(build([churned("W", {}, { score: 1 })], "en-US").tab)[0].decision).toBe("Win back");
  });
});

describe("win-back: strategy by cause", () => {
  it("maps each cause to the seed procedure's strategy", () => {
    const strat = (cause: "service" | "detail" | "self" | "competition" | "other" | undefined) =>
      String(recordsOf(build([churned("x", { churnCause: cause })]).tab)[0].strategy);
    expect(strat("service")).toMatch(/^提高服务水平/);
    expect(strat("detail")).toMatch(/^注意细节/);
    expect(strat("self")).toMatch(/^改善自身/);
    expect(strat("competition")).toMatch(/^提高竞争力/);
    expect(strat("other")).toMatch(/^个别分析/);
    expect(strat(undefined)).toMatch(/^个别分析/);
    const en = recordsOf(build([churned("x", { churnCause: "competition" })], "en-US").tab)[0];
    expect(en).toMatchObject({ cause: "Lost to competitors" });
    expect(String(en.strategy)).toMatch(/^Be more competitive/);
  });
});

describe("win-back: contact method", () => {
  it("visits A/B customers worth winning back, calls the others, texts those let go", () => {
    const m = (tier: "A" | "C", cost: number) => recordsOf(build([churned("x", { winbackCost: cost, contact: "138" }, { tier, score: 50 })]).tab)[0];
    expect(m("A", 0)).toMatchObject({ method: "上门拜访（客户经理）", contact: "138" });
    expect(m("C", 0).method).toBe("电话沟通");
    expect(m("A", 990_000).method).toBe("短信问候，保持联系");
  });
});

describe("win-back: the follow-up column keeps what users typed", () => {
  it("by customer key", () => {
    const carry = carryFrom({ winback: { records: [{ key: "G1", followUp: "已约见面" }] } });
    expect(recordsOf(build([churned("G1")], "zh-CN", carry).tab)[0].followUp).toBe("已约见面");
    expect(carry.unclaimed()).toEqual([]);
  });
});
