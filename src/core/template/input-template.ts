import type { Lang } from "../i18n/lang";
import { choiceWarning } from "../output-tabs/working-tool";
import { fitColumns } from "../output-tabs/working-tool";
import type { ColumnPlan, PlanValue, TabPlan, TemplatePlan, TemplateTabId } from "../output-tabs/write-plan";
import { REGISTER_FIELDS, type FieldKind, type RegisterFieldId } from "../register/fields";
import { SETTING_DEFS } from "../settings/settings";

/**
 * The blank input template (customer-tiers --template, and later the task pane's "insert template
 * sheets"): the register, evaluation, model and settings sheets with the headers the reader knows,
 * drop-downs where the values are fixed, and one example row each. Pure data; adapters write it.
 */

type Words = { zh: string[]; en: string[] };

/** Drop-down values by register field kind (the words the reader understands). */
const KIND_CHOICES: Partial<Record<FieldKind, Words>> = {
  operatingStatus: { zh: ["良好", "一般", "较差"], en: ["Good", "Fair", "Poor"] },
  yesno: { zh: ["已使用", "未使用"], en: ["Yes", "No"] },
  channel: { zh: ["电话", "邮件", "短信", "微信", "拜访", "会议"], en: ["Phone", "Email", "SMS", "WeChat", "Visit", "Meeting"] },
  potential: { zh: ["高", "中", "低"], en: ["High", "Medium", "Low"] },
  satisfaction: {
    zh: ["非常满意", "满意", "比较满意", "一般", "不太满意", "不满意", "非常不满意"],
    en: ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"],
  },
  status: { zh: ["正常", "新客户", "休眠", "流失", "转出", "已回流"], en: ["Active", "New", "Dormant", "Churned", "Transferred out", "Returned"] },
  churnCause: {
    zh: ["服务意识淡薄", "细节疏忽", "企业自身问题", "竞争流失", "员工流动", "搬迁", "破产", "其他"],
    en: ["Service attitude", "Detail neglect", "Company's own problem", "Competition", "Staff turnover", "Relocation", "Bankruptcy", "Other"],
  },
};

/** 未结投诉 is yes/no rather than used/not used. */
const YES_NO: Words = { zh: ["是", "否"], en: ["Yes", "No"] };

/** The example customer, by register field (first choice words where a list applies). */
const EXAMPLE: Partial<Record<RegisterFieldId, { zh: PlanValue; en: PlanValue }>> = {
  id: { zh: "C001", en: "C001" },
  name: { zh: "示例贸易有限公司", en: "Example Trading Ltd" },
  address: { zh: "示例市人民路 1 号", en: "1 Example Road" },
  legalRep: { zh: "张三", en: "Zhang San" },
  generalManager: { zh: "李四", en: "Li Si" },
  contact: { zh: "010-12345678", en: "010-12345678" },
  mainBusiness: { zh: "建材批发", en: "Building materials" },
  employees: { zh: 120, en: 120 },
  otherBanks: { zh: "工商银行", en: "ICBC" },
  dailyDeposit: { zh: 2500000, en: 2500000 },
  dailyLoan: { zh: 800000, en: 800000 },
  annualSpend: { zh: 1200000, en: 1200000 },
  accountManager: { zh: "王芳", en: "Wang Fang" },
  contactFrequency: { zh: "每月", en: "Monthly" },
  likelihoodToRecommend: { zh: 9, en: 9 },
  complaints: { zh: 0, en: 0 },
  winbackCost: { zh: 0, en: 0 },
};

/** Example dates: serial days (2024-01-15, 2024-05-20, 2024-06-10) shown as dates. */
const EXAMPLE_DATES: Partial<Record<RegisterFieldId, number>> = { firstPurchase: 45306, lastPurchase: 45432, lastContact: 45453 };

function pickWords(w: Words, lang: Lang): string[] {
  return lang === "zh-CN" ? w.zh : w.en;
}

function col(id: string, header: string, kind: ColumnPlan["kind"], extra: Partial<ColumnPlan> = {}): ColumnPlan {
  const formats: Record<ColumnPlan["kind"], string> = { text: "@", number: "General", integer: "0", percent: "0%", date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" };
  return { id, header, kind, numberFormat: formats[kind], width: 12, editable: true, ...extra };
}

function sheet(id: TemplateTabId, name: string, tableName: string, columns: ColumnPlan[], row: PlanValue[], lang: Lang): TabPlan<TemplateTabId> {
  const tab: TabPlan<TemplateTabId> = { id, name, tableName, columns, rows: [row], styles: [] };
  const fitted: TabPlan<TemplateTabId> = { ...tab, columns: fitColumns(tab) };
  if (columns.some((c) => c.choices)) fitted.choiceWarning = choiceWarning(lang);
  return fitted;
}

function registerSheet(lang: Lang): TabPlan<TemplateTabId> {
  const zh = lang === "zh-CN";
  const columns: ColumnPlan[] = [];
  const row: PlanValue[] = [];
  for (const f of REGISTER_FIELDS) {
    const header = zh ? f.zh[0] : f.en[0];
    const words = f.id === "openComplaint" ? YES_NO : KIND_CHOICES[f.kind];
    const kind: ColumnPlan["kind"] = f.kind === "date" ? "date" : f.kind === "integer" || f.kind === "nps" ? "integer" : f.kind === "amount" ? "number" : "text";
    const c = col(f.id, header, kind, words ? { choices: pickWords(words, lang) } : {});
    if (f.kind === "amount") c.numberFormat = "#,##0";
    columns.push(c);
    const example = EXAMPLE[f.id];
    const date = EXAMPLE_DATES[f.id];
    // An active example customer has no churn cause.
    const first = words && f.id !== "churnCause" ? pickWords(words, lang)[0] : null;
    row.push(date ?? (example ? (zh ? example.zh : example.en) : first));
  }
  return sheet("templateRegister", zh ? "客户状况登记表" : "Customer Register", "CustomerRegister", columns, row, lang);
}

function evaluationSheet(lang: Lang): TabPlan<TemplateTabId> {
  const zh = lang === "zh-CN";
  const h = (a: string, b: string): string => (zh ? a : b);
  const columns = [
    col("id", h("客户编号", "Customer ID"), "text"),
    col("name", h("客户名称", "Customer"), "text"),
    col("indicator", h("分析指标", "Indicator"), "text", { note: h("分析指标：与“评估模型”中的指标同名。", "Indicator: named as on the Model sheet.") }),
    col("weight", h("指标权重", "Weight"), "number"),
    col("score", h("指标得分", "Score"), "number", { note: h("指标得分：0 至满分之间的数。", "Score: a number from 0 to the max score.") }),
    col("max", h("满分", "Max Score"), "number"),
    col("basis", h("根据", "Basis"), "text"),
    col("notes", h("备注", "Notes"), "text"),
  ];
  const row: PlanValue[] = ["C001", h("示例贸易有限公司", "Example Trading Ltd"), h("业务贡献", "Business Contribution"), 100, 85, 100, h("日均存款 250 万", "Deposits 2.5M daily"), null];
  return sheet("templateEvaluation", h("客户关系评估表", "Evaluation"), "Evaluation", columns, row, lang);
}

function modelSheet(lang: Lang): TabPlan<TemplateTabId> {
  const zh = lang === "zh-CN";
  const h = (a: string, b: string): string => (zh ? a : b);
  const columns = [
    col("indicator", h("指标", "Indicator"), "text"),
    col("weight", h("权重", "Weight"), "number", { note: h("权重：30、30% 或 0.3 均可，同一列写法一致即可。", "Weight: 30, 30% or 0.3; keep one way per column.") }),
    col("max", h("满分", "Max Score"), "number"),
    col("direction", h("方向", "Direction"), "text", { choices: zh ? ["正向", "反向"] : ["Higher is better", "Lower is better"] }),
    col("source", h("来源列", "Source Column"), "text", { note: h("来源列：从登记表的这一列计算该指标（可空）。", "Source Column: derive the indicator from this register column (optional).") }),
    col("method", h("计分方法", "Method"), "text", { choices: zh ? ["直接", "分档", "比例", "排名", "映射"] : ["Direct", "Bands", "Min-max", "Rank", "Map"] }),
    col("bands", h("分档", "Bands"), "text", { note: h("分档：如 ≥5000000:100; ≥1000000:80; ≥0:40，或映射 高:100; 中:60; 低:20", "Bands: e.g. ≥5000000:100; ≥1000000:80; ≥0:40, or a map High:100; Medium:60; Low:20") }),
  ];
  const row: PlanValue[] = [h("业务贡献", "Business Contribution"), 100, 100, zh ? "正向" : "Higher is better", null, zh ? "直接" : "Direct", null];
  return sheet("templateModel", h("评估模型", "Model"), "Model", columns, row, lang);
}

function settingsSheet(lang: Lang): TabPlan<TemplateTabId> {
  const zh = lang === "zh-CN";
  const keys = SETTING_DEFS.map((d) => (zh ? d.zh[0] : d.en[0]));
  const columns = [
    col("key", zh ? "参数" : "Setting", "text", { choices: keys.join(",").length <= 250 ? keys : undefined, note: zh ? "参数：每行一个设置，未写的用默认值（见 docs/workbook-format.md）。" : "Setting: one per row; unlisted ones keep their defaults (see docs/workbook-format.md)." }),
    col("value", zh ? "值" : "Value", "text"),
  ];
  return sheet("templateSettings", zh ? "设置" : "Settings", "Settings", columns, [zh ? "分级方式" : "Tier Mode", zh ? "分数线" : "Thresholds"], lang);
}

/** The blank input template in a language: register, evaluation, model and settings sheets. */
export function inputTemplate(lang: Lang): TemplatePlan {
  return { lang, template: true, tabs: [registerSheet(lang), evaluationSheet(lang), modelSheet(lang), settingsSheet(lang)] };
}
