// Real clients against the real server: urql with its defaults (queries sent
// as GET, no CSRF header), graphql-request (JSON POST), and the types
// graphql-codegen generates from schema/schema.graphql. The typed client
// (test/client/typed-client.ts) is typechecked against the generated types —
// its annotations compile only with non-null identity fields and enum types —
// and then run.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATION_TYPES } from '../../../src/model.js';
import { serveStore, type Served } from '../../support/served.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = join(root, 'test', 'artifacts', `codegen-${process.pid}`);
const TOKEN = 'client-test-token';
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

// The typed client's own types come from the generated file, which the root typecheck does not
// have (the second test typechecks the client with it): here, what these tests read of its answers.
interface TypedClient {
  readWithUrql(url: string): Promise<{
    methods: string[];
    ids: string[];
    reportIds: string[];
    names: string[];
    nextIds: string[];
    lastIds: string[];
    totalCount: number;
    refetched: string | null;
    refetchedType: string | null;
  }>;
  graphWithGraphqlRequest(url: string): Promise<{ nodeTypes: string[]; edgeTypes: string[]; organization: unknown }>;
  deleteWithUrql(url: string, token: string, id: string): Promise<{ methods: string[]; deleted: boolean }>;
}

describe('standard clients and generated types', () => {
  let served: Served;
  let url: string;
  let generated: string;
  let client: TypedClient;

  beforeAll(async () => {
    served = await serveStore({ seeded: true, token: TOKEN });
    url = `${served.url}/graphql`;

    // graphql-codegen as a client project runs it: the printed schema and the client's operations
    mkdirSync(work, { recursive: true });
    await generate(
      {
        schema: join(root, 'schema', 'schema.graphql'),
        documents: join(root, 'test', 'client', 'operations.graphql'),
        silent: true,
        generates: { [join(work, 'generated.ts')]: { plugins: ['typescript-operations', 'typed-document-node'] } },
      },
      true,
    );
    generated = readFileSync(join(work, 'generated.ts'), 'utf8');
    copyFileSync(join(root, 'test', 'client', 'typed-client.ts'), join(work, 'typed-client.ts'));
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', include: ['*.ts'], exclude: [] }));
    client = (await import(join(work, 'typed-client.ts'))) as TypedClient;
  });
  afterAll(async () => {
    await served?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('generated types: identity fields are non-null, node, relation and level types are enums', () => {
    expect(generated).toMatch(
      /nodes: Array<\{ id: string, reportId: string, year: number \| null, jurisdiction: \{ id: string, name: string, fullName: string, level: JurisdictionLevel \| null \} \| null \}>/,
    );
    expect(generated).toMatch(/nodes: Array<\{ id: string, type: GraphNodeType, label: string \}>/);
    expect(generated).toMatch(/edges: Array<\{ id: string, source: string, target: string, type: GraphRelationType \}>/);
    const union = (name: string) => [...new RegExp(`export type ${name} =([^;]*);`).exec(generated)![1].matchAll(/'([A-Za-z_]+)'/g)].map((m) => m[1]).sort();
    expect(union('GraphNodeType')).toEqual([...NODE_LABELS].sort());
    expect(union('GraphRelationType')).toEqual([...RELATION_TYPES].sort());
  });

  it('the typed client typechecks against them (its @ts-expect-error lines fail if an enum were a string)', async () => {
    const run = await promisify(execFile)(process.execPath, [tsc, '-p', work]).catch((e: { stdout: string; stderr: string; code: number }) => e);
    expect(`${run.stdout}${run.stderr}`).toBe('');
  });

  it('urql with its defaults reads through GET without a CSRF header, pages with cursors, uses last alone and refetches by id', async () => {
    const read = await client.readWithUrql(url);
    expect(new Set(read.methods)).toEqual(new Set(['GET']));
    expect(read.ids).toHaveLength(2);
    expect(read.names.every((n) => n.length > 0)).toBe(true);
    expect(read.nextIds).toHaveLength(2);
    expect(read.nextIds.filter((id) => read.ids.includes(id))).toEqual([]);
    expect(read.totalCount).toBe(5);
    expect(read.lastIds).toHaveLength(1);
    expect([...read.ids, ...read.nextIds]).not.toContain(read.lastIds[0]);
    expect([read.refetched, read.refetchedType]).toEqual([read.ids[0], 'Report']);
  });

  it("graphql-request reads a subgraph whose types are the model's and whose organization id refetches", async () => {
    const graph = await client.graphWithGraphqlRequest(url);
    expect(graph.nodeTypes.length).toBeGreaterThan(3);
    for (const type of graph.nodeTypes) expect(NODE_LABELS).toContain(type);
    for (const type of graph.edgeTypes) expect(RELATION_TYPES).toContain(type);
    expect(graph.organization).toMatchObject({ __typename: 'Organization', name: expect.stringMatching(/.+/) });
  });

  it("urql sends a mutation as a POST, which passes CSRF prevention with the token; the deleted report's id then answers null", async () => {
    const { reportIds, ids } = await client.readWithUrql(url);
    const deleted = await client.deleteWithUrql(url, TOKEN, reportIds[0]);
    expect(deleted).toEqual({ methods: ['POST'], deleted: true });
    const after = await client.readWithUrql(url);
    expect(after.ids).not.toContain(ids[0]);
    expect(after.totalCount).toBe(4);
  });
});
