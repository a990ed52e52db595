import { syntheticRegister } from "../../bench/addin/synthetic-register";
import { runJob } from "../../src/core/job/run-job";
import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import { COMMAND_LOCK_WAIT_MS, ribbonRecalculate, type ExcelRun } from "../../src/commands/ribbon-run";
import type { XlCellValue } from "../../src/office/excel-subset";
import type { AdapterNotice } from "../../src/office/retry";
import { WriteRefusal } from "../../src/office/write-refusal";
import { createFakeExcel, FakeStats, type FakeExcel } from "../office/fake-excel";

const NOW = new Date("2026-11-30T09:00:00Z");
const SINCE = "2026-11-30T08:59:00.000Z";

/** A register of 30 customers, written once by the ribbon; then another run (the pane) takes the lock. */
async function lockedByThePane(): Promise<{ xl: FakeExcel; run: ExcelRun }> {
  const wb = syntheticRegister(30);
  const xl = createFakeExcel(wb.sheets.map((s) => ({ name: s.name, values: s.values as (XlCellValue | null)[][] })));
  const run: ExcelRun = (batch) => xl.run((ctx) => batch(ctx));
  await ribbonRecalculate(run, { now: NOW, job: runJob, clock: () => NOW, sleep: async () => undefined });
  const meta = xl.sheet(META_SHEET_NAME);
  meta.rows.push(["lock", "pane1", "since", SINCE]);
  xl.stats = new FakeStats();
  return { xl, run };
}

/** The pane's run finishing: its lock given back, and its outputs (here a tier a user set meanwhile in the roster). */
function paneFinishes(xl: FakeExcel): void {
  const meta = xl.sheet(META_SHEET_NAME);
  meta.rows = meta.rows.filter((r) => r?.[0] !== "lock");
  const roster = xl.sheet("客户分级名册");
  const header = roster.rows[0];
  roster.writeCell(1, header.indexOf("人工等级"), "A");
  roster.writeCell(1, header.indexOf("调整原因"), "支行长指定");
}

describe("the ribbon's Recalculate waits for another run's lock, as the pane does", () => {
  test("it waits, then reads what the other run left and writes", async () => {
    const { xl, run } = await lockedByThePane();
    const notices: AdapterNotice[] = [];
    let sleeps = 0;
    let readsBeforeRelease = -1;
    const done = await ribbonRecalculate(run, {
      now: NOW,
      job: runJob,
      clock: () => NOW,
      lockPollMs: 2000,
      onNotice: (n) => notices.push(n),
      sleep: async () => {
        if (++sleeps === 3) {
          readsBeforeRelease = xl.stats.reads.filter((r) => r.sheet === "客户状况登记表").length;
          paneFinishes(xl);
        }
      },
    });
    expect(done.kind).toBe("done");
    expect(notices.filter((n) => n.kind === "waitingForLock")).toEqual([1, 2, 3].map(() => ({ kind: "waitingForLock", since: SINCE, waitMs: 2000 })));
    // Nothing of the register was read while the other run held the lock: this run read what it left.
    expect(readsBeforeRelease).toBe(0);
    const roster = xl.sheet("客户分级名册");
    const header = roster.rows[0];
    expect(roster.rows[1]?.[header.indexOf("调整原因")]).toBe("支行长指定");
    expect(xl.sheet(META_SHEET_NAME).rows.some((r) => r?.[0] === "lock")).toBe(false);
  });

  test(`it gives up after ${COMMAND_LOCK_WAIT_MS / 60_000} minutes with a message in both languages, and changes nothing`, async () => {
    const { xl, run } = await lockedByThePane();
    const before = JSON.stringify({ names: xl.sheetNames(), meta: xl.sheet(META_SHEET_NAME).rows, roster: xl.sheet("客户分级名册").rows });
    let slept = 0;
    const refused = await ribbonRecalculate(run, { now: NOW, job: runJob, clock: () => NOW, sleep: async (ms) => void (slept += ms) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WriteRefusal);
    const r = refused as WriteRefusal;
    expect(r.kind).toBe("busy");
    expect(slept).toBe(COMMAND_LOCK_WAIT_MS);
    expect(r.in("zh-CN")).toContain("已等待 2 分钟");
    expect(r.in("zh-CN")).toContain("未做任何更改");
    expect(r.in("en-US")).toContain("after a wait of 2 min");
    expect(r.in("en-US")).toContain("Nothing was changed");
    expect(JSON.stringify({ names: xl.sheetNames(), meta: xl.sheet(META_SHEET_NAME).rows, roster: xl.sheet("客户分级名册").rows })).toBe(before);
  });

  test("a lock older than 20 minutes is a run that died: broken at once, no wait", async () => {
    const { xl, run } = await lockedByThePane();
    let slept = 0;
    const done = await ribbonRecalculate(run, { now: NOW, job: runJob, clock: () => new Date("2026-11-30T09:30:00Z"), sleep: async (ms) => void (slept += ms) });
    expect(done.kind).toBe("done");
    expect(slept).toBe(0);
    expect(xl.sheet(META_SHEET_NAME).rows.some((r) => r?.[0] === "lock")).toBe(false);
  });
});
