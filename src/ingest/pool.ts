// A small pool of extraction workers (node:worker_threads). Each worker takes
// one task at a time; tasks beyond the free workers wait in a queue, and the
// caller bounds how many it submits. A worker that crashes fails its task
// (never the run) and is replaced on the next task.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractResult, ExtractTask } from './task.js';

/** os.availableParallelism() - 1 (the main thread writes to the store), at least 1. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

const RUNNING_AS_TYPESCRIPT = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(RUNNING_AS_TYPESCRIPT ? './worker-boot.mjs' : './worker.js', import.meta.url);

interface Slot {
  worker: Worker;
  busy: { id: number; resolve: (r: PoolResult) => void } | null;
}

export type PoolResult = ExtractResult & { thread: number };

export class ExtractPool {
  private slots: Slot[] = [];
  private queue: Array<{ task: ExtractTask; resolve: (r: PoolResult) => void }> = [];
  private nextId = 1;
  private closed = false;
  /** Thread ids of every worker started (replacements included). */
  readonly threads: number[] = [];

  /** `workerUrl`: the worker script; tests substitute one that crashes on chosen tasks. */
  constructor(
    readonly size: number,
    private readonly workerUrl: URL = WORKER_URL,
  ) {
    if (!(size >= 1)) throw new Error(`a pool needs at least one worker, not ${size}`);
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
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const { task, resolve } = this.queue.shift()!;
      const id = this.nextId++;
      slot.busy = { id, resolve };
      slot.worker.postMessage({ id, task });
    }
  }

  private start(): Slot {
    const worker = new Worker(this.workerUrl);
    const slot: Slot = { worker, busy: null };
    this.threads.push(worker.threadId);
    worker.on('message', (message: { id: number; result: ExtractResult }) => {
      const busy = slot.busy;
      if (!busy || busy.id !== message.id) return;
      slot.busy = null;
      busy.resolve({ ...message.result, thread: worker.threadId });
      this.dispatch();
    });
    const lost = (why: string) => {
      this.slots = this.slots.filter((s) => s !== slot);
      const busy = slot.busy;
      slot.busy = null;
      if (busy) busy.resolve({ ok: false, status: 'failed', reason: `the extraction worker ${why}`, thread: worker.threadId });
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (error) => lost(`crashed: ${error.message}`));
    worker.on('exit', (code) => lost(`exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
