import { applyPlan } from "../../../test/core/plan-to-workbook";
import { JobFailure } from "./job-failure";
import { applyHeaderMaps, readHeaderMaps, sheetHeaders, type HeaderMapEntry } from "./header-map";
import { runJob } from "./run-job";
import type { RawValue, WorkbookModel } from "../workbook/grid";

const NOW = new Date("2025-06-30T08:00:00Z");

/** A register whose headers the product does not know (German), under a sheet name it does not know. */
function foreign(): WorkbookModel {
  const rows: RawValue[][] = [
    ["Kundenliste"],
    ["Kunden-Nr", "Firma", "Zufriedenheit", "Potenzial"],
    ["K1", "Alpha GmbH", 90, "高"],
    ["K2", "Beta AG", 40, "低"],
  ];
  return { sheets: [{ name: "Kunden", values: rows }] };
}

const MAPS: HeaderMapEntry[] = [
  { sheet: "Kunden", header: "Kunden-Nr", field: "id" },
  { sheet: "Kunden", header: "Firma", field: "name" },
  { sheet: "Kunden", header: "Zufriedenheit", field: "satisfaction" },
];

describe("a sheet whose headers are not recognised can be matched header → field", () => {
  test("unmatched, even given the register role, there is nothing to score", () => {
    expect(() => runJob(foreign(), { now: NOW, roles: { Kunden: "register" } })).toThrow(JobFailure);
  });

  test("the headers offered are the header row's texts, not the title above it", () => {
    expect(sheetHeaders(foreign().sheets[0]).map((h) => h.header)).toEqual(["Kunden-Nr", "Firma", "Zufriedenheit", "Potenzial"]);
  });

  test("matched, the job reads the sheet as a register; the user's sheet is not changed", () => {
    const wb = foreign();
    const before = JSON.stringify(wb);
    const out = runJob(wb, { now: NOW, roles: { Kunden: "register" }, headerMaps: MAPS });
    expect(out.summary.customers).toBe(2);
    expect(JSON.stringify(wb)).toBe(before);
    expect(applyHeaderMaps(wb, MAPS).sheets[0].values[1]).toEqual(["客户编号", "客户名称", "客户满意度", "Potenzial"]);
  });

  test("the matches are remembered in the metadata sheet and used on every later run", () => {
    const wb = foreign();
    const first = runJob(wb, { now: NOW, roles: { Kunden: "register" }, headerMaps: MAPS });
    const after = applyPlan(wb, first.plan);
    expect(readHeaderMaps(after)).toEqual(MAPS);
    // No matches passed this time: the remembered ones apply (the role too must be given again: roles are per session).
    const second = runJob(after, { now: NOW, roles: { Kunden: "register" } });
    expect(second.summary.customers).toBe(2);
    expect(readHeaderMaps(applyPlan(after, second.plan))).toEqual(MAPS);
    // A later match of the same header replaces the remembered one.
    const third = runJob(after, { now: NOW, roles: { Kunden: "register" }, headerMaps: [{ sheet: "Kunden", header: "Firma", field: "accountManager" }] });
    expect(third.plan.meta.headerMaps).toContainEqual({ sheet: "Kunden", header: "Firma", field: "accountManager" });
    expect(third.plan.meta.headerMaps).toHaveLength(3);
  });
});
