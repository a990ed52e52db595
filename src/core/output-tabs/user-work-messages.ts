import type { MessageCatalogue, ProblemParams } from "../problems/problem";

const s = (p: ProblemParams, k: string): string => String(p[k] ?? "");

/** Messages about what users typed in earlier outputs (kept, replaced, outside a list), both languages. */
export const USER_WORK_MESSAGES: MessageCatalogue = {
  "edit.userRowKept": {
    zh: (p) => `“${s(p, "sheet")}”第 ${s(p, "row")} 行是用户自行添加的行（${s(p, "what")}），已原样保留在表末，不参与计算。`,
    en: (p) => `Row ${s(p, "row")} of "${s(p, "sheet")}" was added by a user (${s(p, "what")}); it is kept as typed at the end of the table and not computed.`,
  },
  "edit.computedReplaced": {
    zh: (p) =>
      `“${s(p, "column")}”是计算列，上次在此处改成的“${s(p, "old")}”已被重新计算的“${s(p, "new")}”替换。要调整，请改在可编辑列（表头颜色不同）或输入表中。`,
    en: (p) =>
      `"${s(p, "column")}" is a computed column: "${s(p, "old")}" typed here was replaced by the recomputed "${s(p, "new")}". To change it, use an editable column (its header has another colour) or the input sheets.`,
  },
  "edit.rowKeptForUserColumns": {
    zh: (p) => `“${s(p, "sheet")}”上 ${s(p, "cell")} 所在行本次已不再列出，因其自加列中有内容（${s(p, "values")}），整行原样保留在表末；不再需要时可删除该行。`,
    en: (p) => `The row at ${s(p, "sheet")}!${s(p, "cell")} is no longer listed, but its own columns hold ${s(p, "values")}: the row is kept as it was at the end of the table; delete it when no longer needed.`,
  },
  "edit.outsideChoices": {
    zh: (p) => `“${s(p, "column")}”的值“${s(p, "value")}”不在下拉列表中（${s(p, "choices")}），已原样保留。`,
    en: (p) => `"${s(p, "value")}" in "${s(p, "column")}" is not one of the list (${s(p, "choices")}); it is kept as typed.`,
  },
};
