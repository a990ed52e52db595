/**
 * Request sizes as real office.js serialises them (npm @microsoft/office-js 1.1.110, measured in
 * test/office/request-size.test.ts, which fails when these stop being upper bounds). Excel on the web refuses
 * a request over 5 MB — and sometimes answers an oversize one with a generic error — so a request is kept
 * to about 1 MB of that serialised size.
 */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** Response bytes a read asks for per sync, measured on what comes back: Excel on the web refuses 5 MB. */
export const RESPONSE_BUDGET_BYTES = 4_000_000;

/** A fill and a font colour on one block (a new range: about 830 measured). */
export const BLOCK_FORMAT_BYTES = 900;

/** One column's width (a new range, its entire column, format: about 620 measured). */
export const COLUMN_WIDTH_BYTES = 700;

/** The header row's fill, font colour and bold. */
export const HEADER_FORMAT_BYTES = 1_100;

/** A chart: add, name, axis labels, title, position. */
export const CHART_BYTES = 2_400;

/** Fixed part of a values request (its range and the calculation suspension) besides the values' JSON. */
export const VALUES_REQUEST_BYTES = 700;

/**
 * Office.js's serialisation of values over their JSON: it splits large writes into row ranges (3–5 % measured
 * on hand-made tabs; up to 6.8 % on a 4 MB batch of a real plan's tabs, empty cells and short texts).
 */
export const VALUES_OVERHEAD = 1.08;
