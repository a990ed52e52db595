import fc from "fast-check";
import * as shared from "../values/serial-date";
import { addMonths, fastSerialFromYmd, fastYmdFromSerial, isoFromSerial, monthIndex, serialFromIso, serialFromIsoTime, serialFromYmd, isoTimeFromSerial } from "./dates";

describe("serial dates", () => {
  it("match Excel's serial numbers", () => {
    expect(serialFromYmd(2025, 6, 30)).toBe(45838);
    expect(fastSerialFromYmd(2025, 6, 30)).toBe(45838);
    expect(fastSerialFromYmd(1900, 3, 1)).toBe(61);
    expect(isoFromSerial(45838)).toBe("2025-06-30");
    expect(serialFromIso("2025-06-30")).toBe(45838);
  });

  it("the fast integer maths agrees with the shared serial dates on every day from 1900-03-01", () => {
    fc.assert(fc.property(fc.integer({ min: 61, max: shared.MAX_DATE_SERIAL }), (n) => {
      const a = fastYmdFromSerial(n);
      const b = shared.ymdFromSerial(n);
      return a.y === b.y && a.m === b.m && a.d === b.d && fastSerialFromYmd(a.y, a.m, a.d) === n;
    }), { numRuns: 3000 });
  });

  it("run times round-trip through serial date-times", () => {
    const t = "2025-06-30T09:15:00.000Z";
    expect(isoTimeFromSerial(serialFromIsoTime(t))).toBe(t);
    expect(Math.floor(serialFromIsoTime(t))).toBe(45838);
    expect(serialFromIsoTime("not a time")).toBeNaN();
  });

  it("add months on the calendar, clamping to the month's end", () => {
    expect(isoFromSerial(addMonths(serialFromYmd(2025, 1, 31), 1))).toBe("2025-02-28");
    expect(isoFromSerial(addMonths(serialFromYmd(2024, 1, 31), 1))).toBe("2024-02-29");
    expect(isoFromSerial(addMonths(serialFromYmd(2024, 8, 15), 11))).toBe("2025-07-15");
    expect(isoFromSerial(addMonths(serialFromYmd(2025, 3, 10), -3))).toBe("2024-12-10");
    expect(isoFromSerial(addMonths(serialFromYmd(2023, 12, 31), 2))).toBe("2024-02-29");
  });

  it("tell months apart", () => {
    expect(monthIndex(serialFromYmd(2025, 6, 30))).toBe(monthIndex(serialFromYmd(2025, 6, 1)));
    expect(monthIndex(serialFromYmd(2025, 7, 1))).toBe(monthIndex(serialFromYmd(2025, 6, 30)) + 1);
  });
});
