import { buildChurnWarnings, churnWarning, CHURN_SPEC } from "./churn-warnings";
import { AS_OF, customer, day, recordsOf, settingsWith } from "./test-support";

const settings = settingsWith();
const rows = (cs: ReturnType<typeof customer>[], lang: "zh-CN" | "en-US" = "zh-CN") =>
  recordsOf(buildChurnWarnings(cs, settings, AS_OF, lang, lang === "zh-CN" ? "流失预警" : "Churn Warnings"));

describe("churn warnings: names in both languages", () => {
  it("uses the spec's tab name and headers", () => {
    expect([CHURN_SPEC.zh, CHURN_SPEC.en]).toEqual(["流失预警", "Churn Warnings"]);
    const tab = buildChurnWarnings([], settings, AS_OF, "en-US", "Churn Warnings");
    expect(tab.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["Days Idle", "Level", "Suggested Action"]));
    expect(tab.rows).toEqual([]);
  });
});

describe("churn warnings: days idle against the tier's warning days", () => {
  it("warns yellow past the limit and red past twice the limit (B: 60 days)", () => {
    const level = (idle: number) => churnWarning(customer("x", { tier: "B", reg: { lastContact: day(-idle) } }), settings, AS_OF)?.level ?? null;
    expect(level(60)).toBeNull();
    expect(level(61)).toBe("yellow");
    expect(level(120)).toBe("yellow");
    expect(level(121)).toBe("red");
  });

  it("counts from the last purchase when there is no last contact", () => {
    const r = rows([customer("p", { tier: "A", reg: { lastPurchase: day(-45) } })]);
    expect(r[0]).toMatchObject({ daysIdle: 45, warningDays: 30, level: "黄" });
  });

  it("uses the warning-days settings", () => {
    const s = settingsWith((x) => (x.warningDays.C = 10));
    expect(churnWarning(customer("c", { tier: "C", reg: { lastContact: day(-11) } }), s, AS_OF)?.level).toBe("yellow");
  });

  it("uses the manual tier's limit", () => {
    const c = customer("m", { computedTier: "D", manualTier: "A", reg: { lastContact: day(-40) } });
    expect(rows([c])[0]).toMatchObject({ tier: "A", computedTier: "D", warningDays: 30 });
  });

  it("ignores churned customers and customers without any date", () => {
    expect(rows([customer("g", { reg: { status: "churned", lastContact: day(-500) } }), customer("n", { reg: {} })])).toEqual([]);
  });
});

describe("churn warnings: open complaints", () => {
  it("lists a recently contacted customer with an open complaint, to settle it first", () => {
    const r = rows([customer("k", { tier: "B", reg: { lastContact: day(-2), openComplaint: true } })]);
    expect(r[0]).toMatchObject({ level: "黄", reason: "有未结投诉", action: "先处理未结投诉（调解）" });
    const en = rows([customer("k", { tier: "B", reg: { lastContact: day(-200), openComplaint: true } })], "en-US");
    expect(en[0]).toMatchObject({ level: "Red", reason: "Idle past twice the warning days, Open complaint" });
    expect(en[0].action).toBe("Settle the open complaint first (mediate); Reactivation phone call");
  });
});

describe("churn warnings: suggested action", () => {
  it("visits A customers, calls B and C, texts D (a red D still gets a call)", () => {
    const act = (tier: "A" | "B" | "C" | "D", idle: number) =>
      rows([customer(tier, { tier, reg: { lastContact: day(-idle) } })], "en-US")[0].action;
    expect(act("A", 31)).toMatch(/^Visit by the account manager/);
    expect(act("B", 61)).toBe("Reactivation phone call");
    expect(act("C", 91)).toBe("Reactivation phone call");
    expect(act("D", 181)).toBe("Reactivation SMS");
    expect(act("D", 361)).toBe("Reactivation phone call");
    expect(rows([customer("A", { tier: "A", reg: { lastContact: day(-31) } })])[0].action).toBe("客户经理上门拜访，了解原因并激活");
  });
});

describe("churn warnings: order and colours", () => {
  it("puts red first, most idle first, coloured by level in blocks", () => {
    const tab = buildChurnWarnings(
      [
        customer("y1", { tier: "B", reg: { lastContact: day(-70) } }),
        customer("r1", { tier: "B", reg: { lastContact: day(-130) } }),
        customer("y2", { tier: "B", reg: { lastContact: day(-90) } }),
        customer("r2", { tier: "B", reg: { lastContact: day(-300) } }),
      ],
      settings, AS_OF, "zh-CN", "流失预警",
    );
    expect(recordsOf(tab).map((r) => r.key)).toEqual(["r2", "r1", "y2", "y1"]);
    expect(tab.styles).toEqual([
      { role: "warnRed", row: 0, rows: 2, col: 0, cols: CHURN_SPEC.columns.length },
      { role: "warnYellow", row: 2, rows: 2, col: 0, cols: CHURN_SPEC.columns.length },
    ]);
  });
});
