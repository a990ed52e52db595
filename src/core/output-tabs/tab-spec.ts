import type { Lang } from "../i18n/lang";
import type { ColumnKind, ColumnPlan, OutputTabId, PlanValue, StyleBlock, TabPlan } from "./write-plan";

/** A column of an output tab, in both languages. */
export interface ColumnSpec {
  id: string;
  zh: string;
  en: string;
  kind: ColumnKind;
  width: number;
  numberFormat?: string;
  /** Users may type here; kept across recalculations by the tab's row key. */
  editable?: boolean;
  /** The value a fresh row gets (e.g. 待审核); an unchanged default is not an edit. */
  defaultValue?: string;
  /**
   * Fresh rows get a value of their own here (the action plan's suggestions, the register's counterpart): a
   * kept value cannot be told from an untouched one, so it is carried but not counted as an edit kept.
   */
  prefilled?: boolean;
  /** Read back on the next run although not editable (the previous outputs are read by the columns a run needs). */
  carried?: boolean;
}

/** An output tab's definition: names, columns and which columns identify a row across runs. */
export interface TabSpec {
  id: OutputTabId;
  zh: string;
  en: string;
  /** Base of the Excel table name (ASCII). */
  tableName: string;
  columns: ColumnSpec[];
  /** Column ids whose values, joined, identify a row across runs (customer key; key + call type + date). */
  keyColumns: string[];
  /**
   * Maps a header the static columns do not name to a column id (undefined: not a column of this tab),
   * for tabs whose columns vary from run to run (the history's `2026-11 得分` pairs).
   */
  extraColumn?: (header: string) => string | undefined;
  /** A next run reads every column of this tab back (the history, the run log), not only keys and edits. */
  carriedWhole?: boolean;
  /**
   * True for the extra columns read back as one list beside the record (PreviousRow.listValues), not as
   * record keys: the history's run pairs, up to 48 a row, carried in bulk.
   */
  listColumn?: (id: string) => boolean;
}

const DEFAULT_FORMATS: Record<ColumnKind, string> = {
  text: "@",
  number: "0.0",
  integer: "0",
  percent: "0%",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

/** The column plans of a spec in a language. */
export function columnPlans(spec: TabSpec, lang: Lang): ColumnPlan[] {
  return spec.columns.map((c) => ({
    id: c.id,
    header: lang === "zh-CN" ? c.zh : c.en,
    kind: c.kind,
    numberFormat: c.numberFormat ?? DEFAULT_FORMATS[c.kind],
    width: c.width,
    editable: c.editable,
  }));
}

/** The tab's name in a language. */
export function tabName(spec: TabSpec, lang: Lang): string {
  return lang === "zh-CN" ? spec.zh : spec.en;
}

/** Builds a TabPlan from rows given as records keyed by column id. */
export function buildTab(
  spec: TabSpec,
  lang: Lang,
  name: string,
  records: Record<string, PlanValue | undefined>[],
  styles: StyleBlock[] = [],
): TabPlan {
  const ids = spec.columns.map((c) => c.id);
  const n = ids.length;
  // A plain loop: this turns ~480,000 records into rows on a 100,000-customer run.
  const rows = new Array<PlanValue[]>(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const row = new Array<PlanValue>(n);
    for (let c = 0; c < n; c++) {
      const v = r[ids[c]];
      row[c] = v === undefined ? null : v;
    }
    rows[i] = row;
  }
  return {
    id: spec.id,
    name,
    tableName: `${spec.tableName}`,
    columns: columnPlans(spec, lang),
    rows,
    styles,
  };
}

/** The row key of a record under a spec. */
export function rowKey(spec: TabSpec, record: Record<string, PlanValue | undefined>): string {
  // Most tabs are keyed by the customer alone: no array and join per row.
  if (spec.keyColumns.length === 1) return String(record[spec.keyColumns[0]] ?? "");
  return spec.keyColumns.map((id) => String(record[id] ?? "")).join("\u241f");
}
