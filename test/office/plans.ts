import type { ColumnPlan, OutputTabId, PlanValue, StyleBlock, TabPlan, WritePlan } from "../../src/core/output-tabs/write-plan";

/** A text or number column for hand-made plans. */
export function column(id: string, header: string, kind: "text" | "number" | "integer" = "text"): ColumnPlan {
  return { id, header, kind, numberFormat: kind === "text" ? "@" : kind === "integer" ? "0" : "0.0", width: 12 };
}

/** A hand-made tab. */
export function tabPlan(id: OutputTabId, name: string, tableName: string, columns: ColumnPlan[], rows: PlanValue[][], styles: StyleBlock[] = []): TabPlan {
  return { id, name, tableName, columns, rows, styles };
}

/** A hand-made plan; the meta lists the tabs under their planned names. */
export function planOf(tabs: TabPlan[], runAt = "2026-11-23T09:00:00.000Z"): WritePlan {
  return { lang: "zh-CN", tabs, meta: { product: "customer-tiers", version: 1, runAt, tabs: tabs.map((t) => ({ id: t.id, name: t.name })) } };
}

/** A roster-like tab of n rows: key, name, score; rows coloured by tier in runs. */
export function rosterTab(n: number, name = "客户分级名册", names: (i: number) => string = (i) => `客户${i}`): TabPlan {
  const rows: PlanValue[][] = Array.from({ length: n }, (_, i) => [`C${String(i + 1).padStart(4, "0")}`, names(i), 100 - (i * 100) / Math.max(n, 1)]);
  const a = Math.floor(n / 3);
  const blocks: StyleBlock[] = [
    { role: "tierA", row: 0, rows: a, col: 0, cols: 3 },
    { role: "tierB", row: a, rows: n - a, col: 0, cols: 3 },
  ];
  const styles = blocks.filter((b) => b.rows > 0);
  return tabPlan("roster", name, "TierRoster", [column("key", "客户编号"), column("name", "客户名称"), column("score", "最终得分", "number")], rows, styles);
}

/** A problems-like tab of n rows. */
export function problemsTab(n: number, name = "数据问题"): TabPlan {
  const rows: PlanValue[][] = Array.from({ length: n }, (_, i) => ["警告", "客户状况登记表", `F${i + 2}`, `日均存款不是数字 ${i}`]);
  return tabPlan("problems", name, "DataProblems", [column("level", "级别"), column("sheet", "工作表"), column("cell", "单元格"), column("message", "问题")], rows);
}
