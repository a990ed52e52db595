import fc from "fast-check";
import type { Indicator } from "../model/indicator";
import { defaultSettings, type Settings } from "../settings/settings";
import { derivedPoints } from "./derived-points";
import { ContributionPool, topContributions, weightsTotalLooksRight } from "./final-score";
import { minMaxPoints, normaliseScore, percentileRankPoints, bandPoints } from "./normalise";
import { scoreCustomers, type CustomerRef } from "./score-customers";
import { assignTiers, rankOrder, thresholdTier, verdictFor, TIER_ORDER } from "./tiers";
import { comparable, compareCustomerKeys } from "./exact";

const direct = (name: string, weight: number, maxScore = 100): Indicator => ({
  name, weight, maxScore, direction: "positive", method: "direct",
});

/** Scores customers from a table of raw scores (undefined = missing) with direct indicators. */
function scoreTable(indicators: Indicator[], rows: { key: string; scores: (number | undefined)[] }[], settings: Settings = defaultSettings()) {
  const customers: CustomerRef[] = rows.map((r) => ({ key: r.key }));
  const points = indicators.map((ind, i) =>
    Float64Array.from(rows.map((r) => (r.scores[i] === undefined ? NaN : normaliseScore(r.scores[i]!, ind.maxScore, ind.direction)))),
  );
  return scoreCustomers({ customers, indicators, points, settings });
}

describe("worked example (spec)", () => {
  const model = [direct("合作深度", 30), direct("满意度", 25), direct("业务贡献", 35), direct("发展潜力", 10)];
  const rows = [
    { key: "C001", scores: [90, 85, 95, 80] },
    { key: "C002", scores: [70, 60, 75, 90] },
    { key: "C003", scores: [50, 40, 45, 60] },
    { key: "C004", scores: [20, 30, 25, undefined] },
    { key: "C005", scores: [60, undefined, undefined, undefined] },
  ];
  const result = scoreTable(model, rows);
  const by = (k: string) => result.find((r) => r.key === k)!;

  it("C001 华星贸易: 89.5, A, 维持关系", () => {
    expect(by("C001").score).toBeCloseTo(89.5, 10);
    expect(by("C001").tier).toBe("A");
    expect(by("C001").verdict).toBe("maintain");
  });
  it("C002 东方机械: 71.25, B, 维持关系", () => {
    expect(by("C002").score).toBeCloseTo(71.25, 10);
    expect(by("C002").tier).toBe("B");
    expect(by("C002").verdict).toBe("maintain");
  });
  it("C003 南山食品: 46.75, D, 改善关系", () => {
    expect(by("C003").score).toBeCloseTo(46.75, 10);
    expect(by("C003").tier).toBe("D");
    expect(by("C003").verdict).toBe("improve");
  });
  it("C004 北辰物流: 24.72 with coverage 90%, D, 终止关系", () => {
    expect(by("C004").score).toBeCloseTo(2225 / 90, 10);
    expect(by("C004").score!.toFixed(2)).toBe("24.72");
    expect(by("C004").coverage).toBeCloseTo(0.9, 10);
    expect(by("C004").tier).toBe("D");
    expect(by("C004").verdict).toBe("end");
  });
  it("C005 西岭科技: 60 with coverage 30% is 资料不全 with no verdict", () => {
    expect(by("C005").score).toBeCloseTo(60, 10);
    expect(by("C005").coverage).toBeCloseTo(0.3, 10);
    expect(by("C005").tier).toBe("incomplete");
    expect(by("C005").verdict).toBeNull();
    expect(by("C005").rank).toBeNull();
  });
  it("keeps the three largest contributions wᵢnᵢ/Σw, largest first", () => {
    const c1 = by("C001");
    expect(c1.contributions.map((c) => c.indicator)).toEqual(["业务贡献", "合作深度", "满意度"]);
    expect(c1.contributions.map((c) => c.points)).toEqual([0.35 * 95, 0.3 * 90, 0.25 * 85].map((x) => expect.closeTo(x, 10)));
    // The fourth, 发展潜力 0.1 × 80 = 8, completes the score.
    expect(c1.contributions.reduce((a, c) => a + c.points, 0) + 8).toBeCloseTo(89.5, 10);
  });
});

describe("top contributions: the largest wᵢnᵢ/Σw present, largest first, equal ones by indicator name", () => {
  it("are the first three of all contributions sorted so", () => {
    const names = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0, 5, 10, 7.5, -1), fc.oneof(fc.constant(NaN), fc.constantFrom(0, 50, 80, 100), fc.double({ min: 0, max: 100, noNaN: true }))), { minLength: 1, maxLength: 7 }),
        (pairs) => {
          const weights = pairs.map(([w]) => w);
          const points = pairs.map(([, n]) => n);
          const present = pairs.reduce((a, [w, n]) => (Number.isNaN(n) ? a : a + w), 0);
          const all = pairs
            .map(([w, n], i) => ({ indicator: names[i], points: (w * n) / present, ok: !Number.isNaN(n) && w > 0 }))
            .filter((c) => c.ok)
            .map(({ indicator, points: p }) => ({ indicator, points: p }))
            .sort((a, b) => b.points - a.points || (a.indicator < b.indicator ? -1 : 1));
          expect(topContributions(names.slice(0, pairs.length), weights, points, present)).toEqual(present > 0 ? all.slice(0, 3) : []);
        },
      ),
    );
  });
});

describe("normalised score nᵢ = 100·sᵢ/Mᵢ", () => {
  it("uses the full mark", () => expect(normaliseScore(8, 10, "positive")).toBe(80));
  it("反向 (lower is better) gives 100·(M − s)/M", () => expect(normaliseScore(2, 10, "negative")).toBe(80));
});

describe("min-max: 100·(x − min)/(max − min) over customers with a value", () => {
  it("spreads values from 0 to 100 and leaves missing values missing", () => {
    const p = minMaxPoints(Float64Array.from([10, 20, NaN, 30]));
    expect(Array.from(p)).toEqual([0, 50, NaN, 100]);
  });
  it("gives 100 to everyone when all values are equal", () => {
    expect(Array.from(minMaxPoints(Float64Array.from([5, 5])))).toEqual([100, 100]);
  });
});

describe("percentile rank: (smaller + ½·equal others) / (count − 1)", () => {
  it("ranks distinct values evenly", () => {
    expect(Array.from(percentileRankPoints(Float64Array.from([30, 10, 20])))).toEqual([100, 0, 50]);
  });
  it("counts half of the other equal values, itself excluded", () => {
    // values 10, 20, 20, 40: for 20 → (1 + ½·1)/3 = 50
    expect(Array.from(percentileRankPoints(Float64Array.from([10, 20, 20, 40])))).toEqual([0, 50, 50, 100]);
  });
  it("gives 100 when only one customer has a value", () => {
    expect(Array.from(percentileRankPoints(Float64Array.from([NaN, 7])))).toEqual([NaN, 100]);
  });
});

describe("bands and maps: the points of the first matching band or entry", () => {
  const bands = [
    { op: ">=" as const, bound: 5_000_000, points: 100 },
    { op: ">=" as const, bound: 1_000_000, points: 80 },
    { op: ">=" as const, bound: 0, points: 40 },
  ];
  it("takes the first band that matches", () => {
    expect(bandPoints(6_000_000, bands)).toBe(100);
    expect(bandPoints(1_000_000, bands)).toBe(80);
    expect(bandPoints(3, bands)).toBe(40);
  });
  it("reports a value that no band matches and leaves it missing", () => {
    const ind: Indicator = { name: "存款", weight: 1, maxScore: 100, direction: "positive", method: "bands", bands, source: "dailyDeposit" };
    const r = derivedPoints(ind, [-5, 2_000_000, undefined]);
    expect(Array.from(r.points)).toEqual([NaN, 80, NaN]);
    expect(r.misses).toEqual([{ customer: 0, reason: "noBand" }]);
  });
  it("maps categories and reports unknown ones", () => {
    const ind: Indicator = {
      name: "潜力", weight: 1, maxScore: 100, direction: "positive", method: "map", source: "potential",
      mapping: [{ key: "high", points: 100 }, { key: "low", points: 20 }],
    };
    const r = derivedPoints(ind, ["high", "medium", "low"]);
    expect(Array.from(r.points)).toEqual([100, NaN, 20]);
    expect(r.misses).toEqual([{ customer: 1, reason: "noMapEntry" }]);
  });
  it("反向 turns a rank around", () => {
    const ind: Indicator = { name: "投诉", weight: 1, maxScore: 100, direction: "negative", method: "rank", source: "complaints" };
    expect(Array.from(derivedPoints(ind, [0, 5]).points)).toEqual([100, 0]);
  });
});

describe("weights are used in proportion to their total", () => {
  it("accepts totals of 1 and 100 within ±0.5%", () => {
    expect(weightsTotalLooksRight([0.3, 0.25, 0.35, 0.1])).toBe(true);
    expect(weightsTotalLooksRight([30, 25, 35, 10.4])).toBe(true);
    expect(weightsTotalLooksRight([30, 25, 35])).toBe(false);
  });
  it("scaling all weights changes no score (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined })), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (cols, k) => {
          const model = cols.map(([w], i) => direct(`i${i}`, w));
          const scaled = model.map((m) => ({ ...m, weight: m.weight * k }));
          const rows = [{ key: "x", scores: cols.map(([, s]) => s) }];
          const a = scoreTable(model, rows)[0];
          const b = scoreTable(scaled, rows)[0];
          if (a.score === null) return b.score === null;
          return Math.abs(a.score - b.score!) < 1e-9 && Math.abs(a.coverage - b.coverage) < 1e-9 && a.tier === b.tier;
        },
      ),
    );
  });
});

describe("coverage below the minimum gives 资料不全", () => {
  it("uses the settings' minimum coverage", () => {
    const s = { ...defaultSettings(), minCoverage: 0.25 };
    const r = scoreTable([direct("a", 30), direct("b", 70)], [{ key: "k", scores: [90, undefined] }], s)[0];
    expect(r.coverage).toBeCloseTo(0.3, 10);
    expect(r.tier).toBe("A");
  });
  it("a customer with no indicator at all has no score", () => {
    const r = scoreTable([direct("a", 1)], [{ key: "k", scores: [undefined] }])[0];
    expect(r.score).toBeNull();
    expect(r.tier).toBe("incomplete");
  });
});

describe("tiers, threshold mode", () => {
  it("A ≥ 85 > B ≥ 70 > C ≥ 55 > D", () => {
    const lines = defaultSettings().thresholds;
    expect([85, 84.99, 70, 69.9, 55, 54.9].map((s) => thresholdTier(s, lines))).toEqual(["A", "B", "B", "C", "C", "D"]);
  });
  it("a higher score never gets a lower tier (property)", () => {
    const lines = defaultSettings().thresholds;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return TIER_ORDER[thresholdTier(hi, lines)] >= TIER_ORDER[thresholdTier(lo, lines)];
      }),
    );
  });
});

describe("tiers, quota mode", () => {
  const quota = { ...defaultSettings(), tierMode: "quotas" as const, quotas: { A: 0.2, B: 0.3, C: 0.3 } };
  it("gives the first ⌈n·A%⌉ A, the next ⌈n·B%⌉ B, the next ⌈n·C%⌉ C and the rest D", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, score: 100 - i, eligible: true }));
    expect(assignTiers(items, quota)).toEqual(["A", "A", "B", "B", "B", "C", "C", "C", "D", "D"]);
  });
  it("breaks equal scores by ascending key", () => {
    const items = [
      { key: "b", score: 50, eligible: true },
      { key: "a", score: 50, eligible: true },
      { key: "c", score: 10, eligible: true },
      { key: "d", score: 5, eligible: true },
      { key: "e", score: 1, eligible: true },
    ];
    // n = 5: ⌈1⌉ A, ⌈1.5⌉ = 2 B, ⌈1.5⌉ = 2 C — the ceilings leave nothing for D.
    expect(assignTiers(items, quota)).toEqual(["B", "A", "B", "C", "C"]);
  });
  it("leaves 资料不全 customers out of the count", () => {
    const items = [
      { key: "a", score: 90, eligible: true },
      { key: "b", score: 99, eligible: false },
    ];
    expect(assignTiers(items, quota)).toEqual(["A", "incomplete"]);
  });
});

describe("verdict", () => {
  const s = defaultSettings();
  it("维持关系 from 70, 改善关系 from 40, 终止关系 below", () => {
    expect(verdictFor(70, false, s)).toBe("maintain");
    expect(verdictFor(69.99, false, s)).toBe("improve");
    expect(verdictFor(40, false, s)).toBe("improve");
    expect(verdictFor(39.99, false, s)).toBe("end");
  });
  it("below 40 with high potential is 改善关系, not 终止关系", () => {
    expect(verdictFor(10, true, s)).toBe("improve");
  });
  it("uses the lines from the settings", () => {
    expect(verdictFor(65, false, { maintainFrom: 60, endBelow: 30 })).toBe("maintain");
  });
});

describe("manual tier", () => {
  it("overrides the tier for the plans and keeps the computed tier visible", () => {
    const customers = [{ key: "k" }];
    const [r] = scoreCustomers({
      customers, indicators: [direct("a", 1)], points: [Float64Array.from([50])], settings: defaultSettings(),
      manual: new Map([["k", { tier: "A" as const, reason: "战略客户" }]]),
    });
    expect(r.computedTier).toBe("D");
    expect(r.tier).toBe("A");
    expect(r.manualReason).toBe("战略客户");
  });
});

describe("invariants (properties)", () => {
  const rowsArb = fc.uniqueArray(
    fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), scores: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { minLength: 3, maxLength: 3 }) }),
    { selector: (r) => r.key, minLength: 1, maxLength: 30 },
  );
  const model = [direct("a", 50), direct("b", 30), direct("c", 20)];
  it("every score is within [0, 100]", () => {
    fc.assert(fc.property(rowsArb, (rows) => scoreTable(model, rows).every((r) => r.score === null || (r.score >= 0 && r.score <= 100))));
  });
  it("row order changes no customer's result, in both tier modes", () => {
    const quota: Settings = { ...defaultSettings(), tierMode: "quotas" };
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, useQuota) => {
        const s = useQuota ? quota : defaultSettings();
        const a = scoreTable(model, rows, s);
        const b = scoreTable(model, [...rows].reverse(), s);
        const byKey = new Map(b.map((r) => [r.key, r]));
        return a.every((r) => {
          const o = byKey.get(r.key)!;
          return r.score === o.score && r.tier === o.tier && r.verdict === o.verdict && r.rank === o.rank;
        });
      }),
    );
  });
});

/** rankOrder against the rule written out: a sort by rounded score, then compareCustomerKeys. */
function expectRankedAsSpecified(items: { key: string; score: number; eligible: boolean }[]): void {
  const expected = items
    .map((it, i) => ({ ...it, i }))
    .filter((it) => it.eligible)
    .sort((a, b) => comparable(b.score) - comparable(a.score) || compareCustomerKeys(a.key, b.key) || a.i - b.i)
    .map((it) => it.i);
  const got = rankOrder(items);
  // Equal score and key: either order is a valid ranking; compare the keys and scores at each place.
  expect(got.map((i) => [items[i].key, comparable(items[i].score)])).toEqual(expected.map((i) => [items[i].key, comparable(items[i].score)]));
}

describe("ranking: highest score first, equal scores in customer key order (numbers first, by value)", () => {
  it("orders like a sort by rounded score, then compareCustomerKeys (property)", () => {
    const key = fc.oneof(fc.nat({ max: 200 }).map(String), fc.constantFrom("A1", "b", "C10", "C9", "10.5", "007", "x"));
    fc.assert(
      fc.property(fc.array(fc.record({ key, score: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true })), eligible: fc.boolean() })), (items) => {
        expectRankedAsSpecified(items);
      }),
    );
  });
  it("orders the same when the list is long enough for the engine's numeric sort (property)", () => {
    const key = fc.oneof(fc.nat({ max: 5000 }).map(String), fc.constantFrom("A1", "b", "C10", "C9", "10.5", "007", "x"), fc.string({ maxLength: 4 }));
    // Few distinct scores (many ties), fine ones (float dust 1e-10 apart), negative and huge ones (the fallback).
    const score = fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((n) => n / 4),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.integer({ min: 0, max: 3 }).map((n) => 85 + n * 1e-10),
    );
    const list = (s: fc.Arbitrary<number>) => fc.array(fc.record({ key, score: s, eligible: fc.boolean() }), { minLength: 130, maxLength: 600 });
    // Scores 0–100 take the numeric sort; a list with scores too far apart for it takes the comparator.
    const lists = fc.oneof({ arbitrary: list(score), weight: 3 }, { arbitrary: list(fc.oneof(score, fc.double({ min: -1e12, max: 1e12, noNaN: true }))), weight: 1 });
    fc.assert(
      fc.property(lists, (items) => {
        expectRankedAsSpecified(items);
      }),
      { numRuns: 150 },
    );
  });
});

describe("contributions are shared between customers with the same ones", () => {
  it("gives one frozen object per indicator and points, and the same contributions as without sharing", () => {
    const pool = new ContributionPool();
    const names = ["a", "b", "c"];
    const weights = [1, 2, 1];
    const first = topContributions(names, weights, [50, 80, NaN], 3, pool);
    const second = topContributions(names, weights, [50, 80, 10], 3, pool);
    expect(first).toEqual(topContributions(names, weights, [50, 80, NaN], 3));
    expect(second[0]).toBe(first[0]);
    expect(Object.isFrozen(first[0])).toBe(true);
  });
  it("stops keeping new ones past its limit, still giving each customer its own right values", () => {
    const pool = new ContributionPool(2);
    const got = [10, 20, 30, 40].map((n) => topContributions(["a"], [1], [n], 1, pool)[0]);
    expect(got.map((c) => c.points)).toEqual([10, 20, 30, 40]);
    expect(topContributions(["a"], [1], [10], 1, pool)[0]).toBe(got[0]);
    expect(topContributions(["a"], [1], [30], 1, pool)[0]).not.toBe(got[2]);
  });
});
