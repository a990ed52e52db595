import type { Rect } from "./address";

/** One format call (fill or font colour, bold) as recorded for the per-cell analysis. */
export interface FormatCall extends Rect {
  sheetId: number;
  prop: string;
  value: string;
}

/** What the fake counted: syncs, calls, payload sizes and format calls. */
export class FakeStats {
  syncs = 0;
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
    const key = (c: FormatCall, row: number, col: number): string => `${c.sheetId}|${c.prop}|${c.value}|${row}|${col}`;
    const single = new Set<string>();
    for (const c of this.formatCalls) if (c.rows === 1 && c.cols === 1) single.add(key(c, c.row, c.col));
    let count = 0;
    for (const c of this.formatCalls) {
      if (c.rows !== 1 || c.cols !== 1) continue;
      const neighbours = [
        [c.row - 1, c.col],
        [c.row + 1, c.col],
        [c.row, c.col - 1],
        [c.row, c.col + 1],
      ];
      let mergeable = neighbours.some(([r, k]) => single.has(key(c, r, k)));
      if (!mergeable) {
        mergeable = this.formatCalls.some(
          (o) =>
            o !== c &&
            o.sheetId === c.sheetId &&
            o.prop === c.prop &&
            o.value === c.value &&
            ((o.cols === 1 && o.col === c.col && (o.row + o.rows === c.row || c.row + 1 === o.row)) ||
              (o.rows === 1 && o.row === c.row && (o.col + o.cols === c.col || c.col + 1 === o.col))),
        );
      }
      if (mergeable) count++;
    }
    return count;
  }
}
