import type { XlContext } from "./excel-subset";

type Assignable<T, U> = [T] extends [U] ? true : false;

/**
 * Compile-time proof that the real Excel API (from @types/office-js) satisfies the subset the adapter is
 * written against: if the subset drifts from the real API, this line stops compiling.
 */
export const REAL_EXCEL_CONFORMS: Assignable<Excel.RequestContext, XlContext> = true;
