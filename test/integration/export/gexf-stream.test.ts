// The GEXF export streams like the others: written page by page through a
// stream sink, it stops at the first page a stalled reader has not taken
// (no further store reads, nothing queued behind it) and carries on when
// the reader drains, ending in a document with every node and edge.
import { Writable } from 'node:stream';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTER, planExport, streamSink, writeExport } from '../../../src/export/index.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import type { GraphStore } from '../../../src/store/types.js';
import { syntheticReport } from '../../support/graphs.js';

/** The store, counting its export reads. */
function counted(store: GraphStore): { store: GraphStore; reads(): number } {
  let reads = 0;
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'run') return Reflect.get(target, property, receiver);
      return (name: string, params?: unknown) => {
        if (name.startsWith('export_')) reads++;
        return (target.run as (n: string, p?: unknown) => Promise<unknown>)(name, params);
      };
    },
  });
  return { store: proxy, reads: () => reads };
}

/**
 * A reader that takes the first chunk (the header) and then nothing until
 * released: every write beyond its (one-byte) buffer reports backpressure.
 */
function stalledReader() {
  const chunks: Buffer[] = [];
  /** Bytes already queued behind each chunk when the reader got it. */
  const queuedBehind: number[] = [];
  const held: (() => void)[] = [];
  let released = false;
  let stall!: () => void;
  const stalled = new Promise<void>((resolve) => {
    stall = resolve;
  });
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      queuedBehind.push(stream.writableLength - chunk.length);
      if (released || chunks.length === 1) setImmediate(callback);
      else {
        held.push(() => callback());
        stall();
      }
    },
  });
  const release = () => {
    released = true;
    for (const go of held.splice(0)) go();
  };
  return { stream, chunks, queuedBehind, stalled, release };
}

describe('GEXF export with backpressure', () => {
  let inner: EmbeddedStore;
  beforeAll(async () => {
    inner = await EmbeddedStore.open();
    for (let i = 0; i < 12; i++) await inner.upsertReport(syntheticReport(i));
  });
  afterAll(() => inner.close());

  it('waits for a stalled reader at the first page of nodes, then streams the rest page by page', async () => {
    const { store, reads } = counted(inner);
    const plan = await planExport(store, { filter: NO_FILTER, detail: 'full', pageSize: 5 });
    const reader = stalledReader();
    let finished = false;
    const exported = writeExport(plan, 'gexf', streamSink(reader.stream)).finally(() => {
      finished = true;
    });

    await reader.stalled;
    // Let the writer run as far as it would; a writer ignoring backpressure
    // would read more pages and queue their text behind the held one.
    let last = -1;
    for (let steady = 0; steady < 5; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const now = reads() + reader.stream.writableLength;
      steady = now === last ? steady + 1 : 0;
      last = now;
    }
    expect(finished).toBe(false);
    expect(reader.chunks).toHaveLength(2);
    expect(reader.chunks[1].toString('utf8')).toMatch(/^\s*<node /);
    expect(reader.stream.writableLength).toBe(reader.chunks[1].length);
    const readsWhileStalled = reads();

    reader.release();
    const written = await exported;
    reader.stream.end();
    // the rest came in several writes, each taken with nothing queued behind it, after more store reads
    expect(reader.chunks.length).toBeGreaterThan(4);
    expect(reader.queuedBehind.every((n) => n === 0)).toBe(true);
    expect(reads()).toBeGreaterThan(readsWhileStalled);

    const text = Buffer.concat(reader.chunks).toString('utf8');
    const graph = parseGexf(MultiDirectedGraph, text, { respectInputGraphType: true });
    expect(graph.order).toBe(written.nodes);
    expect(graph.size).toBe(written.edges);
    expect(graph.filterNodes((_n, a) => a.type === 'Report')).toHaveLength(12);
  }, 60_000);
});
