import fc from "fast-check";
import { rosterOrder } from "../output-tabs/roster-tab";
import type { ScoredCustomer, TierOrIncomplete } from "../scoring/scored-customer";
import { churnOrder, type ChurnWarning } from "./churn-warnings";
import { compareKeys, TIER_ORDER, tierScoreOrder } from "./common";
import { customer } from "./test-support";

// Few keys, tiers, scores and ranks so that ties (the key and stability rules) come up often.
const someCustomer = fc
  .record({
    key: fc.constantFrom("C1", "C2", "C10", "c1", "", "客户"),
    tier: fc.constantFrom<TierOrIncomplete>("A", "B", "C", "D", "incomplete"),
    score: fc.oneof(fc.constantFrom(null, 50, 75.5, -1, Number.NaN), fc.double({ min: 0, max: 100, noNaN: true })),
    rank: fc.constantFrom(null, 1, 2, 3),
  })
  .map(({ key, tier, score, rank }): ScoredCustomer => ({ ...customer(key, { tier, score }), rank }));

describe("orders computed on columns", () => {
  it("plan order (tier, score, key) is the comparator sort's order", () => {
    fc.assert(
      fc.property(fc.array(someCustomer, { maxLength: 40 }), (cs) => {
        const old = [...cs].sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || (b.score ?? -1) - (a.score ?? -1) || compareKeys(a.key, b.key));
        expect(tierScoreOrder(cs)).toEqual(old);
        expect(tierScoreOrder(cs).every((c, i) => c === old[i])).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("roster order (rank, then the unranked by score and key) is the comparator sort's order", () => {
    fc.assert(
      fc.property(fc.array(someCustomer, { maxLength: 40 }), (cs) => {
        const old = [...cs].sort((a, b) => {
          if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
          if (a.rank !== null) return -1;
          if (b.rank !== null) return 1;
          return (b.score ?? -1) - (a.score ?? -1) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
        });
        expect(rosterOrder(cs).every((c, i) => c === old[i])).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("churn warnings (red first, most idle, key) are in the comparator sort's order", () => {
    const warning = fc
      .record({ c: someCustomer, red: fc.boolean(), daysIdle: fc.constantFrom(null, 0, 30, 61, Number.NaN) })
      .map(({ c, red, daysIdle }): ChurnWarning => ({ c, level: red ? "red" : "yellow", daysIdle, warningDays: 30, idle: "past", complaint: false, dormant: false }));
    fc.assert(
      fc.property(fc.array(warning, { maxLength: 40 }), (ws) => {
        const old = [...ws].sort(
          (a, b) => (a.level === b.level ? 0 : a.level === "red" ? -1 : 1) || (b.daysIdle ?? -1) - (a.daysIdle ?? -1) || compareKeys(a.c.key, b.c.key),
        );
        expect(churnOrder(ws).every((w, i) => w === old[i])).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
