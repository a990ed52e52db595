/**
 * Serial-date arithmetic for the plans. Private to src/core/plans until the shared
 * src/core/values/serial-date.ts lands; kept tiny and pure. Serial days count from 1899-12-30
 * (Excel's 1900 system for every date after 1900-02-28, i.e. every real purchase date).
 */

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** The serial day of a calendar date (month 1–12). */
export function serialFromYmd(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / MS_PER_DAY);
}

/** The calendar date of a serial day (fractions are dropped). */
export function ymdFromSerial(serial: number): { y: number; m: number; d: number } {
  const t = new Date(EPOCH + Math.floor(serial) * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** `2025-06-30` for a serial day. */
export function isoFromSerial(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The serial day of `2025-06-30`; NaN when the text is no such date. */
export function serialFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
}

/** The serial date-time (day plus fraction, UTC) of an ISO timestamp; NaN when unreadable. */
export function serialFromIsoTime(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? NaN : (t - EPOCH) / MS_PER_DAY;
}

/** ISO timestamp (UTC) of a serial date-time. */
export function isoTimeFromSerial(serial: number): string {
  return new Date(EPOCH + Math.round(serial * MS_PER_DAY)).toISOString();
}

/**
 * The same day `months` months later; a day the target month lacks is clamped to its last day
 * (Jan 31 + 1 month = Feb 28), as a manager counting on a calendar would.
 */
export function addMonths(serial: number, months: number): number {
  const { y, m, d } = ymdFromSerial(serial);
  const idx = y * 12 + (m - 1) + months;
  const ty = Math.floor(idx / 12);
  const tm = (idx % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return serialFromYmd(ty, tm, Math.min(d, last));
}

/** Year × 12 + month index of a serial day, to tell months apart (the random sample rotates monthly). */
export function monthIndex(serial: number): number {
  const { y, m } = ymdFromSerial(serial);
  return y * 12 + (m - 1);
}
