import { applyPlan } from "../../../test/core/plan-to-workbook";
import { JobFailure } from "./job-failure";
import { applyHeaderMaps, HEADER_FIELDS, readHeaderMaps, roleOfMatches, sheetHeaders, type HeaderMapEntry } from "./header-map";
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

/** The spec's worked example with every header in German: a register, a long evaluation and a model sheet. */
function foreignWorked(): WorkbookModel {
  const ids = ["C001", "C002", "C003"];
  const scores: Record<string, number[]> = { C001: [90, 85, 95, 80], C002: [70, 60, 75, 90], C003: [50, 40, 45, 60] };
  const inds = ["合作深度", "满意度", "业务贡献", "发展潜力"];
  return {
    sheets: [
      { name: "Kunden", values: [["Kunden-Nr", "Firma"], ["C001", "华星贸易"], ["C002", "东方机械"], ["C003", "南山食品"]] },
      { name: "Bewertung", values: [["Kunden-Nr", "Kriterium", "Punkte"], ...ids.flatMap((id) => inds.map((ind, i): RawValue[] => [id, ind, scores[id][i]]))] },
      { name: "Gewichte", values: [["Kriterium", "Gewicht"], ["合作深度", 30], ["满意度", 25], ["业务贡献", 35], ["发展潜力", 10]] },
    ],
  };
}

const WORKED_MAPS: HeaderMapEntry[] = [
  { sheet: "Kunden", header: "Kunden-Nr", field: "id" },
  { sheet: "Kunden", header: "Firma", field: "name" },
  { sheet: "Bewertung", header: "Kunden-Nr", field: "id" },
  { sheet: "Bewertung", header: "Kriterium", field: "evaluation.indicator" },
  { sheet: "Bewertung", header: "Punkte", field: "evaluation.score" },
  { sheet: "Gewichte", header: "Kriterium", field: "model.indicator" },
  { sheet: "Gewichte", header: "Gewicht", field: "model.weight" },
];

/** Final scores by key, to 2 decimals. */
const scores = (out: ReturnType<typeof runJob>): Record<string, number | null> =>
  Object.fromEntries(out.customers.map((c) => [c.key, c.score === null ? null : Math.round(c.score * 100) / 100]));

describe("every role's headers can be matched: the evaluation (long and wide) and the model too", () => {
  test("a long evaluation and a model sheet matched header → field give the worked example's scores, and are remembered", () => {
    const wb = foreignWorked();
    const before = JSON.stringify(wb);
    const roles = { Kunden: "register", Bewertung: "evaluation", Gewichte: "model" } as const;
    const first = runJob(wb, { now: NOW, roles, headerMaps: WORKED_MAPS });
    expect(scores(first)).toEqual({ C001: 89.5, C002: 71.25, C003: 46.75 });
    expect(first.customers.map((c) => c.computedTier)).toEqual(["A", "B", "D"]);
    expect(JSON.stringify(wb)).toBe(before);
    // Remembered in our metadata sheet; a later run with no matches passed (and no roles: found by the matched headers) reads them the same.
    const after = applyPlan(wb, first.plan);
    expect(readHeaderMaps(after)).toEqual(WORKED_MAPS);
    expect(scores(runJob(after, { now: NOW, roles: { Kunden: "register" } }))).toEqual({ C001: 89.5, C002: 71.25, C003: 46.75 });
  });

  test("a wide evaluation whose key header is not recognised is read once its key is matched", () => {
    const wb: WorkbookModel = {
      sheets: [
        { name: "Kunden", values: [["Kunden-Nr", "Firma"], ["C001", "华星贸易"], ["C002", "东方机械"]] },
        { name: "Punkte", values: [["Nr.", "合作深度", "满意度", "业务贡献", "发展潜力"], ["C001", 90, 85, 95, 80], ["C002", 70, 60, 75, 90]] },
        { name: "Gewichte", values: [["Kriterium", "Gewicht"], ["合作深度", 30], ["满意度", 25], ["业务贡献", 35], ["发展潜力", 10]] },
      ],
    };
    const maps: HeaderMapEntry[] = [...WORKED_MAPS.filter((m) => m.sheet !== "Bewertung"), { sheet: "Punkte", header: "Nr.", field: "id" }];
    const out = runJob(wb, { now: NOW, roles: { Kunden: "register", Punkte: "evaluation" }, headerMaps: maps });
    expect(scores(out)).toEqual({ C001: 89.5, C002: 71.25 });
  });

  test("matches made in the pane (the workbook's metadata sheet) count when the outputs go to a separate file", () => {
    const wb = foreignWorked();
    const roles = { Kunden: "register", Bewertung: "evaluation", Gewichte: "model" } as const;
    const withMaps = applyPlan(wb, runJob(wb, { now: NOW, roles, headerMaps: WORKED_MAPS }).plan);
    // The command line: the input is that workbook, the previous outputs an earlier output file without matches.
    const earlierOutput: WorkbookModel = { sheets: [] };
    expect(scores(runJob(withMaps, { now: NOW, roles: { Kunden: "register" }, previous: earlierOutput }))).toEqual({ C001: 89.5, C002: 71.25, C003: 46.75 });
  });

  test("the matches say which role a sheet plays: model columns, else evaluation columns, else a register", () => {
    expect(roleOfMatches(WORKED_MAPS.filter((m) => m.sheet === "Gewichte"))).toBe("model");
    expect(roleOfMatches(WORKED_MAPS.filter((m) => m.sheet === "Bewertung"))).toBe("evaluation");
    expect(roleOfMatches(WORKED_MAPS.filter((m) => m.sheet === "Kunden"))).toBe("register");
    expect(roleOfMatches([{ sheet: "x", header: "y", field: "satisfaction" }])).toBe("register");
    expect(roleOfMatches([])).toBeUndefined();
  });

  test("every field offered maps to a header its role's reader recognises, and ids are unique", () => {
    expect(new Set(HEADER_FIELDS.map((f) => f.id)).size).toBe(HEADER_FIELDS.length);
    expect(HEADER_FIELDS.filter((f) => f.role === "evaluation").map((f) => f.canonical)).toEqual(["分析指标", "指标权重", "指标得分", "满分", "根据", "备注"]);
    expect(HEADER_FIELDS.filter((f) => f.role === "model").map((f) => f.en)).toEqual(["Indicator", "Weight", "Max Score", "Direction", "Source Column", "Method", "Bands"]);
  });
});
