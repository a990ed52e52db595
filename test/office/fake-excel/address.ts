import { columnLetters, parseA1, qualifiedAddress } from "../../../src/core/workbook/grid";
import { fail } from "./errors";

/** Excel's grid size. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Parses "A1", "A1:C9", "C:E" or "3:5" (no sheet part) into a rectangle; InvalidArgument otherwise. */
export function parseAddress(address: string): Rect {
  const parts = address.replace(/\$/g, "").split(":");
  if (parts.length > 2 || parts.some((p) => p.trim() === "")) fail("InvalidArgument", `Invalid address: ${address}`);
  const cols = parts.every((p) => /^[A-Z]{1,3}$/i.test(p));
  const rows = parts.every((p) => /^\d+$/.test(p));
  if (cols) {
    const [a, b] = parts.map((p) => parseA1(`${p}1`)!.col);
    const lo = Math.min(a, b ?? a);
    return { row: 0, col: lo, rows: MAX_ROWS, cols: Math.abs((b ?? a) - a) + 1 };
  }
  if (rows) {
    const [a, b] = parts.map((p) => Number(p) - 1);
    return { row: Math.min(a, b ?? a), col: 0, rows: Math.abs((b ?? a) - a) + 1, cols: MAX_COLS };
  }
  const cells = parts.map((p) => parseA1(p));
  if (cells.some((c) => !c)) fail("InvalidArgument", `Invalid address: ${address}`);
  const [a, b] = [cells[0]!, cells[1] ?? cells[0]!];
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}

/** Formats a rectangle as Excel reports `Range.address`: Sheet1!A1:C9. */
export function formatAddress(sheet: string, r: Rect): string {
  const first = `${columnLetters(r.col)}${r.row + 1}`;
  const last = `${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
  return qualifiedAddress(sheet, r.rows === 1 && r.cols === 1 ? first : `${first}:${last}`);
}

/** Throws InvalidArgument when the rectangle leaves the grid or is empty. */
export function checkRect(r: Rect): void {
  if (r.rows < 1 || r.cols < 1 || r.row < 0 || r.col < 0 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) {
    fail("InvalidArgument", `The range is outside the worksheet or empty: ${JSON.stringify(r)}`);
  }
}

/** True when two rectangles share a cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
