import { cellText, escapeXml } from "./xml-text";

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
      // xml:space keeps leading/trailing blanks, which users' data does have.
      buf += /^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${escapeXml(s)}</t></si>` : `<si><t>${escapeXml(s)}</t></si>`;
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    }
    yield buf + "</sst>";
  }
}
