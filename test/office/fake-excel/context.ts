import type { XlContext } from "../../../src/office/excel-subset";
import { FakeExcelError, fail } from "./errors";
import type { FakeStats } from "./stats";
import type { WorkbookState } from "./workbook-state";
import { FakeWorkbook } from "./workbook";

/** What a command may hand back: loaded data (counted in the response) and how to publish it. */
export interface CommandResult {
  data: unknown;
  publish: () => void;
}

/** A queued command: its name and arguments (counted in the request) and what it does at sync. */
export interface Command {
  op: string;
  args: unknown;
  run: () => CommandResult | void;
}

/** Faults the tests can inject. */
export interface FakeFaults {
  /** The next n syncs fail with InvalidOperationInCellEditMode, as while the user edits a cell. */
  cellEditModeSyncs: number;
  /** Fails the command for which this returns true (GeneralException), after the earlier ones ran. */
  failCommand?: (op: string, args: unknown) => boolean;
}

/** The host-wide settings and counters a context reports to. */
export interface FakeHost {
  state: WorkbookState;
  stats: FakeStats;
  faults: FakeFaults;
  /** Request and response ceiling in bytes (Excel on the web: 5 MB). */
  payloadLimit: number;
  /**
   * Excel on the web sometimes answers an oversize request or response with its generic "An internal error
   * has occurred" (GeneralException) instead of the payload codes (office-js-docs-reference #354, office-js #1314).
   */
  genericOversize: boolean;
}

/** Bytes of a string in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Excel.RequestContext: commands are queued and run at sync(), which counts and limits payloads. */
export class FakeRequestContext implements XlContext {
  readonly workbook: FakeWorkbook;
  private queue: Command[] = [];

  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Adds a command to the batch. */
  enqueue(cmd: Command): void {
    this.host.stats.calls++;
    this.queue.push(cmd);
  }

  /** Number of commands waiting for the next sync. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Sends the batch: refused whole when too large or in cell-edit mode; otherwise runs command by command,
   * and a command that fails stops the batch with the earlier ones applied (Excel has no rollback).
   * `requestBytes`: the request's size as office.js serialised it (officejs-size.ts); without it, the JSON of
   * the commands is counted.
   */
  async sync(requestBytes?: number): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const { stats, faults, payloadLimit } = this.host;
    stats.syncs++;
    const request = requestBytes ?? utf8Length(JSON.stringify(batch.map((c) => [c.op, c.args])));
    stats.requestBytes.push(request);
    await Promise.resolve();
    if (faults.cellEditModeSyncs > 0) {
      faults.cellEditModeSyncs--;
      fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    const generic = this.host.genericOversize;
    if (request > payloadLimit) fail(generic ? "GeneralException" : "RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${request} bytes).`);
    const results: CommandResult[] = [];
    for (const cmd of batch) {
      if (faults.failCommand?.(cmd.op, cmd.args)) fail("GeneralException", `Injected failure at ${cmd.op}.`);
      try {
        const r = cmd.run();
        if (r) results.push(r);
      } catch (e) {
        if (e instanceof FakeExcelError) throw e;
        throw new FakeExcelError("GeneralException", String(e));
      }
    }
    const response = utf8Length(JSON.stringify(results.map((r) => r.data)));
    stats.responseBytes.push(response);
    if (response > payloadLimit) fail(generic ? "GeneralException" : "ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${response} bytes).`);
    for (const r of results) r.publish();
  }
}
