import * as fs from "fs";
import * as path from "path";
import { isDateFormat } from "../../src/core/values/serial-date";
import type { WorkbookModel } from "../../src/core/workbook/grid";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";

// The corpus (scripts/make-fixtures-xlsx-corpus.py): workbooks written by xlsxwriter, openpyxl and
// LibreOffice, hand-edited XML variants and ZIP variants of them, with openpyxl's reading of each recorded
// in openpyxl.json when it was generated. Every file must read exactly as openpyxl reads it, cell by cell.
const DIR = path.join(__dirname, "files");
type Cell = [number, number, "number" | "text" | "boolean" | "error" | "date", number | string | boolean];
interface SheetReading {
  name: string;
  hidden: boolean;
  cells: Cell[];
}
const RECORD = JSON.parse(fs.readFileSync(path.join(__dirname, "openpyxl.json"), "utf8")) as {
  files: Record<string, SheetReading[] | { openpyxlError: string }>;
};
/** Files openpyxl itself cannot read (it looks for xl/styles.xml by that name): compared with their source. */
const SOURCE_OF: Record<string, string> = { "parts-renamed.xlsx": "xlsxwriter.xlsx" };

/** Our reading in openpyxl.json's shape: non-empty cells in row order, dates as serials. */
function asCells(wb: WorkbookModel): SheetReading[] {
  return wb.sheets.map((s) => {
    const cells: Cell[] = [];
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const kind = s.kinds![r][c];
        const fmt = s.formats![r][c];
        if (kind === "number" && isDateFormat(fmt)) cells.push([r, c, "date", Math.round((v as number) * 1e9) / 1e9]);
        else cells.push([r, c, kind as Cell[2], v]);
      }),
    );
    return { name: s.name, hidden: s.hidden ?? false, cells };
  });
}

/** openpyxl's reading with its dates rounded as ours are (both are serials in the 1900 system). */
function expected(file: string): SheetReading[] {
  const rec = RECORD.files[SOURCE_OF[file] ?? file];
  if (!Array.isArray(rec)) throw new Error(`${file}: openpyxl could not read it (${rec.openpyxlError}) and it has no source`);
  return rec.map((s) => ({ ...s, cells: s.cells.map(([r, c, k, v]) => [r, c, k, k === "date" ? Math.round((v as number) * 1e9) / 1e9 : v] as Cell) }));
}

const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith(".xlsx")).sort();

describe("the corpus is complete", () => {
  test("every generator and variant is there, and openpyxl's reading of each", () => {
    expect(FILES).toEqual(Object.keys(RECORD.files).sort());
    for (const f of ["xlsxwriter.xlsx", "openpyxl.xlsx", "libreoffice.xlsx", "xml-prefix-x.xlsx", "xml-no-r-inline.xlsx", "zip64-entries.xlsx", "zip-data-descriptors.xlsx"]) {
      expect(FILES).toContain(f);
    }
  });
});

describe("every corpus file reads exactly as openpyxl reads it, cell by cell", () => {
  test.each(FILES)("%s", async (file) => {
    const ours = asCells(await readWorkbookFile(path.join(DIR, file)));
    expect(ours).toEqual(expected(file));
  });
});

/** A sheet's cell, by A1-style position (0-based row and column). */
async function cellOf(file: string, sheet: number, row: number, col: number): Promise<{ value: unknown; kind: unknown; format: unknown }> {
  const s = (await readWorkbookFile(path.join(DIR, file))).sheets[sheet];
  return { value: s.values[row]?.[col] ?? null, kind: s.kinds?.[row]?.[col], format: s.formats?.[row]?.[col] };
}

describe("the same data whatever the generator or the package's shape", () => {
  const plain = "xlsxwriter.xlsx";
  test.each(FILES.filter((f) => /^(xml-(prefix-x|single-quotes|comments|cdata|phonetic)|parts-renamed|zip)/.test(f) && !f.includes("no-r")))("%s reads like the plain file", async (file) => {
    const a = await readWorkbookFile(path.join(DIR, file));
    const b = await readWorkbookFile(path.join(DIR, plain));
    expect(a).toEqual(b);
  });
});

describe("part names in any case, resolved through the relationships (xl/Styles.xml, xl/SharedStrings.xml, xl/workbook2.xml)", () => {
  test("percent formats are kept: 90% stays a percent", async () => {
    expect(await cellOf("parts-renamed.xlsx", 0, 1, 4)).toEqual({ value: 0.9, kind: "number", format: "0%" });
    expect((await cellOf("parts-renamed.xlsx", 0, 1, 1)).value).toBe("华星贸易");
  });
});

describe("XML comments are not data", () => {
  test("a comment holding an old row is skipped", async () => {
    expect((await cellOf("xml-comments.xlsx", 0, 2, 0)).value).toBe("C002");
  });
});

describe("CDATA is text without its markers", () => {
  test("shared strings written as CDATA", async () => {
    expect((await cellOf("xml-cdata.xlsx", 0, 0, 0)).value).toBe("客户编号");
    expect((await cellOf("xml-cdata.xlsx", 0, 2, 7)).value).toBe('A&B <合作> "老客户"');
  });
});

describe("phonetic runs (<rPh>) are not cell text", () => {
  test("shared and inline strings", async () => {
    expect((await cellOf("xml-phonetic.xlsx", 0, 2, 1)).value).toBe("东方机械");
    expect((await cellOf("xml-no-r-inline.xlsx", 1, 1, 1)).value).toBe("东方机械");
  });
});

describe("the 1904 date system shifts serial numbers only, never ISO dates (t=\"d\")", () => {
  test("a date serial and an ISO date of the same day read the same", async () => {
    const serial = await cellOf("xml-1904.xlsx", 0, 1, 5);
    const iso = await cellOf("xml-1904.xlsx", 0, 11, 0);
    expect(serial.value).toBe(45432); // 2024-05-20
    expect(iso.value).toBe(45432);
    expect(isDateFormat(String(serial.format))).toBe(true);
  });
});

describe("namespace prefixes, single quotes, cells and rows without r", () => {
  test("x: prefixes", async () => {
    expect((await cellOf("xml-prefix-x.xlsx", 0, 1, 4)).format).toBe("0%");
  });
  test("cells without r follow the previous cell; a row without r follows the previous row", async () => {
    const s = (await readWorkbookFile(path.join(DIR, "xml-no-r-inline.xlsx"))).sheets[1];
    expect(s.values).toEqual([["客户编号", "客户名称", "得分"], ["C001", "东方机械", 88.5], [], ["C002", true, "#DIV/0!"], [null, "a<b", -0.5]]);
    expect(s.kinds![3]).toEqual(["text", "boolean", "error"]);
  });
  test("ZIP64 with prefixes and no r: every sheet, every time", async () => {
    for (let i = 0; i < 5; i++) {
      const wb = await readWorkbookFile(path.join(DIR, "zip64-prefix-no-r.xlsx"));
      expect(wb.sheets.map((s) => s.name)).toEqual(["客户状况登记表", "客户关系评估表", "设置"]);
      expect(wb.sheets[1].values[1]).toEqual(["C001", "东方机械", 88.5]);
    }
  });
});

describe("reading only some sheets", () => {
  test("the others come back empty, named, in their place", async () => {
    const wb = await readWorkbookFile(path.join(DIR, "xlsxwriter.xlsx"), undefined, undefined, { only: ["客户关系评估表"] });
    expect(wb.sheets.map((s) => [s.name, s.values.length])).toEqual([["客户状况登记表", 0], ["客户关系评估表", 21], ["设置", 0]]);
  });
});
