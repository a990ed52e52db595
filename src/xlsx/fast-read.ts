import type { SheetGrid, WorkbookModel } from "../core/workbook/grid";
import { isDateFormat } from "../core/values/serial-date";
import { damaged, WorkbookReadError } from "./read-error";
import { readCellFormats } from "./read-styles";
import { MAX_CELL_SLOTS, type CellBudget, type RowFilter } from "./sheet-rows";
import { readSharedStringsPart, readSheetGrid } from "./sheet-scan";
import {
  findMainPart, InflationBudget, inflationCap, isBinaryMain, isRelType, readContentTypes, readPart, readRelationships,
  readWorkbookPart, type Relationship,
} from "./package-map";
import type { ZipPackage } from "./zip-reader";

/** Progress of a read: the sheet being read and its rows so far. */
export type FastReadProgress = (sheet: string, rows: number) => void;

/** Which sheets to read and how to report progress. */
export interface PackageReadOptions {
  progress?: FastReadProgress;
  /** Sheets for which this is true come back empty (named, in their place, rows not read). */
  skip?: (sheet: string) => boolean;
  /**
   * Sheets read before the others: called with the sheets read so far, it names the next one to read first
   * (e.g. the metadata sheet, then a sheet it names); undefined when the rest may follow in tab order.
   */
  readFirst?: (read: readonly SheetGrid[]) => string | undefined;
  /** A row filter for a sheet about to be read, chosen with the sheets read so far; undefined keeps every cell. */
  filter?: (sheet: string, read: readonly SheetGrid[]) => RowFilter | undefined;
}

/**
 * Reads a workbook package into the model. Every part is found through the package's relationships
 * (`_rels/.rels`, the workbook's rels) and `[Content_Types].xml`, whatever the case of its name; shared
 * strings and styles are read before any sheet (the zip's entry order does not matter); sheets come in tab
 * order. Throws WorkbookReadError ("notWorkbook") or PackageDamage; nothing is kept from a failed read.
 */
export async function readPackage(zip: ZipPackage, file: string, opts: PackageReadOptions = {}): Promise<WorkbookModel> {
  const budget = new InflationBudget(inflationCap(zip.fileSize));
  const ct = await readContentTypes(zip, budget);
  const main = await findMainPart(zip, ct, budget);
  if (!main) throw new WorkbookReadError("notWorkbook", file, "no workbook part in the package");
  if (isBinaryMain(main.type)) throw new WorkbookReadError("notWorkbook", file, "a binary workbook (.xlsb)");
  const { sheets: refs, date1904 } = await readWorkbookPart(zip, main.part, budget);
  const rels = await readRelationships(zip, main.part, budget);
  const byId = new Map<string, Relationship>(rels.map((r) => [r.id, r]));

  const partOf = (kind: string): string | undefined => rels.find((r) => isRelType(r, kind) && r.target)?.target;
  let strings: string[] = [];
  const sst = partOf("sharedStrings");
  if (sst) {
    const entry = zip.find(sst);
    if (!entry) throw damaged("missingPart", { part: sst });
    budget.take(entry);
    strings = await readSharedStringsPart(() => zip.stream(entry), entry.name);
  }
  let formats: string[] = [];
  const styles = partOf("styles");
  if (styles) {
    const entry = zip.find(styles);
    if (!entry) throw damaged("missingPart", { part: styles });
    await readPart(zip, entry, budget, async (chunks) => {
      formats = await readCellFormats(chunks, entry.name);
    });
  }
  const dateStyle = formats.map(isDateFormat);
  const cells: CellBudget = { left: MAX_CELL_SLOTS };

  const out: SheetGrid[] = refs.map((ref) => ({ name: ref.name, values: [], kinds: [], formats: [], top: 0, left: 0, hidden: ref.hidden }));
  const read: SheetGrid[] = [];
  const readSheet = async (i: number): Promise<void> => {
    const ref = refs[i];
    const grid = out[i];
    read.push(grid);
    const rel = byId.get(ref.rid);
    if (!rel || !rel.target) throw damaged("missingPart", { part: main.part, sheet: ref.name, detail: `relationship "${ref.rid}"` });
    // Chart sheets, dialog sheets and macro sheets hold no cells.
    if (!isRelType(rel, "worksheet")) return;
    const entry = zip.find(rel.target);
    if (!entry) throw damaged("missingPart", { part: rel.target, sheet: ref.name });
    if (opts.skip?.(ref.name)) return;
    // A new filter for each reading of the part (a second one when the byte scanner gives up).
    const filter = opts.filter ? () => opts.filter?.(ref.name, read) : undefined;
    budget.take(entry);
    await readSheetGrid(() => zip.stream(entry), { part: entry.name, sheet: ref.name, strings, formats, dateStyle, date1904, budget: cells, progress: opts.progress, filter }, grid);
  };
  const done = new Set<number>();
  for (let name = opts.readFirst?.(read); name !== undefined; name = opts.readFirst?.(read)) {
    const i = refs.findIndex((r, k) => r.name === name && !done.has(k));
    if (i < 0) break;
    done.add(i);
    await readSheet(i);
  }
  for (let i = 0; i < refs.length; i++) if (!done.has(i)) await readSheet(i);
  return { sheets: out };
}
