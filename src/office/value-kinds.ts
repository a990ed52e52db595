import type { CellKind } from "../core/workbook/grid";
import type { XlValueType } from "./excel-subset";

/** Maps Excel.RangeValueType to the workbook model's cell kind. */
export function kindOfValueType(t: XlValueType): CellKind {
  switch (t) {
    case "Empty":
      return "empty";
    case "Double":
    case "Integer":
      return "number";
    case "Boolean":
      return "boolean";
    case "Error":
      return "error";
    default:
      return "text";
  }
}
