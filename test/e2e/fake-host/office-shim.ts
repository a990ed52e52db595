/**
 * Stands in for office.js in the end-to-end test: Office.onReady says "Excel", Excel.run runs batches on the
 * in-memory fake holding a sample workbook, and window.__fakeExcel lets the test inspect the workbook.
 */
import { createFakeExcel } from "../../office/fake-excel";
import type { XlContext } from "../../../src/office/excel-subset";
import { SAMPLE_WORKBOOK } from "./sample-workbook";

const xl = createFakeExcel(SAMPLE_WORKBOOK);
const params = new URLSearchParams(window.location.search);
const info = { host: "Excel", platform: "OfficeOnline" };

const office = {
  HostType: { Excel: "Excel" },
  context: { displayLanguage: params.get("lang") ?? "zh-CN" },
  onReady: (callback?: (i: typeof info) => void): Promise<typeof info> =>
    new Promise((resolve) => setTimeout(() => {
      callback?.(info);
      resolve(info);
    }, 0)),
  actions: { associate: (): void => undefined },
};

const excel = {
  run: <T>(batch: (ctx: XlContext) => Promise<T>): Promise<T> => xl.run(batch),
};

/** What the test reads back from the page. */
const inspect = {
  sheetNames: (): string[] => xl.sheetNames(),
  visibility: (name: string): string => xl.sheet(name).visibility,
  cell: (name: string, row: number, col: number): { value: unknown; formula?: string } => ({
    value: xl.sheet(name).valueAt(row, col),
    formula: xl.sheet(name).formulaAt(row, col),
  }),
  column: (name: string, col: number): unknown[] => {
    const s = xl.sheet(name);
    const used = s.usedRect();
    return used ? s.read({ row: 0, col, rows: used.row + used.rows, cols: 1 }).map((r) => r[0]) : [];
  },
  tables: (): { name: string; sheet: string }[] => xl.state.tables.map((t) => ({ name: t.name, sheet: t.sheet.name })),
  selection: (): { sheet: string; row: number; col: number } | null =>
    xl.state.selection ? { sheet: xl.state.selection.sheet.name, row: xl.state.selection.rect.row, col: xl.state.selection.rect.col } : null,
  syncs: (): number => xl.stats.syncs,
};

const w = window as unknown as Record<string, unknown>;
w.Office = office;
w.Excel = excel;
w.__fakeExcel = inspect;
