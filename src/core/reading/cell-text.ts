import { kindAt, rawAt, type SheetGrid } from "../workbook/grid";
import { trimText } from "../text/trim";

/** A cell as trimmed text: numbers as typed (1001 → "1001"), empty and error cells as "". */
export function cellText(grid: SheetGrid, row: number, col: number): string {
  const kind = kindAt(grid, row, col);
  if (kind === "empty" || kind === "error") return "";
  const v = rawAt(grid, row, col);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  return trimText(typeof v === "string" ? v : String(v));
}

/** The text shown in messages for a bad cell: its raw value as typed. */
export function cellDisplay(grid: SheetGrid, row: number, col: number): string {
  const v = rawAt(grid, row, col);
  return v === null ? "" : String(v);
}
