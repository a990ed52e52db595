import { META_SHEET_NAME, metaRows, type WritePlan } from "../../src/core/output-tabs/write-plan";
import type { SheetGrid, WorkbookModel } from "../../src/core/workbook/grid";

/** What an adapter leaves in a workbook after writing a plan: input sheets untouched, outputs replaced. */
export function applyPlan(wb: WorkbookModel, plan: WritePlan, previousOwned: string[] = []): WorkbookModel {
  const replaced = new Set([...previousOwned, ...plan.tabs.map((t) => t.name), META_SHEET_NAME]);
  const kept = wb.sheets.filter((s) => !replaced.has(s.name));
  const outputs: SheetGrid[] = plan.tabs.map((t) => ({ name: t.name, values: [t.columns.map((c) => c.header), ...t.rows] }));
  return { sheets: [...kept, ...outputs, { name: META_SHEET_NAME, values: metaRows(plan.meta), hidden: true }] };
}

/** Sets a cell of an output tab by column header and the value in another column. */
export function editCell(wb: WorkbookModel, sheet: string, match: { header: string; value: string }, header: string, value: string): void {
  const grid = wb.sheets.find((s) => s.name === sheet)!;
  const head = grid.values[0];
  const m = head.indexOf(match.header);
  const c = head.indexOf(header);
  const row = grid.values.find((r, i) => i > 0 && r[m] === match.value)!;
  row[c] = value;
}
