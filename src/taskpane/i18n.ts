import type { Lang } from "../core/i18n/lang";

/** Every text of the pane and the ribbon command, in both languages. */
const TEXT = {
  title: { zh: "客户分级维护助手", en: "Customer Tiers" },
  subtitle: { zh: "客户分级、维护方案与流失预警", en: "Tiers, retention plans and churn warnings" },
  outsideTitle: { zh: "请在 Excel 中打开", en: "Open this in Excel" },
  outsideBody: {
    zh: "此页面是 Excel 加载项的任务窗格，需要在 Excel（Windows、Mac 或网页版）中通过“开始 › 客户分级 › 显示任务窗格”打开。",
    en: "This page is the task pane of an Excel add-in. Open it inside Excel (Windows, Mac or the web) with Home › Customer Tiers › Show task pane.",
  },
  sheetsHeading: { zh: "识别到的工作表", en: "Sheets found" },
  sheetColumn: { zh: "工作表", en: "Sheet" },
  roleColumn: { zh: "用途", en: "Role" },
  foundByColumn: { zh: "识别方式", en: "Found by" },
  noSheets: { zh: "没有识别到客户登记表。请检查工作表名称或表头。", en: "No customer register found. Check the sheet names or header rows." },
  role_register: { zh: "客户登记表", en: "Register" },
  role_evaluation: { zh: "关系评估表", en: "Evaluation" },
  role_model: { zh: "评估模型", en: "Model" },
  role_settings: { zh: "设置", en: "Settings" },
  role_ignore: { zh: "忽略", en: "Ignore" },
  by_name: { zh: "表名", en: "name" },
  by_headers: { zh: "表头", en: "headers" },
  by_user: { zh: "手动", en: "you" },
  overviewHeading: { zh: "概况", en: "Overview" },
  customers: { zh: "客户数", en: "Customers" },
  indicators: { zh: "指标数", en: "Indicators" },
  weightsHeading: { zh: "模型权重", en: "Model weights" },
  outputLanguage: { zh: "输出语言", en: "Output language" },
  outputAuto: { zh: "自动（按表头语言）", en: "Automatic (headers' language)" },
  outputZh: { zh: "中文", en: "Chinese (中文)" },
  outputEn: { zh: "英文（English）", en: "English" },
  run: { zh: "运行", en: "Run" },
  running: { zh: "正在运行…", en: "Running…" },
  refresh: { zh: "重新识别", en: "Re-scan" },
  phase_read: { zh: "读取工作簿", en: "Reading the workbook" },
  phase_prepare: { zh: "准备输出工作表", en: "Preparing the output tabs" },
  phase_values: { zh: "写入数据", en: "Writing values" },
  phase_format: { zh: "设置格式与表格", en: "Formatting and tables" },
  phase_swap: { zh: "替换旧的输出", en: "Replacing the previous outputs" },
  phase_done: { zh: "完成", en: "Done" },
  resultHeading: { zh: "结果", en: "Result" },
  byTier: { zh: "各等级客户", en: "Customers by tier" },
  byVerdict: { zh: "建议", en: "Verdicts" },
  problemsHeading: { zh: "数据问题", en: "Data problems" },
  noProblems: { zh: "没有发现问题。", en: "No problems found." },
  problemsMore: { zh: "另有 {n} 条，见“数据问题”工作表。", en: "{n} more on the Data Problems tab." },
  clickToSelect: { zh: "点击定位到单元格", en: "Click to select the cell" },
  cellGone: { zh: "无法定位：该工作表或单元格已不存在。", en: "Cannot go there: the sheet or cell no longer exists." },
  cellEditMode: { zh: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，稍后将自动重试。", en: "Excel is editing a cell. Press Enter or Esc to finish; the add-in retries by itself." },
  renamed: { zh: "“{planned}”是您自己的工作表，结果已写入“{written}”。", en: "“{planned}” is a sheet of your own, so the output went to “{written}”." },
  renamedInvalid: { zh: "Excel 不允许工作表名“{planned}”，结果已写入“{written}”。", en: "Excel does not allow a sheet named “{planned}”, so the output went to “{written}”." },
  written: { zh: "已写入 {n} 个工作表。", en: "{n} tabs written." },
  failed: { zh: "运行失败：{message}", en: "The run failed: {message}" },
  nothingToDo: { zh: "无法计算：{message}", en: "Nothing to calculate: {message}" },
  previewFailed: { zh: "无法读取工作簿：{message}", en: "Could not read the workbook: {message}" },
  tierIncomplete: { zh: "资料不全", en: "Incomplete" },
  verdict_maintain: { zh: "维持关系", en: "Maintain" },
  verdict_improve: { zh: "改善关系", en: "Improve" },
  verdict_end: { zh: "终止关系", en: "End" },
  level_error: { zh: "错误", en: "Error" },
  level_warning: { zh: "警告", en: "Warning" },
  level_note: { zh: "提示", en: "Note" },
  commandDone: { zh: "客户分级已重新计算", en: "Tiers recalculated" },
  commandSummary: { zh: "{customers} 位客户：A {A}，B {B}，C {C}，D {D}，资料不全 {incomplete}。问题：错误 {error}，警告 {warning}。", en: "{customers} customers: A {A}, B {B}, C {C}, D {D}, incomplete {incomplete}. Problems: {error} errors, {warning} warnings." },
  commandFailed: { zh: "重新计算失败", en: "Recalculation failed" },
  ok: { zh: "确定", en: "OK" },
} as const;

export type TextKey = keyof typeof TEXT;

/** The text for a key in a language, with {name} placeholders filled in. */
export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  const template: string = lang === "zh-CN" ? TEXT[key].zh : TEXT[key].en;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** True when both languages have every key (used by the tests). */
export function allKeys(): TextKey[] {
  return Object.keys(TEXT) as TextKey[];
}
