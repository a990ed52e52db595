import { META_SHEET_NAME, type WritePlan } from "../../../src/core/output-tabs/write-plan";

/** A hand-made plan with the awkward cases: a formula-like name, HTML, tier fills, a chart, an empty tab. */
export function samplePlan(): WritePlan {
  return {
    lang: "zh-CN",
    tabs: [
      {
        id: "roster",
        name: "客户分级名册",
        tableName: "T_Roster",
        columns: [
          { id: "rank", header: "排名", kind: "integer", numberFormat: "0", width: 6 },
          { id: "id", header: "客户编号", kind: "text", numberFormat: "@", width: 10 },
          { id: "name", header: "客户名称", kind: "text", numberFormat: "@", width: 24 },
          { id: "score", header: "最终得分", kind: "number", numberFormat: "0.0", width: 10 },
          { id: "tier", header: "等级", kind: "text", numberFormat: "@", width: 8 },
          { id: "coverage", header: "数据完整度", kind: "percent", numberFormat: "0%", width: 10 },
          { id: "next", header: "下次联系日期", kind: "date", numberFormat: "yyyy-mm-dd", width: 12 },
          { id: "manualTier", header: "人工等级", kind: "text", numberFormat: "@", width: 10, editable: true },
        ],
        rows: [
          [1, "C001", '=HYPERLINK("http://x")', 89.5, "A", 1, 45357, null],
          [2, 1002, "<img src=x onerror=alert(1)>", 71.25, "B", 0.9, 45400, "A"],
          [3, "C003", "南山食品 _x0041_", 46.75, "D", 1, null, null],
          [null, "C005", "西岭科技", 60, "资料不全", 0.3, null, null],
        ],
        styles: [
          { role: "tierA", row: 0, rows: 1, col: 0, cols: 8 },
          { role: "tierB", row: 1, rows: 1, col: 0, cols: 8 },
          { role: "tierD", row: 2, rows: 1, col: 0, cols: 8 },
          { role: "incomplete", row: 3, rows: 1, col: 0, cols: 8 },
          { role: "maintain", row: 0, rows: 2, col: 4, cols: 1 },
        ],
      },
      {
        id: "kpi",
        name: "指标看板",
        tableName: "T_KPI",
        columns: [
          { id: "label", header: "指标", kind: "text", numberFormat: "@", width: 16 },
          { id: "value", header: "数值", kind: "number", numberFormat: "0.0", width: 10 },
        ],
        rows: [
          ["A", 1],
          ["B", 1],
          ["C", 0],
          ["D", 2],
        ],
        styles: [],
        chart: { kind: "column", title: "等级分布", firstRow: 0, rows: 4, labelCol: 0, valueCol: 1 },
      },
      {
        id: "problems",
        name: "数据问题",
        tableName: "T_Problems",
        columns: [
          { id: "level", header: "级别", kind: "text", numberFormat: "@", width: 8 },
          { id: "message", header: "问题", kind: "text", numberFormat: "@", width: 60 },
        ],
        rows: [],
        styles: [],
      },
    ],
    meta: {
      product: "customer-tiers",
      version: 1,
      runAt: "2024-03-05T08:00:00.000Z",
      tabs: [
        { id: "roster", name: "客户分级名册" },
        { id: "kpi", name: "指标看板" },
        { id: "problems", name: "数据问题" },
      ],
    },
  };
}

export { META_SHEET_NAME };
