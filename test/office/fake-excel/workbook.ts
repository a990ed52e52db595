import type { XlApplication, XlWorkbook, XlWorkbookProtection } from "../../../src/office/excel-subset";
import { FakeClientObject } from "./client-object";
import type { WorkbookState } from "./workbook-state";
import type { FakeRequestContext } from "./context";
import { FakeWorkbookTables } from "./tables";
import { FakeWorksheetCollection } from "./worksheet";
import { FakeRange } from "./range";
import { FakeFunctions } from "./functions";

/** Excel.Workbook over the fake. */
export class FakeWorkbook implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeWorkbookTables;
  readonly application: XlApplication;
  readonly protection: FakeWorkbookProtection;
  readonly functions: FakeFunctions;

  /** The selection (a cell of the active sheet); Excel always has one, the fake A1 of the first sheet if none was made. */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.host.state.selection;
      if (sel) return sel;
      const first = this.ctx.host.state.sheets[0];
      return first ? { sheet: first, rect: { row: 0, col: 0, rows: 1, cols: 1 } } : null;
    });
  }

  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeWorkbookTables(ctx);
    this.protection = new FakeWorkbookProtection(ctx, () => ctx.host.state);
    this.functions = new FakeFunctions(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.enqueue({ op: "suspendApiCalculationUntilNextSync", args: null, run: () => void ctx.host.stats.suspendCalculation++ }),
      suspendScreenUpdatingUntilNextSync: () =>
        ctx.enqueue({ op: "suspendScreenUpdatingUntilNextSync", args: null, run: () => void ctx.host.stats.suspendScreenUpdating++ }),
    };
  }
}

/** Excel.WorkbookProtection over the fake: `protected` is the structure protection. */
export class FakeWorkbookProtection extends FakeClientObject<WorkbookState> implements XlWorkbookProtection {
  protected loadable(): string[] {
    return ["protected"];
  }
  protected snapshot(state: WorkbookState): Record<string, unknown> {
    return { protected: state.structureProtected };
  }
  get protected(): boolean {
    return this.read("protected");
  }
  /** Queues a load. */
  load(propertyNames?: string | string[]): FakeWorkbookProtection {
    this.queueLoad(propertyNames);
    return this;
  }
}
