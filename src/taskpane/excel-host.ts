import type { XlContext } from "../office/excel-subset";

/** Runs batches against a workbook: Excel.run in Office, the fake in tests. */
export interface ExcelHost {
  run<T>(fn: (ctx: XlContext) => Promise<T>): Promise<T>;
}

/** The real host: Excel.run from office.js (Excel.RequestContext satisfies XlContext, see excel-conformance.ts). */
export function officeExcelHost(): ExcelHost {
  return { run: (fn) => Excel.run((ctx) => fn(ctx)) };
}
