import type { Lang } from "../i18n/lang";
import { headerMapRows, type HeaderMapEntry } from "../job/header-map";

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
  | "summary"
  | "strengthening"
  | "actionPlan"
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
  /** A column a user added to the right of the table; carried by the row key across runs. */
  user?: boolean;
  /** The header's comment: what to type here (editable columns). */
  note?: string;
  /** The fixed values offered as a drop-down; a value outside them is allowed (warning style) and reported. */
  choices?: string[];
  /** Long texts: cells wrap within the column width. */
  wrap?: boolean;
}

/**
 * A colour that follows what users type: one whole-column conditional format over every data row of
 * columns [col, col + cols). `formula` is for the first data row (row 2) with relative rows ("$L2"),
 * in Excel's invariant (English) syntax, so both adapters pass it through unchanged.
 */
export interface ConditionalRule {
  role: StyleRole;
  formula: string;
  col: number;
  cols: number;
}

/** How every output tab prints: landscape, one page wide, header row repeated, tab name and page in the footer. */
export const PRINT_SETUP = {
  orientation: "landscape",
  fitToWidth: 1,
  /** 0 = as many pages tall as needed. */
  fitToHeight: 0,
  titleRows: "$1:$1",
  /** Excel header/footer codes: &A the tab name, &P the page, &N the pages. */
  footer: "&A — &P / &N",
} as const;

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
  kind: "column" | "pie" | "line";
  title: string;
  /** Data-row range (inclusive start, count) of the category labels and values. */
  firstRow: number;
  rows: number;
  labelCol: number;
  valueCol: number;
  /** One colour per data point (bar), by role: tier colours, so every program draws the same bars. */
  pointRoles?: StyleRole[];
  /** Show each point's value on it. */
  dataLabels?: boolean;
  /**
   * Several series (a line per tier over the runs): each over its own `rows` rows of the same two columns,
   * starting at its firstRow; the categories are the first series' labels. Absent: one series, the range above.
   */
  series?: ChartSeriesPlan[];
}

/** One series of a chart with several: its legend name, first data row and colour. */
export interface ChartSeriesPlan {
  name: string;
  firstRow: number;
  role?: StyleRole;
}

/** The sheets of the blank input template (customer-tiers --template). */
export type TemplateTabId = "templateRegister" | "templateEvaluation" | "templateModel" | "templateSettings";

/** A tab to write; `Id` is an output tab's id, or a template sheet's. */
export interface TabPlan<Id extends string = OutputTabId> {
  id: Id;
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
  /** Further charts, placed right of `chart` (the KPI tab's trend of tiers over the runs). */
  extraCharts?: ChartPlan[];
  /** Colours that follow users' edits (few, whole-column). */
  conditional?: ConditionalRule[];
  /** What a drop-down says to a value outside its list (it is allowed, with a warning). */
  choiceWarning?: { title: string; message: string };
  /** Rows a user added in an earlier output, kept at the end of the table (their count). */
  userRows?: number;
  /** The sheet row numbers (1-based) those rows had in the earlier output, in their order. */
  userRowsFrom?: number[];
}

/** What a run carried over from the previous outputs (counts per kind), for the front ends' messages. */
export interface CarrySummary {
  /** Editable cells whose typed value was kept. */
  editableCells: number;
  /** Columns users added to the right of a table, and their non-empty cells kept. */
  userColumns: number;
  userColumnCells: number;
  /** Rows users added, kept at the end of their table (and reported). */
  userRows: number;
  /** Cells of computed columns a user had changed: replaced, the old value reported. */
  computedEditsReplaced: number;
  /** Typed values whose row is gone (reported with their values). */
  editsReported: number;
  /** Typed values outside a drop-down's list: kept and reported. */
  outsideChoices: number;
}

/** The blank input template: sheets written without the metadata sheet (they are the user's inputs). */
export interface TemplatePlan {
  lang: Lang;
  template: true;
  tabs: TabPlan<TemplateTabId>[];
}

export interface WritePlan {
  lang: Lang;
  template?: undefined;
  tabs: TabPlan[];
  /**
   * The ownership register written to the hidden metadata sheet: which sheet names this product wrote.
   * Only sheets listed there are ever replaced.
   */
  meta: OutputMeta;
  /** The tab the workbook opens on (the roster). */
  activeTab?: OutputTabId;
  /** What was carried from the previous outputs; absent on a first run. */
  carried?: CarrySummary;
}

/** Name of the very-hidden sheet that records which tabs are ours. */
export const META_SHEET_NAME = "_CustomerTiersMeta";

export interface OutputMeta {
  product: "customer-tiers";
  version: number;
  /** ISO time of the run that wrote these tabs. */
  runAt: string;
  tabs: { id: OutputTabId; name: string }[];
  /**
   * Fingerprints of the rows this run computed, per tab (see row-fingerprints.ts): the next run tells
   * rows users added and computed cells users changed from ours. Chunks of at most FINGERPRINT_CHUNK chars.
   */
  fingerprints?: { id: OutputTabId; chunks: string[]; tokenLength: number }[];
  /** Headers users matched to fields in the task pane (used on every later run). */
  headerMaps?: HeaderMapEntry[];
}

/** Characters of fingerprints per metadata cell (an Excel cell holds 32,767). */
export const FINGERPRINT_CHUNK = 30000;

/** Rows of the metadata sheet, as written: a header, one row per tab, then the row fingerprints. */
export function metaRows(meta: OutputMeta): PlanValue[][] {
  return [
    ["product", meta.product, "version", meta.version, "runAt", meta.runAt],
    ...meta.tabs.map((t) => ["tab", t.id, "name", t.name, null, null] as PlanValue[]),
    ...(meta.fingerprints ?? []).flatMap((f) => f.chunks.map((c, i) => ["rows", f.id, i, null, c, f.tokenLength] as PlanValue[])),
    ...headerMapRows(meta.headerMaps ?? []),
  ];
}

/** The run time in metadata rows as `metaRows` writes them (any reader's cells); "" when there is no record. */
export function metaRunAt(values: readonly (readonly unknown[])[]): string {
  const row = values.find((r) => r[0] === "product" && r[4] === "runAt");
  return row === undefined ? "" : String(row[5] ?? "");
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
