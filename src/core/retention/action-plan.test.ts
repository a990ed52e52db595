import { CarryOver, readPreviousOutputs } from "../output-tabs/previous-outputs";
import { META_SHEET_NAME, metaRows, type TabPlan } from "../output-tabs/write-plan";
import type { WorkbookModel } from "../workbook/grid";
import { ACTION_PLAN_SPEC, buildActionPlan } from "./action-plan";
import { tierChannels } from "./retention-plan";
import { AS_OF, carryFrom, customer, day, recordsOf, settingsWith } from "./test-support";

const settings = settingsWith();
const channels = tierChannels(settings);
const cs = () => [
  customer("A1", { tier: "A", score: 90, reg: { lastContact: day(-70) } }),
  customer("A2", { tier: "A", score: 86, verdict: "maintain", reg: { openComplaint: true, lastContact: day(-1) } }),
  customer("B1", { tier: "B", score: 72, verdict: "improve", reg: { potential: "high" } }),
  customer("D1", { tier: "D", score: 20, verdict: "end", reg: { status: "churned" } }),
];
const build = (lang: "zh-CN" | "en-US" = "zh-CN", carry = carryFrom()) =>
  buildActionPlan(cs(), settings, AS_OF, lang, lang === "zh-CN" ? "行动计划表" : "Action Plan", carry, channels);

describe("行动计划表: seed 001's six columns, one row per tier × module", () => {
  it("has 4 tiers × 5 modules, 行动模块 沟通互动 … 价值提升", () => {
    const rows = recordsOf(build());
    expect(rows).toHaveLength(20);
    expect(rows.slice(0, 5).map((r) => r.module)).toEqual(["沟通互动", "个性化服务", "投诉处理", "关怀维系", "价值提升"]);
    expect([...new Set(rows.map((r) => r.tier))]).toEqual(["A 核心价值客户", "B 重要发展客户", "C 潜力培育客户", "D 一般维持客户"]);
    expect(ACTION_PLAN_SPEC.columns.slice(1, 7).map((c) => c.zh)).toEqual(["行动模块", "具体行动项", "责任部门/人", "起止时间", "关键衡量指标", "所需资源支持"]);
  });

  it("is pre-filled from the tier policy (frequency, budget, complaint lines) and the counts of active customers", () => {
    const rows = recordsOf(build());
    const a = rows.filter((r) => r.tier === "A 核心价值客户");
    expect(a[0].action).toMatch(/^每月拜访；/);
    expect(a[0].resources).toBe("费用预算 5,000 元/户/年");
    expect(a[0]).toMatchObject({ customers: 2, budget: 10_000, current: "2 户；流失预警 黄 1／红 1" }); // red: idle 70 > 2 × 30; yellow: the open complaint
    expect(a[2].action).toMatch(/^24 小时内回复，7 天内解决/);
    expect(a[2].current).toBe("未结投诉 1 户；有投诉记录 0 户");
    const b = rows.filter((r) => r.tier === "B 重要发展客户");
    expect(b[1].current).toBe("维持关系 0／改善关系 1／终止关系 0");
    expect(b[4].current).toBe("平均得分 72.0；发展潜力高 1 户");
    // The churned D customer is on the win-back list, not in the plan's counts.
    expect(rows.find((r) => r.tier === "D 一般维持客户")).toMatchObject({ customers: 0, budget: 0 });
  });
});

describe("行动计划表: the plan columns are editable and kept by tier + module", () => {
  it("keeps what users typed, also in the other language; the untouched pre-fill follows the language", () => {
    const first = build();
    const wb: WorkbookModel = {
      sheets: [
        { name: first.name, values: [first.columns.map((c) => c.header), ...first.rows.map((r) => [...r])] },
        { name: META_SHEET_NAME, values: metaRows({ product: "customer-tiers", version: 1, runAt: "x", tabs: [{ id: "actionPlan", name: first.name }] }) },
      ],
    };
    const col = (tab: TabPlan, id: string) => tab.columns.findIndex((c) => c.id === id);
    wb.sheets[0].values[1 + 5][col(first, "owner")] = "对公部 刘洋";
    wb.sheets[0].values[1 + 0][col(first, "period")] = "2024年7月—12月";
    const carry = new CarryOver(readPreviousOutputs(wb, [ACTION_PLAN_SPEC]), [ACTION_PLAN_SPEC]);
    const second = recordsOf(build("en-US", carry));
    expect(second[5]).toMatchObject({ tier: "B key growth", module: "Communication", owner: "对公部 刘洋" });
    expect(second[0]).toMatchObject({ period: "2024年7月—12月", resources: "Budget 5,000 per customer per year" });
    expect(second[0].action).toMatch(/^Monthly visit; /);
    expect(carry.unclaimed()).toEqual([]);
  });
});
