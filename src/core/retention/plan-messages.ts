import type { MessageCatalogue, ProblemParams } from "../problems/problem";

const s = (p: ProblemParams, k: string): string => String(p[k] ?? "");

/** Messages the plan tabs emit, in plain words, both languages. */
export const PLAN_MESSAGES: MessageCatalogue = {
  "plan.editCustomerGone": {
    zh: (p) =>
      `客户“${s(p, "key")}”已不在客户名单中，上次在“${s(p, "sheet")}” ${s(p, "cell")} 所在行填写的内容无法保留到新表，请自行留存：${s(p, "valuesZh")}`,
    en: (p) =>
      `Customer "${s(p, "key")}" is no longer among the customers; what was typed in the row at ${s(p, "sheet")}!${s(p, "cell")} could not be kept in the new tab, so keep it yourself: ${s(p, "valuesEn")}`,
  },
  "plan.editRowGone": {
    zh: (p) =>
      `客户“${s(p, "key")}”已不再列入“${s(p, "sheet")}”，上次在 ${s(p, "cell")} 所在行填写的内容无法保留到新表，请自行留存：${s(p, "valuesZh")}`,
    en: (p) =>
      `Customer "${s(p, "key")}" is no longer listed on "${s(p, "sheet")}"; what was typed in the row at ${s(p, "cell")} could not be kept in the new tab, so keep it yourself: ${s(p, "valuesEn")}`,
  },
  "plan.badChannelSetting": {
    zh: (p) => `设置“维护方式${s(p, "tier")}”的值“${s(p, "text")}”无法识别（可选：拜访、电话、短信、邮件、微信、会议），按 ${s(p, "defaultZh")} 处理。`,
    en: (p) => `Setting "Contact Method ${s(p, "tier")}": "${s(p, "text")}" is not recognised (one of: visit, phone, SMS, email, WeChat, meeting); ${s(p, "defaultEn")} is used.`,
  },
  "plan.historyRunsDropped": {
    zh: (p) => `评估历史最多保留 ${s(p, "max")} 次运行（设置“历史保留次数”），已删除最早的 ${s(p, "runs")} 次：${s(p, "labels")}。`,
    en: (p) => `The history keeps at most ${s(p, "max")} runs (setting "History Runs"); the ${s(p, "runs")} oldest were dropped: ${s(p, "labels")}.`,
  },
  "plan.historyConverted": {
    zh: (p) => `评估历史原为每次运行每位客户一行，已转换为每位客户一行（${s(p, "runs")} 次运行、${s(p, "rows")} 行，得分和等级均已保留）。`,
    en: (p) => `The history was in the old form (one row per customer per run); it now has one row per customer (${s(p, "runs")} runs, ${s(p, "rows")} rows, every score and tier kept).`,
  },
  "plan.pastCallsNotPlanned": {
    zh: (p) => `有 ${s(p, "count")} 个回访按规则应在评估日期之前进行，但此前没有任何一次运行安排过，因此未列入“${s(p, "sheet")}”（回访从评估日期起安排）。`,
    en: (p) => `${s(p, "count")} call(s) fell before the as-of date but no earlier run had planned them, so they are not listed on "${s(p, "sheet")}" (calls are planned from the as-of date on).`,
  },
  "plan.pseudoChurn": {
    zh: (p) => `客户“${s(p, "key")}”标为流失，但 ${s(p, "days")} 天前仍有购买或联系（预警天数 ${s(p, "limit")} 天内）：疑似伪流失，请核实客户状态。若下次运行时状态仍为流失，则按流失处理。`,
    en: (p) => `Customer "${s(p, "key")}" is marked churned but bought or was contacted ${s(p, "days")} days ago (within its ${s(p, "limit")} warning days): suspected pseudo-churn, please check its status. If it is still churned on the next run, it is treated as churned.`,
  },
};
