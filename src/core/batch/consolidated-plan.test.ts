import fc from "fast-check";
import { consolidatedPlan, mergeManagers } from "./consolidated-plan";
import { emptyTierCounts, emptyVerdictCounts, type ManagerFigures, type WorkbookResult } from "./workbook-result";

const TIERS = ["A", "B", "C", "D", "incomplete"] as const;
const VERDICTS = ["maintain", "improve", "end"] as const;

const manager = fc.record({
  manager: fc.constantFrom("王芳", "李强", "张伟", "Alice"),
  tiers: fc.array(fc.nat(30), { minLength: 5, maxLength: 5 }),
  verdicts: fc.array(fc.nat(30), { minLength: 3, maxLength: 3 }),
  scoreSum: fc.nat(3000),
}).map(({ manager, tiers, verdicts, scoreSum }): ManagerFigures => {
  const byTier = emptyTierCounts();
  TIERS.forEach((t, i) => (byTier[t] = tiers[i]));
  const byVerdict = emptyVerdictCounts();
  VERDICTS.forEach((v, i) => (byVerdict[v] = verdicts[i]));
  const customers = tiers.reduce((a, b) => a + b, 0);
  return { manager, customers, byTier, byVerdict, scoreSum: customers ? scoreSum : 0, scored: customers };
});

function workbook(file: string, managers: ManagerFigures[]): WorkbookResult {
  const byTier = emptyTierCounts();
  const byVerdict = emptyVerdictCounts();
  for (const m of managers) {
    for (const t of TIERS) byTier[t] += m.byTier[t];
    for (const v of VERDICTS) byVerdict[v] += m.byVerdict[v];
  }
  const customers = managers.reduce((a, m) => a + m.customers, 0);
  return {
    file, exitCode: 0, kpis: [], problems: [], customers: [], managers,
    summary: { lang: "zh-CN", asOf: "2024-06-30", sheets: [], customers, indicators: [], byTier, byVerdict, problems: { error: 0, warning: 0, note: 0 } },
  };
}

describe("the consolidated workbook adds up", () => {
  test("managers across workbooks: one row per name, counts and score sums equal the workbooks' own", () => {
    fc.assert(
      fc.property(fc.array(fc.array(manager, { maxLength: 4 }), { minLength: 1, maxLength: 5 }), (books) => {
        const results = books.map((ms, i) => workbook(`b${i}.xlsx`, ms));
        const merged = mergeManagers(results);
        expect(new Set(merged.map((m) => m.manager)).size).toBe(merged.length);
        const all = books.flat();
        expect(merged.reduce((a, m) => a + m.customers, 0)).toBe(all.reduce((a, m) => a + m.customers, 0));
        for (const t of TIERS) expect(merged.reduce((a, m) => a + m.byTier[t], 0)).toBe(all.reduce((a, m) => a + m.byTier[t], 0));
        expect(merged.reduce((a, m) => a + m.scoreSum, 0)).toBe(all.reduce((a, m) => a + m.scoreSum, 0));
      }),
    );
  });

  test("the workbooks tab's total row is the sum of its workbook rows", () => {
    fc.assert(
      fc.property(fc.array(fc.array(manager, { maxLength: 4 }), { minLength: 1, maxLength: 5 }), (books) => {
        const plan = consolidatedPlan(books.map((ms, i) => workbook(`b${i}.xlsx`, ms)), "en-US", "2024-06-30T00:00:00Z");
        const tab = plan.tabs.find((t) => t.id === "batchWorkbooks")!;
        const total = tab.rows[tab.rows.length - 1];
        expect(total[0]).toBe("Total");
        tab.columns.forEach((c, i) => {
          if (c.kind !== "integer" || c.id === "exitCode") return;
          const sum = tab.rows.slice(0, -1).reduce((a, r) => a + Number(r[i] ?? 0), 0);
          expect(total[i]).toBe(sum);
        });
      }),
    );
  });

  test("a failed workbook is a row of its own, coloured as an error, and its message a problem", () => {
    const failed: WorkbookResult = { file: "x/bad.xlsx", exitCode: 2, failure: { code: "input.damaged", message: "damaged" }, kpis: [], managers: [], problems: [], customers: [] };
    const plan = consolidatedPlan([failed], "zh-CN", "2024-06-30T00:00:00Z");
    const [books, , problems] = plan.tabs;
    expect(books.rows[0].slice(0, 3)).toEqual(["bad.xlsx", "未能处理", 2]);
    expect(books.styles).toEqual([{ role: "error", row: 0, rows: 1, col: 0, cols: books.columns.length }]);
    expect(problems.rows).toEqual([["bad.xlsx", "错误", "bad.xlsx", "damaged"]]);
  });
});
