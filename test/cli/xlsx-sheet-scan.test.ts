import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { SheetGrid } from "../../src/core/workbook/grid";
import { isDateFormat } from "../../src/core/values/serial-date";
import { readSharedStrings } from "../../src/xlsx/read-shared-strings";
import { readCellFormats } from "../../src/xlsx/read-styles";
import { GridBuilder, readSheetGridSaxes, type RowFilter, type SheetContext } from "../../src/xlsx/sheet-rows";
import { readSharedStringsPart, readSheetGrid, scanSheet, scanStrings } from "../../src/xlsx/sheet-scan";
import { ZipPackage } from "../../src/xlsx/zip-reader";

// The byte scanner (sheet-scan.ts) must read every worksheet it accepts exactly as saxes does, and give up
// (so saxes reads the part) on everything outside its subset: compared here part by part with saxes alone.

/** A part's bytes as a stream, cut into pieces of `size` bytes. */
async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

const STRINGS = ["alpha", "β gamma", "", "  spaced  ", "<&>"];

function context(strings: string[] = STRINGS, formats: string[] = ["General", "0.00", "yyyy-mm-dd", "@"], date1904 = false): SheetContext {
  return { part: "xl/worksheets/sheet1.xml", sheet: "S", strings, formats, dateStyle: formats.map(isDateFormat), date1904, budget: { left: 1 << 24 } };
}

const emptyGrid = (): SheetGrid => ({ name: "S", values: [] });

/** What saxes alone makes of a part: the grid, or its refusal's message. */
async function bySaxes(xml: Buffer, ctx: SheetContext): Promise<SheetGrid | string> {
  const grid = emptyGrid();
  try {
    await readSheetGridSaxes(pieces(xml, 1 << 20), { ...ctx, budget: { left: ctx.budget.left } }, grid);
    return grid;
  } catch (e) {
    return (e as Error).message;
  }
}

/** What the scanner alone makes of a part, read in pieces of `size` bytes: the grid, or null when it gives up. */
async function byScanner(xml: Buffer, ctx: SheetContext, size: number): Promise<SheetGrid | null> {
  const grid = emptyGrid();
  const b = new GridBuilder({ ...ctx, budget: { left: ctx.budget.left } }, grid, undefined);
  try {
    if (!(await scanSheet(pieces(xml, size), b, size))) return null;
  } catch {
    return null;
  }
  grid.merges = b.mergeRefs.length ? (await bySaxes(xml, ctx) as SheetGrid).merges : [];
  return grid;
}

/** What the reader makes of a part (scanner, then saxes when it gives up): the grid, or the refusal's message. */
async function byReader(xml: Buffer, ctx: SheetContext): Promise<SheetGrid | string> {
  const grid = emptyGrid();
  try {
    await readSheetGrid(() => pieces(xml, 7), { ...ctx, budget: { left: ctx.budget.left } }, grid);
    return grid;
  } catch (e) {
    return (e as Error).message;
  }
}

const sheet = (rows: string, head = "", tail = ""): Buffer =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="urn:x">${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`);

describe("the scanner reads the corpus's worksheets as saxes does", () => {
  const dirs = [path.join(__dirname, "..", "xlsx-corpus", "files"), path.join(__dirname, "..", "fixtures")];
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(d, f)));
  // Files with worksheets the scanner leaves to saxes: a namespace prefix on every element, comments.
  const GIVES_UP = new Set(["xml-prefix-x.xlsx", "xml-comments.xlsx", "zip64-prefix-no-r.xlsx"]);

  test.each(files.map((f) => [path.basename(f), f]))("%s", async (name, file) => {
    let zip: ZipPackage;
    try {
      zip = await ZipPackage.open(file);
    } catch {
      return expect(["encrypted.xlsx", "not-a-workbook.xlsx"]).toContain(name);
    }
    try {
      const bytes = async (entry: { name: string }): Promise<Buffer> => {
        const out: Buffer[] = [];
        for await (const c of zip.stream(zip.find(entry.name)!)) out.push(c);
        return Buffer.concat(out);
      };
      const sst = zip.entries.find((e) => /sharedstrings[^/]*\.xml$/i.test(e.name));
      const styles = zip.entries.find((e) => /styles[^/]*\.xml$/i.test(e.name));
      const strings = sst ? await readSharedStrings(pieces(await bytes(sst), 1 << 20), sst.name) : [];
      const formats = styles ? await readCellFormats(pieces(await bytes(styles), 1 << 20), styles.name) : [];
      if (sst) {
        // The shared strings too: the same texts as saxes reads, however the bytes are cut.
        const xml = await bytes(sst);
        for (const size of [1 << 20, 97, 1]) {
          const got = await scanStrings(pieces(xml, size), size);
          // Prefixes, comments and CDATA in the strings part are saxes's.
          if (got !== null || !(GIVES_UP.has(name) || name === "xml-cdata.xlsx")) expect(got).toEqual(strings);
        }
        expect(await readSharedStringsPart(() => pieces(xml, 5), sst.name)).toEqual(strings);
      }
      const parts = zip.entries.filter((e) => /worksheets\/[^/]+\.xml$/i.test(e.name));
      expect(parts.length).toBeGreaterThan(0);
      let gaveUp = 0;
      for (const part of parts) {
        const xml = await bytes(part);
        const ctx = context(strings, formats);
        const want = await bySaxes(xml, ctx);
        for (const size of [1 << 20, 97, 1]) {
          const got = await byScanner(xml, ctx, size);
          if (got === null) gaveUp++;
          else expect(got).toEqual(want);
        }
        expect(await byReader(xml, ctx)).toEqual(want);
      }
      if (GIVES_UP.has(name)) expect(gaveUp).toBeGreaterThan(0);
      else expect(gaveUp).toBe(0);
    } finally {
      zip.close();
    }
  });
});

// Random worksheets in the forms writers use: cells with and without r, every type, styles, entities and
// character references, attributes in any order and either quote, odd whitespace, empty elements,
// formulas, inline strings with runs and phonetic text, rows out of order.
const ws = fc.constantFrom("", " ", "\n", "\t", "  \n ");
const quote = fc.constantFrom('"', "'");
const textChar = fc.constantFrom("a", "Z", "0", " ", "中", "é", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x4E2D;", "&#x1F600;", "\n", "\t", ">", "]", "_x000D_", "😀");
const text = fc.array(textChar, { maxLength: 6 }).map((a) => a.join(""));
const numberText = fc.oneof(
  fc.integer({ min: -1e6, max: 1e12 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map(String),
  fc.constantFrom("0", "-0", "007", "1.50", "5.", ".5", "1e3", " 12 ", "", "12345678901234567890", "0.1", "3.14159265358979"),
);

interface GenCell {
  ref: boolean;
  t: string | null;
  s: number | null;
  v: string | null;
  f: boolean;
  inline: string | null;
  attrOrder: number[];
  q: string;
  sp: string;
}

const cellArb: fc.Arbitrary<GenCell> = fc.record({
  ref: fc.boolean(),
  t: fc.constantFrom(null, "n", "s", "str", "inlineStr", "b", "e", "d"),
  s: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  v: fc.option(fc.oneof(numberText, text, fc.constantFrom("0", "1", "3", "true", "#N/A", "2024-02-29", "2024-02-29T12:00:00")), { nil: null }),
  f: fc.boolean(),
  inline: fc.option(text, { nil: null }),
  attrOrder: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
  q: quote,
  sp: ws,
});

function cellXml(c: GenCell, col: number, row: number): string {
  const letters = String.fromCharCode(65 + (col % 26));
  const attrs: string[] = [];
  for (const k of c.attrOrder) {
    if (k === 0 && c.ref) attrs.push(`r=${c.q}${letters}${row}${c.q}`);
    if (k === 1 && c.t !== null) attrs.push(`t=${c.q}${c.t}${c.q}`);
    if (k === 2 && c.s !== null) attrs.push(`s=${c.q}${c.s}${c.q}`);
  }
  const open = `<c${attrs.map((a) => ` ${a}`).join("")}${c.sp}`;
  let body = "";
  if (c.f) body += `<f>SUM(A1:B2)&amp;"x"</f>`;
  if (c.v !== null) body += c.v === "" ? "<v/>" : `<v>${c.v}</v>`;
  if (c.inline !== null) body += `<is><r><rPr><b/></rPr><t xml:space="preserve">${c.inline}</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh><t>${c.inline}</t></is>`;
  return body === "" ? `${open}/>` : `${open}>${body}</c>`;
}

const rowsArb = fc.array(
  fc.record({ cells: fc.array(cellArb, { maxLength: 5 }), r: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }), sp: ws, extra: fc.boolean() }),
  { maxLength: 6 },
);

interface GenRow {
  cells: GenCell[];
  r: number | null;
  sp: string;
  extra: boolean;
}

function sheetXml(rows: GenRow[]): Buffer {
  let xml = "";
  rows.forEach((row, i) => {
    const n = row.r ?? i + 1;
    const attrs = `${row.r !== null ? ` r="${row.r}"` : ""}${row.extra ? ` spans="1:5" x14ac:dyDescent='0.25' ht="15"` : ""}`;
    const cells = row.cells.map((c, k) => cellXml(c, k, n)).join(row.sp);
    xml += cells === "" ? `<row${attrs}${row.sp}/>` : `<row${attrs}>${row.sp}${cells}</row>${row.sp}`;
  });
  return sheet(xml, `<dimension ref="A1:E8"/><cols><col min="1" max="2" width="9"/></cols>`, `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`);
}

describe("the scanner reads generated worksheets as saxes does, however the bytes are cut", () => {
  test("same grid as saxes whenever the scanner reads the part; the reader's result is saxes's in every case", async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.integer({ min: 1, max: 64 }), fc.boolean(), async (rows, size, date1904) => {
        const xml = sheetXml(rows);
        const ctx = context(STRINGS, ["General", "0.00", "yyyy-mm-dd", "@", "hh:mm"], date1904);
        const want = await bySaxes(xml, ctx);
        const got = await byScanner(xml, ctx, size);
        // A grid saxes reads is read by the scanner too (no CR, no CDATA here); a refusal leaves it to saxes.
        if (typeof want === "string") expect(got).toBeNull();
        else expect(got).toEqual(want);
        if (got !== null) read++;
        expect(await byReader(xml, ctx)).toEqual(want);
      }),
      { numRuns: 300 },
    );
    // A good share of the generated sheets are valid (the rest have a value their type refuses).
    expect(read).toBeGreaterThan(40);
  });

  test("damaged or unusual bytes anywhere: the reader gives saxes's grid or saxes's refusal", async () => {
    const insert = fc.constantFrom("<", "&", "&bogus;", "&#0;", "\u0001", "]]>", "<!-- c -->", "<![CDATA[7]]>", "<?pi x?>", "\r\n", "</c>", "<x:c r=\"A1\"/>", '"', "'", "\uFFFE", "<v>", " r=\"B2\"", "\r");
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.nat(), insert, fc.boolean(), async (rows, at, what, cut) => {
        const base = sheetXml(rows);
        const p = at % base.length;
        const xml = cut ? base.subarray(0, p) : Buffer.concat([base.subarray(0, p), Buffer.from(what), base.subarray(p)]);
        const ctx = context();
        expect(await byReader(xml, ctx)).toEqual(await bySaxes(xml, ctx));
      }),
      { numRuns: 400 },
    );
  });
});

describe("numbers past 15 digits in the writers' plain form", () => {
  // A score at full precision (72.34567891234567) is 16–17 digits: the scanner reads such a cell in its
  // plain form itself, handing the text to closeCell as saxes's reading does.
  const longNumber = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
    fc.bigInt({ min: 10n ** 15n, max: 10n ** 40n }).map(String),
    fc.constantFrom("0.30000000000000004", "-72.34567891234567", "1234567890123456", "-1234567890123456.5", "9".repeat(308), "00000000000000001.5", "-0.0000000000000001"),
  );

  test("the same grid as saxes, read by the scanner without giving up, however the bytes are cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(longNumber, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 64 }), async (rows, size) => {
        const xml = sheet(rows.map((vs, r) => `<row r="${r + 1}">${vs.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" s="1"><v>${v}</v></c>`).join("")}</row>`).join(""));
        const ctx = context();
        const want = await bySaxes(xml, ctx);
        expect(typeof want).not.toBe("string");
        expect(await byScanner(xml, ctx, size)).toEqual(want);
        expect(await byReader(xml, ctx)).toEqual(want);
        rows.forEach((vs, r) => vs.forEach((v, c) => expect((want as SheetGrid).values[r][c]).toBe(Number(v))));
      }),
      { numRuns: 200 },
    );
  });

  test("a number too large for a double (309 digits or more, signed or not) is refused by both, as saxes refuses it", async () => {
    for (const v of ["9".repeat(309), "9".repeat(400), `-${"9".repeat(400)}`, "1e400"]) {
      const xml = sheet(`<row r="1"><c r="A1"><v>${v}</v></c></row>`);
      const ctx = context();
      const want = await bySaxes(xml, ctx);
      expect(want).toMatch(/number/);
      expect(await byReader(xml, ctx)).toEqual(want);
    }
  });

  test("a shared string index past 15 digits is refused as saxes refuses it", async () => {
    const xml = sheet(`<row r="1"><c r="A1" t="s"><v>1234567890123456</v></c></row>`);
    const ctx = context();
    const want = await bySaxes(xml, ctx);
    expect(want).toMatch(/shared string/);
    expect(await byReader(xml, ctx)).toEqual(want);
  });
});

describe("the scanner gives up on what it does not read (saxes reads it)", () => {
  const cell = `<row r="1"><c r="A1"><v>1</v></c></row>`;
  const cases: [string, Buffer][] = [
    ["a namespace prefix in sheetData", sheet(`<row r="1"><x:c r="A1"><x:v>1</x:v></x:c></row>`)],
    ["a prefixed root", Buffer.from(`<x:worksheet xmlns:x="urn:x"><x:sheetData>${cell}</x:sheetData></x:worksheet>`)],
    ["CDATA", sheet(`<row r="1"><c r="A1"><v><![CDATA[1]]></v></c></row>`)],
    ["a comment in sheetData", sheet(`<!-- note -->${cell}`)],
    ["a processing instruction", sheet(`<?pi x?>${cell}`)],
    ["a DOCTYPE", Buffer.from(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "1">]><worksheet><sheetData>${cell}</sheetData></worksheet>`)],
    ["UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<worksheet><sheetData>${cell}</sheetData></worksheet>`, "utf16le")])],
    ["another encoding", Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><worksheet><sheetData>${cell}</sheetData></worksheet>`)],
    ["XML 1.1", Buffer.from(`<?xml version="1.1"?><worksheet><sheetData>${cell}</sheetData></worksheet>`)],
    ["a carriage return in a value", sheet(`<row r="1"><c r="A1" t="str"><v>a\r\nb</v></c></row>`)],
    ["a line feed in an address", sheet(`<row r="1"><c r="A1\n"><v>1</v></c></row>`)],
    ["an undeclared entity", sheet(`<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`)],
    ["a character reference to no character", sheet(`<row r="1"><c r="A1" t="str"><v>&#1;</v></c></row>`)],
    ["a repeated attribute", sheet(`<row r="1"><c r="A1" r="B1"><v>1</v></c></row>`)],
    ["]]> in text", sheet(`<row r="1"><c r="A1" t="str"><v>a]]>b</v></c></row>`)],
    ["a control character", sheet(`<row r="1"><c r="A1" t="str"><v>a\u0001b</v></c></row>`)],
    ["U+FFFF", sheet(`<row r="1"><c r="A1" t="str"><v>a\uFFFFb</v></c></row>`)],
    ["bytes that are not UTF-8", Buffer.concat([sheet("").subarray(0, 60), Buffer.from([0xc3, 0x28]), sheet(cell).subarray(60)])],
    ["an element inside <v>", sheet(`<row r="1"><c r="A1"><v><b/>1</v></c></row>`)],
    ["an element other than <c> in a row", sheet(`<row r="1"><extLst/>${cell.slice(11)}`)],
    ["an element other than <row> in sheetData", sheet(`<c r="A1"><v>1</v></c>`)],
    ["33 attributes", sheet(`<row r="1" ${Array.from({ length: 32 }, (_, i) => `a${i}="1"`).join(" ")}/>`)],
    ["a cut part", sheet(cell).subarray(0, 150)],
    ["a second root", Buffer.concat([sheet(cell), Buffer.from("<worksheet/>")])],
    ["text after the root", Buffer.concat([sheet(cell), Buffer.from("x")])],
    ["mismatched tags", sheet(`<row r="1"><c r="A1"><v>1</c></v></row>`)],
    ["an unquoted attribute", sheet(`<row r=1>${cell.slice(11)}`)],
    ["attributes without space between", sheet(`<row r="1"><c r="A1"t="n"><v>1</v></c></row>`)],
    ["a value longer than the scanner holds", sheet(`<row r="1"><c r="A1" t="str"><v>${"x".repeat(5 << 20)}</v></c></row>`)],
    ["a root that is not <worksheet> (an empty <sheetData/>, then a second root)", Buffer.from(`<sheetData/><worksheet><sheetData>${cell}</sheetData></worksheet>`)],
    ["nesting deeper than saxes allows (4,097 levels after the rows)", sheet(cell, "", `${"<a>".repeat(4097)}${" ".repeat(1 << 20)}${"</a>".repeat(4097)}`)],
    ["nesting deeper than the scanner follows, inside an inline string", sheet(`<row r="1"><c r="A1" t="inlineStr"><is>${"<r>".repeat(70)}${"</r>".repeat(70)}</is></c></row>`)],
  ];

  test.each(cases)("%s", async (_, xml) => {
    const ctx = context();
    expect(await byScanner(xml, ctx, 1 << 20)).toBeNull();
    expect(await byReader(xml, ctx)).toEqual(await bySaxes(xml, ctx));
  });

  test("the plain form of the same cell is read by the scanner", async () => {
    const ctx = context();
    const got = await byScanner(sheet(cell), ctx, 1 << 20);
    expect(got?.values).toEqual([[1]]);
  });
});

describe("the scanner reads shared strings as saxes does", () => {
  const item = fc.oneof(
    text.map((t) => `<si><t>${t}</t></si>`),
    fc.tuple(text, text).map(([a, b]) => `<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">${a}</t></r><r><t>${b}</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></si>`),
    fc.constant("<si/>"),
    fc.constant("<si><t/></si>"),
  );
  const part = (items: string[]): Buffer =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="urn:main" count="${items.length}" uniqueCount='${items.length}'>${items.join("")}</sst>`);
  const saxes = async (xml: Buffer): Promise<string[] | string> => {
    try {
      return await readSharedStrings(pieces(xml, 1 << 20), "xl/sharedStrings.xml");
    } catch (e) {
      return (e as Error).message;
    }
  };
  const reader = async (xml: Buffer): Promise<string[] | string> => {
    try {
      return await readSharedStringsPart(() => pieces(xml, 3), "xl/sharedStrings.xml");
    } catch (e) {
      return (e as Error).message;
    }
  };

  test("generated items, cut anywhere: the scanner's texts are saxes's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 8 }), fc.integer({ min: 1, max: 50 }), async (items, size) => {
        const xml = part(items);
        const want = await saxes(xml);
        // Generated text can hold "]]>", which XML refuses: then the scanner gives up and saxes refuses.
        const got = await scanStrings(pieces(xml, size), size);
        if (typeof want === "string") expect(got).toBeNull();
        else expect(got).toEqual(want);
        expect(await reader(xml)).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    ["an <si> as the root, then a second root", "<si><t>a</t></si><sst/>"],
    ["an empty <si/> as the root, then a second root", "<si/><sst><si><t>b</t></si></sst>"],
  ])("%s: refused as saxes refuses it", async (_, xml) => {
    const got = await reader(Buffer.from(xml));
    expect(typeof got).toBe("string");
    expect(got).toEqual(await saxes(Buffer.from(xml)));
  });

  test("damaged or unusual bytes anywhere: the reader gives saxes's texts or saxes's refusal", async () => {
    const insert = fc.constantFrom("<", "&", "&x;", "\u0000", "]]>", "<!--c-->", "<![CDATA[a]]>", "\r", "<si>", "</t>", "<x:si/>", "\uFFFF");
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 6 }), fc.nat(), insert, async (items, at, what) => {
        const base = part(items);
        const p = at % base.length;
        const xml = Buffer.concat([base.subarray(0, p), Buffer.from(what), base.subarray(p)]);
        expect(await reader(xml)).toEqual(await saxes(xml));
      }),
      { numRuns: 300 },
    );
  });
});

describe("a second reading starts afresh", () => {
  test("when the scanner gives up late, the row filter and the cell budget are new for saxes's reading", async () => {
    // A filter with state (it drops column B of every row after the first it sees), as the previous-output filter has.
    const makeFilter = (): RowFilter => {
      let first = true;
      return (_r, values, kinds, formats) => {
        if (first) {
          first = false;
          return;
        }
        values[1] = null;
        kinds[1] = "empty";
        formats[1] = "General";
      };
    };
    let made = 0;
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i * 2}</v></c></row>`).join("");
    // A comment after the rows: the scanner has read them all before it gives up.
    const xml = sheet(`${rows}<!-- late -->`);
    const ctx: SheetContext = { ...context(), budget: { left: 200 }, filter: () => (made++, makeFilter()) };
    const grid = emptyGrid();
    await readSheetGrid(() => pieces(xml, 64), ctx, grid);
    expect(made).toBe(2);
    expect(grid.values[0]).toEqual([0, 0]);
    expect(grid.values.slice(1)).toEqual(Array.from({ length: 49 }, (_, i) => [i + 1]));
    // The budget is spent once (50 rows, two cells each: 150 of the 200 slots); twice would refuse the sheet.
    expect(ctx.budget.left).toBe(50);
  });
});
