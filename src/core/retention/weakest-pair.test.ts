import fc from "fast-check";
import { unpackWeakest, weakestOf, weakestPair } from "./measures";

describe("the two weakest indicators found without allocating", () => {
  // Few distinct points, weights and names so that equal gaps and equal names (the tie rules) come up often.
  const input = fc.integer({ min: 0, max: 8 }).chain((n) =>
    fc.record({
      indicators: fc.array(fc.record({ name: fc.constantFrom("a", "b", "c", "d"), weight: fc.constantFrom(-1, 0, 2.5, 5, 10) }), { minLength: n, maxLength: n }),
      points: fc.array(fc.array(fc.oneof(fc.constantFrom(0, 50, 75, 100, Number.NaN), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 3, maxLength: 3 }), { minLength: 0, maxLength: n }),
    }),
  );

  it("name the same indicators in the same order as weakestOf", () => {
    fc.assert(
      fc.property(input, ({ indicators, points }) => {
        for (let c = 0; c < 3; c++) {
          const code = weakestPair(indicators, points, c);
          const names = unpackWeakest(code, indicators.length).map((i) => indicators[i].name);
          expect(names).toEqual(weakestOf(indicators, points, c));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("give 0 when no indicator has a gap", () => {
    expect(weakestPair([{ name: "a", weight: 10 }], [[100]], 0)).toBe(0);
  });
});
