import { isUtf8 } from "buffer";
import type { SheetGrid } from "../core/workbook/grid";
import { decodeExcelEscapes, MAX_SHARED_STRINGS, readSharedStrings, StringItemText } from "./read-shared-strings";
import { CELL_TYPES, GridBuilder, MAX_COLS, MAX_ROWS, mergesOf, readSheetGridSaxes, type SheetContext } from "./sheet-rows";

/**
 * Reads one worksheet part into a grid as it streams (no DOM, no object per cell): rows and cells with or
 * without `r`, any namespace prefix, formulas by their cached values (`<v>`), inline strings without their
 * phonetic runs, ISO dates (t="d") as serials. The byte scanner below reads the part first; on
 * anything outside the XML it knows, or any failure at all, the part is read again from its start by saxes,
 * which decides: the same grid, or the same refusal, as saxes alone. Refuses (PackageDamage) an address past
 * XFD1048576, more than 1,048,576 rows, a value that contradicts its type, more cells than the budget.
 * `open` streams the part's bytes (called again for the second reading).
 */
export async function readSheetGrid(open: () => AsyncIterable<Buffer>, ctx: SheetContext, grid: SheetGrid): Promise<void> {
  const left = ctx.budget.left;
  try {
    const b = new GridBuilder(ctx, grid, ctx.filter?.());
    if (await scanSheet(open(), b)) {
      grid.merges = mergesOf(b.mergeRefs);
      return;
    }
  } catch {
    // Whatever went wrong, saxes reads the part again and says what (or reads it, if the scanner erred).
  }
  grid.values = [];
  grid.kinds = [];
  grid.formats = [];
  ctx.budget.left = left;
  await readSheetGridSaxes(open(), ctx, grid);
}

/**
 * A byte-level reader of worksheet parts for the XML that spreadsheet writers actually produce, several times
 * faster than a general parser: it works on the inflated bytes, makes no string for a tag, an attribute or a
 * number, and hands cells to the same GridBuilder saxes feeds. It accepts a strict subset of well-formed XML
 * and checks all of it (tag nesting, attribute syntax and repeats, entities and character references,
 * characters XML forbids, UTF-8); on anything else it gives up (returns false) and the caller reads the
 * part with saxes from the start, so the promise of the reader is saxes's. Given up on: a DOCTYPE,
 * comments, processing instructions, CDATA, an element with a namespace prefix at or below <sheetData> or
 * named like one we read (x:c, x:mergeCell), an element where SpreadsheetML has none (inside <v>, or other
 * than <c> in a <row>), a carriage return in a text read (XML normalises it), a tab, line feed or carriage
 * return in an attribute read (r, t, s, ref), an encoding other than UTF-8, XML 1.1, more than 32 attributes
 * on an element, an item longer than MAX_PENDING bytes, and any damage.
 * `gather`: bytes gathered before a scan step (tests make it small to cut items at every place).
 */
export async function scanSheet(chunks: AsyncIterable<Buffer>, b: GridBuilder, gather = GATHER): Promise<boolean> {
  return scanPart(chunks, new SheetScanner(b), gather);
}

/**
 * Reads a shared strings part (one text per <si>: its <t> runs joined, phonetic runs left out, Excel's
 * _xHHHH_ escapes decoded) with the byte scanner, and with saxes from the start when it gives up or fails;
 * the same texts, or the same refusal, as readSharedStrings alone.
 */
export async function readSharedStringsPart(open: () => AsyncIterable<Buffer>, part: string): Promise<string[]> {
  try {
    const out = await scanStrings(open());
    if (out) return out;
  } catch {
    // saxes reads the part again and says what went wrong.
  }
  return readSharedStrings(open(), part);
}

/** The shared strings of a part by the byte scanner alone; null when it gives up. */
export async function scanStrings(chunks: AsyncIterable<Buffer>, gather = GATHER): Promise<string[] | null> {
  const out: string[] = [];
  return (await scanPart(chunks, new SheetScanner(null, out), gather)) ? out : null;
}

/** Feeds a part to a scanner in steps of about `gather` bytes: true when it read all of it. */
async function scanPart(chunks: AsyncIterable<Buffer>, s: SheetScanner, gather: number): Promise<boolean> {
  const it = chunks[Symbol.asyncIterator]();
  let ok = false;
  try {
    let held: Buffer[] = [];
    let heldBytes = 0;
    let rest: Buffer | null = null;
    for (;;) {
      const r = await it.next();
      if (!r.done) {
        held.push(r.value);
        heldBytes += r.value.length;
        if (heldBytes < gather) continue;
      }
      if (held.length > 0 || rest) {
        if (rest) held.unshift(rest);
        const buf = held.length === 1 ? held[0] : Buffer.concat(held);
        held = [];
        heldBytes = 0;
        const at = s.feed(buf, r.done === true);
        if (at < 0) return false;
        rest = at < buf.length ? buf.subarray(at) : null;
        // An item this long is none the writers make: saxes decides (and bounds it).
        if (rest && rest.length > MAX_PENDING) return false;
      }
      if (r.done) break;
    }
    ok = rest === null && s.finished();
    return ok;
  } finally {
    // Stops the inflation when giving up early (closes the entry's stream).
    if (!ok) await it.return?.();
  }
}

/** Bytes gathered before a scan step (fewer, longer steps). */
const GATHER = 1 << 20;
/** Most bytes of one unfinished item (tag or text) held between chunks. */
export const MAX_PENDING = 1 << 22;
/** Most attributes on one element. */
const MAX_ATTRS = 32;

// Bytes.
const LT = 60;
const GT = 62;
const SLASH = 47;
const AMP = 38;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const COLON = 58;
const SEMI = 59;

// Where the scanner is.
const PROLOG = 0;
const TREE = 1;
const EPILOG = 2;
/**
 * Deepest nesting the scanner follows (SpreadsheetML needs about ten); deeper, saxes reads the part and
 * applies its own limit, so a hostile nesting is refused as before instead of growing the scanner's stacks.
 */
const SCAN_MAX_DEPTH = 64;
const ROWS = 3; // in <sheetData>, between rows
const ROW = 4; // in a <row>, between cells
const CELL = 5; // in a <c>
const V = 6; // in a <v>
const F = 7; // in an <f>
const IS = 8; // in an <is>

/** True for bytes XML allows as whitespace. */
function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** True for the ASCII bytes of an XML name (non-ASCII names are left to saxes). */
function isNameByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === COLON;
}

/** True for the first byte of a name the scanner takes (ASCII letter or "_"). */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** True when a code point is a character XML 1.0 allows. */
function isXmlChar(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** The five entities XML predefines. */
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\4)?[ \t\r\n]*\?>$/;

/** Results of scanning an item: the index after it, or one of these. */
const INCOMPLETE = -1;
const GIVE_UP = -2;
const NOT_PLAIN = -3;

/** Flags of a text or attribute value seen by checkChars. */
const HAS_AMP = 1;
const HAS_HIGH = 2;
const HAS_WS_CTRL = 4; // a tab, line feed or carriage return

/** The scanner's state between chunks: where it is and the open elements' names outside <sheetData>. */
class SheetScanner {
  private mode = PROLOG;
  private started = false;
  /** Open elements outside sheetData (names), or inside an <is> (names). */
  private readonly stack: string[] = [];
  private readonly isStack: string[] = [];
  private readonly item = new StringItemText();
  /** The cell's type, as openCell got it (to read <v> as a number only where that is what it means). */
  private cellType = "n";
  // The attributes of the tag just read: name start and length, value start and end, flags.
  private readonly attrs = new Int32Array(MAX_ATTRS * 5);
  private nAttrs = 0;
  /** Where the tag just read ends (after ">") and whether it was empty ("/>"). */
  private tagEnd = 0;
  private selfClosing = false;
  /** What checkChars saw in the last text or value (HAS_*). */
  private flags = 0;

  /**
   * `b` takes a worksheet's cells; `strings` instead collects a shared strings part's items (<si>, read like
   * an inline string).
   */
  constructor(
    private readonly b: GridBuilder | null,
    private readonly strings: string[] | null = null,
  ) {}

  /** True when the whole part was read (the root closed). */
  finished(): boolean {
    return this.mode === EPILOG;
  }

  /**
   * Scans what it can of `buf` (all of it when `last`): the index of the first byte not consumed (an item
   * cut by the end of the chunk), or -1 to give up.
   */
  feed(buf: Buffer, last: boolean): number {
    let i = 0;
    const n = buf.length;
    if (!this.started) {
      // The declaration (at most 1 kB) is read in one piece.
      if (n < 1100 && !last) return 0;
      this.started = true;
      if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return -1;
      if (n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
      if (buf.length - i >= 5 && buf.toString("latin1", i, i + 5) === "<?xml") {
        const end = buf.indexOf("?>", i);
        if (end < 0 || end - i > 1024) return -1;
        const m = XML_DECL.exec(buf.toString("latin1", i, end + 2));
        if (!m) return -1;
        const enc = m[3]?.toLowerCase().replace(/[-_]/g, "");
        if (enc !== undefined && enc !== "utf8") return -1;
        i = end + 2;
      }
    }
    // UTF-8 checked up to a character cut by the chunk's end (that one is checked with the next chunk).
    let checkEnd = n;
    if (!last) {
      for (let k = 1; k <= 4 && k <= n; k++) {
        const c = buf[n - k];
        if (c < 0x80) break;
        if (c >= 0xc0) {
          if ((c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) > k) checkEnd = n - k;
          break;
        }
      }
    }
    if (!isUtf8(buf.subarray(i, checkEnd))) return -1;
    const end = last ? n : checkEnd;
    while (i < end) {
      const at = buf[i] === LT ? this.tag(buf, i, end) : this.text(buf, i, end);
      if (at === INCOMPLETE) return last ? -1 : i;
      if (at === GIVE_UP) return -1;
      i = at;
    }
    return i;
  }

  /**
   * Checks the characters of a text or attribute value from `i` up to the byte `stop` (`<`, or a quote),
   * entities and character references included: the index of `stop`, INCOMPLETE or GIVE_UP. Sets `flags`.
   */
  private checkChars(buf: Buffer, i: number, n: number, stop: number): number {
    let flags = 0;
    const from = i;
    for (; i < n; i++) {
      const c = buf[i];
      if (c === stop) {
        this.flags = flags;
        return i;
      }
      if (c >= 0x20 && c < 0x7f) {
        if (c === AMP) {
          const e = entityEnd(buf, i, n);
          if (e < 0) return e;
          flags |= HAS_AMP;
          i = e - 1;
        } else if (c === GT && stop === LT && i - from >= 2 && buf[i - 1] === 93 && buf[i - 2] === 93) {
          return GIVE_UP; // "]]>" in text
        } else if (c === LT) {
          return GIVE_UP; // "<" in an attribute value
        }
      } else if (c < 0x20) {
        if (c !== 9 && c !== 10 && c !== 13) return GIVE_UP;
        flags |= HAS_WS_CTRL;
      } else if (c >= 0x80) {
        flags |= HAS_HIGH;
        // U+FFFE and U+FFFF are not XML characters (other bytes are checked as UTF-8).
        if (c === 0xef && i + 2 < n && buf[i + 1] === 0xbf && (buf[i + 2] === 0xbe || buf[i + 2] === 0xbf)) return GIVE_UP;
        if (c === 0xef && i + 2 >= n) return INCOMPLETE;
      }
    }
    return INCOMPLETE;
  }

  /** A text run from `i` (up to the next "<"): the index of that "<", INCOMPLETE or GIVE_UP. */
  private text(buf: Buffer, i: number, n: number): number {
    const mode = this.mode;
    if (mode === V) {
      const b = this.b;
      if (b === null) return GIVE_UP;
      // The hot path: plain digits (a shared string index, a whole number) become a number without a string.
      let k = i;
      let m = 0;
      let digits = 0;
      const neg = buf[k] === 45;
      if (neg) k++;
      let c = buf[k];
      while (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        c = buf[++k];
      }
      let scale = 0;
      let dot = false;
      if (c === 46 && digits > 0) {
        dot = true;
        c = buf[++k];
        while (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          digits++;
          scale++;
          c = buf[++k];
        }
      }
      if (c === LT && k < n && digits > 0 && digits <= 15) {
        const t = this.cellType;
        // Exact: m and 10^scale are exact doubles and one division rounds once, as Number() does.
        if (t === "n") {
          const v = scale === 0 ? m : m / POW10[scale];
          b.vNumber = neg ? -v : v;
          b.vIsNumber = true;
          return k;
        }
        if (t === "s" && !neg && !dot) {
          b.vNumber = m;
          b.vIsNumber = true;
          return k;
        }
      }
      const e = this.checkChars(buf, i, n, LT);
      if (e < 0) return e;
      const s = this.decode(buf, i, e);
      if (s === null) return GIVE_UP;
      b.vText = s;
      b.vIsNumber = false;
      return e;
    }
    const e = this.checkChars(buf, i, n, LT);
    if (e < 0) return e;
    if (mode === IS) {
      if (this.item.keeps) {
        const s = this.decode(buf, i, e);
        if (s === null) return GIVE_UP;
        this.item.add(s);
      }
    } else if (mode === PROLOG || mode === EPILOG) {
      for (let k = i; k < e; k++) if (!isWs(buf[k])) return GIVE_UP;
    }
    return e;
  }

  /** The text of bytes i..e checked by checkChars (flags set): entities replaced; null when it holds whitespace XML would normalise. */
  private decode(buf: Buffer, i: number, e: number): string | null {
    const flags = this.flags;
    if (flags & HAS_WS_CTRL) {
      // A carriage return is normalised by XML (CRLF → LF); the rest are kept as they are.
      for (let k = i; k < e; k++) if (buf[k] === 13) return null;
    }
    const raw = flags & HAS_HIGH ? buf.toString("utf8", i, e) : buf.toString("latin1", i, e);
    return flags & HAS_AMP ? replaceEntities(raw) : raw;
  }

  /** An attribute's value as a string (checked by readTag); null when XML would normalise its whitespace. */
  private attrText(buf: Buffer, a: number): string | null {
    const at = this.attrs;
    const flags = at[a * 5 + 4];
    if (flags & HAS_WS_CTRL) return null;
    const raw = flags & HAS_HIGH ? buf.toString("utf8", at[a * 5 + 2], at[a * 5 + 3]) : buf.toString("latin1", at[a * 5 + 2], at[a * 5 + 3]);
    return flags & HAS_AMP ? replaceEntities(raw) : raw;
  }

  /** The index of the attribute with this one-byte name (r, t, s), or -1. */
  private attr1(buf: Buffer, name: number): number {
    const at = this.attrs;
    for (let a = 0; a < this.nAttrs; a++) if (at[a * 5 + 1] === 1 && buf[at[a * 5]] === name) return a;
    return -1;
  }

  /** The index of the attribute with this name, or -1. */
  private attrNamed(buf: Buffer, name: string): number {
    const at = this.attrs;
    for (let a = 0; a < this.nAttrs; a++) if (at[a * 5 + 1] === name.length && buf.toString("latin1", at[a * 5], at[a * 5] + name.length) === name) return a;
    return -1;
  }

  /**
   * Reads a start tag's name end and attributes from `i` (after "<"); sets tagEnd, selfClosing, attrs.
   * The index after the name, INCOMPLETE or GIVE_UP.
   */
  private readTag(buf: Buffer, i: number, n: number): number {
    let p = i;
    if (p >= n) return INCOMPLETE;
    if (!isNameStart(buf[p])) return GIVE_UP;
    while (p < n && isNameByte(buf[p])) p++;
    const nameEnd = p;
    const at = this.attrs;
    let na = 0;
    for (;;) {
      const ws0 = p;
      while (p < n && isWs(buf[p])) p++;
      if (p >= n) return INCOMPLETE;
      let c = buf[p];
      if (c === GT) {
        this.tagEnd = p + 1;
        this.selfClosing = false;
        break;
      }
      if (c === SLASH) {
        if (p + 1 >= n) return INCOMPLETE;
        if (buf[p + 1] !== GT) return GIVE_UP;
        this.tagEnd = p + 2;
        this.selfClosing = true;
        break;
      }
      if (p === ws0 || !isNameStart(c) || na >= MAX_ATTRS) return GIVE_UP;
      const ns = p;
      while (p < n && isNameByte(buf[p])) p++;
      const nl = p - ns;
      while (p < n && isWs(buf[p])) p++;
      if (p >= n) return INCOMPLETE;
      if (buf[p] !== EQ) return GIVE_UP;
      p++;
      while (p < n && isWs(buf[p])) p++;
      if (p >= n) return INCOMPLETE;
      c = buf[p];
      if (c !== DQ && c !== SQ) return GIVE_UP;
      const vs = p + 1;
      const ve = this.checkChars(buf, vs, n, c);
      if (ve < 0) return ve;
      // A repeated attribute is not well-formed XML.
      for (let a = 0; a < na; a++) {
        if (at[a * 5 + 1] !== nl) continue;
        const o = at[a * 5];
        let k = 0;
        while (k < nl && buf[o + k] === buf[ns + k]) k++;
        if (k === nl) return GIVE_UP;
      }
      const o = na * 5;
      at[o] = ns;
      at[o + 1] = nl;
      at[o + 2] = vs;
      at[o + 3] = ve;
      at[o + 4] = this.flags;
      na++;
      p = ve + 1;
    }
    this.nAttrs = na;
    return nameEnd;
  }

  /** A tag at `i` ("<"): the index after it, INCOMPLETE or GIVE_UP. */
  private tag(buf: Buffer, i: number, n: number): number {
    if (i + 1 >= n) return INCOMPLETE;
    const c1 = buf[i + 1];
    if (this.mode === ROW && c1 === 99 && buf[i + 2] === 32 && this.b !== null) {
      const e = this.plainCell(buf, i, n, this.b);
      if (e !== NOT_PLAIN) return e;
    } else if (this.mode === TREE && c1 === 115 && this.strings !== null) {
      const e = this.plainItem(buf, i, n, this.strings);
      if (e !== NOT_PLAIN) return e;
    }
    if (c1 === SLASH) return this.endTag(buf, i, n);
    const nameEnd = this.readTag(buf, i + 1, n);
    if (nameEnd < 0) return nameEnd;
    const ns = i + 1;
    const nl = nameEnd - ns;
    const b = this.b;
    if (b === null) return this.mode === IS ? this.isTag(buf, ns, nameEnd) : this.treeTag(buf, ns, nameEnd);
    switch (this.mode) {
      case ROW:
        if (nl !== 1 || buf[ns] !== 99) return GIVE_UP; // <c>
        return this.openCell(buf, b);
      case CELL:
        if (nl === 1 && buf[ns] === 118) {
          // <v>
          b.vText = "";
          b.vIsNumber = false;
          if (!this.selfClosing) this.mode = V;
        } else if (nl === 1 && buf[ns] === 102) {
          if (!this.selfClosing) this.mode = F; // <f>: the cached value in <v> is what counts
        } else if (nl === 2 && buf[ns] === 105 && buf[ns + 1] === 115) {
          // <is>
          b.isText = this.selfClosing ? this.item.take() : "";
          if (!this.selfClosing) this.mode = IS;
        } else return GIVE_UP;
        return this.tagEnd;
      case ROWS: {
        if (nl !== 3 || buf[ns] !== 114 || buf[ns + 1] !== 111 || buf[ns + 2] !== 119) return GIVE_UP; // <row>
        const a = this.attr1(buf, 114);
        if (a < 0) b.openRowAt(-1);
        else {
          const row = digitsOf(buf, this.attrs[a * 5 + 2], this.attrs[a * 5 + 3]);
          if (row >= 1 && row <= MAX_ROWS) b.openRowAt(row);
          else {
            const r = this.attrText(buf, a);
            if (r === null) return GIVE_UP;
            b.openRow(r);
          }
        }
        if (this.selfClosing) b.closeRow();
        else this.mode = ROW;
        return this.tagEnd;
      }
      case IS:
        return this.isTag(buf, ns, nameEnd);
      case V:
      case F:
        return GIVE_UP;
      default:
        return this.treeTag(buf, ns, nameEnd);
    }
  }

  /** A start tag inside an inline string or shared string item (read by readTag): the index after it or GIVE_UP. */
  private isTag(buf: Buffer, ns: number, nameEnd: number): number {
    const name = buf.toString("latin1", ns, nameEnd);
    if (name.includes(":") || name === "v" || name === "is" || name === "c" || name === "row" || name === "si") return GIVE_UP;
    if (this.isStack.length >= SCAN_MAX_DEPTH) return GIVE_UP;
    this.item.open(name);
    if (this.selfClosing) this.item.close(name);
    else this.isStack.push(name);
    return this.tagEnd;
  }

  /** A start tag outside <sheetData> (read by readTag): the index after it or GIVE_UP. */
  private treeTag(buf: Buffer, ns: number, nameEnd: number): number {
    if (this.mode === EPILOG) return GIVE_UP;
    const name = buf.toString("latin1", ns, nameEnd);
    const colon = name.indexOf(":");
    if (colon >= 0) {
      // Prefixed names at the root, or like the ones read here, are saxes's (names are matched without prefix there).
      const local = name.slice(colon + 1);
      if (this.mode === PROLOG || local === "sheetData" || local === "mergeCell" || local === "row" || local === "c") return GIVE_UP;
    }
    const strings = this.strings;
    // The root must be the part's own (<worksheet>, <sst>): anything else, saxes decides (one root, names).
    if (this.mode === PROLOG && name !== (strings !== null ? "sst" : "worksheet")) return GIVE_UP;
    if (this.stack.length >= SCAN_MAX_DEPTH) return GIVE_UP;
    this.mode = TREE;
    if (strings !== null) {
      // A shared strings part: each <si> is one item.
      if (colon >= 0 && name.slice(colon + 1) === "si") return GIVE_UP;
      if (name === "si") {
        if (strings.length >= MAX_SHARED_STRINGS) return GIVE_UP;
        if (this.selfClosing) strings.push(this.item.take());
        else this.mode = IS;
        return this.tagEnd;
      }
    } else if (name === "sheetData") {
      if (!this.selfClosing) {
        this.stack.push(name);
        this.mode = ROWS;
      }
      return this.tagEnd;
    }
    if (name === "mergeCell" && this.b !== null) {
      const a = this.attrNamed(buf, "ref");
      if (a >= 0) {
        const ref = this.attrText(buf, a);
        if (ref === null) return GIVE_UP;
        if (ref) this.b.mergeRefs.push(ref);
      }
    }
    if (this.selfClosing) {
      if (this.stack.length === 0) this.mode = EPILOG;
    } else this.stack.push(name);
    return this.tagEnd;
  }

  /**
   * The cell at `i` when it is written in the commonest form, `<c r="AB12" s="3" t="s"><v>123</v></c>` (s and t
   * optional, in either order; t "s" or "n"; the value plain digits, a "-" or a decimal point allowed for
   * numbers): read in one go, without the general tag reading. The index after it, or NOT_PLAIN before
   * anything is done (the general reading then takes the cell).
   */
  private plainCell(buf: Buffer, i: number, n: number, b: GridBuilder): number {
    let p = i + 3;
    if (buf[p] !== 114 || buf[p + 1] !== EQ || buf[p + 2] !== DQ) return NOT_PLAIN;
    p += 3;
    let c = buf[p];
    let col = 0;
    const c0 = p;
    while (c >= 65 && c <= 90 && p - c0 < 3) {
      col = col * 26 + (c - 64);
      c = buf[++p];
    }
    if (p === c0 || col > MAX_COLS) return NOT_PLAIN;
    const r0 = p;
    let row = 0;
    while (c >= 48 && c <= 57 && p - r0 < 7) {
      row = row * 10 + (c - 48);
      c = buf[++p];
    }
    if (p === r0 || c !== DQ || row < 1 || row > MAX_ROWS) return NOT_PLAIN;
    p++;
    let style = 0;
    let type = "n";
    let seen = 0; // 1: s, 2: t
    for (;;) {
      c = buf[p];
      if (c === GT) break;
      const a = buf[p + 1];
      if (c !== 32 || buf[p + 2] !== EQ || buf[p + 3] !== DQ) return NOT_PLAIN;
      p += 4;
      if (a === 115 && !(seen & 1)) {
        seen |= 1;
        const s0 = p;
        c = buf[p];
        while (c >= 48 && c <= 57 && p - s0 < 9) {
          style = style * 10 + (c - 48);
          c = buf[++p];
        }
        if (p === s0 || c !== DQ) return NOT_PLAIN;
        p++;
      } else if (a === 116 && !(seen & 2)) {
        seen |= 2;
        if (buf[p + 1] !== DQ) return NOT_PLAIN;
        if (buf[p] === 115) type = "s";
        else if (buf[p] !== 110) return NOT_PLAIN;
        p += 2;
      } else return NOT_PLAIN;
    }
    if (buf[p + 1] !== LT || buf[p + 2] !== 118 || buf[p + 3] !== GT) return NOT_PLAIN;
    p += 4;
    const v0 = p;
    const neg = buf[p] === 45;
    if (neg) p++;
    let m = 0;
    let digits = 0;
    let scale = 0;
    c = buf[p];
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      c = buf[++p];
    }
    if (c === 46 && digits > 0 && type === "n") {
      c = buf[++p];
      while (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        scale++;
        c = buf[++p];
      }
    }
    // Past 15 digits m is no longer exact: such a number (a score at full precision) goes to closeCell as its
    // text, as the general reading hands it over, instead of through that reading's tag and text steps.
    const long = digits > 15;
    if (digits === 0 || (long && type !== "n") || (neg && type === "s") || p + 8 > n) return NOT_PLAIN;
    // "</v></c>"
    if (c !== LT || buf[p + 1] !== SLASH || buf[p + 2] !== 118 || buf[p + 3] !== GT || buf[p + 4] !== LT || buf[p + 5] !== SLASH || buf[p + 6] !== 99 || buf[p + 7] !== GT) {
      return NOT_PLAIN;
    }
    b.openCellAt(col - 1, row - 1, type, style, "");
    if (long) {
      // Digits with at most a "-" and a ".": ASCII, no reference, nothing XML would normalise.
      b.vText = buf.toString("latin1", v0, p);
      b.closeCell();
      return p + 8;
    }
    // Exact: m and 10^scale are exact doubles and one division rounds once, as Number() does.
    const v = scale === 0 ? m : m / POW10[scale];
    b.vNumber = neg ? -v : v;
    b.vIsNumber = true;
    b.closeCell();
    return p + 8;
  }

  /** A shared string written `<si><t>text</t></si>` at `i`, read in one go: the index after it, or NOT_PLAIN (nothing done). */
  private plainItem(buf: Buffer, i: number, n: number, strings: string[]): number {
    // "<si><t>"
    if (buf[i + 2] !== 105 || buf[i + 3] !== GT || buf[i + 4] !== LT || buf[i + 5] !== 116 || buf[i + 6] !== GT) return NOT_PLAIN;
    const e = this.checkChars(buf, i + 7, n, LT);
    // "</t></si>"
    if (e < 0 || e + 9 > n || strings.length >= MAX_SHARED_STRINGS) return NOT_PLAIN;
    if (buf[e + 1] !== SLASH || buf[e + 2] !== 116 || buf[e + 3] !== GT || buf[e + 4] !== LT || buf[e + 5] !== SLASH || buf[e + 6] !== 115 || buf[e + 7] !== 105 || buf[e + 8] !== GT) {
      return NOT_PLAIN;
    }
    const s = this.decode(buf, i + 7, e);
    if (s === null) return NOT_PLAIN;
    strings.push(decodeExcelEscapes(s));
    return e + 9;
  }

  /** A <c> tag (read by readTag): opens the cell; the index after the tag or GIVE_UP. */
  private openCell(buf: Buffer, b: GridBuilder): number {
    const at = this.attrs;
    let type = "n";
    const ta = this.attr1(buf, 116);
    if (ta >= 0) {
      const t = cellType(buf, at[ta * 5 + 2], at[ta * 5 + 3]);
      if (t === null) {
        const s = this.attrText(buf, ta);
        if (s === null) return GIVE_UP;
        type = s;
      } else type = t;
    }
    let style = 0;
    const sa = this.attr1(buf, 115);
    if (sa >= 0) {
      const d = digitsOf(buf, at[sa * 5 + 2], at[sa * 5 + 3]);
      if (d >= 0) style = d;
      else {
        const s = this.attrText(buf, sa);
        if (s === null) return GIVE_UP;
        style = Number(s) || 0;
      }
    }
    const ra = this.attr1(buf, 114);
    if (ra < 0) b.openCellAt(-1, -1, type, style, "");
    else if (cellRef(buf, at[ra * 5 + 2], at[ra * 5 + 3])) b.openCellAt(refCol, refRow, type, style, "");
    else {
      const r = this.attrText(buf, ra);
      if (r === null) return GIVE_UP;
      b.openCell(r, type, String(style));
    }
    this.cellType = type;
    if (this.selfClosing) b.closeCell();
    else this.mode = CELL;
    return this.tagEnd;
  }

  /** An end tag at `i` ("</"): the index after it, INCOMPLETE or GIVE_UP. */
  private endTag(buf: Buffer, i: number, n: number): number {
    let p = i + 2;
    const ns = p;
    if (p >= n) return INCOMPLETE;
    if (!isNameStart(buf[p])) return GIVE_UP;
    while (p < n && isNameByte(buf[p])) p++;
    const ne = p;
    while (p < n && isWs(buf[p])) p++;
    if (p >= n) return INCOMPLETE;
    if (buf[p] !== GT) return GIVE_UP;
    const after = p + 1;
    const nl = ne - ns;
    const b = this.b;
    const mode = this.mode;
    if (mode === IS) {
      const name = buf.toString("latin1", ns, ne);
      const top = this.isStack.pop();
      if (top !== undefined) {
        if (name !== top) return GIVE_UP;
        this.item.close(name);
      } else if (b === null) {
        if (name !== "si" || this.strings === null) return GIVE_UP;
        this.strings.push(this.item.take());
        this.mode = TREE;
      } else {
        if (name !== "is") return GIVE_UP;
        b.isText = this.item.take();
        this.mode = CELL;
      }
      return after;
    }
    if (mode === TREE || mode === ROWS) {
      const name = buf.toString("latin1", ns, ne);
      if (this.stack.pop() !== name) return GIVE_UP;
      this.mode = this.stack.length === 0 ? EPILOG : TREE;
      return after;
    }
    if (b === null) return GIVE_UP;
    switch (mode) {
      case V:
        if (nl !== 1 || buf[ns] !== 118) return GIVE_UP;
        this.mode = CELL;
        return after;
      case CELL:
        if (nl !== 1 || buf[ns] !== 99) return GIVE_UP;
        b.closeCell();
        this.mode = ROW;
        return after;
      case ROW:
        if (nl !== 3 || buf[ns] !== 114 || buf[ns + 1] !== 111 || buf[ns + 2] !== 119) return GIVE_UP;
        b.closeRow();
        this.mode = ROWS;
        return after;
      case F:
        if (nl !== 1 || buf[ns] !== 102) return GIVE_UP;
        this.mode = CELL;
        return after;
      default:
        return GIVE_UP;
    }
  }
}

/** The index after an entity or character reference at `i` ("&"), INCOMPLETE or GIVE_UP (not one XML knows without a DTD). */
function entityEnd(buf: Buffer, i: number, n: number): number {
  let k = i + 1;
  const lim = Math.min(n, i + 12);
  while (k < lim && buf[k] !== SEMI) k++;
  if (k >= n) return INCOMPLETE;
  if (buf[k] !== SEMI || k === i + 1) return GIVE_UP;
  if (buf[i + 1] === 35) {
    // &#123; or &#x7B;: a character XML allows.
    const hex = buf[i + 2] === 120;
    let v = 0;
    let d = 0;
    for (let p = i + (hex ? 3 : 2); p < k; p++, d++) {
      const c = buf[p];
      let x: number;
      if (c >= 48 && c <= 57) x = c - 48;
      else if (hex && (c | 32) >= 97 && (c | 32) <= 102) x = (c | 32) - 87;
      else return GIVE_UP;
      v = v * (hex ? 16 : 10) + x;
      if (v > 0x10ffff) return GIVE_UP;
    }
    return d > 0 && isXmlChar(v) ? k + 1 : GIVE_UP;
  }
  return ENTITIES[buf.toString("latin1", i + 1, k)] !== undefined ? k + 1 : GIVE_UP;
}

/** Text with its (checked) references replaced. */
function replaceEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, e: string) =>
    e.charCodeAt(0) === 35 ? String.fromCodePoint(e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** A value of 1 to 9 plain digits as a number; -1 otherwise. */
function digitsOf(buf: Buffer, i: number, e: number): number {
  if (e <= i || e - i > 9) return -1;
  let v = 0;
  for (let k = i; k < e; k++) {
    const c = buf[k];
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** The cell type of bytes i..e when it is one of the known ones written plainly, else null. */
function cellType(buf: Buffer, i: number, e: number): string | null {
  const len = e - i;
  const c = buf[i];
  if (len === 1) {
    if (c === 115) return "s";
    if (c === 110) return "n";
    if (c === 98) return "b";
    if (c === 101) return "e";
    if (c === 100) return "d";
    return null;
  }
  for (const t of CELL_TYPES) if (t.length === len && buf.toString("latin1", i, e) === t) return t;
  return null;
}

// The cell address read last by cellRef.
let refCol = 0;
let refRow = 0;

/** An address written plainly ("AB12": capitals, digits, inside XFD1048576) into refCol/refRow (0-based); false otherwise (saxes's rules then). */
function cellRef(buf: Buffer, i: number, e: number): boolean {
  let col = 0;
  let k = i;
  for (; k < e && k - i < 3; k++) {
    const c = buf[k];
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (k === i || col > MAX_COLS) return false;
  const r0 = k;
  let row = 0;
  for (; k < e; k++) {
    const c = buf[k];
    if (c < 48 || c > 57 || k - r0 >= 7) return false;
    row = row * 10 + (c - 48);
  }
  if (k === r0 || row < 1 || row > MAX_ROWS) return false;
  refCol = col - 1;
  refRow = row - 1;
  return true;
}
