import type { ColumnPlan, PlanValue } from "../core/output-tabs/write-plan";
import type { XlCellValue } from "./excel-subset";

/** Characters that make Excel read a typed or API-written string as a formula. */
const FORMULA_START = /^[=+\-@]/;

/**
 * A plan row as Office.js cell values. Empty cells become "". Text columns are formatted "@" before
 * values are written, so their strings stay text as they are; a string in any other column that Excel
 * would read as a formula gets the apostrophe prefix, which Excel keeps as "this is text" and does not show.
 */
export function toCellRow(row: readonly PlanValue[], columns: readonly ColumnPlan[]): XlCellValue[] {
  const out: XlCellValue[] = new Array<XlCellValue>(columns.length);
  for (let c = 0; c < columns.length; c++) {
    const v = row[c];
    if (v === null || v === undefined) out[c] = "";
    else if (typeof v === "string" && columns[c].numberFormat !== "@" && FORMULA_START.test(v)) out[c] = `'${v}`;
    else out[c] = v;
  }
  return out;
}
