import type { ProblemLog } from "../problems/problem";
import { registerMessages } from "../problems/render";
import type { CarryOver, PreviousOutputs, PreviousRow, PreviousTable } from "./previous-outputs";
import { checkRow, comparable, keyHash, type TabFingerprints } from "./row-fingerprints";
import { rowKey, type TabSpec } from "./tab-spec";
import { USER_WORK_MESSAGES } from "./user-work-messages";
import type { CarrySummary, ColumnPlan, OutputTabId, PlanValue, TabPlan } from "./write-plan";

registerMessages(USER_WORK_MESSAGES);

/** An empty carry summary. */
export function emptyCarrySummary(): CarrySummary {
  return { editableCells: 0, userColumns: 0, userColumnCells: 0, userRows: 0, computedEditsReplaced: 0, editsReported: 0, outsideChoices: 0 };
}

/** What tells our rows from users' rows: the previous run's fingerprints, else the customers it knew. */
export interface RowOrigin {
  fingerprints: Map<OutputTabId, TabFingerprints>;
  /** Customer keys an earlier run wrote (the previous history) or this run has; used without fingerprints. */
  knownKeys: Set<string>;
}

const SEP = "\u241f";

function typedValue(v: PlanValue | undefined): boolean {
  return v !== null && v !== undefined && v !== "";
}

/** The customer part of a row key (the first key column). */
function customerOf(key: string): string {
  const sep = key.indexOf(SEP);
  return sep < 0 ? key : key.slice(0, sep);
}

/** Rows users added, and rows whose key came earlier in the tab, per previous table: asked for before the tabs are built and again when each is finished. */
const USER_ROWS = new WeakMap<PreviousTable, { origin: RowOrigin; rows: Set<PreviousRow>; repeated: Set<PreviousRow> }>();

/** The previous rows of a tab that a user added: keys never ours, and second rows of one key. */
export function userAddedRows(spec: TabSpec, table: PreviousTable, origin: RowOrigin): Set<PreviousRow> {
  return userRows(spec, table, origin).rows;
}

function userRows(spec: TabSpec, table: PreviousTable, origin: RowOrigin): { rows: Set<PreviousRow>; repeated: Set<PreviousRow> } {
  const hit = USER_ROWS.get(table);
  if (hit && hit.origin === origin) return hit;
  const fp = origin.fingerprints.get(spec.id);
  // Tabs not keyed by customer (KPI figures, problems) can only be judged by fingerprints.
  const byCustomer = spec.keyColumns[0] === "key";
  const out = new Set<PreviousRow>();
  const repeated = new Set<PreviousRow>();
  if (!fp && !byCustomer) return { rows: out, repeated };
  const seen = new Set<string>();
  for (const row of table.rows) {
    const key = rowKey(spec, row.record);
    const customer = customerOf(key);
    const ours = fp ? fp.keys.has(keyHash(key)) : customer !== "" && origin.knownKeys.has(customer);
    const again = byCustomer && seen.has(key);
    if (!ours || again) out.add(row);
    if (again) repeated.add(row);
    if (byCustomer) seen.add(key);
  }
  const found = { origin, rows: out, repeated };
  USER_ROWS.set(table, found);
  return found;
}

/**
 * Before the tabs are built: rows users added are kept whole (by `carryUserWork`), so their editable
 * values must not also be reported as "could not be kept".
 */
export function keepUserRows(previous: PreviousOutputs, specs: TabSpec[], carry: CarryOver, origin: RowOrigin): void {
  for (const spec of specs) {
    const table = previous.tables.get(spec.id);
    if (!table) continue;
    for (const row of userAddedRows(spec, table, origin)) carry.keep(spec.id, rowKey(spec, row.record));
  }
}

function shown(v: PlanValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

/**
 * Carries what users did to one output tab into its new plan: the columns they added (values by row
 * key, at the right of the table), the rows they added (kept at the end, reported), and reports each
 * computed cell they changed (replaced, with its old value). Editable columns are carried by the tab
 * builders themselves; here they are only counted.
 */
export function carryUserWork(
  tab: TabPlan, spec: TabSpec, table: PreviousTable | undefined, origin: RowOrigin, log: ProblemLog | null, sum: CarrySummary,
): TabPlan {
  if (!table || table.rows.length === 0) return tab;
  const ids = spec.columns.map((c) => c.id);
  const headers = new Set(tab.columns.map((c) => c.header.trim().toLowerCase()));
  const userCols = (table.userColumns ?? []).map((u, i) => ({ u, i })).filter((x) => !headers.has(x.u.header.toLowerCase()));
  const keyIdx = spec.keyColumns.map((id) => ids.indexOf(id));
  const single = keyIdx.length === 1 ? keyIdx[0] : -1;
  // One pass per row of up to 100,000: the single-column key (the customer) needs no array and join.
  const keyOf = (row: readonly PlanValue[]): string =>
    single >= 0 ? String(row[single] ?? "") : keyIdx.map((i) => String(row[i] ?? "")).join(SEP);
  const rows = userCols.length > 0 ? tab.rows.map((r) => [...r, ...userCols.map(() => null as PlanValue)]) : tab.rows;
  const width = ids.length;
  const { rows: users, repeated } = userRows(spec, table, origin);
  const fp = origin.fingerprints.get(spec.id);
  const computed = spec.columns.map((c, i) => ({ c, i })).filter((x) => !x.c.editable);
  const counted = spec.columns.map((c, i) => ({ c, i })).filter((x) => x.c.editable && !x.c.prefilled);
  const claimed = new Uint8Array(tab.rows.length);
  const appended: PlanValue[][] = [];
  const appendedFrom: number[] = [];
  const noUserValues: PlanValue[] = [];

  // A current row is taken by the first previous row of its key. Without fingerprints, on a tab keyed by
  // customer alone, every later row of a key is a user's row: a first row that is ours with nothing typed
  // (most of 100,000) has nothing to carry or count, and no other row contends for its current row.
  const skipUntyped = !fp && spec.keyColumns.length === 1 && spec.keyColumns[0] === "key";
  const todo = skipUntyped ? table.rows.filter((prev) => users.has(prev) || typedIn(prev, counted, userCols)) : table.rows;
  // The current rows by key; only the keys of the rows to carry, when those are few.
  const wanted = skipUntyped ? new Set(todo.map((prev) => rowKey(spec, prev.record))) : undefined;
  const byKey = new Map<string, number>();
  for (let r = 0; r < tab.rows.length; r++) {
    const k = keyOf(tab.rows[r]);
    if ((!wanted || wanted.has(k)) && !byKey.has(k)) byKey.set(k, r);
  }
  for (const prev of todo) {
    const user = users.has(prev);
    const key = rowKey(spec, prev.record);
    const r = skipUntyped && repeated.has(prev) ? undefined : byKey.get(key);
    const userValues = userCols.length > 0 ? userCols.map((x) => prev.userValues?.[x.i] ?? null) : noUserValues;
    if (r !== undefined && claimed[r] === 0) {
      claimed[r] = 1;
      for (let j = 0; j < userValues.length; j++) {
        const v = userValues[j];
        rows[r][width + j] = v;
        if (typedValue(v)) sum.userColumnCells++;
      }
      for (const { c, i } of counted) {
        const v = prev.record[c.id];
        if (typedValue(v) && v !== c.defaultValue && comparable(v) === comparable(rows[r][i])) sum.editableCells++;
      }
      const check = fp && !user ? checkRow(fp, key, computed.map((x) => prev.record[x.c.id])) : null;
      if (check?.kind === "changed") {
        reportComputedEdits(tab, spec, table, prev, rows[r], computed.filter((_, i) => check.cells[i]), log, sum);
      }
      continue;
    }
    if (user) {
      appended.push([...ids.map((id) => prev.record[id] ?? null), ...userValues]);
      appendedFrom.push(prev.rowNumber ?? 0);
      sum.userRows++;
      userValues.forEach((v) => {
        if (typedValue(v)) sum.userColumnCells++;
      });
      const what = spec.keyColumns.map((id) => shown(prev.record[id])).filter((x) => x !== "").join(" / ") || "—";
      log?.note("edit.userRowKept", { sheet: table.sheet, cell: prev.rowAddress, params: { sheet: table.sheet, row: prev.rowNumber ?? prev.rowAddress, what } });
      continue;
    }
    if (userValues.length === 0) continue;
    // A row of ours no longer computed, but with values in users' columns: kept whole, so nothing is lost.
    const typed = userCols.map((x, j) => ({ h: x.u.header, v: userValues[j] })).filter((x) => typedValue(x.v));
    if (typed.length > 0) {
      appended.push([...ids.map((id) => prev.record[id] ?? null), ...userValues]);
      appendedFrom.push(prev.rowNumber ?? 0);
      sum.userRows++;
      sum.userColumnCells += typed.length;
      const customer = customerOf(key);
      log?.note("edit.rowKeptForUserColumns", {
        sheet: table.sheet, cell: prev.rowAddress, key: customer || undefined,
        params: { sheet: table.sheet, cell: prev.rowAddress, values: typed.map((x) => `${x.h}=${shown(x.v)}`).join("; ") },
      });
    }
  }
  sum.userColumns += userCols.length;
  if (userCols.length === 0 && appended.length === 0) return tab;
  const columns: ColumnPlan[] = [
    ...tab.columns,
    ...userCols.map(({ u }, j) => ({
      id: `user:${j}:${u.header}`,
      header: u.header,
      // "General" unless the user's cells had a number format of their own (dates stay dates).
      kind: "number" as const,
      numberFormat: u.numberFormat,
      width: Math.min(40, Math.max(10, displayWidth(u.header) + 2)),
      editable: true,
      user: true,
    })),
  ];
  return { ...tab, columns, rows: [...rows, ...appended], userRows: appended.length, userRowsFrom: appendedFrom };
}

/** True when a previous row holds a typed value in a counted editable column, or any value (even "") in a user's column. */
function typedIn(prev: PreviousRow, counted: { c: TabSpec["columns"][number] }[], userCols: { i: number }[]): boolean {
  for (const { c } of counted) {
    const v = prev.record[c.id];
    if (typedValue(v) && v !== c.defaultValue) return true;
  }
  for (const x of userCols) {
    const v = prev.userValues?.[x.i];
    if (v !== null && v !== undefined) return true;
  }
  return false;
}

/** Reports every computed cell of a row that a user changed: it is replaced by the new value. */
function reportComputedEdits(
  tab: TabPlan, spec: TabSpec, table: PreviousTable, prev: PreviousRow, now: PlanValue[],
  computed: { c: TabSpec["columns"][number]; i: number }[], log: ProblemLog | null, sum: CarrySummary,
): void {
  const customer = shown(prev.record[spec.keyColumns[0]]);
  for (const { c, i } of computed) {
    const old = prev.record[c.id];
    if (!typedValue(old) || comparable(old) === comparable(now[i])) continue;
    sum.computedEditsReplaced++;
    const letters = table.letters?.[c.id];
    const cell = letters && prev.rowNumber ? `${letters}${prev.rowNumber}` : prev.rowAddress;
    log?.note("edit.computedReplaced", {
      sheet: table.sheet, cell, key: customer || undefined,
      params: { column: tab.columns[i]?.header ?? c.zh, old: shown(old), new: shown(now[i]) },
    });
  }
}

/** Display width of a text in Excel character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000) ? 2 : 1;
  }
  return w;
}
