import type { Lang } from "../core/i18n/lang";
import { displayWidth } from "../core/output-tabs/user-work";
import type { ColumnPlan, StyleBlock, StyleRole, TabPlan } from "../core/output-tabs/write-plan";
import type { SharedStrings } from "./shared-strings";
import { conditionalFormattingXml, dataValidationsXml, pageSetupXml } from "./sheet-extras";
import type { StyleSheet } from "./style-sheet";
import { cellText, colName, escapeXml } from "./xml-text";

/** Relationship ids a worksheet refers to (its table, drawing and comments' VML), when it has them. */
export interface SheetLinks {
  tableRelId?: string;
  drawingRelId?: string;
  legacyDrawingRelId?: string;
}

/** The header look of a column: editable columns (and users' own) have their own colour. */
export function headerRole(c: ColumnPlan): "header" | "editableHeader" {
  return c.editable || c.user ? "editableHeader" : "header";
}

/** Default row height in points, and the most lines a wrapped row is given. */
const LINE_HEIGHT = 15;
const MAX_LINES = 8;

/** Lines a wrapped text needs in a column of `width` characters (rough: one character less for padding). */
function linesFor(text: string, width: number): number {
  let lines = 0;
  for (const part of text.split("\n")) lines += Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, width - 1)));
  return lines;
}

/**
 * The header texts as written: Excel requires a table's column names to be non-empty and unique
 * (ignoring case) and equal to the header cells, so duplicates get " (2)" and blanks a placeholder.
 */
export function tableHeaders(tab: TabPlan<string>): string[] {
  const seen = new Set<string>();
  return tab.columns.map((c, i) => {
    const base = cellText(c.header).replace(/[\r\n]+/g, " ").trim() || `Column${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Where one worksheet's data ends, for the table and the dimension (1-based, inclusive). */
export function sheetExtent(tab: TabPlan<string>): { lastRow: number; lastCol: number } {
  // A table needs at least one data row: an empty tab gets one empty row.
  return { lastRow: Math.max(tab.rows.length, 1) + 1, lastCol: Math.max(tab.columns.length, 1) };
}

/**
 * Paints style blocks row by row without a per-cell map: a sweep over blocks sorted by first row;
 * where blocks overlap the later one in plan order wins ("block by block", as the add-in paints them).
 */
class BlockSweep {
  private readonly order: { b: StyleBlock; i: number }[];
  private next = 0;
  private active: { b: StyleBlock; i: number }[] = [];
  readonly roles: (StyleRole | undefined)[];

  constructor(blocks: StyleBlock[], cols: number) {
    this.order = blocks.map((b, i) => ({ b, i })).sort((x, y) => x.b.row - y.b.row || x.i - y.i);
    this.roles = new Array<StyleRole | undefined>(cols).fill(undefined);
  }

  /** Sets `roles` for data row r (rows must be visited in increasing order). */
  at(r: number): void {
    let changed = false;
    while (this.next < this.order.length && this.order[this.next].b.row <= r) {
      this.active.push(this.order[this.next++]);
      changed = true;
    }
    const before = this.active.length;
    this.active = this.active.filter((a) => a.b.row + a.b.rows > r);
    if (!changed && before === this.active.length) return;
    this.active.sort((x, y) => x.i - y.i);
    this.roles.fill(undefined);
    for (const { b } of this.active) {
      const end = Math.min(b.col + b.cols, this.roles.length);
      for (let c = Math.max(b.col, 0); c < end; c++) this.roles[c] = b.role;
    }
  }
}

/** The worksheet XML of one output tab, in chunks of rows, with every text cell a shared string. */
export function* sheetXml(
  tab: TabPlan<string>, styles: StyleSheet, strings: SharedStrings,
  opts: { selected: boolean; links: SheetLinks; lang?: Lang; onRow?: (done: number) => void },
): Generator<string> {
  const { lastRow, lastCol } = sheetExtent(tab);
  const cols = tab.columns;
  const letters = cols.map((_, c) => colName(c + 1));
  const baseXf = cols.map((c) => styles.xf({ numberFormat: c.numberFormat, wrap: c.wrap }));
  const wrapCols = cols.map((c, i) => (c.wrap ? i : -1)).filter((i) => i >= 0);
  const roleXf = cols.map(() => new Map<StyleRole, number>());
  const xfFor = (c: number, role: StyleRole | undefined): number => {
    if (!role) return baseXf[c];
    let x = roleXf[c].get(role);
    if (x === undefined) {
      x = styles.xf({ numberFormat: cols[c].numberFormat, role, wrap: cols[c].wrap });
      roleXf[c].set(role, x);
    }
    return x;
  };
  const headerXf = { header: styles.xf({ numberFormat: "General", role: "header" }), editableHeader: styles.xf({ numberFormat: "General", role: "editableHeader" }) };

  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${colName(lastCol)}${lastRow}"/>` +
    `<sheetViews><sheetView${opts.selected ? ' tabSelected="1"' : ""} workbookViewId="0">` +
    `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols.length
      ? `<cols>${cols.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, c.width))}" customWidth="1"/>`).join("")}</cols>`
      : "") +
    `<sheetData><row r="1">` +
    tableHeaders(tab).map((h, i) => `<c r="${letters[i]}1" s="${headerXf[headerRole(cols[i])]}" t="s"><v>${strings.id(h)}</v></c>`).join("") +
    `</row>`;

  const sweep = new BlockSweep(tab.styles, cols.length);
  // The fixed pieces of a cell's XML, built once per column and per style rather than per cell.
  const cellOpen = letters.map((l) => `<c r="${l}`);
  const textMid: string[] = [];
  const numberMid: string[] = [];
  const blankEnd: string[] = [];
  const pieces = (x: number): void => {
    textMid[x] = `" s="${x}" t="s"><v>`;
    numberMid[x] = `" s="${x}"><v>`;
    blankEnd[x] = `" s="${x}"/>`;
  };
  // The last text of each column and its index: consecutive rows often repeat one (tiers, verdicts, managers).
  const lastText: (string | undefined)[] = cols.map(() => undefined);
  const lastId: number[] = cols.map(() => -1);
  let buf = "";
  for (let r = 0; r < tab.rows.length; r++) {
    sweep.at(r);
    const row = tab.rows[r];
    const excelRow = r + 2;
    let lines = 1;
    for (const c of wrapCols) {
      const v = row[c];
      if (typeof v === "string" && v.length > 0) lines = Math.max(lines, linesFor(v, cols[c].width));
    }
    // Wrapped texts get their height written: Excel does not re-measure rows of a file it opens.
    let xml = lines > 1 ? `<row r="${excelRow}" ht="${Math.min(lines, MAX_LINES) * LINE_HEIGHT}">` : `<row r="${excelRow}">`;
    for (let c = 0; c < cols.length; c++) {
      const v = row[c] ?? null;
      const s = xfFor(c, sweep.roles[c]);
      if (textMid[s] === undefined) pieces(s);
      if (typeof v === "string" || (typeof v === "number" && cols[c].kind === "text")) {
        // Text is always a shared string: never an inline formula, whatever it starts with.
        const raw = typeof v === "string" ? v : String(v);
        let id: number;
        if (raw === lastText[c]) id = lastId[c] < 0 ? -1 : strings.again(lastId[c]);
        else {
          id = strings.cell(raw);
          lastText[c] = raw;
          lastId[c] = id;
        }
        if (id < 0) {
          if (sweep.roles[c]) xml += cellOpen[c] + excelRow + blankEnd[s];
        } else {
          xml += cellOpen[c] + excelRow + textMid[s] + id + "</v></c>";
        }
      } else if (typeof v === "number" && Number.isFinite(v)) {
        xml += cellOpen[c] + excelRow + numberMid[s] + v + "</v></c>";
      } else if (sweep.roles[c]) {
        // An empty cell still carries its row's colour, so coloured rows have no holes.
        xml += cellOpen[c] + excelRow + blankEnd[s];
      }
    }
    buf += xml + "</row>";
    if (buf.length > 1 << 16) {
      yield buf;
      buf = "";
      opts.onRow?.(r + 1);
    }
  }
  yield buf + `</sheetData>` +
    conditionalFormattingXml(tab, styles, lastRow) +
    dataValidationsXml(tab, opts.lang ?? "zh-CN", lastRow) +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    pageSetupXml() +
    (opts.links.drawingRelId ? `<drawing r:id="${opts.links.drawingRelId}"/>` : "") +
    (opts.links.legacyDrawingRelId ? `<legacyDrawing r:id="${opts.links.legacyDrawingRelId}"/>` : "") +
    (opts.links.tableRelId ? `<tableParts count="1"><tablePart r:id="${opts.links.tableRelId}"/></tableParts>` : "") +
    `</worksheet>`;
  opts.onRow?.(tab.rows.length);
}

/** A plain worksheet (no table, no styles) for the metadata sheet. */
export function plainSheetXml(rows: (string | number | null)[][], strings: SharedStrings): string {
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  rows.forEach((row, r) => {
    xml += `<row r="${r + 1}">`;
    row.forEach((v, c) => {
      const ref = colName(c + 1) + (r + 1);
      if (typeof v === "string" && v !== "") xml += `<c r="${ref}" t="s"><v>${strings.id(cellText(v))}</v></c>`;
      else if (typeof v === "number" && Number.isFinite(v)) xml += `<c r="${ref}"><v>${v}</v></c>`;
    });
    xml += `</row>`;
  });
  return xml + `</sheetData></worksheet>`;
}

/** The table part (filter buttons, banded light style) over a tab's header and rows. */
export function tableXml(tab: TabPlan<string>, id: number, name: string): string {
  const { lastRow, lastCol } = sheetExtent(tab);
  const ref = `A1:${colName(lastCol)}${lastRow}`;
  const columns = tab.columns.length ? tableHeaders(tab) : ["-"];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${columns.length}">` +
    columns.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join("") +
    `</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
