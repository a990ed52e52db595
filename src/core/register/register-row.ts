import { z } from "zod";
import { compileFastCheck } from "../reading/fast-path";

/** Excel serial day number (1 = 1900-01-01 in Excel's calendar); dates are kept this way end to end. */
export const serialDate = z.number().finite();

/** One customer of the register after reading: every field optional except the key and where it came from. */
export const registerRowSchema = z.object({
  key: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  address: z.string().optional(),
  legalRep: z.string().optional(),
  generalManager: z.string().optional(),
  contact: z.string().optional(),
  mainBusiness: z.string().optional(),
  employees: z.number().int().nonnegative().optional(),
  operatingStatus: z.enum(["good", "fair", "poor"]).optional(),
  otherBanks: z.string().optional(),
  dailyDeposit: z.number().nonnegative().optional(),
  dailyLoan: z.number().nonnegative().optional(),
  settlementUse: z.boolean().optional(),
  wealthUse: z.boolean().optional(),
  annualSpend: z.number().nonnegative().optional(),
  accountManager: z.string().optional(),
  channel: z.enum(["phone", "email", "sms", "wechat", "visit", "meeting"]).optional(),
  contactFrequency: z.string().optional(),
  potential: z.enum(["high", "medium", "low"]).optional(),
  /** 0–100 after the column's scale is applied. */
  satisfaction: z.number().min(0).max(100).optional(),
  likelihoodToRecommend: z.number().int().min(0).max(10).optional(),
  firstPurchase: serialDate.optional(),
  lastPurchase: serialDate.optional(),
  lastContact: serialDate.optional(),
  complaints: z.number().int().nonnegative().optional(),
  openComplaint: z.boolean().optional(),
  /**
   * 正常 active, 新客户 new, 休眠 dormant, 流失 churned, 转出 transferred (out), 已回流 returned. Empty = active
   * for the plans; the KPI rates only count customers with a status.
   */
  status: z.enum(["active", "new", "dormant", "churned", "transferred", "returned"]).optional(),
  /** A cause the product does not know is "unknown"; `churnCauseText` keeps it as typed. */
  churnCause: z.enum(["service", "detail", "self", "competition", "staffTurnover", "relocation", "bankruptcy", "other", "unknown"]).optional(),
  /** 流失原因 as typed (trimmed), so an unknown cause is shown as the user wrote it. */
  churnCauseText: z.string().optional(),
  winbackCost: z.number().nonnegative().optional(),
  /** 转出方式: 主动 (the customer asked) / 被动 (the customer's need ended). */
  transferType: z.enum(["asked", "needEnded"]).optional(),
  complaintDate: serialDate.optional(),
  complaintReplyDate: serialDate.optional(),
  complaintResolvedDate: serialDate.optional(),
  /** 偏好渠道: the channel the customer prefers (same words as 沟通方式). */
  preferredChannel: z.enum(["phone", "email", "sms", "wechat", "visit", "meeting"]).optional(),
  /** Sheet and 0-based grid row the customer was read from, for addresses in messages. */
  sheet: z.string(),
  row: z.number().int().nonnegative(),
  /** A1 address of the row's first cell, e.g. "A12". */
  rowAddress: z.string(),
});

export type RegisterRow = z.infer<typeof registerRowSchema>;

/** The register row schema's fast path: rows it accepts are valid as they are; zod parses the others. */
export const registerRowFast = compileFastCheck(registerRowSchema);
export type Channel = NonNullable<RegisterRow["channel"]>;
export type Potential = NonNullable<RegisterRow["potential"]>;
export type ChurnCause = NonNullable<RegisterRow["churnCause"]>;
export type CustomerStatusId = NonNullable<RegisterRow["status"]>;
export type TransferType = NonNullable<RegisterRow["transferType"]>;
