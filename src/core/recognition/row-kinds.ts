import { normalizeHeader } from "../text/normalize-header";
import { kindAt, rawAt, type SheetGrid } from "../workbook/grid";
import { isBlankText } from "../text/trim";

/** Labels of rows that sum the rows above (spec: 合计 / 总计 / 小计 / Total), in normalised form. */
const TOTAL_LABELS = new Set(["合计", "总计", "小计", "总合计", "total", "subtotal", "grandtotal", "sum"].map(normalizeHeader));

/** Every total label starts with one of these (any width or case), after optional spaces. */
const MAY_BE_TOTAL = /^[\s\u3000]*[合总小tsgＴＳＧｔｓｇ]/i;

function isEmptyCell(grid: SheetGrid, row: number, col: number): boolean {
  const kind = kindAt(grid, row, col);
  if (kind === "empty") return true;
  const v = rawAt(grid, row, col);
  // Cells holding only spaces look blank to the user, so they must not make a row count.
  return v === null || (typeof v === "string" && kind !== "error" && isBlankText(v));
}

/** True when every cell of the row is empty or whitespace (rows past the end are blank too). */
export function isBlankRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.values[row];
  if (!cells) return true;
  for (let col = 0; col < cells.length; col++) if (!isEmptyCell(grid, row, col)) return false;
  return true;
}

/**
 * True when the row's first text cell reads 合计 / 总计 / 小计 / Total (any spacing, width, case or trailing
 * colon: "合 计", "Total:"). Numbers before it (a running index) are skipped; only the first text decides,
 * so a customer named "Total Co." is still a customer.
 */
export function isTotalRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.values[row];
  if (!cells) return false;
  for (let col = 0; col < cells.length; col++) {
    if (kindAt(grid, row, col) !== "text") continue;
    const v = rawAt(grid, row, col);
    if (typeof v !== "string" || isBlankText(v)) continue;
    // Labels are short: skip normalising (costly on every customer row) when the text cannot be one.
    return v.length <= 24 && MAY_BE_TOTAL.test(v) && TOTAL_LABELS.has(normalizeHeader(v));
  }
  return false;
}
