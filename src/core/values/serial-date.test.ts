import fc from "fast-check";
import {
  MAX_DATE_SERIAL,
  daysInMonth,
  isDateFormat,
  isValidYmd,
  isoFromSerial,
  serialFromDate,
  serialFromIso,
  serialFromYmd,
  ymdFromSerial,
} from "./serial-date";

describe("dates as Excel serial numbers (1900 date system)", () => {
  it("counts 1900-01-01 as serial 1", () => {
    expect(serialFromYmd(1900, 1, 1)).toBe(1);
    expect(ymdFromSerial(1)).toEqual({ y: 1900, m: 1, d: 1 });
  });
  it("counts 1900-02-28 as serial 59", () => {
    expect(serialFromYmd(1900, 2, 28)).toBe(59);
    expect(ymdFromSerial(59)).toEqual({ y: 1900, m: 2, d: 28 });
  });
  it("keeps Excel's fictitious 1900-02-29 as serial 60", () => {
    expect(serialFromYmd(1900, 2, 29)).toBe(60);
    expect(ymdFromSerial(60)).toEqual({ y: 1900, m: 2, d: 29 });
    expect(isoFromSerial(60)).toBe("1900-02-29");
  });
  it("counts 1900-03-01 as serial 61", () => {
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(ymdFromSerial(61)).toEqual({ y: 1900, m: 3, d: 1 });
  });
  it("reads 45356 as 2024-03-05", () => {
    expect(serialFromYmd(2024, 3, 5)).toBe(45356);
    expect(isoFromSerial(45356)).toBe("2024-03-05");
  });
  it("reads 2958465 as 9999-12-31, the last date Excel shows", () => {
    expect(serialFromYmd(9999, 12, 31)).toBe(MAX_DATE_SERIAL);
    expect(isoFromSerial(MAX_DATE_SERIAL)).toBe("9999-12-31");
  });
  it("drops the time fraction of a date-time serial", () => {
    expect(ymdFromSerial(45356.75)).toEqual({ y: 2024, m: 3, d: 5 });
  });
  it("gives NaN for a day that does not exist", () => {
    expect(serialFromYmd(2024, 2, 30)).toBeNaN();
    expect(serialFromYmd(2023, 2, 29)).toBeNaN();
    expect(serialFromYmd(2024, 13, 1)).toBeNaN();
    expect(serialFromYmd(2024, 0, 1)).toBeNaN();
    expect(serialFromYmd(2024, 1, 0)).toBeNaN();
    expect(serialFromYmd(2024, 1.5, 1)).toBeNaN();
  });
  it("knows leap years (2000 yes, 2100 no, 1900 as Excel has it)", () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(29);
    expect(isValidYmd(2024, 2, 29)).toBe(true);
  });
  it("round-trips every day from 1900-03-01 to 9999-12-31", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-03-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const y = date.getUTCFullYear();
        const m = date.getUTCMonth() + 1;
        const d = date.getUTCDate();
        const serial = serialFromYmd(y, m, d);
        expect(ymdFromSerial(serial)).toEqual({ y, m, d });
      }),
      { numRuns: 2000 },
    );
  });
  it("round-trips every serial from 1 to 2958465", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DATE_SERIAL }), (serial) => {
        const { y, m, d } = ymdFromSerial(serial);
        expect(serialFromYmd(y, m, d)).toBe(serial);
        expect(serialFromIso(isoFromSerial(serial))).toBe(serial);
      }),
      { numRuns: 2000 },
    );
  });
  it("gives consecutive days consecutive serials after the fake leap day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_DATE_SERIAL - 1 }), (serial) => {
        const { y, m, d } = ymdFromSerial(serial);
        const successor =
          d < daysInMonth(y, m) ? { y, m, d: d + 1 } : m < 12 ? { y, m: m + 1, d: 1 } : { y: y + 1, m: 1, d: 1 };
        expect(ymdFromSerial(serial + 1)).toEqual(successor);
      }),
    );
  });
});

describe("ISO date text", () => {
  it("reads \"2024-03-05\" as 45356", () => {
    expect(serialFromIso("2024-03-05")).toBe(45356);
  });
  it("gives NaN for text that is not an ISO date", () => {
    expect(serialFromIso("2024/03/05")).toBeNaN();
    expect(serialFromIso("2024-3-5")).toBeNaN();
    expect(serialFromIso("2024-02-30")).toBeNaN();
    expect(serialFromIso("")).toBeNaN();
  });
  it("pads years below 1000", () => {
    expect(isoFromSerial(1)).toBe("1900-01-01");
  });
});

describe("dates as JS Date values (read in UTC)", () => {
  it("reads 2024-03-05T00:00Z as 45356", () => {
    expect(serialFromDate(new Date(Date.UTC(2024, 2, 5)))).toBe(45356);
  });
  it("keeps the time fraction", () => {
    expect(serialFromDate(new Date(Date.UTC(2024, 2, 5, 18)))).toBeCloseTo(45356.75, 10);
  });
  it("follows Excel's count before 1900-03-01", () => {
    expect(serialFromDate(new Date(Date.UTC(1900, 0, 1)))).toBe(1);
    expect(serialFromDate(new Date(Date.UTC(1900, 1, 28, 12)))).toBeCloseTo(59.5, 10);
    expect(serialFromDate(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
  });
  it("agrees with serialFromYmd for every day from 1900-03-01", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-03-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }), (date) => {
        const day = serialFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
        const serial = serialFromDate(date);
        expect(Math.floor(serial + 1e-9)).toBe(day);
      }),
    );
  });
});

describe("date cells are number cells with a date format", () => {
  it.each([
    "yyyy-mm-dd",
    "m/d/yyyy",
    "m/d/yy",
    "dd/mm/yy",
    "d-mmm-yy",
    "mmm-yy",
    "mmmm",
    'yyyy"年"m"月"d"日"',
    "yyyy年m月d日",
    '[$-F800]dddd, mmmm dd, yyyy',
    "[$-zh-CN]yyyy/m/d",
    "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"",
    "yyyy-mm-dd hh:mm:ss",
    "[Red]yyyy-mm-dd",
    "YYYY-MM-DD",
    "[$-804]aaaa",
    'e"年"m"月"d"日"',
    'e"年"',
    "[$-409]d-mmm-yy;@",
  ])("treats %s as a date format", (format) => {
    expect(isDateFormat(format)).toBe(true);
  });
  it.each([
    "General",
    "0.00",
    "0%",
    "0.0%",
    "#,##0",
    "#,##0.00_);[Red](#,##0.00)",
    "@",
    "0.00E+00",
    '0 "days"',
    '#,##0 "元"',
    '"Date:" 0',
    "[Red]0.00",
    "h:mm",
    "hh:mm:ss",
    "[h]:mm:ss",
    "mm:ss",
    "h:mm AM/PM",
    "[$-F400]h:mm:ss AM/PM",
    "G/通用格式",
    "Standard",
    "0.0E+0",
    ";;;",
    "[$¥-804]#,##0.00",
    "* #,##0_-",
    "",
  ])("does not treat %s as a date format", (format) => {
    expect(isDateFormat(format)).toBe(false);
  });
});
