/**
 * Request sizes as real office.js serialises them (npm @microsoft/office-js 1.1.110, measured in
 * test/office/request-size.test.ts, which fails when these stop being upper bounds). Excel on the web refuses
 * a request over 5 MB — and sometimes answers an oversize one with a generic error. The estimates below are
 * upper bounds of the serialised size, so a request of at most 4.75 MB by them is under 5,000,000 bytes as
 * sent (5 % under the stricter reading of "5 MB"; the fake refuses anything over 5,000,000).
 */
export const REQUEST_BUDGET_BYTES = 4_750_000;

/** Response bytes a read asks for per sync, measured on what comes back: Excel on the web refuses 5 MB. */
export const RESPONSE_BUDGET_BYTES = 4_750_000;

/** Excel on the web's limit per request and per response, read strictly (5,000,000 rather than 5 MiB). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/**
 * Colours on a group of rectangles (worksheet.getRanges, its address, a fill and a font colour): this fixed
 * part plus the address's length (about 850 besides a 251-character address and the sheet, measured).
 */
export const AREAS_FORMAT_BYTES = 900;

/**
 * Longest address given to worksheet.getRanges. Excel documents no limit, and long ones fail unpredictably
 * (office-js #5198: some of ~500 areas and 8,000 characters); 255 is the length a Range address has always
 * been allowed in Excel.
 */
export const RANGES_ADDRESS_CHARS = 255;

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
