import type { XlFunctionResult, XlFunctions } from "../../../src/office/excel-subset";
import { checkRect } from "./address";
import { FakeClientObject } from "./client-object";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import type { FakeRange } from "./range";

/** What a function call resolves to when its load runs. */
interface Evaluated {
  value: number;
}

/** Excel.FunctionResult over the fake: evaluated where it stands in the batch (the commands before it applied). */
export class FakeFunctionResult extends FakeClientObject<Evaluated> implements XlFunctionResult<number> {
  protected loadable(): string[] {
    return ["value", "error"];
  }
  protected snapshot(t: Evaluated, names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // Office.js gives error null when the function ran.
    for (const n of names) out[n] = n === "value" ? t.value : null;
    return out;
  }
  get value(): number {
    return this.read("value");
  }
  get error(): string {
    return this.read("error");
  }
  /** Queues a load. */
  load(propertyNames?: string | string[]): FakeFunctionResult {
    this.queueLoad(propertyNames);
    return this;
  }
}

/**
 * Excel.Functions over the fake. COUNTA counts the cells that are not empty, as Excel does: a text of no
 * characters (a cell holding only an apostrophe, or pasted from a formula's "") and a formula giving "" count,
 * an empty cell does not.
 */
export class FakeFunctions implements XlFunctions {
  constructor(private readonly ctx: FakeRequestContext) {}

  countA(...values: FakeRange[]): FakeFunctionResult {
    if (values.length === 0 || values.length > 255) fail("InvalidArgument", "COUNTA takes 1 to 255 arguments.");
    return new FakeFunctionResult(this.ctx, () => {
      let value = 0;
      for (const range of values) {
        const { sheet, rect } = range.target();
        checkRect(rect);
        const last = Math.min(rect.row + rect.rows, sheet.rows.length);
        for (let r = rect.row; r < last; r++) {
          const row = sheet.rows[r];
          if (!row) continue;
          for (let c = rect.col; c < rect.col + rect.cols; c++) if (row[c] !== undefined) value++;
        }
      }
      return { value };
    });
  }
}
