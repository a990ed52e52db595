import { buildKpiDashboard, KEY_FIELDS, kpiFigures, KPI_SPEC } from "./kpi-dashboard";
import { customer, day, recordsOf } from "./test-support";

const none = { winBack: 0, overdueCalls: 0 };

describe("KPI: customers by tier (effective tier) and verdict", () => {
  it("counts, shares and average scores by tier", () => {
    const cs = [
      customer("a1", { tier: "A", score: 90 }), customer("a2", { tier: "A", score: 80 }),
      customer("m", { computedTier: "D", manualTier: "B", score: 30, verdict: "end" }),
      customer("i", { computedTier: "incomplete", score: null }),
    ];
    const f = kpiFigures(cs, none);
    expect(f.byTier.A).toEqual({ count: 2, avgScore: 85 });
    expect(f.byTier.B).toEqual({ count: 1, avgScore: 30 });
    expect(f.byTier.D).toEqual({ count: 0, avgScore: null });
    expect(f.byTier.incomplete).toEqual({ count: 1, avgScore: null });
    expect(f.byVerdict).toEqual({ maintain: 2, improve: 0, end: 1 });
    const r = recordsOf(buildKpiDashboard(cs, "zh-CN", "指标看板", none));
    expect(r.slice(0, 5).map((x) => [x.figure, x.count, x.share])).toEqual([["A 核心价值客户", 2, 0.5], ["B 重要发展客户", 1, 0.25], ["C 潜力培育客户", 0, 0], ["D 一般维持客户", 0, 0], ["资料不全", 1, 0.25]]);
    expect(r.find((x) => x.figure === "终止关系")).toMatchObject({ count: 1, share: 0.25 });
    expect(r.find((x) => x.figure === "客户总数")).toMatchObject({ count: 4, value: (90 + 80 + 30) / 3 });
  });
});

describe("KPI: retention, churn and planned win-back share", () => {
  it("retention = active ÷ customers with a status; churn the rest; win-back = 挽回 ÷ churned", () => {
    const cs = [customer("1"), customer("2"), customer("3"), customer("4", { reg: { status: "churned" } }), customer("5", { reg: { status: undefined } })];
    const f = kpiFigures(cs, { winBack: 1, overdueCalls: 0 });
    expect(f.retentionRate).toBe(0.75);
    expect(f.churnRate).toBe(0.25);
    expect(f.winBackRate).toBe(1);
    expect(kpiFigures([customer("x", { reg: { status: undefined } })], none)).toMatchObject({ retentionRate: null, churnRate: null, winBackRate: null });
    const en = recordsOf(buildKpiDashboard(cs, "en-US", "KPI Dashboard", { winBack: 1, overdueCalls: 0 }));
    expect(en.find((x) => x.figure === "Retention rate")).toMatchObject({ count: 3, share: 0.75 });
    expect(en.find((x) => x.figure === "Planned win-back share")).toMatchObject({ count: 1, share: 1 });
  });
});

describe("KPI: satisfaction and NPS", () => {
  it("averages satisfaction over customers with a value", () => {
    const f = kpiFigures([customer("1", { reg: { satisfaction: 80 } }), customer("2", { reg: { satisfaction: 50 } }), customer("3")], none);
    expect(f).toMatchObject({ satisfactionCount: 2, avgSatisfaction: 65 });
  });

  it("NPS = % promoters (9–10) − % detractors (0–6) over customers with a value", () => {
    const ltr = (vals: number[]) => kpiFigures(vals.map((v, i) => customer(String(i), { reg: { likelihoodToRecommend: v } })), none).nps;
    expect(ltr([10, 10, 7, 3])).toBe(25);
    expect(ltr([9, 8, 7, 6])).toBe(0);
    expect(ltr([0, 6])).toBe(-100);
    expect(ltr([])).toBeNull();
  });
});

describe("KPI: information completeness, complaints, overdue calls", () => {
  it("shares key register fields filled; counts fully complete customers", () => {
    const full = customer("f", {
      reg: { name: "华星", address: "路1号", contact: "138", accountManager: "王", channel: "phone", potential: "high", satisfaction: 80, firstPurchase: day(-100), lastContact: day(-1), status: "active" },
    });
    const half = customer("h", { reg: { name: "东方", status: "active" } });
    const f = kpiFigures([full, half, customer("e", { reg: null })], none);
    expect(KEY_FIELDS).toHaveLength(10);
    expect(f.completeCustomers).toBe(1);
    expect(f.completeness).toBeCloseTo(12 / 30);
  });

  it("counts open complaints and passes the overdue calls through", () => {
    const f = kpiFigures([customer("1", { reg: { openComplaint: true } }), customer("2", { reg: { openComplaint: false } })], { winBack: 0, overdueCalls: 7 });
    expect([f.openComplaints, f.overdueCalls]).toEqual([1, 7]);
  });
});

describe("KPI: the tier chart and both languages", () => {
  it("charts the five tier rows", () => {
    const tab = buildKpiDashboard([customer("1")], "zh-CN", "指标看板", none);
    expect(tab.chart).toEqual({ kind: "column", title: "客户等级分布", firstRow: 0, rows: 5, labelCol: 1, valueCol: 2 });
    expect(tab.rows.slice(0, 5).map((r) => r[1])).toEqual(["A 核心价值客户", "B 重要发展客户", "C 潜力培育客户", "D 一般维持客户", "资料不全"]);
    expect(tab.styles.map((b) => [b.role, b.row])).toEqual([["tierA", 0], ["tierB", 1], ["tierC", 2], ["tierD", 3], ["incomplete", 4], ["maintain", 6], ["improve", 7], ["end", 8]]);
    const en = buildKpiDashboard([customer("1")], "en-US", "KPI Dashboard", none);
    expect(en.chart?.title).toBe("Customers by tier");
    expect(en.columns.map((c) => c.header)).toEqual(["Section", "Figure", "Count", "Share", "Value", "Definition"]);
    expect([KPI_SPEC.zh, KPI_SPEC.en]).toEqual(["指标看板", "KPI Dashboard"]);
    expect(recordsOf(en).map((r) => r.figure)).toEqual(expect.arrayContaining(["NPS", "Information completeness", "Open complaints", "Overdue calls", "Average satisfaction", "Churn rate"]));
  });
});
