import { syntheticPlan } from "../../bench/addin/synthetic-plan";
import type { WritePlan } from "../../src/core/output-tabs/write-plan";
import { writePlan, type WriteOptions, type WriteProgress } from "../../src/office/write-plan";
import { createFakeExcel, FakeExcelError, FakeStats, type FakeExcel } from "./fake-excel/node";
import { chartTool, toolState } from "./fake-excel/working-tool";

const noWait: WriteOptions = { sleep: async () => undefined, tag: "same", clock: () => new Date("2026-11-23T09:00:00Z") };

/** Everything the fake holds, sheet by sheet: cells, formulas, errors, formats, layers, widths, tables, charts, working-tool state. */
function workbookState(xl: FakeExcel): string {
  const plain = (v: unknown): unknown => {
    if (v instanceof Map) return [...v.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    if (v instanceof Set) return [...v].sort();
    return v;
  };
  const sheets = xl.state.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    rows: s.rows.map((r) => (r ? Array.from(r, (v) => v ?? null) : null)),
    errors: plain(s.errors),
    formulas: [...s.formulas.entries()].map(([k, f]) => [k, f.text()]).sort(),
    cellFormats: plain(s.cellFormats),
    columnFormats: plain(s.columnFormats),
    layers: s.layers,
    widths: plain(s.columnWidths),
    frozen: s.frozenRows,
    charts: s.charts.map((c) => ({ ...c, tool: chartTool(c) })),
    tool: toolState(s),
  }));
  const tables = xl.state.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect }));
  return JSON.stringify({ sheets, tables, active: xl.state.active?.name ?? null });
}

/** Two runs (a first and a second plan) with these options; the workbook's state after each, and the second run's syncs. */
async function twoRuns(first: WritePlan, second: WritePlan, options: WriteOptions): Promise<{ states: string[]; syncs: number; bytes: number }> {
  const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C0001", "华星贸易"]] }]);
  await xl.run((ctx) => writePlan(ctx, first, { ...noWait, ...options }));
  const states = [workbookState(xl)];
  xl.stats = new FakeStats();
  await xl.run((ctx) => writePlan(ctx, second, { ...noWait, ...options }));
  expect(xl.meter.misses).toEqual([]);
  return { states: [...states, workbookState(xl)], syncs: xl.stats.syncs, bytes: xl.stats.requestBytes.reduce((a, b) => a + b, 0) };
}

describe("sending fewer bytes leaves exactly the same workbook", () => {
  const first = syntheticPlan(1500, 3);
  const second = syntheticPlan(1700, 4);
  // Small requests and commit requests of a few tabs each, so that every saving has something to save.
  const small: WriteOptions = { budgetBytes: 300_000, commitCells: 20_000 };

  test("values riding in commit requests: the same cells, formats, tables and charts, in fewer syncs", async () => {
    const apart = await twoRuns(first, second, { ...small, valuesInCommits: false });
    const riding = await twoRuns(first, second, small);
    expect(riding.states).toEqual(apart.states);
    expect(riding.syncs).toBeLessThan(apart.syncs);
    // The second run wrote what its plan says (not merely the same as the other way).
    expect(riding.states[1]).toContain(JSON.stringify(second.tabs[0].rows[0][1]));
  });

  test("columns empty in every row left out of the value requests: the same workbook, fewer bytes", async () => {
    // Columns no row fills: the retention plan's execution and notes, the win-back's flags.
    const empty = second.tabs.flatMap((t) => t.columns.filter((_, c) => t.rows.length > 0 && t.rows.every((r) => r[c] === null || r[c] === "")).map((c) => `${t.name}/${c.header}`));
    expect(empty.length).toBeGreaterThan(0);
    const every = await twoRuns(first, second, { ...small, writeEmptyColumns: true });
    const lean = await twoRuns(first, second, small);
    expect(lean.states).toEqual(every.states);
    expect(lean.bytes).toBeLessThan(every.bytes);
    // An empty column between filled ones: the columns after it are written where they belong.
    const holed = JSON.parse(JSON.stringify(second)) as WritePlan;
    for (const r of holed.tabs[0].rows) r[2] = null;
    const everyHoled = await twoRuns(first, holed, { ...small, writeEmptyColumns: true });
    const leanHoled = await twoRuns(first, holed, small);
    expect(leanHoled.states).toEqual(everyHoled.states);
  });

  test("every saving off against every saving on: the same workbook after each of two runs", async () => {
    const plain = await twoRuns(first, second, { ...small, writeEmptyColumns: true, valuesInCommits: false });
    const lean = await twoRuns(first, second, small);
    expect(lean.states).toEqual(plain.states);
  });

  test("objects ride at the end of the last commit request: a chart refused there fails the run only after every tab holds the new plan", async () => {
    const reference = await twoRuns(first, second, small);
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C0001", "华星贸易"]] }]);
    await xl.run((ctx) => writePlan(ctx, first, { ...noWait, ...small }));
    xl.stats = new FakeStats();
    let commitsSeen = 0;
    xl.faults.failCommand = (op) => {
      if (op === "copyFrom") commitsSeen++;
      return op === "addChart";
    };
    await expect(xl.run((ctx) => writePlan(ctx, second, { ...noWait, ...small }))).rejects.toBeInstanceOf(FakeExcelError);
    xl.faults.failCommand = undefined;
    // Every tab was copied in (several commit requests) before the chart was refused.
    expect(commitsSeen).toBe(second.tabs.length);
    const cells = (state: string): unknown => (JSON.parse(state) as { sheets: { name: string; rows: unknown }[] }).sheets.filter((x) => second.tabs.some((t) => t.name === x.name)).map((x) => [x.name, x.rows]);
    expect(cells(workbookState(xl))).toEqual(cells(reference.states[1]));
  });

  test("with values after the first commit, the progress never goes back and never returns to a phase the pane may stop in", async () => {
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C0001", "华星贸易"]] }]);
    // Requests small enough that values requests of their own come between commit requests.
    const tight: WriteOptions = { budgetBytes: 120_000, commitCells: 8_000 };
    await xl.run((ctx) => writePlan(ctx, first, { ...noWait, ...tight }));
    const seen: WriteProgress[] = [];
    xl.stats = new FakeStats();
    await xl.run((ctx) => writePlan(ctx, second, { ...noWait, ...tight, onProgress: (p) => seen.push(p) }));
    const firstSwap = seen.findIndex((p) => p.phase === "swap");
    // Values requests of their own came after the first commit (else this test proves nothing): each reports rows.
    expect(seen.slice(firstSwap + 1).filter((p) => p.phase === "swap").length).toBeGreaterThan(2);
    expect(seen.slice(firstSwap).filter((p) => p.phase === "prepare" || p.phase === "values")).toEqual([]);
    seen.forEach((p, i) => expect([i, p.fraction >= (seen[i - 1]?.fraction ?? 0)]).toEqual([i, true]));
  });
});
