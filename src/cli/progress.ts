import type { Lang } from "../core/i18n/lang";
import { text } from "./messages";

/**
 * One-line progress on stderr, only when stderr is a terminal (scripts and pipes get clean output),
 * redrawn at most every 200 ms so printing never slows a 100,000-row run.
 */
export class Progress {
  private last = 0;
  private shown = false;

  constructor(
    private readonly enabled: boolean,
    private readonly write: (s: string) => void,
    private readonly lang: Lang,
  ) {}

  private show(line: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 200) return;
    this.last = now;
    this.shown = true;
    this.write(`\r\x1b[K${line}`);
  }

  /** Rows read so far from a sheet. */
  read(sheet: string, rows: number): void {
    this.show(text("progressRead", this.lang, { sheet, n: rows }));
  }

  /** The job is computing. */
  scoring(): void {
    this.show(text("progressScore", this.lang), true);
  }

  /** Rows written so far to an output tab. */
  writing(sheet: string, done: number, total: number): void {
    this.show(text("progressWrite", this.lang, { sheet, done, total }));
  }

  /** Workbooks of a batch finished so far (one line for the whole batch). */
  batch(done: number, total: number): void {
    this.show(text("progressBatch", this.lang, { done, total }), done === total);
  }

  /** Clears the progress line before the summary is printed. */
  clear(): void {
    if (this.enabled && this.shown) this.write("\r\x1b[K");
    this.shown = false;
  }
}
