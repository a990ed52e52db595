/**
 * Why a workbook could not be read; the CLI turns each kind into a message in the user's language.
 * "damaged": the package is broken (see `ReadDamage`); "tooLarge": it is within the rules but past the
 * reader's bounds (a zip bomb, more cells than memory allows).
 */
export type ReadErrorKind = "missing" | "notFile" | "unreadable" | "notWorkbook" | "encrypted" | "legacyXls" | "damaged" | "tooLarge";

/** What exactly is broken (or too large) in a package: the rule it breaks, and where. */
export type DamageCode =
  /** The zip structure itself (directory, headers, offsets) cannot be read. */
  | "zip"
  /** An entry's data does not match its CRC-32. */
  | "crc"
  /** An entry's compressed (deflate) data is damaged. */
  | "deflate"
  /** An entry holds more or less data than its header declares. */
  | "size"
  /** Two entries with the same name (part names are case-insensitive). */
  | "duplicate"
  /** An entry uses a compression method or encryption a workbook never uses. */
  | "method"
  /** A part named by the package's relationships is not in the zip. */
  | "missingPart"
  /** A part is not well-formed XML (or declares a DTD / entities, which workbooks never do). */
  | "notXml"
  /** A cell address past XFD1048576 or not an address at all. */
  | "cellAddress"
  /** A row number past 1,048,576 or not a number. */
  | "rowAddress"
  /** A sheet with more than 1,048,576 rows. */
  | "tooManyRows"
  /** A cell whose value contradicts its type (a number that is not one, a missing shared string). */
  | "cellValue"
  /** tooLarge: the parts inflate past the cap (a zip bomb). */
  | "inflation"
  /** tooLarge: one XML item (text, attribute, comment) past the reader's bound. */
  | "xmlItem"
  /** tooLarge: more cells (counting blanks inside rows) or shared strings than memory allows. */
  | "cells";

/** The details of a damaged or too-large package, as data (the CLI words it). */
export interface ReadDamage {
  code: DamageCode;
  /** The zip entry / package part concerned. */
  part?: string;
  /** The sheet concerned (its tab name). */
  sheet?: string;
  /** The cell (A1 style) or row number concerned. */
  cell?: string;
  /** Extra facts for the message: the bad value, a limit, a library's message. */
  detail?: string;
}

/** A workbook that cannot be read, with the reason as data (no language baked in). */
export class WorkbookReadError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    readonly file: string,
    readonly detail?: string,
    readonly damage?: ReadDamage,
  ) {
    super(`${kind}: ${file}${damage ? ` [${damage.code}${damage.part ? ` ${damage.part}` : ""}${damage.sheet ? ` ${damage.sheet}` : ""}${damage.cell ? `!${damage.cell}` : ""}]` : ""}${detail ? ` (${detail})` : ""}`);
    this.name = "WorkbookReadError";
  }
}

/** A reading failure found deep in a part, before the file name is known; read-workbook.ts adds the file. */
export class PackageDamage extends Error {
  constructor(
    readonly kind: "damaged" | "tooLarge",
    readonly damage: ReadDamage,
  ) {
    super(`${kind}: ${damage.code}${damage.part ? ` ${damage.part}` : ""}${damage.detail ? ` (${damage.detail})` : ""}`);
    this.name = "PackageDamage";
  }
}

/** Shorthand: a damaged-package failure. */
export function damaged(code: DamageCode, where: Omit<ReadDamage, "code"> = {}): PackageDamage {
  return new PackageDamage("damaged", { code, ...where });
}

/** Shorthand: a too-large-package failure. */
export function tooLarge(code: DamageCode, where: Omit<ReadDamage, "code"> = {}): PackageDamage {
  return new PackageDamage("tooLarge", { code, ...where });
}
