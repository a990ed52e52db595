import type { XlCellValue, XlVisibility } from "../../../src/office/excel-subset";
import { isErrorLiteral } from "../../../src/core/workbook/grid";
import { PAYLOAD_LIMIT_BYTES } from "../../../src/office/request-size";
import { FakeRequestContext, type FakeFaults, type FakeHost } from "./context";
import { fail } from "./errors";
import { FakeStats } from "./stats";
import { WorkbookState, type SheetState } from "./workbook-state";

export { FakeExcelError } from "./errors";
export { FakeRequestContext } from "./context";
export { FakeStats } from "./stats";
export type { SheetState, WorkbookState } from "./workbook-state";

/** A sheet to start with, as a user left it: values (null = empty), optional number formats. */
export interface SeedSheet {
  name: string;
  values: (XlCellValue | null)[][];
  formats?: (string | null)[][];
  visibility?: XlVisibility;
  /** 0-based position of values[0][0]. */
  top?: number;
  left?: number;
}

/** An in-memory Excel host: state, counters, faults and `run` like Excel.run. */
export interface FakeExcel extends FakeHost {
  /** A fresh request context (Excel.run gives one per batch function). */
  context(): FakeRequestContext;
  /** Runs a batch function with a fresh context, as Excel.run does. */
  run<T>(fn: (ctx: FakeRequestContext) => Promise<T>): Promise<T>;
  /** The live sheet of that name; throws when missing. */
  sheet(name: string): SheetState;
  /** Names of the sheets in order. */
  sheetNames(): string[];
}

/** How the workbook was opened. */
export interface FakeWorkbookOptions {
  /** Wraps every context handed out (Node: withOfficeJsSizes, to count requests at office.js's serialised size). */
  wrap?: (ctx: FakeRequestContext) => FakeRequestContext;
  /** Workbook structure protected (Review › Protect Workbook). */
  structureProtected?: boolean;
  /** Rows per sheet: 65,536 for an .xls in compatibility mode. */
  rowLimit?: number;
}

/** Creates a fake Excel host holding the seed sheets. */
export function createFakeExcel(seed: SeedSheet[] = [{ name: "Sheet1", values: [] }], options: FakeWorkbookOptions = {}): FakeExcel {
  const state = new WorkbookState();
  for (const s of seed) {
    const sheet = state.addSheet(s.name);
    const top = s.top ?? 0;
    const left = s.left ?? 0;
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === "") return;
        const r = (sheet.rows[top + i] ??= []);
        r[left + j] = v;
        if (typeof v === "string" && isErrorLiteral(v)) sheet.errors.add(`${top + i},${left + j}`);
      }),
    );
    s.formats?.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f) sheet.cellFormats.set(`${top + i},${left + j}`, f);
      }),
    );
    if (s.visibility) sheet.visibility = s.visibility;
  }
  const wrap = options.wrap ?? ((ctx: FakeRequestContext): FakeRequestContext => ctx);
  state.structureProtected = options.structureProtected ?? false;
  state.rowLimit = options.rowLimit ?? state.rowLimit;
  const faults: FakeFaults = { cellEditModeSyncs: 0 };
  const host: FakeExcel = {
    state,
    stats: new FakeStats(),
    faults,
    // "5 MB" read strictly: 5,000,000 bytes, not 5 MiB (the adapter's budgets stay under both).
    payloadLimit: PAYLOAD_LIMIT_BYTES,
    genericOversize: false,
    context: () => wrap(new FakeRequestContext(host)),
    run: async (fn) => fn(wrap(new FakeRequestContext(host))),
    sheet: (name) => state.sheet(name) ?? fail("ItemNotFound", `No sheet ${name}`),
    sheetNames: () => state.sheets.map((s) => s.name),
  };
  return host;
}
