// One GraphQL answer reads one state of the graph. A report listed by a query
// and deleted before the query's later statements run (its jurisdiction, its
// initiatives) is still shown whole: the operation's reads share a snapshot.
// A store without snapshots shows the same interleaving as a "ghost" (the
// report listed, its jurisdiction gone): what the snapshot is for.
import { describe, expect, it } from 'vitest';
import type { GraphStore, StoreSnapshot } from '../../../src/store/types.js';
import type { EmbeddedStore } from '../../../src/store/embedded.js';
import { seededApi } from '../../support/seeded-api.js';
import { storedReports } from '../../support/stored-reports.js';

const LISTED = `{ reports(first: 10) { totalCount edges { node { reportId jurisdiction { name } initiatives(first: 1) { totalCount } } } } }`;
type Listed = {
  reports: { totalCount: number; edges: Array<{ node: { reportId: string; jurisdiction: { name: string } | null; initiatives: { totalCount: number } } }> };
};

/**
 * The store, except that the first time the report's jurisdiction is looked
 * up, every report is deleted first: a write landing in the middle of a query.
 */
function deletingMidQuery(store: EmbeddedStore, withSnapshots: boolean): GraphStore {
  let struck = false;
  const strike = async (name: string) => {
    if (struck || name !== 'report_jurisdictions') return;
    struck = true;
    for (const report of (await storedReports(store, 100)).reports) await store.deleteReport(report.id);
  };
  const snapshot = (): StoreSnapshot => {
    const inner = store.snapshot();
    return {
      run: (async (name: Parameters<StoreSnapshot['run']>[0], ...params: never[]) => {
        await strike(name);
        return inner.run(name, ...(params as [never]));
      }) as StoreSnapshot['run'],
      release: () => inner.release(),
    };
  };
  return {
    kind: store.kind,
    run: (async (name: Parameters<GraphStore['run']>[0], ...params: never[]) => {
      await strike(name);
      return store.run(name, ...(params as [never]));
    }) as GraphStore['run'],
    upsertReport: (graph, meta) => store.upsertReport(graph, meta),
    deleteReport: (id) => store.deleteReport(id),
    counts: () => store.counts(),
    close: () => store.close(),
    ...(withSnapshots ? { snapshot } : {}),
  };
}

describe('consistent answers', () => {
  it('shows every listed report whole although all are deleted while the query runs', async () => {
    const api = await seededApi({ wrap: (store) => deletingMidQuery(store, true) });
    try {
      const { reports } = await api.ask<Listed>(LISTED);
      expect(reports.totalCount).toBe(5);
      expect(reports.edges).toHaveLength(5);
      for (const { node } of reports.edges) {
        expect(node.jurisdiction, node.reportId).not.toBeNull();
        expect(node.initiatives.totalCount, node.reportId).toBeGreaterThan(0);
      }
      // the deletes did happen: the next query reads the state after them
      expect((await api.ask<Listed>(LISTED)).reports.totalCount).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('without snapshots, the same interleaving leaves ghosts (what the snapshot prevents)', async () => {
    const api = await seededApi({ wrap: (store) => deletingMidQuery(store, false) });
    try {
      const { reports } = await api.ask<Listed>(LISTED);
      expect(reports.edges).toHaveLength(5);
      expect(reports.edges.filter(({ node }) => node.jurisdiction === null)).toHaveLength(5);
    } finally {
      await api.close();
    }
  });

  it('a mutation answers from the state after its write', async () => {
    const api = await seededApi({ server: { token: 't' } });
    try {
      const answer = await api.post<{ deleteReport: { deleted: boolean } }>(
        `mutation($id: String!) { deleteReport(id: $id) { deleted } }`,
        { id: (await api.ask<Listed>(LISTED)).reports.edges[0].node.reportId },
        { authorization: 'Bearer t' },
      );
      expect(answer.data?.deleteReport.deleted).toBe(true);
      expect((await api.ask<Listed>(LISTED)).reports.totalCount).toBe(4);
    } finally {
      await api.close();
    }
  });
});
