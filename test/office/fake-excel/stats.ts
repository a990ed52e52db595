import type { Rect } from "./address";

/** One format call (fill or font colour, bold) as recorded for the per-cell analysis. */
export interface FormatCall extends Rect {
  sheetId: number;
  prop: string;
  value: string;
}

/** One range whose cells a sync read: its sheet, rectangle and the properties loaded. */
export interface CellRead extends Rect {
  sheet: string;
  props: string[];
}

/** What the fake counted: syncs, calls, payload sizes, format calls and cell reads. */
export class FakeStats {
  syncs = 0;
  /** Every range read for values, value types or number formats. */
  reads: CellRead[] = [];
  calls = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  formatCalls: FormatCall[] = [];
  suspendCalculation = 0;
  suspendScreenUpdating = 0;

  /** Largest request sent, in bytes of its JSON. */
  get maxRequestBytes(): number {
    return this.requestBytes.reduce((a, b) => Math.max(a, b), 0);
  }

  /** Largest response, in bytes of its JSON. */
  get maxResponseBytes(): number {
    return this.responseBytes.reduce((a, b) => Math.max(a, b), 0);
  }

  /**
   * Format calls on a single cell where a larger block would have done: a 1×1 call next to another call
   * of the same property and value that it could have been merged with into one rectangle.
   */
  perCellFormatCalls(): number {
    const base = (c: FormatCall): string => `${c.sheetId}|${c.prop}|${c.value}`;
    // One-column rectangles by where they start and by the row after their end; one-row ones likewise.
    const starts = new Set<string>();
    const ends = new Set<string>();
    for (const c of this.formatCalls) {
      const b = base(c);
      if (c.cols === 1) starts.add(`${b}|v|${c.col}|${c.row}`);
      if (c.cols === 1) ends.add(`${b}|v|${c.col}|${c.row + c.rows}`);
      if (c.rows === 1) starts.add(`${b}|h|${c.row}|${c.col}`);
      if (c.rows === 1) ends.add(`${b}|h|${c.row}|${c.col + c.cols}`);
    }
    let count = 0;
    for (const c of this.formatCalls) {
      if (c.rows !== 1 || c.cols !== 1) continue;
      const b = base(c);
      const mergeable =
        ends.has(`${b}|v|${c.col}|${c.row}`) ||
        starts.has(`${b}|v|${c.col}|${c.row + 1}`) ||
        ends.has(`${b}|h|${c.row}|${c.col}`) ||
        starts.has(`${b}|h|${c.row}|${c.col + 1}`);
      if (mergeable) count++;
    }
    return count;
  }
}
