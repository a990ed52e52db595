import fc from "fast-check";
import { isBlankText, trimText } from "./trim";

// Every character String.prototype.trim removes, and neighbours of the ranges the quick test draws.
const SPACES = [..."\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"];
const NEAR = ["\u0000", "\u001f", "!", "~", "\u007f", "\u0080", "\u2fff", "\u3001", "\ufefe", "\ufeff", "\uffff", "甲", "😀", "\ud800"];
const piece = fc.oneof(fc.constantFrom(...SPACES, ...NEAR), fc.string({ maxLength: 3 }), fc.string({ unit: "binary", maxLength: 3 }));
const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(""));

describe("trimming is exactly String.prototype.trim", () => {
  it("trimText(s) === s.trim() for text of spaces, edges and any characters (property)", () => {
    fc.assert(fc.property(text, (s) => trimText(s) === s.trim()), { numRuns: 5000 });
  });
  it("isBlankText(s) is s.trim() === '' (property)", () => {
    fc.assert(fc.property(text, (s) => isBlankText(s) === (s.trim() === "")), { numRuns: 5000 });
  });
  it("trims every whitespace character at either end", () => {
    for (const sp of SPACES) {
      expect(trimText(`${sp}甲${sp}`)).toBe("甲");
      expect(isBlankText(`${sp}${sp}`)).toBe(true);
    }
    expect(trimText("客户 A")).toBe("客户 A");
  });
});
