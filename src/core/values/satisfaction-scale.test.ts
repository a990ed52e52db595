import fc from "fast-check";
import { satisfactionScale } from "./satisfaction-scale";

describe("satisfaction numbers are read on the column's own scale", () => {
  it("reads a column where every number is ≤ 1 as fractions (×100)", () => {
    expect(satisfactionScale([0.8, 0.95, 1, 0])).toBe(100);
  });
  it("reads a column where every number is ≤ 5 as a 1–5 scale (×20)", () => {
    expect(satisfactionScale([4, 5, 3.5, 1])).toBe(20);
  });
  it("checks fractions before the 1–5 scale: all ≤ 1 is a fraction even though it is also ≤ 5", () => {
    expect(satisfactionScale([1, 1, 0.5])).toBe(100);
  });
  it("reads a column with any number above 5 as 0–100 (×1)", () => {
    expect(satisfactionScale([4, 5, 80])).toBe(1);
    expect(satisfactionScale([85, 90, 70])).toBe(1);
  });
  it("decides for the whole column: one 2 among fractions makes it a 1–5 column", () => {
    expect(satisfactionScale([0.5, 0.9, 2])).toBe(20);
  });
  it("reads percent cells passed as value × 100 (85% → 85) on 0–100", () => {
    expect(satisfactionScale([0.85 * 100, 0.9 * 100])).toBe(1);
  });
  it("gives ×1 for a column without numbers", () => {
    expect(satisfactionScale([])).toBe(1);
  });
  it("always brings a column of 0–100, 1–5 or 0–1 numbers onto 0–100", () => {
    const column = fc.oneof(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1 }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1 }),
    );
    fc.assert(
      fc.property(column, (numbers) => {
        const factor = satisfactionScale(numbers);
        for (const n of numbers) {
          expect(n * factor).toBeGreaterThanOrEqual(0);
          expect(n * factor).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
  it("does not depend on the order of the numbers", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true })), (numbers) => {
        expect(satisfactionScale([...numbers].reverse())).toBe(satisfactionScale(numbers));
      }),
    );
  });
});
