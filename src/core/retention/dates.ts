/**
 * Serial-date arithmetic for the plans. Conversions for display come from the shared
 * src/core/values/serial-date.ts; month arithmetic, which the callback schedule runs about ten times per
 * customer, uses integer civil-date maths here (no Date objects), valid from 1900-03-01 (serial 61) on,
 * where Excel's serials are a plain day count from 1899-12-30. A test holds both to the same calendar.
 */
import { isoFromSerial, serialFromDate, serialFromIso, serialFromYmd } from "../values/serial-date";

export { isoFromSerial, serialFromIso, serialFromYmd };

// Bound once: under a vm context (jest) every global lookup of Math is slow, and these run per date.
const floor = Math.floor;
const min = Math.min;

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
/** Serial day of 1970-01-01, the epoch of the civil-date arithmetic below. */
const UNIX_DAY = 25569;

// Integer civil-date arithmetic (H. Hinnant's days_from_civil / civil_from_days): no Date objects,
// because the callback schedule converts hundreds of thousands of dates per run.

/** The serial day of a calendar date (month 1–12), by integer maths; for dates from 1900-03-01. */
export function fastSerialFromYmd(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + UNIX_DAY;
}

/** The calendar date of a serial day (fractions dropped), by integer maths; for serials from 61. */
export function fastYmdFromSerial(serial: number): { y: number; m: number; d: number } {
  const z = floor(serial) - UNIX_DAY + 719468;
  const era = floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const d = doy - floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The serial date-time (day plus fraction, UTC) of an ISO timestamp; NaN when unreadable. */
export function serialFromIsoTime(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? NaN : serialFromDate(new Date(t));
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
  const { y, m, d } = fastYmdFromSerial(serial);
  const idx = y * 12 + (m - 1) + months;
  const ty = floor(idx / 12);
  const tm = (idx % 12) + 1;
  return fastSerialFromYmd(ty, tm, min(d, daysInMonth(ty, tm)));
}

/** Year × 12 + month index of a serial day, to tell months apart (the random sample rotates monthly). */
export function monthIndex(serial: number): number {
  const { y, m } = fastYmdFromSerial(serial);
  return y * 12 + (m - 1);
}
