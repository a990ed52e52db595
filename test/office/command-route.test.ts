import { commandRoute, COMMAND_CELL_LIMIT, useThePane } from "../../src/commands/command-route";
import { usedCells } from "../../src/office/workbook-size";
import { createFakeExcel } from "./fake-excel";

describe("the ribbon's Recalculate measures first and sends large workbooks to the task pane", () => {
  test("the size is the used cells of every sheet, in two small syncs that read no values", async () => {
    const xl = createFakeExcel([
      { name: "客户状况登记表", values: Array.from({ length: 1000 }, (_, i) => Array.from({ length: 20 }, (_, c) => `r${i}c${c}`)) },
      { name: "空", values: [] },
      { name: "评估", top: 3, left: 2, values: [["a", "b"], ["c", "d"]] },
    ]);
    expect(await xl.run((ctx) => usedCells(ctx))).toBe(20_004);
    expect(xl.stats.syncs).toBe(2);
    expect(xl.stats.maxResponseBytes).toBeLessThan(1000);
  });

  test("a register of 100,000 customers goes to the pane; a branch's few thousand run from the ribbon", () => {
    expect(commandRoute(100_000 * 20)).toBe("pane");
    expect(commandRoute(5_000 * 20)).toBe("command");
    expect(commandRoute(COMMAND_CELL_LIMIT)).toBe("command");
    expect(commandRoute(COMMAND_CELL_LIMIT + 1)).toBe("pane");
  });

  test("the message says why and what to do, in both languages, and that nothing changed", () => {
    const m = useThePane(2_000_020, false);
    expect(m.text.en).toContain("2,000,020 used cells");
    expect(m.text.en).toContain("Show task pane");
    expect(m.text.zh).toContain("显示任务窗格");
    expect(m.text.zh).toContain("未做任何更改");
    expect(useThePane(2_000_020, true).text.en).toContain("The task pane is open");
  });
});
