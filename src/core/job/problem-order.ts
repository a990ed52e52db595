import type { Problem, ProblemLevel } from "../problems/problem";
import { parseA1 } from "../workbook/grid";

const SEVERITY: Record<ProblemLevel, number> = { error: 0, warning: 1, note: 2 };

/** Compares two A1 addresses row first, then column (B2 before A3, A10 after A9); missing ones last. */
function compareCells(a: string | undefined, b: string | undefined): number {
  const pa = a ? parseA1(a) : null;
  const pb = b ? parseA1(b) : null;
  if (!pa || !pb) return (pa ? 0 : 1) - (pb ? 0 : 1);
  return pa.row - pb.row || pa.col - pb.col;
}

/** Problems in the order users work through them: errors first, then by sheet, then by cell (stable). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((x, y) => {
      const a = x.p;
      const b = y.p;
      return (
        SEVERITY[a.level] - SEVERITY[b.level] ||
        (a.sheet === undefined ? 1 : 0) - (b.sheet === undefined ? 1 : 0) ||
        (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
        compareCells(a.cell, b.cell) ||
        x.i - y.i
      );
    })
    .map((x) => x.p);
}
