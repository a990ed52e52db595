import { REGISTER_FIELDS, type RegisterFieldId } from "../register/fields";
import { META_SHEET_NAME, type PlanValue } from "../plan/write-plan";
import type { RawValue, SheetGrid, WorkbookModel } from "../workbook/grid";

/** A header a user matched to a field in the pane: in `sheet`, the column headed `header` holds `field`. */
export interface HeaderMapEntry {
  sheet: string;
  header: string;
  field: RegisterFieldId;
}

const FIELD_IDS = new Set<string>(REGISTER_FIELDS.map((f) => f.id));
const HEADER_ROWS = 10;

/** The header matches remembered in the metadata sheet (rows `headerMap | sheet | header | … | field | …`). */
export function readHeaderMaps(wb: WorkbookModel): HeaderMapEntry[] {
  const meta = wb.sheets.find((s) => s.name === META_SHEET_NAME);
  const out: HeaderMapEntry[] = [];
  for (const row of meta?.values ?? []) {
    if (row[0] === "headerMap" && typeof row[1] === "string" && row[3] !== null && row[3] !== undefined && typeof row[5] === "string" && FIELD_IDS.has(row[5])) {
      out.push({ sheet: row[1], header: String(row[3]), field: row[5] as RegisterFieldId });
    }
  }
  return out;
}

/** Metadata rows recording header matches, beside the rows of owned tabs. */
export function headerMapRows(maps: HeaderMapEntry[]): PlanValue[][] {
  return maps.map((m) => ["headerMap", m.sheet, "header", m.header, "field", m.field]);
}

/** Later matches of the same sheet and header win (what the user chose last). */
export function mergeHeaderMaps(...lists: HeaderMapEntry[][]): HeaderMapEntry[] {
  const byKey = new Map<string, HeaderMapEntry>();
  for (const list of lists) for (const m of list) byKey.set(`${m.sheet}\u241f${m.header}`, m);
  return [...byKey.values()];
}

/** The row most likely to hold the headers: of the first rows, the one with the most text cells. */
export function headerRowOf(grid: SheetGrid): number {
  let best = -1;
  let most = 1;
  for (let r = 0; r < Math.min(grid.values.length, HEADER_ROWS); r++) {
    const texts = (grid.values[r] ?? []).filter((v) => typeof v === "string" && v.trim() !== "").length;
    if (texts > most) {
      most = texts;
      best = r;
    }
  }
  return best;
}

/** The header texts of a sheet, with their columns, for the pane's matching form. */
export function sheetHeaders(grid: SheetGrid): { col: number; header: string }[] {
  const r = headerRowOf(grid);
  if (r < 0) return [];
  return (grid.values[r] ?? []).flatMap((v, col) => (typeof v === "string" && v.trim() !== "" ? [{ col, header: v }] : []));
}

/**
 * The workbook as the job should read it: in each matched sheet's header row, a matched header is read as
 * the field's own header. Only the in-memory model changes; the user's sheet is never written.
 */
export function applyHeaderMaps(wb: WorkbookModel, maps: HeaderMapEntry[]): WorkbookModel {
  if (maps.length === 0) return wb;
  return {
    ...wb,
    sheets: wb.sheets.map((grid) => {
      const mine = maps.filter((m) => m.sheet === grid.name);
      const r = mine.length > 0 ? headerRowOf(grid) : -1;
      if (r < 0) return grid;
      const row: RawValue[] = [...grid.values[r]];
      for (const m of mine) {
        const col = row.findIndex((v) => typeof v === "string" && v.trim() === m.header.trim());
        const field = REGISTER_FIELDS.find((f) => f.id === m.field)!;
        if (col >= 0) row[col] = field.zh[0];
      }
      const values = [...grid.values];
      values[r] = row;
      return { ...grid, values };
    }),
  };
}
