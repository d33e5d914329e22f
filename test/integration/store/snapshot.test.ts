// Snapshots and the read lane of the embedded store: a snapshot reads one
// state of the graph whatever is written meanwhile, never mixes in cached
// rows of another state, and writes run beside reads instead of waiting for
// every read queued before them.
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { syntheticReport } from '../../support/graphs.js';

const stores: EmbeddedStore[] = [];
async function openStore(options: Parameters<typeof EmbeddedStore.open>[0] = {}) {
  const store = await EmbeddedStore.open(options);
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const reportCount = async (reader: { run: EmbeddedStore['run'] }) => (await reader.run('stats_labels')).find((row) => row.label === 'Report')?.count ?? 0;

describe('embedded store: snapshots', () => {
  it('reads the graph as it was when the snapshot began, through writes and deletes', async () => {
    const store = await openStore();
    await store.upsertReport(syntheticReport(1));
    const snapshot = store.snapshot();
    await store.upsertReport(syntheticReport(2));
    await store.deleteReport(syntheticReport(1).reportId);
    expect(await reportCount(snapshot)).toBe(1);
    const ids = (await snapshot.run('reports_by_ids', { ids: [syntheticReport(1).reportId, syntheticReport(2).reportId] })).map((row) => row.id);
    expect(ids).toEqual([syntheticReport(1).reportId]);
    snapshot.release();
    expect(await reportCount(store)).toBe(1);
    expect((await store.run('reports_by_ids', { ids: [syntheticReport(2).reportId] })).length).toBe(1);
  });

  it('does not answer from cached rows of a later state', async () => {
    const store = await openStore({ readCache: true });
    await store.upsertReport(syntheticReport(1));
    const before = store.snapshot();
    await store.upsertReport(syntheticReport(2));
    // the cache now holds the two-report answer, read after the write
    expect(await reportCount(store)).toBe(2);
    expect(await reportCount(store)).toBe(2);
    expect(store.cache!.hits).toBeGreaterThan(0);
    expect(await reportCount(before)).toBe(1);
    before.release();
  });

  it('uses and fills the cache while no write has happened since it began', async () => {
    const store = await openStore({ readCache: true });
    await store.upsertReport(syntheticReport(1));
    const snapshot = store.snapshot();
    const hits = store.cache!.hits;
    expect(await reportCount(snapshot)).toBe(1);
    expect(await reportCount(store)).toBe(1);
    expect(store.cache!.hits).toBe(hits + 1);
    snapshot.release();
  });

  it('only reads, and refuses reads once released', async () => {
    const store = await openStore();
    const snapshot = store.snapshot();
    await expect(snapshot.run('report_delete', { id: 'x' })).rejects.toThrow(/a snapshot only reads; report_delete writes/);
    snapshot.release();
    snapshot.release(); // twice is harmless
    await expect(snapshot.run('stats_labels')).rejects.toThrow(/released/);
  });
});

describe('embedded store: the read lane', () => {
  it('runs at most readConcurrency read statements in the engine at once, and writes beside them', async () => {
    const store = await openStore({ readCache: false, readConcurrency: 1 });
    for (let i = 1; i <= 5; i++) await store.upsertReport(syntheticReport(i));
    // watch the engine: what runs at once, reads and writes apart
    type Execute = (query: string, params: unknown) => Promise<unknown>;
    const engine = (store as unknown as { db: { executeCypher: Execute; beginTransaction: () => { executeCypher: Execute } } }).db;
    const running = { reads: 0, maxReads: 0, writesBesideReads: 0 };
    const executeCypher = engine.executeCypher.bind(engine);
    engine.executeCypher = async (query: string, params: unknown) => {
      running.reads++;
      running.maxReads = Math.max(running.maxReads, running.reads);
      try {
        return await executeCypher(query, params);
      } finally {
        running.reads--;
      }
    };
    const beginTransaction = engine.beginTransaction.bind(engine);
    engine.beginTransaction = () => {
      const tx = beginTransaction();
      const txExecute = tx.executeCypher.bind(tx);
      tx.executeCypher = (query: string, params: unknown) => {
        if (running.reads > 0) running.writesBesideReads++;
        return txExecute(query, params);
      };
      return tx;
    };
    const readers = Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 5; i++) await store.run('stats_labels');
    });
    const writer = (async () => {
      for (let i = 6; i <= 15; i++) await store.upsertReport(syntheticReport(i));
    })();
    await Promise.all([...readers, writer]);
    expect(running.maxReads).toBe(1);
    // the writer did not wait for the 100 queued reads: its statements ran while reads were in the engine
    expect(running.writesBesideReads).toBeGreaterThan(0);
    expect(await reportCount(store)).toBe(15);
  });

  it("gives reads outside a request's snapshot (the ingest's own lookups) a lane of their own: they never queue behind requests' reads", async () => {
    const store = await openStore({ readCache: false, readConcurrency: 1 });
    await store.upsertReport(syntheticReport(1));
    // requests' reads (on snapshots) hang in the engine until the gate opens
    type Execute = (query: string, params: unknown) => Promise<unknown>;
    const engine = (store as unknown as { db: { beginTransaction: () => { executeCypher: Execute } } }).db;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const beginTransaction = engine.beginTransaction.bind(engine);
    engine.beginTransaction = () => {
      const tx = beginTransaction();
      const txExecute = tx.executeCypher.bind(tx);
      tx.executeCypher = async (query: string, params: unknown) => {
        await gate;
        return txExecute(query, params);
      };
      return tx;
    };
    const snapshots = [store.snapshot(), store.snapshot()];
    const held = snapshots.map((snapshot) => snapshot.run('stats_labels'));
    // the requests' lane is taken (one in the engine, one queued); the store's own read still runs
    const own = await store.run('stats_labels');
    expect(own.length).toBeGreaterThan(0);
    open();
    for (const rows of await Promise.all(held)) expect(rows).toEqual(own);
    for (const snapshot of snapshots) snapshot.release();
  });

  it('lets reads go on after a write whose transaction could not begin', async () => {
    const store = await openStore({ readCache: false });
    await store.upsertReport(syntheticReport(1));
    const engine = (store as unknown as { db: { beginTransaction: () => unknown } }).db;
    const beginTransaction = engine.beginTransaction;
    engine.beginTransaction = () => {
      throw new Error('no transaction today');
    };
    await expect(store.upsertReport(syntheticReport(2))).rejects.toThrow(/no transaction today/);
    engine.beginTransaction = beginTransaction;
    expect(await reportCount(store)).toBe(1);
  });
});
