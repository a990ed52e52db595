import type { Bilingual, Lang } from "../i18n/lang";
import type { ProblemLog } from "../problems/problem";
import { columnLetters } from "../workbook/grid";
import { displayWidth } from "./user-work";
import type { CarrySummary, ColumnPlan, ConditionalRule, OutputTabId, PlanValue, StyleRole, TabPlan } from "./write-plan";

/**
 * The output tabs as a working tool: what each editable column accepts (a header comment, a drop-down
 * where the values are fixed), colours that follow users' edits (conditional formats), column widths
 * measured in the output language and wrapping for long texts. Pure: both adapters render the result.
 */

/** A fixed list of values for a column, in both languages. */
interface Choices {
  zh: string[];
  en: string[];
}

interface EditableHelp {
  note: Bilingual;
  choices?: Choices;
}

const TIERS = ["A", "B", "C", "D"];

/** What to type in each editable column of each tab. */
export const EDITABLE_HELP: Partial<Record<OutputTabId, Record<string, EditableHelp>>> = {
  roster: {
    manualTier: {
      note: {
        zh: "人工等级：选 A–D 覆盖计算等级（整行随之变色），留空则用计算等级；在“调整原因”写明理由。",
        en: "Manual Tier: pick A–D to override the computed tier (the row recolours); leave empty to keep it. Give the reason under Reason.",
      },
      choices: { zh: TIERS, en: TIERS },
    },
    manualReason: { note: { zh: "调整原因：为何改用人工等级（自由填写，下次运行保留）。", en: "Reason: why the manual tier (free text, kept across runs)." } },
  },
  retention: {
    reviewStatus: {
      note: { zh: "审核状态：从下拉列表选择（待审核 / 已审核 / 已驳回）。", en: "Review Status: pick from the list (Pending review / Approved / Rejected)." },
      choices: { zh: ["待审核", "已审核", "已驳回"], en: ["Pending review", "Approved", "Rejected"] },
    },
    execution: { note: { zh: "执行情况：做了什么、何时做的（自由填写，下次运行保留）。", en: "Execution: what was done and when (free text, kept across runs)." } },
    remarks: { note: { zh: "备注：自由填写，下次运行保留。", en: "Notes: free text, kept across runs." } },
  },
  callbacks: {
    status: {
      note: {
        zh: "状态：从下拉列表选择（待回访 / 已完成 / 未接通 / 取消）；选“已完成”或“取消”后不再标为逾期。",
        en: "Status: pick from the list (To call / Done / No answer / Cancelled); Done or Cancelled stops the overdue colour.",
      },
      choices: { zh: ["待回访", "已完成", "未接通", "取消"], en: ["To call", "Done", "No answer", "Cancelled"] },
    },
    result: { note: { zh: "回访结果：客户怎么说、下一步（自由填写，下次运行保留）。", en: "Call Result: what the customer said, next step (free text, kept across runs)." } },
  },
  winback: {
    followUp: {
      note: { zh: "跟进情况：从下拉列表选择（未跟进 / 跟进中 / 已挽回 / 已放弃），也可填写其他内容。", en: "Follow-up: pick from the list (Not started / In progress / Won back / Given up), or type your own." },
      choices: { zh: ["未跟进", "跟进中", "已挽回", "已放弃"], en: ["Not started", "In progress", "Won back", "Given up"] },
    },
  },
};

/** Status words a call is closed by, for the overdue colour (the list's own words in both languages, and common synonyms). */
const CLOSED_FOR_FORMAT = ["已完成", "完成", "取消", "已取消", "Done", "Completed", "Cancelled", "Canceled"];

/** The narrowest and widest column, in characters; longer texts wrap. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 42;
/** Rows measured for a column's width (enough to see the long texts, bounded for 100,000 rows). */
const MEASURED_ROWS = 2000;

function cellWidth(v: PlanValue, col: ColumnPlan): number {
  if (v === null || v === "") return 0;
  if (typeof v === "string") return displayWidth(v);
  if (col.kind === "date") return 10;
  if (col.kind === "datetime") return 19;
  if (col.kind === "percent") return 6;
  return Math.min(15, String(Number(v.toFixed(2))).length + (col.numberFormat.includes(",") ? 3 : 0));
}

/** Widths that fit the header and the content in the output language; long texts wrap instead of widening. */
export function fitColumns(tab: TabPlan<string>): ColumnPlan[] {
  const step = Math.max(1, Math.floor(tab.rows.length / MEASURED_ROWS));
  return tab.columns.map((col, c) => {
    let content = 0;
    for (let r = 0; r < tab.rows.length; r += step) content = Math.max(content, cellWidth(tab.rows[r][c] ?? null, col));
    // The header needs room for its filter button.
    const header = Math.ceil(displayWidth(col.header) * 1.1) + 4;
    // Glyphs run a little wider than Excel's character unit (CJK ones more than twice a digit).
    const wanted = Math.ceil(content * 1.1) + 2;
    const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.max(header, wanted)));
    return { ...col, width, wrap: col.kind === "text" && wanted > width ? true : col.wrap };
  });
}

/** An Excel string literal in a formula. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The colours that follow edits on a tab, as whole-column rules. */
export function conditionalRules(tab: TabPlan, asOf: number): ConditionalRule[] {
  const col = (id: string): number => tab.columns.findIndex((c) => c.id === id);
  const cols = tab.columns.filter((c) => !c.user).length;
  if (tab.id === "callbacks") {
    const date = col("plannedDate");
    const status = col("status");
    if (date < 0 || status < 0) return [];
    const d = `$${columnLetters(date)}2`;
    const s = `$${columnLetters(status)}2`;
    // Overdue as the run counts it (against the as-of date), until the status says done or cancelled.
    const formula = `AND(ISNUMBER(${d}),${d}<${Math.floor(asOf)},NOT(OR(${CLOSED_FOR_FORMAT.map((w) => `TRIM(${s})=${literal(w)}`).join(",")})))`;
    return [{ role: "overdue", formula, col: 0, cols: status }];
  }
  if (tab.id === "roster") {
    const manual = col("manualTier");
    const verdict = col("verdict");
    if (manual < 0) return [];
    const m = `$${columnLetters(manual)}2`;
    const roles: Record<string, StyleRole> = { A: "tierA", B: "tierB", C: "tierC", D: "tierD" };
    const out: ConditionalRule[] = [];
    for (const t of TIERS) {
      const formula = `UPPER(TRIM(${m}))=${literal(t)}`;
      // The verdict cell keeps its own colour; the rest of the row takes the manual tier's.
      if (verdict > 0) {
        out.push({ role: roles[t], formula, col: 0, cols: verdict });
        out.push({ role: roles[t], formula, col: verdict + 1, cols: cols - verdict - 1 });
      } else out.push({ role: roles[t], formula, col: 0, cols });
    }
    return out;
  }
  return [];
}

function norm(v: string): string {
  return v.normalize("NFKC").trim().toLowerCase();
}

/**
 * Decorates a built tab as a working tool: widths, wrapping, header comments and drop-downs on editable
 * columns, conditional colours (replacing the fixed overdue fill, which could not follow edits), tier
 * colours on the KPI chart. Reports each typed value outside a drop-down's list (kept as typed).
 */
export function decorateTab(tab: TabPlan, lang: Lang, asOf: number, log: ProblemLog | null, sum: CarrySummary): TabPlan {
  const help = EDITABLE_HELP[tab.id] ?? {};
  const columns = fitColumns(tab).map((c) => {
    const h = help[c.id];
    if (!h || !c.editable) return c;
    return { ...c, note: lang === "zh-CN" ? h.note.zh : h.note.en, choices: h.choices ? (lang === "zh-CN" ? h.choices.zh : h.choices.en) : undefined };
  });
  const out: TabPlan = { ...tab, columns };
  if (columns.some((c) => c.choices)) out.choiceWarning = choiceWarning(lang);
  const conditional = conditionalRules(out, asOf);
  if (conditional.length > 0) out.conditional = conditional;
  if (tab.id === "callbacks") out.styles = tab.styles.filter((b) => b.role !== "overdue");
  if (tab.chart && tab.id === "kpi") {
    out.chart = { ...tab.chart, dataLabels: true, pointRoles: (["tierA", "tierB", "tierC", "tierD", "incomplete"] as StyleRole[]).slice(0, tab.chart.rows) };
  }
  // The roster's manual tier has its own warning (it also decides the plan tabs); other lists are checked here.
  columns.forEach((c, i) => {
    const h = help[c.id];
    if (!h?.choices || tab.id === "roster") return;
    const known = new Set([...h.choices.zh, ...h.choices.en].map(norm));
    const letters = columnLetters(i);
    // Typed values repeat (a status on 100,000 rows is one of a few words): each distinct one is normalised once.
    const inList = new Map<PlanValue, boolean>();
    tab.rows.forEach((row, r) => {
      const v = row[i];
      if (v === null || v === "") return;
      let ok = inList.get(v);
      if (ok === undefined) {
        ok = known.has(norm(String(v)));
        inList.set(v, ok);
      }
      if (ok) return;
      sum.outsideChoices++;
      log?.note("edit.outsideChoices", {
        sheet: tab.name, cell: `${letters}${r + 2}`,
        params: { column: c.header, value: String(v), choices: (c.choices ?? []).join(lang === "zh-CN" ? "、" : ", ") },
      });
    });
  });
  return out;
}

/** The warning a drop-down shows for a value outside its list: the value may be kept (never blocked). */
export function choiceWarning(lang: Lang): { title: string; message: string } {
  return lang === "zh-CN"
    ? { title: "不在下拉列表中", message: "该值不在下拉列表中。点“是”仍可保留，它不会丢失；下次运行时会在“数据问题”中列出。" }
    : { title: "Not in the list", message: "This value is not in the list. Choose Yes to keep it anyway (it is never lost); the next run lists it under Data Problems." };
}
