import type { XlToolWorksheet } from "../../../src/office/excel-subset-tool";
import { FakeComments, FakePageLayout } from "./working-tool";
import type { XlVisibility, XlWorksheetCollection } from "../../../src/office/excel-subset";
import { checkRect, parseAddress } from "./address";
import { FakeChartCollection } from "./charts";
import { FakeClientObject, parseLoad } from "./client-object";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import { FakeRange, FakeRangeAreas } from "./range";
import { FakeSheetTables } from "./tables";
import type { SheetState } from "./workbook-state";

const LOADABLE = ["name", "visibility", "position"];

/** The longest address the fake's getRanges takes (see there). */
export const RANGES_ADDRESS_MAX = 255;

/** Excel.Worksheet over the fake. */
export class FakeWorksheet extends FakeClientObject<SheetState> implements XlToolWorksheet {
  readonly pageLayout: FakePageLayout;
  readonly comments: FakeComments;
  readonly tables: FakeSheetTables;
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeRows(count?: number): void };

  constructor(ctx: FakeRequestContext, resolver: () => SheetState | null) {
    super(ctx, resolver);
    this.tables = new FakeSheetTables(ctx, () => this.live());
    this.charts = new FakeChartCollection(ctx, () => this.live());
    this.pageLayout = new FakePageLayout(ctx, () => this.live());
    this.comments = new FakeComments(ctx, () => this.live());
    this.freezePanes = {
      freezeRows: (count = 1) =>
        this.queue("freezeRows", count, () => {
          const s = this.live();
          // Freezing panes of a hidden sheet has failed in Excel (office-js #1463); the fake refuses it.
          if (s.visibility !== "Visible") fail("InvalidOperation", "Cannot freeze panes on a hidden sheet.");
          s.frozenRows = count;
        }),
    };
  }

  /** A proxy bound to a known sheet, with some properties already loaded (collection items). */
  static loadedFrom(ctx: FakeRequestContext, sheet: SheetState, names: string[]): { proxy: FakeWorksheet; data: Record<string, unknown> } {
    const proxy = new FakeWorksheet(ctx, () => sheet);
    const data = { ...proxy.snapshot(sheet, names), isNullObject: false };
    return { proxy, data };
  }

  /** Publishes loaded data (collection loads). */
  accept(data: Record<string, unknown>): void {
    this.publish(data);
  }

  /** The sheet, which must still exist. */
  live(): SheetState {
    const s = this.resolve();
    if (s.deleted) fail("ItemNotFound", `The worksheet ${s.name} was deleted.`);
    return s;
  }

  protected loadable(): string[] {
    return LOADABLE;
  }

  protected snapshot(s: SheetState, names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const n of names) {
      if (n === "name") out.name = s.name;
      if (n === "visibility") out.visibility = s.visibility;
      if (n === "position") out.position = this.ctx.host.state.sheets.indexOf(s);
    }
    return out;
  }

  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.queue("setName", v, () => this.ctx.host.state.renameSheet(this.live(), v));
  }

  get visibility(): XlVisibility {
    return this.read("visibility");
  }
  set visibility(v: XlVisibility) {
    this.queue("setVisibility", v, () => this.ctx.host.state.setVisibility(this.live(), v));
  }

  /** Queues a load. */
  load(propertyNames?: string | string[]): FakeWorksheet {
    this.queueLoad(propertyNames);
    return this;
  }

  /** A range by A1 address; the whole sheet without one. Whole columns have the workbook's row count. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const limit = this.ctx.host.state.rowLimit;
      const parsed = address === undefined ? { row: 0, col: 0, rows: 1048576, cols: 16384 } : parseAddress(address);
      const rect = parsed.row === 0 && parsed.rows === 1048576 ? { ...parsed, rows: limit } : parsed;
      if (rect.row + rect.rows > limit) fail("InvalidArgument", `The address ${address ?? ""} is outside the worksheet (${limit} rows).`);
      return { sheet: this.live(), rect };
    });
  }

  /** A range by 0-based indexes. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    return new FakeRange(this.ctx, () => {
      checkRect(rect);
      if (rect.row + rect.rows > this.ctx.host.state.rowLimit) fail("InvalidArgument", `The range is outside the worksheet (${this.ctx.host.state.rowLimit} rows).`);
      return { sheet: this.live(), rect };
    });
  }

  /**
   * Rectangles by comma-separated A1 addresses. Refused (InvalidArgument) over 255 characters: Excel's own
   * limit is not documented and long addresses fail in ways not understood (office-js #5198), so the fake
   * holds the adapter to the length a Range address has always been allowed in Excel.
   */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      if (address.length > RANGES_ADDRESS_MAX) fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${address.length} characters).`);
      const rects = address.split(",").map((a) => parseAddress(a.trim()));
      for (const rect of rects) {
        checkRect(rect);
        if (rect.row + rect.rows > this.ctx.host.state.rowLimit) fail("InvalidArgument", `The range is outside the worksheet (${this.ctx.host.state.rowLimit} rows).`);
      }
      return { sheet: this.live(), rects };
    });
  }

  /** The used range; a null object for an empty sheet. The fake keeps formats apart, so both kinds are the values' extent. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.ctx, () => {
      // On a null object (getItemOrNullObject of a missing sheet) this is a null object too, as in Office.js.
      if (this.resolveOrNull() === null) return null;
      const s = this.live();
      const used = s.usedRect();
      return used ? { sheet: s, rect: used } : null;
    });
    r.resolveNow("getUsedRangeOrNullObject", valuesOnly ?? false);
    return r;
  }

  /** Makes this the active sheet. */
  activate(): void {
    this.queue("activate", null, () => {
      const s = this.live();
      if (s.visibility !== "Visible") fail("InvalidOperation", "A hidden sheet cannot be activated.");
      this.ctx.host.state.active = s;
    });
  }

  /** Deletes the sheet. */
  delete(): void {
    this.queue("deleteSheet", null, () => this.ctx.host.state.deleteSheet(this.live()));
  }
}

/** Excel.WorksheetCollection over the fake. */
export class FakeWorksheetCollection implements XlWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;

  constructor(private readonly ctx: FakeRequestContext) {}

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) fail("PropertyNotLoaded", "The property 'items' is not available. Call load and sync first.");
    return this.loadedItems;
  }

  /** Queues a load of the items ("items", "items/name", "items/name,items/visibility" or "name"). */
  load(propertyNames?: string | string[]): FakeWorksheetCollection {
    const paths = parseLoad(propertyNames);
    const names = paths.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
    const props = names.length === 0 ? LOADABLE : names;
    for (const n of props) if (!LOADABLE.includes(n)) fail("InvalidArgument", `Cannot load unknown property '${n}'.`);
    this.ctx.enqueue({
      op: "loadWorksheets",
      args: props,
      run: () => {
        const built = this.ctx.host.state.sheets.map((s) => FakeWorksheet.loadedFrom(this.ctx, s, props));
        return {
          data: built.map((b) => b.data),
          publish: () => {
            built.forEach((b) => b.proxy.accept(b.data));
            this.loadedItems = built.map((b) => b.proxy);
          },
        };
      },
    });
    return this;
  }

  /** Adds a sheet at the end. */
  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.ctx.enqueue({
      op: "addWorksheet",
      args: name ?? null,
      run: () => {
        created = this.ctx.host.state.addSheet(name);
      },
    });
    return new FakeWorksheet(this.ctx, () => created ?? fail("ItemNotFound", "The sheet was not created."));
  }

  /** The sheet of that name; ItemNotFound at sync when missing. */
  getItem(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.host.state.sheet(key) ?? fail("ItemNotFound", `The worksheet ${key} doesn't exist.`));
    this.ctx.enqueue({ op: "getItem", args: key, run: () => void ws.live() });
    return ws;
  }

  /** The active sheet. */
  getActiveWorksheet(): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.host.state.active ?? fail("ItemNotFound", "No active sheet."));
    this.ctx.enqueue({ op: "getActiveWorksheet", args: null, run: () => void ws.live() });
    return ws;
  }

  /** The sheet of that name, or a null object. */
  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.host.state.sheet(key) ?? null);
    ws.resolveNow("getItemOrNullObject", key);
    return ws;
  }
}
