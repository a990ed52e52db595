import fc from "fast-check";
import type { StyleBlock, StyleRole } from "../../src/core/output-tabs/write-plan";
import { areasInOrder } from "../../src/office/decorate-tab";
import { RANGES_ADDRESS_CHARS } from "../../src/office/request-size";
import { mergeBlocks } from "../../src/office/style-merge";
import { parseAddress } from "./fake-excel/address";

/** The role each cell ends up with when rectangles are painted in this order ("row,col" → role). */
function paint(rects: { role: StyleRole; row: number; col: number; rows: number; cols: number }[]): Map<string, StyleRole> {
  const out = new Map<string, StyleRole>();
  for (const b of rects) for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) out.set(`${r},${c}`, b.role);
  return out;
}

describe("coloured rectangles grouped by colour paint every cell as painting them one by one does", () => {
  const roles: StyleRole[] = ["tierA", "tierB", "tierC", "maintain", "improve", "end"];
  const block = fc.record({
    role: fc.constantFrom(...roles),
    row: fc.integer({ min: 0, max: 60 }),
    rows: fc.integer({ min: 1, max: 12 }),
    col: fc.integer({ min: 0, max: 30 }),
    cols: fc.integer({ min: 1, max: 6 }),
  });

  test("property: the same colour in every cell, every address within the length getRanges is given", () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 120 }), (blocks: StyleBlock[]) => {
        const ordered = mergeBlocks(blocks);
        const groups = areasInOrder(ordered);
        // Addresses are sheet rows under the header: data row 0 is sheet row 2.
        const painted = groups.flatMap((g) =>
          g.addresses.split(",").map((a) => {
            const r = parseAddress(a);
            return { role: g.role, row: r.row - 1, col: r.col, rows: r.rows, cols: r.cols };
          }),
        );
        expect(paint(painted)).toEqual(paint(ordered));
        for (const g of groups) expect(g.addresses.length).toBeLessThanOrEqual(RANGES_ADDRESS_CHARS);
      }),
      { numRuns: 200 },
    );
  });

  test("a roster's row colours and the verdict cells over them: two layers, few groups", () => {
    const blocks: StyleBlock[] = [];
    for (let i = 0; i < 400; i++) blocks.push({ role: i % 2 ? "tierA" : "tierB", row: i * 3, rows: 3, col: 0, cols: 17 });
    for (let i = 0; i < 300; i++) blocks.push({ role: "end", row: i * 4, rows: 1, col: 8, cols: 1 });
    const groups = areasInOrder(mergeBlocks(blocks));
    // A verdict colour is painted after every row colour (it is the cell's own).
    const lastRow = Math.max(...groups.map((g, i) => (g.role === "end" ? -1 : i)));
    const firstVerdict = groups.findIndex((g) => g.role === "end");
    expect(firstVerdict).toBeGreaterThan(lastRow);
    expect(groups.length).toBeLessThan((400 + 300) / 10);
  });
});
