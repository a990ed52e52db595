import { DEFAULT_MODEL_EN } from "../model/default-model";
import { modelFingerprint } from "../model/indicator";
import type { Lang } from "../i18n/lang";
import { parseTier } from "../i18n/labels";
import { ProblemLog, type Problem } from "../problems/problem";
import { buildProblemsTab, PROBLEMS_SPEC } from "../output-tabs/problems-tab";
import { CarryOver, readOwnedTabs, readPreviousOutputs, type PreviousOutputs } from "../output-tabs/previous-outputs";
import { buildRosterTab, ROSTER_SPEC } from "../output-tabs/roster-tab";
import { tabName, type TabSpec } from "../output-tabs/tab-spec";
import { finishTabs, originOfRows } from "../output-tabs/finish-tabs";
import { META_SHEET_NAME, type OutputTabId, type TabPlan, type WritePlan } from "../output-tabs/write-plan";
import { buildPlanTabs, movement, movementLabel, PLAN_TAB_SPECS, previousTiers, readPastHistory } from "../retention/build-plan-tabs";
import { hasReturned, isActive, lifeStage, readPreviousLifecycle, statusLabel } from "../retention/lifecycle";
import { unpackWeakest, weakestPair } from "../retention/measures";
import { DECISION_ROLE, ROSTER_DECISION_WORDS, winbackDecision } from "../retention/win-back";
import { pick } from "../i18n/lang";
import { previousScores, segmentCells, segmentCustomers } from "../retention/segments";
import { KeyResolver } from "../reading/customer-keys";
import type { RegisterFieldId } from "../register/fields";
import { readEvaluation } from "../reading/evaluation-reader";
import { readModel } from "../reading/model-reader";
import { readRegister, registerCell, registerHeaderList, type RegisterRead } from "../reading/register-reader";
import { originOf, ScoreTable } from "../reading/score-table";
import { readSettings } from "../reading/settings-reader";
import { recognizeSheets } from "../reading/sheet-roles";
import { normalizeHeader } from "../text/normalize-header";
import { scoreCustomers, type CustomerRef, type ManualTier } from "../scoring/score-customers";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { isoFromSerial, serialFromDate } from "../values/serial-date";
import type { WorkbookModel } from "../workbook/grid";
import { assembleIndicators, pointsMatrix } from "./assemble-indicators";
import { JobFailure } from "./job-failure";
import type { FoundSheet, JobOptions, JobOutcome, JobSummary } from "./job-types";
import type { Indicator } from "../model/indicator";
import type { Settings } from "../settings/settings";
import { chooseOutputNames } from "./output-names";
import { applyParams } from "../whatif/what-if";
import { applyHeaderMaps, mergeHeaderMaps, readHeaderMaps, type HeaderMapEntry } from "./header-map";

/** Every output tab, in the order they are written. */
export const OUTPUT_SPECS: TabSpec[] = [ROSTER_SPEC, ...PLAN_TAB_SPECS, PROBLEMS_SPEC];

/** A workbook read, validated, scored and tiered: everything the output tabs are built from. */
export interface ScoredWorkbook {
  input: WorkbookModel;
  log: ProblemLog;
  previous: PreviousOutputs;
  carry: CarryOver;
  found: FoundSheet[];
  settings: Settings;
  indicators: Indicator[];
  scored: ScoredCustomer[];
  lang: Lang;
  asOf: number;
  /** A customer's two weakest indicators (largest gap to full marks × weight), by indicator name; found when asked. */
  weakest?: (key: string) => string[] | undefined;
  /** The register cell of a customer's field, for problems pointing at the register. */
  registerCell?: (c: ScoredCustomer, field: RegisterFieldId) => string | undefined;
  /** The customers and their points nᵢ as read, and the manual tiers kept: what a what-if rescoring needs. */
  refs: CustomerRef[];
  points: Float64Array[];
  manual: Map<string, ManualTier>;
  /** Header matches used (remembered ones and the pane's), written back to the metadata sheet. */
  headerMaps: HeaderMapEntry[];
}

/** Runs the whole job on a workbook: find sheets, read, validate, score, tier, plan. Pure: no I/O. */
export function runJob(wb: WorkbookModel, opts: JobOptions): JobOutcome {
  const core = scoreWorkbook(wb, opts);
  return planOutputs(core, opts);
}

/** The core of the job: find the sheets, read and validate every row, score, tier and judge every customer. */
export function scoreWorkbook(given: WorkbookModel, opts: JobOptions): ScoredWorkbook {
  const log = new ProblemLog();
  // Headers a user matched to fields are read as those fields' headers (in memory only).
  // Matches made in the pane live in the workbook's own metadata sheet; the command line's earlier output file
  // records them too. Both count, the output's (newer) last.
  const headerMaps = mergeHeaderMaps(readHeaderMaps(given), opts.previous ? readHeaderMaps(opts.previous) : [], opts.headerMaps ?? []);
  const wb = applyHeaderMaps(given, headerMaps);
  const target = opts.previous ?? wb;
  const previous = readPreviousOutputs(target, OUTPUT_SPECS);
  if (opts.previous && opts.releasePrevious) releaseOwnedCells(opts.previous, previous.owned);
  // The input's own output tabs (an add-in run left them there) are never inputs, even when the outputs
  // now go to a separate workbook.
  const ownInInput = new Set(opts.previous ? readOwnedTabs(wb).keys() : previous.owned.keys());
  ownInInput.add(META_SHEET_NAME);

  const found = recognizeSheets(wb.sheets, ownInInput, opts.roles);
  const sheet = (name: string) => wb.sheets.find((s) => s.name === name)!;
  const first = (role: string) => found.find((f) => f.role === role);

  const settingsSheet = first("settings");
  const readSettingsValues = readSettings(settingsSheet ? sheet(settingsSheet.name) : undefined, log);

  const registerSheet = first("register");
  const register: RegisterRead | null = registerSheet ? readRegister(sheet(registerSheet.name), log) : null;
  const evaluationSheets = found.filter((f) => f.role === "evaluation");
  if (!register && evaluationSheets.length === 0) {
    throw new JobFailure({ level: "error", code: "job.noInput" });
  }
  if (!register) log.warning("register.missing");

  const modelSheet = first("model");
  const model = modelSheet ? readModel(sheet(modelSheet.name), log, registerHeaderList(register)) : null;

  const resolver = new KeyResolver(register?.rows ?? [], register?.columns.has("id") ?? false);
  // Register customers keep their grid row in the score table: the join needs no index of its own.
  const table = new ScoreTable(register?.keys, register ? register.grid.values.length : 0);
  const modelNames = model
    ? new Map([...model.indicators.map((i) => i.name), ...model.leftOut].map((n) => [normalizeHeader(n), n]))
    : undefined;
  for (const f of evaluationSheets) {
    const layout = readEvaluation(sheet(f.name), { resolver, table, log, modelNames });
    if (layout) f.layout = layout;
  }

  const read = assembleIndicators(model, table, register, log);
  const { settings, indicators } = opts.whatIf ? applyParams(readSettingsValues, read, opts.whatIf) : { settings: readSettingsValues, indicators: read };
  const customers = customerList(register, table, log);
  const points = pointsMatrix(indicators, customers, table, register, log);

  const carry = new CarryOver(previous, OUTPUT_SPECS);
  const manual = manualTiers(customers, carry, previous, log);
  const scored = scoreCustomers({ customers, indicators, points, settings, manual });
  reportIncomplete(scored, settings.minCoverage, register, log, table);

  const lang: Lang = opts.lang ?? settings.outputLanguage ?? register?.lang ?? "zh-CN";
  const asOf = opts.asOf ?? settings.asOf ?? Math.floor(serialFromDate(opts.now));
  // Only 改善关系 customers' measures name their weakest indicators: found for those, when the plan asks.
  let index: Map<string, number> | undefined;
  // Customers share a few dozen pairs of weakest indicators: one name list per pair, none per customer.
  const byPair = new Map<number, string[] | undefined>();
  const weakest = (key: string): string[] | undefined => {
    index ??= new Map(customers.map((c, k) => [c.key, k]));
    const k = index.get(key);
    if (k === undefined) return undefined;
    const code = weakestPair(indicators, points, k);
    if (byPair.has(code)) return byPair.get(code);
    const names = unpackWeakest(code, indicators.length).map((i) => indicators[i].name);
    const out = names.length > 0 ? names : undefined;
    byPair.set(code, out);
    return out;
  };
  const statusCell = (c: ScoredCustomer, field: RegisterFieldId) =>
    register && c.register ? registerCell(register, c.register, field) : undefined;
  return { input: wb, log, previous, carry, found, settings, indicators, scored, lang, asOf, weakest, registerCell: statusCell,
    refs: customers, points, manual, headerMaps };
}

/**
 * Empties the cells of a workbook's owned output tabs (names and the metadata sheet stay): after
 * readPreviousOutputs the job reads only names and the metadata sheet of the previous workbook.
 */
function releaseOwnedCells(wb: WorkbookModel, owned: Map<string, OutputTabId>): void {
  for (const s of wb.sheets) {
    if (!owned.has(s.name)) continue;
    s.values = [];
    if (s.kinds) s.kinds = [];
    if (s.formats) s.formats = [];
  }
}

/** Builds every output tab from a scored workbook: roster, plan tabs, history and problems. */
export function planOutputs(core: ScoredWorkbook, opts: JobOptions): JobOutcome {
  const { log, previous, carry, found, settings, indicators, scored, lang, asOf } = core;
  const runAt = opts.now.toISOString();
  const names = chooseOutputNames(
    OUTPUT_SPECS.map((s) => ({ id: s.id, name: tabName(s, lang) })),
    (opts.previous ?? core.input).sheets.map((s) => s.name),
    previous.owned,
    log,
  );
  const fingerprint = modelFingerprint(indicators);
  const displayName = (n: string) => (lang === "en-US" ? DEFAULT_MODEL_EN[n] ?? n : n);
  const displayed = new Map<string[], string[]>();

  const origin = originOfRows(opts.previous ?? core.input, previous, OUTPUT_SPECS, carry, scored);
  const historyRows = previous.tables.get("history")?.rows ?? [];
  const runLogRows = previous.tables.get("runLog")?.rows ?? [];
  const prevTiers = previousTiers(readPastHistory(historyRows, runLogRows));
  // The previous statuses come from the previous roster (its 客户状态 column), not from the history's layout.
  const previousRoster = previous.tables.get("roster")?.rows ?? [];
  const segments = segmentCustomers(scored, settings, asOf, previousScores(previousRoster));
  const prevLife = readPreviousLifecycle(previous.tables.get("roster")?.rows, previous.tables.get("winback")?.rows);
  const returnedWord = lang === "zh-CN" ? "回流" : "Returned";
  const roster = buildRosterTab(scored, lang, names.get("roster")!, (c) => {
    const prev = prevTiers.get(c.key);
    const moved = hasReturned(c, prevLife) ? returnedWord : movementLabel(movement(prev?.tier, c.computedTier), lang);
    return { previousTier: prev?.tier, movement: moved };
  }, displayName, (c) => {
    const status = statusLabel(c.register?.status, lang);
    if (lifeStage(c) === "active") return { status };
    const d = winbackDecision(c, settings).decision;
    return { status, decision: { text: pick(ROSTER_DECISION_WORDS[d], lang), role: DECISION_ROLE[d] } };
  }, segmentCells(segments, lang));
  const planTabs = buildPlanTabs({
    customers: scored, settings, asOf, runAt, lang,
    names: Object.fromEntries(names) as Partial<Record<OutputTabId, string>>,
    carry, previousHistory: historyRows, previousRunLog: runLogRows, modelFingerprint: fingerprint, problems: log,
    utcOffsetMinutes: opts.utcOffsetMinutes ?? -opts.now.getTimezoneOffset(),
    previousLifecycle: prevLife,
    weakest: (key) => {
      const names = core.weakest?.(key);
      if (!names) return undefined;
      // The core hands out one list per pair of indicators: each is put in display names once.
      let shown = displayed.get(names);
      if (!shown) displayed.set(names, (shown = names.map(displayName)));
      return shown;
    },
    registerCell: core.registerCell,
    previousRoster,
    valuesUsed: { settings, indicators, fromPane: opts.whatIf !== undefined },
  });
  const { tabs, carried, fingerprints } = finishTabs([roster, ...planTabs], {
    specs: OUTPUT_SPECS, previous, origin, log, lang, asOf,
    problemsTab: () => buildProblemsTab(log.items, lang, names.get("problems")!),
  });
  const plan: WritePlan = {
    lang, tabs, activeTab: "roster", carried,
    meta: { product: "customer-tiers", version: 1, runAt, tabs: tabs.map((t) => ({ id: t.id, name: t.name })), fingerprints, ...(core.headerMaps.length > 0 ? { headerMaps: core.headerMaps } : {}) },
  };
  return { summary: summarize(found, lang, asOf, scored, indicators.map((i) => ({ name: displayName(i.name), weight: i.weight })), log.items), customers: scored, problems: log.items, plan };
}

/** The customers: register rows in order, then customers only the evaluation names (reported). */
function customerList(register: RegisterRead | null, table: ScoreTable, log: ProblemLog): CustomerRef[] {
  const customers: CustomerRef[] = (register?.rows ?? []).map((r) => ({ key: r.key, id: r.id, name: r.name, register: r }));
  // The score table holds register customers at their register rows: only the others are visited here.
  for (const [key, info] of table.unknownNamed()) {
    if (register) log.warning("eval.unknownCustomer", { ...originOf(info.ref), key, params: { key } });
    customers.push({ key, id: info.id, name: info.name });
  }
  return customers;
}

/** Manual tiers typed in the previous roster, by customer key; a value that is not A–D is reported. */
function manualTiers(customers: CustomerRef[], carry: CarryOver, previous: PreviousOutputs, log: ProblemLog): Map<string, ManualTier> {
  const out = new Map<string, ManualTier>();
  const rosterSheet = previous.tables.get("roster")?.sheet;
  // Addresses are looked up only for a typed value that is no tier: most runs have none.
  let rows: Map<string, string> | undefined;
  const rowOf = (key: string) =>
    (rows ??= new Map((previous.tables.get("roster")?.rows ?? []).map((r) => [String(r.record.key ?? ""), r.rowAddress]))).get(key);
  for (const c of customers) {
    const kept = carry.take("roster", c.key);
    if (!kept) continue;
    const typed = kept.manualTier === null || kept.manualTier === undefined ? "" : String(kept.manualTier);
    const reason = kept.manualReason === null || kept.manualReason === undefined ? undefined : String(kept.manualReason);
    const tier = typed ? parseTier(typed) : undefined;
    if (typed && !tier) log.warning("manual.badTier", { sheet: rosterSheet, cell: rowOf(c.key), key: c.key, params: { text: typed } });
    if (typed || reason) out.set(c.key, { tier, reason, typed: typed || undefined });
  }
  return out;
}

/** Lists every 资料不全 customer as a problem, at its register row where it has one. */
function reportIncomplete(scored: ScoredCustomer[], min: number, register: RegisterRead | null, log: ProblemLog, table: ScoreTable): void {
  for (const c of scored) {
    if (c.computedTier !== "incomplete") continue;
    // At the register's key cell; a customer only the evaluation names, at its cell there.
    const ref = table.refOf(c.key);
    const at = register && c.register
      ? { sheet: c.register.sheet, cell: registerCell(register, c.register, register.columns.has("id") ? "id" : "name") }
      : ref ? originOf(ref) : {};
    log.warning("coverage.incomplete", {
      ...at,
      key: c.key,
      params: { key: c.key, coverage: coverageBelow(c.coverage, min), min: `${Number((min * 100).toFixed(2))}%` },
    });
  }
}

/** A coverage below the minimum as a percentage that reads below it: 59.6% is not shown as "60%, below 60%". */
function coverageBelow(coverage: number, min: number): string {
  const minText = Number((min * 100).toFixed(2));
  for (let d = 0; d <= 3; d++) {
    const shown = Number((coverage * 100).toFixed(d));
    if (shown < minText) return `${shown}%`;
  }
  return `${Number((coverage * 100).toFixed(4))}%`;
}

/** The summary both front ends show, from what a run found and scored. */
export function summarize(
  found: JobSummary["sheets"], lang: Lang, asOf: number, scored: ScoredCustomer[],
  indicators: { name: string; weight: number }[], problems: Problem[],
): JobSummary {
  const byTier: Record<TierOrIncomplete, number> = { A: 0, B: 0, C: 0, D: 0, incomplete: 0 };
  const byVerdict: Record<Verdict, number> = { maintain: 0, improve: 0, end: 0 };
  for (const c of scored) {
    byTier[c.tier]++;
    // Verdict counts cover active customers only: churned and transferred ones have a win-back decision.
    if (c.verdict && isActive(c)) byVerdict[c.verdict]++;
  }
  const counts = { error: 0, warning: 0, note: 0 };
  for (const p of problems) counts[p.level]++;
  return {
    lang, asOf: isoFromSerial(asOf), sheets: found, customers: scored.length,
    indicators: indicators.map((i) => ({ name: i.name, weight: i.weight })), byTier, byVerdict, problems: counts,
  };
}
