import { promises as fsp } from "fs";
import { META_SHEET_NAME } from "../core/output-tabs/write-plan";
import { OUTPUT_SPECS } from "../core/job/run-job";
import { readOwnedTabs } from "../core/output-tabs/previous-outputs";
import type { WorkbookModel } from "../core/workbook/grid";
import { WorkbookReadError } from "../xlsx/read-error";
import { readWorkbookFile } from "../xlsx/read-workbook";
import { previousReadPlan } from "./previous-filter";

/** What is at the output path before the run. */
export type PreviousOutput =
  | { kind: "none" }
  | { kind: "ours"; workbook: WorkbookModel }
  | { kind: "foreign" }
  | { kind: "foreignSheets"; sheets: string[] }
  | { kind: "unreadable"; reason: string };

/**
 * Output tabs whose rows a new run never uses: none any more — every tab may hold columns and rows users
 * added, which are carried (the KPI tab and the problems tab too), and the history and run log are read
 * whole. Kept as the reader's skip hook for a tab with no row key that is not read whole.
 */
const UNUSED_TAB_NAMES = new Set<string>(
  OUTPUT_SPECS.filter((s) => !s.carriedWhole && s.keyColumns.length === 0).flatMap((s) => [s.zh, s.en]),
);

/** True when the metadata sheet says this product wrote the workbook. */
function writtenByUs(wb: WorkbookModel): boolean {
  const meta = wb.sheets.find((s) => s.name === META_SHEET_NAME);
  return !!meta && meta.values[0]?.[0] === "product" && meta.values[0]?.[1] === "customer-tiers";
}

/**
 * Looks at the output path: nothing there, an earlier output of ours (its edits and history carry over),
 * or something we must not overwrite — a foreign file, or ours with sheets a user added (we would lose them).
 */
export async function inspectPreviousOutput(file: string): Promise<PreviousOutput> {
  try {
    await fsp.access(file);
  } catch {
    return { kind: "none" };
  }
  let wb: WorkbookModel;
  try {
    // Only what the next run needs: computed cells of big tabs are dropped as the file streams.
    wb = await readWorkbookFile(file, undefined, (sheet) => UNUSED_TAB_NAMES.has(sheet), previousReadPlan());
  } catch (e) {
    if (e instanceof WorkbookReadError && (e.kind === "notWorkbook" || e.kind === "legacyXls" || e.kind === "encrypted")) {
      return { kind: "foreign" };
    }
    return { kind: "unreadable", reason: e instanceof Error ? e.message : String(e) };
  }
  if (!writtenByUs(wb)) return { kind: "foreign" };
  const owned = readOwnedTabs(wb);
  const extra = wb.sheets.map((s) => s.name).filter((n) => n !== META_SHEET_NAME && !owned.has(n));
  if (extra.length) return { kind: "foreignSheets", sheets: extra };
  return { kind: "ours", workbook: wb };
}
