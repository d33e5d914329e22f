// A separate process that holds an embedded data directory, for the tests and
// the bench of who may open one: it loads the store, says it is ready, waits
// for "go" on stdin, opens the directory, writes `writes` reports (numbered
// after those already stored), says what happened as one JSON line, and holds
// the store until it is killed. `prefix` runs it under another command (e.g.
// `unshare -fp` for a fresh PID namespace).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

const HOLDER = `
const { EmbeddedStore } = await import(${JSON.stringify(join(ROOT, 'src', 'store', 'embedded.ts'))});
const { syntheticReport } = await import(${JSON.stringify(join(ROOT, 'test', 'support', 'graphs.ts'))});
const [dir, writes] = process.argv.slice(1);
const say = (what) => process.stdout.write(JSON.stringify({ pid: process.pid, ...what }) + '\\n');
say({ ready: true });
await new Promise((resolve) => process.stdin.once('data', resolve));
const started = performance.now();
let store;
try {
  store = await EmbeddedStore.open({ dir });
} catch (error) {
  say({ ok: false, name: error.name, message: error.message });
  process.exit(0);
}
const openMs = performance.now() - started;
const before = (await store.counts()).byLabel.Report ?? 0;
for (let i = 0; i < Number(writes); i++) await store.upsertReport(syntheticReport(before + i), { extractorVersion: 'holder' });
say({ ok: true, openMs, reportsBefore: before, reports: (await store.counts()).byLabel.Report ?? 0 });
setInterval(() => {}, 1000);
`;

/** What a holder says: first `{ ready }`, then whether it opened the directory and what it holds. */
export interface HolderSaid {
  pid: number;
  ready?: boolean;
  ok?: boolean;
  name?: string;
  message?: string;
  openMs?: number;
  reportsBefore?: number;
  reports?: number;
}

export class StoreHolder {
  readonly process: ChildProcessWithoutNullStreams;
  readonly exited: Promise<void>;
  private stderr = '';
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string) => void)[] = [];

  constructor(dir: string, writes: number, prefix: string[] = []) {
    const command = [...prefix, process.execPath, '--import', 'tsx', '--input-type=module', '-e', HOLDER, dir, String(writes)];
    this.process = spawn(command[0], command.slice(1), { cwd: ROOT });
    this.exited = new Promise((resolve) => this.process.on('exit', () => resolve()));
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk));
    let buffer = '';
    this.process.stdout.on('data', (chunk) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        const waiter = this.waiting.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
      }
    });
  }

  /** The next JSON line it prints. */
  next(): Promise<HolderSaid> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(JSON.parse(line));
    return new Promise((resolve, reject) => {
      this.waiting.push((l) => resolve(JSON.parse(l)));
      void this.exited.then(() => setTimeout(() => reject(new Error(`the holder exited before answering: ${this.stderr.trim()}`)), 200));
    });
  }
}

/** Waits until each holder has loaded, then lets them all open at once; what each said. */
export async function openAtOnce(holders: StoreHolder[]): Promise<HolderSaid[]> {
  for (const h of holders) {
    const said = await h.next();
    if (!said.ready) throw new Error(`a holder said ${JSON.stringify(said)} before it was ready`);
  }
  for (const h of holders) h.process.stdin.write('go\n');
  return Promise.all(holders.map((h) => h.next()));
}

export async function killAll(holders: StoreHolder[]): Promise<void> {
  for (const h of holders) h.process.kill('SIGKILL');
  await Promise.all(holders.map((h) => h.exited));
}
