import { buildRetentionPlan, frequencyText, nextContact, RETENTION_SPEC, tierChannels } from "./retention-plan";
import { ProblemLog } from "../problems/problem";
import { AS_OF, carryFrom, customer, day, recordsOf, settingsWith } from "./test-support";

const settings = settingsWith();
const build = (cs = [customer("C1")], lang: "zh-CN" | "en-US" = "zh-CN", carry = carryFrom(), s = settings) =>
  buildRetentionPlan(cs, s, AS_OF, lang, lang === "zh-CN" ? "客户维护方案" : "Retention Plan", carry);

describe("retention plan: names and headers in both languages", () => {
  it("uses the spec's names", () => {
    expect(RETENTION_SPEC.zh).toBe("客户维护方案");
    expect(RETENTION_SPEC.en).toBe("Retention Plan");
    const zh = build().columns.map((c) => c.header);
    expect(zh).toEqual(expect.arrayContaining(["维护方式", "沟通频率", "维护措施", "负责人", "费用预算", "下次联系日期", "审核状态", "执行情况", "备注"]));
    const en = build(undefined, "en-US").columns.map((c) => c.header);
    expect(en).toEqual(expect.arrayContaining(["Contact Method", "Contact Frequency", "Measures", "Owner", "Budget", "Next Contact", "Review Status"]));
  });

  it("marks exactly the last three columns editable", () => {
    expect(build().columns.filter((c) => c.editable).map((c) => c.id)).toEqual(["reviewStatus", "execution", "remarks"]);
  });
});

describe("retention plan: contact frequency by tier", () => {
  it("defaults to A monthly visit, B bi-monthly call, C quarterly, D half-yearly", () => {
    const cs = (["A", "B", "C", "D"] as const).map((t) => customer(t, { tier: t }));
    const zh = recordsOf(build(cs)).map((r) => r.frequency);
    expect(zh).toEqual(["每月拜访", "每两月电话", "每季电话", "每半年短信"]);
    const en = recordsOf(build(cs, "en-US")).map((r) => r.frequency);
    expect(en).toEqual(["Monthly visit", "Bi-monthly call", "Quarterly call", "Half-yearly SMS"]);
  });

  it("follows the settings", () => {
    const s = settingsWith((x) => {
      x.plan.frequencyDays.A = 45;
      x.plan.frequencyChannel.A = "电话";
    });
    expect(recordsOf(build([customer("X", { tier: "A" })], "zh-CN", carryFrom(), s))[0].frequency).toBe("每45天电话");
    expect(frequencyText(45, "visit", "en-US")).toBe("Visit every 45 days");
  });

  it("reports an unreadable channel setting and uses the default", () => {
    const log = new ProblemLog();
    const ch = tierChannels(settingsWith((x) => (x.plan.frequencyChannel.B = "飞鸽传书")), log);
    expect(ch.B).toBe("phone");
    expect(log.items).toEqual([expect.objectContaining({ level: "warning", code: "plan.badChannelSetting" })]);
  });

  it("keeps the tier's channel and shows the register's channel beside it as the preferred one", () => {
    const r = recordsOf(build([customer("W", { tier: "A", reg: { channel: "wechat" } })], "en-US"))[0];
    expect(r).toMatchObject({ channel: "Visit", frequency: "Monthly visit", preferredChannel: "WeChat" });
  });
});

describe("retention plan: the manual tier drives the plan", () => {
  it("plans a customer computed D but set to A by hand as an A customer, showing D beside it", () => {
    const c = customer("M", { computedTier: "D", manualTier: "A", score: 30, verdict: "end" });
    const r = recordsOf(build([c]))[0];
    expect(r.tier).toBe("A");
    expect(r.computedTier).toBe("D");
    expect(r.budget).toBe(0); // 终止关系 still stops spending
    const c2 = customer("M2", { computedTier: "D", manualTier: "A", score: 60, verdict: "improve" });
    const r2 = recordsOf(build([c2]))[0];
    expect(r2.budget).toBe(5000);
    expect(r2.frequency).toBe("每月拜访");
    expect(String(r2.measures)).toContain("年度答谢会");
  });
});

describe("retention plan: budget, owner and next contact", () => {
  it("budgets by tier and names the account manager", () => {
    const rows = recordsOf(build([customer("A1", { tier: "A", reg: { accountManager: "王经理" } }), customer("C1", { tier: "C" })]));
    expect(rows.map((r) => r.budget)).toEqual([5000, 800]);
    expect(rows[0].owner).toBe("王经理");
  });

  it("plans the next contact at last contact + interval, never before today", () => {
    expect(nextContact(customer("a", { tier: "A", reg: { lastContact: day(-10) } }), settings, AS_OF)).toBe(day(20));
    expect(nextContact(customer("b", { tier: "A", reg: { lastContact: day(-100) } }), settings, AS_OF)).toBe(AS_OF);
    expect(nextContact(customer("c", { tier: "B", reg: { lastPurchase: day(-20) } }), settings, AS_OF)).toBe(day(40));
    expect(nextContact(customer("d", { tier: "B" }), settings, AS_OF)).toBe(AS_OF);
  });

  it("plans no contact for 终止关系, churned and transferred customers", () => {
    expect(nextContact(customer("e", { tier: "D", verdict: "end", reg: { lastContact: day(-1) } }), settings, AS_OF)).toBeNull();
    expect(nextContact(customer("f", { reg: { status: "churned" } }), settings, AS_OF)).toBeNull();
    expect(nextContact(customer("t", { reg: { status: "transferred" } }), settings, AS_OF)).toBeNull();
  });
});

describe("retention plan: 资料不全 customers", () => {
  it("get a row saying the data must be completed first, due today", () => {
    const r = recordsOf(build([customer("I", { computedTier: "incomplete", score: 60 })], "en-US"))[0];
    expect(r.tier).toBe("Incomplete");
    expect(String(r.measures)).toMatch(/^Data incomplete/);
    expect(r.nextContact).toBe(AS_OF);
    expect(r.budget).toBe(0);
    expect(r.verdict).toBeNull();
  });
});

describe("retention plan: order and colours", () => {
  it("sorts by tier then score and colours tiers by block, editable columns as one block", () => {
    const cs = [customer("d", { tier: "D", score: 20 }), customer("a2", { tier: "A", score: 86 }), customer("a1", { tier: "A", score: 95 }), customer("i", { computedTier: "incomplete" })];
    const tab = build(cs);
    expect(recordsOf(tab).map((r) => r.key)).toEqual(["a1", "a2", "d", "i"]);
    expect(tab.styles).toEqual([
      { role: "tierA", row: 0, rows: 2, col: 0, cols: 14 },
      { role: "tierD", row: 2, rows: 1, col: 0, cols: 14 },
      { role: "incomplete", row: 3, rows: 1, col: 0, cols: 14 },
      { role: "editable", row: 0, rows: 4, col: 14, cols: 3 },
    ]);
  });
});

describe("retention plan: editable columns keep what users typed", () => {
  it("defaults 审核状态 to 待审核 (Pending review in English)", () => {
    expect(recordsOf(build())[0].reviewStatus).toBe("待审核");
    expect(recordsOf(build(undefined, "en-US"))[0].reviewStatus).toBe("Pending review");
  });

  it("keeps typed values by customer key", () => {
    const carry = carryFrom({ retention: { records: [{ key: "C1", reviewStatus: "已通过", execution: "已送礼品", remarks: "年底复核" }] } });
    const r = recordsOf(build([customer("C0"), customer("C1")], "zh-CN", carry)).find((x) => x.key === "C1")!;
    expect([r.reviewStatus, r.execution, r.remarks]).toEqual(["已通过", "已送礼品", "年底复核"]);
    expect(carry.unclaimed()).toEqual([]);
  });

  it("shows the other language's default in this language", () => {
    const carry = carryFrom({ retention: { records: [{ key: "C1", reviewStatus: "Pending review", execution: null, remarks: "note" }] } });
    const r = recordsOf(build([customer("C1")], "zh-CN", carry))[0];
    expect(r.reviewStatus).toBe("待审核");
    expect(r.remarks).toBe("note");
  });
});
