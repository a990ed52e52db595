import type { XlApplication, XlWorkbook } from "../../../src/office/excel-subset";
import type { FakeRequestContext } from "./context";
import { FakeWorkbookTables } from "./tables";
import { FakeWorksheetCollection } from "./worksheet";

/** Excel.Workbook over the fake. */
export class FakeWorkbook implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeWorkbookTables;
  readonly application: XlApplication;

  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeWorkbookTables(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.enqueue({ op: "suspendApiCalculationUntilNextSync", args: null, run: () => void ctx.host.stats.suspendCalculation++ }),
      suspendScreenUpdatingUntilNextSync: () =>
        ctx.enqueue({ op: "suspendScreenUpdatingUntilNextSync", args: null, run: () => void ctx.host.stats.suspendScreenUpdating++ }),
    };
  }
}
