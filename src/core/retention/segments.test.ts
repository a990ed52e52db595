import fc from "fast-check";
import type { PreviousRow } from "../output-tabs/previous-outputs";
import { category, lifecycle, previousScores, segmentCells, segmentCustomers, vipLine } from "./segments";
import { AS_OF, customer, day, settingsWith } from "./test-support";

const settings = settingsWith();
const spender = (key: string, annualSpend?: number) => customer(key, { reg: annualSpend === undefined ? {} : { annualSpend } });

describe("客户类别: VIP is the top 10% by annual spend, 潜在 has no spend, the rest 普通", () => {
  it("20 spenders: the 2 biggest are VIP, a customer without spend is 潜在", () => {
    const cs = [...Array.from({ length: 20 }, (_, i) => spender(`S${i}`, (i + 1) * 1000)), spender("none"), spender("zero", 0)];
    const seg = segmentCustomers(cs, settings, AS_OF, new Map());
    const cats = cs.map((c) => seg.category.get(c.key));
    expect(cats.filter((x) => x === "vip")).toHaveLength(2);
    expect(seg.category.get("S19")).toBe("vip");
    expect(seg.category.get("S18")).toBe("vip");
    expect(seg.category.get("S17")).toBe("regular");
    expect(seg.category.get("none")).toBe("prospect");
    expect(seg.category.get("zero")).toBe("prospect");
  });

  it("customers tied at the line are all VIP", () => {
    const cs = [spender("a", 500), spender("b", 500), ...Array.from({ length: 8 }, (_, i) => spender(`x${i}`, 100))];
    expect(vipLine(cs, settings)).toBe(500);
    expect(cs.filter((c) => category(c, vipLine(cs, settings)) === "vip").map((c) => c.key)).toEqual(["a", "b"]);
  });

  it("the share and an absolute line come from the settings (VIP客户比例, VIP年消费金额线)", () => {
    const cs = Array.from({ length: 10 }, (_, i) => spender(`S${i}`, (i + 1) * 1000));
    const share = settingsWith((s) => (s.plan.supervisor.vipShare = 0.3));
    expect(cs.filter((c) => category(c, vipLine(cs, share)) === "vip")).toHaveLength(3);
    const line = settingsWith((s) => (s.plan.supervisor.vipSpendFrom = 8500));
    expect(cs.filter((c) => category(c, vipLine(cs, line)) === "vip").map((c) => c.key)).toEqual(["S8", "S9"]);
  });

  it("without any annual spend in the register the column stays empty (nothing is guessed)", () => {
    const seg = segmentCustomers([spender("a"), spender("b")], settings, AS_OF, new Map());
    expect([...seg.category.values()]).toEqual([null, null]);
    expect(segmentCells(seg, "zh-CN")(spender("a"))).toMatchObject({ segment: null });
  });

  it("property: with distinct spends, exactly ⌈n × share⌉ customers are VIP", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (spends, pct) => {
        const s = settingsWith((x) => (x.plan.supervisor.vipShare = pct / 100));
        const cs = spends.map((v, i) => spender(`k${i}`, v));
        const line = vipLine(cs, s);
        const vip = cs.filter((c) => category(c, line) === "vip").length;
        expect(vip).toBe(Math.ceil((spends.length * pct) / 100 - 1e-9));
      }),
    );
  });
});

describe("生命周期: 新客户, 成长, 衰退, 流失预警, else 稳定", () => {
  const life = (opts: Parameters<typeof customer>[1], prev?: number) => lifecycle(customer("x", opts), settings, AS_OF, prev);

  it("新客户: first purchase within 180 days (setting 新客户天数)", () => {
    expect(life({ reg: { firstPurchase: day(-180), lastContact: day(-1) } })).toBe("new");
    expect(life({ reg: { firstPurchase: day(-181), lastContact: day(-1) } })).toBe("stable");
    const s = settingsWith((x) => (x.plan.supervisor.newCustomerDays = 30));
    expect(lifecycle(customer("x", { reg: { firstPurchase: day(-60), lastContact: day(-1) } }), s, AS_OF, undefined)).toBe("stable");
  });

  it("成长 / 衰退: score up / down by at least 5 since the last run", () => {
    expect(life({ score: 75, reg: { lastContact: day(-1) } }, 70)).toBe("growing");
    expect(life({ score: 74.9, reg: { lastContact: day(-1) } }, 70)).toBe("stable");
    expect(life({ score: 65, reg: { lastContact: day(-1) } }, 70)).toBe("declining");
    expect(life({ score: 65.1, reg: { lastContact: day(-1) } }, 70)).toBe("stable");
    expect(life({ score: 90, reg: { lastContact: day(-1) } })).toBe("stable");
  });

  it("流失预警: a red churn warning (idle past twice the warning days) comes first", () => {
    expect(life({ tier: "A", score: 90, reg: { lastContact: day(-61), firstPurchase: day(-10) } }, 50)).toBe("atRisk");
    expect(life({ tier: "A", reg: { lastContact: day(-59) } })).toBe("stable");
  });

  it("a customer marked 流失 is 已流失, not 稳定", () => {
    expect(life({ reg: { status: "churned" } })).toBe("lost");
  });

  it("the previous score is the previous roster's 最终得分 by 客户编号", () => {
    const rows: PreviousRow[] = [
      { record: { key: "C1", score: 71.25 }, rowAddress: "A2" },
      { record: { key: "C2", score: null }, rowAddress: "A3" },
    ];
    expect([...previousScores(rows)]).toEqual([["C1", 71.25]]);
  });

  it("both segments are written in the output language", () => {
    const cs = [customer("n", { reg: { firstPurchase: day(-3), annualSpend: 100 } })];
    const seg = segmentCustomers(cs, settings, AS_OF, new Map());
    expect(segmentCells(seg, "zh-CN")(cs[0])).toEqual({ segment: "VIP", lifecycle: "新客户" });
    expect(segmentCells(seg, "en-US")(cs[0])).toEqual({ segment: "VIP", lifecycle: "New" });
  });
});
