import type { HeaderRow } from "../recognition/header-row";
import type { ProblemLog } from "../problems/problem";
import { a1, type SheetGrid } from "../workbook/grid";

/**
 * Nothing is dropped without a word: one note (提示) per header cell that is not read — a name the product
 * does not know (unless the caller reads those itself), or a second column for a field already read.
 */
export function noteUnreadHeaders(grid: SheetGrid, header: HeaderRow, log: ProblemLog, opts: { unknown?: boolean } = {}): void {
  const notes: { col: number; code: string; params: Record<string, string> }[] = [];
  if (opts.unknown !== false) {
    for (const { col, text } of header.unmatched) notes.push({ col, code: "header.unknown", params: { text } });
  }
  for (const d of header.duplicates) {
    const first = header.texts.get(header.columns.get(d.field) ?? -1) ?? "";
    notes.push({ col: d.col, code: "header.duplicate", params: { text: d.text, first } });
  }
  // In the order of the columns, as the user reads the header row.
  notes.sort((a, b) => a.col - b.col);
  for (const n of notes) log.note(n.code, { sheet: grid.name, cell: a1(grid, header.row, n.col), params: n.params });
}
