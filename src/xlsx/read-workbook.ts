import ExcelJS from "exceljs";
import type { CellKind, RawValue, SheetGrid, WorkbookModel } from "../core/workbook/grid";
import { toModelCell } from "./cell-value";
import { WorkbookReadError } from "./read-error";
import { parseSharedStrings } from "./read-shared-strings";
import { parseCellFormats } from "./read-styles";
import { sniffWorkbookFile } from "./sniff-file";
import { fastReadWorkbook } from "./fast-read";
import { listZipEntries, readZipEntry, type ZipEntryInfo } from "./zip-reader";
import { RowInterner } from "./row-interner";

/** Progress of a read: the sheet being read and its rows so far. */
export type ReadProgress = (sheet: string, rows: number) => void;

/** What the streaming WorksheetReader has at run time but its type declaration leaves out. */
interface SheetReaderInfo {
  name?: string;
  state?: string;
}

/** The parts of an ExcelJS row and cell the reader uses. */
interface StreamCell {
  value: unknown;
  type: number;
  /** A formula's cached result; read here because `value` drops a result of 0, "" or NaN (ExcelJS's `if (value)`). */
  result?: unknown;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  eachCell(opts: { includeEmpty: boolean }, cb: (cell: StreamCell, col: number) => void): void;
}

/**
 * Raised when the streaming reader hands over `{sharedString: n}`: it parsed a sheet before the shared
 * strings (ExcelJS loses a final sharedStrings.xml entry that follows a buffered sheet), so the file is
 * read again in memory rather than turning text into "[object Object]".
 */
class SharedStringsUnresolved extends Error {}

/** Reads one worksheet row by row into a grid (values from A1, so top = left = 0). */
async function readSheet(ws: AsyncIterable<StreamRow> | Iterable<StreamRow>, name: string, hidden: boolean, progress?: ReadProgress, skip = false): Promise<SheetGrid> {
  const values: RawValue[][] = [];
  const kinds: CellKind[][] = [];
  const formats: string[][] = [];
  const kindRows = new RowInterner<CellKind>();
  const formatRows = new RowInterner<string>();
  const formatNames = new Map<string, string>();
  const EMPTY_KINDS: CellKind[] = [];
  const EMPTY_FORMATS: string[] = [];
  for await (const row of ws) {
    // A skipped sheet is still parsed to its end (the zip is one stream) but nothing of it is kept.
    if (skip) continue;
    const r = row.number - 1;
    const vals: RawValue[] = [];
    const ks: CellKind[] = [];
    const fs: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cell.value;
      if (cell.type === ExcelJS.ValueType.SharedString || (typeof v === "object" && v !== null && "sharedString" in v)) {
        throw new SharedStringsUnresolved();
      }
      const m = cell.type === ExcelJS.ValueType.Formula ? toModelCell({ formula: true, result: cell.result }) : toModelCell(v);
      if (m.kind === "empty") return;
      const c = col - 1;
      while (vals.length < c) {
        vals.push(null);
        ks.push("empty");
        fs.push("General");
      }
      vals[c] = m.value;
      ks[c] = m.kind;
      const f = cell.numFmt || "General";
      let shared = formatNames.get(f);
      if (shared === undefined) {
        shared = f;
        formatNames.set(f, f);
      }
      fs[c] = shared;
    });
    if (vals.length === 0) continue;
    while (values.length < r) {
      values.push([]);
      kinds.push(EMPTY_KINDS);
      formats.push(EMPTY_FORMATS);
    }
    values[r] = vals;
    kinds[r] = kindRows.intern(ks);
    formats[r] = formatRows.intern(fs);
    if (progress && r % 5000 === 0) progress(name, r);
  }
  return { name, values, kinds, formats, top: 0, left: 0, hidden };
}

/**
 * Reads every worksheet of an .xlsx file into the workbook model, streaming, so a register of 100,000
 * customers is held once, as plain arrays: by default with the fast path (fast-read.ts), falling back to
 * ExcelJS's streaming reader (then in-memory reader) for packages the fast path does not handle.
 * Sheets for which `skip` says so come back empty (named, rows not kept).
 * Throws WorkbookReadError for a missing file, a non-workbook, or a password-protected workbook.
 */
export async function readWorkbookFile(
  file: string,
  progress?: ReadProgress,
  skip?: (sheet: string) => boolean,
  engine: "auto" | "exceljs" = "auto",
): Promise<WorkbookModel> {
  await sniffWorkbookFile(file);
  if (engine === "auto") {
    const fast = await tryFastRead(file, progress, skip);
    if (fast) return fast;
  }
  try {
    return await readStreaming(file, progress, skip);
  } catch (e) {
    if (!(e instanceof SharedStringsUnresolved)) throw e;
  }
  try {
    return await readInMemory(file, progress, skip);
  } catch (e) {
    throw new WorkbookReadError("damaged", file, e instanceof Error ? e.message : String(e));
  }
}

/**
 * The fast path (fast-read.ts): the package's directory, shared strings and formats read by random access,
 * sheets scanned as they inflate. null when the package is one it does not handle (ZIP64, unusual part
 * names, anything that throws): ExcelJS then reads it.
 */
async function tryFastRead(file: string, progress?: ReadProgress, skip?: (sheet: string) => boolean): Promise<WorkbookModel | null> {
  let tables: PackageTables | null;
  try {
    tables = await readPackageTables(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    return null;
  }
  if (!tables) return null;
  try {
    return await fastReadWorkbook(file, tables.entries, tables.strings, tables.formats, progress, skip);
  } catch {
    return null;
  }
}

/** The in-memory fallback (more memory, same model) for packages the streaming reader mis-orders. */
async function readInMemory(file: string, progress?: ReadProgress, skip?: (sheet: string) => boolean): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: SheetGrid[] = [];
  for (const ws of wb.worksheets) {
    const rows: StreamRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => rows.push(row as unknown as StreamRow));
    sheets.push(await readSheet(rows, ws.name, ws.state === "hidden" || ws.state === "veryHidden", progress, skip?.(ws.name) ?? false));
  }
  return { sheets };
}

/** Shared strings and cell formats read straight from the package, handed to ExcelJS's sheet parser. */
interface PackageTables {
  entries: ZipEntryInfo[];
  strings: string[];
  formats: string[];
}

/**
 * Reads sharedStrings.xml and styles.xml by random access before streaming the sheets. ExcelJS's own
 * streaming reader sometimes misses a sharedStrings.xml that comes after the sheets (seen with
 * LibreOffice files: text then arrives as `{sharedString: n}`), and applies formats only when styles.xml
 * precedes a sheet; reading both first makes the result independent of the zip's entry order.
 */
async function readPackageTables(file: string): Promise<PackageTables | null> {
  const entries = await listZipEntries(file);
  if (!entries) return null;
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new WorkbookReadError("notWorkbook", file, "no xl/workbook.xml in the package");
  }
  const sst = entries.find((e) => e.name === "xl/sharedStrings.xml");
  const styles = entries.find((e) => e.name === "xl/styles.xml");
  return {
    entries,
    strings: sst ? parseSharedStrings((await readZipEntry(file, sst)).toString("utf8")) : [],
    formats: styles ? parseCellFormats((await readZipEntry(file, styles)).toString("utf8")) : [],
  };
}

/** The streaming read: one row object alive at a time. */
async function readStreaming(file: string, progress?: ReadProgress, skip?: (sheet: string) => boolean): Promise<WorkbookModel> {
  const sheets: SheetGrid[] = [];
  let sawWorkbookPart = false;
  let tables: PackageTables | null;
  try {
    tables = await readPackageTables(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    tables = null;
  }
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: "emit",
      sharedStrings: tables ? "ignore" : "cache",
      hyperlinks: "ignore",
      styles: tables ? "ignore" : "cache",
      entries: "emit",
    });
    const events = reader as unknown as NodeJS.EventEmitter & {
      model?: { sheets?: { name?: string }[] };
      sharedStrings?: string[];
      styles?: { getStyleModel(id: number): { numFmt: string } | undefined };
    };
    if (tables) {
      const { strings, formats } = tables;
      const looks = new Map<number, { numFmt: string }>();
      events.styles = {
        getStyleModel(id: number) {
          let look = looks.get(id);
          if (!look) {
            look = { numFmt: formats[id] ?? "General" };
            looks.set(id, look);
          }
          return look;
        },
      };
    }
    events.on("entry", (e: { type?: string }) => {
      if (e.type !== "workbook") return;
      sawWorkbookPart = true;
      // Only now: ExcelJS parses a sheet at once when it has shared strings, and it needs workbook.xml
      // (sheet names) for that; until workbook.xml is seen, sheets must wait in its temp files.
      if (tables) events.sharedStrings = tables.strings;
    });
    for await (const ws of reader) {
      const info = ws as unknown as SheetReaderInfo;
      const name = info.name ?? `Sheet${sheets.length + 1}`;
      const hidden = info.state === "hidden" || info.state === "veryHidden";
      sheets.push(await readSheet(ws as unknown as AsyncIterable<StreamRow>, name, hidden, progress, skip?.(name) ?? false));
    }
    // Sheets arrive in the zip's order; users (and "the first matching sheet") mean the tab order.
    const order = (events.model?.sheets ?? []).map((s) => s.name);
    const pos = (n: string): number => {
      const i = order.indexOf(n);
      return i < 0 ? order.length : i;
    };
    sheets.sort((a, b) => pos(a.name) - pos(b.name));
  } catch (e) {
    if (e instanceof SharedStringsUnresolved) throw e;
    throw new WorkbookReadError("damaged", file, e instanceof Error ? e.message : String(e));
  }
  if (!sawWorkbookPart) throw new WorkbookReadError("notWorkbook", file, "no xl/workbook.xml in the package");
  return { sheets };
}
