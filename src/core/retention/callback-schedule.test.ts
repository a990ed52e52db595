import fc from "fast-check";
import { addMonths } from "./dates";
import { buildCallbackSchedule, mulberry32, purchaseCalls, randomSample, selectionReasons } from "./callback-schedule";
import { isoFromSerial, monthIndex, serialFromYmd } from "./dates";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { AS_OF, carryFrom, customer, day, recordsOf, settingsWith } from "./test-support";

/** No random sample unless a test asks for one, so the purchase rules are seen alone. */
const base = settingsWith((s) => (s.plan.callbacks.randomShare = 0));
const build = (cs: ScoredCustomer[], opts: { lang?: "zh-CN" | "en-US"; carry?: ReturnType<typeof carryFrom>; s?: Settings } = {}) =>
  buildCallbackSchedule(cs, opts.s ?? base, AS_OF, opts.lang ?? "zh-CN", "电话回访计划", opts.carry ?? carryFrom());
const rowsOf = (cs: ScoredCustomer[], opts: Parameters<typeof build>[1] = {}) => recordsOf(build(cs, opts).tab);
const ymd = (y: number, m: number, d: number) => serialFromYmd(y, m, d);
/** A customer contacted yesterday with good satisfaction: selected for nothing but its purchase calls. */
const quiet = (key: string, reg: NonNullable<Parameters<typeof customer>[1]>["reg"] = {}) =>
  customer(key, { reg: { lastContact: day(-1), satisfaction: 90, ...reg } });

describe("callbacks: headers in both languages", () => {
  it("has the spec's columns", () => {
    const tab = build([]).tab;
    expect(tab.name).toBe("电话回访计划");
    expect(tab.columns.map((c) => c.header)).toEqual(["计划日期", "客户编号", "客户名称", "等级", "负责人", "联络方式", "回访类型", "回访内容", "选择依据", "状态", "回访结果"]);
    const en = buildCallbackSchedule([], base, AS_OF, "en-US", "Callback Schedule", carryFrom()).tab;
    expect(en.columns.map((c) => c.header)).toContain("Selected Because");
    expect(en.columns.filter((c) => c.editable).map((c) => c.id)).toEqual(["status", "result"]);
  });
});

describe("callbacks: purchase + 1 week", () => {
  it("plans a call 7 days after the first purchase to explain and guide", () => {
    const r = rowsOf([quiet("P1", { firstPurchase: day(-3) })]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ plannedDate: day(4), callType: "购买后一周回访", content: "解释、指导", status: "待回访", reason: "购买后定期回访" });
    const en = rowsOf([quiet("P1", { firstPurchase: day(-3) })], { lang: "en-US" });
    expect(en[0]).toMatchObject({ callType: "1 week after purchase", content: "Explain, Guide", status: "To call", reason: "Routine after purchase" });
  });
});

describe("callbacks: purchase + 4–6 months, + 10–12 months, then yearly", () => {
  it("plans the second call 5 months after purchase (setting: 4–6)", () => {
    const r = rowsOf([quiet("P2", { firstPurchase: ymd(2025, 2, 10) })]);
    expect(r.map((x) => [isoFromSerial(x.plannedDate as number), x.callType])).toEqual([["2025-07-10", "购买后4–6个月回访"]]);
    const s = settingsWith((x) => {
      x.plan.callbacks.randomShare = 0;
      x.plan.callbacks.secondMonths = 4;
    });
    expect(rowsOf([quiet("P2", { firstPurchase: ymd(2025, 3, 10) })], { s }).map((x) => isoFromSerial(x.plannedDate as number))).toEqual(["2025-07-10"]);
  });

  it("plans the third call 11 months after purchase", () => {
    const r = rowsOf([quiet("P3", { firstPurchase: ymd(2024, 8, 15) })]);
    expect(r.map((x) => [isoFromSerial(x.plannedDate as number), x.callType])).toEqual([["2025-07-15", "购买后10–12个月回访"]]);
  });

  it("then calls yearly, only the call that falls in the window", () => {
    const r = rowsOf([quiet("P4", { firstPurchase: ymd(2018, 8, 1) })]);
    expect(r.map((x) => [isoFromSerial(x.plannedDate as number), x.callType])).toEqual([["2025-07-01", "年度回访"]]);
    const calls = purchaseCalls(ymd(2018, 8, 1), base, ymd(2018, 12, 1), ymd(2022, 12, 31));
    expect(calls.map((c) => [c.type, isoFromSerial(c.date)])).toEqual([
      ["months4to6", "2019-01-01"], ["months10to12", "2019-07-01"], ["yearly", "2020-07-01"], ["yearly", "2021-07-01"], ["yearly", "2022-07-01"],
    ]);
  });

  it("finds exactly the yearly calls a year-by-year count finds, for any purchase date and window", () => {
    fc.assert(fc.property(
      fc.integer({ min: ymd(1990, 1, 1), max: ymd(2030, 12, 31) }), fc.integer({ min: ymd(1990, 1, 1), max: ymd(2035, 1, 1) }), fc.integer({ min: 0, max: 800 }),
      (anchor, lo, span) => {
        const hi = lo + span;
        const fast = purchaseCalls(anchor, base, lo, hi).filter((c) => c.type === "yearly").map((c) => c.date);
        const slow: number[] = [];
        for (let k = 1; k <= 60; k++) {
          const d = addMonths(anchor, base.plan.callbacks.thirdMonths + 12 * k);
          if (d >= lo && d <= hi) slow.push(d);
        }
        expect(fast).toEqual(slow);
      },
    ), { numRuns: 500 });
  });

  it("also plans from the last purchase when it is later", () => {
    const r = rowsOf([quiet("P5", { firstPurchase: ymd(2018, 8, 1), lastPurchase: day(-2) })]);
    expect(r.map((x) => x.callType)).toEqual(["年度回访", "购买后一周回访"]);
  });

  it("plans no purchase calls for churned customers (they are on the win-back list)", () => {
    expect(rowsOf([quiet("P6", { firstPurchase: day(-3), status: "churned" })])).toEqual([]);
  });
});

describe("callbacks: only a useful window is listed", () => {
  it("lists calls an earlier run planned from 30 days ago, and new calls up to 90 days ahead", () => {
    const planned = (d: number) => carryFrom({ callbacks: { records: [{ key: "W", callType: "购买后一周回访", plannedDate: d, status: "待回访" }] } });
    const at = (offset: number) => rowsOf([quiet("W", { firstPurchase: day(offset - 7) })], { carry: planned(day(offset)) }).length;
    expect(at(-31)).toBe(0);
    expect(at(-30)).toBe(1);
    expect(at(90)).toBe(1);
    expect(at(91)).toBe(0);
  });

  it("follows the look-back and look-ahead settings", () => {
    const s = settingsWith((x) => {
      x.plan.callbacks.randomShare = 0;
      x.plan.callbacks.lookAheadDays = 10;
    });
    expect(rowsOf([quiet("W", { firstPurchase: day(4) })], { s })).toHaveLength(0);
    expect(rowsOf([quiet("W", { firstPurchase: day(3) })], { s })).toHaveLength(1);
  });
});

describe("callbacks: overdue calls", () => {
  it("highlights calls an earlier run planned before today that are not done", () => {
    const cs = [quiet("O1", { firstPurchase: day(-17) }), quiet("O2", { firstPurchase: day(-12) }), quiet("O3", { firstPurchase: day(5) })];
    const carry = carryFrom({ callbacks: { records: [
      { key: "O1", callType: "购买后一周回访", plannedDate: day(-10), status: "待回访" },
      { key: "O2", callType: "购买后一周回访", plannedDate: day(-5), status: "待回访" },
    ] } });
    const out = build(cs, { carry });
    expect(recordsOf(out.tab).map((r) => r.key)).toEqual(["O1", "O2", "O3"]);
    expect(out.overdue).toBe(2);
    expect(out.tab.styles[0]).toEqual({ role: "overdue", row: 0, rows: 2, col: 0, cols: 9 });
  });

  it("does not highlight a call marked done", () => {
    const carry = carryFrom({ callbacks: { records: [{ key: "O1", callType: "购买后一周回访", plannedDate: day(-10), status: "已完成", result: "客户满意" }] } });
    const out = build([quiet("O1", { firstPurchase: day(-17) })], { carry });
    expect(out.overdue).toBe(0);
    expect(out.tab.styles.filter((b) => b.role === "overdue")).toEqual([]);
    expect(recordsOf(out.tab)[0]).toMatchObject({ status: "已完成", result: "客户满意" });
  });
});

describe("callbacks: complaints", () => {
  it("calls at once about an open complaint, to mediate", () => {
    const r = rowsOf([quiet("K1", { openComplaint: true, complaints: 1 })]);
    expect(r).toEqual([expect.objectContaining({ plannedDate: AS_OF, callType: "投诉即时回访", content: "调解", reason: "需要服务" })]);
  });

  it("follows up a resolved complaint 7 days after the last contact", () => {
    const r = rowsOf([quiet("K2", { openComplaint: false, complaints: 2, lastContact: day(-3) })], { lang: "en-US" });
    expect(r).toEqual([expect.objectContaining({ plannedDate: day(4), callType: "After resolved complaint", content: "Mediate, Relationship" })]);
  });

  it("keeps the date a user already worked on for a call made 'at once'", () => {
    const carry = carryFrom({ callbacks: { records: [{ key: "K1", callType: "投诉即时回访", plannedDate: day(-5), status: "未接通", result: null }] } });
    const out = build([quiet("K1", { openComplaint: true })], { carry });
    const r = recordsOf(out.tab);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ plannedDate: day(-5), status: "未接通" });
    expect(out.overdue).toBe(1);
  });
});

describe("callbacks: why a customer is selected", () => {
  const s = base;
  it("flags low satisfaction below 60", () => {
    expect(selectionReasons(customer("s1", { reg: { satisfaction: 59, lastContact: day(-1) } }), s, AS_OF, new Set())).toEqual(["lowSatisfaction"]);
    expect(selectionReasons(customer("s2", { reg: { satisfaction: 60, lastContact: day(-1) } }), s, AS_OF, new Set())).toEqual([]);
  });

  it("flags customers who need service (any complaint)", () => {
    expect(selectionReasons(customer("s3", { reg: { complaints: 1, lastContact: day(-1) } }), s, AS_OF, new Set())).toEqual(["needsService"]);
  });

  it("flags customers not contacted for longer than their tier's warning days", () => {
    expect(selectionReasons(customer("s4", { tier: "B", reg: { lastContact: day(-61) } }), s, AS_OF, new Set())).toEqual(["rarelyContacted"]);
    expect(selectionReasons(customer("s5", { tier: "B", reg: { lastContact: day(-60) } }), s, AS_OF, new Set())).toEqual([]);
    // The manual tier decides the limit: A waits only 30 days.
    expect(selectionReasons(customer("s6", { computedTier: "D", manualTier: "A", reg: { lastContact: day(-31) } }), s, AS_OF, new Set())).toEqual(["rarelyContacted"]);
  });

  it("plans a targeted call for a selected customer with no other call, naming every reason", () => {
    const r = rowsOf([customer("T1", { tier: "B", reg: { satisfaction: 40, lastContact: day(-100) } })]);
    expect(r).toEqual([expect.objectContaining({ plannedDate: AS_OF, callType: "专项回访", reason: "满意度低、长期未联系" })]);
    const en = rowsOf([customer("T1", { tier: "B", reg: { satisfaction: 40, lastContact: day(-100) } })], { lang: "en-US" });
    expect(en[0].reason).toBe("Low satisfaction, Rarely contacted");
  });

  it("gives the reasons on the customer's scheduled calls instead of adding a targeted one", () => {
    const r = rowsOf([customer("T2", { reg: { satisfaction: 40, lastContact: day(-1), firstPurchase: day(-3) } })]);
    expect(r).toEqual([expect.objectContaining({ callType: "购买后一周回访", reason: "满意度低" })]);
  });

  it("adds no targeted call for a long-resolved complaint alone", () => {
    expect(rowsOf([quiet("R1", { complaints: 3, openComplaint: false, lastContact: day(-1) })]).map((r) => r.callType)).toEqual(["投诉解决后回访"]);
    expect(rowsOf([customer("R2", { reg: { complaints: 3, openComplaint: false, lastContact: day(-50), satisfaction: 90 } })])).toEqual([]);
  });

  it("lists nobody who has no reason and no call in the window", () => {
    expect(rowsOf([quiet("N1"), quiet("N2", { firstPurchase: day(-200) })])).toEqual([]);
  });
});

describe("callbacks: the random sample is reproducible from the seed", () => {
  const keys = Array.from({ length: 200 }, (_, i) => `K${String(i).padStart(3, "0")}`);
  const m = monthIndex(AS_OF);

  it("draws round(n × share) customers, the same for the same seed, keys and month", () => {
    const a = randomSample(keys, 0.1, 42, m);
    expect(a.size).toBe(20);
    expect([...randomSample([...keys].reverse(), 0.1, 42, m)].sort()).toEqual([...a].sort());
    expect([...randomSample(keys, 0.1, 43, m)].sort()).not.toEqual([...a].sort());
    expect([...randomSample(keys, 0.1, 42, m + 1)].sort()).not.toEqual([...a].sort());
  });

  it("mulberry32 is a fixed sequence", () => {
    const r = mulberry32(1);
    const first = [r(), r(), r()];
    const again = mulberry32(1);
    expect([again(), again(), again()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("puts the sampled customers on the schedule with the reason 随机抽样, from the seed setting", () => {
    const cs = keys.map((k) => quiet(k));
    const s1 = settingsWith((x) => {
      x.plan.callbacks.randomShare = 0.05;
      x.plan.callbacks.randomSeed = 7;
    });
    const s2 = settingsWith((x) => {
      x.plan.callbacks.randomShare = 0.05;
      x.plan.callbacks.randomSeed = 8;
    });
    const picked = (s: Settings) => rowsOf(cs, { s }).map((r) => r.key);
    const one = picked(s1);
    expect(one).toHaveLength(10);
    expect(rowsOf(cs, { s: s1 }).every((r) => r.reason === "随机抽样" && r.callType === "专项回访")).toBe(true);
    expect(picked(s1)).toEqual(one);
    expect(picked(s2)).not.toEqual(one);
    expect(one).toEqual([...randomSample(keys, 0.05, 7, m)].sort());
  });
});

describe("callbacks: typed status and results are kept", () => {
  it("by key + call type + planned date, across languages", () => {
    const carry = carryFrom({ callbacks: { records: [{ key: "E1", callType: "1 week after purchase", plannedDate: day(4), status: "Done", result: "Happy" }] } });
    const r = rowsOf([quiet("E1", { firstPurchase: day(-3) })], { carry });
    expect(r[0]).toMatchObject({ callType: "购买后一周回访", status: "Done", result: "Happy" });
    expect(carry.unclaimed()).toEqual([]);
  });

  it("keeps a worked-on call visible even after it left the window", () => {
    const carry = carryFrom({ callbacks: { records: [{ key: "E2", callType: "年度回访", plannedDate: day(-200), status: "已完成", result: "续约" }] } });
    const r = rowsOf([quiet("E2")], { carry });
    expect(r).toEqual([expect.objectContaining({ plannedDate: day(-200), callType: "年度回访", status: "已完成", result: "续约" })]);
  });

  it("keeps a call whose date cell a user overwrote with text, last", () => {
    const carry = carryFrom({ callbacks: { records: [{ key: "E4", callType: "专项回访", plannedDate: "下周再打", status: "未接通", result: null }] } });
    const r = rowsOf([quiet("E4", { firstPurchase: day(-3) })], { carry });
    expect(r.map((x) => [x.plannedDate, x.callType, x.status])).toEqual([[day(4), "购买后一周回访", "待回访"], ["下周再打", "专项回访", "未接通"]]);
  });

  it("leaves the edits of a customer who is gone unclaimed, for the problems tab", () => {
    const carry = carryFrom({ callbacks: { records: [{ key: "GONE", callType: "年度回访", plannedDate: day(3), status: "已完成", result: "x" }] } });
    expect(rowsOf([quiet("E3")], { carry })).toEqual([]);
    expect(carry.unclaimed()).toEqual([expect.objectContaining({ tab: "callbacks", key: `GONE\u241f年度回访\u241f${day(3)}` })]);
  });
});

describe("callbacks: a large register gives a bounded list", () => {
  it("100,000 customers build into at most a few calls each", () => {
    const cs: ScoredCustomer[] = [];
    for (let i = 0; i < 100_000; i++) {
      cs.push(customer(`C${i}`, { tier: (["A", "B", "C", "D"] as const)[i % 4], reg: { firstPurchase: ymd(2015, 1, 1) + (i % 3650), lastContact: day(-(i % 200)), satisfaction: i % 100, complaints: i % 7 === 0 ? 1 : 0, openComplaint: i % 50 === 0 } }));
    }
    // Bounded in size, not timed: speed is measured by benchmarks, never by a test a busy machine fails.
    const out = buildCallbackSchedule(cs, settingsWith(), AS_OF, "zh-CN", "电话回访计划", carryFrom());
    expect(out.tab.rows.length).toBeLessThan(3 * cs.length);
    expect(out.tab.rows.length).toBeGreaterThan(0);
  });
});
