// SharedMerge merges shared nodes as the write statements do (first
// properties win; ON MATCH appends the aliases not there yet, in order) and
// gives the same answer whether everything fits one window or every few
// entries go to a run file of their own.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type MergedElement, SharedMerge } from '../../../src/export/shared-merge.js';
import type { BulkEdge, SharedNode } from '../../../src/store/bulk-graph.js';

const scratch = mkdtempSync(join(tmpdir(), 'govgraph-merge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const initiative = (name: string, aliases: string[], category: string): SharedNode => ({
  label: 'Initiative',
  key: name,
  onCreate: { name, category, aliases },
  aliases,
});
const place = (key: string, name: string): SharedNode => ({ label: 'Jurisdiction', key, onCreate: { key, name } });
const partOf = (from: string, to: string): BulkEdge => ({
  type: 'PART_OF',
  from: { label: 'Jurisdiction', key: from },
  to: { label: 'Jurisdiction', key: to },
  props: {},
});

/** Reports' shared elements, in the order they are written. */
const reports = [
  { shared: [initiative('放管服', ['放管服'], 'reform'), place('510604', '罗江区')], sharedEdges: [partOf('510604', '510600')] },
  { shared: [initiative('放管服', ['放管服改革', '放管服'], 'other'), place('510604', '罗江县')], sharedEdges: [partOf('510604', '510600')] },
  { shared: [initiative('三项制度', ['三项制度'], 'system'), place('441800', '清远市')], sharedEdges: [] },
  { shared: [initiative('放管服', ['简政放权', '放管服改革'], 'x')], sharedEdges: [partOf('441800', '440000')] },
  { shared: [initiative('三项制度', ['行政执法三项制度'], 'y')], sharedEdges: [] },
];

async function mergeAll(window: number, name: string): Promise<{ elements: MergedElement[]; runs: number }> {
  const merge = new SharedMerge(join(scratch, name), window);
  for (const report of reports) await merge.add(report);
  const runs = merge.runCount;
  const elements: MergedElement[] = [];
  for await (const element of merge.merged()) elements.push(element);
  return { elements, runs };
}

describe('SharedMerge', () => {
  it('keeps the first properties and appends later aliases in order, each element once', async () => {
    const { elements, runs } = await mergeAll(1_000, 'one-window');
    expect(runs).toBe(0);
    const nodes = elements.flatMap((e) => ('node' in e ? [e.node] : []));
    const edges = elements.flatMap((e) => ('edge' in e ? [e.edge] : []));
    expect(nodes.find((n) => n.key === '放管服')?.props).toEqual({ name: '放管服', category: 'reform', aliases: ['放管服', '放管服改革', '简政放权'] });
    expect(nodes.find((n) => n.key === '三项制度')?.props.aliases).toEqual(['三项制度', '行政执法三项制度']);
    expect(nodes.find((n) => n.key === '510604')?.props).toEqual({ key: '510604', name: '罗江区' });
    expect(nodes).toHaveLength(4);
    expect(edges.map((e) => `${e.from.key}>${e.to.key}`).sort()).toEqual(['441800>440000', '510604>510600']);
  });

  it('gives the same elements through run files as in one window, and removes the files', async () => {
    const whole = await mergeAll(1_000, 'whole');
    for (const window of [1, 2, 3]) {
      const spilled = await mergeAll(window, `window-${window}`);
      expect(spilled.runs).toBeGreaterThan(1);
      expect(spilled.elements).toEqual(whole.elements);
    }
    expect(readdirSync(scratch)).toEqual([]);
  });
});
