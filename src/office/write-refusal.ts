import { pick, type Bilingual, type Lang } from "../core/i18n/lang";

/** Why the adapter refuses to write, before it changes anything. */
export type RefusalKind = "busy" | "changed" | "protected" | "tooManyRows";

/**
 * A write the adapter refused, with what to do, in both languages. `message` holds both, so that any
 * place that shows an error's message shows a clear one.
 */
export class WriteRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly text: Bilingual,
  ) {
    super(`${text.zh} ${text.en}`);
    this.name = "WriteRefusal";
  }

  /** The message in one language. */
  in(lang: Lang): string {
    return pick(this.text, lang);
  }
}

/** Another run (the pane, the ribbon, a co-author) holds the lock since `since`; this one waited `waitedMs` for it. */
export function busyRefusal(since: string, waitedMs = 0): WriteRefusal {
  const minutes = Math.round(waitedMs / 6000) / 10;
  return new WriteRefusal("busy", {
    zh: `另一次计算正在写入本工作簿（开始于 ${since}）${waitedMs > 0 ? `，已等待 ${minutes} 分钟仍未结束` : ""}。未做任何更改。请等它完成后再运行；若没有其他计算在运行，20 分钟后可再次运行。`,
    en: `Another run is writing to this workbook (since ${since})${waitedMs > 0 ? `; it had not finished after a wait of ${minutes} min` : ""}. Nothing was changed. Run again when it has finished; if none is running, you can run again after 20 minutes.`,
  });
}

/** Another run wrote its results after this run read the workbook: this run's plan would undo them. */
export function changedRefusal(): WriteRefusal {
  return new WriteRefusal("changed", {
    zh: "本次读取工作簿之后，另一次计算已写入新的结果。为免覆盖它的结果和其后的修改，本次未做任何更改。请再次运行。",
    en: "Another run wrote new results after this run read the workbook. Nothing was changed, so as not to overwrite them or edits made since. Run again.",
  });
}

/** The workbook's structure is protected: sheets cannot be added, renamed or hidden. */
export function protectedRefusal(): WriteRefusal {
  return new WriteRefusal("protected", {
    zh: "工作簿结构受保护，无法添加或更新结果工作表。请在“审阅 › 保护工作簿”中取消保护（可能需要密码），然后再次运行。未做任何更改。",
    en: "The workbook's structure is protected, so the result tabs cannot be added or updated. Unprotect it in Review › Protect Workbook (a password may be needed), then run again. Nothing was changed.",
  });
}

/** A tab longer than the sheets of this workbook (an .xls in compatibility mode has 65,536 rows). */
export function tooManyRowsRefusal(tab: string, rows: number, limit: number): WriteRefusal {
  const xls = limit < 1_048_576;
  return new WriteRefusal("tooManyRows", {
    zh: `“${tab}”有 ${rows} 行数据和 1 行标题，超出本工作簿每张表的 ${limit} 行${xls ? "（.xls 兼容模式）。请将工作簿另存为 .xlsx（文件 › 另存为 › Excel 工作簿），重新打开后再运行" : ""}。未做任何更改。`,
    en: `"${tab}" has ${rows} data rows and a header, more than the ${limit} rows of a sheet in this workbook${xls ? " (.xls compatibility mode). Save the workbook as .xlsx (File › Save As › Excel Workbook), reopen it and run again" : ""}. Nothing was changed.`,
  });
}
