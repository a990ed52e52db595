/**
 * Node only: the fake Excel with every request counted (and limited) at the size real office.js serialises
 * it. The browser build of the fake (test/e2e) uses index.ts, which cannot load office.js this way.
 */
import { createFakeExcel as createPlain, type FakeExcel, type FakeWorkbookOptions, type SeedSheet } from "./index";
import { withOfficeJsSizes, type OfficeJsMeter } from "./officejs-size";

export * from "./index";

/** Calls office.js could not mirror, over every context of the host (a test expects none). */
export interface MeteredFakeExcel extends FakeExcel {
  meter: OfficeJsMeter;
}

/** A fake Excel host whose requests are measured by real office.js. */
export function createFakeExcel(seed?: SeedSheet[], options: FakeWorkbookOptions = {}): MeteredFakeExcel {
  const meter: OfficeJsMeter = { misses: [] };
  const xl = createPlain(seed, { ...options, wrap: (ctx) => withOfficeJsSizes(options.wrap ? options.wrap(ctx) : ctx, meter) });
  return Object.assign(xl, { meter });
}
