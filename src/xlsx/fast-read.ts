import { parseRange, type CellKind, type MergedArea, type RawValue, type SheetGrid, type WorkbookModel } from "../core/workbook/grid";
import { decodeXml } from "./read-shared-strings";
import { parseSheetRows } from "./sheet-rows";
import { zipEntryStream } from "./zip-entry-stream";
import { readZipEntry, type ZipEntryInfo } from "./zip-reader";
import { RowInterner } from "./row-interner";

/** Progress of a read: the sheet being read and its rows so far. */
export type FastReadProgress = (sheet: string, rows: number) => void;

interface SheetRef {
  name: string;
  hidden: boolean;
  path: string;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

/** True for a number format that shows a date or time (quoted text, [colours] and escapes ignored). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[ymdhs]/i.test(bare) && !/^General$/i.test(bare);
}

/** The sheets of xl/workbook.xml in tab order, with the part each one lives in. */
async function sheetRefs(file: string, entries: ZipEntryInfo[]): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const get = (name: string): ZipEntryInfo | undefined => entries.find((e) => e.name === name);
  const wbEntry = get("xl/workbook.xml");
  const relsEntry = get("xl/_rels/workbook.xml.rels");
  if (!wbEntry || !relsEntry) throw new Error("workbook part or its relationships missing");
  const wb = (await readZipEntry(file, wbEntry)).toString("utf8");
  const rels = (await readZipEntry(file, relsEntry)).toString("utf8");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const sheets: SheetRef[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[0]);
    const target = rid ? targets.get(rid[1] ?? rid[2]) : undefined;
    if (!name || !target) continue;
    const state = attr(m[0], "state");
    sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", path: target });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(wb);
  const d = pr ? attr(pr[0], "date1904") : undefined;
  return { sheets, date1904: d === "1" || d === "true" };
}

/**
 * Reads every worksheet straight from the package: each sheet's XML is inflated and scanned as it
 * streams, rows become plain arrays at once. About 3× faster than ExcelJS's streaming reader (no Row and
 * Cell objects) and exact where it is not: a formula's cached error keeps its own text, booleans stay
 * booleans, inline rich text keeps all its runs.
 */
export async function fastReadWorkbook(
  file: string,
  entries: ZipEntryInfo[],
  strings: string[],
  formats: string[],
  progress?: FastReadProgress,
  skip?: (sheet: string) => boolean,
): Promise<WorkbookModel> {
  const { sheets: refs, date1904 } = await sheetRefs(file, entries);
  const dateStyle = formats.map(isDateFormat);
  const out: SheetGrid[] = [];
  for (const ref of refs) {
    const entry = entries.find((e) => e.name === ref.path);
    const values: RawValue[][] = [];
    const kinds: CellKind[][] = [];
    const fmts: string[][] = [];
    const grid: SheetGrid = { name: ref.name, values, kinds, formats: fmts, top: 0, left: 0, hidden: ref.hidden };
    out.push(grid);
    if (!entry || skip?.(ref.name)) continue;
    const kindRows = new RowInterner<CellKind>();
    const formatRows = new RowInterner<string>();
    const EMPTY_KINDS: CellKind[] = [];
    const EMPTY_FORMATS: string[] = [];
    const mergeRefs: string[] = [];
    for await (const row of parseSheetRows(zipEntryStream(file, entry), strings, mergeRefs)) {
      if (row.cells.length === 0) continue;
      const vals: RawValue[] = [];
      const ks: CellKind[] = [];
      const fs: string[] = [];
      for (const c of row.cells) {
        if (c.col < 0) continue;
        while (vals.length < c.col) {
          vals.push(null);
          ks.push("empty");
          fs.push("General");
        }
        let v = c.value;
        // The 1904 date system counts from 1904-01-01; the model speaks the 1900 system's serials.
        if (date1904 && typeof v === "number" && dateStyle[c.style]) v += 1462;
        vals[c.col] = v;
        ks[c.col] = c.kind;
        fs[c.col] = formats[c.style] ?? "General";
      }
      while (values.length < row.row) {
        values.push([]);
        kinds.push(EMPTY_KINDS);
        fmts.push(EMPTY_FORMATS);
      }
      values[row.row] = vals;
      kinds[row.row] = kindRows.intern(ks);
      fmts[row.row] = formatRows.intern(fs);
      if (progress && row.row % 5000 === 0) progress(ref.name, row.row);
    }
    // Merged areas (the grid starts at A1, so sheet and grid coordinates agree); header rows need them.
    grid.merges = mergeRefs.map(parseRange).filter((m): m is MergedArea => m !== null);
  }
  return { sheets: out };
}
