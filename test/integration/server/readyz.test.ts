// /readyz is honest about writing: a store that answers reads but cannot take
// a write (closed, too little free space) is not ready, and says why.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore, WRITE_PROBE_FILE } from '../../../src/store/embedded.js';
import type { GraphStore } from '../../../src/store/types.js';
import { listen } from '../../support/served.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-readyz-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function readyz(url: string): Promise<{ status: number; body: { status: string; store: string; reason?: string } }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: await response.json() };
}

describe('/readyz and writing', () => {
  it('is ready over a store in a data directory that takes writes, and leaves no probe file behind', async () => {
    const dir = tempDir();
    const store = await EmbeddedStore.open({ dir, minFreeBytes: 0 });
    const { url, close } = await listen(store);
    try {
      expect(await readyz(url)).toEqual({ status: 200, body: { status: 'ready', store: 'embedded' } });
      expect(existsSync(join(dir, WRITE_PROBE_FILE))).toBe(false);
    } finally {
      await close();
      await store.close();
    }
  });

  it('says 503 once the store is closed, though nothing else changed', async () => {
    const store = await EmbeddedStore.open({ dir: tempDir(), minFreeBytes: 0 });
    const { url, close } = await listen(store);
    try {
      expect((await readyz(url)).status).toBe(200);
      await store.close();
      expect(await readyz(url)).toEqual({ status: 503, body: { status: 'unavailable', store: 'embedded', reason: 'the store is closed' } });
    } finally {
      await close();
    }
  });

  it('says 503 with the free space when the disk has less than the store keeps for writing', async () => {
    const dir = tempDir();
    // more than any disk here has
    const store = await EmbeddedStore.open({ dir, minFreeBytes: 2 ** 60 });
    const { url, close } = await listen(store);
    try {
      const { status, body } = await readyz(url);
      expect(status).toBe(503);
      expect(body.reason).toMatch(new RegExp(`^the disk holding the data directory ${dir} has [\\d.]+ MiB free, under the [\\d.]+ MiB kept for writing$`));
      // reads still work: only readiness for writes is refused
      expect(await store.counts()).toMatchObject({ nodes: 0 });
    } finally {
      await close();
      await store.close();
    }
  });

  it('asks a store that can tell whether it can write, after it answers the ping', async () => {
    const readOnly = {
      kind: 'neo4j',
      run: async () => [{ ok: 1 }],
      assertWritable: async () => {
        throw new Error('Neo4j at bolt://db:7687 does not accept writes: the database is read-only');
      },
    } as unknown as GraphStore;
    const { url, close } = await listen(readOnly);
    try {
      expect(await readyz(url)).toEqual({
        status: 503,
        body: { status: 'unavailable', store: 'neo4j', reason: 'Neo4j at bolt://db:7687 does not accept writes: the database is read-only' },
      });
    } finally {
      await close();
    }
  });

  it('probes a data directory at most once a second, however many ask', async () => {
    const store = await EmbeddedStore.open({ dir: tempDir(), minFreeBytes: 0 });
    try {
      const first = store.assertWritable();
      // the same probe is shared, not run again
      expect(store.assertWritable()).toBe(first);
      await first;
    } finally {
      await store.close();
    }
  });
});
