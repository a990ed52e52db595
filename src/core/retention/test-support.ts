/**
 * Fixtures for the plan tabs' tests (not used by the product): customers, carry-over and tab readers,
 * with every date relative to one fixed as-of day.
 */
import { CarryOver, type PreviousRow } from "../output-tabs/previous-outputs";
import { ROSTER_SPEC } from "../output-tabs/roster-tab";
import type { TabSpec } from "../output-tabs/tab-spec";
import type { OutputTabId, PlanValue, TabPlan } from "../output-tabs/write-plan";
import type { RegisterRow } from "../register/register-row";
import type { ScoredCustomer, Tier, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { defaultSettings, type Settings } from "../settings/settings";
import { ProblemLog } from "../problems/problem";
import { buildPlanTabs, type PlanContext } from "./build-plan-tabs";
import { CALLBACK_SPEC } from "./callback-schedule";
import { CHURN_SPEC } from "./churn-warnings";
import { serialFromYmd } from "./dates";
import { HISTORY_SPEC } from "./history";
import { KPI_SPEC } from "./kpi-dashboard";
import { RETENTION_SPEC } from "./retention-plan";
import { WINBACK_SPEC } from "./win-back";

/** The fixed "today" of the tests: 2025-06-30. */
export const AS_OF = serialFromYmd(2025, 6, 30);

/** A serial day `n` days from the as-of day. */
export const day = (n: number): number => AS_OF + n;

export const SPECS: TabSpec[] = [ROSTER_SPEC, RETENTION_SPEC, CALLBACK_SPEC, CHURN_SPEC, WINBACK_SPEC, KPI_SPEC, HISTORY_SPEC];

/** Fresh default settings, optionally changed. */
export function settingsWith(change: (s: Settings) => void = () => undefined): Settings {
  const s = defaultSettings();
  change(s);
  return s;
}

let rowNo = 1;

/** A scored customer; `reg` fills the register row (omit it entirely with `reg: null`). */
export function customer(
  key: string,
  opts: {
    score?: number | null; tier?: TierOrIncomplete; computedTier?: TierOrIncomplete; manualTier?: Tier;
    verdict?: Verdict | null; reg?: Partial<RegisterRow> | null; name?: string;
  } = {},
): ScoredCustomer {
  const computedTier = opts.computedTier ?? opts.tier ?? "B";
  const tier = opts.manualTier ?? opts.tier ?? computedTier;
  rowNo++;
  const register: RegisterRow | undefined =
    opts.reg === null ? undefined : { key, name: opts.name ?? `客户${key}`, sheet: "客户状况登记表", row: rowNo, rowAddress: `A${rowNo + 1}`, status: "active", ...opts.reg };
  return {
    key,
    name: opts.name ?? register?.name ?? `客户${key}`,
    register,
    score: opts.score === undefined ? 75 : opts.score,
    coverage: 1,
    computedTier,
    manualTier: opts.manualTier,
    tier,
    verdict: opts.verdict === undefined ? (computedTier === "incomplete" ? null : "maintain") : opts.verdict,
    contributions: [],
    rank: null,
  };
}

/** A CarryOver holding previous rows of some tabs (records by column id). */
export function carryFrom(tabs: Partial<Record<OutputTabId, { sheet?: string; records: Record<string, PlanValue>[] }>> = {}): CarryOver {
  const tables = new Map<OutputTabId, { sheet: string; rows: PreviousRow[] }>();
  for (const [id, t] of Object.entries(tabs) as [OutputTabId, { sheet?: string; records: Record<string, PlanValue>[] }][]) {
    tables.set(id, { sheet: t.sheet ?? id, rows: t.records.map((record, i) => ({ record, rowAddress: `A${i + 2}` })) });
  }
  return new CarryOver({ owned: new Map(), tables }, SPECS);
}

/** A tab's rows as records by column id, for readable assertions. */
export function recordsOf(tab: TabPlan): Record<string, PlanValue>[] {
  return tab.rows.map((r) => Object.fromEntries(tab.columns.map((c, i) => [c.id, r[i]])));
}

/** Every plan tab built together for `customers` on the as-of day, by tab id, with the problems logged. */
export function planTabs(
  customers: ScoredCustomer[], settings: Settings, over: Partial<PlanContext> = {},
): Record<string, TabPlan> & { problems: ProblemLog } {
  const problems = new ProblemLog();
  const built = buildPlanTabs({
    customers, settings, asOf: AS_OF, runAt: "2025-06-30T09:00:00.000Z", lang: "zh-CN", names: {}, carry: carryFrom(),
    previousHistory: [], modelFingerprint: "fp", problems, ...over,
  });
  return Object.assign(Object.fromEntries(built.map((t) => [t.id, t])), { problems });
}
