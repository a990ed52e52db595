import type { XlCellValue, XlRange, XlRangeFill, XlRangeFont, XlRangeFormat, XlValueType } from "../../../src/office/excel-subset";
import { MAX_ROWS, checkRect, formatAddress, type Rect } from "./address";
import { FakeClientObject } from "./client-object";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import type { FakeStats } from "./stats";
import type { FormatLayer, SheetState } from "./workbook-state";

/** What a range proxy resolves to: a sheet and a rectangle on it. */
export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

const LOADABLE = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "valueTypes", "numberFormat"];

function valueType(sheet: SheetState, row: number, col: number): XlValueType {
  const v = sheet.rows[row]?.[col];
  if (v === undefined) return "Empty";
  if (sheet.errors.has(`${row},${col}`)) return "Error";
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
export class FakeRange extends FakeClientObject<RangeTarget> implements XlRange {
  readonly format: XlRangeFormat;

  constructor(ctx: FakeRequestContext, resolver: () => RangeTarget | null) {
    super(ctx, resolver);
    this.format = new FakeRangeFormat(this);
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

  /** Clears values and formats. */
  clear(): void {
    this.queue("clear", null, () => {
      const t = this.resolve();
      t.sheet.clear(t.rect);
    });
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

class FakeRangeFormat implements XlRangeFormat {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  constructor(private readonly range: FakeRange) {
    this.fill = new FakeFill(range);
    this.font = new FakeFont(range);
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
