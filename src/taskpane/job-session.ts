import { JobFailure } from "../core/job/job-failure";
import type { WhatIfParams, WhatIfResult } from "../core/whatif/what-if";
import type { CustomerWhy } from "../core/whatif/why";
import type { WorkbookModel } from "../core/workbook/grid";
import type { PreviewOptions, PreviewReply, SessionReply, SessionRequest } from "./job-worker-protocol";

/** What the session needs of a Web Worker (so tests and the inline fallback can stand in for one). */
export interface WorkerLike {
  postMessage(m: SessionRequest): void;
  onmessage: ((e: { data: SessionReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

type Waiter = { resolve: (r: SessionReply | null) => void; reject: (e: Error) => void };

/**
 * The pane's side of its worker session. The workbook read from Excel is handed over once; a preview
 * (roles, language) re-runs only the job, a what-if only the scoring. A newer preview terminates the
 * worker still busy with an older one; answers made stale by a newer request resolve to null.
 */
export class JobSession {
  private worker: WorkerLike | null = null;
  private wb: WorkbookModel | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, Waiter>();
  private latest = { preview: 0, whatif: 0, why: 0 };
  private previewBusy = false;
  private whatIfBusy = false;
  private queued: { params: WhatIfParams; resolve: (r: { result: WhatIfResult; ms: number } | null) => void; reject: (e: Error) => void } | null = null;
  /** How many workers were terminated (tests read it). */
  terminated = 0;

  constructor(private readonly createWorker: () => WorkerLike) {}

  /** Hands over a workbook just read; the next request starts a fresh worker with it. */
  setWorkbook(wb: WorkbookModel): void {
    this.wb = wb;
    this.stop();
  }

  /** Ends the worker and every request still waiting (they resolve to null). */
  stop(): void {
    if (this.worker) {
      this.worker.terminate();
      this.terminated++;
      this.worker = null;
    }
    for (const w of this.waiting.values()) w.resolve(null);
    this.waiting.clear();
    this.previewBusy = false;
    this.whatIfBusy = false;
    if (this.queued) this.queued.resolve(null);
    this.queued = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    if (!this.wb) throw new Error("no workbook read yet");
    const w = this.createWorker();
    w.onmessage = (e) => this.onReply(w, e.data);
    w.onerror = (e) => {
      if (w !== this.worker) return;
      const err = new Error(e.message || "the job worker failed");
      for (const x of this.waiting.values()) x.reject(err);
      this.waiting.clear();
      this.stop();
    };
    this.worker = w;
    w.postMessage({ id: ++this.seq, kind: "load", wb: this.wb });
    return w;
  }

  private onReply(from: WorkerLike, r: SessionReply): void {
    if (from !== this.worker) return;
    const w = this.waiting.get(r.id);
    if (!w) return;
    this.waiting.delete(r.id);
    if (r.ok) w.resolve(r);
    else w.reject(r.problem ? new JobFailure(r.problem) : new Error(r.message));
  }

  private send(req: SessionRequest): Promise<SessionReply | null> {
    return new Promise((resolve, reject) => {
      const w = this.ensureWorker();
      this.waiting.set(req.id, { resolve, reject });
      w.postMessage(req);
    });
  }

  /** Runs the job on the workbook with these roles and language; null when a newer preview replaced it. */
  async preview(opts: PreviewOptions): Promise<PreviewReply | null> {
    // The older job's answer is of no use any more: stop its worker rather than wait for it.
    if (this.previewBusy) this.stop();
    const id = ++this.seq;
    this.latest.preview = id;
    this.previewBusy = true;
    try {
      const r = await this.send({ id, kind: "preview", opts });
      if (id !== this.latest.preview || !r || r.ok !== true || r.kind !== "preview") return null;
      return r.preview;
    } finally {
      if (id === this.latest.preview) this.previewBusy = false;
    }
  }

  /**
   * Tries values; while one what-if is computing, only the newest next one is kept (the ones in between
   * resolve to null), so typing in a field never queues up stale work.
   */
  whatIf(params: WhatIfParams): Promise<{ result: WhatIfResult; ms: number } | null> {
    if (this.whatIfBusy) {
      this.queued?.resolve(null);
      return new Promise((resolve, reject) => (this.queued = { params, resolve, reject }));
    }
    return this.sendWhatIf(params);
  }

  private async sendWhatIf(params: WhatIfParams): Promise<{ result: WhatIfResult; ms: number } | null> {
    const id = ++this.seq;
    this.latest.whatif = id;
    this.whatIfBusy = true;
    let r: SessionReply | null;
    try {
      r = await this.send({ id, kind: "whatif", params });
    } finally {
      this.whatIfBusy = false;
      const next = this.queued;
      this.queued = null;
      if (next) this.sendWhatIf(next.params).then(next.resolve, next.reject);
    }
    if (!r || r.ok !== true || r.kind !== "whatif" || id !== this.latest.whatif) return null;
    return { result: r.result, ms: r.ms };
  }

  /** Explains one customer under the values tried; null when stale or when no customer has that key. */
  async why(key: string, params: WhatIfParams): Promise<CustomerWhy | null> {
    const id = ++this.seq;
    this.latest.why = id;
    const r = await this.send({ id, kind: "why", key, params });
    if (!r || r.ok !== true || r.kind !== "why" || id !== this.latest.why) return null;
    return r.why;
  }
}

/** A Web Worker running job-worker.js; where workers are missing, the same handler inline (a lazy chunk). */
export function sessionWorkerFactory(scriptUrl = "job-worker.js"): () => WorkerLike {
  if (typeof Worker !== "undefined") return () => new Worker(scriptUrl) as unknown as WorkerLike;
  return () => inlineWorker();
}

/** The session handler in the pane's own thread, answering asynchronously like a worker. */
function inlineWorker(): WorkerLike {
  let dead = false;
  const handler = import("./session-handler").then((m) => new m.SessionHandler());
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(m) {
      void handler.then((h) => {
        if (dead) return;
        const reply = h.handle(m);
        if (!dead) w.onmessage?.({ data: reply });
      }, (e: unknown) => w.onerror?.({ message: e instanceof Error ? e.message : String(e) }));
    },
    terminate() {
      dead = true;
    },
  };
  return w;
}
