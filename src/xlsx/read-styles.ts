import { feedXml, localName, xmlParser } from "./xml-stream";

// Excel's built-in number formats by id. Ids 27–36 and 50–58 are locale-dependent; in Chinese Excel they
// are date formats (yyyy"年"m"月"d"日" and the like), so they are read as dates.
const BUILTIN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
  12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@",
};
const CJK_DATE = 'yyyy"年"m"月"d"日"';
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]) BUILTIN[id] = CJK_DATE;
BUILTIN[32] = 'h"时"mm"分"';
BUILTIN[33] = 'h"时"mm"分"ss"秒"';
BUILTIN[55] = 'AM/PMh"时"mm"分"';
BUILTIN[56] = 'AM/PMh"时"mm"分"ss"秒"';

/**
 * Streams the styles part into the number format code of each cell style (cellXfs index → format).
 * Only <xf> directly inside <cellXfs> count (cellStyleXfs has <xf> too).
 */
export async function readCellFormats(chunks: AsyncIterable<Buffer>, part: string): Promise<string[]> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  let depthInCellXfs = 0;
  const p = xmlParser(part);
  p.on("opentag", (tag) => {
    const n = localName(tag.name);
    if (inCellXfs) {
      depthInCellXfs++;
      if (depthInCellXfs === 1 && n === "xf") ids.push(Number(tag.attributes.numFmtId ?? 0));
    } else if (n === "cellXfs") {
      inCellXfs = true;
      depthInCellXfs = 0;
    } else if (n === "numFmt") {
      const id = Number(tag.attributes.numFmtId);
      const code = tag.attributes.formatCode;
      if (Number.isInteger(id) && typeof code === "string") custom.set(id, code);
    }
  });
  p.on("closetag", (tag) => {
    if (!inCellXfs) return;
    if (depthInCellXfs === 0 && localName(tag.name) === "cellXfs") inCellXfs = false;
    else depthInCellXfs--;
  });
  await feedXml(chunks, part, p);
  return ids.map((id) => custom.get(id) ?? BUILTIN[id] ?? "General");
}
