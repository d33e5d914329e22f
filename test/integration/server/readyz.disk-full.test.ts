// A full disk, on a small tmpfs: /readyz says the store cannot write and
// recovers when space is freed; a store opened on a full disk still reads
// and says, naming its directory, why it cannot write; closing on a full disk
// says its writes are safe, and succeeds once there is space again.
// Mounting needs root (or CAP_SYS_ADMIN); elsewhere these tests are skipped.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { syntheticReport } from '../../support/graphs.js';
import { listen } from '../../support/served.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'govgraph-full-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
const whyNot = mounted.error ? 'mount is not installed' : `mounting a 4 MiB tmpfs is not permitted here (${String(mounted.stderr).trim()})`;
const canMount = mounted.status === 0;

afterAll(() => {
  if (canMount) spawnSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

let count = 0;
let dir = '';
afterEach(() => {
  rmSync(join(mountPoint, 'filler'), { force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  dir = join(mountPoint, `data-${++count}`);
  mkdirSync(dir);
  return dir;
}

/** Fills the tmpfs to the last byte. */
function fillDisk(): void {
  const fd = openSync(join(mountPoint, 'filler'), 'a');
  const block = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}
function freeDisk(): void {
  rmSync(join(mountPoint, 'filler'), { force: true });
}

async function readyz(url: string): Promise<{ status: number; reason?: string }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, reason: (await response.json()).reason };
}

/** Asks until the answer has the status (the store keeps a probe's answer for a second). */
async function readyzUntil(url: string, status: number): Promise<{ status: number; reason?: string }> {
  for (let tries = 0; ; tries++) {
    const answer = await readyz(url);
    if (answer.status === status || tries === 100) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!canMount)(`a full disk${canMount ? '' : ` (skipped: ${whyNot})`}`, () => {
  it('/readyz says 503 with the reason while the disk is full, and 200 again once space is freed', async () => {
    const store = await EmbeddedStore.open({ dir: dataDir(), minFreeBytes: 0 });
    const { url, close } = await listen(store);
    try {
      expect(await readyz(url)).toEqual({ status: 200 });
      fillDisk();
      expect(await readyzUntil(url, 503)).toEqual({ status: 503, reason: `the disk holding the data directory ${dir} is full` });
      freeDisk();
      expect(await readyzUntil(url, 200)).toEqual({ status: 200 });
      await store.upsertReport(syntheticReport(1), { extractorVersion: 'test' });
    } finally {
      await close();
      await store.close();
    }
  });

  it('opens a store on a full disk for reading: its reports are there, and a write says why it fails, naming the directory', async () => {
    const writer = await EmbeddedStore.open({ dir: dataDir() });
    await writer.upsertReport(syntheticReport(1), { extractorVersion: 'test' });
    await writer.close();
    fillDisk();
    const store = await EmbeddedStore.open({ dir, minFreeBytes: 0 });
    const { url, close } = await listen(store);
    const why = `the disk holding the data directory ${dir} was full when the store opened: it is open for reading only; free space and restart govgraph to write`;
    try {
      expect(await store.run('reports_by_ids', { ids: ['synthetic-1'] })).toHaveLength(1);
      // GraphQL reads through a snapshot: it reads a store open for reading only too
      const answer = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ report(id: "synthetic-1") { reportId jurisdiction { name } } }' }),
      });
      expect(await answer.json()).toEqual({ data: { report: { reportId: 'synthetic-1', jurisdiction: { name: '罗江区' } } } });
      await expect(store.upsertReport(syntheticReport(2), { extractorVersion: 'test' })).rejects.toThrow(why);
      await expect(store.deleteReport('synthetic-1')).rejects.toThrow(why);
      expect(await readyz(url)).toEqual({ status: 503, reason: why });
      // it stays so until a restart, even once there is space: it holds the file for reading only
      freeDisk();
      await expect(store.upsertReport(syntheticReport(2), { extractorVersion: 'test' })).rejects.toThrow(why);
    } finally {
      await close();
      await store.close();
    }
    // restarted with space: it writes again
    const restarted = await EmbeddedStore.open({ dir });
    expect(await restarted.upsertReport(syntheticReport(2), { extractorVersion: 'test' })).toBe('created');
    await restarted.close();
  });

  it('says in one line why a store cannot be created on a full disk, naming the directory', async () => {
    const target = dataDir();
    fillDisk();
    await expect(EmbeddedStore.open({ dir: target })).rejects.toThrow(new RegExp(`^cannot create the embedded database in ${target}: the disk is full$`));
    freeDisk();
    await (await EmbeddedStore.open({ dir: target })).close();
  });

  it('closing on a full disk fails with a plain reason or succeeds; either way nothing committed is lost, and a later close finishes', async () => {
    const store = await EmbeddedStore.open({ dir: dataDir() });
    await store.upsertReport(syntheticReport(1), { extractorVersion: 'test' });
    fillDisk();
    const closed = await store.close().then(
      () => 'closed',
      (error: Error) => error.message,
    );
    if (closed !== 'closed') {
      expect(closed).toBe(
        `could not close the embedded database in ${dir} cleanly: the disk is full; its committed writes are kept in its write-ahead log and replayed on the next open`,
      );
      // still held by this process, and said so
      await expect(EmbeddedStore.open({ dir })).rejects.toThrow(/already open in this process/);
      freeDisk();
      await store.close();
    }
    freeDisk();
    const reopened = await EmbeddedStore.open({ dir });
    expect(await reopened.run('reports_by_ids', { ids: ['synthetic-1'] })).toHaveLength(1);
    await reopened.close();
  });
});
