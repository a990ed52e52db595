import { CarryOver, readPreviousOutputs } from "../output-tabs/previous-outputs";
import { META_SHEET_NAME, metaRows, type TabPlan } from "../output-tabs/write-plan";
import type { WorkbookModel } from "../workbook/grid";
import { buildStrengthening, STRENGTHENING_SPEC } from "./strengthening";
import { carryFrom, customer, recordsOf } from "./test-support";

const cs = () => [
  customer("A1", { tier: "A", score: 90, reg: { legalRep: "张法人", generalManager: "李总", accountManager: "王芳" } }),
  customer("B1", { tier: "B", score: 75, reg: { generalManager: "赵总" } }),
  customer("C1", { tier: "C", score: 60, reg: { legalRep: "钱法人" } }),
  customer("B2", { tier: "B", score: 72, reg: { status: "churned", legalRep: "孙法人" } }),
];

function asWorkbook(tab: TabPlan): WorkbookModel {
  return {
    sheets: [
      { name: tab.name, values: [tab.columns.map((c) => c.header), ...tab.rows.map((r) => [...r])] },
      { name: META_SHEET_NAME, values: metaRows({ product: "customer-tiers", version: 1, runAt: "x", tabs: [{ id: tab.id, name: tab.name }] }) },
    ],
  };
}

function type(wb: WorkbookModel, tab: TabPlan, key: string, role: string, col: string, value: string | null): void {
  const r = recordsOf(tab).findIndex((x) => x.key === key && x.role === role);
  wb.sheets[0].values[r + 1][tab.columns.findIndex((c) => c.id === col)] = value;
}

describe("客户关系强化表: for each A and B customer, rows for our 总经理, 副总经理, 部门经理, 部门主管", () => {
  it("lists the active A and B customers, four roles each, with the counterpart from the register", () => {
    const rows = recordsOf(buildStrengthening(cs(), "zh-CN", "客户关系强化表", carryFrom()));
    expect(rows.map((r) => `${r.key}/${r.role}`)).toEqual([
      "A1/总经理", "A1/副总经理", "A1/部门经理", "A1/部门主管", "B1/总经理", "B1/副总经理", "B1/部门经理", "B1/部门主管",
    ]);
    // Our 总经理 meets the 法人代表 (else the 总经理); our 副总经理 the 总经理 (else the 法人代表).
    expect(rows.slice(0, 4).map((r) => r.counterpart)).toEqual(["张法人", "李总", null, null]);
    expect(rows.slice(4, 6).map((r) => r.counterpart)).toEqual(["赵总", "赵总"]);
    expect(rows[0]).toMatchObject({ tier: "A", manager: "王芳", influence: null, measures: null });
  });

  it("has the seed's columns, all but customer and role editable", () => {
    const tab = buildStrengthening(cs(), "en-US", "Relationship Strengthening", carryFrom());
    expect(tab.columns.filter((c) => c.editable).map((c) => c.header)).toEqual([
      "Counterpart", "Influence", "Relation with Key Competitors", "Our Person in Charge", "Strengthening Measures", "Schedule", "Notes",
    ]);
    expect(STRENGTHENING_SPEC.columns.filter((c) => c.editable).map((c) => c.zh)).toEqual(["对方对接人", "影响力", "同关键竞争对手关系", "本单位负责人", "强化措施", "时间安排", "备注"]);
    expect(recordsOf(tab)[1]).toMatchObject({ role: "Deputy General Manager" });
  });
});

describe("客户关系强化表: what users type is kept by customer + role", () => {
  it("carries every editable column into the next run, also in the other language", () => {
    const first = buildStrengthening(cs(), "zh-CN", "客户关系强化表", carryFrom());
    const wb = asWorkbook(first);
    type(wb, first, "A1", "总经理", "influence", "高");
    type(wb, first, "A1", "总经理", "measures", "季度高层会晤");
    type(wb, first, "B1", "部门经理", "counterpart", "周经理");
    type(wb, first, "B1", "部门经理", "schedule", "7月");
    type(wb, first, "A1", "副总经理", "counterpart", null); // emptied: the register's name comes back
    const carry = new CarryOver(readPreviousOutputs(wb, [STRENGTHENING_SPEC]), [STRENGTHENING_SPEC]);
    const second = recordsOf(buildStrengthening(cs(), "en-US", "Relationship Strengthening", carry));
    expect(second.find((r) => r.key === "A1" && r.role === "General Manager")).toMatchObject({ counterpart: "张法人", influence: "高", measures: "季度高层会晤" });
    expect(second.find((r) => r.key === "B1" && r.role === "Department Manager")).toMatchObject({ counterpart: "周经理", schedule: "7月" });
    expect(second.find((r) => r.key === "A1" && r.role === "Deputy General Manager")).toMatchObject({ counterpart: "李总" });
    expect(carry.unclaimed()).toEqual([]);
  });

  it("a customer that fell below B keeps its rows while something typed for it remains; pre-filled names alone go quietly", () => {
    const first = buildStrengthening(cs(), "zh-CN", "客户关系强化表", carryFrom());
    const wb = asWorkbook(first);
    type(wb, first, "B1", "总经理", "remarks", "关系稳固");
    const fallen = cs().map((c) => (c.key === "B1" || c.key === "A1" ? { ...c, tier: "C" as const } : c));
    const carry = new CarryOver(readPreviousOutputs(wb, [STRENGTHENING_SPEC]), [STRENGTHENING_SPEC]);
    const rows = recordsOf(buildStrengthening(fallen, "zh-CN", "客户关系强化表", carry));
    expect(rows.map((r) => `${r.key}/${r.role}/${r.tier}`)).toEqual(["B1/总经理/C", "B1/副总经理/C", "B1/部门经理/C", "B1/部门主管/C"]);
    expect(rows[0]).toMatchObject({ remarks: "关系稳固" });
    expect(carry.unclaimed()).toEqual([]);
  });
});
