import { HEADER_STYLE, PALETTE } from "../core/plan/colours";
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
}

/** The name of the chart of a tab, by which a later run finds and replaces it. */
export function chartName(id: string): string {
  return `CustomerTiers_${id}`;
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
  const chart = t.tab.chart;
  if (chart && chart.rows > 0 && chart.firstRow + chart.rows <= dataRows) {
    ops.push({
      bytes: CHART_BYTES + chartDecorationBytes(t.tab),
      queue: () => {
        const values = ws().getRangeByIndexes(1 + chart.firstRow, chart.valueCol, chart.rows, 1);
        const labels = ws().getRangeByIndexes(1 + chart.firstRow, chart.labelCol, chart.rows, 1);
        const ch = ws().charts.add(chart.kind === "pie" ? "Pie" : "ColumnClustered", values, "Columns");
        // Named, so that the next run removes this chart (and only this one) before drawing it again.
        ch.name = chartName(t.tab.id);
        ch.series.getItemAt(0).setXAxisValues(labels);
        ch.title.text = chart.title;
        decorateChart(ch, t.tab);
        ch.setPosition(`${columnLetters(cols + 1)}2`);
      },
    });
  }
  // The real and the fake worksheet both implement the working-tool subset (excel-conformance-tool.ts).
  ops.push(...workingToolOps(t.tab, () => t.sheet as XlToolWorksheet, capabilities));
  return ops;
}
