// Who holds an embedded data directory: a restart always comes back (the
// kernel releases the database file's lock when its process dies, whatever
// its PID and in whatever PID namespace), and of processes that open at once
// exactly one wins, whether the directory is new or holds a dead process's
// lock file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../../src/store/errors.js';
import { DATABASE_FILE, EmbeddedStore } from '../../../src/store/embedded.js';
import { loadEngine } from '../../../src/store/engine.js';
import { createDatabaseOnce, LOCK_FILE } from '../../../src/store/lock.js';
import { killAll, openAtOnce, StoreHolder } from '../../support/store-holder.js';

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
      const first = new StoreHolder(dir, 1, inNamespace);
      const [wrote] = await openAtOnce([first]);
      expect(wrote).toMatchObject({ ok: true, reports: 1 });
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${wrote.pid}\n`);
      // SIGKILL the store's process itself (its PID on this side of the namespace), then wait until it is reaped
      const hostPid = Number(readFileSync(`/proc/${first.process.pid}/task/${first.process.pid}/children`, 'utf8').trim());
      process.kill(hostPid, 'SIGKILL');
      await first.exited;

      const second = new StoreHolder(dir, 0, inNamespace);
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
    const holder = new StoreHolder(dir, 1);
    expect(await openAtOnce([holder])).toMatchObject([{ ok: true, reports: 1 }]);
    await killAll([holder]);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${holder.process.pid}\n`);
    return dir;
  }

  for (const [round, kind] of (['stale', 'new', 'stale'] as const).entries()) {
    it(`round ${round + 1}: ${racers} processes open a ${kind === 'stale' ? "directory with a dead process's lock" : 'new directory'} at once; exactly one wins`, async () => {
      const dir = kind === 'stale' ? await staleDirectory() : tempDir();
      const children = Array.from({ length: racers }, () => new StoreHolder(dir, 0));
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
