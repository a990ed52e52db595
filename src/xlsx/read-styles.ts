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

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

function decodeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, "&");
}

/** The number format code of each cell style (cellXfs index → format), from xl/styles.xml. */
export function parseCellFormats(xml: string): string[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = attr(m[0], "formatCode");
    if (Number.isFinite(id) && code !== undefined) custom.set(id, decodeAttr(code));
  }
  const xfsBlock = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!xfsBlock) return [];
  const out: string[] = [];
  for (const m of xfsBlock[1].matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    out.push(custom.get(id) ?? BUILTIN[id] ?? "General");
  }
  return out;
}
