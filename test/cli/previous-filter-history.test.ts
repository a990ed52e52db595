import fc from "fast-check";
import { historyCustomers } from "../../src/cli/previous-filter";
import { OUTPUT_SPECS } from "../../src/core/job/run-job";
import { readPreviousTable } from "../../src/core/output-tabs/previous-outputs";
import type { CellKind, RawValue, SheetGrid } from "../../src/core/workbook/grid";

// The read plan learns which customers earlier runs wrote from the previous history's key column alone; it
// must find exactly the keys the core's full reading of the table (readPreviousTable) gives.

const spec = OUTPUT_SPECS.find((s) => s.id === "history")!;

/** The keys as the core reads the table. */
function keysByTable(grid: SheetGrid): Set<string> {
  const out = new Set<string>();
  for (const row of readPreviousTable(grid, spec).rows) {
    const k = row.record.key ?? null;
    if (k !== null && k !== "") out.add(String(k));
  }
  return out;
}

/** A cell: its value and the kind the reader gives it (errors and blanks included). */
const cell = fc.oneof(
  fc.constantFrom<[RawValue, CellKind]>([null, "empty"], ["", "text"], ["#N/A", "error"], ["#N/A", "text"], [true, "boolean"], [false, "boolean"]),
  fc.string({ maxLength: 4 }).map((s): [RawValue, CellKind] => [s, s === "" ? "empty" : "text"]),
  fc.integer({ min: -3, max: 30 }).map((n): [RawValue, CellKind] => [n, "number"]),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((n): [RawValue, CellKind] => [n, "number"]),
);

/** A history-like sheet: a few rows above the header, the header (key column anywhere, or missing), rows of cells. */
const grid = fc
  .record({
    above: fc.integer({ min: 0, max: 3 }),
    keyAt: fc.integer({ min: 0, max: 3 }),
    withKey: fc.boolean(),
    english: fc.boolean(),
    rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 40 }),
    noKinds: fc.boolean(),
  })
  .map(({ above, keyAt, withKey, english, rows, noKinds }): SheetGrid => {
    const header: RawValue[] = [english ? "Customer" : "客户名称", "2026-11 得分", "2026-11 等级", "2026-10 得分"];
    if (withKey) header.splice(keyAt, 0, english ? "Customer ID" : "客户编号");
    const values: RawValue[][] = [];
    const kinds: CellKind[][] = [];
    for (let r = 0; r < above; r++) {
      values.push(["备注"]);
      kinds.push(["text"]);
    }
    values.push(header);
    kinds.push(header.map(() => "text"));
    for (const row of rows) {
      values.push(row.map(([v]) => v));
      kinds.push(row.map(([, k]) => k));
    }
    // A grid without kinds is read by the values alone (the core infers the kinds).
    return noKinds ? { name: "评估历史", values } : { name: "评估历史", values, kinds };
  });

describe("the previous history's customers, read from its key column alone", () => {
  test("the same keys as the core's reading of the whole table", () => {
    fc.assert(
      fc.property(grid, (g) => {
        expect([...historyCustomers(g)].sort()).toEqual([...keysByTable(g)].sort());
      }),
      { numRuns: 500 },
    );
  });

  test("keys of a plain history: texts and numbers as text; blank, error and missing keys left out", () => {
    const g: SheetGrid = {
      name: "评估历史",
      values: [
        ["客户编号", "客户名称", "2026-11 得分", "2026-11 等级"],
        ["C001", "甲", 80, "A"],
        [1002, "乙", 70, "B"],
        [null, "丙", 60, "C"],
        ["#N/A", "丁", 50, "D"],
        [],
        ["C001", "甲again", 81, "A"],
      ],
      kinds: [
        ["text", "text", "text", "text"],
        ["text", "text", "number", "text"],
        ["number", "text", "number", "text"],
        ["empty", "text", "number", "text"],
        ["error", "text", "number", "text"],
        [],
        ["text", "text", "number", "text"],
      ],
    };
    expect([...historyCustomers(g)].sort()).toEqual(["1002", "C001"]);
    expect(historyCustomers(undefined).size).toBe(0);
    expect(historyCustomers({ name: "评估历史", values: [["no", "header"]] }).size).toBe(0);
  });
});
