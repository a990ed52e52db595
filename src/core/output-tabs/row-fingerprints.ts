import type { WorkbookModel } from "../workbook/grid";
import { FINGERPRINT_CHUNK, META_SHEET_NAME, type OutputTabId, type PlanValue, type TabPlan } from "./write-plan";

/**
 * Row fingerprints: for every row a run computes, a short token made of a hash of its row key and a hash
 * of its computed cells. Kept in the metadata sheet, they let the next run tell a row a user added (its
 * key was never ours) and a computed cell a user changed (the key is ours, the cells no longer match)
 * from rows it wrote itself — without keeping a copy of the outputs.
 */

/** Tabs with more rows than this get no fingerprints (the metadata stays small); see the docs' limits. */
export const FINGERPRINT_MAX_ROWS = 20000;

const KEY_CHARS = 7;
const CONTENT_CHARS = 3;
const CONTENT_MOD = 36 ** CONTENT_CHARS;

/** 32-bit FNV-1a of a string. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A cell as compared across runs: numbers to 12 significant digits (what a file round trip keeps). */
export function comparable(v: PlanValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : "";
  return v;
}

/** The key part of a token. */
export function keyHash(key: string): string {
  return fnv(key).toString(36).padStart(KEY_CHARS, "0");
}

/** One base-36 character per cell: tells which computed cell of a changed row was changed. */
function cellChar(v: PlanValue | undefined): string {
  return (fnv(comparable(v)) % 36).toString(36);
}

/** Characters of a token for a row of `cols` computed columns. */
export function tokenLength(cols: number): number {
  return KEY_CHARS + CONTENT_CHARS + cols;
}

/** The token of a row: key hash, hash of its computed cells, one character per computed cell. */
export function rowToken(key: string, computed: readonly (PlanValue | undefined)[]): string {
  const content = fnv(computed.map(comparable).join("\u241e")) % CONTENT_MOD;
  return keyHash(key) + content.toString(36).padStart(CONTENT_CHARS, "0") + computed.map(cellChar).join("");
}

/** Which columns of a tab a run computes (neither editable nor a user's). */
export function computedColumns(tab: TabPlan): number[] {
  const out: number[] = [];
  tab.columns.forEach((c, i) => {
    if (!c.editable && !c.user) out.push(i);
  });
  return out;
}

/** Fingerprint chunks of a tab's computed rows (the first `rows` rows), or null when the tab is too large. */
export function fingerprintTab(tab: TabPlan, keyOf: (row: readonly PlanValue[]) => string, rows = tab.rows.length): string[] | null {
  if (rows > FINGERPRINT_MAX_ROWS) return null;
  const cols = computedColumns(tab);
  const perChunk = Math.floor(FINGERPRINT_CHUNK / tokenLength(cols.length));
  const chunks: string[] = [];
  for (let start = 0; start < rows; start += perChunk) {
    let s = "";
    for (let r = start; r < Math.min(rows, start + perChunk); r++) {
      const row = tab.rows[r];
      s += rowToken(keyOf(row), cols.map((c) => row[c]));
    }
    chunks.push(s);
  }
  return chunks;
}

/** The fingerprints of one tab of the previous run: tokens by key hash. */
export interface TabFingerprints {
  keys: Map<string, string[]>;
}

/** How a previous row compares with what the previous run wrote for its key. */
export type RowCheck =
  | { kind: "unknown" }
  | { kind: "same" }
  /** Changed: `cells[i]` true where computed cell i no longer matches (all true when unknown). */
  | { kind: "changed"; cells: boolean[] };

/** Compares a previous row's key and computed cells with the fingerprints. */
export function checkRow(fp: TabFingerprints, key: string, computed: readonly (PlanValue | undefined)[]): RowCheck {
  const tokens = fp.keys.get(keyHash(key));
  if (!tokens) return { kind: "unknown" };
  const now = rowToken(key, computed);
  if (tokens.includes(now)) return { kind: "same" };
  const was = tokens[0];
  if (was.length !== now.length) return { kind: "changed", cells: computed.map(() => true) };
  const cells = computed.map((_, i) => was[KEY_CHARS + CONTENT_CHARS + i] !== now[KEY_CHARS + CONTENT_CHARS + i]);
  // Every cell's character matching by chance: fall back to "any cell may have changed".
  return { kind: "changed", cells: cells.some((c) => c) ? cells : cells.map(() => true) };
}

/** Reads the previous run's fingerprints from the metadata sheet, by tab. */
export function readFingerprints(wb: WorkbookModel): Map<OutputTabId, TabFingerprints> {
  const out = new Map<OutputTabId, TabFingerprints>();
  const meta = wb.sheets.find((s) => s.name === META_SHEET_NAME);
  if (!meta) return out;
  for (const row of meta.values) {
    if (row[0] !== "rows" || typeof row[1] !== "string" || typeof row[4] !== "string") continue;
    const size = Number(row[5]);
    if (!Number.isInteger(size) || size < KEY_CHARS + CONTENT_CHARS) continue;
    const id = row[1] as OutputTabId;
    let f = out.get(id);
    if (!f) out.set(id, (f = { keys: new Map() }));
    const text = row[4];
    for (let i = 0; i + size <= text.length; i += size) {
      const token = text.slice(i, i + size);
      const k = token.slice(0, KEY_CHARS);
      const list = f.keys.get(k);
      if (list) list.push(token);
      else f.keys.set(k, [token]);
    }
  }
  return out;
}
