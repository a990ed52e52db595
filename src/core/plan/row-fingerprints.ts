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
const TOKEN_CHARS = KEY_CHARS + CONTENT_CHARS;
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

/** The token of a row: key hash + hash of its computed cells. */
export function rowToken(key: string, computed: readonly (PlanValue | undefined)[]): string {
  const content = fnv(computed.map(comparable).join("\u241e")) % CONTENT_MOD;
  return keyHash(key) + content.toString(36).padStart(CONTENT_CHARS, "0");
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
  const perChunk = Math.floor(FINGERPRINT_CHUNK / TOKEN_CHARS);
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

/** The fingerprints of one tab of the previous run. */
export interface TabFingerprints {
  keys: Set<string>;
  tokens: Set<string>;
}

/** Reads the previous run's fingerprints from the metadata sheet, by tab. */
export function readFingerprints(wb: WorkbookModel): Map<OutputTabId, TabFingerprints> {
  const out = new Map<OutputTabId, TabFingerprints>();
  const meta = wb.sheets.find((s) => s.name === META_SHEET_NAME);
  if (!meta) return out;
  for (const row of meta.values) {
    if (row[0] !== "rows" || typeof row[1] !== "string" || typeof row[4] !== "string") continue;
    const id = row[1] as OutputTabId;
    let f = out.get(id);
    if (!f) out.set(id, (f = { keys: new Set(), tokens: new Set() }));
    const text = row[4];
    for (let i = 0; i + TOKEN_CHARS <= text.length; i += TOKEN_CHARS) {
      const token = text.slice(i, i + TOKEN_CHARS);
      f.tokens.add(token);
      f.keys.add(token.slice(0, KEY_CHARS));
    }
  }
  return out;
}
