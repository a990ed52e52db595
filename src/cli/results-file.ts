import { promises as fsp } from "fs";
import * as path from "path";
import { RESULT_FIELDS, type CustomerResult, type WorkbookResult } from "../core/batch/workbook-result";
import type { PlanValue } from "../core/output-tabs/write-plan";
import { writeAtomically } from "../xlsx/atomic-write";

/** Text that a spreadsheet would take for a formula or command: = + - @ and the control starts. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: numbers as numbers, text quoted when needed and never readable as a formula. */
export function csvField(v: PlanValue): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  // An apostrophe in front keeps Excel from running text such as =HYPERLINK(…) as a formula when it opens the file.
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header of the results: the workbook's name first in a batch, then the stable field names. */
export function resultHeader(withWorkbook: boolean): string[] {
  return withWorkbook ? ["workbook", ...RESULT_FIELDS] : [...RESULT_FIELDS];
}

function workbookName(file: string): string {
  return path.basename(file);
}

/**
 * UTF-8 CSV with a byte-order mark (so Excel opens Chinese text right), CRLF line ends, one row per customer.
 */
export function resultsCsv(results: WorkbookResult[], withWorkbook: boolean): string {
  const lines = [resultHeader(withWorkbook).join(",")];
  for (const r of results) {
    for (const c of r.customers) {
      const cells = RESULT_FIELDS.map((f) => csvField(c[f]));
      lines.push((withWorkbook ? [csvField(workbookName(r.file)), ...cells] : cells).join(","));
    }
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

/** JSON lines: one object per customer, the workbook's name first in a batch. */
export function resultsJsonLines(results: WorkbookResult[], withWorkbook: boolean): string {
  let out = "";
  for (const r of results) {
    for (const c of r.customers) {
      const row: Record<string, PlanValue> = withWorkbook ? { workbook: workbookName(r.file) } : {};
      for (const f of RESULT_FIELDS) row[f] = (c as CustomerResult)[f];
      out += JSON.stringify(row) + "\n";
    }
  }
  return out;
}

/** Writes the results file atomically (temporary file, then rename). */
export async function writeResultsFile(file: string, kind: "csv" | "json", results: WorkbookResult[], withWorkbook: boolean): Promise<void> {
  const text = kind === "csv" ? resultsCsv(results, withWorkbook) : resultsJsonLines(results, withWorkbook);
  await writeAtomically(file, (tmp) => fsp.writeFile(tmp, text, "utf8"));
}
