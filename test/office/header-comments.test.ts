import { runJob } from "../../src/core/job/run-job";
import { META_SHEET_NAME } from "../../src/core/output-tabs/write-plan";
import { runWorkbookJob } from "../../src/office/run-workbook-job";
import { seededLong } from "./long-fixture";
import { colOf } from "./sheet-cells";
import type { FakeExcel } from "./fake-excel";
import { toolState } from "./fake-excel/working-tool";

const noWait = { sleep: async () => undefined, tag: "t1" };
const ROSTER = "客户分级名册";

const seeded = seededLong;

async function run(xl: FakeExcel, iso: string): Promise<void> {
  await xl.run((ctx) => runWorkbookJob(ctx, { now: new Date(iso), write: true, job: runJob, ...noWait }));
}

/** Every output tab's cells, by name. */
function outputs(xl: FakeExcel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of xl.sheetNames().filter((n) => n !== META_SHEET_NAME && xl.sheet(n).visibility !== "VeryHidden")) {
    const rect = xl.sheet(n).usedRect();
    out[n] = rect ? xl.sheet(n).read(rect) : [];
  }
  return out;
}

/** Runs the body on a host that has ExcelApi 1.10 (worksheet comments). */
async function withComments(body: () => Promise<void>): Promise<void> {
  Object.assign(globalThis, { Office: { context: { requirements: { isSetSupported: () => true } } } });
  try {
    await body();
  } finally {
    delete (globalThis as { Office?: unknown }).Office;
  }
}

describe("a header cell holds one comment of ours, run after run (Excel allows one comment per cell)", () => {
  test("the second and third monthly runs succeed and each noted header keeps exactly one comment", () =>
    withComments(async () => {
      const xl = await seeded();
      await run(xl, "2024-06-30T08:00:00Z");
      const first = toolState(xl.sheet(ROSTER)).comments.map((c) => ({ ...c }));
      expect(first.length).toBeGreaterThan(0);
      await run(xl, "2024-07-31T08:00:00Z");
      await run(xl, "2024-08-31T08:00:00Z");
      expect(toolState(xl.sheet(ROSTER)).comments).toEqual(first);
      const manual = colOf(xl.sheet(ROSTER), "人工等级");
      expect(toolState(xl.sheet(ROSTER)).comments.map((c) => c.col)).toEqual([manual, manual + 1]);
    }));
});

describe("adding objects (comments, charts, rules) comes after every commit", () => {
  test("a comment the host refuses fails the run after every tab holds the new month, none left with the old", () =>
    withComments(async () => {
      const ref = await seeded();
      await run(ref, "2024-06-30T08:00:00Z");
      await run(ref, "2024-07-31T08:00:00Z");
      const xl = await seeded();
      await run(xl, "2024-06-30T08:00:00Z");
      xl.faults.failCommand = (op) => op === "comments.add";
      await expect(run(xl, "2024-07-31T08:00:00Z")).rejects.toThrow();
      xl.faults.failCommand = undefined;
      expect(outputs(xl)).toEqual(outputs(ref));
    }));
});
