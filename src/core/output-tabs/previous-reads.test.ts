import fc from "fast-check";
import { HISTORY_SPEC } from "../retention/history";
import { CALLBACK_SPEC } from "../retention/callback-schedule";
import type { RawValue, SheetGrid } from "../workbook/grid";
import { readPreviousTable } from "./previous-outputs";
import { previousTabReads, rowsReadWhole, wholeRowRule } from "./previous-reads";
import { ROSTER_SPEC } from "./roster-tab";
import { userAddedRows } from "./user-work";

const HEADER = ["排名", "客户编号", "客户名称", "最终得分", "等级", "人工等级", "调整原因", "我的备注"];

function grid(rows: RawValue[][]): SheetGrid {
  return { name: "客户分级名册", values: [HEADER, ...rows] };
}

describe("which previous output cells a next run reads", () => {
  test("a big tab: keys, editable, carried and users' columns; not the computed ones", () => {
    const reads = previousTabReads(grid([]), ROSTER_SPEC, false)!;
    const names = (cols: number[]) => cols.map((c) => HEADER[c]);
    expect(names(reads.columns)).toEqual(["客户编号", "最终得分", "人工等级", "调整原因", "我的备注"]);
    expect(names(reads.formatColumns)).toEqual(["我的备注"]);
    expect(names(reads.skipped)).toEqual(["排名", "客户名称", "等级"]);
  });

  test("a tab with fingerprints, and the history, are read whole", () => {
    expect(previousTabReads(grid([]), ROSTER_SPEC, true)!.skipped).toEqual([]);
    const history: SheetGrid = { name: "评估历史", values: [["客户编号", "客户名称", "2026-11 得分", "2026-11 等级"]] };
    expect(previousTabReads(history, HISTORY_SPEC, false)!.columns).toEqual([0, 1, 2, 3]);
  });

  test("no header in the first ten rows: nothing to read (the carry-over reads no rows either)", () => {
    expect(previousTabReads({ name: "x", values: [["a", "b"]] }, ROSTER_SPEC, false)).toBeNull();
  });

  test("rows read whole: no key, a value in a user's column, a customer the history does not know, a repeated key", () => {
    const g = grid([
      [null, "C1", null, 80, null, null, null, null],
      [null, "C2", null, 70, null, "A", null, null],
      [null, null, null, 60, null, null, null, null],
      [null, "C3", null, 50, null, null, null, "下周拜访"],
      [null, "X9", null, 40, null, null, null, null],
      [null, "C1", null, 30, null, null, null, null],
    ]);
    const reads = previousTabReads(g, ROSTER_SPEC, false)!;
    expect(rowsReadWhole(g, ROSTER_SPEC, reads, new Set(["C1", "C2", "C3"]))).toEqual([3, 4, 5, 6]);
    // A tab read whole has nothing skipped, so no row needs a second read.
    expect(rowsReadWhole(g, ROSTER_SPEC, previousTabReads(g, ROSTER_SPEC, true)!, new Set())).toEqual([]);
  });
});

describe("the rule of rows read whole, row by row", () => {
  const keyCell = fc.constantFrom<RawValue>("C1", "C2", "C3", "X9", "", null, "#N/A", 7, "C1\u241fx");
  const rows = fc.array(fc.tuple(keyCell, fc.constantFrom<RawValue>(null, "", "A", "下周拜访")), { maxLength: 12 });
  const known = new Set(["C1", "C2", "7"]);

  test("names every row the carry-over keeps as a user's, every row without a key and every row with a user's value", () => {
    fc.assert(
      fc.property(rows, (cells) => {
        const g = grid(cells.map(([key, note]) => [null, key, "名", 50, "B", null, null, note]));
        const named = new Set(rowsReadWhole(g, ROSTER_SPEC, previousTabReads(g, ROSTER_SPEC, false)!, known));
        const table = readPreviousTable(g, ROSTER_SPEC);
        for (const row of userAddedRows(ROSTER_SPEC, table, { fingerprints: new Map(), knownKeys: known })) {
          expect(named.has(row.rowNumber! - 1)).toBe(true);
        }
        cells.forEach(([key, note], i) => {
          const noKey = key === null || key === "" || key === "#N/A";
          if (noKey || (note !== null && note !== "")) expect(named.has(i + 1)).toBe(true);
        });
      }),
    );
  });

  test("a key of several columns: its customer is the first, a repeat of the whole key is a user's row", () => {
    const whole = wholeRowRule(CALLBACK_SPEC, known);
    expect(whole(["C1", "购买后一周", "2025-07-01"], false)).toBe(false);
    expect(whole(["C1", "购买后一周", "2025-07-08"], false)).toBe(false);
    expect(whole(["C1", "购买后一周", "2025-07-01"], false)).toBe(true);
    expect(whole(["X9", "购买后一周", "2025-07-01"], false)).toBe(true);
    expect(whole([null, null, null], false)).toBe(true);
  });

  test("tabs not keyed by customer: only rows without a key or with a user's value", () => {
    const kpi = { ...ROSTER_SPEC, keyColumns: ["section", "figure"] };
    const whole = wholeRowRule(kpi, new Set());
    expect([whole(["按等级", "A"], false), whole(["按等级", "A"], false), whole([null, ""], false), whole(["按等级", "B"], true)]).toEqual([false, false, true, true]);
  });
});
