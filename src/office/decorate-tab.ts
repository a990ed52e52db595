import { HEADER_STYLE, PALETTE } from "../core/output-tabs/colours";
import { columnLetters } from "../core/workbook/grid";
import type { XlWorksheet } from "./excel-subset";
import { BLOCK_FORMAT_BYTES, CHART_BYTES, COLUMN_WIDTH_BYTES, HEADER_FORMAT_BYTES } from "./request-size";
import type { XlToolWorksheet } from "./excel-subset-tool";
import { chartDecorationBytes, decorateChart, hostCapabilities, workingToolOps, type ToolCapabilities } from "./working-tool-ops";
import { mergeBlocks } from "./style-merge";
import type { TempTab } from "./temp-tab";

/** One queued piece of formatting and an upper bound of its serialised request bytes (request-size.ts). */
export interface FormatOp {
  bytes: number;
  queue: () => void;
  /** True when it adds an object (a chart, a rule, a comment): sending it twice would add it twice. */
  adds?: boolean;
}

/** The name of a tab's chart (the k-th, from 0), by which a later run finds and replaces it. */
export function chartName(id: string, k = 0): string {
  return k === 0 ? `CustomerTiers_${id}` : `CustomerTiers_${id}_${k + 1}`;
}

/** True for a chart this product drew on the tab (any of its charts). */
export function isOurChart(name: string, id: string): boolean {
  return name === chartName(id) || name.startsWith(`${chartName(id)}_`);
}

/** Excel column width in points for a width in characters (7 px per character plus padding, 0.75 pt per px). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The formatting of a written tab as queueable operations: header colours, the style blocks merged into
 * rectangles (a fill and a font colour per rectangle, never per cell), column widths and the chart (the
 * table itself is kept or made when the values are copied in). (The header is frozen at the swap, once the sheet is visible: freezing panes of hidden sheets has
 * failed in Excel before.)
 */
export function formatOps(t: TempTab, caps: ToolCapabilities | number = hostCapabilities()): FormatOp[] {
  // (Called through flatMap too, whose second argument is an index: then the host is asked.)
  const capabilities = typeof caps === "number" ? hostCapabilities() : caps;
  const ops: FormatOp[] = [];
  const ws = (): XlWorksheet => t.sheet!;
  const cols = t.tab.columns.length;
  const dataRows = t.tab.rows.length;
  ops.push({
    bytes: HEADER_FORMAT_BYTES,
    queue: () => {
      const header = ws().getRangeByIndexes(0, 0, 1, cols);
      header.format.fill.color = `#${HEADER_STYLE.fill}`;
      header.format.font.color = `#${HEADER_STYLE.font}`;
      header.format.font.bold = true;
    },
  });
  for (const b of mergeBlocks(t.tab.styles)) {
    const rows = Math.min(b.rows, dataRows - b.row);
    const width = Math.min(b.cols, cols - b.col);
    if (rows <= 0 || width <= 0 || b.row < 0 || b.col < 0) continue;
    ops.push({
      bytes: BLOCK_FORMAT_BYTES,
      queue: () => {
        const r = ws().getRangeByIndexes(1 + b.row, b.col, rows, width);
        r.format.fill.color = `#${PALETTE[b.role].fill}`;
        r.format.font.color = `#${PALETTE[b.role].font}`;
      },
    });
  }
  t.tab.columns.forEach((c, i) =>
    ops.push({
      bytes: COLUMN_WIDTH_BYTES,
      queue: () => {
        ws().getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = widthInPoints(c.width);
      },
    }),
  );
  const charts = [t.tab.chart, ...(t.tab.extraCharts ?? [])];
  charts.forEach((chart, k) => {
    if (!chart || chart.rows <= 0) return;
    const series = chart.series ?? [{ name: chart.title, firstRow: chart.firstRow }];
    if (series.some((x) => x.firstRow < 0 || x.firstRow + chart.rows > dataRows)) return;
    ops.push({
      bytes: CHART_BYTES + 300 * (series.length - 1) + chartDecorationBytes(chart),
      adds: true,
      queue: () => {
        const range = (row: number, col: number) => ws().getRangeByIndexes(1 + row, col, chart.rows, 1);
        const labels = range(series[0].firstRow, chart.labelCol);
        const type = chart.kind === "pie" ? "Pie" : chart.kind === "line" ? "Line" : "ColumnClustered";
        const ch = ws().charts.add(type, range(series[0].firstRow, chart.valueCol), "Columns");
        // Named, so that the next run removes this tab's charts (and only them) before drawing them again.
        ch.name = chartName(t.tab.id, k);
        const first = ch.series.getItemAt(0);
        first.setXAxisValues(labels);
        if (chart.series) first.name = series[0].name;
        // Further series (a line per tier) each over their own rows, on the first series' categories.
        for (const x of series.slice(1)) {
          const s = ch.series.add(x.name);
          s.setValues(range(x.firstRow, chart.valueCol));
          s.setXAxisValues(labels);
        }
        ch.title.text = chart.title;
        decorateChart(ch, chart);
        ch.setPosition(`${columnLetters(cols + 1 + 9 * k)}2`);
      },
    });
  });
  // The real and the fake worksheet both implement the working-tool subset (excel-conformance-tool.ts).
  ops.push(...workingToolOps(t.tab, () => t.sheet as XlToolWorksheet, capabilities));
  return ops;
}
