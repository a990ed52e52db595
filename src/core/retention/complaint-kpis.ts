import { pick, type Lang } from "../i18n/lang";
import type { PlanValue, TabPlan } from "../output-tabs/write-plan";
import type { ProblemLog } from "../problems/problem";
import type { ScoredCustomer } from "../scoring/scored-customer";
import type { Settings } from "../settings/settings";
import { bi } from "./common";

// Bound once: a global lookup of Math per customer is slow under a vm context (jest).
const { floor } = Math;

/** Seed 002's promise measured: how fast complaints are replied to and resolved. */
export interface ComplaintFigures {
  /** Customers with a 投诉日期. */
  complaints: number;
  /** Complaints with a reply date (not before the complaint). */
  replied: number;
  /** Mean of (reply − complaint) in hours; null when none was replied. */
  avgReplyHours: number | null;
  resolved: number;
  /** Mean of (resolved − complaint) in days. */
  avgResolveDays: number | null;
  /** Complaints replied within the line (hours) … */
  repliedWithin: number;
  /** … out of the complaints that could be: replied ones, and unreplied ones older than the line. */
  replyBase: number;
  resolvedWithin: number;
  resolveBase: number;
  /** Customers whose reply or resolution date lies before the complaint date (left out, reported). */
  badOrder: { c: ScoredCustomer; field: "complaintReplyDate" | "complaintResolvedDate" }[];
}

/**
 * The complaint figures over the register's 投诉日期 / 投诉回复日期 / 投诉解决日期. The register holds dates, so
 * hours are whole days × 24 (a reply the same day is 0 h, the next day 24 h). A complaint still waiting is
 * counted as missed once it is older than the line, and left out of the share while it is not.
 */
export function complaintFigures(customers: ScoredCustomer[], settings: Settings, asOf: number): ComplaintFigures {
  const s = settings.plan.supervisor;
  const today = floor(asOf);
  const f: ComplaintFigures = {
    complaints: 0, replied: 0, avgReplyHours: null, resolved: 0, avgResolveDays: null,
    repliedWithin: 0, replyBase: 0, resolvedWithin: 0, resolveBase: 0, badOrder: [],
  };
  let replySum = 0;
  let resolveSum = 0;
  for (const c of customers) {
    const r = c.register;
    if (r?.complaintDate === undefined) continue;
    const at = r.complaintDate;
    f.complaints++;
    const reply = r.complaintReplyDate;
    if (reply !== undefined && reply < at) f.badOrder.push({ c, field: "complaintReplyDate" });
    else if (reply !== undefined) {
      const hours = (reply - at) * 24;
      f.replied++;
      replySum += hours;
      f.replyBase++;
      if (hours <= s.complaintReplyHours) f.repliedWithin++;
    } else if ((today - at) * 24 > s.complaintReplyHours) f.replyBase++;
    const done = r.complaintResolvedDate;
    if (done !== undefined && done < at) f.badOrder.push({ c, field: "complaintResolvedDate" });
    else if (done !== undefined) {
      const days = done - at;
      f.resolved++;
      resolveSum += days;
      f.resolveBase++;
      if (days <= s.complaintResolveDays) f.resolvedWithin++;
    } else if (today - at > s.complaintResolveDays) f.resolveBase++;
  }
  f.avgReplyHours = f.replied > 0 ? replySum / f.replied : null;
  f.avgResolveDays = f.resolved > 0 ? resolveSum / f.resolved : null;
  return f;
}

const SECTION = bi("投诉处理", "Complaints");

/** Reports every reply or resolution dated before its complaint, at the customer's register row. */
export function reportComplaintOrder(f: ComplaintFigures, problems: ProblemLog, cellOf?: (c: ScoredCustomer, field: "complaintReplyDate" | "complaintResolvedDate") => string | undefined): void {
  for (const { c, field } of f.badOrder) {
    problems.warning("plan.complaintDateOrder", {
      sheet: c.register?.sheet, cell: cellOf?.(c, field) ?? c.register?.rowAddress, key: c.key,
      params: {
        key: c.key,
        fieldZh: field === "complaintReplyDate" ? "投诉回复日期" : "投诉解决日期",
        fieldEn: field === "complaintReplyDate" ? "Complaint Reply Date" : "Complaint Resolved Date",
      },
    });
  }
}

/** The KPI rows of the complaint figures (by the KPI tab's column ids); none when no customer has a 投诉日期. */
export function complaintKpiRows(f: ComplaintFigures, settings: Settings, lang: Lang): Record<string, PlanValue>[] {
  if (f.complaints === 0) return [];
  const s = settings.plan.supervisor;
  const p = (zh: string, en: string) => pick(bi(zh, en), lang);
  const section = pick(SECTION, lang);
  const h = s.complaintReplyHours;
  const d = s.complaintResolveDays;
  return [
    {
      section, figure: p("投诉平均响应时间（小时）", "Average complaint response (hours)"), count: f.replied, value: f.avgReplyHours,
      definition: p(
        `投诉回复日期 − 投诉日期，按小时（登记表为日期：同日回复 0 小时，次日 24 小时）；数量 = 已回复的投诉；共 ${f.complaints} 个客户有投诉日期`,
        `Reply date − complaint date, in hours (the register holds dates: same day 0 h, next day 24 h); count = replied complaints; ${f.complaints} customers have a complaint date`,
      ),
    },
    {
      section, figure: p("投诉平均处理时间（天）", "Average complaint resolution (days)"), count: f.resolved, value: f.avgResolveDays,
      definition: p("投诉解决日期 − 投诉日期，按天；数量 = 已解决的投诉", "Resolved date − complaint date, in days; count = resolved complaints"),
    },
    {
      section, figure: p(`${h}小时内回复占比`, `Replied within ${h} h`), count: f.repliedWithin, share: f.replyBase > 0 ? f.repliedWithin / f.replyBase : null,
      definition: p(
        `${h} 小时内回复的投诉 ÷ 已回复或已超过 ${h} 小时未回复的投诉（时限见设置“投诉回复时限小时”）`,
        `Complaints replied within ${h} h ÷ complaints replied or unreplied for over ${h} h (line: setting "Complaint Reply Hours")`,
      ),
    },
    {
      section, figure: p(`${d}天内解决占比`, `Resolved within ${d} days`), count: f.resolvedWithin, share: f.resolveBase > 0 ? f.resolvedWithin / f.resolveBase : null,
      definition: p(
        `${d} 天内解决的投诉 ÷ 已解决或已超过 ${d} 天未解决的投诉（时限见设置“投诉解决时限天数”）`,
        `Complaints resolved within ${d} days ÷ complaints resolved or open for over ${d} days (line: setting "Complaint Resolve Days")`,
      ),
    },
  ];
}

/** Appends rows given by column id to a built tab (the KPI tab's own columns stay as they are). */
export function appendRecords(tab: TabPlan, records: Record<string, PlanValue>[]): TabPlan {
  const ids = tab.columns.map((c) => c.id);
  return { ...tab, rows: [...tab.rows, ...records.map((r) => ids.map((id) => r[id] ?? null))] };
}
