import type { PlanValue } from "../core/output-tabs/write-plan";

/** The "running since" lock a run records in the metadata sheet while it writes. */
export interface RunLock {
  runId: string;
  /** ISO time the run started writing. */
  since: string;
}

/** Default age after which a lock is taken to be left by a run that died (longer than any write takes). */
export const STALE_LOCK_MS = 20 * 60 * 1000;

/** The lock's row in the metadata sheet. */
export function lockRow(lock: RunLock): PlanValue[] {
  return ["lock", lock.runId, "since", lock.since, null, null];
}

/** The lock recorded in the metadata sheet's cells, if any. */
export function readLock(values: readonly (readonly unknown[])[]): RunLock | null {
  for (const row of values) {
    if (row[0] === "lock" && typeof row[1] === "string" && row[1] !== "" && typeof row[3] === "string") return { runId: row[1], since: row[3] };
  }
  return null;
}

/** True when the lock is older than `staleMs` at `now` (or its time cannot be read). */
export function isStale(lock: RunLock, now: Date, staleMs = STALE_LOCK_MS): boolean {
  const t = Date.parse(lock.since);
  return !Number.isFinite(t) || now.getTime() - t > staleMs;
}
