import fc from "fast-check";
import { TIER_ORDER } from "../scoring/tiers";
import { paramsOf, rescore } from "./what-if";
import { handBase } from "./test-support";
import { explainCustomer } from "./why";

describe("why this customer: every indicator against the average", () => {
  const base = handBase(["合作深度", "满意度", "业务贡献"], [30, 30, 40], [
    [60, 50, 60], // 57 → C
    [80, 90, 100], // 91 → A
    [70, 70, 80], // 75 → B
  ]);
  const p = paramsOf(base.settings, base.indicators);

  test("contributions add up to the score and compare with the average customer's points", () => {
    const why = explainCustomer(base, p, "K0000")!;
    expect(why.tier).toBe("C");
    expect(why.score).toBeCloseTo(57, 9);
    expect(why.indicators.reduce((s, r) => s + r.contribution, 0)).toBeCloseTo(57, 9);
    const sat = why.indicators.find((r) => r.indicator === "满意度")!;
    expect(sat.average).toBeCloseTo(70, 9);
    expect(sat.vsAverage).toBeCloseTo(0.3 * (50 - 70), 9);
  });

  test("the weakest indicators are the ones furthest below average, weakest first", () => {
    expect(explainCustomer(base, p, "K0000")!.weakest).toEqual(["业务贡献", "满意度", "合作深度"]);
    expect(explainCustomer(base, p, "K0001")!.weakest).toEqual([]);
  });

  test("points needed for the next tier on one indicator alone (业务贡献 +33 → B)", () => {
    const why = explainCustomer(base, p, "K0000")!;
    expect(why.next?.tier).toBe("B");
    expect(why.next?.gap).toBeCloseTo(13, 9);
    // 13 score points ÷ 0.3 = 43.3 → 44 on 合作深度 or 满意度, ÷ 0.4 = 32.5 → 33 on 业务贡献.
    expect(why.next?.steps).toEqual([
      { indicator: "业务贡献", add: 33, missing: false },
      { indicator: "满意度", add: 44, missing: false },
    ]);
    // 合作深度 would need 104 of 100: not offered.
    expect(explainCustomer(base, p, "K0001")!.next).toBeNull();
  });

  test("a missing indicator is offered as a value to enter, and listed as weak", () => {
    const b = handBase(["x", "y"], [2, 1], [[60, null], [90, 90]]);
    const why = explainCustomer(b, paramsOf(b.settings, b.indicators), "K0000")!;
    expect(why.weakest).toEqual(["x", "y"]);
    expect(why.next?.tier).toBe("B");
    // (2·60 + 1·v) / 3 ≥ 70 → v = 90; or 合作 x +10.
    expect(why.next?.steps).toEqual([{ indicator: "x", add: 10, missing: false }, { indicator: "y", add: 90, missing: true }]);
  });

  test("an unknown key gives nothing", () => {
    expect(explainCustomer(base, p, "nobody")).toBeUndefined();
  });
});

describe("the points offered for the next tier are enough (property)", () => {
  test("adding any offered step lifts the customer at least to the tier named", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 }),
        (points, weights) => {
          const base = handBase(["a", "b", "c"], weights, points);
          const p = paramsOf(base.settings, base.indicators);
          const why = explainCustomer(base, p, "K0000")!;
          if (!why.next) return;
          for (const s of why.next.steps) {
            const i = base.indicators.findIndex((x) => x.name === s.indicator);
            const lifted = { ...base, points: base.points.map((col, j) => (j === i ? Float64Array.from(col, (v, k) => (k === 0 ? v + s.add : v)) : col)) };
            const tier = rescore(lifted, p)[0].computedTier;
            expect(tier).not.toBe("incomplete");
            if (tier !== "incomplete") expect(TIER_ORDER[tier]).toBeGreaterThanOrEqual(TIER_ORDER[why.next.tier]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
