import { REGISTER_FIELDS, type RegisterFieldId } from "../register/fields";
import { EVALUATION_COLUMNS } from "../reading/evaluation-headers";
import { MODEL_COLUMNS } from "../reading/model-reader";
import { META_SHEET_NAME, type PlanValue } from "../output-tabs/write-plan";
import type { RawValue, SheetGrid, WorkbookModel } from "../workbook/grid";

/** The role whose columns a matched field belongs to; "key" (客户编号, 客户名称) serves the register and the evaluation alike. */
export type HeaderFieldRole = "key" | "register" | "evaluation" | "model";

/** A field a header can be matched to: a register field id, or `evaluation.score`, `model.weight` … */
export type HeaderField = RegisterFieldId | `evaluation.${string}` | `model.${string}`;

/** A field of the matching form: its id, its role, the header the readers know it by, and its labels. */
export interface HeaderFieldInfo {
  id: HeaderField;
  role: HeaderFieldRole;
  /** The header written in place of the user's (in the in-memory copy only): one the role's reader recognises. */
  canonical: string;
  zh: string;
  en: string;
}

const english = (names: string[]): string => names.find((n) => /^[A-Za-z]/.test(n)) ?? names[0];

/** Every field a header can be matched to, the customer key first, then by role. */
export const HEADER_FIELDS: HeaderFieldInfo[] = [
  ...REGISTER_FIELDS.map((f): HeaderFieldInfo => ({ id: f.id, role: f.id === "id" || f.id === "name" ? "key" : "register", canonical: f.zh[0], zh: f.zh[0], en: f.en[0] }))
    .sort((a, b) => Number(b.role === "key") - Number(a.role === "key")),
  ...EVALUATION_COLUMNS.filter((c) => c.id !== "id" && c.id !== "name").map((c): HeaderFieldInfo => ({ id: `evaluation.${c.id}`, role: "evaluation", canonical: c.names[0], zh: c.names[0], en: english(c.names) })),
  ...MODEL_COLUMNS.map((c): HeaderFieldInfo => ({ id: `model.${c.id}`, role: "model", canonical: c.names[0], zh: c.names[0], en: english(c.names) })),
];

/** A header a user matched to a field in the pane: in `sheet`, the column headed `header` holds `field`. */
export interface HeaderMapEntry {
  sheet: string;
  header: string;
  field: HeaderField;
}

const FIELDS_BY_ID = new Map<string, HeaderFieldInfo>(HEADER_FIELDS.map((f) => [f.id, f]));

/**
 * The role a sheet's matches point to: the model's or the evaluation's own columns decide; else customer
 * fields make a register. Undefined when nothing was matched.
 */
export function roleOfMatches(maps: HeaderMapEntry[]): "register" | "evaluation" | "model" | undefined {
  const roles = new Set(maps.map((m) => FIELDS_BY_ID.get(m.field)?.role));
  if (roles.has("model")) return "model";
  if (roles.has("evaluation")) return "evaluation";
  return roles.size > 0 ? "register" : undefined;
}
const HEADER_ROWS = 10;

/** The header matches remembered in the metadata sheet (rows `headerMap | sheet | header | … | field | …`). */
export function readHeaderMaps(wb: WorkbookModel): HeaderMapEntry[] {
  const meta = wb.sheets.find((s) => s.name === META_SHEET_NAME);
  const out: HeaderMapEntry[] = [];
  for (const row of meta?.values ?? []) {
    if (row[0] === "headerMap" && typeof row[1] === "string" && row[3] !== null && row[3] !== undefined && typeof row[5] === "string" && FIELDS_BY_ID.has(row[5])) {
      out.push({ sheet: row[1], header: String(row[3]), field: FIELDS_BY_ID.get(row[5])!.id });
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
 * the field's own header (the register's, the evaluation's or the model's, as its reader knows it). Only the in-memory model changes; the user's sheet is never written.
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
        const field = FIELDS_BY_ID.get(m.field);
        if (col >= 0 && field) row[col] = field.canonical;
      }
      const values = [...grid.values];
      values[r] = row;
      return { ...grid, values };
    }),
  };
}
