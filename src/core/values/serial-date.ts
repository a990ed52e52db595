// Excel's 1900 date system counts days from 1900-01-01 = 1 and, copying Lotus 1-2-3, pretends 1900 was a
// leap year: serial 60 is the fictitious 1900-02-29 and every later serial is one day "ahead". From
// 1900-03-01 (serial 61) on, a serial is therefore simply the day count since 1899-12-30.

const MS_PER_DAY = 86_400_000;
/** 1899-12-30T00:00Z, built with setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999. */
const EPOCH_MS = utcMs(1899, 12, 30);
/** Serial of 1900-03-01, the first day the plain day count is right. */
const FIRST_TRUE_SERIAL = 61;
const FAKE_LEAP_DAY = 60;

/** The largest serial Excel shows as a date: 9999-12-31. */
export const MAX_DATE_SERIAL = 2_958_465;

function utcMs(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

/** Days in a month of the proleptic Gregorian calendar, with Excel's February 1900 of 29 days. */
export function daysInMonth(y: number, m: number): number {
  if (y === 1900 && m === 2) return 29;
  return new Date(utcMs(y, m + 1, 0)).getUTCDate();
}

/** True when y-m-d names a real calendar day (Excel's 1900-02-29 included); parts must be integers. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** The Excel serial day of a calendar date (month 1–12); NaN when the date does not exist. */
export function serialFromYmd(y: number, m: number, d: number): number {
  if (!isValidYmd(y, m, d)) return NaN;
  if (y === 1900 && m === 2 && d === 29) return FAKE_LEAP_DAY;
  const days = Math.round((utcMs(y, m, d) - EPOCH_MS) / MS_PER_DAY);
  return days < FIRST_TRUE_SERIAL ? days - 1 : days;
}

/** The calendar date of an Excel serial day; the time fraction is dropped, serial 60 is 1900-02-29. */
export function ymdFromSerial(serial: number): { y: number; m: number; d: number } {
  const day = Math.floor(serial);
  if (day === FAKE_LEAP_DAY) return { y: 1900, m: 2, d: 29 };
  const days = day < FAKE_LEAP_DAY ? day + 1 : day;
  const t = new Date(EPOCH_MS + days * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** "2024-03-05" for an Excel serial day (time fraction dropped). */
export function isoFromSerial(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The serial day of an ISO date "YYYY-MM-DD"; NaN when the text is not exactly such an existing date. */
export function serialFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
}

/** The serial date-time of a JS Date read in UTC (adapters hand over UTC-midnight dates), fraction kept. */
export function serialFromDate(date: Date): number {
  const days = (date.getTime() - EPOCH_MS) / MS_PER_DAY;
  // Before 1900-03-01 Excel's count is one lower, because its fake leap day comes later.
  return Math.floor(days) < FIRST_TRUE_SERIAL ? days - 1 : days;
}

// Parts of a format code that are never date tokens: quoted literals, backslash/underscore/asterisk
// escapes (one following character) and bracketed sections ([Red], [$-409], [>100], [DBNum1], [h]).
const QUOTED = /"[^"]*"/g;
const ESCAPED = /[\\_*]./g;
const BRACKETED = /\[[^\]]*\]/g;
const SYSTEM_LONG_DATE = /\[\$-F800\]/i;

/** True when an Excel number format shows a date (yyyy-mm-dd, m/d/yyyy, yyyy"年"m"月"d"日", [$-F800]…). */
export function isDateFormat(numberFormat: string): boolean {
  if (SYSTEM_LONG_DATE.test(numberFormat)) return true;
  // Only the first (positive) section decides; a ";" inside quotes is not a separator.
  const code = numberFormat.replace(QUOTED, "").replace(ESCAPED, "");
  const first = code.split(";")[0].replace(BRACKETED, "").toLowerCase();
  // "Standard" is General in German Excel and would otherwise pass for a date by its "d".
  if (first.trim() === "" || /general|standard|通用格式|@/.test(first)) return false;
  if (/[yd]/.test(first)) return true;
  // "aaa"/"aaaa" are Chinese weekday names; "e" is a (Chinese/Japanese) year unless it is scientific notation.
  if (/aaa/.test(first) || (/e/.test(first) && !/[0#?]/.test(first))) return true;
  // "m" alone is ambiguous: minutes next to hours or seconds (h:mm, mm:ss), else a month (mmm).
  return /m/.test(first) && !/[hs]/.test(first);
}
