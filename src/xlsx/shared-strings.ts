import { cellText, escapeXml, MAX_CELL_CHARS } from "./xml-text";

/** A text's `<t>` element; xml:space keeps leading/trailing blanks, which users' data does have. */
function textElement(s: string): string {
  return /^\s|\s$/.test(s) ? `<t xml:space="preserve">${escapeXml(s)}</t>` : `<t>${escapeXml(s)}</t>`;
}

/** Anything inlineText must clean, escape or preserve: one test for the texts that need none of it. */
const INLINE_NEEDS_WORK = /[&<>"'\u0000-\u001F\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_|^\s|\s$/;

/** Excel's escape of a character in text: `_xHHHH_`. */
const EXCEL_ESCAPE = /_x[0-9A-Fa-f]{4}_/;

/**
 * A cell's text as an inline string's content (`<is><t>…</t></is>`), cleaned as a shared string is, or
 * null when nothing is left of it. Still a string cell, never a formula, whatever the text starts with.
 * Undefined for a text holding a literal `_xHHHH_`: it goes to the shared strings, whose escaped
 * underscore every reader decodes (openpyxl does not decode it in inline strings).
 */
export function inlineText(raw: string): string | null | undefined {
  if (raw.length <= MAX_CELL_CHARS && !INLINE_NEEDS_WORK.test(raw)) return raw === "" ? null : `<is><t>${raw}</t></is>`;
  if (EXCEL_ESCAPE.test(raw)) return undefined;
  const text = cellText(raw);
  return text === "" ? null : `<is>${textElement(text)}</is>`;
}

/** The workbook's shared string table: each distinct text stored once, as Excel itself writes text cells. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  /** Per index: its text comes out of cellText unchanged, so a cell holding exactly it needs no cleaning. */
  private readonly asIs: boolean[] = [];
  /** Number of text cells written (the table's `count`). */
  private uses = 0;

  /** Number of distinct texts so far. */
  get size(): number {
    return this.list.length;
  }

  /** The index of a text, adding it when new. */
  id(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
      this.asIs.push(cellText(text) === text);
    }
    return i;
  }

  /** Counts one more cell of a text already indexed (a caller that remembers the index) and returns it. */
  again(i: number): number {
    this.uses++;
    return i;
  }

  /**
   * The index of a cell's text as written (cleaned by cellText), or -1 when nothing is left of it. A text
   * seen before is found without cleaning it again: most cells repeat a text (tiers, verdicts, managers).
   */
  cell(raw: string): number {
    const i = this.index.get(raw);
    if (i !== undefined && this.asIs[i]) {
      this.uses++;
      return i;
    }
    const text = cellText(raw);
    return text === "" ? -1 : this.id(text);
  }

  /** The sharedStrings.xml part, in chunks (the table may be large). */
  *xml(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.list.length}">`;
    let buf = "";
    for (const s of this.list) {
      buf += `<si>${textElement(s)}</si>`;
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    }
    yield buf + "</sst>";
  }
}
