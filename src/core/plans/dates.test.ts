import fc from "fast-check";
import { addMonths, isoFromSerial, monthIndex, serialFromIso, serialFromYmd, ymdFromSerial } from "./dates";

describe("serial dates", () => {
  it("match Excel's serial numbers", () => {
    expect(serialFromYmd(2025, 6, 30)).toBe(45838);
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(isoFromSerial(45838)).toBe("2025-06-30");
    expect(serialFromIso("2025-06-30")).toBe(45838);
  });

  it("round-trip every day", () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: 2_958_465 }), (n) => {
      const { y, m, d } = ymdFromSerial(n);
      return serialFromYmd(y, m, d) === n;
    }));
  });

  it("add months on the calendar, clamping to the month's end", () => {
    expect(isoFromSerial(addMonths(serialFromYmd(2025, 1, 31), 1))).toBe("2025-02-28");
    expect(isoFromSerial(addMonths(serialFromYmd(2024, 1, 31), 1))).toBe("2024-02-29");
    expect(isoFromSerial(addMonths(serialFromYmd(2024, 8, 15), 11))).toBe("2025-07-15");
    expect(isoFromSerial(addMonths(serialFromYmd(2025, 3, 10), -3))).toBe("2024-12-10");
  });

  it("tell months apart", () => {
    expect(monthIndex(serialFromYmd(2025, 6, 30))).toBe(monthIndex(serialFromYmd(2025, 6, 1)));
    expect(monthIndex(serialFromYmd(2025, 7, 1))).toBe(monthIndex(serialFromYmd(2025, 6, 30)) + 1);
  });
});

describe("serial dates agree with the platform calendar", () => {
  it("for every day from 1900-03-01 to 9999-12-31", () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: 2_958_465 }), (n) => {
      const t = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
      const { y, m, d } = ymdFromSerial(n);
      return y === t.getUTCFullYear() && m === t.getUTCMonth() + 1 && d === t.getUTCDate();
    }), { numRuns: 2000 });
  });
});
