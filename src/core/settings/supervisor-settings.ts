import type { SettingDef } from "./setting-def";

/** Settings of the supervisor's tabs and the segments (客户类别, 生命周期) and complaint figures. */
export interface SupervisorSettings {
  /** Share (0–1) of the customers with a spend that are VIP: the top share by annual spend. */
  vipShare: number;
  /** Above 0: VIP is every customer whose annual spend is at least this (instead of the share); 0 = use the share. */
  vipSpendFrom: number;
  /** A first purchase at most this many days before today makes a 新客户 (new customer). */
  newCustomerDays: number;
  /** A score up (down) by at least this many points since the last run is 成长 (衰退). */
  scoreChange: number;
  /** Seed 002's promise: a complaint is replied within this many hours … */
  complaintReplyHours: number;
  /** … and resolved within this many days. */
  complaintResolveDays: number;
  /** The summary counts calls due from today to this many days ahead. */
  dueDays: number;
}

export const DEFAULT_SUPERVISOR_SETTINGS: SupervisorSettings = {
  vipShare: 0.1,
  vipSpendFrom: 0,
  newCustomerDays: 180,
  scoreChange: 5,
  complaintReplyHours: 24,
  complaintResolveDays: 7,
  dueDays: 30,
};

export const SUPERVISOR_SETTING_DEFS: SettingDef[] = [
  { path: "plan.supervisor.vipShare", kind: "fraction", zh: ["VIP客户比例", "VIP比例"], en: ["VIP Share"], min: 0, max: 1 },
  { path: "plan.supervisor.vipSpendFrom", kind: "number", zh: ["VIP年消费金额线", "VIP金额线"], en: ["VIP Spend From"], min: 0 },
  { path: "plan.supervisor.newCustomerDays", kind: "integer", zh: ["新客户天数"], en: ["New Customer Days"], min: 0, max: 3660 },
  { path: "plan.supervisor.scoreChange", kind: "number", zh: ["成长衰退分数变化", "得分变化分数线"], en: ["Score Change Points"], min: 0.1, max: 100 },
  { path: "plan.supervisor.complaintReplyHours", kind: "number", zh: ["投诉回复时限小时"], en: ["Complaint Reply Hours"], min: 0 },
  { path: "plan.supervisor.complaintResolveDays", kind: "number", zh: ["投诉解决时限天数"], en: ["Complaint Resolve Days"], min: 0 },
  { path: "plan.supervisor.dueDays", kind: "integer", zh: ["待回访统计天数"], en: ["Calls Due Within Days"], min: 1, max: 366 },
];
