import type { Lang } from "../../core/i18n/lang";
import type { WorkbookResult } from "../../core/batch/workbook-result";

/** One workbook of a batch as handed to a worker thread (plain data: the clock travels as ISO text). */
export interface BatchTask {
  index: number;
  input: string;
  output: string;
  withCustomers: boolean;
  opts: { lang?: Lang; asOf?: string; now: string; messageLang: Lang };
}

/** What a worker thread hands back: the workbook's result, or the crash that stopped it. */
export type BatchReply = { index: number; result: WorkbookResult } | { index: number; crash: string };
