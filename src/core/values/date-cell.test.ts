import fc from "fast-check";
import { readDate } from "./date-cell";
import { isoFromSerial, MAX_DATE_SERIAL, serialFromYmd } from "./serial-date";

const fromText = (text: string) => readDate(text, "text", "General");
const MARCH_5_2024 = { ok: true, value: 45356 };

describe("dates as date cells and Excel serial numbers", () => {
  it("reads a date cell (45356 formatted yyyy-mm-dd) as 45356", () => {
    expect(readDate(45356, "number", "yyyy-mm-dd")).toEqual(MARCH_5_2024);
  });
  it("reads a bare serial in a General cell as a date", () => {
    expect(readDate(45356, "number", "General")).toEqual(MARCH_5_2024);
  });
  it("drops the time of a date-time serial", () => {
    expect(readDate(45356.75, "number", "yyyy-mm-dd hh:mm")).toEqual(MARCH_5_2024);
  });
  it("accepts serials from 1 to 2958465 (9999-12-31)", () => {
    expect(readDate(1, "number", "General")).toEqual({ ok: true, value: 1 });
    expect(readDate(MAX_DATE_SERIAL, "number", "General")).toEqual({ ok: true, value: MAX_DATE_SERIAL });
  });
  it.each([0, 0.5, -1, MAX_DATE_SERIAL + 1, 1e12])("refuses the serial %p", (n) => {
    expect(readDate(n, "number", "General")).toEqual({ ok: false, reason: "notDate", text: String(n) });
  });
  it("accepts a number exactly when its day is within 1..2958465", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: MAX_DATE_SERIAL + 10, noNaN: true }), (n) => {
        const day = Math.floor(n);
        const inRange = day >= 1 && day <= MAX_DATE_SERIAL;
        expect(readDate(n, "number", "yyyy-mm-dd")).toEqual(inRange ? { ok: true, value: day } : { ok: false, reason: "notDate", text: String(n) });
      }),
    );
  });
  it("reads numeric text \"45356\" as a serial", () => {
    expect(fromText("45356")).toEqual(MARCH_5_2024);
  });
});

describe("dates as text", () => {
  it.each([
    "2024-03-05",
    "2024-3-5",
    "2024/3/5",
    "2024/03/05",
    "2024.3.5",
    "2024年3月5日",
    "2024年03月05日",
    "2024 年 3 月 5 日",
    "2024年3月5号",
    "２０２４－０３－０５",
    "２０２４年３月５日",
    " 2024-03-05 ",
    "2024-03-05 10:00",
    "2024-03-05 10:00:30",
    "2024/3/5 3:05 PM",
    "2024-03-05T10:00:00Z",
    "2024-03-05T10:00:00.000+08:00",
    "2024年3月5日 10:00",
    "2024/3/5 下午3:05",
    "2024-03-05下午3:05",
  ])("reads %s as 2024-03-05", (text) => {
    expect(fromText(text)).toEqual(MARCH_5_2024);
  });
  it("reads every ISO date Excel can show", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DATE_SERIAL }), (serial) => {
        expect(fromText(isoFromSerial(serial))).toEqual({ ok: true, value: serial });
      }),
    );
  });
  it("reads every y/m/d text without leading zeros", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-03-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        expect(fromText(`${y}/${m}/${d}`)).toEqual({ ok: true, value: serialFromYmd(y, m, d) });
        expect(fromText(`${y}年${m}月${d}日`)).toEqual({ ok: true, value: serialFromYmd(y, m, d) });
      }),
    );
  });
});

describe("impossible and unreadable dates", () => {
  it.each([
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-3/5",
    "05/03/2024",
    "3/5/2024",
    "24-3-5",
    "1899-12-31",
    "2024-03-05 25",
    "next Tuesday",
    "2024年13月1日",
  ])("refuses %s", (text) => {
    expect(fromText(text)).toEqual({ ok: false, reason: "notDate", text });
  });
  it("refuses booleans", () => {
    expect(readDate(false, "boolean", "General")).toEqual({ ok: false, reason: "notDate", text: "FALSE" });
  });
  it("never throws and only gives serials in range", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const read = fromText(s);
        if (read.ok) {
          expect(Number.isInteger(read.value)).toBe(true);
          expect(read.value).toBeGreaterThanOrEqual(1);
          expect(read.value).toBeLessThanOrEqual(MAX_DATE_SERIAL);
        }
      }),
    );
  });
});

describe("missing values and Excel errors", () => {
  it("reads null, \"\" and blank text as missing", () => {
    expect(readDate(null, "empty", "General")).toEqual({ ok: false, reason: "missing" });
    expect(readDate("", "empty", "General")).toEqual({ ok: false, reason: "missing" });
    expect(readDate(" \u3000", "text", "General")).toEqual({ ok: false, reason: "missing" });
  });
  it("reads an error cell \"#N/A\" as excelError", () => {
    expect(readDate("#N/A", "error", "yyyy-mm-dd")).toEqual({ ok: false, reason: "excelError", text: "#N/A" });
  });
  it("reads error text \"#VALUE!\" as excelError", () => {
    expect(fromText("#VALUE!")).toEqual({ ok: false, reason: "excelError", text: "#VALUE!" });
  });
});
