import type { XlCellValue, XlRangeFill, XlRangeFont, XlValueType } from "../../../src/office/excel-subset";
import type { XlToolRange, XlToolRangeFormat } from "../../../src/office/excel-subset-tool";
import { MAX_ROWS, checkRect, formatAddress, overlaps, parseAddress, type Rect } from "./address";
import { FakeClientObject } from "./client-object";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import type { FakeStats } from "./stats";
import type { FormatLayer, SheetState } from "./workbook-state";
import { FakeConditionalFormats, FakeDataValidation, autofitRows, setWrap } from "./working-tool";

/** What a range proxy resolves to: a sheet and a rectangle on it. */
export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

const LOADABLE = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "valueTypes", "numberFormat"];

function valueType(sheet: SheetState, row: number, col: number): XlValueType {
  const v = sheet.rows[row]?.[col];
  if (v === undefined) return "Empty";
  if (sheet.isError(row, col)) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

function checkShape(name: string, value: unknown, rect: Rect): void {
  if (!Array.isArray(value)) return;
  const okRows = value.length === rect.rows;
  const okCols = value.every((r) => Array.isArray(r) && r.length === rect.cols);
  if (!okRows || !okCols) {
    fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`);
  }
}

/** Excel.Range over the fake: values, number formats, formats, loads. */
export class FakeRange extends FakeClientObject<RangeTarget> implements XlToolRange {
  readonly format: XlToolRangeFormat;

  constructor(ctx: FakeRequestContext, resolver: () => RangeTarget | null) {
    super(ctx, resolver);
    this.format = new FakeRangeFormat(this);
  }

  /** Data validation of the range (working-tool APIs live in working-tool.ts). */
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }

  /** Conditional formats of the range. */
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this);
  }

  /** The resolved target for the format helpers. */
  target(): RangeTarget {
    return this.resolve();
  }

  /** The counters of the host (for the format helpers). */
  hostStats(): FakeStats {
    return this.ctx.host.stats;
  }

  /** Queues a command against this range (for the format helpers). */
  command(op: string, args: unknown, run: () => void): void {
    this.queue(op, args, run);
  }

  protected loadable(): string[] {
    return LOADABLE;
  }

  protected snapshot(t: RangeTarget, names: string[]): Record<string, unknown> {
    const { sheet, rect } = t;
    const out: Record<string, unknown> = {};
    const big = rect.rows * rect.cols > 5_000_000;
    const cells = names.filter((n) => n === "values" || n === "valueTypes" || n === "numberFormat");
    if (cells.length > 0) this.ctx.host.stats.reads.push({ sheet: sheet.name, ...rect, props: cells });
    for (const n of names) {
      if ((n === "values" || n === "valueTypes" || n === "numberFormat") && big) fail("InvalidOperation", "The range is too large to read (more than 5,000,000 cells).");
      if (n === "address") out[n] = formatAddress(sheet.name, rect);
      else if (n === "rowIndex") out[n] = rect.row;
      else if (n === "columnIndex") out[n] = rect.col;
      else if (n === "rowCount") out[n] = rect.rows;
      else if (n === "columnCount") out[n] = rect.cols;
      else if (n === "values") out[n] = sheet.read(rect);
      else if (n === "valueTypes") out[n] = this.grid(rect, (r, c) => valueType(sheet, r, c));
      else if (n === "numberFormat") out[n] = this.grid(rect, (r, c) => sheet.formatAt(r, c));
    }
    return out;
  }

  private grid<V>(rect: Rect, f: (r: number, c: number) => V): V[][] {
    const out: V[][] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const row: V[] = [];
      for (let c = rect.col; c < rect.col + rect.cols; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get valueTypes(): XlValueType[][] {
    return this.read("valueTypes");
  }

  get values(): XlCellValue[][] {
    return this.read("values");
  }
  set values(v: XlCellValue[][]) {
    this.queue("setValues", v, () => {
      const { sheet, rect } = this.resolve();
      checkShape("values", v, rect);
      for (let i = 0; i < rect.rows; i++) {
        for (let c = 0; c < rect.cols; c++) {
          const cell: unknown = Array.isArray(v) ? v[i][c] : v;
          if (cell !== null && !["string", "number", "boolean"].includes(typeof cell)) fail("InvalidArgument", `Bad cell value: ${String(cell)}`);
          sheet.writeCell(rect.row + i, rect.col + c, cell === null ? "" : (cell as XlCellValue));
        }
      }
    });
  }

  get numberFormat(): string[][] | string {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][] | string) {
    this.queue("setNumberFormat", v, () => {
      const { sheet, rect } = this.resolve();
      if (typeof v === "string") {
        sheet.setFormat(rect, v);
        return;
      }
      checkShape("numberFormat", v, rect);
      for (let i = 0; i < rect.rows; i++) {
        for (let c = 0; c < rect.cols; c++) sheet.setFormat({ row: rect.row + i, col: rect.col + c, rows: 1, cols: 1 }, v[i][c]);
      }
    });
  }

  /** Queues a load of the given properties. */
  load(propertyNames?: string | string[]): FakeRange {
    this.queueLoad(propertyNames);
    return this;
  }

  /** The whole columns of this range. */
  getEntireColumn(): FakeRange {
    const r = new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: { row: 0, col: t.rect.col, rows: MAX_ROWS, cols: t.rect.cols } };
    });
    return r;
  }

  /** Selects the range (activating its sheet). */
  select(): void {
    this.queue("select", null, () => {
      const t = this.resolve();
      if (t.sheet.visibility !== "Visible") fail("InvalidOperation", "Cannot select a range on a hidden sheet.");
      this.ctx.host.state.active = t.sheet;
      this.ctx.host.state.selection = { sheet: t.sheet, rect: t.rect };
    });
  }

  /** Clears values and formats ("All"), or only one of them. */
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents" = "All"): void {
    this.queue("clear", applyTo, () => {
      const t = this.resolve();
      if (applyTo !== "All" && applyTo !== "Formats" && applyTo !== "Contents") fail("InvalidArgument", `clear(${applyTo}) is not modelled.`);
      t.sheet.clear(t.rect, applyTo);
    });
  }

  /** A sheet-qualified ('Sheet'!A1:B2) or local address as a target; ItemNotFound for a missing sheet. */
  private locate(address: string, here: SheetState): RangeTarget {
    const bang = address.lastIndexOf("!");
    if (bang < 0) return { sheet: here, rect: parseAddress(address) };
    const raw = address.slice(0, bang);
    const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    const sheet = this.ctx.host.state.sheet(name) ?? fail("ItemNotFound", `The worksheet ${name} doesn't exist.`);
    return { sheet, rect: parseAddress(address.slice(bang + 1)) };
  }

  /** Inserts cells of this range's size, shifting the cells below down (tables covered grow). */
  insert(shift: "Down" | "Right"): FakeRange {
    this.queue("insert", shift, () => {
      if (shift !== "Down") fail("InvalidArgument", "Only shifting down is modelled.");
      const t = this.resolve();
      checkRect(t.rect);
      this.ctx.host.state.shiftCells(t.sheet, t.rect, "insert");
    });
    return this;
  }

  /** Deletes the cells of this range, shifting the cells below up (tables covered shrink). */
  delete(shift: "Up" | "Left"): void {
    this.queue("deleteCells", shift, () => {
      if (shift !== "Up") fail("InvalidArgument", "Only shifting up is modelled.");
      const t = this.resolve();
      checkRect(t.rect);
      this.ctx.host.state.shiftCells(t.sheet, t.rect, "delete");
    });
  }

  /**
   * Copies a range here (its top-left cell, or a range of the same size): "Values" copies the values shown
   * (a formula's result, text as text, never re-read as a formula); "Formats" the number formats and fills;
   * "All" both.
   */
  copyFrom(source: FakeRange | string, copyType: "All" | "Formulas" | "Values" | "Formats" | "Link" = "All", skipBlanks = false, transpose = false): void {
    this.queue("copyFrom", [typeof source === "string" ? source : "<range>", copyType, skipBlanks, transpose], () => {
      if (copyType === "Formulas" || copyType === "Link" || skipBlanks || transpose) fail("InvalidArgument", "That kind of copy is not modelled.");
      const dest = this.resolve();
      const src = typeof source === "string" ? this.locate(source, dest.sheet) : source.target();
      const same = dest.rect.rows === src.rect.rows && dest.rect.cols === src.rect.cols;
      if (!same && (dest.rect.rows !== 1 || dest.rect.cols !== 1)) fail("InvalidArgument", "The fake copies onto a cell or a range of the source's size.");
      const to: Rect = { row: dest.rect.row, col: dest.rect.col, rows: src.rect.rows, cols: src.rect.cols };
      checkRect(to);
      copyCells(src, { sheet: dest.sheet, rect: to }, copyType);
    });
  }
}

/** Copies values and/or formats of one rectangle onto another of the same size (sources read before writing). */
function copyCells(src: RangeTarget, dest: RangeTarget, copyType: "All" | "Values" | "Formats"): void {
  const { rect: s } = src;
  const { sheet: d, rect: t } = dest;
  if (copyType !== "Formats") {
    const values = src.sheet.read(s);
    const errors = values.map((row, i) => row.map((_, c) => src.sheet.isError(s.row + i, s.col + c)));
    d.clear(t, "Contents");
    values.forEach((row, i) =>
      row.forEach((v, c) => {
        if (v === "") return;
        (d.rows[t.row + i] ??= [])[t.col + c] = v;
        if (errors[i][c]) d.errors.add(`${t.row + i},${t.col + c}`);
      }),
    );
  }
  if (copyType !== "Values") {
    const formats: string[][] = [];
    for (let i = 0; i < s.rows; i++) formats.push(Array.from({ length: s.cols }, (_, c) => src.sheet.formatAt(s.row + i, s.col + c)));
    const layers = src.sheet.layers.filter((l) => overlaps(l, s));
    d.clear(t, "Formats");
    formats.forEach((row, i) => row.forEach((f, c) => d.setFormat({ row: t.row + i, col: t.col + c, rows: 1, cols: 1 }, f)));
    for (const l of layers) {
      const row = Math.max(l.row, s.row);
      const col = Math.max(l.col, s.col);
      const rows = Math.min(l.row + l.rows, s.row + s.rows) - row;
      const cols = Math.min(l.col + l.cols, s.col + s.cols) - col;
      d.layers.push({ ...l, row: t.row + row - s.row, col: t.col + col - s.col, rows, cols });
    }
  }
}

/** What a RangeAreas resolves to: a sheet and rectangles on it. */
export interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

/** Excel.RangeAreas over the fake, as far as colouring goes: each setting is one command over every area. */
export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  readonly format: { readonly fill: XlRangeFill; readonly font: XlRangeFont };

  constructor(ctx: FakeRequestContext, resolver: () => AreasTarget | null) {
    super(ctx, resolver);
    const set = (prop: FormatLayer["prop"], value: string): void =>
      this.queue(`format.${prop}`, value, () => {
        const { sheet, rects } = this.resolve();
        for (const rect of rects) {
          sheet.layers.push({ ...rect, prop, value });
          this.ctx.host.stats.formatCalls.push({ ...rect, sheetId: sheet.id, prop, value });
        }
      });
    const unread = (name: string): never => fail("PropertyNotLoaded", `The property '${name}' is not available.`);
    this.format = {
      fill: { get color(): string { return unread("color"); }, set color(v: string) { set("fill", v); } },
      font: {
        get color(): string { return unread("color"); },
        set color(v: string) { set("font", v); },
        get bold(): boolean { return unread("bold"); },
        set bold(v: boolean) { set("bold", String(v)); },
      },
    };
  }

  protected loadable(): string[] {
    return [];
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }
}

/** Records a format call (for the per-cell analysis) and applies it as a layer. */
function formatCall(range: FakeRange, prop: FormatLayer["prop"], value: string): void {
  range.command(`format.${prop}`, value, () => {
    const { sheet, rect } = range.target();
    checkRect(rect);
    sheet.layers.push({ ...rect, prop, value });
    range.hostStats().formatCalls.push({ ...rect, sheetId: sheet.id, prop, value });
  });
}

class FakeFill implements XlRangeFill {
  constructor(private readonly range: FakeRange) {}
  get color(): string {
    return fail("PropertyNotLoaded", "The property 'color' is not available.");
  }
  set color(v: string) {
    formatCall(this.range, "fill", v);
  }
}

class FakeFont implements XlRangeFont {
  constructor(private readonly range: FakeRange) {}
  get color(): string {
    return fail("PropertyNotLoaded", "The property 'color' is not available.");
  }
  set color(v: string) {
    formatCall(this.range, "font", v);
  }
  get bold(): boolean {
    return fail("PropertyNotLoaded", "The property 'bold' is not available.");
  }
  set bold(v: boolean) {
    formatCall(this.range, "bold", String(v));
  }
}

class FakeRangeFormat implements XlToolRangeFormat {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  constructor(private readonly range: FakeRange) {
    this.fill = new FakeFill(range);
    this.font = new FakeFont(range);
  }
  get wrapText(): boolean {
    return fail("PropertyNotLoaded", "The property 'wrapText' is not available.");
  }
  set wrapText(v: boolean) {
    setWrap(this.range, v);
  }
  autofitRows(): void {
    autofitRows(this.range);
  }
  get columnWidth(): number {
    return fail("PropertyNotLoaded", "The property 'columnWidth' is not available.");
  }
  set columnWidth(v: number) {
    this.range.command("format.columnWidth", v, () => {
      const { sheet, rect } = this.range.target();
      if (!(v >= 0)) fail("InvalidArgument", `Bad column width: ${v}`);
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, v);
    });
  }
}
