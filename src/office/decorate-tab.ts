import { HEADER_STYLE, PALETTE } from "../core/plan/colours";
import { columnLetters } from "../core/workbook/grid";
import type { XlWorksheet } from "./excel-subset";
import { mergeBlocks } from "./style-merge";
import type { TempTab } from "./temp-tab";

/** One queued piece of formatting and its estimated request bytes. */
export interface FormatOp {
  bytes: number;
  queue: () => void;
}

/** Excel column width in points for a width in characters (7 px per character plus padding, 0.75 pt per px). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The formatting of a written tab as queueable operations: header colours, the style blocks merged into
 * rectangles (a fill and a font colour per rectangle, never per cell), the table, column widths and the
 * chart. (The header is frozen at the swap, once the sheet is visible: freezing panes of hidden sheets has
 * failed in Excel before.)
 */
export function formatOps(t: TempTab): FormatOp[] {
  const ops: FormatOp[] = [];
  const ws = (): XlWorksheet => t.sheet!;
  const cols = t.tab.columns.length;
  const dataRows = t.tab.rows.length;
  ops.push({
    bytes: 300,
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
      bytes: 200,
      queue: () => {
        const r = ws().getRangeByIndexes(1 + b.row, b.col, rows, width);
        r.format.fill.color = `#${PALETTE[b.role].fill}`;
        r.format.font.color = `#${PALETTE[b.role].font}`;
      },
    });
  }
  ops.push({
    bytes: 300,
    queue: () => {
      const table = ws().tables.add(ws().getRangeByIndexes(0, 0, 1 + Math.max(dataRows, 1), cols), true);
      table.name = t.tempTable;
    },
  });
  t.tab.columns.forEach((c, i) =>
    ops.push({
      bytes: 120,
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
      bytes: 400 + 300 * series.length,
      queue: () => {
        const range = (row: number, col: number) => ws().getRangeByIndexes(1 + row, col, chart.rows, 1);
        const labels = range(series[0].firstRow, chart.labelCol);
        const type = chart.kind === "pie" ? "Pie" : chart.kind === "line" ? "Line" : "ColumnClustered";
        const ch = ws().charts.add(type, range(series[0].firstRow, chart.valueCol), "Columns");
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
        ch.setPosition(`${columnLetters(cols + 1 + 9 * k)}2`);
      },
    });
  });
  return ops;
}
