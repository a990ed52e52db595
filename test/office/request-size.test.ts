import { formatOps } from "../../src/office/decorate-tab";
import { AREAS_FORMAT_BYTES, COLUMN_WIDTH_BYTES, RANGES_ADDRESS_CHARS, VALUES_OVERHEAD, VALUES_REQUEST_BYTES } from "../../src/office/request-size";
import { toTempTab } from "../../src/office/temp-tab";
import { writePlan } from "../../src/office/write-plan";
import { createFakeExcel, FakeStats } from "./fake-excel";
import { withOfficeJsSizes, type OfficeJsMeter } from "./fake-excel/officejs-size";
import { planOf, problemsTab, rosterTab } from "./plans";

/** Size of one batch of calls as real office.js serialises it. */
async function measure(queue: (ctx: ReturnType<typeof withOfficeJsSizes>) => void): Promise<{ bytes: number; meter: OfficeJsMeter }> {
  const xl = createFakeExcel([{ name: "S", values: [] }]);
  const meter: OfficeJsMeter = { misses: [] };
  const ctx = withOfficeJsSizes(xl.context(), meter);
  queue(ctx);
  await ctx.sync();
  return { bytes: xl.stats.requestBytes[0], meter };
}

describe("request sizes are budgeted at what office.js really serialises", () => {
  test("the size constants are upper bounds of office.js's serialisation, and not far above it", async () => {
    // The longest address a group of coloured rectangles is given.
    const addresses = Array.from({ length: 40 }, (_, i) => `A${1000 + 7 * i}:Q${1003 + 7 * i}`).join(",").slice(0, RANGES_ADDRESS_CHARS).replace(/,[^,]*$/, "");
    const block = await measure((ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRanges(addresses);
      r.format.fill.color = "#C6EFCE";
      r.format.font.color = "#006100";
    });
    const width = await measure((ctx) => {
      ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 12, 1, 1).getEntireColumn().format.columnWidth = 123.75;
    });
    expect(block.meter.misses).toEqual([]);
    // One getItem path is shared by a batch: the per-block cost is the size less one sheet path.
    expect(addresses.length).toBeGreaterThan(RANGES_ADDRESS_CHARS - 20);
    expect(block.bytes).toBeLessThanOrEqual(AREAS_FORMAT_BYTES + addresses.length + 300);
    expect(block.bytes).toBeGreaterThan(AREAS_FORMAT_BYTES);
    expect(width.bytes).toBeLessThanOrEqual(COLUMN_WIDTH_BYTES + 300);
    expect(width.bytes).toBeGreaterThan(550);
  });

  test("a tab's format operations serialise to no more than their estimate", async () => {
    const tab = rosterTab(5000);
    tab.styles = Array.from({ length: 300 }, (_, i) => ({ role: i % 2 ? "tierA" : "tierB", row: i * 10, rows: 5, col: 0, cols: 3 }) as const);
    tab.chart = { kind: "column", title: "等级分布", firstRow: 0, rows: 4, labelCol: 0, valueCol: 2 };
    const t = toTempTab(tab, "~ctx_0", "ct_x");
    const ops = formatOps(t);
    const estimate = ops.reduce((n, op) => n + op.bytes, 0);
    const { bytes, meter } = await measure((ctx) => {
      t.sheet = ctx.workbook.worksheets.getItem("S");
      ops.forEach((op) => op.queue());
    });
    expect(meter.misses).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(estimate);
    expect(bytes).toBeGreaterThan(estimate * 0.7);
  });

  test("a values request serialises to its rows' estimate plus a fixed part", async () => {
    const t = toTempTab(problemsTab(3000), "~ctx_0", "ct_x");
    const { bytes } = await measure((ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("S").getRangeByIndexes(1, 0, t.cells.length, 4).values = t.cells;
    });
    const estimate = t.bytes.reduce((a, b) => a + b, 0);
    expect(bytes).toBeLessThanOrEqual(estimate * VALUES_OVERHEAD + VALUES_REQUEST_BYTES);
    expect(bytes).toBeGreaterThan(estimate);
  });

  test("values in runs of columns (an empty column left out) serialise to their estimate plus a fixed part per run", async () => {
    const tab = problemsTab(3000);
    for (const r of tab.rows) r[1] = null;
    const t = toTempTab(tab, "~ctx_0", "ct_x");
    expect(t.runs.length).toBe(2);
    const { bytes } = await measure((ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      for (const run of t.runs) ctx.workbook.worksheets.getItem("S").getRangeByIndexes(1, run.col, t.cells.length, run.cols).values = t.cells.map((r) => r.slice(run.col, run.col + run.cols));
    });
    const estimate = t.bytes.reduce((a, b) => a + b, 0);
    expect(bytes).toBeLessThanOrEqual(estimate * VALUES_OVERHEAD + VALUES_REQUEST_BYTES * t.runs.length);
    expect(bytes).toBeGreaterThan(estimate);
  });

  test("a whole write measured by office.js keeps every request within its budget (1 MB here), format batches included", async () => {
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号"], ["C1"]] }]);
    const tab = rosterTab(40_000);
    tab.styles = Array.from({ length: 4000 }, (_, i) => ({ role: i % 2 ? "tierA" : "tierB", row: i * 10, rows: 10, col: 0, cols: 3 }) as const);
    const meter: OfficeJsMeter = { misses: [] };
    xl.stats = new FakeStats();
    await xl.run((ctx) => writePlan(withOfficeJsSizes(ctx, meter), planOf([tab, problemsTab(20_000)]), { sleep: async () => undefined, budgetBytes: 1_000_000 }));
    expect(meter.misses).toEqual([]);
    expect(xl.stats.maxRequestBytes).toBeLessThanOrEqual(1_000_000);
    expect(xl.stats.maxRequestBytes).toBeGreaterThan(900_000);
    expect(xl.sheet("客户分级名册").layerAt(39_999, 0, "fill")).toBe("#C6EFCE");
  });

  test.each([
    ["as too large", false],
    ["with Excel's generic error (as the web sometimes answers an oversize request)", true],
  ])("a values or format batch Excel refuses %s is sent again in halves", async (_how, generic) => {
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号"], ["C1"]] }]);
    const tab = rosterTab(20_000);
    tab.styles = Array.from({ length: 2000 }, (_, i) => ({ role: i % 2 ? "tierA" : "tierB", row: i * 10, rows: 10, col: 0, cols: 3 }) as const);
    xl.payloadLimit = 600_000;
    xl.genericOversize = generic;
    await xl.run((ctx) => writePlan(withOfficeJsSizes(ctx), planOf([tab]), { sleep: async () => undefined, budgetBytes: 800_000 }));
    // A values batch of about 800 KB is refused once, then values go in halves; the commit request that
    // carries the formatting (never sent twice) is then no larger than what the host took.
    const refused = xl.stats.requestBytes.filter((b) => b > 600_000);
    expect(refused.length).toBe(1);
    expect(xl.stats.formatCalls.filter((c) => c.prop === "fill" && c.rows === 10)).toHaveLength(2000);
    expect(xl.sheet("客户分级名册").layerAt(19_999, 0, "fill")).toBe("#C6EFCE");
    expect(xl.sheet("客户分级名册").read({ row: 20_000, col: 0, rows: 1, cols: 1 })).toEqual([["C20000"]]);
  });
});
