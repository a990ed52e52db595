import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import { readOwnedTabs } from "../../src/core/output-tabs/previous-outputs";
import { writePlan, type WriteOptions, type WriteProgress } from "../../src/office/write-plan";
import { createFakeExcel, FakeExcelError, type FakeExcel, type MeteredFakeExcel } from "./fake-excel/node";
import { planOf, problemsTab, rosterTab } from "./plans";

const noWait: WriteOptions = { sleep: async () => undefined, tag: "t1" };

/** What a user's workbook looks like before any run: a register and a sheet of the user's. */
function userWorkbook(): MeteredFakeExcel {
  return createFakeExcel([
    { name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C0001", "华星贸易"]] },
    { name: "我的统计", values: [["备注"]] },
  ]);
}

class Stop extends Error {}

/** Stops the write the first time it reports `phase` (what the pane's Cancel does). */
const stopAt = (phase: WriteProgress["phase"]): WriteOptions => ({
  ...noWait,
  onProgress: (p) => {
    if (p.phase === phase) throw new Stop();
  },
});

/** Every sheet with its visibility and cells, in workbook order. */
function snapshot(xl: FakeExcel): unknown[] {
  return xl.state.sheets.map((s) => [s.name, s.visibility, s.usedRect() ? s.read(s.usedRect()!) : []]);
}

function owned(xl: FakeExcel): [string, string][] {
  const meta = xl.state.sheet(META_SHEET_NAME);
  if (!meta) return [];
  return [...readOwnedTabs({ sheets: [{ name: META_SHEET_NAME, values: meta.read(meta.usedRect()!) }] }).entries()];
}

describe("cancelling a first run leaves the workbook as it was", () => {
  test("stopped while values are written: no new tab, no metadata sheet, and the next run writes under the planned names", async () => {
    const xl = userWorkbook();
    const before = snapshot(xl);
    const plan = planOf([rosterTab(40), problemsTab(5)]);
    await expect(xl.run((ctx) => writePlan(ctx, plan, stopAt("values")))).rejects.toBeInstanceOf(Stop);
    expect(snapshot(xl)).toEqual(before);
    expect(owned(xl)).toEqual([]);
    const result = await xl.run((ctx) => writePlan(ctx, plan, { ...noWait, tag: "t2" }));
    expect(result.tabs.map((t) => t.name)).toEqual(["客户分级名册", "数据问题"]);
    expect(result.renamed).toEqual([]);
    expect(owned(xl)).toEqual([["客户分级名册", "roster"], ["数据问题", "problems"]]);
  });

  test("a later run that adds a tab and is stopped takes back only that tab; the record is as it was, without a lock", async () => {
    const xl = userWorkbook();
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(10)]), noWait));
    const before = snapshot(xl);
    await expect(xl.run((ctx) => writePlan(ctx, planOf([rosterTab(12), problemsTab(3)]), { ...stopAt("values"), tag: "t2" }))).rejects.toBeInstanceOf(Stop);
    expect(snapshot(xl)).toEqual(before);
    expect(owned(xl)).toEqual([["客户分级名册", "roster"]]);
    // The lock was given back: the next run goes ahead at once.
    await xl.run((ctx) => writePlan(ctx, planOf([rosterTab(12), problemsTab(3)]), { ...noWait, tag: "t3" }));
    expect(owned(xl)).toEqual([["客户分级名册", "roster"], ["数据问题", "problems"]]);
  });

  test("a failure at any command of a first run leaves either the workbook as it was or every tab written and recorded", async () => {
    const plan = planOf([rosterTab(8), problemsTab(2)]);
    const reference = userWorkbook();
    await reference.run((ctx) => writePlan(ctx, plan, noWait));
    const commands = reference.stats.calls;
    let undone = 0;
    for (let n = 1; n <= commands; n++) {
      const xl = userWorkbook();
      const before = snapshot(xl);
      let count = 0;
      xl.faults.failCommand = () => ++count === n;
      const failed = await xl.run((ctx) => writePlan(ctx, plan, noWait)).then(
        () => false,
        (e: unknown) => {
          if (!(e instanceof FakeExcelError)) throw e;
          return true;
        },
      );
      xl.faults.failCommand = undefined;
      const asItWas = JSON.stringify(snapshot(xl)) === JSON.stringify(before);
      if (failed && asItWas) undone++;
      else expect([n, owned(xl)]).toEqual([n, [["客户分级名册", "roster"], ["数据问题", "problems"]]]);
      // Either way the next run writes under the planned names: nothing left behind is taken for the user's.
      const next = await xl.run((ctx) => writePlan(ctx, plan, { ...noWait, tag: "t9" }));
      expect([n, next.renamed]).toEqual([n, []]);
      expect([n, xl.sheetNames()]).toEqual([n, ["客户状况登记表", "我的统计", META_SHEET_NAME, "客户分级名册", "数据问题"]]);
    }
    // The commands before the first swap are many (look, record, create, values): each of them was undone.
    expect(undone).toBeGreaterThan(5);
  });
});
