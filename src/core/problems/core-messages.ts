import type { MessageCatalogue, ProblemParams } from "./problem";

const s = (p: ProblemParams, k: string): string => String(p[k] ?? "");

/** Messages of reading, validation and scoring, in plain words, both languages. */
export const CORE_MESSAGES: MessageCatalogue = {
  "job.noInput": {
    zh: () => "没有找到客户状况登记表或客户关系评估表：请检查工作表名称或表头（如“客户编号”“客户名称”）。",
    en: () => "No customer register or evaluation sheet was found: check the sheet names or headers (such as \"Customer ID\", \"Customer\").",
  },
  "register.missing": {
    zh: () => "没有找到客户状况登记表：仅按评估表中的客户计算，维护方案中的联系信息将为空。",
    en: () => "No customer register was found: customers are taken from the evaluation only, so contact details in the plans stay empty.",
  },
  "sheet.noHeader": {
    zh: (p) => `工作表“${s(p, "sheet")}”的前 10 个非空行中没有找到表头行（至少两个可识别的列名）。`,
    en: (p) => `No header row (at least two known column names) in the first 10 non-empty rows of sheet "${s(p, "sheet")}".`,
  },
  "value.excelError": {
    zh: (p) => `“${s(p, "header")}”是 Excel 错误值 ${s(p, "text")}，按缺失处理。`,
    en: (p) => `"${s(p, "header")}" holds the Excel error ${s(p, "text")}; treated as missing.`,
  },
  "value.notNumber": {
    zh: (p) => `“${s(p, "header")}”的值“${s(p, "text")}”不是数字，按缺失处理。`,
    en: (p) => `"${s(p, "header")}": "${s(p, "text")}" is not a number; treated as missing.`,
  },
  "value.notInteger": {
    zh: (p) => `“${s(p, "header")}”应为整数，实际为 ${s(p, "text")}，按缺失处理。`,
    en: (p) => `"${s(p, "header")}" should be a whole number, not ${s(p, "text")}; treated as missing.`,
  },
  "value.negative": {
    zh: (p) => `“${s(p, "header")}”不能为负数（${s(p, "text")}），按缺失处理。`,
    en: (p) => `"${s(p, "header")}" cannot be negative (${s(p, "text")}); treated as missing.`,
  },
  "value.outOfRange": {
    zh: (p) => `“${s(p, "header")}”的值 ${s(p, "text")} 超出范围 ${s(p, "min")}–${s(p, "max")}，按缺失处理。`,
    en: (p) => `"${s(p, "header")}": ${s(p, "text")} is outside ${s(p, "min")}–${s(p, "max")}; treated as missing.`,
  },
  "value.notDate": {
    zh: (p) => `“${s(p, "header")}”的值“${s(p, "text")}”不是有效日期（可写作 2024-03-05、2024/3/5 或 2024年3月5日），按缺失处理。`,
    en: (p) => `"${s(p, "header")}": "${s(p, "text")}" is not a valid date (write 2024-03-05, 2024/3/5 or 2024年3月5日); treated as missing.`,
  },
  "value.notChoice": {
    zh: (p) => `“${s(p, "header")}”的值“${s(p, "text")}”无法识别（可选：${s(p, "choices")}），按缺失处理。`,
    en: (p) => `"${s(p, "header")}": "${s(p, "text")}" is not recognised (one of: ${s(p, "choicesEn") || s(p, "choices")}); treated as missing.`,
  },
  "register.noKey": {
    zh: () => "该行既没有客户编号也没有客户名称，已跳过。",
    en: () => "This row has neither a customer ID nor a name; left out.",
  },
  "register.duplicateKey": {
    zh: (p) => `客户“${s(p, "key")}”重复（首次出现在第 ${s(p, "firstRow")} 行），本行已跳过，以首次出现的为准。`,
    en: (p) => `Customer "${s(p, "key")}" appears twice (first in row ${s(p, "firstRow")}); this row is left out and the first one stands.`,
  },
  "eval.noCustomer": {
    zh: () => "评估行没有客户编号或客户名称，已跳过。",
    en: () => "Evaluation row without a customer ID or name; left out.",
  },
  "eval.unknownCustomer": {
    zh: (p) => `客户“${s(p, "key")}”在评估表中，但不在客户状况登记表中；仍按评估数据计算。`,
    en: (p) => `Customer "${s(p, "key")}" is in the evaluation but not in the register; scored from the evaluation anyway.`,
  },
  "eval.scoreOutOfRange": {
    zh: (p) => `指标“${s(p, "indicator")}”的得分 ${s(p, "text")} 超出 0–${s(p, "max")}，按缺失处理。`,
    en: (p) => `Indicator "${s(p, "indicator")}": score ${s(p, "text")} is outside 0–${s(p, "max")}; treated as missing.`,
  },
  "eval.notNumber": {
    zh: (p) => `指标“${s(p, "indicator")}”的得分“${s(p, "text")}”不是数字，按缺失处理。`,
    en: (p) => `Indicator "${s(p, "indicator")}": score "${s(p, "text")}" is not a number; treated as missing.`,
  },
  "eval.excelError": {
    zh: (p) => `指标“${s(p, "indicator")}”的得分是 Excel 错误值 ${s(p, "text")}，按缺失处理。`,
    en: (p) => `Indicator "${s(p, "indicator")}": the score is the Excel error ${s(p, "text")}; treated as missing.`,
  },
  "eval.noIndicator": {
    zh: () => "该评估行有得分但没有填写分析指标，已跳过。",
    en: () => "This evaluation row has a score but no indicator; left out.",
  },
  "eval.invalidScore": {
    zh: (p) => `指标“${s(p, "indicator")}”的评估行无效（${s(p, "field")}），已忽略。`,
    en: (p) => `Indicator "${s(p, "indicator")}": invalid evaluation row (${s(p, "field")}); ignored.`,
  },
  "eval.duplicateScore": {
    zh: (p) => `客户“${s(p, "key")}”的指标“${s(p, "indicator")}”重复评分，本行已忽略。`,
    en: (p) => `Customer "${s(p, "key")}" is scored twice on "${s(p, "indicator")}"; this row is ignored.`,
  },
  "eval.weightConflict": {
    zh: (p) => `指标“${s(p, "indicator")}”在不同客户中的权重不同（${s(p, "weights")}），采用 ${s(p, "weight")}。`,
    en: (p) => `Indicator "${s(p, "indicator")}" has different weights for different customers (${s(p, "weights")}); using ${s(p, "weight")}.`,
  },
  "eval.noWeights": {
    zh: () => "评估表没有权重（无评估模型表，也无“权重”行）：各指标按相同权重计算。",
    en: () => "The evaluation has no weights (no model sheet and no \"Weight\" row): all indicators weigh the same.",
  },
  "eval.notInModel": {
    zh: (p) => `指标“${s(p, "indicator")}”不在评估模型中，已忽略。`,
    en: (p) => `Indicator "${s(p, "indicator")}" is not in the model; ignored.`,
  },
  "eval.formNoCustomer": {
    zh: (p) => `评估表“${s(p, "sheet")}”没有填写客户名称或编号，已跳过。`,
    en: (p) => `Evaluation form "${s(p, "sheet")}" names no customer; left out.`,
  },
  "model.negativeWeight": {
    zh: (p) => `指标“${s(p, "indicator")}”的权重为负数（${s(p, "text")}），该指标不参与计算。`,
    en: (p) => `Indicator "${s(p, "indicator")}" has a negative weight (${s(p, "text")}); it is left out.`,
  },
  "model.badWeight": {
    zh: (p) => `指标“${s(p, "indicator")}”的权重“${s(p, "text")}”不是数字，该指标不参与计算。`,
    en: (p) => `Indicator "${s(p, "indicator")}": weight "${s(p, "text")}" is not a number; it is left out.`,
  },
  "model.badMaxScore": {
    zh: (p) => `指标“${s(p, "indicator")}”的满分“${s(p, "text")}”无效，按 100 计算。`,
    en: (p) => `Indicator "${s(p, "indicator")}": max score "${s(p, "text")}" is not valid; 100 is used.`,
  },
  "model.badDirection": {
    zh: (p) => `指标“${s(p, "indicator")}”的方向“${s(p, "text")}”无法识别（正向/反向），按正向计算。`,
    en: (p) => `Indicator "${s(p, "indicator")}": direction "${s(p, "text")}" is not 正向/反向 (higher/lower is better); higher is better is used.`,
  },
  "model.badMethod": {
    zh: (p) => `指标“${s(p, "indicator")}”的计分方法“${s(p, "text")}”无法识别，按“直接”计算。`,
    en: (p) => `Indicator "${s(p, "indicator")}": method "${s(p, "text")}" is not recognised; direct is used.`,
  },
  "model.badBands": {
    zh: (p) => `指标“${s(p, "indicator")}”的分档“${s(p, "text")}”无法解析（示例：≥5000000:100; ≥1000000:80; ≥0:40），该指标不参与计算。`,
    en: (p) => `Indicator "${s(p, "indicator")}": bands "${s(p, "text")}" cannot be read (example: ≥5000000:100; ≥1000000:80; ≥0:40); it is left out.`,
  },
  "model.unknownSource": {
    zh: (p) => `指标“${s(p, "indicator")}”的来源列“${s(p, "text")}”不是登记表中的列${p.headers ? `（现有列：${s(p, "headers")}）` : ""}，该指标不参与计算。`,
    en: (p) => `Indicator "${s(p, "indicator")}": source column "${s(p, "text")}" is not a register column${p.headers ? ` (its columns: ${s(p, "headers")})` : ""}; it is left out.`,
  },
  "model.notInEvaluation": {
    zh: (p) => `评估模型中的指标“${s(p, "indicator")}”在评估表中没有得分，也没有来源列。`,
    en: (p) => `Model indicator "${s(p, "indicator")}" has no scores in the evaluation and no source column.`,
  },
  "model.duplicate": {
    zh: (p) => `指标“${s(p, "indicator")}”在评估模型中重复，本行已忽略。`,
    en: (p) => `Indicator "${s(p, "indicator")}" appears twice in the model; this row is ignored.`,
  },
  "model.default": {
    zh: (p) => `工作簿中没有评估表和评估模型：使用默认模型（${s(p, "indicators")}）。`,
    en: (p) => `The workbook has no evaluation and no model: the default model is used (${s(p, "indicatorsEn") || s(p, "indicators")}).`,
  },
  "model.sourceMissing": {
    zh: (p) => `指标“${s(p, "indicator")}”的来源列“${s(p, "column")}”在客户状况登记表中不存在（现有列：${s(p, "headers")}），该指标不参与计算。`,
    en: (p) => `Indicator "${s(p, "indicator")}": source column "${s(p, "column")}" is not in the customer register (its columns: ${s(p, "headers")}); it is left out.`,
  },
  "header.unknown": {
    zh: (p) => `列“${s(p, "text")}”不是本表可识别的列名，未读取。`,
    en: (p) => `Column "${s(p, "text")}" is not a column this sheet is read by; it is not read.`,
  },
  "header.duplicate": {
    zh: (p) => `列“${s(p, "text")}”与前面的列“${s(p, "first")}”含义相同，未读取（以前面的列为准）。`,
    en: (p) => `Column "${s(p, "text")}" means the same as the earlier column "${s(p, "first")}"; it is not read (the earlier one stands).`,
  },
  "weights.total": {
    zh: (p) => `指标权重合计为 ${s(p, "total")}，不是 100% 也不是 1；按比例计算。`,
    en: (p) => `The weights add up to ${s(p, "total")}, neither 100% nor 1; they are used in proportion.`,
  },
  "derived.noBand": {
    zh: (p) => `指标“${s(p, "indicator")}”：值 ${s(p, "text")} 不在任何分档内，按缺失处理。`,
    en: (p) => `Indicator "${s(p, "indicator")}": ${s(p, "text")} falls in no band; treated as missing.`,
  },
  "derived.noMapEntry": {
    zh: (p) => `指标“${s(p, "indicator")}”：值“${s(p, "text")}”没有对应的映射分值，按缺失处理。`,
    en: (p) => `Indicator "${s(p, "indicator")}": "${s(p, "text")}" has no entry in the map; treated as missing.`,
  },
  "derived.notNumber": {
    zh: (p) => `指标“${s(p, "indicator")}”需要数值，实际为“${s(p, "text")}”，按缺失处理。`,
    en: (p) => `Indicator "${s(p, "indicator")}" needs a number, not "${s(p, "text")}"; treated as missing.`,
  },
  "derived.outOfRange": {
    zh: (p) => `指标“${s(p, "indicator")}”：值 ${s(p, "text")} 超出 0–${s(p, "max")}，按缺失处理。`,
    en: (p) => `Indicator "${s(p, "indicator")}": ${s(p, "text")} is outside 0–${s(p, "max")}; treated as missing.`,
  },
  "coverage.incomplete": {
    zh: (p) => `客户“${s(p, "key")}”的数据完整度为 ${s(p, "coverage")}，低于 ${s(p, "min")}：等级为“资料不全”，请补充资料。`,
    en: (p) => `Customer "${s(p, "key")}" has data coverage ${s(p, "coverage")}, below ${s(p, "min")}: tier "Incomplete" — please complete the data.`,
  },
  "settings.unknownKey": {
    zh: (p) => `设置项“${s(p, "text")}”无法识别，已忽略。`,
    en: (p) => `Setting "${s(p, "text")}" is not recognised; ignored.`,
  },
  "settings.badValue": {
    zh: (p) => `设置项“${s(p, "setting")}”的值“${s(p, "text")}”无效，使用默认值 ${s(p, "default")}。`,
    en: (p) => `Setting "${s(p, "setting")}": "${s(p, "text")}" is not valid; the default ${s(p, "default")} is used.`,
  },
  "manual.badTier": {
    zh: (p) => `人工等级“${s(p, "text")}”不是 A/B/C/D，按计算等级执行（所填内容保留）。`,
    en: (p) => `Manual tier "${s(p, "text")}" is not A/B/C/D; the computed tier is used (what you typed is kept).`,
  },
  "output.nameTaken": {
    zh: (p) => `工作表“${s(p, "name")}”不是本工具创建的，未覆盖；结果写入“${s(p, "newName")}”。`,
    en: (p) => `Sheet "${s(p, "name")}" was not created by this tool and is left alone; the output goes to "${s(p, "newName")}".`,
  },
  "register.unknownCause": {
    zh: (p) => `“${s(p, "header")}”的值“${s(p, "text")}”不是已知的流失原因（服务意识淡薄/细节疏忽/企业自身问题/竞争流失/员工流动/搬迁/破产/其他），按所填内容保留，挽回策略为“个别分析”。`,
    en: (p) => `"${s(p, "header")}": "${s(p, "text")}" is not a known churn cause (service, detail, company, competition, staff turnover, relocation, bankruptcy, other); it is kept as typed and the strategy is "analyse individually".`,
  },
};
