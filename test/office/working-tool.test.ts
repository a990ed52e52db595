import { runJob } from "../../src/core/job/run-job";
import { runWorkbookJob } from "../../src/office/run-workbook-job";
import { seededLong } from "./long-fixture";
import type { FakeExcel, SheetState } from "./fake-excel";
import { chartTool, toolState } from "./fake-excel/working-tool";
import { workingToolOps } from "../../src/office/working-tool-ops";
import type { XlToolWorksheet } from "../../src/office/excel-subset-tool";

const noWait = { sleep: async () => undefined, tag: "t1" };

const seeded = seededLong;

async function run(xl: FakeExcel, iso: string) {
  return xl.run((ctx) => runWorkbookJob(ctx, { now: new Date(iso), write: true, job: runJob, ...noWait }));
}

/** The sheet's used range as records by header. */
function records(s: SheetState): Record<string, unknown>[] {
  const [header, ...rows] = s.read(s.usedRect()!);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function colOf(s: SheetState, header: string): number {
  const i = s.read(s.usedRect()!)[0].findIndex((h) => h === header);
  if (i < 0) throw new Error(`no ${header} on ${s.name}`);
  return i;
}

function rowOf(s: SheetState, header: string, value: string): number {
  const i = records(s).findIndex((r) => r[header] === value);
  if (i < 0) throw new Error(`no ${header}=${value} on ${s.name}`);
  return i + 1;
}

describe("nothing a user types is lost (Office adapter, fake Excel)", () => {
  test("a second run keeps added columns and rows, editable values and values outside a list; a computed edit is replaced and reported", async () => {
    const xl = await seeded();
    await run(xl, "2024-06-30T08:00:00Z");
    const roster = xl.sheet("客户分级名册");
    const width = roster.usedRect()!.cols;
    roster.writeCell(0, width, "我的备注");
    roster.writeCell(rowOf(roster, "客户编号", "C003"), width, "年底拜访");
    roster.writeCell(rowOf(roster, "客户编号", "C004"), colOf(roster, "人工等级"), "B");
    roster.writeCell(rowOf(roster, "客户编号", "C002"), colOf(roster, "最终得分"), 12.5);
    const end = roster.usedRect()!.rows;
    roster.writeCell(end, colOf(roster, "客户编号"), "NEW-1");
    roster.writeCell(end, width, "待录入");
    const plan = xl.sheet("客户维护方案");
    plan.writeCell(rowOf(plan, "客户编号", "C003"), colOf(plan, "审核状态"), "待定");

    const second = await run(xl, "2024-07-01T08:00:00Z");
    expect(second.outcome.plan.carried).toMatchObject({ userColumns: 1, userColumnCells: 2, userRows: 1, computedEditsReplaced: 1, outsideChoices: 1 });
    const r2 = records(xl.sheet("客户分级名册"));
    expect(r2.find((r) => r["客户编号"] === "C003")!["我的备注"]).toBe("年底拜访");
    expect(r2.find((r) => r["客户编号"] === "C004")!["人工等级"]).toBe("B");
    expect(r2.find((r) => r["客户编号"] === "C002")!["最终得分"]).not.toBe(12.5);
    expect(r2[r2.length - 1]).toMatchObject({ 客户编号: "NEW-1", 我的备注: "待录入" });
    expect(records(xl.sheet("客户维护方案")).find((r) => r["客户编号"] === "C003")!["审核状态"]).toBe("待定");
    const problems = records(xl.sheet("数据问题")).map((r) => String(r["问题"]));
    expect(problems.some((p) => p.includes("最终得分") && p.includes("12.5"))).toBe(true);
    expect(problems.some((p) => p.includes("用户自行添加") && p.includes("NEW-1"))).toBe(true);
    expect(problems.some((p) => p.includes("待定"))).toBe(true);
    // The user's column is part of the table and looks editable.
    expect(xl.state.table("TierRoster")?.rect.cols).toBe(width + 1);
    expect(xl.sheet("客户分级名册").layerAt(0, width, "fill")).toBe("#548235");
  });
});

describe("editable looks editable, colours follow edits, every tab prints (Office adapter)", () => {
  test("drop-downs warn, conditional colours are whole-column, page layout and chart colours are set", async () => {
    const xl = await seeded();
    await run(xl, "2024-06-30T08:00:00Z");
    const roster = xl.sheet("客户分级名册");
    const t = toolState(roster);
    const manual = colOf(roster, "人工等级");
    const dv = t.validations.find((v) => v.col === manual)!;
    expect(dv.rule?.list?.source).toBe("A,B,C,D");
    expect(dv.errorAlert?.style).toBe("Warning");
    expect(dv.prompt?.message).toContain("人工等级");
    expect(dv.rows).toBe(roster.usedRect()!.rows - 1);
    expect(t.conditional).toHaveLength(8);
    expect(t.conditional.every((c) => c.row === 1 && c.rows === roster.usedRect()!.rows - 1)).toBe(true);
    expect(t.conditional[0].formula).toBe(`=UPPER(TRIM($${String.fromCharCode(65 + manual)}2))="A"`);
    expect(t.page).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: "$1:$1", centerFooter: "&A — &P / &N" });
    const calls = toolState(xl.sheet("电话回访计划"));
    expect(calls.conditional).toHaveLength(1);
    const status = String.fromCharCode(65 + colOf(xl.sheet("电话回访计划"), "状态"));
    expect(calls.conditional[0].formula).toContain(`TRIM($${status}2)="已完成"`);
    expect(calls.validations.find((v) => v.rule?.list)?.rule?.list?.source).toBe("待回访,已完成,未接通,取消");
    for (const name of xl.sheetNames().filter((n) => !n.startsWith("_") && !["客户状况登记表", "客户关系评估表", "评估模型"].includes(n))) {
      expect(toolState(xl.sheet(name)).page.orientation).toBe("Landscape");
    }
    const kpi = xl.sheet("指标看板");
    expect(chartTool(kpi.charts[0]).pointColours).toEqual(["#4CAF50", "#4A90D9", "#F0B400", "#9E9E9E", "#E05757"]);
    expect(chartTool(kpi.charts[0]).showValue).toBe(true);
    // Without ExcelApi 1.10 no comments are attempted (the prompt says what to type instead).
    expect(t.comments).toHaveLength(0);
    expect(xl.stats.perCellFormatCalls()).toBe(0);
  });

  test("header comments are added where the host supports ExcelApi 1.10", async () => {
    const asked: string[] = [];
    Object.assign(globalThis, { Office: { context: { requirements: { isSetSupported: (n: string, v?: string) => (asked.push(`${n} ${v}`), true) } } } });
    try {
      const xl = await seeded();
      await run(xl, "2024-06-30T08:00:00Z");
      const comments = toolState(xl.sheet("客户分级名册")).comments;
      const manual = colOf(xl.sheet("客户分级名册"), "人工等级");
      expect(comments.map((c) => c.col)).toEqual([manual, manual + 1]);
      expect(comments[0]).toMatchObject({ row: 0, content: expect.stringContaining("选 A–D") });
      expect(asked).toContain("ExcelApi 1.10");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  test("a tab decorated again in place (the add-in rewrites tabs in place) does not stack rules or lists", async () => {
    const xl = await seeded();
    const first = await run(xl, "2024-06-30T08:00:00Z");
    const roster = first.outcome.plan.tabs[0];
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("客户分级名册") as unknown as XlToolWorksheet;
      workingToolOps(roster, () => ws, { comments: false }).forEach((op) => op.queue());
      await ctx.sync();
    });
    const t = toolState(xl.sheet("客户分级名册"));
    expect(t.conditional).toHaveLength(8);
    expect(t.validations.filter((v) => v.rule?.list)).toHaveLength(1);
  });
});
