import { tierLabel } from "../i18n/labels";
import type { Lang } from "../i18n/lang";
import type { PreviousRow } from "../output-tabs/previous-outputs";
import { rosterOrder } from "../output-tabs/roster-tab";
import { columnPlans, type TabSpec } from "../output-tabs/tab-spec";
import type { ColumnPlan, PlanValue, TabPlan } from "../output-tabs/write-plan";
import type { ProblemLog } from "../problems/problem";
import type { ScoredCustomer, TierOrIncomplete } from "../scoring/scored-customer";
import { customerName, parseTierLabel } from "./common";
import { fastYmdFromSerial, serialFromIsoTime } from "./dates";
import { runLogValues, type RunLogValues, type ValuesUsed } from "../whatif/values-used";

/*
 * 评估历史 / Evaluation History: one row per customer — key, name, then per run, newest first, a
 * `2026-11 得分` / `2026-11 等级` column pair. Beside it, on its own small tab, 运行记录 / Run Log: one row
 * per run (time and zone, as-of day, customers by tier, model fingerprint). The history grows with
 * customers, and with runs only up to the cap (历史保留次数, 24 by default).
 */

/** The tiers in the order the run log counts them. */
export const TIER_ORDER: TierOrIncomplete[] = ["A", "B", "C", "D", "incomplete"];

/** Header words of a run's pair of columns. */
const PAIR_WORDS = { score: { zh: "得分", en: "Score" }, tier: { zh: "等级", en: "Tier" } } as const;

/** `2026-11 得分`, `2026-11-15 Tier`, `2026-11-15 #2 等级`: a run's column (label, then the word). */
const RUN_HEADER = /^(\d{4}-\d{2}(?:-\d{2})?(?: #\d+)?)\s*(得分|等级|score|tier)$/i;

/** Headers of the history's old long form (one row per customer per run), read once to convert it. */
const LEGACY_HEADERS: Record<string, string> = {
  运行时间: "runAt", "run time": "runAt", 评估日期: "asOf", "as of": "asOf", 最终得分: "score", "final score": "score",
  等级: "tier", tier: "tier", 人工等级: "manualTier", "manual tier": "manualTier", 建议: "verdict", verdict: "verdict",
  模型指纹: "fingerprint", "model fingerprint": "fingerprint",
};

/** The column id of a history header beyond key and name: `score:2026-11`, `tier:2026-11`, or an old-form column. */
export function historyColumnId(header: string): string | undefined {
  const m = RUN_HEADER.exec(header);
  if (m) return `${/^(得分|score)$/i.test(m[2]) ? "score" : "tier"}:${m[1]}`;
  return LEGACY_HEADERS[header.replace(/\s+/g, " ").toLowerCase()];
}

/** 评估历史 / Evaluation History: key and name; the run columns vary (see historyColumnId). */
export const HISTORY_SPEC: TabSpec = {
  id: "history",
  zh: "评估历史",
  en: "Evaluation History",
  tableName: "EvaluationHistory",
  keyColumns: ["key"],
  columns: [
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 14 },
    { id: "name", zh: "客户名称", en: "Customer", kind: "text", width: 24 },
  ],
  extraColumn: historyColumnId,
  // The run pairs (`score:2026-11`) are read back as one list per row; the old form's columns by name.
  listColumn: (id) => id.includes(":"),
  carriedWhole: true,
};

/** 运行记录 / Run Log: one row per run in the history, newest first. */
export const RUN_LOG_SPEC: TabSpec = {
  id: "runLog",
  zh: "运行记录",
  en: "Run Log",
  tableName: "RunLog",
  keyColumns: ["label"],
  carriedWhole: true,
  columns: [
    { id: "label", zh: "历史列", en: "History Columns", kind: "text", width: 15 },
    { id: "runAt", zh: "运行时间", en: "Run Time", kind: "datetime", width: 19, numberFormat: "yyyy-mm-dd hh:mm:ss" },
    { id: "timeZone", zh: "时区", en: "Time Zone", kind: "text", width: 11 },
    { id: "asOf", zh: "评估日期", en: "As Of", kind: "date", width: 12 },
    { id: "customers", zh: "客户数", en: "Customers", kind: "integer", width: 9 },
    { id: "A", zh: "A级", en: "Tier A", kind: "integer", width: 8 },
    { id: "B", zh: "B级", en: "Tier B", kind: "integer", width: 8 },
    { id: "C", zh: "C级", en: "Tier C", kind: "integer", width: 8 },
    { id: "D", zh: "D级", en: "Tier D", kind: "integer", width: 8 },
    { id: "incomplete", zh: "资料不全", en: "Incomplete", kind: "integer", width: 10 },
    { id: "fingerprint", zh: "模型指纹", en: "Model Fingerprint", kind: "text", width: 18 },
    // The values the run used (see whatif/values-used): a result can be traced to its weights and lines.
    { id: "valuesFrom", zh: "参数来源", en: "Values From", kind: "text", width: 16 },
    { id: "weights", zh: "权重", en: "Weights", kind: "text", width: 36 },
    { id: "tierLines", zh: "分级线", en: "Tier Lines", kind: "text", width: 22 },
    { id: "verdictLines", zh: "建议分数线", en: "Verdict Lines", kind: "text", width: 20 },
  ],
};

/** One run of the history, as the run log records it. */
export interface RunLogEntry {
  /** The run's column label in the history (`2026-11`). */
  label: string;
  /** Wall-clock time of the run in `timeZone`, as an Excel serial date-time; null when unknown. */
  runAt: number | null;
  /** `UTC+08:00`; empty when unknown. */
  timeZone: string;
  /** The run's as-of day (serial); null when unknown. */
  asOf: number | null;
  customers: number | null;
  /** Customers by the tier the plans used (a manual tier wins); null where unknown. */
  counts: Record<TierOrIncomplete, number | null>;
  fingerprint: string | null;
  /** The weights and lines the run used, as written in the run log; absent for runs logged without them. */
  values?: RunLogValues;
}

/** The history a previous run left, read once: runs newest first, and per customer its cells per run. */
export interface PastHistory {
  runs: RunLogEntry[];
  /** Customer key → name and, aligned with `runs`, the score and tier cell of each run (2 per run). */
  customers: Map<string, { name: PlanValue; cells: PlanValue[] }>;
  /** True when it was read from the old one-row-per-customer-per-run form. */
  converted: boolean;
  /** Rows of the old form that were converted (0 for the current form). */
  convertedRows: number;
}

const TIER_RANK: Record<"A" | "B" | "C" | "D", number> = { A: 0, B: 1, C: 2, D: 3 };

/** Movement from the previous tier to the current one: ↑ up (A is above B), ↓ down, — same or not comparable, 新 first seen. */
export function movement(previous: TierOrIncomplete | undefined, current: TierOrIncomplete): "↑" | "↓" | "—" | "新" {
  if (previous === undefined) return "新";
  // 资料不全 has no place on the A–D ladder, so a move to or from it is no up or down.
  if (previous === "incomplete" || current === "incomplete" || previous === current) return "—";
  return TIER_RANK[current] < TIER_RANK[previous] ? "↑" : "↓";
}

/** The movement word in a language: the arrows are universal, 新 reads "New" in English. */
export function movementLabel(m: "↑" | "↓" | "—" | "新", lang: Lang): string {
  return m === "新" && lang === "en-US" ? "New" : m;
}

/** A run's tier cell: the computed tier, and `C→A` when a manual tier overrode it. */
export function tierCell(computed: TierOrIncomplete, manual: TierOrIncomplete | undefined, lang: Lang): string {
  const c = tierLabel(computed, lang);
  return manual && manual !== computed ? `${c}→${tierLabel(manual, lang)}` : c;
}

/** Reads a tier cell back (either language, with or without a manual tier). */
export function parseTierCell(v: PlanValue): { computed: TierOrIncomplete; manual?: TierOrIncomplete } | undefined {
  if (v === null) return undefined;
  const s = String(v);
  const arrow = s.indexOf("→");
  if (arrow < 0) {
    const t = parseTierLabel(s);
    return t ? { computed: t } : undefined;
  }
  const computed = parseTierLabel(s.slice(0, arrow));
  const manual = parseTierLabel(s.slice(arrow + 1));
  return computed ? { computed, manual } : undefined;
}

function num(v: PlanValue | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function text(v: PlanValue | undefined): string | null {
  return v === null || v === undefined || v === "" ? null : String(v);
}

/** A run time cell read back as a sortable serial (number cells as they are, ISO text parsed); NaN when unreadable. */
function runSerial(v: PlanValue | undefined): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return serialFromIsoTime(v);
  return NaN;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * A run's column label: its as-of month (`2026-11`); a second run in a month that is already in the
 * history takes its full as-of date (`2026-11-15`), a third on the same day a number (`2026-11-15 #2`).
 * Labels already written never change, so headers (and formulas on them) stay put.
 */
export function runLabel(asOf: number | null, taken: ReadonlySet<string>): string {
  let month = "0000-00";
  let date = "0000-00-00";
  if (asOf !== null && asOf >= 61) {
    const { y, m, d } = fastYmdFromSerial(asOf);
    month = `${y}-${pad2(m)}`;
    date = `${month}-${pad2(d)}`;
  }
  if (!taken.has(month)) return month;
  if (!taken.has(date)) return date;
  let n = 2;
  while (taken.has(`${date} #${n}`)) n++;
  return `${date} #${n}`;
}

/** `UTC+08:00` for an offset in minutes east of UTC. */
export function timeZoneLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const a = Math.abs(Math.round(offsetMinutes));
  return `UTC${sign}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

function emptyCounts(): Record<TierOrIncomplete, number | null> {
  return { A: null, B: null, C: null, D: null, incomplete: null };
}

/** Run log rows read back, by label. */
function logByLabel(rows: PreviousRow[]): Map<string, RunLogEntry> {
  const out = new Map<string, RunLogEntry>();
  for (const { record: r } of rows) {
    const label = text(r.label);
    if (!label || out.has(label)) continue;
    const counts = emptyCounts();
    for (const t of TIER_ORDER) counts[t] = num(r[t]);
    out.set(label, {
      label, runAt: num(r.runAt), timeZone: text(r.timeZone) ?? "", asOf: num(r.asOf),
      customers: num(r.customers), counts, fingerprint: text(r.fingerprint),
      values: { valuesFrom: text(r.valuesFrom), weights: text(r.weights), tierLines: text(r.tierLines), verdictLines: text(r.verdictLines) },
    });
  }
  return out;
}

/** The run column ids of a history row in column order: its list columns, else its record's `kind:label` keys. */
function runIds(row: PreviousRow | undefined): readonly string[] {
  if (!row) return [];
  return row.listIds ?? Object.keys(row.record).filter((id) => id.includes(":"));
}

/** A run column's value in a history row (a list column, else a record key). */
function runValue(row: PreviousRow, id: string, at: number): PlanValue {
  if (row.listValues && row.listIds) return at < 0 ? null : (row.listValues[at] ?? null);
  return row.record[id] ?? null;
}

/**
 * The current form: run labels in column order (newest first), cells per customer, the run log matched by
 * label. Rows read as lists in the order we write them (score, tier per run) keep their list as the cells:
 * nothing is parsed or copied per run, so a 25th run reads its history no slower per run than a 5th.
 */
function readCurrentForm(rows: PreviousRow[], log: Map<string, RunLogEntry>): PastHistory {
  const labels: string[] = [];
  const seen = new Set<string>();
  const ids = runIds(rows[0]);
  for (const id of ids) {
    const label = id.slice(id.indexOf(":") + 1);
    if (!seen.has(label)) {
      seen.add(label);
      labels.push(label);
    }
  }
  // A history without customers still has its runs in the log.
  if (labels.length === 0) for (const label of log.keys()) labels.push(label);
  const runs = labels.map((label) => log.get(label) ?? { label, runAt: null, timeZone: "", asOf: null, customers: null, counts: emptyCounts(), fingerprint: null });
  const scoreIds = labels.map((l) => `score:${l}`);
  const tierIds = labels.map((l) => `tier:${l}`);
  const scoreAt = scoreIds.map((id) => ids.indexOf(id));
  const tierAt = tierIds.map((id) => ids.indexOf(id));
  const inPairOrder = ids.length === 2 * labels.length && scoreAt.every((at, i) => at === 2 * i && tierAt[i] === 2 * i + 1);
  const customers = new Map<string, { name: PlanValue; cells: PlanValue[] }>();
  for (const row of rows) {
    const key = text(row.record.key);
    if (!key || customers.has(key)) continue;
    if (inPairOrder && row.listValues && row.listIds === rows[0].listIds) {
      customers.set(key, { name: row.record.name ?? null, cells: row.listValues });
      continue;
    }
    const cells: PlanValue[] = new Array<PlanValue>(labels.length * 2);
    for (let i = 0; i < labels.length; i++) {
      cells[2 * i] = runValue(row, scoreIds[i], scoreAt[i]);
      cells[2 * i + 1] = runValue(row, tierIds[i], tierAt[i]);
    }
    customers.set(key, { name: row.record.name ?? null, cells });
  }
  return { runs, customers, converted: false, convertedRows: 0 };
}

/** The old long form (one row per customer per run) turned into runs and per-customer cells; nothing dropped. */
function convertLongForm(rows: PreviousRow[]): PastHistory {
  const groups = new Map<string, { at: number; first: number; rows: Record<string, PlanValue>[] }>();
  rows.forEach(({ record }, i) => {
    const id = String(record.runAt ?? "");
    const g = groups.get(id);
    if (g) g.rows.push(record);
    else groups.set(id, { at: runSerial(record.runAt), first: i, rows: [record] });
  });
  // Oldest first for labelling (the earliest run of a month keeps the month); unreadable times oldest.
  const ord = (x: { at: number }) => (Number.isNaN(x.at) ? -Infinity : x.at);
  const oldestFirst = [...groups.values()].sort((a, b) => ord(a) - ord(b) || a.first - b.first);
  const taken = new Set<string>();
  const labelled = oldestFirst.map((g) => {
    const asOf = g.rows.map((r) => num(r.asOf)).find((v) => v !== null) ?? (Number.isNaN(g.at) ? null : Math.floor(g.at));
    const label = runLabel(asOf, taken);
    taken.add(label);
    const counts = emptyCounts();
    for (const t of TIER_ORDER) counts[t] = 0;
    for (const r of g.rows) {
      const t = parseTierLabel(r.manualTier ?? null) ?? parseTierLabel(r.tier ?? null);
      if (t) counts[t] = (counts[t] ?? 0) + 1;
    }
    const entry: RunLogEntry = {
      // The old form wrote run times in UTC.
      label, runAt: Number.isNaN(g.at) ? null : g.at, timeZone: Number.isNaN(g.at) ? "" : "UTC+00:00", asOf,
      customers: g.rows.length, counts, fingerprint: g.rows.map((r) => text(r.fingerprint)).find((v) => v !== null) ?? null,
    };
    return { entry, rows: g.rows };
  });
  const newestFirst = labelled.reverse();
  const customers = new Map<string, { name: PlanValue; cells: PlanValue[] }>();
  newestFirst.forEach(({ rows: runRows }, i) => {
    for (const r of runRows) {
      const key = text(r.key);
      if (!key) continue;
      let c = customers.get(key);
      if (!c) {
        c = { name: r.name ?? null, cells: new Array<PlanValue>(newestFirst.length * 2).fill(null) };
        customers.set(key, c);
      }
      if (c.name === null) c.name = r.name ?? null;
      const computed = parseTierLabel(r.tier ?? null);
      const manual = parseTierLabel(r.manualTier ?? null);
      c.cells[2 * i] = r.score ?? null;
      // Same language as the current form writes; relocalised with everything else when written.
      c.cells[2 * i + 1] = computed ? tierCell(computed, manual, "zh-CN") : (r.tier ?? null);
    }
  });
  return { runs: newestFirst.map((x) => x.entry), customers, converted: true, convertedRows: rows.length };
}

const cache = new WeakMap<PreviousRow[], PastHistory>();

/** Reads the previous history (either form) and run log once; the result is shared by the roster and the history. */
export function readPastHistory(historyRows: PreviousRow[], runLogRows: PreviousRow[] = []): PastHistory {
  const hit = cache.get(historyRows);
  if (hit) return hit;
  const legacy = historyRows.some((r) => r.record.runAt !== undefined);
  const past = legacy ? convertLongForm(historyRows) : readCurrentForm(historyRows, logByLabel(runLogRows));
  cache.set(historyRows, past);
  return past;
}

/** Each customer's computed tier in the newest earlier run that has one, with that run's label. */
export function previousTiers(past: PastHistory): Map<string, { tier: TierOrIncomplete; run: string }> {
  const out = new Map<string, { tier: TierOrIncomplete; run: string }>();
  // A tier column holds a handful of distinct texts: each is parsed once.
  const parsed = new Map<PlanValue, ReturnType<typeof parseTierCell>>();
  const parse = (v: PlanValue) => {
    if (!parsed.has(v)) parsed.set(v, parseTierCell(v));
    return parsed.get(v);
  };
  for (const [key, c] of past.customers) {
    for (let i = 0; i < past.runs.length; i++) {
      const t = parse(c.cells[2 * i + 1] ?? null);
      if (t) {
        out.set(key, { tier: t.computed, run: past.runs[i].label });
        break;
      }
    }
  }
  return out;
}

/** What this run adds to the history. */
export interface HistoryRun {
  /** ISO instant of the run. */
  runAt: string;
  /** Minutes east of UTC where it ran (the run log shows local time and zone). */
  utcOffsetMinutes: number;
  asOf: number;
  fingerprint: string;
  /** At most this many runs are kept, this one included (历史保留次数). */
  maxRuns: number;
  /** The weights and lines this run used, for its run log row. */
  values?: ValuesUsed;
}

/** Tier cells written in another language, translated; anything else as it was. */
function relocaliser(lang: Lang): (v: PlanValue) => PlanValue {
  const memo = new Map<string, PlanValue>();
  // Runs of equal cells (a column of "D") are common: the last answer is checked before the map.
  let lastIn: string | undefined;
  let lastOut: PlanValue = null;
  return (v) => {
    if (typeof v !== "string") return v;
    if (v === lastIn) return lastOut;
    let out = memo.get(v);
    if (out === undefined) {
      const t = parseTierCell(v);
      out = t ? tierCell(t.computed, t.manual, lang) : v;
      memo.set(v, out);
    }
    lastIn = v;
    lastOut = out;
    return out;
  };
}

function runColumns(label: string, lang: Lang): ColumnPlan[] {
  const w = lang === "zh-CN" ? "zh" : "en";
  return [
    { id: `score:${label}`, header: `${label} ${PAIR_WORDS.score[w]}`, kind: "number", numberFormat: "0.0", width: 13 },
    { id: `tier:${label}`, header: `${label} ${PAIR_WORDS.tier[w]}`, kind: "text", numberFormat: "@", width: 13 },
  ];
}

/** The run log tab from its entries (newest first). */
function runLogTab(runs: RunLogEntry[], lang: Lang, name: string): TabPlan {
  return {
    id: "runLog",
    name,
    tableName: RUN_LOG_SPEC.tableName,
    columns: columnPlans(RUN_LOG_SPEC, lang),
    rows: runs.map((r) => [
      r.label, r.runAt, r.timeZone || null, r.asOf, r.customers,
      ...TIER_ORDER.map((t) => r.counts[t]), r.fingerprint,
      r.values?.valuesFrom ?? null, r.values?.weights ?? null, r.values?.tierLines ?? null, r.values?.verdictLines ?? null,
    ]),
    styles: [],
  };
}

/**
 * Builds 评估历史 and 运行记录: this run's pair of columns first, then the kept earlier runs (at most
 * maxRuns in all; the oldest beyond are dropped with a note). Customers of earlier runs who are gone
 * keep their row while any kept run has a value for them.
 */
export function buildHistory(
  past: PastHistory, customers: ScoredCustomer[], run: HistoryRun,
  lang: Lang, names: { history: string; runLog: string }, problems: ProblemLog,
): { history: TabPlan; runLog: TabPlan; runs: RunLogEntry[] } {
  const maxRuns = Math.max(1, Math.floor(run.maxRuns));
  const keep = Math.min(past.runs.length, maxRuns - 1);
  const dropped = past.runs.slice(keep);
  if (past.converted) {
    problems.note("plan.historyConverted", { sheet: names.history, params: { runs: past.runs.length, rows: past.convertedRows } });
  }
  if (dropped.length) {
    problems.note("plan.historyRunsDropped", {
      sheet: names.history,
      params: { max: maxRuns, runs: dropped.length, labels: dropped.map((r) => r.label).join(", ") },
    });
  }
  const kept = past.runs.slice(0, keep);
  const label = runLabel(Math.floor(run.asOf), new Set(kept.map((r) => r.label)));
  const counts = emptyCounts();
  for (const t of TIER_ORDER) counts[t] = 0;
  for (const c of customers) counts[c.tier] = (counts[c.tier] ?? 0) + 1;
  const at = serialFromIsoTime(run.runAt);
  const current: RunLogEntry = {
    label,
    runAt: Number.isNaN(at) ? null : at + run.utcOffsetMinutes / 1440,
    timeZone: timeZoneLabel(run.utcOffsetMinutes),
    asOf: Math.floor(run.asOf),
    customers: customers.length,
    counts,
    fingerprint: run.fingerprint,
    values: run.values ? runLogValues(run.values, lang) : undefined,
  };
  const runs = [current, ...kept];

  const columns = [...columnPlans(HISTORY_SPEC, lang), ...runs.flatMap((r) => runColumns(r.label, lang))];
  const width = columns.length;
  const keptCells = 2 * keep;
  const local = relocaliser(lang);
  const rows: PlanValue[][] = [];
  const fill = (row: PlanValue[], cells: PlanValue[] | undefined): void => {
    for (let i = 0; i < keptCells; i++) row[4 + i] = cells ? local(cells[i] ?? null) : null;
  };
  const present = new Set<string>();
  for (const c of rosterOrder(customers)) {
    if (keptCells > 0) present.add(c.key);
    const before = past.customers.get(c.key);
    const row = new Array<PlanValue>(width);
    row[0] = c.key;
    row[1] = customerName(c) ?? before?.name ?? null;
    row[2] = c.score;
    row[3] = tierCell(c.computedTier, c.manualTier, lang);
    fill(row, before?.cells);
    rows.push(row);
  }
  for (const [key, before] of past.customers) {
    if (keptCells === 0) break;
    if (present.has(key)) continue;
    let any = false;
    for (let i = 0; i < keptCells && !any; i++) any = before.cells[i] !== null && before.cells[i] !== undefined && before.cells[i] !== "";
    if (!any) continue;
    const row = new Array<PlanValue>(width);
    row[0] = key;
    row[1] = before.name;
    row[2] = null;
    row[3] = null;
    fill(row, before.cells);
    rows.push(row);
  }
  const history: TabPlan = { id: "history", name: names.history, tableName: HISTORY_SPEC.tableName, columns, rows, styles: [] };
  return { history, runLog: runLogTab(runs, lang, names.runLog), runs };
}

/** One point of the tier trend: a run and its customers by tier. */
export interface TierTrendPoint {
  label: string;
  asOf: number | null;
  counts: Record<TierOrIncomplete, number>;
}

/** Customers by tier per run, oldest first, from run log entries (newest first, as buildHistory gives them). */
export function tierCountsByRun(runs: readonly RunLogEntry[]): TierTrendPoint[] {
  return [...runs].reverse().map((r) => ({
    label: r.label,
    asOf: r.asOf,
    counts: { A: r.counts.A ?? 0, B: r.counts.B ?? 0, C: r.counts.C ?? 0, D: r.counts.D ?? 0, incomplete: r.counts.incomplete ?? 0 },
  }));
}
