import { META_SHEET_NAME, type WritePlan } from "../../src/core/output-tabs/write-plan";
import { readOwnedTabs } from "../../src/core/output-tabs/previous-outputs";
import { writePlan, type WriteOptions } from "../../src/office/write-plan";
import { WriteRefusal } from "../../src/office/write-refusal";
import type { AdapterNotice } from "../../src/office/retry";
import { createFakeExcel, FakeExcelError, FakeStats, type FakeExcel, type MeteredFakeExcel } from "./fake-excel/node";
import { planOf, problemsTab, rosterTab } from "./plans";

const noWait: WriteOptions = { sleep: async () => undefined };
const T0 = new Date("2026-11-23T09:00:00Z");
const at = (d: Date): WriteOptions => ({ ...noWait, clock: () => d });

/** A register, and a user's sheet counting tier-A rows of the roster, as managers build them. */
function workbook(): MeteredFakeExcel {
  return createFakeExcel([
    { name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C0001", "华星贸易"]] },
    { name: "我的统计", values: [["A 级客户数"]] },
  ]);
}

/** A roster whose column C holds the tier: the first `a` rows are "A". */
function roster(n: number, a: number): WritePlan["tabs"][number] {
  const tab = rosterTab(n);
  tab.rows.forEach((r, i) => (r[2] = i < a ? "A" : "B"));
  tab.columns[2] = { ...tab.columns[2], kind: "text", numberFormat: "@" };
  return tab;
}

async function userFormula(xl: FakeExcel, formula: string): Promise<void> {
  const ctx = xl.context();
  ctx.workbook.worksheets.getItem("我的统计").getRange("A2").values = [[formula]];
  await ctx.sync();
}

function owned(xl: FakeExcel): string[] {
  const meta = xl.sheet(META_SHEET_NAME);
  return [...readOwnedTabs({ sheets: [{ name: META_SHEET_NAME, values: meta.read(meta.usedRect()!) }] }).keys()];
}

function metaCells(xl: FakeExcel): unknown[][] {
  const meta = xl.sheet(META_SHEET_NAME);
  return meta.read(meta.usedRect()!);
}

describe("output tabs are rewritten in place: the user's formulas keep counting", () => {
  test("=COUNTIF(客户分级名册!C:C,\"A\") counts after each of three runs that grow and shrink the roster", async () => {
    const xl = workbook();
    await xl.run((ctx) => writePlan(ctx, planOf([roster(10, 3), problemsTab(2)]), at(T0)));
    await userFormula(xl, '=COUNTIF(客户分级名册!C:C,"A")');
    const sheet = xl.sheet("客户分级名册");
    const table = xl.state.table("TierRoster");
    const stats = xl.sheet("我的统计");
    expect(stats.valueAt(1, 0)).toBe(3);
    await xl.run((ctx) => writePlan(ctx, planOf([roster(25, 12), problemsTab(5)]), at(T0)));
    expect(stats.valueAt(1, 0)).toBe(12);
    await xl.run((ctx) => writePlan(ctx, planOf([roster(4, 1), problemsTab(0)]), at(T0)));
    expect(stats.valueAt(1, 0)).toBe(1);
    expect(stats.formulaAt(1, 0)).toBe('=COUNTIF(客户分级名册!C:C,"A")');
    // The same worksheet and the same table, resized to the new rows.
    expect(xl.sheet("客户分级名册")).toBe(sheet);
    expect(xl.state.table("TierRoster")).toBe(table);
    expect(table?.rect).toEqual({ row: 0, col: 0, rows: 5, cols: 3 });
    expect(sheet.usedRect()).toEqual({ row: 0, col: 0, rows: 5, cols: 3 });
    expect(sheet.read({ row: 4, col: 0, rows: 1, cols: 3 })).toEqual([["C0004", "客户3", "B"]]);
    // No stale colours below the new end, the header coloured, the old tier colours replaced.
    expect(sheet.layerAt(10, 0, "fill")).toBeUndefined();
    expect(sheet.layerAt(0, 0, "fill")).toBe("#1F4E79");
    expect(xl.sheetNames()).toEqual(["客户状况登记表", "我的统计", META_SHEET_NAME, "客户分级名册", "数据问题"]);
    expect(xl.meter.misses).toEqual([]);
  });

  test("the fake is honest: deleting a tab turns the formula into #REF!, as the old delete-and-recreate did", async () => {
    const xl = workbook();
    await xl.run((ctx) => writePlan(ctx, planOf([roster(10, 3)]), at(T0)));
    await userFormula(xl, "=COUNTIF('客户分级名册'!C:C,\"A\")");
    expect(xl.sheet("我的统计").valueAt(1, 0)).toBe(3);
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("客户分级名册").delete();
    ctx.workbook.worksheets.add("客户分级名册");
    await ctx.sync();
    expect(xl.sheet("我的统计").valueAt(1, 0)).toBe("#REF!");
    expect(xl.sheet("我的统计").formulaAt(1, 0)).toBe('=COUNTIF(#REF!,"A")');
  });

  test("a language switch renames our tab in place; the formula follows the sheet", async () => {
    const xl = workbook();
    await xl.run((ctx) => writePlan(ctx, planOf([roster(6, 2)]), at(T0)));
    await userFormula(xl, '=COUNTIF(客户分级名册!C:C,"A")');
    await xl.run((ctx) => writePlan(ctx, planOf([{ ...roster(8, 5), name: "Tier Roster" }]), at(T0)));
    expect(xl.state.sheet("客户分级名册")).toBeUndefined();
    expect(xl.sheet("我的统计").valueAt(1, 0)).toBe(5);
    expect(xl.sheet("我的统计").formulaAt(1, 0)).toBe('=COUNTIF(\'Tier Roster\'!C:C,"A")');
    expect(owned(xl)).toEqual(["Tier Roster"]);
  });

  test("a tab no longer planned is deleted only after the record says what is ours", async () => {
    const xl = workbook();
    await xl.run((ctx) => writePlan(ctx, planOf([roster(6, 2), problemsTab(3)]), at(T0)));
    const seen: string[][] = [];
    xl.faults.failCommand = (op) => {
      if (op === "deleteSheet") seen.push(owned(xl));
      return false;
    };
    await xl.run((ctx) => writePlan(ctx, planOf([roster(6, 2)]), at(T0)));
    // When 数据问题 was deleted, the record already listed the new set (and it still, until then).
    expect(seen.some((o) => o.includes("客户分级名册") && o.includes("数据问题"))).toBe(true);
    expect(xl.state.sheet("数据问题")).toBeUndefined();
    expect(owned(xl)).toEqual(["客户分级名册"]);
  });
});

describe("never half done: a failure at any command leaves old or new outputs, all recorded as ours", () => {
  // One commit request for both tabs; or one each, with the second tab's values riding in the first one's commit request.
  const riding: WriteOptions = { commitCells: 1, budgetBytes: 41_100, minBudgetBytes: 1_000 };
  test.each([
    ["one commit request", {}],
    ["the second tab's values in the first tab's commit request", riding],
  ])("for every command of a second run (%s), failing there leaves each tab old or new, recorded, and the next run in place", async (_, options: WriteOptions) => {
    const at = (d: Date): WriteOptions => ({ ...noWait, ...options, clock: () => d });
    const first = planOf([roster(6, 2), problemsTab(2)]);
    const second = planOf([roster(9, 4), problemsTab(3)], "2026-11-24T09:00:00.000Z");
    // A tab's rows, blank rows left out (a table grown by blank rows before the copy still holds the old rows).
    const snapshot = (xl: FakeExcel, name: string): unknown => {
      const s = xl.state.sheet(name);
      return s ? s.read(s.usedRect() ?? { row: 0, col: 0, rows: 1, cols: 1 }).filter((r) => r.some((v) => v !== "")) : null;
    };
    // The states a tab may be in: before or after the second run.
    const reference = workbook();
    await reference.run((ctx) => writePlan(ctx, first, at(T0)));
    const oldTabs = ["客户分级名册", "数据问题"].map((n) => snapshot(reference, n));
    reference.stats = new FakeStats();
    await reference.run((ctx) => writePlan(ctx, second, at(T0)));
    const newTabs = ["客户分级名册", "数据问题"].map((n) => snapshot(reference, n));
    const commands = reference.stats.calls;
    expect(commands).toBeGreaterThan(40);
    if (options === riding) {
      // The variant does what it says: without values in commit requests it takes one more sync.
      const apart = workbook();
      await apart.run((ctx) => writePlan(ctx, first, at(T0)));
      apart.stats = new FakeStats();
      await apart.run((ctx) => writePlan(ctx, second, { ...at(T0), valuesInCommits: false }));
      expect(apart.stats.syncs).toBe(reference.stats.syncs + 1);
    }

    let failures = 0;
    let sentAgain = 0;
    for (let n = 1; n <= commands; n++) {
      const xl = workbook();
      await xl.run((ctx) => writePlan(ctx, first, at(T0)));
      await userFormula(xl, '=COUNTIF(客户分级名册!C:C,"A")');
      let count = 0;
      xl.faults.failCommand = () => ++count === n;
      const outcome = await xl.run((ctx) => writePlan(ctx, second, at(T0))).then(
        () => "ok",
        (e: unknown) => (e instanceof FakeExcelError ? "failed" : `unexpected ${String(e)}`),
      );
      xl.faults.failCommand = undefined;
      if (outcome === "failed") failures++;
      else expect([n, outcome]).toEqual([n, "ok"]);
      // Values into temporary sheets and formatting may be sent again after Excel's generic error (its answer
      // to some oversize requests): the run then succeeds.
      if (outcome === "ok" && count >= n) sentAgain++;
      // Every tab is wholly old or wholly new, and the record lists it.
      ["客户分级名册", "数据问题"].forEach((name, i) => {
        const now = snapshot(xl, name);
        expect([n, name, now === null ? "missing" : [oldTabs[i], newTabs[i]].some((x) => JSON.stringify(x) === JSON.stringify(now))]).toEqual([n, name, true]);
      });
      expect([n, owned(xl)]).toEqual([n, ["客户分级名册", "数据问题"]]);
      // The lock was given back: the next run goes ahead at once, in place, and the formula counts.
      await xl.run((ctx) => writePlan(ctx, second, at(T0)));
      expect([n, xl.sheetNames()]).toEqual([n, ["客户状况登记表", "我的统计", META_SHEET_NAME, "客户分级名册", "数据问题"]]);
      expect([n, xl.sheet("我的统计").valueAt(1, 0)]).toEqual([n, 4]);
    }
    // Every command but the best-effort freeze fails the run or is sent again; most fail it.
    expect(failures + sentAgain).toBeGreaterThan(commands - 5);
    expect(failures).toBeGreaterThan(commands / 2);
  });

  test("leftover temporary sheets of a crashed run are removed at the start of the next", async () => {
    const xl = workbook();
    const ctx = xl.context();
    ctx.workbook.worksheets.add("~ctdead_0").visibility = "Hidden";
    ctx.workbook.worksheets.add("~ctdead_1").visibility = "Hidden";
    await ctx.sync();
    const result = await xl.run((c) => writePlan(c, planOf([roster(3, 1)]), at(T0)));
    expect(xl.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
    expect(result.notes).toContainEqual({ kind: "leftoversRemoved", sheets: ["~ctdead_0", "~ctdead_1"] });
  });

  test("freezing the header is best effort: its failure is a note, the tabs are written", async () => {
    const xl = workbook();
    xl.faults.failCommand = (op) => op === "freezeRows";
    const result = await xl.run((ctx) => writePlan(ctx, planOf([roster(3, 1)]), at(T0)));
    expect(result.notes.map((x) => x.kind)).toEqual(["freezeFailed"]);
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(4);
    expect(owned(xl)).toEqual(["客户分级名册"]);
  });
});

describe("one run at a time: a 'running since' lock in the metadata sheet", () => {
  test("a second run while the first holds the lock says so and changes nothing", async () => {
    const xl = workbook();
    await xl.run((ctx) => writePlan(ctx, planOf([roster(3, 1)]), at(T0)));
    // The first run is between taking the lock and finishing: hold it there.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let second: unknown;
    xl.faults.failCommand = undefined;
    const first = xl.run(async (ctx) =>
      writePlan(ctx, planOf([roster(5, 2)]), {
        ...at(T0),
        tag: "first",
        onProgress: (p) => {
          if (p.phase === "values" && p.fraction === 0.05) {
            void xl
              .run((c) => writePlan(c, planOf([roster(7, 3)]), { ...at(new Date(T0.getTime() + 60_000)), tag: "second" }))
              .catch((e: unknown) => (second = e))
              .finally(release);
          }
        },
      }),
    );
    await held;
    await first;
    expect(second).toBeInstanceOf(WriteRefusal);
    expect((second as WriteRefusal).kind).toBe("busy");
    expect((second as WriteRefusal).message).toContain("Another run is writing to this workbook (since 2026-11-23T09:00:00.000Z)");
    expect((second as WriteRefusal).message).toContain("另一次计算正在写入本工作簿");
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(6);
    expect(metaCells(xl).some((r) => r[0] === "lock")).toBe(false);
  });

  test("asked to wait, a second run waits for the lock to be given back, then writes", async () => {
    const xl = workbook();
    await xl.run((ctx) => writePlan(ctx, planOf([roster(3, 1)]), at(T0)));
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem(META_SHEET_NAME).getRange("A10:D10").values = [["lock", "pane", "since", "2026-11-23T08:59:00.000Z"]];
    await ctx.sync();
    const notices: AdapterNotice[] = [];
    let polls = 0;
    const sleep = async (): Promise<void> => {
      // The other run finishes during the second wait.
      if (++polls === 2) xl.sheet(META_SHEET_NAME).clear({ row: 9, col: 0, rows: 1, cols: 4 });
    };
    await xl.run((c) => writePlan(c, planOf([roster(6, 2)]), { ...at(T0), sleep, lockWaitMs: 60_000, onNotice: (n) => notices.push(n) }));
    expect(notices).toEqual([
      { kind: "waitingForLock", since: "2026-11-23T08:59:00.000Z", waitMs: 2000 },
      { kind: "waitingForLock", since: "2026-11-23T08:59:00.000Z", waitMs: 2000 },
    ]);
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(7);
    // Waiting has a limit: then it says so, as without waiting.
    const ctx2 = xl.context();
    ctx2.workbook.worksheets.getItem(META_SHEET_NAME).getRange("A10:D10").values = [["lock", "pane", "since", "2026-11-23T08:59:00.000Z"]];
    await ctx2.sync();
    const e = await xl.run((c) => writePlan(c, planOf([roster(6, 2)]), { ...at(T0), lockWaitMs: 6000 })).catch((x: unknown) => x);
    expect((e as WriteRefusal).kind).toBe("busy");
  });

  test("a stale lock (older than a run can take) is broken with a note", async () => {
    const xl = workbook();
    await xl.run((ctx) => writePlan(ctx, planOf([roster(3, 1)]), at(T0)));
    const ctx = xl.context();
    const meta = ctx.workbook.worksheets.getItem(META_SHEET_NAME);
    meta.getRange("A10:D10").values = [["lock", "crashed", "since", "2026-11-23T08:00:00.000Z"]];
    await ctx.sync();
    const early = await xl.run((c) => writePlan(c, planOf([roster(4, 1)]), at(new Date("2026-11-23T08:10:00Z"))).catch((e: unknown) => e));
    expect((early as WriteRefusal).kind).toBe("busy");
    const result = await xl.run((c) => writePlan(c, planOf([roster(4, 1)]), at(new Date("2026-11-23T08:30:00Z"))));
    expect(result.notes).toContainEqual({ kind: "staleLockBroken", since: "2026-11-23T08:00:00.000Z", runId: "crashed" });
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(5);
    expect(metaCells(xl).some((r) => r[0] === "lock")).toBe(false);
  });

  test("two runs that take the lock at once: the one whose lock was overwritten stops before writing", async () => {
    const xl = workbook();
    await xl.run((ctx) => writePlan(ctx, planOf([roster(3, 1)]), at(T0)));
    // Another run's lock lands right after ours (between our lock batch and our check).
    let steal = true;
    xl.faults.failCommand = (op) => {
      if (op !== "loadTables" || !steal) return false;
      steal = false;
      const meta = xl.sheet(META_SHEET_NAME);
      const r = meta.usedRect()!;
      meta.writeCell(r.rows - 1, 1, "other");
      return false;
    };
    const e = await xl.run((c) => writePlan(c, planOf([roster(8, 2)]), at(T0))).catch((x: unknown) => x);
    expect((e as WriteRefusal).kind).toBe("busy");
    expect(xl.sheet("客户分级名册").usedRect()?.rows).toBe(4);
    expect(xl.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
  });
});

describe("honest limits: protected structure, .xls compatibility mode", () => {
  test("a protected workbook structure is refused before anything changes, saying what to do", async () => {
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号"], ["C1"]] }], { structureProtected: true });
    const e = await xl.run((ctx) => writePlan(ctx, planOf([roster(3, 1)]), at(T0))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WriteRefusal);
    expect((e as WriteRefusal).in("en-US")).toContain("Review › Protect Workbook");
    expect((e as WriteRefusal).in("zh-CN")).toContain("审阅 › 保护工作簿");
    expect(xl.stats.syncs).toBe(1);
    expect(xl.sheetNames()).toEqual(["客户状况登记表"]);
  });

  test("an .xls in compatibility mode (65,536 rows) refuses a longer tab with a message", async () => {
    const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号"], ["C1"]] }], { rowLimit: 65_536 });
    const e = await xl.run((ctx) => writePlan(ctx, planOf([problemsTab(65_536)]), at(T0))).catch((x: unknown) => x);
    expect((e as WriteRefusal).kind).toBe("tooManyRows");
    expect((e as WriteRefusal).in("en-US")).toContain("65536 rows of a sheet in this workbook (.xls compatibility mode). Save the workbook as .xlsx");
    expect(xl.sheetNames()).toEqual(["客户状况登记表"]);
    await xl.run((ctx) => writePlan(ctx, planOf([problemsTab(65_535)]), at(T0)));
    expect(xl.sheet("数据问题").usedRect()?.rows).toBe(65_536);
  });
});
