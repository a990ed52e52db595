import * as path from "path";
import { runJob } from "../../src/core/job/run-job";
import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import type { WorkbookModel } from "../../src/core/workbook/grid";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { writePlanAtomic } from "../../src/xlsx/write-plan";
import { SAMPLE_DIR, tempDir } from "./helpers/cli-run";

const sample = path.join(SAMPLE_DIR, "sample.xlsx");
const first = { now: new Date("2024-06-30T09:00:00Z"), asOf: 45473 };
const second = { now: new Date("2024-07-31T09:00:00Z"), asOf: 45504 };

/** Types a manual tier and its reason into the previous roster's first data row, as a user would. */
function typeManualTier(prev: WorkbookModel): void {
  const roster = prev.sheets.find((s) => s.name === "客户分级名册")!;
  const header = roster.values[0];
  const tier = header.indexOf("人工等级");
  const reason = header.indexOf("调整原因");
  expect([tier >= 0, reason >= 0]).toEqual([true, true]);
  roster.values[1][tier] = "A";
  roster.values[1][reason] = "行长指定";
}

describe("the command line gives up the previous output's cells once the job has read them", () => {
  let output: string;
  beforeAll(async () => {
    output = path.join(tempDir("ct-release-"), "sample.tiers.xlsx");
    await writePlanAtomic(runJob(await readWorkbookFile(sample), first).plan, output);
  });

  test("a second run with releasePrevious plans exactly what it plans without (edits carried, same problems)", async () => {
    const kept = await readWorkbookFile(output);
    const released = await readWorkbookFile(output);
    typeManualTier(kept);
    typeManualTier(released);
    const a = runJob(await readWorkbookFile(sample), { ...second, previous: kept });
    const b = runJob(await readWorkbookFile(sample), { ...second, previous: released, releasePrevious: true });
    expect(b.plan).toEqual(a.plan);
    expect(b.problems).toEqual(a.problems);
    expect(b.plan.carried?.editableCells).toBeGreaterThan(0);
  });

  test("the owned tabs' cells are emptied; names and the metadata sheet stay; without the option nothing changes", async () => {
    const released = await readWorkbookFile(output);
    const kept = await readWorkbookFile(output);
    runJob(await readWorkbookFile(sample), { ...second, previous: released, releasePrevious: true });
    runJob(await readWorkbookFile(sample), { ...second, previous: kept });
    const fresh = await readWorkbookFile(output);
    expect(released.sheets.map((s) => s.name)).toEqual(fresh.sheets.map((s) => s.name));
    for (const s of released.sheets) {
      if (s.name === META_SHEET_NAME) expect(s.values).toEqual(fresh.sheets.find((f) => f.name === s.name)!.values);
      else expect(s.values).toEqual([]);
    }
    expect(kept.sheets.map((s) => s.values)).toEqual(fresh.sheets.map((s) => s.values));
  });
});
