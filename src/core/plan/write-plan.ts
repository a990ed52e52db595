import type { Lang } from "../i18n/lang";

/**
 * The plan of what to write: plain data that both adapters (Office.js and .xlsx) render the same way.
 * Neither adapter decides content; they only turn this into cells, tables and formats.
 */

/** Identifies an output tab independently of its (localised) name. */
export type OutputTabId =
  | "roster"
  | "retention"
  | "callbacks"
  | "churn"
  | "winback"
  | "kpi"
  | "history"
  | "runLog"
  | "problems"
  // The batch run's consolidated workbook for the command centre.
  | "batchWorkbooks"
  | "batchManagers"
  | "batchProblems";

/** How a column's cells are written. "text" cells are always written as text, never as formulas. */
export type ColumnKind = "text" | "number" | "integer" | "percent" | "date" | "datetime";

export interface ColumnPlan {
  /** Stable id, e.g. "score"; used to carry editable columns across languages and runs. */
  id: string;
  header: string;
  kind: ColumnKind;
  /** Excel number format, e.g. "0.0", "0%", "yyyy-mm-dd"; "@" for text columns. */
  numberFormat: string;
  /** Width in Excel character units. */
  width: number;
  /** Users may type here; the value is kept across recalculations. */
  editable?: boolean;
}

/** A semantic colour; the palette (colours.ts) maps it to fills, so both adapters agree. */
export type StyleRole =
  | "tierA"
  | "tierB"
  | "tierC"
  | "tierD"
  | "incomplete"
  | "maintain"
  | "improve"
  | "end"
  | "overdue"
  | "warnYellow"
  | "warnRed"
  | "error"
  | "warning"
  | "note"
  | "editable";

/** A plan value: text, number (dates are Excel serial numbers), or empty. */
export type PlanValue = string | number | null;

/** A rectangle of cells sharing a colour, in data-row coordinates (row 0 = first row under the header). */
export interface StyleBlock {
  role: StyleRole;
  /** First data row, inclusive. */
  row: number;
  /** Number of rows. */
  rows: number;
  /** First column, inclusive. */
  col: number;
  /** Number of columns. */
  cols: number;
}

export interface ChartPlan {
  kind: "column" | "pie";
  title: string;
  /** Data-row range (inclusive start, count) of the category labels and values. */
  firstRow: number;
  rows: number;
  labelCol: number;
  valueCol: number;
}

export interface TabPlan {
  id: OutputTabId;
  /** The sheet name to write (already localised, already de-conflicted against users' own tabs). */
  name: string;
  /** Excel table name (letters, digits, underscore; unique in the workbook). */
  tableName: string;
  columns: ColumnPlan[];
  rows: PlanValue[][];
  /**
   * Colours as rectangles, merged so that runs of rows with the same role form one block:
   * adapters colour block by block, never cell by cell.
   */
  styles: StyleBlock[];
  chart?: ChartPlan;
}

export interface WritePlan {
  lang: Lang;
  tabs: TabPlan[];
  /**
   * The ownership register written to the hidden metadata sheet: which sheet names this product wrote.
   * Only sheets listed there are ever replaced.
   */
  meta: OutputMeta;
}

/** Name of the very-hidden sheet that records which tabs are ours. */
export const META_SHEET_NAME = "_CustomerTiersMeta";

export interface OutputMeta {
  product: "customer-tiers";
  version: number;
  /** ISO time of the run that wrote these tabs. */
  runAt: string;
  tabs: { id: OutputTabId; name: string }[];
}

/** Rows of the metadata sheet, as written: a header then one row per tab. */
export function metaRows(meta: OutputMeta): PlanValue[][] {
  return [
    ["product", meta.product, "version", meta.version, "runAt", meta.runAt],
    ...meta.tabs.map((t) => ["tab", t.id, "name", t.name, null, null] as PlanValue[]),
  ];
}

/** Merges per-row roles of one column range into blocks (consecutive equal roles become one block). */
export function blocksFromRowRoles(roles: (StyleRole | null)[], col: number, cols: number): StyleBlock[] {
  const out: StyleBlock[] = [];
  let start = 0;
  for (let i = 1; i <= roles.length; i++) {
    if (i === roles.length || roles[i] !== roles[start]) {
      const role = roles[start];
      if (role) out.push({ role, row: start, rows: i - start, col, cols });
      start = i;
    }
  }
  return out;
}
