import { aliasMatcher } from "../recognition/alias-matcher";

/** Column names of the evaluation sheets (long layout and forms), Chinese and English. */
export const EVALUATION_COLUMNS = [
  { id: "id", names: ["客户编号", "编号", "客户代码", "Customer ID", "ID"] },
  { id: "name", names: ["客户名称", "客户", "名称", "Customer", "Customer Name", "Name"] },
  { id: "indicator", names: ["分析指标", "指标", "评估指标", "Indicator"] },
  { id: "weight", names: ["指标权重", "权重", "Weight"] },
  { id: "score", names: ["指标得分", "得分", "Score"] },
  { id: "max", names: ["满分", "Max Score", "Full Mark"] },
  { id: "basis", names: ["根据", "评分依据", "Basis"] },
  { id: "notes", names: ["备注", "Notes", "Note"] },
];

/** Matches a normalised header to an evaluation column id. */
export const evaluationColumnMatcher = aliasMatcher(EVALUATION_COLUMNS);

/**
 * Matches only the indicator table's own columns (not 客户编号 / 客户名称), so that a form's
 * `客户名称：… 编号 …` label row is not taken for the table's header.
 */
export const evaluationTableMatcher = aliasMatcher(EVALUATION_COLUMNS.filter((c) => c.id !== "id" && c.id !== "name"));

/** Labels of the rows under a form's table that the product computes itself. */
export const FORM_TOTAL_LABELS = ["合计", "总计", "小计", "最终得分", "总分", "total", "finalscore", "score total"];

/**
 * Labels that open a form's footer even where no 合计 / 最终得分 row comes first (result, advice, date,
 * signatures): nothing from such a row on is an indicator. Normalised form (see normalizeHeader).
 */
export const FORM_FOOTER_LABELS = [
  "评估结果", "评估结论", "结论", "建议", "评估建议", "处理建议", "评估日期", "日期", "评估人", "评估人签字", "签字", "签名",
  "审核", "审核人", "审核人签字", "审批", "负责人签字", "客户经理签字", "主管签字",
  "result", "conclusion", "advice", "recommendation", "date", "evaluator", "evaluatedby", "signature", "signedby", "reviewedby", "approvedby",
];

/** Labels of a wide layout's weight row. */
export const WEIGHT_ROW_LABELS = ["权重", "指标权重", "weight", "weights"];

/** Sheet names that identify an evaluation. */
export const EVALUATION_SHEET_NAMES = ["客户关系评估表", "关系评估表", "评估表", "Evaluation", "Relationship Evaluation"];
