import fc from "fast-check";
import { customer } from "../retention/test-support";
import { contributionTexts, topContributions } from "./roster-tab";

describe("主要贡献指标 built from cached parts", () => {
  const contribution = fc.record({
    indicator: fc.constantFrom("业务贡献", "合作深度", "Growth", "x"),
    points: fc.oneof(fc.constantFrom(0, -0, 33.25, 7.5, 0.05, 100), fc.double({ min: -10, max: 100, noNaN: true })),
  });

  it("reads exactly as topContributions for every customer, repeated or not", () => {
    fc.assert(
      fc.property(fc.array(fc.array(contribution, { maxLength: 5 }), { maxLength: 30 }), fc.boolean(), (lists, english) => {
        const display = (n: string) => (english ? `${n}-en` : n);
        const top = contributionTexts(display);
        for (const contributions of lists) {
          const c = { ...customer("K1"), contributions };
          expect(top(c)).toBe(topContributions(c, display));
        }
      }),
      { numRuns: 500 },
    );
  });
});
