import { META_SHEET_NAME, metaRows, type TabPlan, type TemplatePlan, type WritePlan } from "../core/output-tabs/write-plan";
import { writeAtomically } from "./atomic-write";
import { chartXml, drawingRelsXml, drawingXml } from "./chart-xml";
import {
  contentTypesXml,
  docPropsXml,
  rootRelsXml,
  sheetRelsXml,
  workbookRelsXml,
  workbookXml,
  type SheetPart,
} from "./package-parts";
import { SharedStrings } from "./shared-strings";
import { commentsVml, commentsXml, hasComments } from "./sheet-extras";
import { headerRole, plainSheetXml, sheetXml, tableXml } from "./sheet-xml";
import { themeXml } from "./theme-xml";
import { StyleSheet } from "./style-sheet";
import { ZipWriter } from "./zip-writer";

/** Progress of a write: the tab being written and its rows done. */
export type WriteProgress = (tab: string, rowsDone: number, rowsTotal: number) => void;

/** Deflate level of big parts (see isBigSheet; a table of 20,000+ texts). */
export const BIG_PART_LEVEL = 2;

/** Cells (rows × columns) from which a sheet is big whatever its rows: 20,000 rows of 20 columns. */
export const BIG_SHEET_CELLS = 400000;

/**
 * True for a sheet deflated at BIG_PART_LEVEL: over 20,000 rows, or over BIG_SHEET_CELLS cells. The size
 * counts, not the rows alone: the history of 20,000 customers and 24 runs is 50 columns, 40 MB of XML, and
 * level 6 spent 0.28 s CPU on it where level 2 spends 0.07 s (for 3.4 MB instead of 2.7 MB).
 */
export function isBigSheet(tab: Pick<TabPlan<string>, "rows" | "columns">): boolean {
  return tab.rows.length > 20000 || tab.rows.length * tab.columns.length > BIG_SHEET_CELLS;
}

/** Rows in an Excel worksheet. */
const MAX_SHEET_ROWS = 1048576;

const BAD_SHEET_CHARS = /[\[\]:*?/\\]/;

/** Checks a sheet name is one Excel accepts; a bad one is a bug in the plan, not something to rename silently. */
function checkSheetName(name: string): void {
  if (!name || name.length > 31 || BAD_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
    throw new Error(`invalid sheet name in write plan: "${name}"`);
  }
}

/** A valid, unique Excel table name from the plan's (letters, digits, underscore; not a cell reference). */
function tableNameFor(wanted: string, used: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  // "A1", "R1C1" and "C" / "R" would be read as references.
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc](\d*|\d+[RrCc]\d*)$/.test(base)) base = `T_${base}`;
  let name = base.slice(0, 250);
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 240)}_${n}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * Writes a WritePlan as an .xlsx file: every tab a real Excel table (filter buttons, light style), frozen
 * header, widths, number formats, fills block by block, text as shared strings (never formulas), the
 * metadata sheet very hidden, a chart where the plan has one. Streams sheet by sheet, so memory stays
 * bounded by the plan itself plus the shared-string table.
 */
export async function writePlanToFile(plan: WritePlan | TemplatePlan, file: string, progress?: WriteProgress): Promise<void> {
  const tabs: TabPlan<string>[] = plan.tabs;
  const names = new Set<string>();
  for (const t of tabs) {
    checkSheetName(t.name);
    if (names.has(t.name.toLowerCase())) throw new Error(`duplicate sheet name in write plan: "${t.name}"`);
    names.add(t.name.toLowerCase());
    if (t.rows.length + 1 > MAX_SHEET_ROWS) {
      throw new Error(`tab "${t.name}" has ${t.rows.length} rows; an Excel sheet holds ${MAX_SHEET_ROWS - 1} under its header`);
    }
  }
  const usedTables = new Set<string>();
  let chartNo = 0;
  let commentsNo = 0;
  const parts: SheetPart[] = tabs.map((t, i) => ({
    name: t.name,
    state: "visible",
    table: i + 1,
    chart: t.chart ? ++chartNo : undefined,
    comments: hasComments(t) ? ++commentsNo : undefined,
    printTitles: true,
  }));
  // Further charts share their sheet's drawing; their parts are numbered after every first chart.
  tabs.forEach((t, i) => {
    if (t.chart && t.extraCharts?.length) parts[i].extraCharts = t.extraCharts.map(() => ++chartNo);
  });
  // The workbook opens on the plan's active tab (the roster); the first tab otherwise.
  const active = plan.template ? 0 : Math.max(0, tabs.findIndex((t) => t.id === plan.activeTab));
  if (!plan.template) parts.push({ name: META_SHEET_NAME, state: "veryHidden" });
  const tableNames = tabs.map((t) => tableNameFor(t.tableName, usedTables));

  const styles = new StyleSheet();
  const strings = new SharedStrings();
  // Styles must precede the sheets in the zip: streaming readers (ExcelJS's) apply number formats only
  // when styles.xml has been read before a sheet. So every look is registered before anything is written.
  tabs.forEach((t) => {
    styles.xf({ numberFormat: "General", role: "header" });
    styles.xf({ numberFormat: "General", role: "editableHeader" });
    t.columns.forEach((c) => styles.xf({ numberFormat: c.numberFormat, wrap: c.wrap }));
    t.columns.forEach((c) => styles.xf({ numberFormat: "General", role: headerRole(c) }));
    for (const b of t.styles) {
      for (let c = b.col; c < Math.min(b.col + b.cols, t.columns.length); c++) {
        styles.xf({ numberFormat: t.columns[c].numberFormat, role: b.role, wrap: t.columns[c].wrap });
      }
    }
    for (const r of t.conditional ?? []) styles.dxf(r.role);
  });

  const zip = await ZipWriter.create(file);
  try {
    const props = docPropsXml(plan.template ? new Date().toISOString() : plan.meta.runAt);
    await zip.add("[Content_Types].xml", contentTypesXml(parts));
    await zip.add("_rels/.rels", rootRelsXml());
    await zip.add("xl/workbook.xml", workbookXml(parts, active));
    await zip.add("xl/_rels/workbook.xml.rels", workbookRelsXml(parts));
    await zip.add("xl/theme/theme1.xml", themeXml());
    await zip.add("xl/styles.xml", styles.xml());
    for (let i = 0; i < tabs.length; i++) {
      const tab = tabs[i];
      const part = parts[i];
      const chunks = sheetXml(tab, styles, strings, {
        selected: i === active,
        lang: plan.lang,
        links: { tableRelId: "rId1", drawingRelId: part.chart ? "rId2" : undefined, legacyDrawingRelId: part.comments ? "rId3" : undefined },
        onRow: progress ? (done) => progress(tab.name, done, tab.rows.length) : undefined,
      });
      // Big sheets favour speed (levels 1–2 are ~3x faster than 6 for ~15% larger files; on our sheets level 2
      // makes 8% less than level 1 for ~10% more deflate time, a tenth of a second at 100,000 customers).
      await zip.addStream(`xl/worksheets/sheet${i + 1}.xml`, chunks, isBigSheet(tab) ? BIG_PART_LEVEL : 6);
      const rels = sheetRelsXml(part);
      if (rels) await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels);
      await zip.add(`xl/tables/table${part.table}.xml`, tableXml(tab, i + 1, tableNames[i]));
      if (part.chart && tab.chart) {
        const extras = part.extraCharts ?? [];
        await zip.add(`xl/drawings/drawing${part.chart}.xml`, drawingXml(tab, 1 + extras.length));
        await zip.add(`xl/drawings/_rels/drawing${part.chart}.xml.rels`, drawingRelsXml(part.chart, extras));
        await zip.add(`xl/charts/chart${part.chart}.xml`, chartXml(tab, tab.chart));
        for (let k = 0; k < extras.length; k++) await zip.add(`xl/charts/chart${extras[k]}.xml`, chartXml(tab, tab.extraCharts![k]));
      }
      if (part.comments) {
        await zip.add(`xl/comments${part.comments}.xml`, commentsXml(tab));
        await zip.add(`xl/drawings/vmlDrawing${part.comments}.vml`, commentsVml(tab, part.comments));
      }
    }
    if (!plan.template) await zip.add(`xl/worksheets/sheet${parts.length}.xml`, plainSheetXml(metaRows(plan.meta), strings));
    // A big table (100,000 customers' names, keys, measures) favours speed as the big sheets do.
    await zip.addStream("xl/sharedStrings.xml", strings.xml(), strings.size > 20000 ? BIG_PART_LEVEL : 6);
    // Not last by accident: ExcelJS's streaming reader drops the zip's final entry when the entry before
    // it was a worksheet it had to buffer, and it must not be the shared strings.
    await zip.add("docProps/app.xml", props.app);
    await zip.add("docProps/core.xml", props.core);
    await zip.finish();
  } catch (e) {
    await zip.abort();
    throw e;
  }
}

/**
 * Writes the plan atomically: into a temporary file in the target's folder (same file system), then a
 * rename over the target, so a failure halfway leaves the previous output as it was.
 */
export async function writePlanAtomic(plan: WritePlan | TemplatePlan, file: string, progress?: WriteProgress): Promise<void> {
  await writeAtomically(file, (tmp) => writePlanToFile(plan, tmp, progress));
}
