// The reports a store holds, read through the API's own statement
// (reports_list with no filter), for tests that check what a write left behind.
import type { GraphStore } from '../../src/store/types.js';

/** One page of every stored report, newest first, and how many there are in all. */
export async function storedReports(store: GraphStore, limit: number) {
  const [row] = await store.run('reports_list', {
    yearFrom: null,
    yearTo: null,
    issuerType: null,
    level: null,
    province: null,
    jurisdictionKeys: null,
    initiatives: null,
    regulations: null,
    oldestFirst: false,
    skip: 0,
    limit,
  });
  return { reports: row.reports, total: Number(row.total) };
}
