import { syntheticRegister } from "../../bench/addin/synthetic-register";
import { OUTPUT_SPECS, runJob } from "../../src/core/job/run-job";
import { FINGERPRINT_MAX_ROWS } from "../../src/core/output-tabs/row-fingerprints";
import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import fc from "fast-check";
import { formatAt, kindAt, type WorkbookModel } from "../../src/core/workbook/grid";
import type { XlCellValue } from "../../src/office/excel-subset";
import { READ_SPECS, readWorkbookForJob, type ReadStats } from "../../src/office/read-for-job";
import { readWorkbook } from "../../src/office/read-workbook";
import { writePlan } from "../../src/office/write-plan";
import { colOf, rowOf } from "./sheet-cells";
import { createFakeExcel, FakeStats, type FakeExcel, type FakeRequestContext, type SheetState } from "./fake-excel";

const noWait = { sleep: async () => undefined, tag: "t1" };
const DAY1 = new Date("2026-10-31T09:00:00Z");
const DAY2 = new Date("2026-11-30T09:00:00Z");

function cellAt(s: SheetState, row: number, header: string): XlCellValue | undefined {
  return s.rows[row]?.[colOf(s, header)];
}

/** A first run on a register of n customers, written into the fake. */
async function firstRun(n: number): Promise<FakeExcel> {
  const wb = syntheticRegister(n);
  const xl = createFakeExcel(wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })));
  const read = await xl.run((ctx) => readWorkbookForJob(ctx, noWait));
  const { plan } = runJob(read, { now: DAY1, utcOffsetMinutes: 480 });
  await xl.run((ctx) => writePlan(ctx, plan, noWait));
  return xl;
}

/** Drops the row fingerprints of these tabs from the metadata sheet: what a tab over FINGERPRINT_MAX_ROWS rows has. */
function withoutFingerprints(xl: FakeExcel, ids: string[]): void {
  const meta = xl.sheet(META_SHEET_NAME);
  meta.rows = meta.rows.filter((r) => !(r?.[0] === "rows" && ids.includes(String(r[1]))));
}

async function both(xl: FakeExcel, watch?: (ctx: FakeRequestContext) => void): Promise<{ lean: WorkbookModel; full: WorkbookModel; leanStats: ReadStats; leanReads: FakeStats["reads"] }> {
  const leanStats: ReadStats = { syncs: 0, cells: 0 };
  xl.stats = new FakeStats();
  const lean = await xl.run((ctx) => {
    watch?.(ctx);
    return readWorkbookForJob(ctx, { ...noWait, stats: leanStats });
  });
  const leanReads = xl.stats.reads;
  xl.stats = new FakeStats();
  const full = await xl.run((ctx) => readWorkbook(ctx, noWait));
  return { lean, full, leanStats, leanReads };
}

function cellsOf(wb: WorkbookModel): number {
  return wb.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
}

describe("a second run reads from the previous outputs only what it carries", () => {
  test("edits, users' columns, users' rows and rows kept for their users' columns come out as from a full read", async () => {
    const xl = await firstRun(300);
    // Big tabs have no fingerprints: their computed columns are skipped.
    withoutFingerprints(xl, ["roster", "retention", "callbacks"]);
    const roster = xl.sheet("客户分级名册");
    const retention = xl.sheet("客户维护方案");
    const keys = roster.read(roster.usedRect()!).slice(1, 6).map((r) => String(r[colOf(roster, "客户编号")]));
    roster.writeCell(rowOf(roster, "客户编号", keys[0]), colOf(roster, "人工等级"), "A");
    roster.writeCell(rowOf(roster, "客户编号", keys[0]), colOf(roster, "调整原因"), "行长指定");
    retention.writeCell(rowOf(retention, "客户编号", keys[1]), colOf(retention, "审核状态"), "已审核");
    retention.writeCell(rowOf(retention, "客户编号", keys[1]), colOf(retention, "备注"), "#N/A");
    // A column of the user's own beside the roster, a row they added, and a customer that leaves the register.
    const width = roster.usedRect()!.cols;
    roster.writeCell(0, width, "我的备注");
    roster.writeCell(rowOf(roster, "客户编号", keys[2]), width, "下周拜访");
    const end = roster.usedRect()!.rows;
    roster.writeCell(end, colOf(roster, "客户编号"), "NEW-1");
    roster.writeCell(end, colOf(roster, "客户名称"), "新客户甲");
    roster.writeCell(end, colOf(roster, "最终得分"), 77);
    const gone = keys[3];
    roster.writeCell(rowOf(roster, "客户编号", gone), width, "已转交");
    const register = xl.sheet("客户状况登记表");
    register.rows.splice(rowOf(register, "客户编号", gone), 1);

    const { lean, full, leanStats, leanReads } = await both(xl);
    const a = runJob(lean, { now: DAY2, utcOffsetMinutes: 480 });
    const b = runJob(full, { now: DAY2, utcOffsetMinutes: 480 });
    expect(a.plan).toEqual(b.plan);
    expect(a.problems).toEqual(b.problems);
    expect(a.plan.carried).toEqual(b.plan.carried);

    // What was carried: the edits, the user's column, the user's row, the leaving customer's row whole.
    const tab = a.plan.tabs.find((t) => t.id === "roster")!;
    const at = (key: string, header: string) => tab.rows.find((r) => r[tab.columns.findIndex((c) => c.header === "客户编号")] === key)?.[tab.columns.findIndex((c) => c.header === header)];
    expect(at(keys[0], "人工等级")).toBe("A");
    expect(at(keys[2], "我的备注")).toBe("下周拜访");
    expect(at("NEW-1", "客户名称")).toBe("新客户甲");
    expect(at("NEW-1", "最终得分")).toBe(77);
    expect(at(gone, "客户名称")).toBe(cellAt(roster, rowOf(roster, "客户编号", gone), "客户名称"));
    const ret = a.plan.tabs.find((t) => t.id === "retention")!;
    expect(ret.rows.some((r) => r.includes("#N/A") && r.includes("已审核"))).toBe(true);

    // Computed columns were read only for rows the carry-over may keep whole: the user's row and the two with
    // a value in the user's column (one of them the leaving customer's).
    const rank = colOf(roster, "排名");
    const rankReads = leanReads.filter((r) => r.sheet === "客户分级名册" && r.col <= rank && rank < r.col + r.cols && r.row > 0);
    expect(rankReads.reduce((n, r) => n + r.rows, 0)).toBe(3);
    expect(leanStats.cells).toBeLessThan(cellsOf(full) * 0.75);
  });

  test("a small tab's computed edit is still detected and reported (its fingerprints are compared)", async () => {
    const xl = await firstRun(300);
    withoutFingerprints(xl, ["roster"]);
    const retention = xl.sheet("客户维护方案");
    const r = 3;
    const key = String(cellAt(retention, r, "客户编号"));
    retention.writeCell(r, colOf(retention, "维护方式"), "上门拜访（手改）");
    const { lean, full } = await both(xl);
    const a = runJob(lean, { now: DAY2, utcOffsetMinutes: 480 });
    const b = runJob(full, { now: DAY2, utcOffsetMinutes: 480 });
    const replaced = a.problems.filter((p) => p.code === "edit.computedReplaced");
    expect(replaced.map((p) => [p.sheet, p.key])).toEqual([["客户维护方案", key]]);
    expect(a.plan).toEqual(b.plan);
  });

  test(`computed columns of a tab over ${FINGERPRINT_MAX_ROWS} rows are never requested`, async () => {
    const n = FINGERPRINT_MAX_ROWS + 1;
    const header = ["排名", "客户编号", "客户名称", "最终得分", "等级", "人工等级", "调整原因"];
    const rows: (XlCellValue | null)[][] = [header, ...Array.from({ length: n }, (_, i) => [i + 1, `C${i}`, `客户${i}`, 50, "C", i === 14 ? "A" : null, null])];
    const history: (XlCellValue | null)[][] = [["客户编号", "客户名称"], ...Array.from({ length: n }, (_, i) => [`C${i}`, `客户${i}`])];
    const meta = [["product", "customer-tiers"], ["tab", "roster", null, "客户分级名册"], ["tab", "history", null, "评估历史"]];
    const xl = createFakeExcel([
      { name: "客户分级名册", values: rows },
      { name: "评估历史", values: history },
      { name: META_SHEET_NAME, values: meta, visibility: "VeryHidden" },
    ]);
    const wb = await xl.run((ctx) => readWorkbookForJob(ctx, noWait));
    const reads = xl.stats.reads.filter((r) => r.sheet === "客户分级名册" && r.row > 0);
    const readCols = new Set(reads.flatMap((r) => Array.from({ length: r.cols }, (_, k) => header[r.col + k])));
    expect([...readCols].sort()).toEqual(["人工等级", "客户编号", "最终得分", "调整原因"].sort());
    const grid = wb.sheets[0];
    expect(grid.values[15]).toEqual([null, "C14", null, 50, null, "A", null]);
    expect(grid.values).toHaveLength(n + 1);
  });

  test("a workbook without outputs: values and kinds as the full reader reads them, the format of every number, the same plan", async () => {
    const wb = syntheticRegister(50);
    const values = wb.sheets[0].values as (XlCellValue | null)[][];
    // A percent satisfaction, dates formatted as dates, a text column formatted as text.
    const formats = values.map((row, r) => row.map((_, c) => (r === 0 ? null : c === 7 && r === 3 ? "0%" : c >= 11 && c <= 13 ? "yyyy-mm-dd" : c === 1 ? "@" : null)));
    values[3][7] = 0.85;
    const xl = createFakeExcel([{ name: wb.sheets[0].name, values, formats }]);
    const { lean, full } = await both(xl);
    expect(lean.sheets.map((s) => [s.values, s.kinds])).toEqual(full.sheets.map((s) => [s.values, s.kinds]));
    const numberFormats = (m: WorkbookModel): string[] =>
      m.sheets.flatMap((g) => g.values.flatMap((row, r) => row.flatMap((_, c) => (kindAt(g, r, c) === "number" ? [`${r},${c}:${formatAt(g, r, c)}`] : []))));
    expect(numberFormats(lean)).toEqual(numberFormats(full));
    expect(numberFormats(lean)).toContain("3,7:0%");
    expect(runJob(lean, { now: DAY2 }).plan).toEqual(runJob(full, { now: DAY2 }).plan);
    // The text column's formats were never asked for.
    expect(xl.stats.reads.filter((r) => r.col <= 1 && 1 < r.col + r.cols && r.rows > 1).length).toBeLessThanOrEqual(1);
  });

  test("property: whatever the cells and formats, every number's format is read, and values and kinds are the full reader's", async () => {
    // Typed as a user would (through Excel's own parsing): a formula giving "", a lone apostrophe (text of no
    // characters), an error typed in, a text starting with "#" that is no error.
    const typed = ['=""', "'", "#DIV/0!", "#1 客户"];
    const cell = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom("甲", "#N/A", "", "x", true, ...typed), fc.constant(null));
    const format = fc.constantFrom<string | null>(null, "0%", "yyyy-mm-dd", "@", "0.00");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.tuple(cell, format), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), async (rows) => {
        const plain = (v: XlCellValue | null): XlCellValue | null => (typeof v === "string" && typed.includes(v) ? null : v);
        const xl = createFakeExcel([{ name: "登记表", values: rows.map((r) => r.map(([v]) => plain(v))), formats: rows.map((r) => r.map(([, f]) => f)) }]);
        rows.forEach((r, i) => r.forEach(([v], c) => {
          if (typeof v === "string" && typed.includes(v)) xl.sheet("登记表").writeCell(i, c, v);
        }));
        const { lean, full } = await both(xl);
        expect(lean.sheets.map((g) => [g.values, g.kinds])).toEqual(full.sheets.map((g) => [g.values, g.kinds]));
        for (const [g, f] of lean.sheets.map((g, i) => [g, full.sheets[i]] as const)) {
          g.values.forEach((row, r) => row.forEach((_, c) => {
            if (kindAt(f, r, c) === "number") expect([r, c, formatAt(g, r, c)]).toEqual([r, c, formatAt(f, r, c)]);
          }));
        }
      }),
      { numRuns: 80 },
    );
  });

  test("value types are asked for only where COUNTA says an empty-looking cell is not empty, and for texts starting with #", async () => {
    const rows: (XlCellValue | null)[][] = [["客户编号", "客户名称", "备注", "得分"], ...Array.from({ length: 30 }, (_, i) => [`C${i}`, `客户${i}`, null, i])];
    const xl = createFakeExcel([{ name: "登记表", values: rows }]);
    const sheet = xl.sheet("登记表");
    sheet.writeCell(5, 2, '=""');
    sheet.writeCell(9, 2, "'");
    sheet.writeCell(12, 3, "#N/A");
    sheet.writeCell(13, 1, "#1 客户");
    const { lean, full, leanReads } = await both(xl);
    expect(lean.sheets.map((g) => [g.values, g.kinds])).toEqual(full.sheets.map((g) => [g.values, g.kinds]));
    expect(lean.sheets[0].kinds![5][2]).toBe("text");
    expect(lean.sheets[0].values[5][2]).toBe("");
    expect(lean.sheets[0].kinds![9][2]).toBe("text");
    expect(lean.sheets[0].kinds![12][3]).toBe("error");
    expect(lean.sheets[0].kinds![13][1]).toBe("text");
    expect(lean.sheets[0].kinds![14][2]).toBe("empty");
    const typedReads = leanReads.filter((r) => r.props.includes("valueTypes"));
    // The 备注 column (its formula and its apostrophe), and the two cells starting with "#": nothing else.
    expect(typedReads.map((r) => [r.col, r.cols, r.rows > 1]).sort()).toEqual([[1, 1, false], [2, 1, true], [3, 1, false]]);
  });

  test("a cell typed into between the values read and its types read gets value and kind of one moment", async () => {
    const rows: (XlCellValue | null)[][] = [["客户编号", "客户名称", "备注", "得分"], ...Array.from({ length: 30 }, (_, i) => [`C${i}`, `客户${i}`, null, i])];
    const xl = createFakeExcel([{ name: "登记表", values: rows }]);
    const sheet = xl.sheet("登记表");
    sheet.writeCell(12, 3, "#N/A");
    sheet.writeCell(5, 2, '=""');
    let typedIn = false;
    const lean = await xl.run((ctx) => {
      const sync = ctx.sync.bind(ctx);
      // Once the input's values are in (and before any types are asked), the user types over both cells.
      ctx.sync = async (...args: Parameters<typeof sync>) => {
        await sync(...args);
        if (!typedIn && xl.stats.reads.some((r) => r.sheet === "登记表" && r.props.includes("values"))) {
          typedIn = true;
          sheet.writeCell(12, 3, 42);
          sheet.writeCell(5, 2, "已联系");
        }
      };
      return readWorkbookForJob(ctx, noWait);
    });
    expect(typedIn).toBe(true);
    const g = lean.sheets[0];
    expect([g.values[12][3], g.kinds![12][3]]).toEqual([42, "number"]);
    expect([g.values[5][2], g.kinds![5][2]]).toEqual(["已联系", "text"]);
  });

  test("a column of lookups giving #N/A is asked for its types in one read, not cell by cell", async () => {
    const rows: (XlCellValue | null)[][] = [["客户编号", "客户名称", "查找"], ...Array.from({ length: 800 }, (_, i) => [`C${i}`, `客户${i}`, i % 3 === 0 ? null : "x"])];
    const xl = createFakeExcel([{ name: "登记表", values: rows }]);
    for (let r = 1; r <= 800; r += 3) xl.sheet("登记表").writeCell(r, 2, "#N/A");
    const { lean, full, leanReads, leanStats } = await both(xl);
    expect(lean.sheets.map((g) => [g.values, g.kinds])).toEqual(full.sheets.map((g) => [g.values, g.kinds]));
    expect(lean.sheets[0].kinds![1][2]).toBe("error");
    expect(leanReads.filter((r) => r.props.includes("valueTypes"))).toHaveLength(1);
    expect(leanStats.syncs).toBeLessThanOrEqual(4);
  });

  test("a sheet of 150 columns is counted in 64 groups at most; a text of no characters still found in its group", async () => {
    const rows: (XlCellValue | null)[][] = [Array.from({ length: 150 }, (_, c) => `列${c}`), ...Array.from({ length: 40 }, (_, r) => Array.from({ length: 150 }, (_, c) => ((r + c) % 4 === 0 ? null : r * c)))];
    const xl = createFakeExcel([{ name: "宽表", values: rows }]);
    xl.sheet("宽表").writeCell(8, 100, "'");
    const counted: number[] = [];
    const { lean, full, leanReads } = await both(xl, (ctx) => {
      const fns = ctx.workbook.functions;
      const countA = fns.countA.bind(fns);
      fns.countA = (...ranges) => {
        counted.push(ranges.length);
        return countA(...ranges);
      };
    });
    expect(lean.sheets.map((g) => [g.values, g.kinds])).toEqual(full.sheets.map((g) => [g.values, g.kinds]));
    expect(lean.sheets[0].kinds![8][100]).toBe("text");
    expect(counted.length).toBeLessThanOrEqual(64);
    const typed = leanReads.filter((r) => r.props.includes("valueTypes"));
    expect(typed.map((r) => r.col).sort((x, y) => x - y)).toEqual([99, 100, 101]);
  });

  test("an ordinary register is read without value types", async () => {
    const wb = syntheticRegister(200);
    const xl = createFakeExcel([{ name: wb.sheets[0].name, values: wb.sheets[0].values as (XlCellValue | null)[][] }]);
    const { lean, full, leanReads } = await both(xl);
    expect(lean.sheets.map((g) => [g.values, g.kinds])).toEqual(full.sheets.map((g) => [g.values, g.kinds]));
    expect(leanReads.filter((r) => r.props.includes("valueTypes"))).toEqual([]);
  });

  test("a response Excel refuses (as too large, or with its generic error) is asked for again in halves", async () => {
    const xl = await firstRun(200);
    const { full } = await both(xl);
    for (const generic of [false, true]) {
      xl.stats = new FakeStats();
      xl.payloadLimit = 40_000;
      xl.genericOversize = generic;
      const small = await xl.run((ctx) => readWorkbookForJob(ctx, { ...noWait, responseBytes: 200_000 }));
      expect(xl.stats.responseBytes.some((b) => b > 40_000)).toBe(true);
      expect(runJob(small, { now: DAY2 }).plan).toEqual(runJob(full, { now: DAY2 }).plan);
    }
  });

  test("knows every output tab the job writes (a tab it does not know would be read in full)", () => {
    expect(READ_SPECS.map((s) => s.id)).toEqual(OUTPUT_SPECS.map((s) => s.id));
  });
});
