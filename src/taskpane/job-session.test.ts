import type { RawValue, WorkbookModel } from "../core/workbook/grid";
import { JobSession, type WorkerLike } from "./job-session";
import type { SessionReply, SessionRequest } from "./job-worker-protocol";
import { SessionHandler } from "./session-handler";

const NOW = Date.parse("2025-06-30T08:00:00Z");

function workbook(): WorkbookModel {
  const rows: RawValue[][] = [
    ["客户编号", "客户名称", "合作深度", "满意度"],
    ["C001", "华星", 90, 85],
    ["C002", "东方", 70, 60],
    ["C003", "南山", 50, 40],
  ];
  return { sheets: [{ name: "客户关系评估表", values: rows }, { name: "Sheet2", values: [["客户编号", "甲", "乙"], ["C001", 1, 2]] }] };
}

/** A worker that runs the real session handler after a delay; records what it was sent. */
class SlowWorker implements WorkerLike {
  static all: SlowWorker[] = [];
  onmessage: ((e: { data: SessionReply }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  readonly sent: SessionRequest[] = [];
  dead = false;
  private readonly handler = new SessionHandler();
  private queue = Promise.resolve();
  constructor(private readonly delayMs: number) {
    SlowWorker.all.push(this);
  }
  postMessage(m: SessionRequest): void {
    this.sent.push(m);
    this.queue = this.queue.then(
      () => new Promise<void>((resolve) => setTimeout(() => {
        if (!this.dead) this.onmessage?.({ data: this.handler.handle(m) });
        resolve();
      }, this.delayMs)),
    );
  }
  terminate(): void {
    this.dead = true;
  }
}

beforeEach(() => (SlowWorker.all = []));

describe("the workbook is read once; a role or language change re-runs only the job", () => {
  test("a second preview terminates the worker still busy with the first, whose answer is dropped", async () => {
    const s = new JobSession(() => new SlowWorker(30));
    s.setWorkbook(workbook());
    const first = s.preview({ now: NOW });
    const second = s.preview({ now: NOW, lang: "en-US" });
    expect(await first).toBeNull();
    const p = await second;
    expect(p?.summary.lang).toBe("en-US");
    expect(p?.summary.customers).toBe(3);
    expect(s.terminated).toBe(1);
    expect(SlowWorker.all[0].dead).toBe(true);
    // Each worker was handed the workbook model once; nothing was read again.
    expect(SlowWorker.all.map((w) => w.sent.filter((m) => m.kind === "load").length)).toEqual([1, 1]);
  });

  test("previews one after another share one worker and the workbook it was sent", async () => {
    const s = new JobSession(() => new SlowWorker(1));
    s.setWorkbook(workbook());
    await s.preview({ now: NOW });
    const p = await s.preview({ now: NOW, roles: { Sheet2: "ignore" } });
    expect(p?.summary.sheets.map((x) => x.name)).toEqual(["客户关系评估表"]);
    expect(SlowWorker.all).toHaveLength(1);
    expect(SlowWorker.all[0].sent.map((m) => m.kind)).toEqual(["load", "preview", "preview"]);
  });
});

describe("what-ifs run in the worker on the workbook already read; stale ones are dropped", () => {
  test("while one computes only the newest next one is kept; answers for older values are dropped", async () => {
    const s = new JobSession(() => new SlowWorker(20));
    s.setWorkbook(workbook());
    const p = (await s.preview({ now: NOW }))!;
    const tries = [90, 80, 50].map((a) => s.whatIf({ ...p.params, thresholds: { A: a, B: 45, C: 40 } }));
    const [a, b, c] = await Promise.all(tries);
    expect(a).toBeNull();
    expect(b).toBeNull();
    expect(c?.result.params.thresholds.A).toBe(50);
    expect(c?.result.byTier.A).toBe(2);
    expect(SlowWorker.all[0].sent.filter((m) => m.kind === "whatif")).toHaveLength(2);
  });

  test("an explanation asked for again replaces the one before", async () => {
    const s = new JobSession(() => new SlowWorker(10));
    s.setWorkbook(workbook());
    const p = (await s.preview({ now: NOW }))!;
    const [x, y] = await Promise.all([s.why("C001", p.params), s.why("C003", p.params)]);
    expect(x).toBeNull();
    expect(y?.key).toBe("C003");
    expect(await s.why("nobody", p.params)).toBeNull();
  });

  test("a new workbook (re-scan) ends the worker and what was waiting", async () => {
    const s = new JobSession(() => new SlowWorker(20));
    s.setWorkbook(workbook());
    const pending = s.preview({ now: NOW });
    s.setWorkbook(workbook());
    expect(await pending).toBeNull();
    expect(s.terminated).toBe(1);
  });
});
