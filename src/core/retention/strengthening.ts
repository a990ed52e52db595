import { tierLabel } from "../i18n/labels";
import { pick, type Bilingual, type Lang } from "../i18n/lang";
import type { CarryOver } from "../output-tabs/previous-outputs";
import { buildTab, rowKey, type TabSpec } from "../output-tabs/tab-spec";
import { blocksFromRowRoles, type PlanValue, type TabPlan } from "../output-tabs/write-plan";
import type { ScoredCustomer } from "../scoring/scored-customer";
import { bi, colIndex, customerName, editableValues, TIER_ROLE, tierScoreOrder } from "./common";
import { isLost } from "./segments";

/** Our side of the relationship, seed 004's form: one row per role for each A and B customer. */
export type OurRole = "gm" | "deputy" | "deptManager" | "deptSupervisor";

export const ROLES: OurRole[] = ["gm", "deputy", "deptManager", "deptSupervisor"];

export const ROLE_WORDS: Record<OurRole, Bilingual> = {
  gm: bi("总经理", "General Manager"),
  deputy: bi("副总经理", "Deputy General Manager"),
  deptManager: bi("部门经理", "Department Manager"),
  deptSupervisor: bi("部门主管", "Department Supervisor"),
};

/** 客户关系强化表 / Relationship Strengthening: A and B customers × our role; all but customer and role editable. */
export const STRENGTHENING_SPEC: TabSpec = {
  id: "strengthening",
  zh: "客户关系强化表",
  en: "Relationship Strengthening",
  tableName: "RelationshipStrengthening",
  keyColumns: ["key", "role"],
  columns: [
    { id: "key", zh: "客户编号", en: "Customer ID", kind: "text", width: 14 },
    { id: "name", zh: "客户名称", en: "Customer", kind: "text", width: 24 },
    { id: "tier", zh: "等级", en: "Tier", kind: "text", width: 8 },
    { id: "manager", zh: "客户经理", en: "Account Manager", kind: "text", width: 12 },
    { id: "role", zh: "我方人员", en: "Our Role", kind: "text", width: 14 },
    { id: "counterpart", zh: "对方对接人", en: "Counterpart", kind: "text", width: 14, editable: true, prefilled: true },
    { id: "influence", zh: "影响力", en: "Influence", kind: "text", width: 12, editable: true },
    { id: "competitorRelation", zh: "同关键竞争对手关系", en: "Relation with Key Competitors", kind: "text", width: 20, editable: true },
    { id: "ourLead", zh: "本单位负责人", en: "Our Person in Charge", kind: "text", width: 14, editable: true },
    { id: "measures", zh: "强化措施", en: "Strengthening Measures", kind: "text", width: 30, editable: true },
    { id: "schedule", zh: "时间安排", en: "Schedule", kind: "text", width: 14, editable: true },
    { id: "remarks", zh: "备注", en: "Notes", kind: "text", width: 20, editable: true },
  ],
};

/**
 * The counterpart the register names for a role: our 总经理 meets the customer's 法人代表 (else its 总经理), our
 * 副总经理 its 总经理 (else its 法人代表); the register knows nobody for the department levels.
 */
export function counterpart(c: ScoredCustomer, role: OurRole): string | null {
  const r = c.register;
  const legal = r?.legalRep?.trim() || undefined;
  const gm = r?.generalManager?.trim() || undefined;
  if (role === "gm") return legal ?? gm ?? null;
  if (role === "deputy") return gm ?? legal ?? null;
  return null;
}

/** The customers the form covers: A and B (effective tier) that are not lost. */
export function strengtheningCustomer(c: ScoredCustomer): boolean {
  return (c.tier === "A" || c.tier === "B") && !isLost(c);
}

/**
 * Builds 客户关系强化表: four rows (总经理, 副总经理, 部门经理, 部门主管) for each A and B customer, by tier, score
 * and key. What users typed is kept by customer + role, in either language; a customer that left A/B keeps
 * its rows while anything typed for it remains, so nothing typed is lost.
 */
export function buildStrengthening(customers: ScoredCustomer[], lang: Lang, name: string, carry: CarryOver): TabPlan {
  const byKey = new Map(customers.map((c) => [c.key, c]));
  const roleOf = new Map<string, OurRole>();
  for (const r of ROLES) for (const w of [ROLE_WORDS[r].zh, ROLE_WORDS[r].en]) roleOf.set(w, r);
  // A customer outside A/B stays while something typed for it remains; a pre-filled counterpart is no typing.
  const typedKeys = new Set<string>();
  const droppable: string[] = [];
  for (const e of carry.unclaimed()) {
    if (e.tab !== "strengthening") continue;
    const [key = "", roleText = ""] = e.key.split("\u241f");
    const c = byKey.get(key);
    const role = roleOf.get(roleText);
    if (!c || !role) continue;
    const typed = Object.entries(e.values).some(([id, v]) => v !== null && v !== "" && !(id === "counterpart" && String(v) === counterpart(c, role)));
    if (typed) typedKeys.add(key);
    else droppable.push(e.key);
  }
  const listed = tierScoreOrder(customers.filter((c) => strengtheningCustomer(c) || typedKeys.has(c.key)));
  const take = (key: string, role: OurRole) =>
    carry.take("strengthening", rowKey(STRENGTHENING_SPEC, { key, role: ROLE_WORDS[role].zh })) ??
    carry.take("strengthening", rowKey(STRENGTHENING_SPEC, { key, role: ROLE_WORDS[role].en }));
  const records: Record<string, PlanValue>[] = [];
  const roles: ReturnType<typeof tierRole>[] = [];
  const roleText = ROLES.map((r) => pick(ROLE_WORDS[r], lang));
  const anyKept = typedKeys.size > 0 || carry.unclaimed().some((e) => e.tab === "strengthening");
  for (const c of listed) {
    const tier = tierLabel(c.tier, lang);
    ROLES.forEach((role, i) => {
      const pre = counterpart(c, role);
      const kept = anyKept ? take(c.key, role) : undefined;
      // The pre-filled counterpart is a default: emptied, it comes back; changed, the change is kept.
      const edits = kept
        ? editableValues(STRENGTHENING_SPEC, lang, kept, pre ? { counterpart: bi(pre, pre) } : {})
        : { counterpart: pre };
      records.push({ key: c.key, name: customerName(c), tier, manager: c.register?.accountManager ?? null, role: roleText[i], ...edits });
      roles.push(tierRole(c));
    });
  }
  // Rows that held only the pre-filled counterpart of a customer no longer listed go quietly.
  for (const k of droppable) carry.take("strengthening", k);
  const firstEditable = colIndex(STRENGTHENING_SPEC, "counterpart");
  const cols = STRENGTHENING_SPEC.columns.length;
  const styles = [
    ...blocksFromRowRoles(roles, 0, firstEditable),
    ...(records.length > 0 ? [{ role: "editable" as const, row: 0, rows: records.length, col: firstEditable, cols: cols - firstEditable }] : []),
  ];
  return buildTab(STRENGTHENING_SPEC, lang, name, records, styles);
}

function tierRole(c: ScoredCustomer) {
  return TIER_ROLE[c.tier];
}
