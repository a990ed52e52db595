import { readOwnedTabs } from "../core/output-tabs/previous-outputs";
import { META_SHEET_NAME, metaRows, metaRunAt, type OutputMeta, type OutputTabId, type PlanValue, type WritePlan } from "../core/output-tabs/write-plan";
import { columnLetters } from "../core/workbook/grid";
import { formatOps, isOurChart, type FormatOp } from "./decorate-tab";
import type { XlCellValue, XlChartCollection, XlContext, XlRange, XlTable, XlTableCollection, XlTableRange, XlWorksheet } from "./excel-subset";
import type { XlCommentCollection, XlToolWorksheet } from "./excel-subset-tool";
import { hostCapabilities } from "./working-tool-ops";
import { errorCode, isOversizeAnswer, ITEM_NOT_FOUND, PAYLOAD_TOO_LARGE } from "./office-errors";
import { delay, syncBatch, type RetryPolicy } from "./retry";
import { isStale, lockRow, readLock, STALE_LOCK_MS, type RunLock } from "./run-lock";
import { freeSheetName, freeTableName, isTempSheetName, isValidSheetName, tempSheetName } from "./sheet-names";
import { toTempTab, type TempTab } from "./temp-tab";
import { busyRefusal, changedRefusal, protectedRefusal, tooManyRowsRefusal } from "./write-refusal";
import { ValueStream } from "./write-values";
import { rowBytes } from "./payload";
import { COLUMN_WIDTH_BYTES, REQUEST_BUDGET_BYTES, VALUES_OVERHEAD, VALUES_REQUEST_BYTES } from "./request-size";

/** Rows in an Excel sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Cells copied into the tabs per commit request (a big tab goes alone; small ones share a request). */
export const COMMIT_CELLS_PER_BATCH = 3_000_000;

/** Where a write stands, for a progress bar. */
export interface WriteProgress {
  phase: "prepare" | "values" | "format" | "swap" | "done";
  /** 0..1 over the whole write. */
  fraction: number;
}

/** Settings of writePlan; every field has a default. */
export interface WriteOptions extends RetryPolicy {
  /** Real serialised bytes per request (default about 1 MB: Excel on the web refuses 5 MB, sometimes with a generic error). */
  budgetBytes?: number;
  /** Smallest budget tried after halving (default 16 KB). */
  minBudgetBytes?: number;
  /** Identifies this run: its temporary sheets and its lock (default: random). */
  tag?: string;
  /** The clock (default: the system's); the lock records when the run started. */
  clock?: () => Date;
  /** Age after which another run's lock is taken to be left behind and broken (default 20 minutes). */
  staleLockMs?: number;
  /** How long to wait for another run's lock to be given back before stopping (default 0: stop at once). */
  lockWaitMs?: number;
  /**
   * The run time in the record when the run read the workbook ("" when there was none; see `metaRunAt`):
   * the write is refused ("changed") when another run has written a record since.
   */
  readRunAt?: string;
  /** How often to look again while waiting for the lock (default 2 s). */
  lockPollMs?: number;
  /** Cells copied into the tabs per commit request (default COMMIT_CELLS_PER_BATCH). */
  commitCells?: number;
  /**
   * Values of the tabs a later commit request copies ride in the earlier commit requests, after their
   * commands (default true). False: every value is written before the first commit, as before (tests compare).
   */
  valuesInCommits?: boolean;
  /** Send the columns empty in every row too (default false: the fresh temporary sheet holds them empty; tests compare). */
  writeEmptyColumns?: boolean;
  /**
   * The metadata sheet was there when the run read the workbook: the first look reads it in its own sync
   * (falling back to two syncs if it has gone since).
   */
  metaSheetSeen?: boolean;
  onProgress?: (p: WriteProgress) => void;
}

/** Something the user should know about a write that succeeded. */
export type WriteNote =
  | { kind: "staleLockBroken"; since: string; runId: string }
  | { kind: "leftoversRemoved"; sheets: string[] }
  | { kind: "freezeFailed"; message: string };

/** What was written. */
export interface WriteResult {
  tabs: { id: OutputTabId; name: string }[];
  /**
   * Tabs written under another name: a sheet of the planned name is the user's own ("userSheet"), or
   * Excel refuses the planned name ("invalidName", e.g. "History", which Excel reserves).
   */
  renamed: { id: OutputTabId; planned: string; written: string; reason: "userSheet" | "invalidName" }[];
  notes: WriteNote[];
}

/** What the lock check loads: the metadata sheet (its lock), our tables' ranges, our tabs' used ranges. */
interface LockCheck {
  meta: XlRange;
  ranges: Map<OutputTabId, XlTableRange>;
  used: Map<OutputTabId, XlRange>;
  comments: Map<OutputTabId, XlCommentCollection>;
}

/** Request bytes of the lock check's loads (a few ranges per tab). */
const LOCK_CHECK_BYTES = 40_000;

/** What the first look saw. */
interface Inspected {
  names: string[];
  protected: boolean;
  rowLimit: number;
  metaValues: XlCellValue[][];
}

/** An output tab of an earlier run as found in the workbook. */
interface OwnedSheet {
  id: OutputTabId;
  name: string;
  tables: XlTableCollection;
  charts: XlChartCollection;
}

const lower = (s: string): string => s.toLowerCase();

/**
 * Writes a plan into the workbook without ever leaving it half done:
 * 1. look (protection, the metadata sheet and its lock, sheets) and refuse early with a message;
 * 2. take the lock, remove temporary sheets a crashed run left, record the tabs this run will own (record
 *    first), create the tabs that do not exist yet (only the first time);
 * 3. write every tab's values into a hidden temporary sheet, in byte-budgeted chunks;
 * 4. per tab (all tabs in one batch when they fit the budget): keep the worksheet and its table, resize the
 *    table (insert or delete rows inside it), copy the values in at once — so a user's formula that refers to
 *    the tab keeps working;
 * 5. colour and size the tabs; 6. record the result, then delete what is no longer ours and the temporary
 *    sheets (delete last); 7. freeze the header rows (best effort, its own batch).
 * A failure leaves every tab either as it was or as new, all recorded in `_CustomerTiersMeta`.
 */
export async function writePlan(ctx: XlContext, plan: WritePlan, options: WriteOptions = {}): Promise<WriteResult> {
  const tooLong = plan.tabs.find((t) => t.rows.length + 1 > EXCEL_MAX_ROWS);
  if (tooLong) throw tooManyRowsRefusal(tooLong.name, tooLong.rows.length, EXCEL_MAX_ROWS);
  const tag = options.tag ?? Math.random().toString(36).slice(2, 8);
  const now = options.clock ?? ((): Date => new Date());
  const budget = options.budgetBytes ?? REQUEST_BUDGET_BYTES;
  const progress = (phase: WriteProgress["phase"], fraction: number): void => options.onProgress?.({ phase, fraction });
  const notes: WriteNote[] = [];
  progress("prepare", 0);

  // 1. Look before touching anything (and, when asked to, wait for another run to finish).
  const seen = await lookAndWait(ctx, options);
  if (seen.protected) throw protectedRefusal();
  const rowLimit = seen.rowLimit;
  const longTab = plan.tabs.find((t) => t.rows.length + 1 > rowLimit);
  if (longTab) throw tooManyRowsRefusal(longTab.name, longTab.rows.length, rowLimit);
  const metaValues = seen.metaValues;
  // The plan was computed from what the run read; another run that finished since would be undone by it.
  if (options.readRunAt !== undefined && metaRunAt(metaValues) !== options.readRunAt) throw changedRefusal();
  const held = readLock(metaValues);
  if (held) notes.push({ kind: "staleLockBroken", since: held.since, runId: held.runId });
  const lock: RunLock = { runId: tag, since: now().toISOString() };

  const names = seen.names;
  const exists = new Set(names.map(lower));
  const metaExists = exists.has(lower(META_SHEET_NAME));
  const leftovers = names.filter(isTempSheetName);
  if (leftovers.length > 0) notes.push({ kind: "leftoversRemoved", sheets: leftovers });
  // Ours: sheets the metadata lists that still exist, one per tab id (the first); the rest of ours retire.
  const ownedByName = new Map([...readOwnedTabs({ sheets: [{ name: META_SHEET_NAME, values: metaValues as PlanValue[][] }] })].map(([n, id]) => [lower(n), id]));
  const ownedById = new Map<OutputTabId, string>();
  const ownedNames = new Set<string>();
  for (const actual of names) {
    const id = ownedByName.get(lower(actual));
    if (!id || lower(actual) === lower(META_SHEET_NAME) || isTempSheetName(actual)) continue;
    ownedNames.add(lower(actual));
    if (!ownedById.has(id)) ownedById.set(id, actual);
  }
  const temps: TempTab[] = plan.tabs.map((tab, i) => ({ ...toTempTab(tab, tempSheetName(tag, i), `ct${tag}_${i}`, options.writeEmptyColumns), existing: ownedById.get(tab.id) }));
  const keptLower = new Set(temps.flatMap((t) => (t.existing ? [lower(t.existing)] : [])));
  // Ours but no longer planned (or a second sheet for one tab): recorded until deleted, deleted last.
  const retiring = names.filter((n) => ownedNames.has(lower(n)) && !keptLower.has(lower(n))).map((name) => ({ id: ownedByName.get(lower(name))!, name }));

  // Final names: an output tab keeps its sheet (renamed only to a free planned name); a new tab takes a free name.
  const renamed: WriteResult["renamed"] = [];
  const claimed = new Set<string>();
  for (const t of temps) {
    const own = lower(t.existing ?? "");
    const taken = (c: string): boolean => claimed.has(lower(c)) || (exists.has(lower(c)) && lower(c) !== own);
    t.finalName = t.existing && !isFreeFor(t.tab.name, taken) ? t.existing : freeSheetName(t.tab.name, taken);
    claimed.add(lower(t.finalName));
    if (t.finalName !== t.tab.name) renamed.push({ id: t.tab.id, planned: t.tab.name, written: t.finalName, reason: isValidSheetName(t.tab.name) ? "userSheet" : "invalidName" });
  }
  // Row fingerprints must describe what each tab holds after any failure: the old ones until a tab's commit
  // batch begins, both old and new while it may or may not have been swapped, the new ones once it was.
  const fps = new FingerprintRecord(metaValues, plan.meta.fingerprints ?? [], new Set(temps.filter((t) => t.existing).map((t) => t.tab.id)));
  // The record while the run holds the lock lists every tab it may leave (retiring ones too, with their
  // fingerprints); the final record only this run's tabs.
  const meta = (tabs: { id: OutputTabId; name: string }[], withLock: boolean): XlCellValue[][] =>
    metaCells({ ...plan.meta, tabs, fingerprints: fps.entries(withLock ? undefined : tabs.map((t) => t.id)) }, withLock ? lock : null);
  const finalTabs = temps.map((t) => ({ id: t.tab.id, name: t.finalName }));

  // 2. Lock, clean up, record first, create what is new.
  let metaHeight = Math.max(metaValues.length, metaExists ? 1 : 0);
  // Until the first tab is swapped, a stop (cancel, failure) undoes the run: the record and the tabs it began.
  let undo: Undo | null = { created: temps.filter((t) => !t.existing).map((t) => t.finalName), metaBefore: metaExists ? metaValues.filter((r) => r[0] !== "lock") : null };
  let owned: OwnedSheet[] = [];
  let allTables: XlTableCollection[] = [];
  try {
    ({ owned, allTables } = await syncBatch(
      ctx,
      () => {
        ctx.workbook.application.suspendApiCalculationUntilNextSync();
        ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
        const sheets = ctx.workbook.worksheets;
        // Record first: the lock and every tab this run will own, before any sheet is added or deleted.
        const ms = metaExists ? sheets.getItem(META_SHEET_NAME) : sheets.add(META_SHEET_NAME);
        metaHeight = queueMeta(ms, metaHeight, meta([...finalTabs, ...retiring], true));
        for (const n of leftovers) sheets.getItem(n).delete();
        for (const t of temps) {
          // Sheets are reached by name in every batch: the object add() returns is not valid after this sync.
          if (!t.existing) {
            // First time only: a new tab, hidden until its content is in.
            sheets.add(t.finalName);
            sheets.getItem(t.finalName).visibility = "Hidden";
          }
          t.sheet = sheets.getItem(t.existing ?? t.finalName);
          sheets.add(t.tempName);
          const scratch = sheets.getItem(t.tempName);
          scratch.visibility = "Hidden";
          t.scratch = scratch;
          // Whole-column number formats before any value: "@" keeps text (a customer called =HYPERLINK(…)) text.
          t.tab.columns.forEach((c, i) => {
            scratch.getRangeByIndexes(0, i, 1, 1).getEntireColumn().numberFormat = c.numberFormat;
          });
          scratch.getRangeByIndexes(0, 0, 1, t.tab.columns.length).values = [t.tab.columns.map((c) => c.header)];
        }
        const tablesOf = names.filter((n) => !leftovers.includes(n)).map((n) => sheets.getItem(n).tables.load("items/name"));
        const ownedSheets: OwnedSheet[] = temps.flatMap((t) =>
          t.existing ? [{ id: t.tab.id, name: t.existing, tables: t.sheet!.tables.load("items/name"), charts: t.sheet!.charts.load("items/name") }] : [],
        );
        return { owned: ownedSheets, allTables: tablesOf };
      },
      options,
    ));
  } catch (e) {
    await cleanUp(ctx, tag, options, undo);
    throw e;
  }

  try {
    // The tables: ours are kept (or made), named freely among the tables that stay.
    const otherTables = new Set<string>();
    for (const coll of allTables) for (const x of coll.items) otherTables.add(lower(x.name));
    const chosen = new Map<OutputTabId, XlTable>();
    for (const o of owned) {
      const items = o.tables.items;
      const planned = lower(plan.tabs.find((p) => p.id === o.id)!.tableName);
      const t = items.find((x) => lower(x.name).startsWith(planned)) ?? (items.length === 1 ? items[0] : undefined);
      if (t) {
        chosen.set(o.id, t);
        otherTables.delete(lower(t.name));
      }
    }
    const claimedTables = new Set<string>();
    for (const t of temps) {
      const mine = chosen.get(t.tab.id)?.name;
      t.finalTable = mine && lower(mine) === lower(t.tab.tableName) ? mine : freeTableName(t.tab.tableName, (c) => otherTables.has(lower(c)) || claimedTables.has(lower(c)));
      claimedTables.add(lower(t.finalTable));
    }
    // Is the lock still ours? Two runs may have taken it at once: the last writer wins, the other stops
    // before its first commit. Asked for with the last values (they go into this run's own temporary
    // sheets, which a run that stops deletes), so the check costs no round trip of its own, comes as late
    // as it can (a lock written while the values went is seen) and the tables' and used ranges the commit
    // works from are those of just before it (a user may insert or delete rows meanwhile).
    let check: LockCheck | undefined;
    const caps = hostCapabilities();
    const queueCheck = (): LockCheck => (check = {
      meta: ctx.workbook.worksheets.getItem(META_SHEET_NAME).getUsedRangeOrNullObject(true).load("values"),
      ranges: new Map([...chosen].map(([id, t]) => [id, t.getRange().load(["rowIndex", "columnIndex", "rowCount", "columnCount"])])),
      // What a tab holds beyond its table (a row typed just below it): read back as the tab's rows, so the copy covers it.
      used: new Map(temps.flatMap((t) => (t.existing ? [[t.tab.id, t.sheet!.getUsedRangeOrNullObject(true).load(["rowIndex", "columnIndex", "rowCount", "columnCount"])] as const] : []))),
      // The header comments an earlier run left (the host allows one per cell): deleted before ours are added.
      comments: new Map(caps.comments ? temps.flatMap((t) => (t.existing ? [[t.tab.id, (t.sheet as XlToolWorksheet).comments.load("items/content")] as const] : [])) : []),
    });
    const lockStillOurs = (c: LockCheck): void => {
      const holder = readLock(c.meta.isNullObject ? [] : c.meta.values);
      if (!holder || holder.runId !== lock.runId) throw busyRefusal(holder?.since ?? lock.since);
    };
    progress("values", 0.05);

    // 3. Values into the temporary sheets: those of the first commit request's tabs (as the plan's sizes
    // foretell it) in requests of their own, the last with the lock check; the rest ride in the commit
    // requests (after their commands) as far as there is room, or in requests of their own before the
    // commit that needs them.
    const totalRows = temps.reduce((n, t) => n + t.cells.length, 0) || 1;
    const valuesBudget = Math.floor((budget - VALUES_REQUEST_BYTES - LOCK_CHECK_BYTES) / VALUES_OVERHEAD);
    const stream = new ValueStream(ctx, temps);
    const cellCap = options.commitCells ?? COMMIT_CELLS_PER_BATCH;
    const pipelined = options.valuesInCommits ?? true;
    const firstEnd = pipelined ? commitGroupEnd(temps.map((t) => ({ bytes: commitBytes(t, 0), cells: (1 + Math.max(t.cells.length, 1)) * t.tab.columns.length })), 0, budget, cellCap) : temps.length;
    const valueOptions = {
      ...options,
      // Rows are estimated by their JSON; office.js adds a fixed part and a few per cent (it splits big writes).
      budgetBytes: valuesBudget,
      minBudgetBytes: options.minBudgetBytes ?? 16_384,
      // From the first commit on the phase is "swap" (the pane no longer lets the run be stopped), the bar never goes back.
      onRows: (n: number) => progress(undo === null ? "swap" : "values", 0.05 + 0.7 * (n / totalRows)),
    };
    let tookValues = await stream.writeUntil(firstEnd, { ...valueOptions, alongLast: queueCheck });
    // No values to write first (or, never, a last batch without the check): the check in a sync of its own.
    const checkedLoads: LockCheck = check ?? (await syncBatch(ctx, queueCheck, options));
    lockStillOurs(checkedLoads);
    // A host that refused the values at the full budget (halved there) gets commit requests no larger.
    const commitBudget = tookValues < valuesBudget ? Math.floor(budget * (tookValues / valuesBudget)) : budget;

    // 4. Into the tabs, in as few batches as the budget allows: each tab's content changes in one command, so
    // a failure anywhere leaves each tab either as it was or wholly new. Never sent twice (rows are inserted).
    progress("swap", 0.05 + 0.7 * (stream.rows / totalRows));
    // From the first swap on the tabs hold new content: a stop no longer undoes the run.
    undo = null;
    const commits = temps.map((t) => {
      const o = owned.find((x) => x.id === t.tab.id);
      const table = chosen.get(t.tab.id);
      const range = checkedLoads.ranges.get(t.tab.id);
      const oldCharts = o?.charts.items.filter((c) => isOurChart(c.name, t.tab.id)).map((c) => c.name) ?? [];
      const used = checkedLoads.used.get(t.tab.id);
      const usedRows = used && !used.isNullObject ? used.rowIndex + used.rowCount : 0;
      const old = table && range ? { name: table.name, range } : null;
      const copy = copyExtent(t, old, usedRows);
      return { t, bytes: commitBytes(t, oldCharts.length), cells: copy.rows * t.tab.columns.length, queue: () => queueCommit(ctx, t, old, copy, oldCharts, rowLimit) };
    });
    // The tabs' formatting rides in their commit requests as far as the byte budget allows (the commit
    // commands themselves weigh little): fewer round trips, and never sent twice either.
    const formatting = temps.map((t) => formatOps(t, { ...caps, present: checkedLoads.comments.get(t.tab.id)?.items }));
    // Formatting of tabs already committed (or committed in this request) that did not fit yet.
    let later: FormatOp[] = [];
    // Operations that add (or delete) objects — charts, rules, comments — come after every commit: Excel
    // stops a request at a refused command, and no commit may be cut short or left unsent by one (tabs of two
    // months). So they ride only at the end of the last commit request, or go in requests of their own.
    let adding = formatting.flatMap((ops) => ops.filter((o) => o.adds));
    for (let i = 0; i < commits.length; ) {
      const j = commitGroupEnd(commits, i, commitBudget, cellCap);
      let used = commits.slice(i, j).reduce((n, c) => n + c.bytes, 0);
      // The values of this request's tabs are in before it (not yet when the plan's sizes foretold a smaller group).
      if (!stream.doneUpTo(j)) tookValues = await stream.writeUntil(j, { ...valueOptions, budgetBytes: tookValues });
      const batch = commits.slice(i, j);
      // First in the batch: the batch's tabs recorded as "old or new" (their new fingerprints added below the
      // old), so a failure at any later command of it leaves a record that matches either.
      const ids = batch.map((c) => c.t.tab.id);
      fps.begin(ids);
      const added = fps.newRows(ids);
      used += added.reduce((n, r) => n + rowBytes(r), 0) * VALUES_OVERHEAD + VALUES_REQUEST_BYTES;
      // What fits of the earlier tabs' leftovers, then of this request's tabs' own, in order.
      const fit = (ops: FormatOp[]): FormatOp[] => {
        let k = 0;
        while (k < ops.length && used + ops[k].bytes <= commitBudget) used += ops[k++].bytes;
        return ops.slice(0, k);
      };
      const earlier = fit(later);
      later = later.slice(earlier.length);
      const withFormat = batch.map((c) => {
        const ops = formatting[temps.indexOf(c.t)].filter((o) => !o.adds);
        const now = later.length === 0 ? fit(ops) : [];
        later.push(...ops.slice(now.length));
        return { c, ops: now };
      });
      // The last commit request: the objects after all its commands, when the formatting before them is all in
      // (their order kept).
      const objects = j === commits.length && later.length === 0 ? fit(adding) : [];
      adding = adding.slice(objects.length);
      // The room left: values of later tabs, after every command of the commit (a refused value cannot cut it short).
      const room = pipelined ? Math.min(tookValues, Math.floor((commitBudget - used - VALUES_REQUEST_BYTES) / VALUES_OVERHEAD)) : 0;
      const riding = await syncBatch(
        ctx,
        () => {
          if (added.length > 0) queueMetaRows(ctx.workbook.worksheets.getItem(META_SHEET_NAME), metaHeight, added);
          for (const op of earlier) op.queue();
          for (const { c, ops } of withFormat) {
            c.queue();
            // Reached by its final name (the commit may have renamed it).
            c.t.sheet = ctx.workbook.worksheets.getItem(c.t.finalName);
            for (const op of ops) op.queue();
          }
          for (const op of objects) op.queue();
          return room > 0 ? stream.queue(room) : null;
        },
        options,
      );
      if (riding) stream.advance(riding);
      metaHeight += added.length;
      fps.done(ids);
      i = j;
    }

    // 5. What formatting did not fit: batches within the budget, halved when Excel refuses one as too large.
    progress("format", 0.85);
    await runFormatOps(ctx, [...later, ...adding], commitBudget, options);

    // 6. Record first (the retiring tabs still listed), delete last, then the record without them or the
    // lock; 7. last in the same request, best effort, the frozen header rows (after showing the sheets:
    // freezing hidden sheets has failed in Excel).
    progress("swap", 0.95);
    try {
      await syncBatch(
        ctx,
        () => {
          const sheets = ctx.workbook.worksheets;
          const ms = sheets.getItem(META_SHEET_NAME);
          // The record written at step 2 (retiring tabs still listed) stands: the lock check read it back. Not
          // written again here, which halves this batch (the record holds the row fingerprints).
          for (const t of temps) t.sheet!.visibility = "Visible";
          if (temps.length > 0) temps[0].sheet!.activate();
          for (const r of retiring) sheets.getItem(r.name).delete();
          for (const t of temps) t.scratch!.delete();
          queueMeta(ms, metaHeight, meta(finalTabs, false));
          for (const t of temps) t.sheet!.freezePanes.freezeRows(1);
        },
        options,
      );
    } catch (e) {
      // Excel applies the commands before a failing one: if the final record (no lock, no retiring tab) is
      // there, only the freezing failed, and the run is done.
      if (!(await recordFinished(ctx, tag, retiring, options))) throw e;
      notes.push({ kind: "freezeFailed", message: e instanceof Error ? e.message : String(e) });
    }
  } catch (e) {
    await cleanUp(ctx, tag, options, undo, fps);
    throw e;
  }
  progress("done", 1);
  return { tabs: finalTabs, renamed, notes };
}

/** True when the metadata sheet holds a run's final record: not its lock, none of the tabs it retired. */
async function recordFinished(ctx: XlContext, tag: string, retiring: { name: string }[], options: RetryPolicy): Promise<boolean> {
  try {
    const used = await syncBatch(ctx, () => ctx.workbook.worksheets.getItem(META_SHEET_NAME).getUsedRangeOrNullObject(true).load("values"), { ...options, attempts: 1 });
    const values = used.isNullObject ? [] : used.values;
    const listed = readOwnedTabs({ sheets: [{ name: META_SHEET_NAME, values: values as PlanValue[][] }] });
    return values.length > 0 && readLock(values)?.runId !== tag && !retiring.some((r) => listed.has(r.name));
  } catch {
    return false;
  }
}

/** Settings of waiting for another run's lock. */
export type LockWaitOptions = Pick<WriteOptions, "clock" | "staleLockMs" | "lockWaitMs" | "lockPollMs" | "metaSheetSeen"> & RetryPolicy;

/**
 * Looks at the workbook and, while another run holds the lock (not stale), waits for it to be given back:
 * a `waitingForLock` notice and a look every `lockPollMs`, at most `lockWaitMs` in all (default 0), then a
 * refusal that says how long it waited. Nothing is changed. Returns what it saw and how long it waited (ms).
 */
async function lookAndWait(ctx: XlContext, options: LockWaitOptions): Promise<Inspected & { waited: number }> {
  const now = options.clock ?? ((): Date => new Date());
  const staleMs = options.staleLockMs ?? STALE_LOCK_MS;
  const pollMs = options.lockPollMs ?? 2000;
  let waited = 0;
  let seen = await inspect(ctx, options);
  for (let lockNow = readLock(seen.metaValues); lockNow && !isStale(lockNow, now(), staleMs); lockNow = readLock(seen.metaValues)) {
    if (waited >= (options.lockWaitMs ?? 0)) throw busyRefusal(lockNow.since, waited);
    options.onNotice?.({ kind: "waitingForLock", since: lockNow.since, waitMs: pollMs });
    await (options.sleep ?? delay)(pollMs);
    waited += pollMs;
    seen = await inspect(ctx, options);
  }
  return { ...seen, waited };
}

/**
 * Waits, as a write does, until no other run holds the workbook's lock (or refuses after `lockWaitMs`).
 * A run calls it before reading, so that it reads what the other run wrote, not what it is replacing.
 * Returns the milliseconds waited.
 */
export async function waitForLock(ctx: XlContext, options: LockWaitOptions): Promise<number> {
  return (await lookAndWait(ctx, options)).waited;
}

/** True when the name is valid and free. */
function isFreeFor(name: string, taken: (c: string) => boolean): boolean {
  return isValidSheetName(name) && !taken(name);
}

/** The metadata sheet's cells: the ownership record, the table names, and the lock while a run writes. */
function metaCells(meta: OutputMeta, lock: RunLock | null): XlCellValue[][] {
  const rows: PlanValue[][] = metaRows(meta);
  if (lock) rows.push(lockRow(lock));
  return rows.map((r) => r.map((v) => (v === null ? "" : v)));
}

/**
 * Queues a rewrite of the (very hidden) metadata sheet in one values command, padded with empty cells over
 * the rows it had (`height`), so that it is never seen half written or empty. Returns its new height.
 */
function queueMeta(ms: XlWorksheet, height: number, rows: XlCellValue[][]): number {
  queueMetaRows(ms, 0, Array.from({ length: Math.max(height, rows.length) }, (_, i) => rows[i] ?? []));
  ms.visibility = "VeryHidden";
  return rows.length;
}

/** Queues rows of the metadata sheet from row `at`, as text, in one values command (short rows padded). */
function queueMetaRows(ms: XlWorksheet, at: number, rows: XlCellValue[][]): void {
  const all = rows.map((r) => Array.from({ length: META_WIDTH }, (_, c) => r[c] ?? ""));
  const range = ms.getRangeByIndexes(at, 0, all.length, META_WIDTH);
  range.numberFormat = "@";
  range.values = all;
}

/** Columns of the metadata sheet. */
const META_WIDTH = 6;

type Fingerprints = NonNullable<OutputMeta["fingerprints"]>;

/**
 * Which row fingerprints the record must hold for each tab as a run commits: a tab's rows are old until its
 * commit batch runs, old or new while it runs (a failure part way applies the commands before the failing
 * one), new after. "Old or new" is recorded as both sets (a row matching either is ours and unchanged);
 * when one of the two sets is missing (a tab over the fingerprint limit) as none, which the next run reads
 * as a tab without fingerprints. A tab created by this run was empty before, so its new set alone will do.
 */
class FingerprintRecord {
  private readonly old = new Map<string, Fingerprints>();
  private readonly next = new Map<string, Fingerprints>();
  private readonly state = new Map<string, "both" | "new">();

  constructor(metaValues: XlCellValue[][], planned: Fingerprints, private readonly existed: Set<string>) {
    for (const r of metaValues) {
      if (r[0] !== "rows" || typeof r[1] !== "string" || typeof r[4] !== "string") continue;
      const list = this.old.get(r[1]) ?? [];
      list.push({ id: r[1] as OutputTabId, chunks: [r[4]], tokenLength: Number(r[5]) });
      this.old.set(r[1], list);
    }
    for (const f of planned) this.next.set(f.id, [...(this.next.get(f.id) ?? []), f]);
  }

  /** These tabs' commit batch is about to be sent. */
  begin(ids: OutputTabId[]): void {
    for (const id of ids) this.state.set(id, "both");
  }

  /** These tabs' commit batch went through: they hold the new rows. */
  done(ids: OutputTabId[]): void {
    for (const id of ids) this.state.set(id, "new");
  }

  /** The fingerprints the record holds now, each tab's as its state says (of these tabs only, when given). */
  entries(only?: OutputTabId[]): Fingerprints {
    const ids = only ?? [...new Set([...this.old.keys(), ...this.next.keys()])];
    return ids.flatMap((id) => this.of(id));
  }

  /** Metadata rows of these fingerprints (the "rows" rows of `metaRows`). */
  static rows(list: Fingerprints): XlCellValue[][] {
    return metaCells({ product: "customer-tiers", version: 0, runAt: "", tabs: [], fingerprints: list }, null).slice(1);
  }

  /** Metadata rows of these tabs' new fingerprints. */
  newRows(ids: OutputTabId[]): XlCellValue[][] {
    return FingerprintRecord.rows(ids.flatMap((id) => this.next.get(id) ?? []));
  }

  private of(id: string): Fingerprints {
    const state = this.state.get(id);
    const old = this.old.get(id);
    const next = this.next.get(id);
    if (state === "new") return next ?? [];
    if (state === undefined) return old ?? [];
    if (!next || (!old && this.existed.has(id))) return [];
    return [...(old ?? []), ...next];
  }
}

/**
 * The first look: sheet names, structure protection, the sheets' row count (1,048,576, or 65,536 for an .xls
 * in compatibility mode) and — one more sync, when the sheet exists — the metadata sheet's cells.
 */
async function inspect(ctx: XlContext, options: RetryPolicy & { metaSheetSeen?: boolean }): Promise<Inspected> {
  const look = (withMeta: boolean) =>
    syncBatch(
      ctx,
      () => ({
        sheets: ctx.workbook.worksheets.load("items/name"),
        protection: ctx.workbook.protection.load("protected"),
        column: ctx.workbook.worksheets.getActiveWorksheet().getRange("A:A").load("rowCount"),
        // Reached by getItem (known to exist when the run read the workbook), never through a chain of …OrNullObject calls.
        meta: withMeta ? ctx.workbook.worksheets.getItem(META_SHEET_NAME).getUsedRangeOrNullObject(true).load("values") : null,
      }),
      options,
    );
  let first: Awaited<ReturnType<typeof look>>;
  try {
    first = await look(!!options.metaSheetSeen);
  } catch (e) {
    // Gone since it was read (nothing else in this look can fail that way): look as on a first run.
    if (!options.metaSheetSeen || errorCode(e) !== ITEM_NOT_FOUND) throw e;
    first = await look(false);
  }
  const names = first.sheets.items.map((s) => s.name);
  const metaValues = first.meta ? (first.meta.isNullObject ? [] : first.meta.values) : await readMeta(ctx, names, options);
  return { names, protected: first.protection.protected, rowLimit: first.column.rowCount, metaValues };
}

/** The metadata sheet's cells; none when there is no such sheet (or it is empty). */
async function readMeta(ctx: XlContext, names: string[], options: RetryPolicy): Promise<XlCellValue[][]> {
  if (!names.some((n) => lower(n) === lower(META_SHEET_NAME))) return [];
  const used = await syncBatch(ctx, () => ctx.workbook.worksheets.getItem(META_SHEET_NAME).getUsedRangeOrNullObject(true).load("values"), options);
  return used.isNullObject ? [] : used.values;
}

/**
 * Queues one tab's commit. The tab's content changes in one command — the copy from the temporary sheet —
 * and every other command leaves its content as it was (blank rows inserted into the table before it, blank
 * surplus rows deleted after it), so a failure anywhere leaves the tab's rows either old or new:
 * keep the table and grow it by inserting rows inside it (or make it the first time), clear the old colours,
 * set the whole columns' number formats, copy (over the old height, blanks below the new rows), shrink,
 * rename sheet and table to their final names.
 */
function queueCommit(
  ctx: XlContext, t: TempTab, table: { name: string; range: XlTableRange } | null, copy: { rows: number; oldEnd: number }, oldCharts: string[], rowLimit: number,
): void {
  const ws = t.sheet!;
  const cols = t.tab.columns.length;
  const rows = 1 + Math.max(t.cells.length, 1);
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  for (const name of oldCharts) ws.charts.getItem(name).delete();
  const fits = table !== null && table.range.rowIndex === 0 && table.range.columnIndex === 0 && table.range.columnCount === cols;
  const old = fits ? table.range.rowCount : rows;
  // Inside the table's last data row, so the table grows with the inserted cells (and what is below moves down).
  const grown = Math.max(0, rows - old);
  if (grown > 0) ws.getRangeByIndexes(old - 1, 0, grown, cols).insert("Down");
  const height = Math.max(old, rows);
  if (fits) ws.getRangeByIndexes(0, 0, height, cols).clear("Formats");
  t.tab.columns.forEach((c, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().numberFormat = c.numberFormat;
  });
  // The one command that changes what the tab holds covers the old table and the rows a user typed just below
  // it that the plan carried into the new table (left there they would stand twice); nothing else.
  const copyRows = Math.max(height, copy.rows);
  const source = `'${t.tempName.replace(/'/g, "''")}'!A1:${columnLetters(cols - 1)}${copyRows}`;
  ws.getRangeByIndexes(0, 0, copyRows, cols).copyFrom(source, "Values");
  if (rows < old) ws.getRangeByIndexes(rows, 0, old - rows, cols).delete("Up");
  if (!fits) {
    // No table (first time, or the user removed it) or another shape (columns added): the old table becomes
    // plain cells, what is left of the old content below or beside the new is cleared, the table is made again.
    const width = table ? Math.max(cols, table.range.columnIndex + table.range.columnCount) : cols;
    if (table) ctx.workbook.tables.getItem(table.name).convertToRange();
    if (t.existing) {
      // Below the new rows: the old table's rows and the carried rows (all of the tab's rows when the user removed the table).
      const end = table ? copy.oldEnd : rowLimit;
      if (end > rows) ws.getRangeByIndexes(rows, 0, end - rows, width).clear("All");
      if (width > cols) ws.getRangeByIndexes(0, cols, rows, width - cols).clear("All");
    }
    ws.tables.add(ws.getRangeByIndexes(0, 0, rows, cols), true).name = t.finalTable;
  } else if (table.name !== t.finalTable) ctx.workbook.tables.getItem(table.name).name = t.finalTable;
  if (t.existing && t.existing !== t.finalName) ws.name = t.finalName;
}

/**
 * How far a tab's commit reaches down: the old table's rows, then the rows a user typed directly below it that
 * the plan carried into the new table (one after another from the table's last row, at most as far as the
 * tab's used range goes), moved down by the rows inserted into the table. A note beside the table, or a total
 * after a blank row, is no row of the table and is left where it is.
 */
function copyExtent(t: TempTab, table: { range: XlTableRange } | null, usedRows: number): { rows: number; oldEnd: number } {
  const cols = t.tab.columns.length;
  const rows = 1 + Math.max(t.cells.length, 1);
  const fits = table !== null && table.range.rowIndex === 0 && table.range.columnIndex === 0 && table.range.columnCount === cols;
  const tableEnd = table ? table.range.rowIndex + table.range.rowCount : 0;
  const carried = new Set(t.tab.userRowsFrom ?? []);
  let oldEnd = tableEnd;
  // Row index i is sheet row i + 1.
  while (oldEnd < usedRows && carried.has(oldEnd + 1)) oldEnd++;
  const grown = fits ? Math.max(0, rows - tableEnd) : 0;
  return { rows: Math.max(rows, oldEnd + grown), oldEnd };
}

/**
 * Where the commit request starting at tab `i` ends: tabs while their commit bytes fit the budget and their
 * copied cells the cap (at least one tab). Bounded by cells too: one request copying every tab of a big run
 * is the kind Excel on the web times out on, and a commit is never sent twice.
 */
function commitGroupEnd(commits: { bytes: number; cells: number }[], i: number, budget: number, cellCap: number): number {
  let j = i;
  for (let used = 0, cells = 0; j < commits.length && (j === i || (used + commits[j].bytes <= budget && cells + commits[j].cells <= cellCap)); j++) {
    used += commits[j].bytes;
    cells += commits[j].cells;
  }
  return j;
}

/** Estimated request bytes of one tab's commit: a whole-column number format per column, a few range commands, chart deletions. */
function commitBytes(t: TempTab, charts: number): number {
  return t.tab.columns.length * COLUMN_WIDTH_BYTES + 8 * COLUMN_WIDTH_BYTES + charts * COLUMN_WIDTH_BYTES;
}

/** Runs the format operations in batches within the budget; a batch refused as too large (or with the generic error) is sent again in halves. */
async function runFormatOps(ctx: XlContext, ops: FormatOp[], budgetBytes: number, options: WriteOptions): Promise<void> {
  let budget = budgetBytes;
  const min = options.minBudgetBytes ?? 16_384;
  for (let i = 0; i < ops.length; ) {
    let used = 0;
    let j = i;
    while (j < ops.length && (j === i || used + ops[j].bytes <= budget)) used += ops[j++].bytes;
    try {
      await syncBatch(
        ctx,
        () => {
          ctx.workbook.application.suspendApiCalculationUntilNextSync();
          for (let k = i; k < j; k++) ops[k].queue();
        },
        options,
      );
      i = j;
    } catch (e) {
      // Also on Excel's generic error (its answer to some oversize requests), but only for a batch that
      // adds nothing: Excel applies the commands before a failing one, so a chart, rule or comment sent
      // again would be there twice. Formatting set twice is the same formatting.
      const resend = errorCode(e) === PAYLOAD_TOO_LARGE || (isOversizeAnswer(e) && !ops.slice(i, j).some((o) => o.adds));
      if (!resend || j - i <= 1 || budget / 2 < min) throw e;
      budget = Math.floor(budget / 2);
    }
  }
}

/** What a run stopped before its first swap takes back: the tabs it created, and the record as it was (null: none). */
interface Undo {
  created: string[];
  metaBefore: XlCellValue[][] | null;
}

/**
 * After a failure, best effort: delete this run's temporary sheets and give the lock back (the ownership
 * record stays as it is, so every tab is still known as ours; each tab's row fingerprints are those of the
 * rows it may hold, `fps`). Stopped before any tab was swapped (`undo`),
 * the workbook goes back to what it was: the tabs this run created are deleted and the record is restored
 * (or its sheet deleted, when there was none), so no later run takes them for ours. Errors here are
 * swallowed: the lock then goes stale and the next run breaks it with a note.
 */
async function cleanUp(ctx: XlContext, tag: string, options: WriteOptions, undo: Undo | null = null, fps: FingerprintRecord | null = null): Promise<void> {
  try {
    const sheets = await syncBatch(ctx, () => ctx.workbook.worksheets.load("items/name,items/visibility"), { ...options, attempts: 1 });
    const names = sheets.items.map((ws) => ws.name);
    const meta = await readMeta(ctx, names, { ...options, attempts: 1 });
    const prefix = tempSheetName(tag, 0).replace(/0$/, "");
    for (const n of names) if (n.startsWith(prefix)) ctx.workbook.worksheets.getItem(n).delete();
    const held = readLock(meta);
    const hasMeta = names.some((n) => lower(n) === lower(META_SHEET_NAME));
    const dropMeta = (): void => {
      const ms = ctx.workbook.worksheets.getItem(META_SHEET_NAME);
      // Excel refuses to delete a very hidden sheet.
      ms.visibility = "Hidden";
      ms.delete();
    };
    if (undo && held?.runId === tag) {
      // Only tabs still hidden or empty: a run's new tabs stay hidden and empty until its last batches, so a
      // visible tab of that name with content is another run's finished output (two runs that started
      // together), never ours to take back.
      const created = new Set(undo.created.map(lower));
      const ours = sheets.items.filter((ws) => created.has(lower(ws.name)));
      const used = await syncBatch(ctx, () => ours.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowCount")), { ...options, attempts: 1 });
      ours.forEach((ws, i) => {
        if (ws.visibility !== "Visible" || used[i].isNullObject) ctx.workbook.worksheets.getItem(ws.name).delete();
      });
      if (undo.metaBefore) queueMeta(ctx.workbook.worksheets.getItem(META_SHEET_NAME), meta.length, undo.metaBefore);
      else if (hasMeta) dropMeta();
    } else if (undo && !held && !undo.metaBefore && hasMeta && meta.length === 0) {
      // No lock: the record is written before any tab is added, so this run added at most an empty
      // metadata sheet (its first batch failed part way; Excel applies the commands before the failing one).
      dropMeta();
    } else if (held && held.runId === tag) {
      // The record as it stands, without the lock, each tab's fingerprints as far as its commit got.
      const kept = meta.filter((r) => r[0] !== "lock" && (!fps || r[0] !== "rows"));
      queueMeta(ctx.workbook.worksheets.getItem(META_SHEET_NAME), meta.length, fps ? [...kept, ...FingerprintRecord.rows(fps.entries())] : kept);
    }
    await syncBatch(ctx, () => undefined, { ...options, attempts: 1 });
  } catch {
    // The tabs are each as they were or wholly new, and recorded; a leftover is removed by the next run.
  }
}
