import { tierLabel, tierName, verdictLabel } from "../i18n/labels";
import type { Lang } from "../i18n/lang";
import type { ScoredCustomer, Tier, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { SEGMENT_COLUMNS } from "../retention/segments";
import { sortByIndex } from "../retention/common";
import { buildTab, type TabSpec } from "./tab-spec";
import { blocksFromRowRoles, type PlanValue, type StyleRole, type TabPlan } from "./write-plan";

/** 客户分级名册 / Tier Roster. */
export const ROSTER_SPEC: TabSpec = {
  id: "roster",
  zh: "客户分级名册",
  en: "Tier Roster",
  tableName: "TierRoster",
  keyColumns: ["key"],
  columns: [
    { id: "rank", zh: "排名", en: "Rank", kind: "integer", width: 7 },
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 14 },
    { id: "name", zh: "客户名称", en: "Customer", kind: "text", width: 24 },
    { id: "manager", zh: "客户经理", en: "Account Manager", kind: "text", width: 12, carried: true },
    { id: "score", zh: "最终得分", en: "Final Score", kind: "number", width: 10, carried: true },
    { id: "tier", zh: "等级", en: "Tier", kind: "text", width: 10 },
    { id: "tierName", zh: "等级名称", en: "Tier Name", kind: "text", width: 13 },
    { id: "status", zh: "客户状态", en: "Status", kind: "text", width: 10, carried: true },
    { id: "verdict", zh: "建议", en: "Verdict", kind: "text", width: 11 },
    { id: "coverage", zh: "数据完整度", en: "Coverage", kind: "percent", width: 11 },
    { id: "top", zh: "主要贡献指标", en: "Top Indicators", kind: "text", width: 40 },
    { id: "previousTier", zh: "上次等级", en: "Previous Tier", kind: "text", width: 10 },
    { id: "movement", zh: "变动", en: "Movement", kind: "text", width: 8 },
    ...SEGMENT_COLUMNS,
    { id: "manualTier", zh: "人工等级", en: "Manual Tier", kind: "text", width: 10, editable: true },
    { id: "manualReason", zh: "调整原因", en: "Reason", kind: "text", width: 24, editable: true },
  ],
};

const TIER_ROLE: Record<TierOrIncomplete, StyleRole> = {
  A: "tierA", B: "tierB", C: "tierC", D: "tierD", incomplete: "incomplete",
};
const VERDICT_ROLE: Record<Verdict, StyleRole> = { maintain: "maintain", improve: "improve", end: "end" };

/** The previous run's tier of a customer and the movement since, from the history. */
export interface RosterHistory {
  previousTier?: TierOrIncomplete;
  movement: string;
}

/**
 * A customer's life cycle as the roster shows it: its status (read back by the next run to measure
 * returns) and, for 流失 / 转出, the win-back decision that replaces the relationship verdict.
 */
export interface RosterLifecycle {
  status: string | null;
  decision?: { text: string; role: StyleRole };
}

/** Sorted once per customer list: the roster and the history both list customers in roster order. */
const ORDERED = new WeakMap<ScoredCustomer[], ScoredCustomer[]>();

/** Roster order: ranked customers by rank, then the unranked (资料不全) by score, then key. Do not mutate the result. */
export function rosterOrder(customers: ScoredCustomer[]): ScoredCustomer[] {
  const hit = ORDERED.get(customers);
  if (hit && hit.length === customers.length) return hit;
  const n = customers.length;
  const ranked = new Uint8Array(n);
  const rank = new Float64Array(n);
  const score = new Float64Array(n);
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    ranked[i] = c.rank !== null ? 1 : 0;
    rank[i] = c.rank ?? 0;
    score[i] = c.score ?? -1;
    keys[i] = c.key;
  }
  const sorted = sortByIndex(customers, (a, b) => {
    if (ranked[a] && ranked[b]) return rank[a] - rank[b];
    if (ranked[a]) return -1;
    if (ranked[b]) return 1;
    return score[b] - score[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0);
  });
  ORDERED.set(customers, sorted);
  return sorted;
}

/** `业务贡献 +33.3; 合作深度 +27.0`: the three indicators that gave the most points. */
export function topContributions(c: ScoredCustomer, displayName: (indicator: string) => string): string {
  // Concatenated in a loop: this runs once per customer, 100,000 times on a big register.
  let out = "";
  const n = Math.min(3, c.contributions.length);
  for (let i = 0; i < n; i++) {
    const x = c.contributions[i];
    out += `${i > 0 ? "; " : ""}${displayName(x.indicator)} +${x.points.toFixed(1)}`;
  }
  return out;
}

/** Cached parts of 主要贡献指标 kept at most (a bound for registers whose points rarely repeat). */
const MAX_PARTS = 20_000;

/**
 * topContributions with each `name +points` part built once: points come from a few values per indicator
 * (weight × a score out of 100), so 300,000 parts on a big register are a few thousand distinct texts.
 */
export function contributionTexts(displayName: (indicator: string) => string): (c: ScoredCustomer) => string {
  const parts = new Map<string, Map<number, string>>();
  let size = 0;
  return (c) => {
    let out = "";
    const n = Math.min(3, c.contributions.length);
    for (let i = 0; i < n; i++) {
      const x = c.contributions[i];
      let byPoints = parts.get(x.indicator);
      if (!byPoints) parts.set(x.indicator, (byPoints = new Map()));
      let part = byPoints.get(x.points);
      if (part === undefined) {
        part = `${displayName(x.indicator)} +${x.points.toFixed(1)}`;
        if (size < MAX_PARTS) {
          byPoints.set(x.points, part);
          size++;
        }
      }
      out += i > 0 ? `; ${part}` : part;
    }
    return out;
  };
}

/** Column indexes of the roster, by id. */
const COL = Object.fromEntries(ROSTER_SPEC.columns.map((c, i) => [c.id, i])) as Record<string, number>;

/** Builds the roster tab: sorted by score, rows coloured by computed tier, verdict cells by verdict. */
export function buildRosterTab(
  customers: ScoredCustomer[],
  lang: Lang,
  name: string,
  history: (c: ScoredCustomer) => RosterHistory,
  displayName: (indicator: string) => string,
  lifecycle: (c: ScoredCustomer) => RosterLifecycle = () => ({ status: null }),
  /** Further cells by column id (the segment columns 客户类别 and 生命周期). */
  extra?: (c: ScoredCustomer) => Record<string, PlanValue>,
): TabPlan {
  const ordered = rosterOrder(customers);
  const top = contributionTexts(displayName);
  const life = ordered.map(lifecycle);
  const width = ROSTER_SPEC.columns.length;
  // Rows are filled by column index: no record per customer (100,000 of them) to turn into a row afterwards.
  const rows = new Array<PlanValue[]>(ordered.length);
  for (let i = 0; i < ordered.length; i++) {
    const c = ordered[i];
    const h = history(c);
    const l = life[i];
    const row = new Array<PlanValue>(width).fill(null);
    row[COL.rank] = c.rank;
    row[COL.key] = c.key;
    row[COL.name] = c.name ?? c.register?.name ?? null;
    row[COL.manager] = c.register?.accountManager ?? null;
    row[COL.score] = c.score;
    row[COL.tier] = tierLabel(c.computedTier, lang);
    row[COL.tierName] = tierName(c.computedTier, lang);
    row[COL.status] = l.status;
    row[COL.verdict] = l.decision ? l.decision.text : verdictLabel(c.verdict, lang);
    row[COL.coverage] = c.coverage;
    row[COL.top] = top(c);
    row[COL.previousTier] = h.previousTier ? tierLabel(h.previousTier, lang) : null;
    row[COL.movement] = h.movement;
    row[COL.manualTier] = c.manualTyped ?? c.manualTier ?? null;
    row[COL.manualReason] = c.manualReason ?? null;
    if (extra) {
      const more = extra(c);
      for (const id in more) {
        const at = COL[id];
        if (at !== undefined) row[at] = more[id] ?? null;
      }
    }
    rows[i] = row;
  }
  const verdictCol = COL.verdict;
  const styles = [
    ...blocksFromRowRoles(ordered.map((c) => TIER_ROLE[c.computedTier]), 0, width),
    ...blocksFromRowRoles(ordered.map((c, i) => life[i].decision?.role ?? (c.verdict ? VERDICT_ROLE[c.verdict] : null)), verdictCol, 1),
  ];
  return { ...buildTab(ROSTER_SPEC, lang, name, [], styles), rows };
}

/** The manual tier and reason a user typed in an earlier roster, if any. */
export interface RosterEdit {
  tier?: Tier;
  reason?: string;
}
