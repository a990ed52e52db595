import fc from "fast-check";
import { REGISTER_FIELDS } from "../register/fields";
import { normalizeHeader } from "../text/normalize-header";
import { aliasMatcher, headerLanguage, registerFieldMatcher } from "./alias-matcher";

const match = (text: string) => registerFieldMatcher(normalizeHeader(text));

describe("register columns are recognised by their Chinese and English headers", () => {
  it.each(REGISTER_FIELDS.flatMap((f) => [...f.zh, ...f.en].map((name) => [name, f.id] as const)))(
    "reads the header %s as %s",
    (name, id) => {
      expect(match(name)).toBe(id);
    },
  );
  it("reads headers with full-width colon, spaces and other case", () => {
    expect(match("客户名称：")).toBe("name");
    expect(match(" customer  id ")).toBe("id");
    expect(match("ＩＤ")).toBe("id");
    expect(match("客户\u3000编号")).toBe("id");
    expect(match("AVG DAILY DEPOSITS:")).toBe("dailyDeposit");
  });
  it("reads nothing from an unknown header", () => {
    expect(match("备注")).toBeUndefined();
    expect(match("")).toBeUndefined();
  });
  it("recognises every listed header whatever spaces and case it is typed with", () => {
    const names = REGISTER_FIELDS.flatMap((f) => [...f.zh, ...f.en].map((n) => ({ n, id: f.id })));
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(" ", "\u3000", "\u00A0", ""), fc.boolean(), ({ n, id }, pad, upper) => {
        const typed = `${pad}${upper ? n.toUpperCase() : n.toLowerCase()}${pad}:`;
        expect(match(typed)).toBe(id);
      }),
    );
  });
});

describe("alias matchers for any table of names", () => {
  const m = aliasMatcher([
    { id: "indicator", names: ["分析指标", "Indicator"] },
    { id: "weight", names: ["指标权重", "权重", "Weight"] },
    { id: "other", names: ["权重"] },
  ]);
  it("matches names after normalisation", () => {
    expect(m(normalizeHeader("分析指标："))).toBe("indicator");
    expect(m(normalizeHeader(" WEIGHT "))).toBe("weight");
  });
  it("keeps the earlier entry when two entries share a name", () => {
    expect(m("权重")).toBe("weight");
  });
  it("expects an already normalised header (it is a plain lookup)", () => {
    expect(m("Indicator")).toBeUndefined();
    expect(m("indicator")).toBe("indicator");
  });
  it("ignores names that normalise to nothing", () => {
    const blank = aliasMatcher([{ id: "x", names: [" ", ":"] }]);
    expect(blank("")).toBeUndefined();
  });
});

describe("header language", () => {
  it("is zh-CN when any header contains Chinese characters", () => {
    expect(headerLanguage(["Customer ID", "客户名称"])).toBe("zh-CN");
  });
  it("is en-US when all headers are Latin", () => {
    expect(headerLanguage(["Customer ID", "Name", "Satisfaction"])).toBe("en-US");
  });
  it("is en-US for no headers", () => {
    expect(headerLanguage([])).toBe("en-US");
  });
  it("counts full-width punctuation as Chinese", () => {
    expect(headerLanguage(["ID：", "Name"])).toBe("zh-CN");
  });
  it("with a matcher, ignores headers that are not recognised", () => {
    expect(headerLanguage(["Customer ID", "Name", "备注"], registerFieldMatcher)).toBe("en-US");
    expect(headerLanguage(["Customer ID", "客户名称"], registerFieldMatcher)).toBe("zh-CN");
  });
});
