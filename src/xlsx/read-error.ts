/** Why a workbook could not be read; the CLI turns each kind into a message in the user's language. */
export type ReadErrorKind = "missing" | "notFile" | "unreadable" | "notWorkbook" | "encrypted" | "legacyXls" | "damaged";

/** A workbook that cannot be read, with the reason as data (no language baked in). */
export class WorkbookReadError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    readonly file: string,
    readonly detail?: string,
  ) {
    super(`${kind}: ${file}${detail ? ` (${detail})` : ""}`);
    this.name = "WorkbookReadError";
  }
}
