import type { Lang } from "../i18n/lang";
import type { ProblemLog } from "../problems/problem";
import type { WorkbookModel } from "../workbook/grid";
import type { CarryOver, PreviousOutputs } from "./previous-outputs";
import { computedColumns, fingerprintTab, readFingerprints, tokenLength } from "./row-fingerprints";
import type { TabSpec } from "./tab-spec";
import { carryUserWork, emptyCarrySummary, keepUserRows, type RowOrigin } from "./user-work";
import { decorateTab } from "./working-tool";
import type { CarrySummary, OutputMeta, PlanValue, TabPlan } from "./write-plan";

/** Codes of the plan tabs' notes about typed values whose row is gone. */
const GONE_CODES = new Set(["plan.editRowGone", "plan.editCustomerGone"]);

/**
 * Tells rows users added from ours (before the tabs are built, so their edits are not reported as lost):
 * by the previous run's fingerprints, else by the customers the previous history and this run know.
 */
export function originOfRows(target: WorkbookModel, previous: PreviousOutputs, specs: TabSpec[], carry: CarryOver, customers: { key: string }[]): RowOrigin {
  const knownKeys = new Set<string>(customers.map((c) => c.key));
  for (const r of previous.tables.get("history")?.rows ?? []) {
    const k = r.record.key;
    if (k !== null && k !== undefined && k !== "") knownKeys.add(String(k));
  }
  const origin: RowOrigin = { fingerprints: readFingerprints(target), knownKeys };
  keepUserRows(previous, specs.filter((s) => s.id !== "history"), carry, origin);
  return origin;
}

/** What finishTabs needs besides the built tabs. */
export interface FinishContext {
  specs: TabSpec[];
  previous: PreviousOutputs;
  origin: RowOrigin;
  log: ProblemLog;
  lang: Lang;
  asOf: number;
  /** Builds the problems tab once every other problem is known. */
  problemsTab: () => TabPlan;
}

/**
 * The last step of planning: carries users' columns and rows into every tab (the history excepted, its
 * columns are the runs'), decorates the tabs as a working tool, builds the problems tab last (it lists what
 * the first steps reported) and fingerprints the rows this run computed, for the next run.
 */
export function finishTabs(built: TabPlan[], ctx: FinishContext): { tabs: TabPlan[]; carried?: CarrySummary; fingerprints: OutputMeta["fingerprints"] } {
  const sum = emptyCarrySummary();
  const spec = (t: TabPlan): TabSpec | undefined => ctx.specs.find((s) => s.id === t.id);
  const finish = (t: TabPlan, log: ProblemLog | null): TabPlan => {
    const s = spec(t);
    const carried = s && t.id !== "history" ? carryUserWork(t, s, ctx.previous.tables.get(t.id), ctx.origin, log, sum) : t;
    return decorateTab(carried, ctx.lang, ctx.asOf, log, sum);
  };
  const tabs = built.map((t) => finish(t, ctx.log));
  sum.editsReported += ctx.log.items.filter((p) => GONE_CODES.has(p.code)).length;
  // The problems tab's own rows are not reported again (it would list itself).
  tabs.push(finish(ctx.problemsTab(), null));
  const fingerprints: OutputMeta["fingerprints"] = [];
  for (const t of tabs) {
    const s = spec(t);
    if (!s || t.id === "history") continue;
    const keyIdx = s.keyColumns.map((id) => t.columns.findIndex((c) => c.id === id));
    const keyOf = (row: readonly PlanValue[]): string => keyIdx.map((i) => String(row[i] ?? "")).join("\u241f");
    const chunks = fingerprintTab(t, keyOf, t.rows.length - (t.userRows ?? 0));
    if (chunks) fingerprints.push({ id: t.id, chunks, tokenLength: tokenLength(computedColumns(t).length) });
  }
  return { tabs, carried: ctx.previous.tables.size > 0 ? sum : undefined, fingerprints };
}
