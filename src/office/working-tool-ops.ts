import { CHART_COLOURS, EDITABLE_HEADER_STYLE, PALETTE } from "../core/output-tabs/colours";
import { PRINT_SETUP, type ChartPlan, type TabPlan } from "../core/output-tabs/write-plan";
import { columnLetters } from "../core/workbook/grid";
import type { XlChart } from "./excel-subset";
import type { XlComment, XlToolChart, XlToolWorksheet } from "./excel-subset-tool";

/** One queued piece of formatting and its estimated request bytes (as decorate-tab's). */
export interface ToolOp {
  bytes: number;
  queue: () => void;
  /** True when it adds an object (a rule, a comment): sending it twice would add it twice. */
  adds?: boolean;
}

/** What the host supports beyond the manifest's minimum (ExcelApi 1.9). */
export interface ToolCapabilities {
  /** Worksheet.comments (ExcelApi 1.10). */
  comments: boolean;
  /** The comments the tab already has (loaded): ours from an earlier run are deleted before ours are added (one comment per cell). */
  present?: XlComment[];
}

/**
 * Estimated request bytes of each operation at real office.js's serialised size (request-size.ts measures
 * a fill + font block at 900 bytes and a column width at 700; these calls are of the same make, with their
 * strings on top).
 */
const CALL_BYTES = 700;

/** Rows above which row heights are not autofitted (Excel measures every row: slow on big tabs). */
export const AUTOFIT_MAX_ROWS = 20000;

/**
 * The host's capabilities, asked of Office.js once: header comments need ExcelApi 1.10, above the
 * manifest's 1.9 minimum, so on older hosts the data-validation prompt alone says what to type.
 */
export function hostCapabilities(): ToolCapabilities {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } } } }).Office;
  const req = office?.context?.requirements;
  return { comments: !!req && req.isSetSupported("ExcelApi", "1.10") };
}

/** Contiguous runs of columns that pass a test, as [first, count]. */
function runs(tab: TabPlan, test: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < tab.columns.length; i++) {
    if (!test(i)) continue;
    const start = i;
    while (i + 1 < tab.columns.length && test(i + 1)) i++;
    out.push([start, i - start + 1]);
  }
  return out;
}

/**
 * The working-tool formatting of a tab as queueable operations, all per column or per tab (never per
 * cell): editable headers' colour, wrapping, drop-downs with prompts (warning style: other values are
 * allowed), conditional colours, page layout, header comments where the host has them.
 */
export function workingToolOps(tab: TabPlan, sheet: () => XlToolWorksheet, caps: ToolCapabilities): ToolOp[] {
  const ops: ToolOp[] = [];
  const rows = tab.rows.length;
  const dataRows = Math.max(rows, 1);
  for (const [col, n] of runs(tab, (i) => !!(tab.columns[i].editable || tab.columns[i].user))) {
    ops.push({
      bytes: 2 * CALL_BYTES,
      queue: () => {
        const r = sheet().getRangeByIndexes(0, col, 1, n);
        r.format.fill.color = `#${EDITABLE_HEADER_STYLE.fill}`;
        r.format.font.color = `#${EDITABLE_HEADER_STYLE.font}`;
      },
    });
  }
  const wraps = runs(tab, (i) => !!tab.columns[i].wrap);
  for (const [col, n] of wraps) {
    ops.push({ bytes: CALL_BYTES, queue: () => void (sheet().getRangeByIndexes(1, col, dataRows, n).format.wrapText = true) });
  }
  if (wraps.length > 0 && rows > 0 && rows <= AUTOFIT_MAX_ROWS) {
    ops.push({ bytes: CALL_BYTES, queue: () => sheet().getRangeByIndexes(1, 0, rows, tab.columns.length).format.autofitRows() });
  }
  // A tab rewritten in place must not stack last run's rules and lists on top of this run's.
  ops.push({
    bytes: 3 * CALL_BYTES,
    queue: () => {
      const all = sheet().getRangeByIndexes(1, 0, dataRows, Math.max(tab.columns.length, 1));
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
    },
  });
  tab.columns.forEach((c, i) => {
    if (!c.choices && !c.note) return;
    ops.push({
      bytes: 5 * CALL_BYTES + ((c.note?.length ?? 0) + (c.choices?.join(",").length ?? 0)) * 6,
      queue: () => {
        const dv = sheet().getRangeByIndexes(1, i, dataRows, 1).dataValidation;
        if (c.choices) {
          dv.rule = { list: { inCellDropDown: true, source: c.choices.join(",") } };
          const warn = tab.choiceWarning;
          if (warn) dv.errorAlert = { showAlert: true, style: "Warning", title: warn.title, message: warn.message };
        }
        dv.ignoreBlanks = true;
        if (c.note) dv.prompt = { showPrompt: true, title: c.header.slice(0, 32), message: c.note.slice(0, 255) };
      },
    });
  });
  for (const rule of tab.conditional ?? []) {
    if (rule.cols <= 0) continue;
    ops.push({
      bytes: 5 * CALL_BYTES + rule.formula.length * 6,
      adds: true,
      queue: () => {
        const cf = sheet().getRangeByIndexes(1, rule.col, dataRows, rule.cols).conditionalFormats.add("Custom");
        cf.custom.rule.formula = `=${rule.formula}`;
        cf.custom.format.fill.color = `#${PALETTE[rule.role].fill}`;
        cf.custom.format.font.color = `#${PALETTE[rule.role].font}`;
      },
    });
  }
  ops.push({
    bytes: 6 * CALL_BYTES,
    queue: () => {
      const layout = sheet().pageLayout;
      layout.orientation = "Landscape";
      layout.paperSize = "A4";
      layout.zoom = { horizontalFitToPages: PRINT_SETUP.fitToWidth, verticalFitToPages: PRINT_SETUP.fitToHeight };
      layout.setPrintTitleRows(PRINT_SETUP.titleRows);
      layout.headersFooters.defaultForAllPages.centerFooter = PRINT_SETUP.footer;
    },
  });
  if (caps.comments) {
    const notes = new Set(tab.columns.flatMap((c) => (c.note ? [c.note] : [])));
    for (const old of caps.present ?? []) {
      if (notes.has(old.content)) ops.push({ bytes: CALL_BYTES, adds: true, queue: () => old.delete() });
    }
    tab.columns.forEach((c, i) => {
      if (!c.note) return;
      ops.push({ bytes: 2 * CALL_BYTES + c.note.length * 6, adds: true, queue: () => void sheet().comments.add(`${columnLetters(i)}1`, c.note!) });
    });
  }
  return ops;
}

/** Request bytes decorateChart adds to a chart's operation. */
export function chartDecorationBytes(chart: ChartPlan): number {
  return ((chart.pointRoles?.length ?? 0) + 1) * CALL_BYTES;
}

/** Tier colours on the chart's points and values on its bars (LibreOffice and WPS need them explicit too). */
export function decorateChart(chart: XlChart, plan: ChartPlan): void {
  const ch = chart as XlToolChart;
  const points = ch.series.getItemAt(0).points;
  (plan.pointRoles ?? []).slice(0, plan.rows).forEach((role, i) => {
    const rgb = CHART_COLOURS[role];
    if (rgb) points.getItemAt(i).format.fill.setSolidColor(`#${rgb}`);
  });
  if (plan.dataLabels) ch.dataLabels.showValue = true;
}
