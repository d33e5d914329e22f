// Every statement of cypher/ runs on every store with the example parameters
// its header declares, and returns plain rows. The embedded store is always
// tested; Neo4j when NEO4J_URI is set (it writes reports with ids
// "synthetic-*" and "r-example" into that database and deletes them after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { Neo4jStore } from '../../../src/store/neo4j.js';
import { listStatementFiles, loadStatements, type Backend } from '../../../src/store/statements.js';
import { runWith, type GraphStore, type StatementName } from '../../../src/store/types.js';
import { syntheticReport } from '../../support/graphs.js';

const neo4jUri = process.env.NEO4J_URI;
if (!neo4jUri) {
  console.info('store conformance: NEO4J_URI is not set, so the Neo4j run is skipped (the embedded run always happens)');
}

const backends: { backend: Backend; open: () => Promise<GraphStore>; skip: boolean }[] = [
  { backend: 'embedded', open: () => EmbeddedStore.open(), skip: false },
  {
    backend: 'neo4j',
    open: () =>
      Neo4jStore.open({
        uri: neo4jUri ?? '',
        user: process.env.NEO4J_USER,
        password: process.env.NEO4J_PASSWORD,
        database: process.env.NEO4J_DATABASE,
      }),
    skip: !neo4jUri,
  },
];

// Statements that write run last, so that the reads see the fixture reports.
const isWrite = (name: string) =>
  /^(schema\/|report_create|report_delete|orphans_|jurisdictions_merge|jurisdictions_link|report_link|report_cites|report_mentions|report_identifies|report_plans|report_reports|regulations_link)/.test(
    name,
  );

describe('cypher/ files', () => {
  it('are found, each with a description, and every variant has a shared file beside it', () => {
    const files = listStatementFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(file.description, file.path).not.toBe('');
    const shared = new Set(files.filter((f) => f.backend === null).map((f) => f.name));
    for (const variant of files.filter((f) => f.backend !== null)) expect(shared.has(variant.name), variant.path).toBe(true);
  });
});

for (const { backend, open, skip } of backends) {
  describe.skipIf(skip)(`store conformance on ${backend}`, () => {
    let store: GraphStore;
    const statements = [...loadStatements(backend).values()];
    const ordered = [...statements.filter((s) => !isWrite(s.name)), ...statements.filter((s) => isWrite(s.name))];

    beforeAll(async () => {
      store = await open();
      for (let i = 0; i < 3; i++) await store.upsertReport(syntheticReport(i), { extractorVersion: 'conformance' });
    });

    afterAll(async () => {
      if (!store) return;
      for (const id of ['synthetic-0', 'synthetic-1', 'synthetic-2', 'r-example']) await store.deleteReport(id);
      await store.close();
    });

    it.each(ordered.map((s) => [s.name, s] as const))('%s runs with its example parameters and returns plain rows', async (name, statement) => {
      const rows = await runWith(store, name as StatementName, statement.params);
      expect(Array.isArray(rows)).toBe(true);
      // Plain values only: no bigint, no driver Integer/Node objects survive a JSON round trip unchanged.
      expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
      // exactly the columns its header declares (// @returns), which the typed catalogue hands to the code
      for (const row of rows) expect(Object.keys(row).sort(), name).toEqual(statement.returns.map((c) => c.name).sort());
    });
  });
}
