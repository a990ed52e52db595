import { readRefusal } from "./helpers/cli-run";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { WorkbookReadError, type DamageCode } from "../../src/xlsx/read-error";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { buildZip, part, sheet, sst, workbookParts, type BuildEntry } from "../xlsx-corpus/zip-build";
import { cli, tempDir } from "./helpers/cli-run";

// Damaged and hostile packages, built in a temporary folder by the test itself (small on disk: what is
// big is what they would inflate to). Each must be refused with the right reason, and every read settles.
const tmp = tempDir("ct-refuse-");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function write(entries: BuildEntry[], opts?: { zip64End?: boolean }): string {
  const f = path.join(tmp, `case-${++n}.xlsx`);
  buildZip(f, entries, opts);
  return f;
}


async function expectRefused(file: string, kind: "damaged" | "tooLarge", code: DamageCode): Promise<WorkbookReadError> {
  const e = await readRefusal(file);
  expect({ kind: e.kind, code: e.damage?.code }).toEqual({ kind, code });
  return e;
}

const ROW = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>`;
const STRINGS = sst(`<si><t>客户编号</t></si>`);

describe("a valid minimal package reads (the base every damaged case starts from)", () => {
  test("stored or deflated, ZIP64 or not", async () => {
    for (const [method, zip64] of [[8, false], [0, false], [8, true], [0, true]] as const) {
      const entries = workbookParts(sheet(ROW), STRINGS).map((e) => ({ ...e, method, zip64 }));
      const wb = await readWorkbookFile(write(entries, { zip64End: zip64 }));
      expect(wb.sheets[0].values[0]).toEqual(["客户编号", 42]);
    }
  });
});

describe("CRC-32 mismatch is refused", () => {
  test("a stored sheet with one byte changed", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    const s = part(entries, "xl/worksheets/sheet1.xml");
    const good = Buffer.from(s.data as string);
    s.method = 0;
    s.crc = zlib.crc32(good);
    s.data = Buffer.from((s.data as string).replace("<v>42</v>", "<v>43</v>"));
    const e = await expectRefused(write(entries), "damaged", "crc");
    expect(e.damage?.part).toBe("xl/worksheets/sheet1.xml");
  });
  test("a deflated shared strings part whose CRC is wrong", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    part(entries, "xl/sharedStrings.xml").crc = 0x12345678;
    await expectRefused(write(entries), "damaged", "crc");
  });
});

describe("damaged deflate data is refused, and the read settles", () => {
  test.each(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml"])("in %s", async (name) => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    const e = part(entries, name);
    // 0xFF: a final block of the reserved type 3, which no inflater accepts.
    e.raw = Buffer.concat([Buffer.from([0xff]), zlib.deflateRawSync(Buffer.from(e.data as string)).subarray(1)]);
    await expectRefused(write(entries), "damaged", "deflate");
  });
  test("a deflate stream cut short", async () => {
    const entries = workbookParts(sheet(ROW.repeat(200)), STRINGS);
    const e = part(entries, "xl/worksheets/sheet1.xml");
    const full = zlib.deflateRawSync(Buffer.from(e.data as string));
    e.raw = full.subarray(0, full.length >> 1);
    const err = await readRefusal(write(entries));
    expect(err.kind).toBe("damaged");
    expect(["deflate", "size"]).toContain(err.damage?.code);
  });
});

describe("declared sizes are held to", () => {
  test("more data than the entry declares", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    part(entries, "xl/worksheets/sheet1.xml").size = 20;
    await expectRefused(write(entries), "damaged", "size");
  });
  test("less data than the entry declares", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    const e = part(entries, "xl/worksheets/sheet1.xml");
    e.size = Buffer.byteLength(e.data as string) + 100;
    await expectRefused(write(entries), "damaged", "size");
  });
  test("a stored entry whose compressed and uncompressed sizes differ", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    const e = part(entries, "xl/worksheets/sheet1.xml");
    e.method = 0;
    e.size = Buffer.byteLength(e.data as string) + 1;
    await expectRefused(write(entries), "damaged", "size");
  });
});

describe("duplicate entry names are refused", () => {
  test("the same sheet twice (the second copy differs)", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    entries.push({ name: "xl/worksheets/sheet1.xml", data: sheet(`<row r="1"><c r="B1"><v>99</v></c></row>`) });
    const e = await expectRefused(write(entries), "damaged", "duplicate");
    expect(e.damage?.part).toBe("xl/worksheets/sheet1.xml");
  });
  test("names that differ only in case (part names are case-insensitive)", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    entries.push({ name: "XL/Worksheets/Sheet1.xml", data: sheet(ROW) });
    await expectRefused(write(entries), "damaged", "duplicate");
  });
});

describe("cell and row addresses past XFD1048576 are refused", () => {
  test.each([
    ["ZZZZZZ20", "cellAddress"],
    ["XFE1", "cellAddress"],
    ["A1048577", "cellAddress"],
    ["A0", "cellAddress"],
    ["1A", "cellAddress"],
  ])("cell %s", async (ref, code) => {
    await expectRefused(write(workbookParts(sheet(`<row><c r="${ref}"><v>1</v></c></row>`))), "damaged", code as DamageCode);
  });
  test.each(["2000000000", "1048577", "0", "-1", "x"])("row r=%s", async (r) => {
    await expectRefused(write(workbookParts(sheet(`<row r="${r}"><c><v>1</v></c></row>`))), "damaged", "rowAddress");
  });
  test("the last cell XFD1048576 itself is read", async () => {
    const wb = await readWorkbookFile(write(workbookParts(sheet(`<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>`))));
    const s = wb.sheets[0];
    expect(s.values.length).toBe(1048576);
    expect(s.values[1048575][16383]).toBe(7);
  });
  test("a cell whose address names another row than its own", async () => {
    const e = await expectRefused(write(workbookParts(sheet(`<row r="3"><c r="B5"><v>1</v></c></row>`))), "damaged", "cellAddress");
    expect(e.damage?.detail).toBe("3");
  });
  test("cells without r running past XFD", async () => {
    await expectRefused(write(workbookParts(sheet(`<row>${"<c><v>1</v></c>".repeat(16385)}</row>`))), "damaged", "cellAddress");
  });
});

describe("more than 1,048,576 rows are refused", () => {
  test("rows without r", async () => {
    await expectRefused(write(workbookParts(sheet("<row/>".repeat(1048577)))), "damaged", "tooManyRows");
  });
  test("exactly 1,048,576 rows without r are read", async () => {
    const wb = await readWorkbookFile(write(workbookParts(sheet("<row/>".repeat(1048575) + `<row><c><v>5</v></c></row>`))));
    expect(wb.sheets[0].values[1048575]).toEqual([5]);
  });
});

describe("values that contradict their type are refused (never a silent wrong number)", () => {
  test.each([
    [`<c r="A1"><v>12abc</v></c>`, "number"],
    [`<c r="A1"><v>0x1A</v></c>`, "number"],
    [`<c r="A1"><v>Infinity</v></c>`, "number"],
    [`<c r="A1" t="s"><v>5</v></c>`, "shared string"],
    [`<c r="A1" t="b"><v>yes</v></c>`, "boolean"],
    [`<c r="A1" t="d"><v>20 May</v></c>`, "date"],
    [`<c r="A1" t="x"><v>1</v></c>`, "type"],
  ])("%s", async (cell, what) => {
    const e = await expectRefused(write(workbookParts(sheet(`<row r="1">${cell}</row>`), STRINGS)), "damaged", "cellValue");
    expect(e.damage?.detail).toContain(what);
    expect(e.damage?.cell).toBe("A1");
    expect(e.damage?.sheet).toBe("客户");
  });
});

describe("a part that is not XML is refused", () => {
  test.each([
    ["binary bytes", Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x50, 0x4b])],
    ["unclosed elements", sheet(ROW).replace("</sheetData>", "")],
    ["a double hyphen inside a comment", sheet(`<!-- <row r="3"><!-- x --> -->${ROW}`)],
    ["an undefined entity", sheet(`<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`)],
    ["bytes that are not UTF-8", Buffer.concat([Buffer.from(sheet("").slice(0, 60)), Buffer.from([0xc3, 0x28]), Buffer.from(sheet("").slice(60))])],
    ["an empty part", ""],
  ])("%s", async (_, data) => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    part(entries, "xl/worksheets/sheet1.xml").data = data;
    const e = await expectRefused(write(entries), "damaged", "notXml");
    expect(e.damage?.part).toBe("xl/worksheets/sheet1.xml");
  });
});

describe("DTDs are refused: no billion laughs, no external entity", () => {
  test("billion laughs in the shared strings", async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&d;&d;&d;&d;</t></si></sst>`;
    const e = await expectRefused(write(workbookParts(sheet(ROW), lol)), "damaged", "notXml");
    expect(e.damage?.detail).toMatch(/DOCTYPE/);
  });
  test("an external entity in a sheet", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + sheet(`<row r="1"><c r="A1" t="str"><v>&x;</v></c></row>`).replace(/^<\?xml[^>]*\?>/, "");
    await expectRefused(write(workbookParts(xxe)), "damaged", "notXml");
  });
});

describe("zip bombs are refused before they inflate", () => {
  test("a sheet that would inflate to 120 MB from a file of about 120 KB", async () => {
    const pad = Buffer.alloc(120 * 1024 * 1024, 0x20);
    const xml = Buffer.concat([Buffer.from(sheet("").replace("</sheetData>", "")), pad, Buffer.from("</sheetData></worksheet>")]);
    const entries = workbookParts("", STRINGS);
    const s = part(entries, "xl/worksheets/sheet1.xml");
    s.data = xml;
    const f = write(entries);
    expect(fs.statSync(f).size).toBeLessThan(200 * 1024);
    const e = await expectRefused(f, "tooLarge", "inflation");
    expect(e.damage?.part).toBe("xl/worksheets/sheet1.xml");
  });
  test("shared strings declared at 3 GB (ZIP64 sizes)", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS).map((e) => ({ ...e, zip64: true }));
    part(entries, "xl/sharedStrings.xml").size = 3 * 1024 ** 3;
    await expectRefused(write(entries, { zip64End: true }), "tooLarge", "inflation");
  });
});

describe("hostile shapes stay bounded", () => {
  test("one cell at XFD in every row: refused once the cells pass the bound, not after filling memory", async () => {
    let rows = "";
    for (let r = 1; r <= 3000; r++) rows += `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
    const e = await expectRefused(write(workbookParts(sheet(rows))), "tooLarge", "cells");
    expect(e.damage?.sheet).toBe("客户");
  });
  test("a 20-million-character text item", async () => {
    const big = Buffer.concat([Buffer.from(`<row r="1"><c r="A1" t="inlineStr"><is><t>`), Buffer.alloc(20_000_000, 0x61), Buffer.from(`</t></is></c></row>`)]);
    const entries = workbookParts("");
    const s = part(entries, "xl/worksheets/sheet1.xml");
    s.data = Buffer.concat([Buffer.from(sheet("").replace("</sheetData></worksheet>", "")), big, Buffer.from("</sheetData></worksheet>")]);
    // Pad the file with an unread stored entry so the text stays under the inflation cap.
    entries.push({ name: "xl/media/pad.bin", data: randomBytes(200 * 1024), method: 0 });
    await expectRefused(write(entries), "tooLarge", "xmlItem");
  });
  test("30 MB of whitespace between rows is read, in linear time", async () => {
    const ws = Buffer.alloc(30 * 1024 * 1024, 0x20);
    const entries = workbookParts("");
    part(entries, "xl/worksheets/sheet1.xml").data = Buffer.concat([
      Buffer.from(sheet("").replace("</sheetData></worksheet>", `<row r="1"><c r="A1"><v>1</v></c></row>`)),
      ws,
      Buffer.from(`<row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`),
    ]);
    entries.push({ name: "xl/media/pad.bin", data: randomBytes(200 * 1024), method: 0 });
    const wb = await readWorkbookFile(write(entries));
    expect(wb.sheets[0].values).toEqual([[1], [2]]);
  });
});

describe("entries and parts a workbook never has", () => {
  test("an encrypted entry", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS);
    part(entries, "xl/worksheets/sheet1.xml").flags = 1;
    await expectRefused(write(entries), "damaged", "method");
  });
  test("a sheet whose part is missing", async () => {
    const entries = workbookParts(sheet(ROW), STRINGS).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
    const e = await expectRefused(write(entries), "damaged", "missingPart");
    expect(e.damage?.sheet).toBe("客户");
  });
});

describe("the command line refuses with exit 2 and a message in the user's language, writing nothing", () => {
  test.each([
    ["zh-CN", "CRC-32 校验不符"],
    ["en-US", "fails its CRC-32 check"],
  ])("%s", async (lang, words) => {
    const dir = tempDir();
    const entries = workbookParts(sheet(ROW), STRINGS);
    part(entries, "xl/worksheets/sheet1.xml").crc = 1;
    const input = path.join(dir, "register.xlsx");
    buildZip(input, entries);
    const before = fs.readFileSync(input);
    const r = await cli([input, "--lang", lang]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain("xl/worksheets/sheet1.xml");
    expect(fs.readdirSync(dir)).toEqual(["register.xlsx"]);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
