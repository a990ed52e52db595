import type { Lang } from "../i18n/lang";
import type { CarryOver, PreviousRow, UnclaimedEdit } from "../output-tabs/previous-outputs";
import { ROSTER_SPEC } from "../output-tabs/roster-tab";
import { tabName, type TabSpec } from "../output-tabs/tab-spec";
import type { OutputTabId, PlanValue, TabPlan } from "../output-tabs/write-plan";
import type { ProblemLog } from "../problems/problem";
import { registerMessages } from "../problems/render";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { buildCallbackSchedule, CALLBACK_DEFAULTS, CALLBACK_SPEC } from "./callback-schedule";
import { CHURN_SPEC, buildChurnWarnings } from "./churn-warnings";
import { isoFromSerial } from "./dates";
import { buildHistory, HISTORY_SPEC, readPastHistory, RUN_LOG_SPEC } from "./history";
import { buildKpiDashboard, KPI_SPEC } from "./kpi-dashboard";
import { PLAN_MESSAGES } from "./plan-messages";
import { buildRetentionPlan, RETENTION_DEFAULTS, RETENTION_SPEC, tierChannels } from "./retention-plan";
import { buildWinback, WINBACK_SPEC } from "./win-back";
import { hasReturned, NO_PREVIOUS_LIFECYCLE, wasLost, type PreviousLifecycle } from "./lifecycle";
import { ACTION_PLAN_SPEC, buildSupervisorTabs, STRENGTHENING_SPEC, SUMMARY_SPEC } from "./supervisor-tabs";
import { pastRunsFromLog, type PastRun } from "./tier-trend";
import type { RegisterFieldId } from "../register/fields";

import type { ValuesUsed } from "../whatif/values-used";
export { movement, movementLabel, previousTiers, readPastHistory, tierCountsByRun } from "./history";
export { PLAN_MESSAGES } from "./plan-messages";

// The problems tab renders through the shared catalogue; the plan tabs' messages join it on first import.
registerMessages(PLAN_MESSAGES);

/** The plan tabs' specs, in the order they are written, so previous outputs can be read generically. */
export const PLAN_TAB_SPECS: TabSpec[] = [
  RETENTION_SPEC, CALLBACK_SPEC, CHURN_SPEC, WINBACK_SPEC, KPI_SPEC, HISTORY_SPEC, RUN_LOG_SPEC, SUMMARY_SPEC, STRENGTHENING_SPEC, ACTION_PLAN_SPEC,
];

/** Everything the plan tabs are built from; plain data, so the build is a pure function of it. */
export interface PlanContext {
  customers: ScoredCustomer[];
  settings: Settings;
  /** "Today" as an Excel serial day. */
  asOf: number;
  /** ISO time of this run, for the history. */
  runAt: string;
  lang: Lang;
  /** De-conflicted sheet names; default: the spec's name in `lang`. */
  names: Partial<Record<OutputTabId, string>>;
  carry: CarryOver;
  /** Rows of the previous history tab, by column id. */
  previousHistory: PreviousRow[];
  /** Rows of the previous run log tab, by column id. */
  previousRunLog?: PreviousRow[];
  /** Minutes east of UTC where this run happens (the run log's time zone); default 0. */
  utcOffsetMinutes?: number;
  modelFingerprint: string;
  problems: ProblemLog;
  /** What the previous run's roster and win-back tab said of each customer's life cycle (none on a first run). */
  previousLifecycle?: PreviousLifecycle;
  /** Each customer's weakest indicators by display name, for 改善关系's measures. */
  weakest?: (key: string) => string[] | undefined;
  /** The register cell of a customer's field, for problems that point at the register. */
  registerCell?: (c: ScoredCustomer, field: RegisterFieldId) => string | undefined;
  /** Rows of the previous roster (the summary's score change since the last run). */
  previousRoster?: PreviousRow[];
  /** Earlier runs' tier counts (the history's run log); default: read from previousHistory. */
  pastRuns?: PastRun[];
  /** The weights and lines used, recorded on the KPI tab. */
  valuesUsed?: ValuesUsed;
}

/** Builds [retention, callbacks, churn, winback, kpi, history, run log, summary, strengthening, action plan] and reports every typed edit no row took. */
export function buildPlanTabs(ctx: PlanContext): TabPlan[] {
  const { customers, settings, asOf, lang, carry } = ctx;
  const name = (spec: TabSpec) => ctx.names[spec.id] ?? tabName(spec, lang);
  const channels = tierChannels(settings, ctx.problems);
  const prev = ctx.previousLifecycle ?? NO_PREVIOUS_LIFECYCLE;
  const retention = buildRetentionPlan(customers, settings, asOf, lang, name(RETENTION_SPEC), carry, channels, ctx.weakest);
  const callbacks = buildCallbackSchedule(customers, settings, asOf, lang, name(CALLBACK_SPEC), carry, ctx.problems);
  const churn = buildChurnWarnings(customers, settings, asOf, lang, name(CHURN_SPEC));
  const winback = buildWinback(customers, settings, lang, name(WINBACK_SPEC), carry, {
    asOf, previous: prev, problems: ctx.problems, registerCell: ctx.registerCell,
  });
  const kpiBase = buildKpiDashboard(customers, lang, name(KPI_SPEC), {
    winBack: winback.winBack, overdueCalls: callbacks.overdue, churned: winback.churned, pseudoChurned: winback.pseudo,
    winBackCost: winback.winBackCost,
    returned: customers.filter((c) => hasReturned(c, prev)).length,
    lostAtLastRun: prev.known ? [...prev.status.keys()].filter((k) => wasLost(k, prev)).length : null,
  }, ctx.valuesUsed);
  const past = readPastHistory(ctx.previousHistory, ctx.previousRunLog);
  const { kpi, summary, strengthening, actionPlan } = buildSupervisorTabs({
    customers, settings, asOf, runAt: ctx.runAt, lang, carry, problems: ctx.problems, channels,
    names: { summary: name(SUMMARY_SPEC), strengthening: name(STRENGTHENING_SPEC), actionPlan: name(ACTION_PLAN_SPEC) },
    tabs: { retention, callbacks: callbacks.tab, churn, winback: winback.tab, kpi: kpiBase },
    previousHistory: ctx.previousHistory, previousRoster: ctx.previousRoster ?? [],
    returned: (c) => hasReturned(c, prev), pastRuns: ctx.pastRuns ?? pastRunsFromLog(past.runs), registerCell: ctx.registerCell,
  });
  const history = buildHistory(
    past, customers,
    { runAt: ctx.runAt, utcOffsetMinutes: ctx.utcOffsetMinutes ?? 0, asOf, fingerprint: ctx.modelFingerprint, maxRuns: settings.plan.historyRuns, values: ctx.valuesUsed },
    lang, { history: name(HISTORY_SPEC), runLog: name(RUN_LOG_SPEC) }, ctx.problems,
  );
  reportUnclaimed(carry.unclaimed(), new Set(customers.map((c) => c.key)), ctx.problems);
  return [retention, callbacks.tab, churn, winback.tab, kpi, history.history, history.runLog, summary, strengthening, actionPlan];
}

const EDIT_SPECS: TabSpec[] = [ROSTER_SPEC, ...PLAN_TAB_SPECS];
const DEFAULTS: Record<string, { zh: string; en: string }> = { ...RETENTION_DEFAULTS, ...CALLBACK_DEFAULTS };

function cellText(v: PlanValue): string {
  return typeof v === "number" ? String(v) : (v ?? "");
}

/** "审核状态=已通过；备注=…" in both languages; calls also name their type and planned date. */
function describeEdit(e: UnclaimedEdit, spec: TabSpec): { zh: string; en: string } | null {
  const parts = { zh: [] as string[], en: [] as string[] };
  let typed = false;
  if (spec.id === "callbacks") {
    const [, type = "", date = ""] = e.key.split("\u241f");
    const n = Number(date);
    const d = date !== "" && Number.isFinite(n) ? isoFromSerial(n) : date;
    parts.zh.push(`回访类型=${type}`, `计划日期=${d}`);
    parts.en.push(`Call Type=${type}`, `Planned Date=${d}`);
  }
  for (const c of spec.columns) {
    if (!c.editable) continue;
    const v = e.values[c.id] ?? null;
    if (v === null || v === "") continue;
    const d = DEFAULTS[c.id];
    // A default in either language is no edit (the core only knows the Chinese default).
    if (d && (v === d.zh || v === d.en)) continue;
    typed = true;
    parts.zh.push(`${c.zh}=${cellText(v)}`);
    parts.en.push(`${c.en}=${cellText(v)}`);
  }
  return typed ? { zh: parts.zh.join("；"), en: parts.en.join("; ") } : null;
}

/** Every edit no current row took becomes a note: nothing typed is silently thrown away. */
function reportUnclaimed(edits: UnclaimedEdit[], keys: Set<string>, problems: ProblemLog): void {
  for (const e of edits) {
    const spec = EDIT_SPECS.find((s) => s.id === e.tab);
    if (!spec) continue;
    const text = describeEdit(e, spec);
    if (!text) continue;
    const key = e.key.split("\u241f")[0] ?? e.key;
    problems.note(keys.has(key) ? "plan.editRowGone" : "plan.editCustomerGone", {
      sheet: e.sheet, cell: e.rowAddress, key,
      params: { key, sheet: e.sheet, cell: e.rowAddress, valuesZh: text.zh, valuesEn: text.en },
    });
  }
}
