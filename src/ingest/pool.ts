// A small pool of extraction workers (node:worker_threads). Each worker takes
// one task at a time; tasks beyond the free workers wait in a queue, and the
// caller bounds how many it submits. A worker that crashes, runs out of its
// heap or runs past the time budget of one file (then it is terminated) fails
// its task (never the run) and is replaced on the next task.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FILE_TIME_BUDGET_MS, WORKER_HEAP_MB } from './limits.js';
import type { RenderAcknowledgement } from '../export/bulk-csv.js';
import type { ExtractResult, ExtractTask } from './task.js';

/** os.availableParallelism() - 1 (the main thread writes to the store), at least 1. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

const RUNNING_AS_TYPESCRIPT = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(RUNNING_AS_TYPESCRIPT ? './worker-boot.mjs' : './worker.js', import.meta.url);

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules and listens (its first message says so). */
  ready: boolean;
  /** Until ready: stops a worker that never starts. */
  startup: NodeJS.Timeout | null;
  /** `timer`: the task's time budget, armed once the worker is ready (loading the extractor is not the file's time). */
  busy: { id: number; resolve: (r: PoolResult) => void; timer: NodeJS.Timeout | null } | null;
}

export type PoolResult = ExtractResult & { thread: number };

export interface PoolOptions {
  /** The worker script; tests substitute one that crashes or hangs on chosen tasks. */
  workerUrl?: URL;
  /** Time to read and extract one file (default FILE_TIME_BUDGET_MS). */
  timeBudgetMs?: number;
  /** Each worker's heap (default WORKER_HEAP_MB). */
  heapMb?: number;
  /** Idle workers do not keep the process alive (a server's pool, which it may not close). */
  unref?: boolean;
}

/** A worker that has not loaded its modules by then is stuck (it takes about a second; several on a loaded machine under tsx). */
const WORKER_STARTUP_MS = 120_000;

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export class ExtractPool {
  private slots: Slot[] = [];
  private queue: Array<{ task: ExtractTask; resolve: (r: PoolResult) => void }> = [];
  private nextId = 1;
  private closed = false;
  /** Thread ids of every worker started (replacements included). */
  readonly threads: number[] = [];

  private readonly workerUrl: URL;
  readonly timeBudgetMs: number;
  private readonly heapMb: number;
  private readonly unref: boolean;

  /** `options`: a URL is the worker script (as the PoolOptions' workerUrl). */
  constructor(
    readonly size: number,
    options: PoolOptions | URL = {},
  ) {
    if (!(size >= 1)) throw new Error(`a pool needs at least one worker, not ${size}`);
    const o = options instanceof URL ? { workerUrl: options } : options;
    this.workerUrl = o.workerUrl ?? WORKER_URL;
    this.timeBudgetMs = o.timeBudgetMs ?? FILE_TIME_BUDGET_MS;
    this.heapMb = o.heapMb ?? WORKER_HEAP_MB;
    this.unref = Boolean(o.unref);
  }

  run(task: ExtractTask): Promise<PoolResult> {
    if (this.closed) return Promise.reject(new Error('the pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.start() : undefined);
      if (!slot) return;
      const { task, resolve } = this.queue.shift()!;
      const id = this.nextId++;
      slot.busy = { id, resolve, timer: null };
      if (slot.ready) this.arm(slot);
      if (this.unref) slot.worker.ref();
      // an upload's bytes move to the worker instead of being copied
      const transfer = task.bytes && task.bytes.byteLength === task.bytes.buffer.byteLength ? [task.bytes.buffer as ArrayBuffer] : [];
      slot.worker.postMessage({ id, task }, transfer);
    }
  }

  /** Posts the writer's answer for a report a worker rendered (RenderedReport.acknowledge); nothing if that worker is gone. */
  acknowledge(thread: number, answer: RenderAcknowledgement): void {
    this.slots.find((slot) => slot.worker.threadId === thread)?.worker.postMessage({ acknowledge: answer });
  }

  /** The worker cannot be trusted to stop itself (a reader may loop, in JavaScript or native code): past the budget it is terminated. */
  private arm(slot: Slot): void {
    const busy = slot.busy;
    if (!busy || busy.timer) return;
    busy.timer = setTimeout(
      () => this.lose(slot, `took longer than ${seconds(this.timeBudgetMs)} to read and extract: its worker was stopped`, true),
      this.timeBudgetMs,
    );
  }

  private start(): Slot {
    const worker = new Worker(this.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const slot: Slot = { worker, ready: false, startup: null, busy: null };
    slot.startup = setTimeout(() => this.lose(slot, `the extraction worker did not start within ${seconds(WORKER_STARTUP_MS)}`, true), WORKER_STARTUP_MS);
    slot.startup.unref();
    this.threads.push(worker.threadId);
    if (this.unref) worker.unref();
    worker.on('message', (message: { id?: number; ready?: true; result?: ExtractResult }) => {
      if (!slot.ready) {
        slot.ready = true;
        clearTimeout(slot.startup!);
        this.arm(slot);
      }
      const busy = slot.busy;
      if (message.ready || !busy || busy.id !== message.id || !message.result) return;
      if (busy.timer) clearTimeout(busy.timer);
      slot.busy = null;
      if (this.unref) worker.unref();
      busy.resolve({ ...message.result, thread: worker.threadId });
      this.dispatch();
    });
    worker.on('error', (error) => {
      const why =
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the extraction worker ran out of memory (its heap is limited to ${this.heapMb} MB)`
          : `the extraction worker crashed: ${error.message}`;
      this.lose(slot, why, false);
    });
    worker.on('exit', (code) => this.lose(slot, `the extraction worker exited with code ${code}`, false));
    this.slots.push(slot);
    return slot;
  }

  /** The slot's worker is gone (or, `terminate`, made to go): its task fails with the reason, and a new worker takes the queue. */
  private lose(slot: Slot, reason: string, terminate: boolean): void {
    this.slots = this.slots.filter((s) => s !== slot);
    if (slot.startup) clearTimeout(slot.startup);
    const busy = slot.busy;
    slot.busy = null;
    if (busy) {
      if (busy.timer) clearTimeout(busy.timer);
      busy.resolve({ ok: false, status: 'failed', reason, workerLost: true, thread: slot.worker.threadId });
    }
    if (terminate) void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    for (const slot of slots) {
      if (slot.startup) clearTimeout(slot.startup);
      if (slot.busy?.timer) clearTimeout(slot.busy.timer);
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
