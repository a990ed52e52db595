/**
 * The spec's "Advice that agrees with itself", one describe per rule, checked across the tabs built together.
 */
import fc from "fast-check";
import { tierName, tierWithName } from "../i18n/labels";
import type { Channel } from "../register/register-row";
import type { ScoredCustomer, Tier, Verdict } from "../scoring/scored-customer";
import type { TabPlan } from "../output-tabs/write-plan";
import type { PlanContext } from "./build-plan-tabs";
import { CHANNEL_WORDS } from "./common";
import { customerMeasures, weakestIndicators } from "./measures";
import { AS_OF, carryFrom, customer, day, planTabs, recordsOf, settingsWith } from "./test-support";

const settings = settingsWith((s) => (s.plan.callbacks.randomShare = 0));

const tabs = (customers: ScoredCustomer[], over: Partial<PlanContext> = {}) => planTabs(customers, settings, over);

const tierArb = fc.constantFrom<Tier>("A", "B", "C", "D");
const verdictArb = fc.constantFrom<Verdict>("maintain", "improve", "end");
const channelArb = fc.constantFrom<Channel>("phone", "email", "sms", "wechat", "visit", "meeting");

describe("维护方式 and 沟通频率 come from the tier policy together and never contradict each other", () => {
  it("gives A 每月拜访, B 每两月电话, C 每季电话, D 每半年短信 by default, the register's channel shown as 客户偏好渠道", () => {
    const cs = (["A", "B", "C", "D"] as const).map((t) => customer(t, { tier: t, reg: { channel: "sms", preferredChannel: "wechat" } }));
    const rows = recordsOf(tabs(cs).retention);
    expect(rows.map((r) => [r.channel, r.frequency, r.preferredChannel])).toEqual([
      ["拜访", "每月拜访", "微信"], ["电话", "每两月电话", "微信"], ["电话", "每季电话", "微信"], ["短信", "每半年短信", "微信"],
    ]);
  });

  it("holds for any tier, verdict, register channel and channel setting", () => {
    fc.assert(
      fc.property(tierArb, verdictArb, channelArb, channelArb, (tier, verdict, regChannel, setting) => {
        const s = settingsWith((x) => (x.plan.frequencyChannel[tier] = CHANNEL_WORDS[setting].zh));
        const r = recordsOf(tabs([customer("x", { tier, verdict, reg: { channel: regChannel } })], { settings: s }).retention)[0];
        if (verdict === "end") expect(r).toMatchObject({ channel: "电话", frequency: "按需（仅投诉回访及一次说明回访）" });
        else {
          expect(r.channel).toBe(CHANNEL_WORDS[setting].zh);
          expect(String(r.frequency).endsWith(CHANNEL_WORDS[setting].zh)).toBe(true);
        }
        expect(r.preferredChannel).toBe(CHANNEL_WORDS[regChannel].zh);
      }),
      { numRuns: 60 },
    );
  });
});

describe("终止关系 gets no 宣传 or 提议 calls and no cross-sell: only complaint calls and one closing 解释 call", () => {
  it("plans the closing call and the complaint calls, nothing else, and winds down politely", () => {
    const c = customer("E", {
      tier: "C", verdict: "end",
      reg: { firstPurchase: day(-150), lastPurchase: day(-3), lastContact: day(-200), satisfaction: 20, complaints: 2, complaintResolvedDate: day(2), settlementUse: false },
    });
    const t = tabs([c]);
    const calls = recordsOf(t.callbacks);
    expect(calls.map((r) => [r.callType, r.content, r.plannedDate])).toEqual([
      ["终止关系说明回访", "解释", AS_OF],
      ["投诉解决后回访", "调解、情感", day(3)],
    ]);
    const measures = String(recordsOf(t.retention)[0].measures);
    expect(measures).toContain("逐步减少投入，停止主动营销");
    expect(measures).toContain("说明回访");
    expect(measures).not.toMatch(/交叉销售|答谢会|宣传/);
    expect(recordsOf(t.churn)).toEqual([]);
  });

  it("holds for any end customer: no call content 宣传 or 提议, at most one closing call", () => {
    fc.assert(
      fc.property(tierArb, fc.integer({ min: -900, max: 0 }), fc.integer({ min: -900, max: 0 }), fc.boolean(), fc.integer({ min: 0, max: 3 }), (tier, first, last, open, complaints) => {
        const c = customer("E", { tier, verdict: "end", reg: { firstPurchase: day(first), lastPurchase: day(last), lastContact: day(last), openComplaint: open, complaints } });
        const calls = recordsOf(tabs([c]).callbacks);
        for (const r of calls) expect(String(r.content)).not.toMatch(/宣传|提议/);
        expect(calls.filter((r) => r.callType === "终止关系说明回访")).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  });

  it("does not plan the closing call again once it is done", () => {
    const carry = carryFrom({ callbacks: { records: [{ key: "E", callType: "终止关系说明回访", plannedDate: day(-60), status: "已完成", result: "已说明" }] } });
    const calls = recordsOf(tabs([customer("E", { verdict: "end" })], { carry }).callbacks);
    expect(calls.map((r) => [r.callType, r.status])).toEqual([["终止关系说明回访", "已完成"]]);
  });
});

describe("measures are per customer: 改善关系 names the two weakest indicators, cross-sell names the unused products, nothing repeats", () => {
  it("finds the weakest by (full marks − score) × weight", () => {
    const w = weakestIndicators(
      [{ name: "合作深度", weight: 30 }, { name: "满意度", weight: 25 }, { name: "业务贡献", weight: 35 }, { name: "发展潜力", weight: 10 }],
      [[50], [40], [45], [NaN]], ["C003"],
    );
    // gaps: 合作深度 50×30 = 1500, 满意度 60×25 = 1500, 业务贡献 55×35 = 1925: 业务贡献 first, then the tie by name.
    expect(w.get("C003")).toEqual(["业务贡献", "合作深度"]);
  });

  it("are the two largest gaps, ties by name, for any scores and weights (property)", () => {
    const names = ["甲", "乙", "丙", "丁", "戊"];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(NaN)), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        (weights, rows) => {
          const indicators = names.map((name, i) => ({ name, weight: weights[i] }));
          const points = names.map((_, i) => rows.map((r) => r[i]));
          const keys = rows.map((_, c) => `K${c}`);
          const got = weakestIndicators(indicators, points, keys);
          rows.forEach((r, c) => {
            const gaps = indicators
              .map((ind, i) => ({ name: ind.name, gap: (100 - r[i]) * ind.weight, ok: !Number.isNaN(r[i]) && ind.weight > 0 }))
              .filter((g) => g.ok && g.gap > 1e-9)
              .sort((a, b) => b.gap - a.gap || (a.name < b.name ? -1 : 1));
            expect(got.get(keys[c])).toEqual(gaps.length > 0 ? gaps.slice(0, 2).map((g) => g.name) : undefined);
          });
        },
      ),
    );
  });

  it("names them in the improve measure and the unused products in cross-sell", () => {
    const c = customer("I", { tier: "B", verdict: "improve", reg: { settlementUse: true, wealthUse: false } });
    const text = customerMeasures(c, "zh-CN", { weakest: ["业务贡献", "合作深度"], unused: ["wealth"] });
    expect(text).toContain("重点改进薄弱指标：业务贡献、合作深度");
    expect(text).toContain("交叉销售推荐：理财产品");
    const t = tabs([c], { weakest: () => ["业务贡献", "合作深度"] });
    expect(String(recordsOf(t.retention)[0].measures)).toContain("业务贡献、合作深度");
  });

  it("offers no cross-sell to a customer who uses both products", () => {
    const c = customer("U", { tier: "C", verdict: "maintain", reg: { settlementUse: true, wealthUse: true } });
    expect(String(recordsOf(tabs([c]).retention)[0].measures)).not.toContain("交叉销售");
  });

  it("never repeats a measure within a cell", () => {
    fc.assert(
      fc.property(tierArb, verdictArb, fc.boolean(), fc.option(fc.boolean(), { nil: undefined }), fc.option(fc.boolean(), { nil: undefined }), (tier, verdict, dormant, s, w) => {
        const c = customer("x", { tier, verdict, reg: { status: dormant ? "dormant" : "active", settlementUse: s, wealthUse: w } });
        for (const lang of ["zh-CN", "en-US"] as const) {
          const items = customerMeasures(c, lang, { weakest: ["满意度", "业务贡献"], dormant }).split(lang === "zh-CN" ? "；" : "; ");
          expect(new Set(items).size).toBe(items.length);
        }
      }),
    );
  });
});

describe("tiers carry names as well as letters: A 核心价值客户, B 重要发展客户, C 潜力培育客户, D 一般维持客户", () => {
  it("names them in both languages on the plan and the KPI tab", () => {
    expect((["A", "B", "C", "D"] as const).map((t) => tierName(t, "zh-CN"))).toEqual(["核心价值客户", "重要发展客户", "潜力培育客户", "一般维持客户"]);
    expect((["A", "B", "C", "D"] as const).map((t) => tierName(t, "en-US"))).toEqual(["Core value", "Key growth", "Potential", "General"]);
    const t = tabs([customer("d", { tier: "D", verdict: "maintain" })]);
    expect(recordsOf(t.retention)[0]).toMatchObject({ tier: "D", tierName: "一般维持客户" });
    expect(recordsOf(t.kpi)[3].figure).toBe(tierWithName("D", "zh-CN"));
  });
});

describe("callbacks are planned from the as-of date on; overdue only when a run planned it and it is still not done", () => {
  const c = customer("P", { tier: "B", reg: { firstPurchase: day(-20), lastContact: day(-1), satisfaction: 90 } });

  it("does not plan a call already past on the first run, and a note counts them", () => {
    const t = tabs([c]);
    expect(recordsOf(t.callbacks)).toEqual([]);
    expect(t.problems.items).toContainEqual(expect.objectContaining({ level: "note", code: "plan.pastCallsNotPlanned", params: { count: 1, sheet: "电话回访计划" } }));
  });

  it("shows no overdue call on a first run, whatever the dates", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -2000, max: 0 }), fc.integer({ min: -400, max: 0 }), fc.boolean()), { maxLength: 8 }), (specs) => {
        const cs = specs.map(([p, l, open], i) => customer(`K${i}`, { reg: { firstPurchase: day(p), lastPurchase: day(l), lastContact: day(l), openComplaint: open, complaints: open ? 1 : 0 } }));
        expect(recordsOf(tabs(cs).kpi).find((r) => r.figure === "逾期回访")!.count).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it("makes a call overdue once a previous run planned it and it is not done", () => {
    const carry = carryFrom({ callbacks: { records: [{ key: "P", callType: "购买后一周回访", plannedDate: day(-13), status: "待回访" }] } });
    const rows = recordsOf(tabs([c], { carry }).callbacks);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ plannedDate: day(-13), status: "待回访" });
  });

  it("plans the complaint follow-up on 投诉解决日期 + 1 day when the register has it", () => {
    const k = customer("K", { reg: { complaints: 1, complaintResolvedDate: day(4), lastContact: day(-1), satisfaction: 90 } });
    expect(recordsOf(tabs([k]).callbacks).map((r) => [r.callType, r.plannedDate])).toEqual([["投诉解决后回访", day(5)]]);
  });
});

describe("资料完整度 and 数据完整度 are named differently and explained in the 口径 column", () => {
  it("shows both on the KPI tab, each defined against the other", () => {
    const t = tabs([customer("a", { reg: { status: "active" } }), customer("i", { computedTier: "incomplete", score: null })]);
    const info = recordsOf(t.kpi).find((r) => r.figure === "资料完整度")!;
    const cov = recordsOf(t.kpi).find((r) => r.figure === "数据完整度（评分覆盖）")!;
    expect(String(info.definition)).toContain("不同于名册中的数据完整度");
    expect(String(cov.definition)).toContain("与资料完整度不同");
    expect(cov).toMatchObject({ count: 1 });
    expect(t.kpi.columns.find((c) => c.id === "definition")!.header).toBe("口径");
  });
});
