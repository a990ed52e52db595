import type { XlToolChart, XlToolRange, XlToolWorksheet } from "./excel-subset-tool";

/**
 * Compile-time proof that the real API satisfies the working-tool subset (see excel-subset-tool.ts): if the
 * subset drifts from @types/office-js, these assignments stop compiling. (Plain assignments: the
 * conditional-type form of excel-conformance.ts rejects the chart's overloaded series methods.)
 */
export const REAL_TOOL_CONFORMS = {
  range: (r: Excel.Range): XlToolRange => r,
  sheet: (s: Excel.Worksheet): XlToolWorksheet => s,
  chart: (c: Excel.Chart): XlToolChart => c,
};
