import fc from "fast-check";
import { isPercentFormat, parseNumberText, plainNumber, readNumber } from "./number-cell";

const fromText = (text: string) => readNumber(text, "text", "General");

describe("number cells", () => {
  it("reads a number cell as it is", () => {
    expect(readNumber(1200, "number", "General")).toEqual({ ok: true, value: 1200, percent: false });
  });
  it("reads negative and fractional numbers as they are", () => {
    expect(readNumber(-3.25, "number", "0.00")).toEqual({ ok: true, value: -3.25, percent: false });
  });
  it("reads a number whose kind is unknown-but-text as the number it holds", () => {
    expect(readNumber(42, "text", "@")).toEqual({ ok: true, value: 42, percent: false });
  });
});

describe("percentages", () => {
  it("reads 0.85 in a \"0%\" cell as 0.85, flagged percent", () => {
    expect(readNumber(0.85, "number", "0%")).toEqual({ ok: true, value: 0.85, percent: true });
  });
  it("reads 0.855 in a \"0.0%\" cell as percent", () => {
    expect(readNumber(0.855, "number", "0.0%")).toEqual({ ok: true, value: 0.855, percent: true });
  });
  it("does not treat a quoted \"%\" in the format as a percent format", () => {
    expect(isPercentFormat('0 "%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
    expect(isPercentFormat("0.00%")).toBe(true);
  });
  it("reads the text \"85%\" as 0.85, flagged percent", () => {
    expect(fromText("85%")).toEqual({ ok: true, value: 0.85, percent: true });
  });
  it("reads the full-width \"８５％\" as 0.85", () => {
    expect(fromText("８５％")).toEqual({ ok: true, value: 0.85, percent: true });
  });
  it("reads \"12.5 %\" as 0.125", () => {
    expect(fromText("12.5 %")).toEqual({ ok: true, value: 0.125, percent: true });
  });
});

describe("numbers stored as text", () => {
  it("reads \"1,200\" as 1200", () => {
    expect(fromText("1,200")).toEqual({ ok: true, value: 1200, percent: false });
  });
  it("reads \"８５\" (full-width digits) as 85", () => {
    expect(fromText("８５")).toEqual({ ok: true, value: 85, percent: false });
  });
  it("reads \"1，200\" with a full-width comma as 1200", () => {
    expect(fromText("1，200")).toEqual({ ok: true, value: 1200, percent: false });
  });
  it("reads \" 3.5 \" with surrounding spaces as 3.5", () => {
    expect(fromText(" 3.5 ")).toEqual({ ok: true, value: 3.5, percent: false });
  });
  it("reads \"1,234,567.89\" as 1234567.89", () => {
    expect(fromText("1,234,567.89")).toEqual({ ok: true, value: 1234567.89, percent: false });
  });
  it("reads a space as a thousands separator only in groups of three: \"1 200 000\"", () => {
    expect(fromText("1 200 000")).toEqual({ ok: true, value: 1200000, percent: false });
    expect(fromText("12 34")).toEqual({ ok: false, reason: "notNumber", text: "12 34" });
  });
  it("reads \"+5\" as 5", () => {
    expect(fromText("+5")).toEqual({ ok: true, value: 5, percent: false });
  });
  it("reads negative text \"-5\" and the Unicode minus \"−5\" as -5", () => {
    expect(fromText("-5")).toEqual({ ok: true, value: -5, percent: false });
    expect(fromText("−5")).toEqual({ ok: true, value: -5, percent: false });
  });
  it("reads \".5\" and \"5.\" as numbers", () => {
    expect(fromText(".5")).toEqual({ ok: true, value: 0.5, percent: false });
    expect(fromText("5.")).toEqual({ ok: true, value: 5, percent: false });
  });
  it("reads scientific text \"1.2E+06\" (how Excel shows big numbers) as 1200000", () => {
    expect(fromText("1.2E+06")).toEqual({ ok: true, value: 1200000, percent: false });
  });
  it("reads any number written with String() back exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const read = fromText(String(n));
        expect(read).toEqual({ ok: true, value: n === 0 ? 0 : n, percent: false });
      }),
    );
  });
  it("reads any integer written with thousands separators back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(fromText(n.toLocaleString("en-US"))).toEqual({ ok: true, value: n, percent: false });
      }),
    );
  });
});

describe("currency text", () => {
  it("reads \"¥1,200,000\" as 1200000", () => {
    expect(fromText("¥1,200,000")).toEqual({ ok: true, value: 1200000, percent: false });
  });
  it("reads the full-width yen \"￥1,200\" as 1200", () => {
    expect(fromText("￥1,200")).toEqual({ ok: true, value: 1200, percent: false });
  });
  it("reads \"$1,200.50\", \"RMB 500\", \"CNY500\" and \"500元\"", () => {
    expect(fromText("$1,200.50")).toEqual({ ok: true, value: 1200.5, percent: false });
    expect(fromText("RMB 500")).toEqual({ ok: true, value: 500, percent: false });
    expect(fromText("CNY500")).toEqual({ ok: true, value: 500, percent: false });
    expect(fromText("500元")).toEqual({ ok: true, value: 500, percent: false });
    expect(fromText("500 RMB")).toEqual({ ok: true, value: 500, percent: false });
    expect(fromText("人民币120万元")).toEqual({ ok: true, value: 1200000, percent: false });
  });
  it("reads a sign before or after the currency symbol", () => {
    expect(fromText("-¥5")).toEqual({ ok: true, value: -5, percent: false });
    expect(fromText("¥-5")).toEqual({ ok: true, value: -5, percent: false });
  });
});

describe("万 and 亿 units", () => {
  it("reads \"120万\" as 1200000", () => {
    expect(fromText("120万")).toEqual({ ok: true, value: 1200000, percent: false });
  });
  it("reads \"1.2亿\" as 120000000", () => {
    expect(fromText("1.2亿")).toEqual({ ok: true, value: 120000000, percent: false });
  });
  it("reads any whole number of 万 and 亿 exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(["万", 1e4] as const, ["亿", 1e8] as const), (n, [unit, factor]) => {
        expect(fromText(`${n}${unit}`)).toEqual({ ok: true, value: n * factor, percent: false });
      }),
    );
  });
  it("reads \"0.07万\" as exactly 700 (no binary noise)", () => {
    expect(fromText("0.07万")).toEqual({ ok: true, value: 700, percent: false });
  });
  it("reads \"¥120万元\" and \"120 万元\" as 1200000", () => {
    expect(fromText("¥120万元")).toEqual({ ok: true, value: 1200000, percent: false });
    expect(fromText("120 万元")).toEqual({ ok: true, value: 1200000, percent: false });
  });
});

describe("missing values", () => {
  it.each([
    ["null", null, "empty"],
    ["the empty string", "", "empty"],
    ["whitespace typed as text", "  \u3000 ", "text"],
  ] as const)("reads %s as missing", (_label, raw, kind) => {
    expect(readNumber(raw, kind, "General")).toEqual({ ok: false, reason: "missing" });
  });
});

describe("Excel error values count as missing and are reported", () => {
  it("reads an error cell \"#N/A\" as excelError with its text", () => {
    expect(readNumber("#N/A", "error", "General")).toEqual({ ok: false, reason: "excelError", text: "#N/A" });
  });
  it("reads error text \"#DIV/0!\" in a text cell as excelError", () => {
    expect(readNumber("#DIV/0!", "text", "General")).toEqual({ ok: false, reason: "excelError", text: "#DIV/0!" });
  });
});

describe("anything else is not a number", () => {
  it.each(["abc", "12a", "1,2", "1,2,3", "(5)", "1.2.3", "--5", "%", "¥", "万", "85%元", "¥85%", "1e999", "0x10", "Infinity", "NaN"])(
    "refuses %s",
    (text) => {
      expect(fromText(text)).toEqual({ ok: false, reason: "notNumber", text });
    },
  );
  it("refuses booleans", () => {
    expect(readNumber(true, "boolean", "General")).toEqual({ ok: false, reason: "notNumber", text: "TRUE" });
  });
  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const read = readNumber(s, "text", "General");
        if (read.ok) expect(Number.isFinite(read.value)).toBe(true);
      }),
    );
  });
  it("parseNumberText gives undefined for text without a number", () => {
    expect(parseNumberText("n/a")).toBeUndefined();
  });
});

describe("a number that is not finite is no plain number", () => {
  it("leaves Infinity and NaN to readNumber, which refuses them", () => {
    for (const v of [Infinity, -Infinity, NaN]) {
      expect(plainNumber(v, "number", "General")).toBeUndefined();
      expect(readNumber(v, "number", "General").ok).toBe(false);
    }
  });
});
