// Every statement of cypher/ runs on every store with the example parameters
// its header declares, and returns plain rows. The embedded store is always
// tested; Neo4j when NEO4J_URI is set (it writes reports with ids
// "synthetic-*" and "r-example" into that database and deletes them after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { Neo4jStore } from '../../../src/store/neo4j.js';
import { listStatementFiles, loadStatements, schemaStatementNames, type Backend } from '../../../src/store/statements.js';
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
  it('are found, each with a description, and every variant but a schema statement has a shared file beside it', () => {
    const files = listStatementFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(file.description, file.path).not.toBe('');
    const shared = new Set(files.filter((f) => f.backend === null).map((f) => f.name));
    // Statements run by name must exist on both backends; schema statements run by listing, so one backend may have its own alone.
    for (const variant of files.filter((f) => f.backend !== null && !f.name.startsWith('schema/'))) expect(shared.has(variant.name), variant.path).toBe(true);
  });

  it('gives each backend the schema statements meant for it only', () => {
    const embedded = schemaStatementNames(loadStatements('embedded'));
    const neo4j = schemaStatementNames(loadStatements('neo4j'));
    expect(neo4j).toContain('schema/index_problem_text');
    expect(embedded).not.toContain('schema/index_problem_text');
    expect(embedded).toContain('schema/index_jurisdiction_code');
    expect(neo4j).toContain('schema/index_jurisdiction_code');
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

    it('jurisdictions_lookup finds a jurisdiction by key, code, short name or full name, each once, every namesake', async () => {
      const places = [
        { name: '朝阳区', fullName: '北京市朝阳区', province: '北京市', prefecture: null, level: 'county' as const, adminCode: '110105' },
        { name: '朝阳区', fullName: '吉林省长春市朝阳区', province: '吉林省', prefecture: '长春市', level: 'county' as const, adminCode: '220104' },
        { name: '罗江经济开发区', fullName: '四川省德阳市罗江经济开发区', province: '四川省', prefecture: '德阳市', level: 'zone' as const, adminCode: null },
      ];
      const ids = places.map((_, k) => `lookup-${k}`);
      for (const [k, jurisdiction] of places.entries()) {
        await store.upsertReport({ ...syntheticReport(10 + k), reportId: ids[k], jurisdiction }, { extractorVersion: 'conformance' });
      }
      const lookup = async (name: string) => (await runWith(store, 'jurisdictions_lookup', { name })).map((row) => row.jurisdiction.fullName);
      try {
        expect(await lookup('朝阳区')).toEqual(['北京市朝阳区', '吉林省长春市朝阳区']);
        expect(await lookup('220104')).toEqual(['吉林省长春市朝阳区']);
        expect(await lookup('北京市朝阳区')).toEqual(['北京市朝阳区']);
        // key and code are both 510604, key and full name both the zone's: one row each
        expect(await lookup('510604')).toEqual(['四川省德阳市罗江区']);
        expect(await lookup('四川省德阳市罗江经济开发区')).toEqual(['四川省德阳市罗江经济开发区']);
        expect(await lookup('罗江经济开发区')).toEqual(['四川省德阳市罗江经济开发区']);
        expect(await lookup('朝阳')).toEqual([]);
      } finally {
        for (const id of ids) await store.deleteReport(id);
      }
    });
  });
}
