import { tierLabel, verdictLabel } from "../i18n/labels";
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { ColumnKind, ColumnPlan, PlanValue, StyleBlock, TabPlan, WritePlan } from "../output-tabs/write-plan";
import type { TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { emptyTierCounts, emptyVerdictCounts, TIERS, VERDICTS, type KpiFigure, type ManagerFigures, type WorkbookResult } from "./workbook-result";

const FORMATS: Record<ColumnKind, string> = {
  text: "@", number: "0.0", integer: "0", percent: "0.0%", date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm",
};

const W = {
  workbooksTab: { zh: "各工作簿汇总", en: "Workbooks" },
  managersTab: { zh: "客户经理汇总", en: "Managers" },
  problemsTab: { zh: "全部数据问题", en: "All Problems" },
  workbook: { zh: "工作簿", en: "Workbook" },
  output: { zh: "输出文件", en: "Output" },
  state: { zh: "结果", en: "Result" },
  exitCode: { zh: "退出码", en: "Exit Code" },
  customers: { zh: "客户数", en: "Customers" },
  errors: { zh: "错误", en: "Errors" },
  warnings: { zh: "警告", en: "Warnings" },
  notes: { zh: "提示", en: "Notes" },
  manager: { zh: "客户经理", en: "Account Manager" },
  workbooks: { zh: "所在工作簿", en: "Workbooks" },
  avgScore: { zh: "平均得分", en: "Average Score" },
  level: { zh: "级别", en: "Level" },
  where: { zh: "位置", en: "Location" },
  message: { zh: "问题", en: "Problem" },
  total: { zh: "合计", en: "Total" },
  ok: { zh: "完成", en: "Done" },
  problems: { zh: "完成（有问题）", en: "Done, with problems" },
  failed: { zh: "未能处理", en: "Failed" },
  failedLevel: { zh: "错误", en: "Error" },
  chart: { zh: "各工作簿客户数", en: "Customers per workbook" },
} satisfies Record<string, Bilingual>;

function col(id: string, header: string, kind: ColumnKind, width: number): ColumnPlan {
  return { id, header, kind, numberFormat: FORMATS[kind], width };
}

function countColumns(lang: Lang): ColumnPlan[] {
  return [
    ...TIERS.map((t) => col(`tier${t}`, tierLabel(t, lang), "integer", t === "incomplete" ? 10 : 6)),
    ...VERDICTS.map((v) => col(`verdict_${v}`, verdictLabel(v, lang), "integer", 10)),
  ];
}

function countCells(byTier: Record<TierOrIncomplete, number>, byVerdict: Record<Verdict, number>): PlanValue[] {
  return [...TIERS.map((t) => byTier[t] ?? 0), ...VERDICTS.map((v) => byVerdict[v] ?? 0)];
}

/** The KPI columns: every figure any workbook has, in the order first seen (the KPI tab's own order). */
function kpiColumns(results: WorkbookResult[]): { key: string; figure: KpiFigure }[] {
  const seen = new Map<string, KpiFigure>();
  for (const r of results) for (const k of r.kpis) if (!seen.has(`${k.section}/${k.figure}`)) seen.set(`${k.section}/${k.figure}`, k);
  return [...seen].map(([key, figure]) => ({ key, figure }));
}

/** File name shown for a workbook: its base name (the folder is the same for a branch run). */
function shown(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

function workbooksTab(results: WorkbookResult[], lang: Lang): TabPlan {
  const kpis = kpiColumns(results);
  const columns: ColumnPlan[] = [
    col("workbook", pick(W.workbook, lang), "text", 28),
    col("state", pick(W.state, lang), "text", 14),
    col("exitCode", pick(W.exitCode, lang), "integer", 8),
    col("customers", pick(W.customers, lang), "integer", 9),
    ...countColumns(lang),
    col("errors", pick(W.errors, lang), "integer", 7),
    col("warnings", pick(W.warnings, lang), "integer", 7),
    col("notes", pick(W.notes, lang), "integer", 7),
    ...kpis.map((k, i) => col(`kpi${i}`, k.figure.figure, k.figure.kind, Math.max(10, Math.min(24, k.figure.figure.length + 4)))),
    col("output", pick(W.output, lang), "text", 40),
  ];
  const rows: PlanValue[][] = [];
  const failedRows: number[] = [];
  const total = { customers: 0, byTier: emptyTierCounts(), byVerdict: emptyVerdictCounts(), error: 0, warning: 0, note: 0 };
  const kpiTotals: (number | null)[] = kpis.map((k) => (k.figure.kind === "integer" ? 0 : null));
  results.forEach((r, n) => {
    const s = r.summary;
    if (!s) failedRows.push(n);
    const state = !s ? W.failed : r.exitCode === 0 ? W.ok : W.problems;
    const byKpi = new Map(r.kpis.map((k) => [`${k.section}/${k.figure}`, k]));
    rows.push([
      shown(r.file), pick(state, lang), r.exitCode, s ? s.customers : null,
      ...(s ? countCells(s.byTier, s.byVerdict) : countCells(emptyTierCounts(), emptyVerdictCounts()).map(() => null)),
      s ? s.problems.error : null, s ? s.problems.warning : null, s ? s.problems.note : null,
      ...kpis.map((k, i) => {
        const v = byKpi.get(k.key);
        if (v && v.kind === "integer" && kpiTotals[i] !== null) kpiTotals[i] = (kpiTotals[i] as number) + v.value;
        return v && v.kind === k.figure.kind ? v.value : null;
      }),
      r.output ?? null,
    ]);
    if (s) {
      total.customers += s.customers;
      for (const t of TIERS) total.byTier[t] += s.byTier[t] ?? 0;
      for (const v of VERDICTS) total.byVerdict[v] += s.byVerdict[v] ?? 0;
      total.error += s.problems.error;
      total.warning += s.problems.warning;
      total.note += s.problems.note;
    }
  });
  const chartRows = rows.length;
  // Rates do not add up across workbooks; only counts get a total.
  rows.push([
    pick(W.total, lang), null, Math.max(0, ...results.map((r) => r.exitCode)), total.customers,
    ...countCells(total.byTier, total.byVerdict), total.error, total.warning, total.note, ...kpiTotals, null,
  ]);
  const styles: StyleBlock[] = failedRows.map((row) => ({ role: "error", row, rows: 1, col: 0, cols: columns.length }));
  return {
    id: "batchWorkbooks", name: pick(W.workbooksTab, lang), tableName: "BatchWorkbooks", columns, rows, styles,
    chart: chartRows > 0 ? { kind: "column", title: pick(W.chart, lang), firstRow: 0, rows: chartRows, labelCol: 0, valueCol: 3 } : undefined,
  };
}

type Counts = Omit<ManagerFigures, "manager">;

/** Adds one set of manager counts into another. */
function addCounts(into: Counts, from: Counts): void {
  into.customers += from.customers;
  for (const k of TIERS) into.byTier[k] += from.byTier[k];
  for (const v of VERDICTS) into.byVerdict[v] += from.byVerdict[v];
  into.scoreSum += from.scoreSum;
  into.scored += from.scored;
}

/** Account managers across every workbook (by name); averages from summed scores, so they stay exact. */
export function mergeManagers(results: WorkbookResult[]): (ManagerFigures & { workbooks: string[] })[] {
  const by = new Map<string, ManagerFigures & { workbooks: string[] }>();
  for (const r of results) {
    for (const m of r.managers) {
      let t = by.get(m.manager);
      if (!t) {
        t = { manager: m.manager, customers: 0, byTier: emptyTierCounts(), byVerdict: emptyVerdictCounts(), scoreSum: 0, scored: 0, workbooks: [] };
        by.set(m.manager, t);
      }
      addCounts(t, m);
      if (!t.workbooks.includes(shown(r.file))) t.workbooks.push(shown(r.file));
    }
  }
  return [...by.values()].sort((a, b) => b.customers - a.customers || (a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : 0));
}

function managersTab(results: WorkbookResult[], lang: Lang): TabPlan {
  const columns: ColumnPlan[] = [
    col("manager", pick(W.manager, lang), "text", 16),
    col("workbooks", pick(W.workbooks, lang), "text", 36),
    col("customers", pick(W.customers, lang), "integer", 9),
    ...countColumns(lang),
    col("avgScore", pick(W.avgScore, lang), "number", 10),
  ];
  const merged = mergeManagers(results);
  const sep = lang === "zh-CN" ? "、" : ", ";
  const rows: PlanValue[][] = merged.map((m) => [
    m.manager, m.workbooks.join(sep), m.customers, ...countCells(m.byTier, m.byVerdict), m.scored ? m.scoreSum / m.scored : null,
  ]);
  const total = { customers: 0, byTier: emptyTierCounts(), byVerdict: emptyVerdictCounts(), scoreSum: 0, scored: 0 };
  for (const m of merged) addCounts(total, m);
  rows.push([
    pick(W.total, lang), null, total.customers, ...countCells(total.byTier, total.byVerdict),
    total.scored ? total.scoreSum / total.scored : null,
  ]);
  return { id: "batchManagers", name: pick(W.managersTab, lang), tableName: "BatchManagers", columns, rows, styles: [] };
}

function problemsTab(results: WorkbookResult[], lang: Lang): TabPlan {
  const columns: ColumnPlan[] = [
    col("workbook", pick(W.workbook, lang), "text", 24),
    col("level", pick(W.level, lang), "text", 8),
    col("where", pick(W.where, lang), "text", 40),
    col("message", pick(W.message, lang), "text", 80),
  ];
  const rows: PlanValue[][] = [];
  const roles: StyleBlock[] = [];
  for (const r of results) {
    const file = shown(r.file);
    if (r.failure) {
      roles.push({ role: "error", row: rows.length, rows: 1, col: 1, cols: 1 });
      rows.push([file, pick(W.failedLevel, lang), file, r.failure.message]);
    }
    for (const p of r.problems) {
      roles.push({ role: p.level, row: rows.length, rows: 1, col: 1, cols: 1 });
      rows.push([file, p.levelText, p.where ? `${file}!${p.where}` : file, p.message]);
    }
  }
  return { id: "batchProblems", name: pick(W.problemsTab, lang), tableName: "BatchProblems", columns, rows, styles: roles };
}

/** The command centre's consolidated workbook: one row per workbook, per account manager, and every problem. */
export function consolidatedPlan(results: WorkbookResult[], lang: Lang, runAt: string): WritePlan {
  const tabs = [workbooksTab(results, lang), managersTab(results, lang), problemsTab(results, lang)];
  return { lang, tabs, meta: { product: "customer-tiers", version: 1, runAt, tabs: tabs.map((t) => ({ id: t.id, name: t.name })) } };
}
