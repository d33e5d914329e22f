// SharedSeen lets an extraction worker leave out the shared elements the bulk
// merge already took in from it. Whatever it leaves out, the merge must come
// out as it does when every report hands on everything: the same nodes with
// the first report's properties, the aliases in the same order, each
// relationship once. Two workers render reports in list order, ahead of the
// writer; the writer writes in list order, skips some reports (the same
// report again), and its acknowledgements reach the workers late.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type MergedElement, SharedMerge } from '../../../src/export/shared-merge.js';
import { SharedSeen } from '../../../src/export/shared-seen.js';
import type { BulkEdge, SharedNode } from '../../../src/store/bulk-graph.js';

const scratch = mkdtempSync(join(tmpdir(), 'govgraph-seen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Report {
  shared: SharedNode[];
  sharedEdges: BulkEdge[];
  skipped: boolean;
  worker: number;
}

/** Reports naming a few hubs and many rare elements, with varying aliases and properties. */
function reportsOf(seed: number, count: number): Report[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from({ length: count }, (_, r) => {
    const shared: SharedNode[] = [];
    const sharedEdges: BulkEdge[] = [];
    for (let k = 0; k < 8; k++) {
      const name = `i${pick(k < 4 ? 3 : 40)}`;
      const aliases = Array.from({ length: 1 + pick(3) }, () => `${name}-a${pick(5)}`);
      shared.push({ label: 'Initiative', key: name, onCreate: { name, category: `c${r}`, aliases }, aliases });
    }
    const place = `p${pick(12)}`;
    shared.push({ label: 'Jurisdiction', key: place, onCreate: { key: place, from: r } });
    sharedEdges.push({ type: 'PART_OF', from: { label: 'Jurisdiction', key: place }, to: { label: 'Jurisdiction', key: `q${pick(3)}` }, props: {} });
    return { shared, sharedEdges, skipped: next() < 0.1, worker: pick(2) };
  });
}

async function merged(name: string, feed: (merge: SharedMerge) => Promise<void>): Promise<MergedElement[]> {
  const merge = new SharedMerge(join(scratch, name), 50);
  await feed(merge);
  const out: MergedElement[] = [];
  for await (const element of merge.merged()) out.push(element);
  return out;
}

/** The writer and two workers; returns the merge and how many shared elements crossed to the writer. */
async function throughWorkers(reports: Report[], seed: number, capacity?: number): Promise<{ elements: MergedElement[]; handed: number }> {
  const next = random(seed);
  const seen = [new SharedSeen(capacity), new SharedSeen(capacity)];
  const queue = [0, 1].map((w) => reports.map((_, i) => i).filter((i) => reports[i].worker === w));
  const rendered = new Map<number, { shared: SharedNode[]; sharedEdges: BulkEdge[]; token: number }>();
  const answers: Array<{ worker: number; token: number; merged: boolean }> = [];
  const render = (w: number) => {
    const i = queue[w].shift()!;
    rendered.set(i, seen[w].novel(reports[i].shared, reports[i].sharedEdges));
  };
  let handed = 0;
  const elements = await merged(`workers-${seed}-${capacity}`, async (merge) => {
    for (let i = 0; i < reports.length; i++) {
      // workers run ahead of the writer by up to four reports, each in list order
      for (const w of [0, 1]) while (queue[w].length && queue[w][0] <= i + 4 && next() < 0.6) render(w);
      while (!rendered.has(i)) render(reports[i].worker);
      // answers arrive late, some only after later reports were rendered
      for (let k = answers.length - 1; k >= 0; k--) {
        if (next() < 0.5) continue;
        const [answer] = answers.splice(k, 1);
        seen[answer.worker].acknowledge(answer.token, answer.merged);
      }
      const out = rendered.get(i)!;
      if (!reports[i].skipped) {
        handed += out.shared.length + out.sharedEdges.length;
        await merge.add(out);
      }
      answers.push({ worker: reports[i].worker, token: out.token, merged: !reports[i].skipped });
    }
  });
  return { elements, handed };
}

describe('SharedSeen: a worker hands on only what the merge has not taken in from it', () => {
  it('leaves out a repeat once the report that carried it was merged, and hands on a node that brings a new alias whole', () => {
    const seen = new SharedSeen();
    const node = (aliases: string[]): SharedNode => ({ label: 'Initiative', key: '放管服', onCreate: { name: '放管服', aliases }, aliases });
    const edge: BulkEdge = { type: 'PART_OF', from: { label: 'Jurisdiction', key: 'a' }, to: { label: 'Jurisdiction', key: 'b' }, props: {} };
    const first = seen.novel([node(['放管服'])], [edge]);
    // no answer yet: handed on again
    expect(seen.novel([node(['放管服'])], [edge]).shared).toHaveLength(1);
    seen.acknowledge(first.token, true);
    expect(seen.novel([node(['放管服'])], [edge])).toMatchObject({ shared: [], sharedEdges: [] });
    expect(seen.novel([node(['放管服改革', '放管服'])], []).shared).toEqual([node(['放管服改革', '放管服'])]);
  });

  it('records nothing of a report the writer skipped', () => {
    const seen = new SharedSeen();
    const place: SharedNode = { label: 'Jurisdiction', key: '510604', onCreate: { key: '510604' } };
    seen.acknowledge(seen.novel([place], []).token, false);
    expect(seen.novel([place], []).shared).toEqual([place]);
  });

  it('gives the merge of every element of every written report, with repeats left out', async () => {
    for (const seed of [1, 2, 3]) {
      const reports = reportsOf(seed, 300);
      const everything = await merged(`all-${seed}`, async (merge) => {
        for (const report of reports) if (!report.skipped) await merge.add(report);
      });
      const total = reports.filter((r) => !r.skipped).reduce((n, r) => n + r.shared.length + r.sharedEdges.length, 0);
      const filtered = await throughWorkers(reports, seed);
      expect(filtered.elements).toEqual(everything);
      // most of them are repeats
      expect(filtered.handed).toBeLessThan(total / 2);
      // a record emptied every few reports hands on more, and changes nothing
      expect((await throughWorkers(reports, seed, 20)).elements).toEqual(everything);
    }
  });
});
