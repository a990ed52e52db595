import type { Lang } from "../i18n/lang";
import { levelWord, type Problem } from "../problems/problem";
import { renderProblem } from "../problems/render";
import { parseA1 } from "../workbook/grid";
import { buildTab, type TabSpec } from "./tab-spec";
import { blocksFromRowRoles, type TabPlan } from "./write-plan";

/** 数据问题 / Data Problems. */
export const PROBLEMS_SPEC: TabSpec = {
  id: "problems",
  zh: "数据问题",
  en: "Data Problems",
  tableName: "DataProblems",
  keyColumns: ["sheet", "cell", "message"],
  columns: [
    { id: "level", zh: "级别", en: "Level", kind: "text", width: 8 },
    { id: "sheet", zh: "工作表", en: "Sheet", kind: "text", width: 18 },
    { id: "cell", zh: "单元格", en: "Cell", kind: "text", width: 9 },
    { id: "customer", zh: "客户", en: "Customer", kind: "text", width: 16 },
    { id: "message", zh: "问题", en: "Problem", kind: "text", width: 80 },
  ],
};

const ORDER = { error: 0, warning: 1, note: 2 };

/** A cell's place for sorting: row, then column (B2 before A10); no cell first. */
function cellOrder(cell: string | undefined): [number, number] {
  const at = cell ? parseA1(cell) : null;
  return at ? [at.row, at.col] : [-1, -1];
}

/**
 * Errors first, then warnings, then notes; within a level by sheet (problems of the whole workbook
 * first), then by cell (row, then column); else in the order found.
 */
export function sortProblems(problems: Problem[]): Problem[] {
  const keyed = problems.map((p, i) => ({ p, i, sheet: p.sheet ?? "", cell: cellOrder(p.cell) }));
  keyed.sort(
    (a, b) =>
      ORDER[a.p.level] - ORDER[b.p.level] ||
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
      a.cell[0] - b.cell[0] ||
      a.cell[1] - b.cell[1] ||
      a.i - b.i,
  );
  return keyed.map((x) => x.p);
}

/** Builds the data-problems tab; it is empty (header only) when all is well. */
export function buildProblemsTab(problems: Problem[], lang: Lang, name: string): TabPlan {
  const sorted = sortProblems(problems);
  const records = sorted.map((p) => ({
    level: levelWord(p.level, lang),
    sheet: p.sheet ?? null,
    cell: p.cell ?? null,
    customer: p.key ?? null,
    message: renderProblem(p, lang),
  }));
  const styles = blocksFromRowRoles(sorted.map((p) => p.level), 0, 1);
  return buildTab(PROBLEMS_SPEC, lang, name, records, styles);
}
