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

/*
 * Quota mode, from the spec: rank by score, highest first (equal scores — compared at 9 decimals — in
 * ascending key order, numeric keys as numbers and before the others), the first ⌈n·A%⌉ are A, the next
 * ⌈n·B%⌉ B, the next ⌈n·C%⌉ C, the rest D; n counts the customers with enough coverage (60%).
 */
type OracleTier = "A" | "B" | "C" | "D" | "incomplete";

function oracleKeyOrder(a: string, b: string): number {
  const an = /^\d+(\.\d+)?$/.test(a);
  const bn = /^\d+(\.\d+)?$/.test(b);
  if (an && bn && Number(a) !== Number(b)) return Number(a) - Number(b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every customer's tier under quotas given in whole per cent. */
function oracleQuotaTiers(keys: string[], weights: number[], points: (number | null)[][], pct: { A: number; B: number; C: number }): OracleTier[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const rows = points.map((row, c) => {
    let sum = 0;
    let present = 0;
    row.forEach((v, i) => {
      if (v !== null) {
        sum += weights[i] * v;
        present += weights[i];
      }
    });
    return { c, key: keys[c], score: Math.round((sum / present) * 1e9) / 1e9, ok: present > 0 && present / total >= 0.6 };
  });
  const ranked = rows.filter((r) => r.ok).sort((x, y) => y.score - x.score || oracleKeyOrder(x.key, y.key));
  const n = ranked.length;
  const a = Math.ceil((n * pct.A) / 100);
  const b = a + Math.ceil((n * pct.B) / 100);
  const c = b + Math.ceil((n * pct.C) / 100);
  const out: OracleTier[] = points.map(() => "incomplete");
  ranked.forEach((r, pos) => (out[r.c] = pos < a ? "A" : pos < b ? "B" : pos < c ? "C" : "D"));
  return out;
}

const ORACLE_RANK: Record<OracleTier, number> = { A: 4, B: 3, C: 2, D: 1, incomplete: 0 };
const ORACLE_UP: Record<OracleTier, OracleTier | null> = { A: null, B: "A", C: "B", D: "C", incomplete: null };

describe("why this customer in quota mode: the points to rank ahead of the last customer of the next tier", () => {
  const keyPool = ["C1", "C2", "99", "100", "7", "B9", "a1", "C10"];

  test("every step is the smallest whole number of points that enters the next tier (or above), as the quota ranking gives it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.constantFrom(0, 20, 40, 50, 60, 70, 80, 90, 100), { freq: 6 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
        fc.record({ A: fc.integer({ min: 0, max: 40 }), B: fc.integer({ min: 0, max: 30 }), C: fc.integer({ min: 0, max: 30 }) }),
        fc.nat(),
        (points, weights, pct, pick) => {
          const keys = keyPool.slice(0, points.length);
          const base = handBase(["a", "b", "c"], weights, points);
          base.refs = keys.map((key) => ({ key }));
          const p = { ...paramsOf(base.settings, base.indicators), tierMode: "quotas" as const, quotas: { A: pct.A / 100, B: pct.B / 100, C: pct.C / 100 } };
          const who = pick % points.length;
          const tiers = oracleQuotaTiers(keys, weights, points, pct);
          const why = explainCustomer(base, p, keys[who])!;
          expect(why.tier).toBe(tiers[who]);
          const up = ORACLE_UP[tiers[who]];
          if (!up) {
            expect(why.next).toBeNull();
            return;
          }
          // The oracle: try every whole value on one indicator alone, keep the smallest that reaches the next tier.
          const offered = new Map((why.next?.steps ?? []).map((s) => [s.indicator, s]));
          ["a", "b", "c"].forEach((name, i) => {
            const had = points[who][i];
            let best: number | undefined;
            for (let v = 0; v <= (had === null ? 100 : 100 - had) && best === undefined; v++) {
              const tried = points.map((row, c) => (c === who ? row.map((x, j) => (j === i ? (had === null ? v : had + v) : x)) : row));
              if (ORACLE_RANK[oracleQuotaTiers(keys, weights, tried, pct)[who]] >= ORACLE_RANK[up]) best = v;
            }
            const step = offered.get(name);
            expect([name, step ? { add: step.add, missing: step.missing } : undefined]).toEqual([name, best === undefined ? undefined : { add: best, missing: had === null }]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a tie with the last customer of the next tier goes by key: the smaller key reaches the score, the larger must pass it", () => {
    // Four customers, 25% each: A 90 (K1), B 70 (K3), C 60 (K2), D 60 (K4) → K4 loses the tie with K2.
    const base = handBase(["x"], [1], [[90], [70], [60], [60]]);
    base.refs = ["K1", "K3", "K2", "K4"].map((key) => ({ key }));
    const p = { ...paramsOf(base.settings, base.indicators), tierMode: "quotas" as const, quotas: { A: 0.25, B: 0.25, C: 0.25 } };
    const d = explainCustomer(base, p, "K4")!;
    expect(d.tier).toBe("D");
    expect(d.next).toMatchObject({ tier: "C", scoreNeeded: 60, gap: 0, rule: "pass", steps: [{ indicator: "x", add: 1, missing: false }] });
    // K2 ties K3 at 70 with the smaller key: reaching 70 is enough.
    const c = explainCustomer(base, p, "K2")!;
    expect(c.next).toMatchObject({ tier: "B", scoreNeeded: 70, gap: 10, rule: "reach", steps: [{ indicator: "x", add: 10, missing: false }] });
  });

  test("a tier with no place (share 0%) is skipped for the next one up; none above: no next tier", () => {
    const base = handBase(["x"], [1], [[90], [70], [60]]);
    const p = { ...paramsOf(base.settings, base.indicators), tierMode: "quotas" as const, quotas: { A: 0.3, B: 0, C: 0.7 } };
    expect(explainCustomer(base, p, "K0001")!.next).toMatchObject({ tier: "A", scoreNeeded: 90, rule: "pass", steps: [{ indicator: "x", add: 21 }] });
    const noA = { ...p, quotas: { A: 0, B: 0.3, C: 0.7 } };
    expect(explainCustomer(base, noA, "K0000")!.tier).toBe("B");
    expect(explainCustomer(base, noA, "K0000")!.next).toBeNull();
  });
});
