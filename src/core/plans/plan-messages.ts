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
  "plan.historyTrimmed": {
    zh: (p) => `评估历史超过 ${s(p, "max")} 行，已删除最早的 ${s(p, "runs")} 次运行（共 ${s(p, "rows")} 行）。`,
    en: (p) => `The history exceeded ${s(p, "max")} rows; the ${s(p, "runs")} oldest run(s) (${s(p, "rows")} rows) were dropped.`,
  },
};
