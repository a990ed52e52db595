import type { RawValue } from "../core/workbook/grid";
import type { XlCellValue, XlContext } from "./excel-subset";

/** A sheet to insert: its name and its rows (written as text where they are text). */
export interface NewSheet {
  name: string;
  values: RawValue[][];
}

/**
 * Inserts sheets (the template) only into a workbook that has none of them: when any name is taken
 * (case-insensitively, as Excel compares), nothing is written and the names taken are returned.
 * Text cells get the "@" format first, so a template text never turns into a formula.
 */
export async function insertSheets(ctx: XlContext, sheets: NewSheet[]): Promise<{ inserted: string[] } | { existing: string[] }> {
  const all = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  const taken = new Set(all.items.map((s) => s.name.toLowerCase()));
  const existing = sheets.filter((s) => taken.has(s.name.toLowerCase())).map((s) => s.name);
  if (existing.length > 0) return { existing };
  for (const s of sheets) {
    const ws = ctx.workbook.worksheets.add(s.name);
    const cols = Math.max(1, ...s.values.map((r) => r.length));
    if (s.values.length === 0) continue;
    const range = ws.getRangeByIndexes(0, 0, s.values.length, cols);
    range.numberFormat = s.values.map((r) => Array.from({ length: cols }, (_, c) => (typeof r[c] === "string" ? "@" : "General")));
    range.values = s.values.map((r) => Array.from({ length: cols }, (_, c): XlCellValue => {
      const v = r[c];
      return v === null || v === undefined ? "" : v;
    }));
  }
  await ctx.sync();
  ctx.workbook.worksheets.getItem(sheets[0].name).activate();
  await ctx.sync();
  return { inserted: sheets.map((s) => s.name) };
}
