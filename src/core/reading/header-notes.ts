import type { HeaderRow } from "../recognition/header-row";
import type { ProblemLog } from "../problems/problem";
import { a1, type SheetGrid } from "../workbook/grid";

/**
 * Nothing is dropped without a word: one note (提示) per header cell that is not read — a name the product
 * does not know (unless the caller reads those itself), or a second column for a field already read.
 */
export function noteUnreadHeaders(grid: SheetGrid, header: HeaderRow, log: ProblemLog, opts: { unknown?: boolean } = {}): void {
  const at = (col: number) => ({ sheet: grid.name, cell: a1(grid, header.row, col) });
  if (opts.unknown !== false) {
    for (const { col, text } of header.unmatched) log.note("header.unknown", { ...at(col), params: { text } });
  }
  for (const d of header.duplicates) {
    const first = header.texts.get(header.columns.get(d.field) ?? -1) ?? "";
    log.note("header.duplicate", { ...at(d.col), params: { text: d.text, first } });
  }
}
