import type { CellKind, RawValue } from "../core/workbook/grid";

/** A cell as the workbook model holds it. */
export interface ModelCell {
  value: RawValue;
  kind: CellKind;
}

const MS_PER_DAY = 86400000;
// Excel's serial 25569 is 1970-01-01 (the 1900 system, with its phantom 29 Feb 1900 before March 1900).
const UNIX_EPOCH_SERIAL = 25569;

/** Excel serial day number of a Date read as UTC (how ExcelJS builds Dates from serials). */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

interface RichTextPart {
  text?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function richToText(rich: unknown): string {
  return Array.isArray(rich) ? rich.map((p: RichTextPart) => (typeof p?.text === "string" ? p.text : "")).join("") : "";
}

/**
 * Converts an ExcelJS cell value to the model: formulas give their cached result, errors their `#...`
 * text, dates their serial, rich text and hyperlinks their plain text. Strings stay strings even when
 * they look like numbers (the core parses "1,200" itself and reports it where it must).
 */
export function toModelCell(v: unknown): ModelCell {
  if (v === null || v === undefined) return { value: null, kind: "empty" };
  if (typeof v === "string") return v === "" ? { value: null, kind: "empty" } : { value: v, kind: "text" };
  if (typeof v === "number") {
    // ExcelJS's streaming reader parses a formula's cached error (t="e") with parseFloat → NaN; the error
    // text is lost there, so it becomes Excel's most common lookup error rather than a bogus number.
    return Number.isFinite(v) ? { value: v, kind: "number" } : { value: "#N/A", kind: "error" };
  }
  if (typeof v === "boolean") return { value: v, kind: "boolean" };
  if (v instanceof Date) {
    const serial = dateToSerial(v);
    return Number.isFinite(serial) ? { value: serial, kind: "number" } : { value: null, kind: "empty" };
  }
  if (isRecord(v)) {
    if (typeof v.error === "string") return { value: v.error, kind: "error" };
    if ("formula" in v || "sharedFormula" in v) {
      const r = v.result;
      return r === undefined ? { value: null, kind: "empty" } : toModelCell(r);
    }
    if ("richText" in v) {
      const t = richToText(v.richText);
      return t === "" ? { value: null, kind: "empty" } : { value: t, kind: "text" };
    }
    if ("text" in v) {
      const t = typeof v.text === "string" ? v.text : isRecord(v.text) ? richToText(v.text.richText) : "";
      return t === "" ? { value: null, kind: "empty" } : { value: t, kind: "text" };
    }
  }
  return { value: String(v), kind: "text" };
}
