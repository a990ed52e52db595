import type { Band } from "./indicator";

const OPS: [RegExp, Band["op"]][] = [
  [/^(≥|>=|＞=|大于等于|不低于)/, ">="],
  [/^(≤|<=|＜=|小于等于|不高于)/, "<="],
  [/^(>|＞|大于|高于)/, ">"],
  [/^(<|＜|小于|低于)/, "<"],
  [/^(=|＝|等于)/, "="],
];

/** One `left:points` entry of a 分档 / 映射 text. */
export interface RawEntry {
  left: string;
  points: number;
}

/** Splits `≥5000000:100; ≥1000000:80` or `高:100；中:60` into entries; null when any entry is malformed. */
export function splitEntries(text: string): RawEntry[] | null {
  const parts = text.split(/[;；\n,，]+/).map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length === 0) return null;
  const out: RawEntry[] = [];
  for (const p of parts) {
    const m = /^(.+?)\s*[:：=＝→]\s*(-?[\d.]+)\s*分?$/.exec(p);
    if (!m) return null;
    const points = Number(m[2]);
    if (!Number.isFinite(points)) return null;
    out.push({ left: m[1].trim(), points });
  }
  return out;
}

/** Reads an entry's left side as a band (`≥5000000`, `>=100万`); null when it is no comparison. */
export function parseBand(left: string, points: number, readAmount: (text: string) => number | undefined): Band | null {
  const t = left.replace(/\s+/g, "");
  for (const [re, op] of OPS) {
    const m = re.exec(t);
    if (!m) continue;
    const bound = readAmount(t.slice(m[0].length));
    return bound === undefined ? null : { op, bound, points };
  }
  return null;
}
