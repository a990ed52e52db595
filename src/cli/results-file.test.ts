import fc from "fast-check";
import { csvField } from "./results-file";

/** A reader of one CSV field as RFC 4180 defines it (the oracle). */
function readField(field: string): string {
  if (!field.startsWith('"')) return field;
  return field.slice(1, -1).replace(/""/g, '"');
}

describe("CSV fields for BI tools", () => {
  test("any text survives quoting exactly, but for the apostrophe before formula-like text", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const back = readField(csvField(s));
        expect(back).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      }),
    );
  });

  test("numbers stay numbers, empty cells stay empty", () => {
    expect(csvField(89.5)).toBe("89.5");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
  });

  test("text that a spreadsheet would run is written as text", () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("+86 138")).toBe("'+86 138");
  });
});
