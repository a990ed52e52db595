import * as path from "path";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { createFakeExcel, type FakeExcel, type SeedSheet } from "./fake-excel";

const FIXTURE = path.join(__dirname, "..", "fixtures", "long.xlsx");

/** The long.xlsx fixture's sheets as a fake Excel holds them. */
export async function seededLong(): Promise<FakeExcel> {
  const wb = await readWorkbookFile(FIXTURE);
  const seed: SeedSheet[] = wb.sheets.map((s) => ({
    name: s.name,
    values: s.values.map((r) => r.map((v) => (v === null ? null : v))),
    formats: s.formats?.map((r) => r.map((f) => (f === "General" ? null : f))),
    top: s.top,
    left: s.left,
  }));
  return createFakeExcel(seed);
}
