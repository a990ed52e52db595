import type { WorkbookModel } from "../core/workbook/grid";
import { readPackage, type PackageReadOptions } from "./fast-read";
import { PackageDamage, WorkbookReadError } from "./read-error";
import { sniffWorkbookFile } from "./sniff-file";
import { ZipPackage } from "./zip-reader";

/** Progress of a read: the sheet being read and its rows so far. */
export type ReadProgress = (sheet: string, rows: number) => void;

/** Options of a read. */
export interface ReadOptions {
  /** Read only these sheets (by tab name); the others come back empty, in their place. */
  only?: readonly string[];
  /** Sheets to read before the others, named one by one from what was read (see PackageReadOptions). */
  readFirst?: PackageReadOptions["readFirst"];
  /** Which cells of a sheet to keep, decided as it streams (see PackageReadOptions). */
  filter?: PackageReadOptions["filter"];
}

/**
 * Reads every worksheet of an .xlsx file into the workbook model, streaming, so a register of 100,000
 * customers is held once, as plain arrays. One reader (yauzl and zlib for the zip; for the XML, a byte scanner
 * for what writers make and saxes for the rest and for deciding any failure; our own code for cells): a valid
 * workbook is read exactly, a broken or hostile one refused. Sheets for which `skip`
 * says so, or not in `options.only`, come back empty (named, rows not read).
 * Throws WorkbookReadError: missing file, a non-workbook, a password-protected or old .xls workbook,
 * "damaged" (with `damage` saying what and where) or "tooLarge" (a zip bomb, more cells than memory allows).
 * `engine` is accepted for compatibility: there is one reader.
 */
export async function readWorkbookFile(
  file: string,
  progress?: ReadProgress,
  skip?: (sheet: string) => boolean,
  options: ReadOptions | "auto" | "exceljs" = {},
): Promise<WorkbookModel> {
  await sniffWorkbookFile(file);
  const opts = typeof options === "object" ? options : {};
  const only = opts.only ? new Set(opts.only) : undefined;
  const skipSheet = (sheet: string): boolean => (skip?.(sheet) ?? false) || (only !== undefined && !only.has(sheet));
  let zip: ZipPackage | undefined;
  try {
    zip = await ZipPackage.open(file);
    return await readPackage(zip, file, { progress, skip: skipSheet, readFirst: opts.readFirst, filter: opts.filter });
  } catch (e) {
    if (e instanceof PackageDamage) throw new WorkbookReadError(e.kind, file, e.damage.detail, e.damage);
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EISDIR") throw new WorkbookReadError("unreadable", file, code);
    throw new WorkbookReadError("damaged", file, e instanceof Error ? e.message : String(e), { code: "zip", detail: e instanceof Error ? e.message : String(e) });
  } finally {
    zip?.close();
  }
}
