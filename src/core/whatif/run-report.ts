import { parseTier } from "../i18n/labels";
import type { TierOrIncomplete } from "../scoring/scored-customer";
import type { TabPlan, WritePlan } from "../output-tabs/write-plan";

/** What a run changed, for the pane's summary after writing. */
export interface RunReport {
  /** "A→B" → number of customers, from the roster's previous tier and tier columns. */
  moves: Record<string, number>;
  /** Customers that had a tier in the last run (0 on a first run). */
  compared: number;
  /** Cells users typed in earlier outputs (manual tier, review status, notes, their own columns …) that this run kept. */
  editsKept: number;
  /** Sheet names written, by tab id. */
  names: Partial<Record<TabPlan["id"], string>>;
}

function tierOf(text: unknown): TierOrIncomplete | undefined {
  if (text === null || text === undefined || text === "") return undefined;
  return parseTier(String(text)) ?? "incomplete";
}

/** Movers since the last run and edits kept, read from the plan that was written. */
export function runReport(plan: WritePlan): RunReport {
  const moves: Record<string, number> = {};
  let compared = 0;
  const names: RunReport["names"] = {};
  for (const tab of plan.tabs) {
    names[tab.id] = tab.name;
    const col = (id: string) => tab.columns.findIndex((c) => c.id === id);
    if (tab.id === "roster") {
      const prev = col("previousTier");
      const now = col("tier");
      for (const row of tab.rows) {
        const from = tierOf(row[prev]);
        const to = tierOf(row[now]);
        if (!from || !to) continue;
        compared++;
        if (from !== to) moves[`${from}→${to}`] = (moves[`${from}→${to}`] ?? 0) + 1;
      }
    }
  }
  // What the carry-over itself counted: typed editable cells and cells of users' own columns (pre-filled
  // defaults such as 待审核 or the action plan's suggestions are not edits).
  const c = plan.carried;
  const editsKept = c ? c.editableCells + c.userColumnCells : 0;
  return { moves, compared, editsKept, names };
}
