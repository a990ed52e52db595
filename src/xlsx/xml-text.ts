import { columnLetters } from "../core/workbook/grid";
/** Text as it may stand in SpreadsheetML: escaped, without characters XML 1.0 forbids, within Excel's cell limit. */

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32767;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for an XML attribute or element. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Anything cellText would change: a forbidden control character, any surrogate (checked in detail), `_xHHHH_`. */
const NEEDS_CLEANING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/;

/**
 * Cell text made safe for a shared string: control characters XML cannot carry are dropped, lone surrogates
 * too, and a literal `_xHHHH_` gets its underscore escaped (Excel would otherwise decode it as a character).
 */
export function cellText(s: string): string {
  // Nearly every text is clean: one scan instead of three replacements (this runs for every text cell).
  if (s.length <= MAX_CELL_CHARS && !NEEDS_CLEANING.test(s)) return s;
  let t = s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  if (t.length > MAX_CELL_CHARS) t = t.slice(0, MAX_CELL_CHARS);
  return t;
}

/** Column letters for a 1-based column number (1 → A, 28 → AB). */
export function colName(n: number): string {
  return columnLetters(n - 1);
}
