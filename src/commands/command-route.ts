import type { Bilingual } from "../core/i18n/lang";

/**
 * Used cells up to which the ribbon's Recalculate runs in its function command. Office closes a function
 * command's runtime after 5 minutes and shows no progress, so only what finishes well within that runs
 * there: 300,000 cells is about 15,000 customers of 20 columns — on the fake, a tenth of the 100,000-customer
 * bench (≈ 10 requests of ≤ 1 MB to write, 3–4 to read), minutes below the limit even at seconds per request.
 */
export const COMMAND_CELL_LIMIT = 300_000;

/** Where a Recalculate of a workbook with this many used cells runs: here, or in the task pane with progress. */
export function commandRoute(usedCells: number, limit = COMMAND_CELL_LIMIT): "command" | "pane" {
  return usedCells <= limit ? "command" : "pane";
}

/** What the command says when the workbook is too large to recalculate from the ribbon. */
export function useThePane(usedCells: number, paneOpened: boolean): { title: Bilingual; text: Bilingual } {
  const cells = usedCells.toLocaleString("en-US");
  return {
    title: { zh: "请在任务窗格中运行", en: "Run it in the task pane" },
    text: {
      zh: `本工作簿有 ${cells} 个已用单元格，从功能区按钮计算可能超过 Office 允许的 5 分钟。${paneOpened ? "已打开任务窗格" : "请点击“开始 › 客户分级 › 显示任务窗格”"}，然后点击“运行”：窗格会显示进度。未做任何更改。`,
      en: `This workbook has ${cells} used cells: recalculating from the ribbon could take longer than the 5 minutes Office allows. ${paneOpened ? "The task pane is open:" : "Open Home › Customer Tiers › Show task pane, then"} press Run there; the pane shows the progress. Nothing was changed.`,
    },
  };
}
