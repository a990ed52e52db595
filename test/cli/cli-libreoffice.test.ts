import * as path from "path";
import { cli, copyFixture, tempDir } from "./helpers/cli-run";
import { convertToCsv, convertToPdf, hasSoffice, pdfText } from "./helpers/soffice";

/** A CSV line's cells, for the simple quoting LibreOffice writes. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  const re = /"((?:[^"]|"")*)"|([^,\n]*)/gy;
  for (const line of text.split(/\r?\n/)) {
    re.lastIndex = 0;
    while (re.lastIndex < line.length) {
      const m = re.exec(line);
      if (!m) break;
      cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
      if (line[re.lastIndex] === ",") re.lastIndex++;
      else break;
    }
  }
  return cells;
}

// LibreOffice must be installed (`.ci/run` installs libreoffice-calc): without soffice this test fails
// with that message rather than being skipped.
describe("the written workbook opens in LibreOffice", () => {
  let dir: string;
  let output: string;
  beforeAll(async () => {
    expect({ soffice: hasSoffice(), hint: "apt-get install -y libreoffice-calc poppler-utils" }).toEqual({ soffice: true, hint: expect.any(String) });
    dir = tempDir();
    const input = copyFixture("register-messy.xlsx", dir);
    const r = await cli([input, "--as-of", "2024-06-30"]);
    expect(r.code).toBe(1);
    output = path.join(dir, "register-messy.tiers.xlsx");
  });

  test("LibreOffice reads the hostile names back as the very text typed, never as formulas or markup", () => {
    // CSV holds cell contents, not layout: the test does not depend on the fonts a machine has.
    const sheets = convertToCsv(output);
    const roster = sheets.get("客户分级名册");
    expect({ sheets: [...sheets.keys()] }).toEqual({ sheets: expect.arrayContaining(["客户分级名册", "数据问题"]) });
    const cells = csvCells(roster ?? "");
    expect(cells).toContain("华星贸易");
    // Had the name become a formula, LibreOffice would show its result ("点我") in the cell instead.
    expect(cells).toContain('=HYPERLINK("http://example.invalid/x","点我")');
    expect(cells).not.toContain("点我");
    expect(cells).toContain("<img src=x onerror=alert(1)>");
  });

  test("converts to PDF showing the tabs' text", () => {
    const text = pdfText(convertToPdf(output));
    expect({ pdftotext: text !== null, hint: "apt-get install -y poppler-utils" }).toEqual({ pdftotext: true, hint: expect.any(String) });
    // Where a long cell wraps depends on the installed fonts, so text is compared with whitespace removed.
    const shown = (text ?? "").replace(/\s+/g, "");
    expect(shown).toContain("华星贸易");
    expect(shown).toContain("客户编号");
  });
});
