import type { StyleBlock } from "../core/output-tabs/write-plan";

function mergeAlong(blocks: StyleBlock[], vertical: boolean): StyleBlock[] {
  const groups = new Map<string, StyleBlock[]>();
  for (const b of blocks) {
    const k = vertical ? `${b.role}|${b.col}|${b.cols}` : `${b.role}|${b.row}|${b.rows}`;
    const g = groups.get(k);
    if (g) g.push({ ...b });
    else groups.set(k, [{ ...b }]);
  }
  const out: StyleBlock[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => (vertical ? a.row - b.row : a.col - b.col));
    let cur = g[0];
    for (let i = 1; i < g.length; i++) {
      const b = g[i];
      const curEnd = vertical ? cur.row + cur.rows : cur.col + cur.cols;
      const bStart = vertical ? b.row : b.col;
      if (bStart <= curEnd) {
        const end = Math.max(curEnd, vertical ? b.row + b.rows : b.col + b.cols);
        if (vertical) cur.rows = end - cur.row;
        else cur.cols = end - cur.col;
      } else {
        out.push(cur);
        cur = b;
      }
    }
    out.push(cur);
  }
  return out;
}

/**
 * Merges style blocks of the same role that touch or overlap into larger rectangles (runs of rows, then
 * runs of columns), so that each rectangle is coloured with one call. Returned widest first, so that where
 * roles overlap a cell's own colour (a verdict cell) is painted over its row's colour (the tier).
 */
export function mergeBlocks(blocks: readonly StyleBlock[]): StyleBlock[] {
  const valid = blocks.filter((b) => b.rows > 0 && b.cols > 0);
  let merged = mergeAlong(mergeAlong(valid, true), false);
  merged = mergeAlong(merged, true);
  return merged.sort((a, b) => b.cols - a.cols || a.row - b.row || a.col - b.col);
}
