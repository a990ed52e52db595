import * as path from "path";
import { cli, copyFixture, tempDir } from "./helpers/cli-run";
import { convertToPdf, hasSoffice, pdfText } from "./helpers/soffice";

// LibreOffice must be installed (`.ci/run` installs libreoffice-calc): without soffice this test fails
// with that message rather than being skipped.
describe("the written workbook opens in LibreOffice", () => {
  test("converts to PDF showing the tabs' text, the hostile names as plain text", async () => {
    expect({ soffice: hasSoffice(), hint: "apt-get install -y libreoffice-calc poppler-utils" }).toEqual({ soffice: true, hint: expect.any(String) });
    const dir = tempDir();
    const input = copyFixture("register-messy.xlsx", dir);
    const r = await cli([input, "--as-of", "2024-06-30"]);
    expect(r.code).toBe(1);
    const pdf = convertToPdf(path.join(dir, "register-messy.tiers.xlsx"));
    const text = pdfText(pdf);
    expect({ pdftotext: text !== null, hint: "apt-get install -y poppler-utils" }).toEqual({ pdftotext: true, hint: expect.any(String) });
    expect(text).toContain("华星贸易");
    expect(text).toContain('=HYPERLINK("http://example.invalid/x","点我")');
    expect(text).toContain("<img src=x onerror=alert(1)>");
  });
});
