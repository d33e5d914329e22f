// Who holds an embedded data directory: a restart always comes back (the
// kernel releases the database file's lock when its process dies, whatever
// its PID and in whatever PID namespace), and of processes that open at once
// exactly one wins, whether the directory is new or holds a dead process's
// lock file.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../../src/store/errors.js';
import { DATABASE_FILE, EmbeddedStore } from '../../../src/store/embedded.js';
import { loadEngine } from '../../../src/store/engine.js';
import { createDatabaseOnce, LOCK_FILE } from '../../../src/store/lock.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * A child that loads the store, waits for "go" on stdin, opens the data
 * directory (argv[1]), writes one report when argv[2] is "write", says what
 * happened as one JSON line, and holds the store until it is killed.
 */
const CHILD = `
const { EmbeddedStore } = await import(${JSON.stringify(join(ROOT, 'src', 'store', 'embedded.ts'))});
const { syntheticReport } = await import(${JSON.stringify(join(ROOT, 'test', 'support', 'graphs.ts'))});
const [dir, mode] = process.argv.slice(1);
const say = (what) => process.stdout.write(JSON.stringify({ pid: process.pid, ...what }) + '\\n');
say({ ready: true });
await new Promise((resolve) => process.stdin.once('data', resolve));
let store;
try {
  store = await EmbeddedStore.open({ dir });
} catch (error) {
  say({ ok: false, name: error.name, message: error.message });
  process.exit(0);
}
if (mode === 'write') await store.upsertReport(syntheticReport(7), { extractorVersion: 'test' });
say({ ok: true, reports: (await store.counts()).byLabel.Report ?? 0 });
setInterval(() => {}, 1000);
`;

interface Said {
  pid: number;
  ready?: boolean;
  ok?: boolean;
  name?: string;
  message?: string;
  reports?: number;
}

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** The next JSON line it prints. */
  next(): Promise<Said>;
  exited: Promise<void>;
}

function startChild(dir: string, mode: 'read' | 'write', prefix: string[] = []): Child {
  const command = [...prefix, process.execPath, '--import', 'tsx', '--input-type=module', '-e', CHILD, dir, mode];
  const child = spawn(command[0], command.slice(1), { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    process: child,
    exited,
    next: () =>
      new Promise<Said>((resolve, reject) => {
        const line = lines.shift();
        if (line !== undefined) return resolve(JSON.parse(line));
        waiting.push((l) => resolve(JSON.parse(l)));
        void exited.then(() => setTimeout(() => reject(new Error(`the child exited: ${stderr.trim()}`)), 100));
      }),
  };
}

/** Starts the children, waits until each has loaded, then lets them all open at once. */
async function openAtOnce(children: Child[]): Promise<Said[]> {
  for (const c of children) expect((await c.next()).ready).toBe(true);
  for (const c of children) c.process.stdin.write('go\n');
  return Promise.all(children.map((c) => c.next()));
}

async function killAll(children: Child[]): Promise<void> {
  for (const c of children) c.process.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const unshareProbe = spawnSync('unshare', ['-fp', '--mount-proc', 'true']);
const pidNamespaces = unshareProbe.status === 0;
const whyNot = unshareProbe.error ? 'unshare is not installed' : `unshare -fp is not permitted here (${String(unshareProbe.stderr).trim()})`;

describe('embedded store lock: restarts', () => {
  it.skipIf(!pidNamespaces)(
    `reopens after a SIGKILL in a fresh PID namespace, with the same PID as the dead holder${pidNamespaces ? '' : ` (skipped: ${whyNot})`}`,
    async () => {
      const dir = tempDir();
      // --kill-child: the namespace's first process dies with unshare, so nothing outlives the test
      const inNamespace = ['unshare', '-fp', '--mount-proc', '--kill-child'];
      const first = startChild(dir, 'write', inNamespace);
      const [wrote] = await openAtOnce([first]);
      expect(wrote).toMatchObject({ ok: true, reports: 1 });
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${wrote.pid}\n`);
      // SIGKILL the store's process itself (its PID on this side of the namespace), then wait until it is reaped
      const hostPid = Number(readFileSync(`/proc/${first.process.pid}/task/${first.process.pid}/children`, 'utf8').trim());
      process.kill(hostPid, 'SIGKILL');
      await first.exited;

      const second = startChild(dir, 'read', inNamespace);
      try {
        const [reopened] = await openAtOnce([second]);
        // the PID the dead holder had, and that its lock file still names
        expect(reopened.pid).toBe(wrote.pid);
        expect(reopened).toMatchObject({ ok: true, reports: 1 });
      } finally {
        await killAll([second]);
      }
    },
    60_000,
  );

  it("opens a directory whose lock file names this process's own PID when nothing holds it (a restart that got the same PID)", async () => {
    const dir = tempDir();
    const store = await EmbeddedStore.open({ dir });
    await store.close();
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n`);
    const reopened = await EmbeddedStore.open({ dir });
    expect(await reopened.counts()).toMatchObject({ nodes: 0 });
    await reopened.close();
  });

  it('refuses a second open in the same process, saying so, and allows it after close', async () => {
    const dir = tempDir();
    const store = await EmbeddedStore.open({ dir });
    await expect(EmbeddedStore.open({ dir })).rejects.toThrow(`the data directory ${dir} is already open in this process`);
    await store.close();
    await (await EmbeddedStore.open({ dir })).close();
  });
});

describe('embedded store lock: processes racing', () => {
  const racers = 5;

  /** A directory a killed process held: its database, its write-ahead log and its lock file are left behind. */
  async function staleDirectory(): Promise<string> {
    const dir = tempDir();
    const holder = startChild(dir, 'write');
    expect(await openAtOnce([holder])).toMatchObject([{ ok: true, reports: 1 }]);
    await killAll([holder]);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${holder.process.pid}\n`);
    return dir;
  }

  for (const [round, kind] of (['stale', 'new', 'stale'] as const).entries()) {
    it(`round ${round + 1}: ${racers} processes open a ${kind === 'stale' ? "directory with a dead process's lock" : 'new directory'} at once; exactly one wins`, async () => {
      const dir = kind === 'stale' ? await staleDirectory() : tempDir();
      const children = Array.from({ length: racers }, () => startChild(dir, 'read'));
      try {
        const said = await openAtOnce(children);
        const winners = said.filter((s) => s.ok);
        expect(winners).toHaveLength(1);
        expect(winners[0].reports).toBe(kind === 'stale' ? 1 : 0);
        for (const loser of said.filter((s) => !s.ok)) {
          expect(loser.name).toBe(StoreLockedError.name);
          expect(loser.message).toMatch(
            new RegExp(`^the data directory ${dir} is in use by another (govgraph process \\(pid \\d+\\)|process); stop that process`),
          );
        }
      } finally {
        await killAll(children);
      }
      // the winner's kill left the directory whole: it opens here, with what was in it
      const store = await EmbeddedStore.open({ dir });
      expect((await store.counts()).byLabel.Report ?? 0).toBe(kind === 'stale' ? 1 : 0);
      await store.close();
    }, 60_000);
  }
});

describe('embedded store lock: creating the database', () => {
  it('keeps the database another process created first, whole, and leaves no staged file behind', async () => {
    const { GrafeoDB } = await loadEngine();
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    let other: InstanceType<typeof GrafeoDB> | undefined;
    // while this process creates its own, the other creates the file and writes to it
    createDatabaseOnce(file, (staged) => {
      other = GrafeoDB.create(file);
      return GrafeoDB.create(staged);
    });
    try {
      await other!.executeCypher("CREATE (:Report {id: 'theirs'})");
      // the file is still the other's: opening it meets its lock, and its report is there once it lets go
      await expect(EmbeddedStore.open({ dir })).rejects.toThrow(StoreLockedError);
    } finally {
      other!.close();
    }
    expect(readdirSync(dir).filter((name) => name.includes('.new-'))).toEqual([]);
    const store = await EmbeddedStore.open({ dir });
    expect(await store.run('reports_by_ids', { ids: ['theirs'] })).toHaveLength(1);
    await store.close();
  });

  it('removes the staged files a process killed while creating left, once they are a minute old, and not younger ones', async () => {
    const dir = tempDir();
    const old = join(dir, `${DATABASE_FILE}.new-123-deadbeef`);
    const fresh = join(dir, `${DATABASE_FILE}.new-456-0badf00d`);
    writeFileSync(old, 'partial');
    writeFileSync(fresh, 'in progress');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(old, twoMinutesAgo, twoMinutesAgo);
    const store = await EmbeddedStore.open({ dir });
    await store.close();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
