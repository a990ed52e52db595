import fc from "fast-check";
import { normalizeHeader } from "./normalize-header";

describe("matching ignores full-width/half-width differences", () => {
  it("reads the full-width colon of \"客户名称：\" as a trailing colon", () => {
    expect(normalizeHeader("客户名称：")).toBe("客户名称");
  });
  it("reads full-width letters \"ＩＤ\" as \"id\"", () => {
    expect(normalizeHeader("ＩＤ")).toBe("id");
  });
  it("reads full-width digits and parentheses as half-width", () => {
    expect(normalizeHeader("指标（１）")).toBe("指标(1)");
  });
});

describe("matching ignores surrounding and inner spaces", () => {
  it("removes surrounding and doubled inner spaces from \" Customer  ID \"", () => {
    expect(normalizeHeader(" Customer  ID ")).toBe("customerid");
  });
  it("removes the ideographic space U+3000 inside \"客户\u3000名称\"", () => {
    expect(normalizeHeader("客户\u3000名称")).toBe("客户名称");
  });
  it("removes non-breaking spaces, tabs and line breaks", () => {
    expect(normalizeHeader("\u00A0Customer\tName\n")).toBe("customername");
  });
  it("removes zero-width spaces", () => {
    expect(normalizeHeader("客户\u200B编号")).toBe("客户编号");
  });
});

describe("matching ignores case", () => {
  it("lower-cases \"Customer Name\"", () => {
    expect(normalizeHeader("Customer Name")).toBe("customername");
  });
});

describe("matching ignores a trailing colon", () => {
  it("strips a half-width trailing colon", () => {
    expect(normalizeHeader("Name:")).toBe("name");
  });
  it("strips a colon followed by spaces", () => {
    expect(normalizeHeader("客户名称 ： ")).toBe("客户名称");
  });
  it("keeps a colon inside the header", () => {
    expect(normalizeHeader("a:b")).toBe("a:b");
  });
  it("gives the empty string for blank text", () => {
    expect(normalizeHeader(" \u3000 ")).toBe("");
  });
});

describe("normalisation is a fixed point", () => {
  it("is idempotent for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = normalizeHeader(s);
        expect(normalizeHeader(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
  it("is idempotent for any Unicode text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = normalizeHeader(s);
        expect(normalizeHeader(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
  it("never leaves whitespace or a trailing colon", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = normalizeHeader(s);
        expect(/\s/u.test(n)).toBe(false);
        expect(n.endsWith(":")).toBe(false);
      }),
    );
  });
});
