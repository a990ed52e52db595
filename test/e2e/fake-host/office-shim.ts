/**
 * Stands in for office.js in the end-to-end test: Office.onReady says "Excel", Excel.run runs batches on the
 * in-memory fake holding a sample workbook, and window.__fakeExcel lets the test inspect the workbook.
 */
import { createFakeExcel, type SeedSheet } from "../../office/fake-excel";
import type { XlContext } from "../../../src/office/excel-subset";
import { SAMPLE_WORKBOOK } from "./sample-workbook";

// A test may seed another workbook (page.addInitScript sets window.__seedWorkbook before this runs).
const seed = (window as unknown as { __seedWorkbook?: SeedSheet[] }).__seedWorkbook ?? SAMPLE_WORKBOOK;
const xl = createFakeExcel(seed);
const params = new URLSearchParams(window.location.search);
// ?slowSyncMs=n: every sync takes n ms longer (to press Cancel in the middle of a write).
const slowSyncMs = Number(params.get("slowSyncMs") ?? 0);
// ?theme=dark: Office's Black theme colours.
const officeTheme = params.get("theme") === "dark"
  ? { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#333333", controlForegroundColor: "#ffffff", isDarkTheme: true }
  : { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#ffffff", controlForegroundColor: "#262626", isDarkTheme: false };
const info = { host: "Excel", platform: "OfficeOnline" };

type Handler = (arg: unknown) => void;
const actions = new Map<string, (event: { completed: () => void }) => unknown>();
const dialogs: { url: string; closed: boolean; handlers: Map<string, Handler> }[] = [];
let completed = 0;

const office = {
  HostType: { Excel: "Excel" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  context: {
    displayLanguage: params.get("lang") ?? "zh-CN",
    officeTheme,
    ui: {
      displayDialogAsync: (url: string, _options: unknown, callback: (r: { status: string; value: unknown }) => void): void => {
        const d = { url, closed: false, handlers: new Map<string, Handler>() };
        dialogs.push(d);
        const dialog = { close: () => void (d.closed = true), addEventHandler: (type: string, h: Handler) => void d.handlers.set(type, h) };
        setTimeout(() => callback({ status: "succeeded", value: dialog }), 0);
      },
    },
  },
  onReady: (callback?: (i: typeof info) => void): Promise<typeof info> =>
    new Promise((resolve) => setTimeout(() => {
      callback?.(info);
      resolve(info);
    }, 0)),
  actions: { associate: (name: string, f: (event: { completed: () => void }) => unknown): void => void actions.set(name, f) },
};

const excel = {
  run: <T>(batch: (ctx: XlContext) => Promise<T>): Promise<T> =>
    xl.run((ctx) => {
      if (slowSyncMs <= 0) return batch(ctx);
      const sync = ctx.sync.bind(ctx);
      const slow = { workbook: ctx.workbook, sync: () => new Promise((r) => setTimeout(r, slowSyncMs)).then(() => sync()) };
      return batch(slow);
    }),
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
  /** Selects a cell as the user would. */
  select: (name: string, row: number, col: number): void => {
    const sheet = xl.state.sheets.find((s) => s.name === name);
    if (sheet) xl.state.selection = { sheet, rect: { row, col, rows: 1, cols: 1 } };
  },
  /** Every sheet's name, visibility and used values, to compare the workbook before and after. */
  snapshot: (): { name: string; visibility: string; values: unknown[][] }[] =>
    xl.sheetNames().map((name) => {
      const s = xl.sheet(name);
      const used = s.usedRect();
      return { name, visibility: s.visibility, values: used ? s.read({ row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols }) : [] };
    }),
  actions: (): string[] => [...actions.keys()],
  invoke: (name: string): void => void actions.get(name)?.({ completed: () => void completed++ }),
  completed: (): number => completed,
  dialogs: (): { url: string; closed: boolean }[] => dialogs.map((d) => ({ url: d.url, closed: d.closed })),
  editCellFor: (syncs: number): void => void (xl.faults.cellEditModeSyncs = syncs),
  /** Types a value into a cell (as another user or run would), outside the pane's batches. */
  setCell: async (name: string, row: number, col: number, value: string | number): Promise<void> => {
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem(name).getRangeByIndexes(row, col, 1, 1).values = [[value]];
    await ctx.sync();
  },
  /** A sheet's used cells with their fills and font colours (for a picture of the written tab). */
  render: (name: string, maxRows: number): { value: string; fill?: string; font?: string; bold: boolean }[][] => {
    const s = xl.sheet(name);
    const used = s.usedRect();
    if (!used) return [];
    const out: { value: string; fill?: string; font?: string; bold: boolean }[][] = [];
    for (let r = 0; r < Math.min(used.row + used.rows, maxRows); r++) {
      const row: { value: string; fill?: string; font?: string; bold: boolean }[] = [];
      for (let c = 0; c < used.col + used.cols; c++) {
        const v = s.valueAt(r, c);
        const fmt = s.formatAt(r, c);
        const text = typeof v === "number" && fmt === "0%" ? `${Math.round(v * 100)}%` : typeof v === "number" && fmt === "0.0" ? v.toFixed(1) : String(v);
        row.push({ value: text, fill: s.layerAt(r, c, "fill"), font: s.layerAt(r, c, "font"), bold: s.layerAt(r, c, "bold") === "true" });
      }
      out.push(row);
    }
    return out;
  },
  answerDialog: (message: string): void => dialogs[dialogs.length - 1]?.handlers.get("dialogMessageReceived")?.({ message }),
};

const w = window as unknown as Record<string, unknown>;
w.Office = office;
w.Excel = excel;
w.__fakeExcel = inspect;
