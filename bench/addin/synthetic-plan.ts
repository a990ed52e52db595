import { mulberry32 as random } from "../../src/core/random/mulberry32";
import { blocksFromRowRoles, type ColumnKind, type ColumnPlan, type OutputTabId, type PlanValue, type StyleBlock, type StyleRole, type TabPlan, type WritePlan } from "../../src/core/output-tabs/write-plan";


const FORMATS: Record<ColumnKind, string> = { text: "@", number: "0.0", integer: "0", percent: "0%", date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" };

function col(id: string, header: string, kind: ColumnKind, width = 12, editable = false): ColumnPlan {
  return { id, header, kind, numberFormat: FORMATS[kind], width, editable };
}

const TIERS = ["A", "B", "C", "D", "资料不全"];
const TIER_ROLES: StyleRole[] = ["tierA", "tierB", "tierC", "tierD", "incomplete"];
const VERDICTS = ["维持关系", "改善关系", "终止关系"];
const VERDICT_ROLES: StyleRole[] = ["maintain", "improve", "end"];
const COMPANIES = ["华星贸易", "东方机械", "南山食品", "北辰物流", "西岭科技", "=HYPERLINK(\"http://x\")", "+86 138 0000 0000"];
const MANAGERS = ["张伟", "王芳", "李娜", "刘洋", "陈静"];

function tab(id: OutputTabId, name: string, tableName: string, columns: ColumnPlan[], rows: PlanValue[][], styles: StyleBlock[] = []): TabPlan {
  return { id, name, tableName, columns, rows, styles };
}

/**
 * A plan of the same shape as a real run's for `n` customers: roster, retention plan, one callback per
 * customer, churn warnings (a fifth), win-back (a twentieth), KPI with a chart, this run's history rows,
 * the supervisor's tabs (summary per manager, four strengthening rows per A/B customer, the action plan)
 * and a few data problems, with Chinese text, tier-coloured row blocks and scattered highlights.
 */
export function syntheticPlan(n: number, seed = 7): WritePlan {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const customers = Array.from({ length: n }, (_, i) => {
    const score = Math.round(rnd() * 1000) / 10;
    return { key: `C${String(i + 1).padStart(6, "0")}`, name: `${pick(COMPANIES)}${i}`, manager: pick(MANAGERS), score };
  }).sort((a, b) => b.score - a.score);
  const tierOf = (s: number): number => (s >= 85 ? 0 : s >= 70 ? 1 : s >= 55 ? 2 : s >= 20 ? 3 : 4);
  const verdictOf = (s: number): number => (s >= 70 ? 0 : s >= 40 ? 1 : 2);

  const roster = tab(
    "roster", "客户分级名册", "TierRoster",
    [col("rank", "排名", "integer", 7), col("key", "客户编号", "text", 14), col("name", "客户名称", "text", 24), col("manager", "客户经理", "text"),
      col("score", "最终得分", "number", 10), col("tier", "等级", "text", 10), col("verdict", "建议", "text", 11), col("coverage", "数据完整度", "percent", 11),
      col("top", "主要贡献指标", "text", 40), col("previousTier", "上次等级", "text", 10), col("movement", "变动", "text", 8),
      col("manualTier", "人工等级", "text", 10, true), col("manualReason", "调整原因", "text", 24, true)],
    customers.map((c, i) => [i + 1, c.key, c.name, c.manager, c.score, TIERS[tierOf(c.score)], VERDICTS[verdictOf(c.score)], 0.6 + rnd() * 0.4,
      `业务贡献 +${(c.score * 0.35).toFixed(1)}; 合作深度 +${(c.score * 0.3).toFixed(1)}; 满意度 +${(c.score * 0.2).toFixed(1)}`, pick(TIERS), pick(["↑", "↓", "—", "新"]), null, null]),
    [...blocksFromRowRoles(customers.map((c) => TIER_ROLES[tierOf(c.score)]), 0, 13), ...blocksFromRowRoles(customers.map((c) => VERDICT_ROLES[verdictOf(c.score)]), 6, 1)],
  );
  const retention = tab(
    "retention", "客户维护方案", "RetentionPlan",
    [col("key", "客户编号", "text", 14), col("name", "客户名称", "text", 24), col("tier", "等级", "text", 8), col("verdict", "建议", "text", 10), col("channel", "维护方式", "text", 10),
      col("frequency", "沟通频率", "text", 12), col("measures", "维护措施", "text", 40), col("owner", "负责人", "text", 10), col("budget", "费用预算", "number", 10),
      col("nextContact", "下次联系日期", "date", 12), col("review", "审核状态", "text", 10, true), col("progress", "执行情况", "text", 20, true), col("notes", "备注", "text", 20, true)],
    customers.map((c) => [c.key, c.name, TIERS[tierOf(c.score)], VERDICTS[verdictOf(c.score)], pick(["电话", "拜访", "微信", "邮件"]), pick(["每月拜访", "双月电话", "每季度", "每半年"]),
      "节日问候与礼品; 年度答谢会; 新产品试用", c.manager, pick([5000, 3000, 1000, 500]), 46000 + Math.floor(rnd() * 365), "待审核", null, null]),
    blocksFromRowRoles(customers.map((c) => VERDICT_ROLES[verdictOf(c.score)]), 3, 1),
  );
  const callbackRows = customers.map((c) => [c.key, c.name, pick(["购买后一周", "购买后4-6个月", "投诉后立即"]), pick(["解释", "宣传", "情感", "调解"]), pick(["满意度低", "很少联系", "随机抽样"]), 45900 + Math.floor(rnd() * 400), c.manager, "待回访", null]);
  const callbacks = tab(
    "callbacks", "电话回访计划", "CallbackSchedule",
    [col("key", "客户编号", "text", 14), col("name", "客户名称", "text", 24), col("type", "回访类型", "text", 16), col("content", "回访内容", "text", 10), col("basis", "选择依据", "text", 14),
      col("date", "计划日期", "date", 12), col("owner", "负责人", "text", 10), col("status", "状态", "text", 10, true), col("result", "回访结果", "text", 30, true)],
    callbackRows,
    blocksFromRowRoles(callbackRows.map((r) => ((r[5] as number) < 46000 ? "overdue" : null)), 0, 9),
  );
  const churnN = Math.floor(n / 5);
  const churnLevels = Array.from({ length: churnN }, () => (rnd() < 0.3 ? 1 : 0));
  const churn = tab(
    "churn", "流失预警", "ChurnWarnings",
    [col("key", "客户编号", "text", 14), col("name", "客户名称", "text", 24), col("tier", "等级", "text", 8), col("days", "未联系天数", "integer", 10), col("level", "预警级别", "text", 8), col("action", "建议措施", "text", 24)],
    churnLevels.map((lv, i) => [customers[i].key, customers[i].name, TIERS[tierOf(customers[i].score)], 60 + Math.floor(rnd() * 300), lv ? "红" : "黄", "电话或短信激活"]),
    blocksFromRowRoles(churnLevels.map((lv) => (lv ? "warnRed" : "warnYellow")), 4, 1),
  );
  const winN = Math.floor(n / 20);
  const winback = tab(
    "winback", "挽回方案", "WinBack",
    [col("key", "客户编号", "text", 14), col("name", "客户名称", "text", 24), col("value", "客户价值", "number"), col("winValue", "挽回价值", "number"), col("cost", "挽回成本", "number"),
      col("decision", "决定", "text", 8), col("cause", "流失原因", "text", 14), col("strategy", "挽回策略", "text", 14), col("contact", "联系方式", "text", 10)],
    Array.from({ length: winN }, (_, i) => [customers[n - 1 - i].key, customers[n - 1 - i].name, customers[n - 1 - i].score, 60, 40 + Math.floor(rnd() * 80), rnd() < 0.5 ? "挽回" : "放弃", "竞争流失", "提高竞争力", "拜访"]),
  );
  const kpiRows: PlanValue[][] = TIERS.map((t, i) => [`${t}级`, customers.filter((c) => tierOf(c.score) === i).length, 0.2, 70]);
  kpiRows.push(["留存率", 0.92, null, null], ["流失率", 0.08, null, null], ["NPS", 23, null, null]);
  const kpi: TabPlan = {
    ...tab("kpi", "指标看板", "KpiDashboard", [col("figure", "指标", "text", 16), col("value", "数值", "number"), col("share", "占比", "percent"), col("avg", "平均得分", "number")], kpiRows),
    chart: { kind: "column", title: "等级分布", firstRow: 0, rows: 5, labelCol: 0, valueCol: 1 },
  };
  const history = tab(
    "history", "评估历史", "TierHistory",
    [col("runAt", "评估时间", "datetime", 16), col("key", "客户编号", "text", 14), col("name", "客户名称", "text", 24), col("score", "最终得分", "number"), col("tier", "等级", "text", 8), col("verdict", "建议", "text", 10), col("model", "模型指纹", "text", 12)],
    customers.map((c) => [46349.5, c.key, c.name, c.score, TIERS[tierOf(c.score)], VERDICTS[verdictOf(c.score)], "m-3f9a2c"]),
  );
  const probN = Math.max(1, Math.floor(n / 50));
  const problemLevels = Array.from({ length: probN }, () => pick(["错误", "警告", "提示"]));
  const problems = tab(
    "problems", "数据问题", "DataProblems",
    [col("level", "级别", "text", 8), col("sheet", "工作表", "text", 16), col("cell", "单元格", "text", 8), col("customer", "客户", "text", 14), col("message", "问题", "text", 50)],
    problemLevels.map((lv, i) => [lv, "客户状况登记表", `F${i + 2}`, customers[i].key, "日均存款不是数字：“约一百万”，按缺失处理"]),
    blocksFromRowRoles(problemLevels.map((lv): StyleRole => (lv === "错误" ? "error" : lv === "警告" ? "warning" : "note")), 0, 1),
  );
  // The supervisor's tabs: a row per manager, four roles per A/B customer, and tier × module.
  const summary = tab(
    "summary", "客户维护总结表", "MaintenanceSummary",
    [col("manager", "客户经理", "text", 14), ...Array.from({ length: 31 }, (_, k) => col(`n${k}`, `计数${k}`, "integer", 8)), col("avg", "平均得分", "number"), col("change", "得分变化", "number")],
    [...MANAGERS, "合计"].map((m) => [m, ...Array.from({ length: 31 }, () => Math.floor(rnd() * 1000)), 60 + rnd() * 20, rnd() * 4 - 2]),
  );
  const ab = customers.filter((c) => tierOf(c.score) <= 1);
  const roles = ["总经理", "副总经理", "部门经理", "部门主管"];
  const strengthening = tab(
    "strengthening", "客户关系强化表", "RelationshipStrengthening",
    [col("key", "客户编号", "text", 14), col("name", "客户名称", "text", 24), col("tier", "等级", "text", 8), col("manager", "客户经理", "text"), col("role", "我方人员", "text", 14),
      col("counterpart", "对方对接人", "text", 14, true), col("influence", "影响力", "text", 12, true), col("rival", "同关键竞争对手关系", "text", 20, true),
      col("lead", "本单位负责人", "text", 14, true), col("measures", "强化措施", "text", 30, true), col("schedule", "时间安排", "text", 14, true), col("remarks", "备注", "text", 20, true)],
    ab.flatMap((c) => roles.map((r, k) => [c.key, c.name, TIERS[tierOf(c.score)], c.manager, r, k < 2 ? pick(["张法人", "李总"]) : null, null, null, null, null, null, null])),
    [...blocksFromRowRoles(ab.flatMap((c) => roles.map(() => TIER_ROLES[tierOf(c.score)])), 0, 5), ...(ab.length ? [{ role: "editable" as StyleRole, row: 0, rows: ab.length * 4, col: 5, cols: 7 }] : [])],
  );
  const modules = ["沟通互动", "个性化服务", "投诉处理", "关怀维系", "价值提升"];
  const actionPlan = tab(
    "actionPlan", "行动计划表", "ActionPlan",
    [col("tier", "等级", "text", 16), col("module", "行动模块", "text"), col("action", "具体行动项", "text", 50, true), col("owner", "责任部门/人", "text", 28, true),
      col("period", "起止时间", "text", 26, true), col("indicator", "关键衡量指标", "text", 36, true), col("resources", "所需资源支持", "text", 24, true),
      col("customers", "客户数", "integer", 8), col("budget", "预算合计", "number", 11), col("current", "现状", "text", 36)],
    TIERS.slice(0, 4).flatMap((t) => modules.map((m) => [t, m, "每月拜访；按电话回访计划回访", "客户经理", "全年，每月拜访", "按期联系率 100%", "费用预算 5,000 元/户/年", 100, 500000, "100 户；流失预警 黄 3／红 1"])),
  );
  const tabs = [roster, retention, callbacks, churn, winback, kpi, history, summary, strengthening, actionPlan, problems];
  return {
    lang: "zh-CN",
    tabs,
    meta: { product: "customer-tiers", version: 1, runAt: "2026-11-23T09:00:00.000Z", tabs: tabs.map((t) => ({ id: t.id, name: t.name })) },
  };
}
