import { promises as fsp } from "fs";
import { META_SHEET_NAME } from "../core/plan/write-plan";
import { OUTPUT_SPECS } from "../core/job/run-job";
import { isCarried, previousColumnsToRead, readOwnedTabs } from "../core/plan/previous-outputs";
import type { WorkbookModel } from "../core/workbook/grid";
import { WorkbookReadError } from "../xlsx/read-error";
import { readWorkbookFile } from "../xlsx/read-workbook";

/** What is at the output path before the run. */
export type PreviousOutput =
  | { kind: "none" }
  | { kind: "ours"; workbook: WorkbookModel }
  | { kind: "foreign" }
  | { kind: "foreignSheets"; sheets: string[] }
  | { kind: "unreadable"; reason: string };

/**
 * Output tabs whose rows a new run never uses (KPI, churn warnings, data problems): their cells are skipped
 * while the previous output streams in, never parsed into the model.
 */
const UNUSED_TAB_NAMES = new Set(
  OUTPUT_SPECS.filter((s) => !isCarried(s)).flatMap((s) => [s.zh, s.en]),
);

/**
 * Keeps of each previous output tab only the columns a run reads back (keys, edits, user-added columns, the
 * history whole): names, measures and the like are let go as soon as the file is read, so a monthly run does
 * not hold two copies of every customer's texts.
 */
function keepCarriedColumns(wb: WorkbookModel): void {
  for (const [name, id] of readOwnedTabs(wb)) {
    const spec = OUTPUT_SPECS.find((s) => s.id === id);
    const grid = wb.sheets.find((s) => s.name === name);
    if (!spec || !grid || spec.carriedWhole) continue;
    const plan = previousColumnsToRead(grid, spec);
    if (!plan) continue;
    for (let r = plan.headerRow + 1; r < grid.values.length; r++) {
      const row = grid.values[r];
      if (!row) continue;
      const kept: typeof row = [];
      for (const c of plan.cols) if (c < row.length) kept[c] = row[c];
      grid.values[r] = kept;
    }
  }
}

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
    wb = await readWorkbookFile(file, undefined, (sheet) => UNUSED_TAB_NAMES.has(sheet));
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
  keepCarriedColumns(wb);
  return { kind: "ours", workbook: wb };
}
