import type { Lang } from "../i18n/lang";
import type { CarryOver, PreviousRow } from "../output-tabs/previous-outputs";
import { blocksFromRowRoles, type TabPlan } from "../output-tabs/write-plan";
import type { ProblemLog } from "../problems/problem";
import { registerMessages } from "../problems/render";
import type { Channel } from "../register/register-row";
import type { ScoredCustomer, Tier } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { ACTION_PLAN_SPEC, buildActionPlan } from "./action-plan";
import { appendRecords, complaintFigures, complaintKpiRows, reportComplaintOrder } from "./complaint-kpis";
import { buildMaintenanceSummary, SUMMARY_SPEC } from "./maintenance-summary";
import { buildStrengthening, STRENGTHENING_SPEC } from "./strengthening";
import { SUPERVISOR_MESSAGES } from "./supervisor-messages";
import { currentRun, lastRunAsOf, pastRunsFromHistory, trendRows, type PastRun } from "./tier-trend";

export { ACTION_PLAN_SPEC, STRENGTHENING_SPEC, SUMMARY_SPEC };
export { SUPERVISOR_MESSAGES };

// The problems tab renders through the shared catalogue; these messages join it on first import.
registerMessages(SUPERVISOR_MESSAGES);

/** What the supervisor's tabs need beyond the other plan tabs. */
export interface SupervisorContext {
  customers: ScoredCustomer[];
  settings: Settings;
  asOf: number;
  runAt: string;
  lang: Lang;
  carry: CarryOver;
  problems: ProblemLog;
  channels: Record<Tier, Channel>;
  names: { summary: string; strengthening: string; actionPlan: string };
  /** This run's tabs as built. */
  tabs: { retention: TabPlan; callbacks: TabPlan; churn: TabPlan; winback: TabPlan; kpi: TabPlan };
  previousHistory: PreviousRow[];
  previousRoster: PreviousRow[];
  /** True for a customer that was 流失 or 转出 at the last run and is active now (the life cycle's rule). */
  returned: (c: ScoredCustomer) => boolean;
  /** Earlier runs' tier counts from the history's run log; default: read from the history rows. */
  pastRuns?: PastRun[];
  /** The register cell of a customer's field, for problems; default: the row's first cell. */
  registerCell?: (c: ScoredCustomer, field: "complaintReplyDate" | "complaintResolvedDate") => string | undefined;
}

/**
 * The supervisor's and command centre's work (spec section "For the supervisor and the command centre"): the
 * KPI tab with the complaint figures and the tier trend, and the tabs 客户维护总结表, 客户关系强化表, 行动计划表.
 */
export function buildSupervisorTabs(ctx: SupervisorContext): { kpi: TabPlan; summary: TabPlan; strengthening: TabPlan; actionPlan: TabPlan } {
  const { customers, settings, asOf, lang } = ctx;
  const past = ctx.pastRuns ?? pastRunsFromHistory(ctx.previousHistory);

  const figures = complaintFigures(customers, settings, asOf);
  reportComplaintOrder(figures, ctx.problems, ctx.registerCell);
  let kpi = appendRecords(ctx.tabs.kpi, complaintKpiRows(figures, settings, lang));
  const cols = kpi.columns.map((c) => c.id);
  const trend = trendRows(past, currentRun(customers, ctx.runAt, asOf), lang, kpi.rows.length, {
    labelCol: cols.indexOf("figure"), valueCol: cols.indexOf("count"),
  });
  const start = kpi.rows.length;
  kpi = appendRecords(kpi, trend.records);
  kpi = {
    ...kpi,
    styles: [...kpi.styles, ...blocksFromRowRoles(trend.roles, 0, cols.indexOf("figure") + 1).map((b) => ({ ...b, row: b.row + start }))],
    extraCharts: [...(kpi.extraCharts ?? []), trend.chart],
  };

  const summary = buildMaintenanceSummary({
    customers, settings, asOf, lang,
    tabs: ctx.tabs,
    previousRoster: ctx.previousRoster,
    returned: ctx.returned,
    lastAsOf: lastRunAsOf(past),
  }, ctx.names.summary);
  const strengthening = buildStrengthening(customers, lang, ctx.names.strengthening, ctx.carry);
  const actionPlan = buildActionPlan(customers, settings, asOf, lang, ctx.names.actionPlan, ctx.carry, ctx.channels);
  return { kpi, summary, strengthening, actionPlan };
}
