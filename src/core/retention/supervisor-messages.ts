import type { MessageCatalogue, ProblemParams } from "../problems/problem";

const s = (p: ProblemParams, k: string): string => String(p[k] ?? "");

/** Messages of the supervisor's figures, in plain words, both languages. */
export const SUPERVISOR_MESSAGES: MessageCatalogue = {
  "plan.complaintDateOrder": {
    zh: (p) => `客户“${s(p, "key")}”的${s(p, "fieldZh")}早于投诉日期，未计入投诉响应和处理时间，请核对。`,
    en: (p) => `Customer "${s(p, "key")}": the ${s(p, "fieldEn")} is before the Complaint Date; it is left out of the complaint response and resolution times. Please check it.`,
  },
};
