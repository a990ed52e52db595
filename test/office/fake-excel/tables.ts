import type { XlTable, XlTableCollection } from "../../../src/office/excel-subset";
import { parseAddress } from "./address";
import { parseLoad } from "./client-object";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import { FakeRange } from "./range";
import type { SheetState, TableState } from "./workbook-state";

/** Excel.Table over the fake: its name can be read after a load of the collection, and set. */
export class FakeTable implements XlTable {
  private loadedName: string | null = null;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly resolve: () => TableState,
  ) {}

  /** Records a loaded name. */
  accept(name: string): void {
    this.loadedName = name;
  }

  get name(): string {
    if (this.loadedName === null) fail("PropertyNotLoaded", "The property 'name' is not available.");
    return this.loadedName;
  }
  set name(v: string) {
    this.ctx.enqueue({ op: "setTableName", args: v, run: () => this.ctx.host.state.renameTable(this.resolve(), v) });
  }

  /** The table's range, header included. */
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      if (!this.ctx.host.state.tables.includes(t)) fail("ItemNotFound", `The table ${t.name} was deleted.`);
      return { sheet: t.sheet, rect: t.rect };
    });
  }

  /** Turns the table into plain cells (contents kept). */
  convertToRange(): void {
    this.remove("convertToRange", false);
  }

  /** Deletes the table and its cells' contents. */
  delete(): void {
    this.remove("deleteTable", true);
  }

  /** Queues the removal of the table, and of its cells' contents when `clear`. */
  private remove(op: string, clear: boolean): void {
    this.ctx.enqueue({
      op,
      args: null,
      run: () => {
        const t = this.resolve();
        const state = this.ctx.host.state;
        if (!state.tables.includes(t)) fail("ItemNotFound", `The table ${t.name} was deleted.`);
        state.tables = state.tables.filter((x) => x !== t);
        if (clear) t.sheet.clear(t.rect);
      },
    });
  }
}

abstract class FakeTableCollectionBase implements XlTableCollection {
  private loadedItems: FakeTable[] | null = null;

  constructor(protected readonly ctx: FakeRequestContext) {}

  protected abstract all(): TableState[];

  get items(): FakeTable[] {
    if (!this.loadedItems) fail("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loadedItems;
  }

  /** Queues a load of the tables' names. */
  load(propertyNames?: string | string[]): XlTableCollection {
    const props = parseLoad(propertyNames).map((p) => p.replace(/^items\//, ""));
    for (const p of props) if (p !== "name" && p !== "items") fail("InvalidArgument", `Cannot load unknown property '${p}'.`);
    this.ctx.enqueue({
      op: "loadTables",
      args: props,
      run: () => {
        const tables = this.all();
        const names = tables.map((t) => t.name);
        return {
          data: names,
          publish: () => {
            this.loadedItems = tables.map((t, i) => {
              const proxy = new FakeTable(this.ctx, () => t);
              proxy.accept(names[i]);
              return proxy;
            });
          },
        };
      },
    });
    return this;
  }

  /** The table of that name; ItemNotFound at sync when missing. */
  getItem(key: string): FakeTable {
    const find = (): TableState => this.ctx.host.state.table(key) ?? fail("ItemNotFound", `The table ${key} doesn't exist.`);
    this.ctx.enqueue({ op: "getTable", args: key, run: () => void find() });
    let bound: TableState | null = null;
    return new FakeTable(this.ctx, () => (bound ??= find()));
  }

  /** Adds a table over a range (or an address on this sheet / a qualified address). */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableState | null = null;
    this.ctx.enqueue({
      op: "addTable",
      args: [typeof address === "string" ? address : "<range>", hasHeaders],
      run: () => {
        const { sheet, rect } = this.locate(address);
        if (!hasHeaders) fail("InvalidArgument", "The fake only models tables whose first row is the header.");
        created = this.ctx.host.state.addTable(sheet, rect);
      },
    });
    return new FakeTable(this.ctx, () => created ?? fail("ItemNotFound", "The table was not created."));
  }

  private locate(address: FakeRange | string): { sheet: SheetState; rect: ReturnType<typeof parseAddress> } {
    if (typeof address !== "string") return address.target();
    const bang = address.lastIndexOf("!");
    const sheetName = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : this.defaultSheet()?.name;
    const sheet = sheetName ? this.ctx.host.state.sheet(sheetName) : undefined;
    if (!sheet) fail("ItemNotFound", `No sheet for table address ${address}`);
    return { sheet, rect: parseAddress(bang >= 0 ? address.slice(bang + 1) : address) };
  }

  protected abstract defaultSheet(): SheetState | null;
}

/** Worksheet.tables: the tables on one sheet. */
export class FakeSheetTables extends FakeTableCollectionBase {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  protected all(): TableState[] {
    const s = this.sheet();
    return this.ctx.host.state.tables.filter((t) => t.sheet === s);
  }
  protected defaultSheet(): SheetState {
    return this.sheet();
  }
}

/** Workbook.tables: every table. */
export class FakeWorkbookTables extends FakeTableCollectionBase {
  protected all(): TableState[] {
    return this.ctx.host.state.tables;
  }
  protected defaultSheet(): SheetState | null {
    return this.ctx.host.state.active;
  }
}
