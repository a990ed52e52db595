import { readOwnedTabs } from "../core/plan/previous-outputs";
import { META_SHEET_NAME, type OutputMeta, type OutputTabId, type WritePlan } from "../core/plan/write-plan";
import type { XlCellValue, XlContext, XlRange, XlTableCollection, XlWorksheet } from "./excel-subset";
import { formatOps } from "./decorate-tab";
import { syncBatch, type RetryPolicy } from "./retry";
import { freeSheetName, freeTableName, isValidSheetName, tempSheetName } from "./sheet-names";
import { queueSwap } from "./swap-tabs";
import { toTempTab, type TempTab } from "./temp-tab";
import { writeValues } from "./write-values";

/** Rows in an Excel sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Where a write stands, for a progress bar. */
export interface WriteProgress {
  phase: "prepare" | "values" | "format" | "swap" | "done";
  /** 0..1 over the whole write. */
  fraction: number;
}

/** Settings of writePlan; every field has a default. */
export interface WriteOptions extends RetryPolicy {
  /** Estimated bytes per request (default 3,500,000, under Excel on the web's 5 MB with a margin). */
  budgetBytes?: number;
  /** Smallest budget tried after halving (default 16 KB). */
  minBudgetBytes?: number;
  /** Distinguishes this run's temporary sheets (default: random). */
  tag?: string;
  onProgress?: (p: WriteProgress) => void;
}

/** What was written. */
export interface WriteResult {
  tabs: { id: OutputTabId; name: string }[];
  /**
   * Tabs written under another name: a sheet of the planned name is the user's own ("userSheet"), or
   * Excel refuses the planned name ("invalidName", e.g. "History", which Excel reserves).
   */
  renamed: { id: OutputTabId; planned: string; written: string; reason: "userSheet" | "invalidName" }[];
}

/**
 * Writes a plan into the workbook: every tab is built in a temporary sheet (header, values in byte-budgeted
 * chunks, colours by block, table, frozen header, widths, chart), then the previous outputs, and only
 * those the metadata sheet lists as ours, are replaced in one final batch. A failure before that batch
 * removes the temporary sheets and leaves the previous outputs as they were.
 */
export async function writePlan(ctx: XlContext, plan: WritePlan, options: WriteOptions = {}): Promise<WriteResult> {
  const tooLong = plan.tabs.find((t) => t.rows.length + 1 > EXCEL_MAX_ROWS);
  if (tooLong) throw new Error(`${tooLong.name}: ${tooLong.rows.length} rows and a header do not fit in a sheet (Excel holds ${EXCEL_MAX_ROWS} rows); nothing was written.`);
  const tag = options.tag ?? Math.random().toString(36).slice(2, 6);
  const budget = options.budgetBytes ?? 3_500_000;
  const progress = (phase: WriteProgress["phase"], fraction: number): void => options.onProgress?.({ phase, fraction });
  progress("prepare", 0);

  const existing = await syncBatch(ctx, () => ctx.workbook.worksheets.load("items/name"), options);
  const sheetNames = existing.items.map((s) => s.name);
  const metaExists = sheetNames.some((n) => n.toLowerCase() === META_SHEET_NAME.toLowerCase());
  const temps: TempTab[] = plan.tabs.map((tab, i) => toTempTab(tab, tempSheetName(tag, i), `ct${tag}_${i}`));

  let prepared: Prepared;
  try {
    prepared = await syncBatch(ctx, () => queuePrepare(ctx, temps, existing.items, metaExists), options);
    progress("values", 0.05);
    const totalRows = temps.reduce((n, t) => n + t.cells.length, 0) || 1;
    await writeValues(ctx, temps, {
      ...options,
      budgetBytes: budget,
      minBudgetBytes: options.minBudgetBytes ?? 16_384,
      onRows: (n) => progress("values", 0.05 + 0.8 * (n / totalRows)),
    });
    progress("format", 0.85);
    const ops = temps.flatMap(formatOps);
    for (let i = 0; i < ops.length; ) {
      let used = 0;
      let j = i;
      while (j < ops.length && (j === i || used + ops[j].bytes <= budget)) used += ops[j++].bytes;
      const slice = ops.slice(i, j);
      await syncBatch(
        ctx,
        () => {
          ctx.workbook.application.suspendApiCalculationUntilNextSync();
          slice.forEach((op) => op.queue());
        },
        options,
      );
      i = j;
    }
  } catch (e) {
    await removeTemps(ctx, tag);
    throw e;
  }

  progress("swap", 0.95);
  const { metaRange, sheetTables } = prepared;
  const owned = metaRange && !metaRange.isNullObject ? readOwnedTabs({ sheets: [{ name: META_SHEET_NAME, values: metaRange.values }] }) : new Map<string, OutputTabId>();
  const lower = (s: string): string => s.toLowerCase();
  const ownedLower = new Set([...owned.keys()].map(lower));
  const oldOwned = sheetNames.filter((n) => ownedLower.has(lower(n)) && lower(n) !== lower(META_SHEET_NAME));
  const staying = new Set(sheetNames.filter((n) => !ownedLower.has(lower(n))).map(lower));
  const claimed = new Set<string>();
  const renamed: WriteResult["renamed"] = [];
  for (const t of temps) {
    t.finalName = freeSheetName(t.tab.name, (c) => staying.has(lower(c)) || claimed.has(lower(c)));
    claimed.add(lower(t.finalName));
    if (t.finalName !== t.tab.name) {
      renamed.push({ id: t.tab.id, planned: t.tab.name, written: t.finalName, reason: isValidSheetName(t.tab.name) ? "userSheet" : "invalidName" });
    }
  }
  // Table names are workbook-wide: a table on a sheet that stays (the user's) keeps its name, so ours
  // takes another; tables on the replaced sheets go with them.
  const stayingTables = new Set<string>();
  sheetNames.forEach((n, i) => {
    if (!ownedLower.has(lower(n))) for (const t of sheetTables[i].items) stayingTables.add(lower(t.name));
  });
  const claimedTables = new Set<string>();
  for (const t of temps) {
    t.finalTable = freeTableName(t.tab.tableName, (c) => stayingTables.has(lower(c)) || claimedTables.has(lower(c)));
    claimedTables.add(lower(t.finalTable));
  }
  const meta: OutputMeta = { ...plan.meta, tabs: temps.map((t) => ({ id: t.tab.id, name: t.finalName })) };
  try {
    await syncBatch(ctx, () => queueSwap(ctx, temps, oldOwned, metaExists, meta), options);
  } catch (e) {
    await removeTemps(ctx, tag);
    throw e;
  }
  progress("done", 1);
  return { tabs: meta.tabs, renamed };
}

/** What the prepare batch read: the metadata sheet's cells and every existing sheet's tables. */
interface Prepared {
  metaRange?: XlRange;
  sheetTables: XlTableCollection[];
}

/**
 * Queues the creation of the temporary sheets (whole-column number formats first, so text stays text,
 * then the header row) and the reads the swap needs: the metadata sheet and the existing tables.
 */
function queuePrepare(ctx: XlContext, temps: TempTab[], existing: XlWorksheet[], metaExists: boolean): Prepared {
  const sheetTables = existing.map((ws) => ws.tables.load("items/name"));
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  for (const t of temps) {
    const ws = ctx.workbook.worksheets.add(t.tempName);
    // Hidden while being built, so the user never sees half-written tabs; shown at the swap.
    ws.visibility = "Hidden";
    t.sheet = ws;
    t.tab.columns.forEach((c, i) => {
      ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().numberFormat = c.numberFormat;
    });
    const header: XlCellValue[] = t.tab.columns.map((c) => c.header);
    ws.getRangeByIndexes(0, 0, 1, header.length).values = [header];
  }
  const metaRange = metaExists ? ctx.workbook.worksheets.getItem(META_SHEET_NAME).getUsedRangeOrNullObject(true).load("values") : undefined;
  return { metaRange, sheetTables };
}

/** Best effort: deletes this run's temporary sheets after a failure. */
async function removeTemps(ctx: XlContext, tag: string): Promise<void> {
  try {
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    const prefix = tempSheetName(tag, 0).replace(/0$/, "");
    for (const ws of sheets.items) if (ws.name.startsWith(prefix)) ws.delete();
    await ctx.sync();
  } catch {
    // The previous outputs are untouched either way; a leftover temporary sheet is only clutter.
  }
}
