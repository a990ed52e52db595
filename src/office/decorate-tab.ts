import { HEADER_STYLE, PALETTE } from "../core/output-tabs/colours";
import { columnLetters } from "../core/workbook/grid";
import type { XlWorksheet } from "./excel-subset";
import { AREAS_FORMAT_BYTES, CHART_BYTES, COLUMN_WIDTH_BYTES, HEADER_FORMAT_BYTES, RANGES_ADDRESS_CHARS } from "./request-size";
import type { XlToolWorksheet } from "./excel-subset-tool";
import { chartDecorationBytes, decorateChart, hostCapabilities, workingToolOps, type ToolCapabilities } from "./working-tool-ops";
import type { StyleBlock, StyleRole } from "../core/output-tabs/write-plan";
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
  const clipped = mergeBlocks(t.tab.styles).flatMap((b) => {
    const rows = Math.min(b.rows, dataRows - b.row);
    const width = Math.min(b.cols, cols - b.col);
    return rows <= 0 || width <= 0 || b.row < 0 || b.col < 0 ? [] : [{ ...b, rows, cols: width }];
  });
  // Many rectangles of one colour in one command each for fill and font (a RangeAreas), in the order
  // painting needs: a cell's own colour over its row's (areasInOrder).
  for (const { role, addresses } of areasInOrder(clipped)) {
    ops.push({
      bytes: AREAS_FORMAT_BYTES + addresses.length,
      queue: () => {
        const r = ws().getRanges(addresses);
        r.format.fill.color = `#${PALETTE[role].fill}`;
        r.format.font.color = `#${PALETTE[role].font}`;
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

/**
 * Style rectangles (data rows under the header) as groups of one colour, each a comma-separated address of at
 * most RANGES_ADDRESS_CHARS characters, in an order that paints every cell as painting the rectangles one by
 * one in the given order would: the rectangles are cut into layers in which none overlaps another (a
 * rectangle overlapping one of the current layer starts the next), and within a layer the order is free.
 */
export function areasInOrder(blocks: readonly StyleBlock[]): { role: StyleRole; addresses: string }[] {
  const out: { role: StyleRole; addresses: string }[] = [];
  let layer: StyleBlock[] = [];
  // Per sheet row, the column spans the current layer covers.
  let taken = new Map<number, [number, number][]>();
  const overlaps = (b: StyleBlock): boolean => {
    for (let r = b.row; r < b.row + b.rows; r++) for (const [c0, c1] of taken.get(r) ?? []) if (b.col < c1 && c0 < b.col + b.cols) return true;
    return false;
  };
  const flush = (): void => {
    const byRole = new Map<StyleRole, string[]>();
    for (const b of layer) {
      const list = byRole.get(b.role) ?? [];
      const from = `${columnLetters(b.col)}${b.row + 2}`;
      const to = `${columnLetters(b.col + b.cols - 1)}${b.row + b.rows + 1}`;
      list.push(from === to ? from : `${from}:${to}`);
      byRole.set(b.role, list);
    }
    for (const [role, list] of byRole) {
      let addresses = "";
      for (const a of list) {
        if (addresses !== "" && addresses.length + 1 + a.length > RANGES_ADDRESS_CHARS) {
          out.push({ role, addresses });
          addresses = "";
        }
        addresses = addresses === "" ? a : `${addresses},${a}`;
      }
      if (addresses !== "") out.push({ role, addresses });
    }
    [layer, taken] = [[], new Map()];
  };
  for (const b of blocks) {
    if (overlaps(b)) flush();
    layer.push(b);
    for (let r = b.row; r < b.row + b.rows; r++) {
      const spans = taken.get(r);
      if (spans) spans.push([b.col, b.col + b.cols]);
      else taken.set(r, [[b.col, b.col + b.cols]]);
    }
  }
  flush();
  return out;
}
