// The Relay contract on the seeded API: every id a response carries is
// refetchable through `node`, and an id that names nothing answers null (no
// error, no error-level log).
import { Writable } from 'node:stream';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../../support/seeded-api.js';

const ALL_TYPES = 'Report, Jurisdiction, Organization, Initiative, Regulation, Problem, ProblemTheme, Plan, Indicator';

/** A logger whose lines are kept, to assert that nothing was logged at error level. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

/** Every value of an `id` field anywhere in a response. */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') into.add(v);
      else idsIn(v, into);
    }
  }
  return into;
}

const typeOf = (id: string) => Buffer.from(id, 'base64').toString().split(':')[0];

describe('Relay ids', () => {
  const log = capturingLogger();
  const seeded = useSeededApi({ server: { logger: log.logger, token: 's3cret' } });
  const ask = <T>(query: string, variables: Record<string, unknown> = {}) => seeded.ask<T>(query, variables);

  it("every id a response hands out, the graph's included, is refetched through node and nodes", async () => {
    const data = await ask<{ graph: { nodes: { id: string; type: string }[] } }>(`{
      reports(first: 100) { nodes { id jurisdiction { id province { id } prefecture { id } }
        initiatives(first: 100) { nodes { id } } regulations(first: 100) { nodes { id } } problems(first: 100) { nodes { id } } } }
      jurisdictions(first: 100) { nodes { id } }
      initiatives(first: 100) { nodes { id } }
      regulations(first: 100) { nodes { id } }
      problems(first: 100) { nodes { id } }
      search(text: "法治", first: 100) { nodes { node { ... on Node { id } } } }
      graph(filter: {yearFrom: 1990}, depth: 3, nodeTypes: [${ALL_TYPES}], maxNodes: 1000) { nodes { id type } }
    }`);
    const graphTypes = new Set(data.graph.nodes.map((n) => n.type));
    expect([...graphTypes].sort()).toEqual(ALL_TYPES.split(', ').sort());
    const ids = [...idsIn(data)];
    expect(ids.length).toBeGreaterThan(500);
    let refetched = 0;
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      type Refetched = { __typename: string; id: string; name?: string; text?: string; issuerType?: string } | null;
      const { nodes } = await ask<{ nodes: Refetched[] }>(
        `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
          ... on Organization { name issuerType } ... on Plan { text } ... on Indicator { name } ... on ProblemTheme { name } } }`,
        { ids: chunk },
      );
      nodes.forEach((node, j) => {
        expect(node, chunk[j]).not.toBeNull();
        expect(node!.id).toBe(chunk[j]);
        expect(node!.__typename).toBe(typeOf(chunk[j]));
        if ('name' in node! || 'text' in node!) expect((node!.name ?? node!.text)!.length).toBeGreaterThan(0);
        if (node!.__typename === 'Organization') expect(['GOVERNMENT', 'DEPARTMENT']).toContain(node!.issuerType);
        refetched++;
      });
    }
    expect(refetched).toBe(ids.length);
    // the graph's edges too, by the ids it gives them (TYPE:source->target), with what it says of them
    const edges = (
      await ask<{ graph: { edges: { id: string }[] } }>(
        `{ graph(filter: {yearFrom: 1990}, depth: 3, nodeTypes: [${ALL_TYPES}], maxNodes: 1000) { edges { id source target type weight } } }`,
      )
    ).graph.edges;
    expect(edges.length).toBeGreaterThan(300);
    for (let i = 0; i < edges.length; i += 100) {
      const chunk = edges.slice(i, i + 100);
      const { nodes } = await ask<{ nodes: unknown }>(
        'query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on GraphEdge { id source target type weight } } }',
        { ids: chunk.map((e) => e.id) },
      );
      expect(nodes).toEqual(chunk.map((e) => ({ __typename: 'GraphEdge', ...e })));
    }
    // the single-id field too, for one id of each type the graph hands out
    for (const type of graphTypes) {
      const id = data.graph.nodes.find((n) => n.type === type)!.id;
      expect((await ask<{ node: unknown }>('query($id: ID!) { node(id: $id) { __typename id } }', { id })).node).toEqual({ __typename: type, id });
    }
  });

  it('answers null, without an error or an error-level log, for ids that name nothing: unknown, malformed, foreign, deleted', async () => {
    const report = (await ask<{ reports: { nodes: { id: string; reportId: string }[] } }>('{ reports(first: 1) { nodes { id reportId } } }')).reports.nodes[0];
    // an edge of the report about to be deleted: gone with it
    const edgeId = (
      await ask<{ graph: { edges: { id: string; source: string }[] } }>('query($id: ID!) { graph(start: [$id]) { edges { id source } } }', { id: report.id })
    ).graph.edges.find((e) => e.source === report.id)!.id;
    expect((await ask<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id: edgeId })).node).toEqual({ id: edgeId });
    const deleted = await seeded.post(
      'mutation($id: String!) { deleteReport(id: $id) { deleted } }',
      { id: report.reportId },
      { authorization: 'Bearer s3cret' },
    );
    expect(deleted).toEqual({ data: { deleteReport: { deleted: true } } });
    const nothing = [
      encodeGlobalID('Report', 'nope'),
      report.id,
      encodeGlobalID('Plan', 'no-such-plan'),
      encodeGlobalID('NoSuchType', 'x'),
      encodeGlobalID('PageInfo', 'x'),
      encodeGlobalID('Query', 'x'),
      'garbage!!',
      'Report:nope',
      '',
      edgeId,
      // shaped like an edge id, naming no edge: an unknown type, a node that is not there, no such edge
      `NOT_A_TYPE:${encodeGlobalID('Jurisdiction', '510604')}->${encodeGlobalID('Jurisdiction', '510000')}`,
      `PART_OF:${encodeGlobalID('Jurisdiction', 'nope')}->${encodeGlobalID('Jurisdiction', '510000')}`,
      `PART_OF:${encodeGlobalID('Jurisdiction', '510000')}->${encodeGlobalID('Jurisdiction', '510604')}`,
    ];
    log.lines.length = 0;
    for (const id of nothing) {
      expect(await seeded.post('query($id: ID!) { node(id: $id) { id } }', { id }), id).toEqual({ data: { node: null } });
    }
    const both = await seeded.post('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [...nothing, encodeGlobalID('Jurisdiction', '510604')] });
    expect(both).toEqual({ data: { nodes: [...nothing.map(() => null), { id: encodeGlobalID('Jurisdiction', '510604') }] } });
    expect(log.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
