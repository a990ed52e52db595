import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import { writePlan, type WriteOptions } from "../../src/office/write-plan";
import { WriteRefusal } from "../../src/office/write-refusal";
import { createFakeExcel } from "./fake-excel/node";
import { planOf, rosterTab } from "./plans";

const at: WriteOptions = { sleep: async () => undefined, clock: () => new Date("2026-11-23T09:00:00Z") };

describe("last writer wins: the lock is checked with the last values request, just before the first commit", () => {
  test("another run's lock landing after our first values request stops our run before any tab changes", async () => {
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C0001", "华星贸易"]] }]);
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(3)]), at));
    const before = xl.sheet("客户分级名册").read(xl.sheet("客户分级名册").usedRect()!);
    let phase = "";
    let valueRequests = 0;
    let stolen = false;
    xl.faults.failCommand = (op) => {
      // After the first request of values into our temporary sheet went through, the other run's lock lands.
      if (phase === "values" && op === "suspendApiCalculationUntilNextSync" && ++valueRequests === 2 && !stolen) {
        stolen = true;
        const meta = xl.sheet(META_SHEET_NAME);
        const lockRow = meta.read(meta.usedRect()!).findIndex((r) => r[0] === "lock");
        meta.writeCell(lockRow, 1, "other");
      }
      return false;
    };
    const e = await xl
      .run((ctx) => writePlan(ctx, planOf([rosterTab(2000)]), { ...at, budgetBytes: 60_000, minBudgetBytes: 1_000, onProgress: (p) => (phase = p.phase) }))
      .catch((x: unknown) => x);
    expect(stolen).toBe(true);
    expect(valueRequests).toBeGreaterThan(2);
    expect(e).toBeInstanceOf(WriteRefusal);
    expect((e as WriteRefusal).kind).toBe("busy");
    expect(xl.sheet("客户分级名册").read(xl.sheet("客户分级名册").usedRect()!)).toEqual(before);
    expect(xl.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
  }, 20_000);
});
