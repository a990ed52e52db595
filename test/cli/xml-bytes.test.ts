import fc from "fast-check";
import { asciiBytes, CHUNK_BYTES, XmlBytes } from "../../src/xlsx/xml-bytes";

/** Everything a writer wrote, joined as one Buffer. */
function written(fill: (w: XmlBytes) => void): Buffer {
  const w = new XmlBytes();
  fill(w);
  return w.take();
}

describe("XML written into Buffers is byte for byte what the strings would encode to", () => {
  test("numbers are written as JavaScript writes them (integers digit by digit, others through String)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.nat(), fc.maxSafeNat(), fc.constantFrom(0, -0, 9, 10, 99, 100, 1e21, 2 ** 53, 0.1 + 0.2)), (v) => {
        expect(written((w) => w.number(v)).toString("latin1")).toBe(String(v));
      }),
    );
  });

  test("texts are UTF-8 (ASCII, Chinese, emoji; short and long), and pieces follow each other", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("客户", "表情😀", "x".repeat(40)))), (parts) => {
        expect(written((w) => parts.forEach((p) => w.text(p))).equals(Buffer.from(parts.join(""), "utf8"))).toBe(true);
      }),
    );
  });

  test("a row far bigger than a chunk grows the buffer and loses nothing; take starts afresh", () => {
    const w = new XmlBytes();
    const long = "长".repeat(100000);
    w.bytes(asciiBytes("<t>"));
    w.text(long);
    w.bytes(asciiBytes("</t>"));
    w.uint(1048576);
    expect(w.length).toBeGreaterThan(CHUNK_BYTES * 2);
    expect(w.take().toString("utf8")).toBe(`<t>${long}</t>1048576`);
    w.uint(0);
    expect(w.take().toString("utf8")).toBe("0");
  });
});
