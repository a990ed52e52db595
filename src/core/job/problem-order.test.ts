import fc from "fast-check";
import type { Problem } from "../problems/problem";
import { sortProblems } from "./problem-order";

describe("problems are listed by severity, then sheet, then cell", () => {
  test("errors before warnings before notes; within a sheet row by row, A10 after A9", () => {
    const ps: Problem[] = [
      { level: "note", code: "n", sheet: "A" },
      { level: "warning", code: "w1", sheet: "登记表", cell: "A10" },
      { level: "warning", code: "w2", sheet: "登记表", cell: "C9" },
      { level: "error", code: "e1", sheet: "评估表", cell: "B2" },
      { level: "warning", code: "w3" },
      { level: "warning", code: "w4", sheet: "登记表", cell: "B9" },
      { level: "error", code: "e2", sheet: "登记表" },
    ];
    expect(sortProblems(ps).map((p) => p.code)).toEqual(["e2", "e1", "w4", "w2", "w1", "w3", "n"]);
  });

  test("sorting keeps every problem and is idempotent (property)", () => {
    const problem = fc.record({
      level: fc.constantFrom("error" as const, "warning" as const, "note" as const),
      code: fc.string(),
      sheet: fc.option(fc.constantFrom("S1", "S2", "数据"), { nil: undefined }),
      cell: fc.option(fc.tuple(fc.constantFrom("A", "B", "AA"), fc.integer({ min: 1, max: 30 })).map(([c, r]) => `${c}${r}`), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 30 }), (ps) => {
        const once = sortProblems(ps);
        expect(once).toHaveLength(ps.length);
        expect(new Set(once)).toEqual(new Set(ps));
        expect(sortProblems(once)).toEqual(once);
      }),
    );
  });
});
