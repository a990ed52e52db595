import fc from "fast-check";
import { ProblemLog } from "../problems/problem";
import type { PreviousRow, PreviousTable } from "./previous-outputs";
import { buildTab, type TabSpec } from "./tab-spec";
import { carryUserWork, emptyCarrySummary, type RowOrigin } from "./user-work";
import type { PlanValue } from "./write-plan";

/** A tab keyed by customer, as the roster or the retention plan: a computed column and two editable ones. */
const SPEC: TabSpec = {
  id: "retention",
  zh: "方案",
  en: "Plan",
  tableName: "Plan",
  keyColumns: ["key"],
  columns: [
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 10 },
    { id: "score", zh: "得分", en: "Score", kind: "number", width: 10 },
    { id: "status", zh: "审核状态", en: "Review", kind: "text", width: 10, editable: true, defaultValue: "待审核" },
    { id: "note", zh: "备注", en: "Notes", kind: "text", width: 10, editable: true },
  ],
};

interface Prev {
  key: string;
  status: string | null;
  note: string | null;
  mine: string | null;
}

/**
 * The carry-over rules without fingerprints, written out row by row: a previous row takes the current row of
 * its key when it is the first row of that key; rows of unknown customers and second rows of a key are
 * users' rows, kept at the end; a row of ours whose customer is gone is kept only for a value in a user's column.
 */
function expected(current: PlanValue[][], prev: Prev[], known: Set<string>) {
  // Nothing read back: the tab stays as built.
  if (prev.length === 0) return { rows: current, editableCells: 0 };
  const rows: PlanValue[][] = current.map((r) => [...r, null]);
  const appended: PlanValue[][] = [];
  let editableCells = 0;
  const seen = new Set<string>();
  for (const p of prev) {
    const first = !seen.has(p.key);
    seen.add(p.key);
    const user = !known.has(p.key) || p.key === "" || !first;
    const r = first ? current.findIndex((row) => row[0] === p.key) : -1;
    if (r >= 0) {
      rows[r][4] = p.mine;
      if (p.status !== null && p.status !== "" && p.status !== "待审核" && p.status === rows[r][2]) editableCells++;
      if (p.note !== null && p.note !== "" && p.note === rows[r][3]) editableCells++;
    } else if (user || (p.mine !== null && p.mine !== "")) {
      appended.push([p.key, 1, p.status, p.note, p.mine]);
    }
  }
  return { rows: [...rows, ...appended], editableCells };
}

describe("carry-over without fingerprints (tabs over 20,000 rows): users' rows and columns kept, edits counted", () => {
  it("matches the rules row by row for any previous rows (property)", () => {
    const key = fc.constantFrom("C1", "C2", "C3", "C4", "X9", "");
    const text = fc.constantFrom(null, "", "待审核", "已审核", "备注");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom("C1", "C2", "C3", "C4")),
        fc.array(fc.record({ key, status: text, note: text, mine: text }), { maxLength: 12 }),
        (current, prev) => {
          const known = new Set(["C1", "C2", "C3", "C4"]);
          // The current rows carry what the builders took from the first previous row of each key.
          const taken = new Map<string, Prev>();
          for (const p of prev) if (!taken.has(p.key)) taken.set(p.key, p);
          const tab = buildTab(SPEC, "zh-CN", "方案", current.map((k) => ({
            key: k, score: 1,
            status: taken.get(k)?.status || "待审核",
            note: taken.get(k)?.note === "" ? null : (taken.get(k)?.note ?? null),
          })));
          const rows: PreviousRow[] = prev.map((p, i) => ({
            record: { key: p.key, score: 1, status: p.status, note: p.note }, rowAddress: `A${i + 2}`, userValues: [p.mine],
          }));
          const table: PreviousTable = { sheet: "方案", rows, userColumns: [{ header: "我的列", letters: "E", numberFormat: "General" }] };
          const origin: RowOrigin = { fingerprints: new Map(), knownKeys: known };
          const sum = emptyCarrySummary();
          const out = carryUserWork(tab, SPEC, table, origin, new ProblemLog(), sum);
          const want = expected(tab.rows, prev, known);
          expect(out.rows).toEqual(want.rows);
          expect(sum.editableCells).toBe(want.editableCells);
        },
      ),
    );
  });
});
