import { tooLarge } from "./read-error";
import { feedXml, localName, xmlParser } from "./xml-stream";

/** Most shared strings accepted (2^22, 4.2 million: 14 times the 100,000-customer bench; refused in seconds on a hostile file). */
export const MAX_SHARED_STRINGS = 1 << 22;

/** Excel's own escape for characters XML cannot carry: _x000D_ → CR, _x005F_ → "_". */
export function decodeExcelEscapes(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/**
 * Collects the plain text of string items (<si> in the shared strings, <is> in a cell): the <t> runs joined,
 * phonetic guides (<rPh>, furigana) and their properties left out, Excel's _xHHHH_ escapes decoded.
 * Entities, CDATA and comments are the XML parser's business. Call `open`/`close` with every element.
 */
export class StringItemText {
  private depthInRPh = 0;
  private inT = false;
  private text = "";

  /** An element opened inside the item. True when its text is to be kept. */
  open(local: string): boolean {
    if (local === "rPh") this.depthInRPh++;
    else if (local === "t" && this.depthInRPh === 0) this.inT = true;
    return this.inT;
  }

  /** True while text is kept (inside a <t> that is not phonetic). */
  get keeps(): boolean {
    return this.inT;
  }

  /** An element closed inside the item. */
  close(local: string): void {
    if (local === "rPh") this.depthInRPh--;
    else if (local === "t") this.inT = false;
  }

  /** Text (or CDATA) inside the item: kept inside a <t> that is not phonetic. */
  add(s: string): void {
    if (this.inT) this.text += s;
  }

  /** The item's text; resets for the next item. */
  take(): string {
    const t = decodeExcelEscapes(this.text);
    this.text = "";
    this.inT = false;
    this.depthInRPh = 0;
    return t;
  }
}

/** Streams the shared strings part into plain texts (one per <si>, in order). */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>, part: string): Promise<string[]> {
  const out: string[] = [];
  const item = new StringItemText();
  let inSi = false;
  const p = xmlParser(part);
  const onText = (s: string): void => item.add(s);
  p.on("opentag", (tag) => {
    const n = localName(tag.name);
    if (n === "si") {
      inSi = true;
      if (out.length >= MAX_SHARED_STRINGS) throw tooLarge("cells", { part, detail: `${MAX_SHARED_STRINGS.toLocaleString("en-US")} shared strings` });
    } else if (inSi) {
      if (item.open(n)) p.on("text", onText);
    }
  });
  p.on("closetag", (tag) => {
    const n = localName(tag.name);
    if (n === "si") {
      inSi = false;
      out.push(item.take());
    } else if (inSi) {
      item.close(n);
      if (n === "t") p.off("text");
    }
  });
  p.on("cdata", (s) => item.add(s));
  await feedXml(chunks, part, p);
  return out;
}
