import { SaxesParser } from "saxes";
import { isUtf8 } from "buffer";
import { TextDecoder } from "util";
import { damaged, PackageDamage, tooLarge } from "./read-error";

/**
 * The largest single XML item (a text, an attribute value, a comment, a name) kept while it streams, in
 * characters; far above Excel's 32,767 characters in a cell, far below what would exhaust memory.
 */
export const MAX_XML_ITEM = 1 << 23;
/** Deepest element nesting accepted (SpreadsheetML needs about ten). */
const MAX_DEPTH = 4096;
/** Most attributes on one element (SpreadsheetML uses a few dozen at most). */
const MAX_ATTRIBUTES = 4096;

/** Bytes gathered before one decode-and-parse step. */
const GATHER = 1 << 20;

/** What saxes holds of an item still streaming: read to bound memory on hostile input. */
interface PendingItem {
  text: string;
  name: string;
  entity: string;
  attribList: unknown[];
  tags: unknown[];
}

/** The events the readers listen to (created up front, in this order). */
const USED_EVENTS = ["doctype", "xmldecl", "opentag", "closetag", "cdata", "text"] as const;

/** The parser every part uses: no namespace processing (names are matched without their prefix). */
export type XmlParser = SaxesParser<{ xmlns: false; position: false }>;

/** A saxes parser for one part: no DTD (workbooks never have one; it would carry entity bombs). */
export function xmlParser(part: string): XmlParser {
  const p: XmlParser = new SaxesParser({ xmlns: false, position: false });
  // saxes adds a handler property when one is first set. The few used here are created now, in one order,
  // so every parser has the same shape and V8 keeps saxes's hot loop fast; setting many more (all of
  // saxes's events) turns the parser into a dictionary-mode object and makes it 3× slower.
  for (const ev of USED_EVENTS) p.off(ev);
  p.on("doctype", () => {
    throw damaged("notXml", { part, detail: "a DOCTYPE (DTD) declaration" });
  });
  p.on("xmldecl", (d) => {
    const enc = d.encoding?.toLowerCase().replace(/[-_]/g, "");
    if (enc && enc !== "utf8" && enc !== "utf16") throw damaged("notXml", { part, detail: `encoding ${d.encoding}` });
  });
  return p;
}

/** Bytes to text, chunk by chunk; throws on bytes that are not valid in the part's encoding. */
interface PartDecoder {
  write(buf: Buffer): string;
  end(): string;
}

/**
 * UTF-8, checked with buffer.isUtf8 and decoded by Buffer#toString (fast, and ASCII stays one byte per
 * character in V8); a character cut by a chunk boundary waits for the next chunk.
 */
class Utf8Decoder implements PartDecoder {
  private tail: Buffer | null = null;
  private first = true;

  write(chunk: Buffer): string {
    let buf = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    this.tail = null;
    if (this.first) {
      this.first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    // Back up over an incomplete last character (at most 3 bytes, after its lead byte).
    let end = buf.length;
    for (let k = 1; k <= 4 && k <= buf.length; k++) {
      const b = buf[buf.length - k];
      if (b < 0x80) break;
      if (b >= 0xc0) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        if (need > k) end = buf.length - k;
        break;
      }
    }
    if (end < buf.length) this.tail = Buffer.from(buf.subarray(end));
    const whole = buf.subarray(0, end);
    if (!isUtf8(whole)) throw new Error("bytes that are not UTF-8");
    return whole.toString("utf8");
  }

  end(): string {
    if (this.tail) throw new Error("bytes that are not UTF-8 at the end");
    return "";
  }
}

/** UTF-16 (rare in workbooks), by the standard decoder. */
class Utf16Decoder implements PartDecoder {
  private readonly d: TextDecoder;
  constructor(label: "utf-16le" | "utf-16be") {
    this.d = new TextDecoder(label, { fatal: true });
  }
  write(buf: Buffer): string {
    return this.d.decode(buf, { stream: true });
  }
  end(): string {
    return this.d.decode();
  }
}

/** The decoder for a part's first bytes: UTF-8, or UTF-16 by its byte-order mark (XML's own rule). */
function decoderFor(first: Buffer): PartDecoder {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return new Utf16Decoder("utf-16le");
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return new Utf16Decoder("utf-16be");
  return new Utf8Decoder();
}

/**
 * Feeds a part's bytes to a saxes parser (whose handlers do the work as elements complete) and closes it.
 * Any failure comes out as PackageDamage naming the part: not well-formed XML, bad UTF-8, a DTD, an item
 * past MAX_XML_ITEM; errors a handler throws (PackageDamage) pass through unchanged.
 */
export async function feedXml(chunks: AsyncIterable<Buffer>, part: string, parser: XmlParser): Promise<void> {
  let decoder: PartDecoder | undefined;
  const pending = parser as unknown as PendingItem;
  try {
    // Chunks are gathered to about 1 MB before decoding: far fewer calls into the decoder and the parser.
    let held: Buffer[] = [];
    let heldBytes = 0;
    const flush = (): void => {
      const buf = held.length === 1 ? held[0] : Buffer.concat(held, heldBytes);
      held = [];
      heldBytes = 0;
      decoder ??= decoderFor(buf);
      const text = decoder.write(buf);
      if (text.length) parser.write(text);
    };
    for await (const chunk of chunks) {
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes < GATHER) continue;
      flush();
      if (
        pending.text.length > MAX_XML_ITEM || pending.name.length > MAX_XML_ITEM || pending.entity.length > MAX_XML_ITEM ||
        pending.attribList.length > MAX_ATTRIBUTES || pending.tags.length > MAX_DEPTH
      ) {
        throw tooLarge("xmlItem", { part, detail: `${MAX_XML_ITEM.toLocaleString("en-US")} characters, ${MAX_ATTRIBUTES} attributes, ${MAX_DEPTH} levels` });
      }
    }
    if (heldBytes > 0) flush();
    if (decoder) {
      const rest = decoder.end();
      if (rest.length) parser.write(rest);
    }
    parser.close();
  } catch (e) {
    if (e instanceof PackageDamage) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw damaged("notXml", { part, detail: msg });
  }
}

/** An element's name without its namespace prefix ("x:row" → "row"). */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}
