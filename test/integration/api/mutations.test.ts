// Writing over HTTP: only with the bearer token, refused without a configured
// token, typed results for texts that are not reports; and the query limits.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../../../src/api/server.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { type Answer, postQuery as post } from '../../support/ask.js';
import { countingStore, type CountingStore } from '../../support/counting.js';
import { PLACELESS_SUMMARY } from '../../support/placeless-reports.js';

const SEED = readFileSync(new URL('../../../seed/003_a60db31662cb9267.txt', import.meta.url), 'utf8');
type Ingested = { outcome: string; reportId: string; report: { year: number; jurisdiction: { name: string } } };
const INGEST = `mutation($text: String!) { ingestReport(input: {text: $text, file: "upload.txt"}) {
  __typename ... on IngestReportPayload { outcome reportId report { year jurisdiction { name } } }
  ... on NotAReport { message } } }`;

describe('mutations', () => {
  let store: EmbeddedStore;
  beforeAll(async () => {
    store = await EmbeddedStore.open();
  });
  afterAll(() => store.close());

  it('are refused when the server has no token, and nothing is written', async () => {
    const yoga = createGraphQLHandler({ store });
    const result = await post(yoga, INGEST, { text: SEED }, { authorization: 'Bearer anything' });
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/mutations are disabled.*GOVGRAPH_TOKEN/), extensions: { code: 'FORBIDDEN' } });
    expect((await store.counts()).nodes).toBe(0);
  });

  it('are refused without the right bearer token', async () => {
    const yoga = createGraphQLHandler({ store, token: 's3cret-token' });
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 's3cret-token' }] as Record<string, string>[]) {
      const result = await post(yoga, INGEST, { text: SEED }, headers);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await store.counts()).nodes).toBe(0);
  });

  it('answer 403 when writing is off, 401 with WWW-Authenticate without the token, 200 with it (deleting an unknown id says so)', async () => {
    const attempt = async (token: string | undefined, authorization?: string) => {
      const yoga = createGraphQLHandler({ store, token });
      const response = await yoga.fetch('http://govgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: 'mutation { deleteReport(id: "no-such-report") { reportId deleted } }' }),
      });
      return { status: response.status, challenge: response.headers.get('www-authenticate'), body: (await response.json()) as Answer };
    };
    expect(await attempt(undefined, 'Bearer anything')).toMatchObject({ status: 403, challenge: null });
    for (const authorization of [undefined, 'Bearer wrong']) {
      const refused = await attempt('s3cret-token', authorization);
      expect(refused).toMatchObject({ status: 401, challenge: 'Bearer realm="govgraph"' });
      expect(refused.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    expect(await attempt('s3cret-token', 'Bearer s3cret-token')).toEqual({
      status: 200,
      challenge: null,
      body: { data: { deleteReport: { reportId: 'no-such-report', deleted: false } } },
    });
  });

  it('ingest a report with the token, idempotently, and delete it again', async () => {
    const yoga = createGraphQLHandler({ store, token: 's3cret-token' });
    const auth = { authorization: 'Bearer s3cret-token' };
    const first = await post<{ ingestReport: Ingested }>(yoga, INGEST, { text: SEED }, auth);
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestReport).toMatchObject({ outcome: 'CREATED', report: { year: 2021, jurisdiction: { name: '昌江区' } } });
    const counts = await store.counts();
    const again = await post<{ ingestReport: Ingested }>(yoga, INGEST, { text: SEED }, auth);
    expect(again.data!.ingestReport.outcome).toBe('UNCHANGED');
    expect(await store.counts()).toEqual(counts);

    const id = first.data!.ingestReport.reportId;
    const del = await post<{ deleteReport: { deleted: boolean } }>(yoga, `mutation($id: String!) { deleteReport(id: $id) { deleted } }`, { id }, auth);
    expect(del.data!.deleteReport.deleted).toBe(true);
    expect((await store.counts()).byLabel.Report ?? 0).toBe(0);
  });

  it('metadata overrides: year, title and file are stored as given, and a changed override replaces the stored report', async () => {
    const yoga = createGraphQLHandler({ store, token: 's3cret-token' });
    const auth = { authorization: 'Bearer s3cret-token' };
    const ingest = `mutation($text: String!, $year: Int, $title: String, $file: String) {
      ingestReport(input: {text: $text, year: $year, title: $title, file: $file}) {
        ... on IngestReportPayload { outcome reportId report { year title file } } } }`;
    type Payload = { ingestReport: { outcome: string; reportId: string } };
    const plain = (await post<Payload>(yoga, ingest, { text: SEED }, auth)).data!.ingestReport;
    // the seed has no title line; its year is read from the text
    expect(plain).toMatchObject({ outcome: 'CREATED', report: { year: 2021, title: null, file: null } });
    const title = '昌江区2021年法治政府建设工作情况报告';
    const overridden = (await post<Payload>(yoga, ingest, { text: SEED, year: 2020, title, file: 'archive/changjiang-2021.txt' }, auth)).data!.ingestReport;
    // the same text: the same report, rewritten with the overrides (not UNCHANGED, which would drop them)
    expect(overridden).toEqual({ outcome: 'REPLACED', reportId: plain.reportId, report: { year: 2020, title, file: 'archive/changjiang-2021.txt' } });
    const again = (await post<Payload>(yoga, ingest, { text: SEED, year: 2020, title, file: 'archive/changjiang-2021.txt' }, auth)).data!.ingestReport;
    expect(again.outcome).toBe('UNCHANGED');
    // the override reaches the graph: the year filter and the diffusion see 2020
    for (const year of [20, 3021]) {
      const refused = await post(yoga, ingest, { text: SEED, year }, auth);
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringMatching(new RegExp(`^input.year must be a year a report covers, 1900 to \\d{4} \\(got ${year}\\)$`)),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const seen = await post(
      yoga,
      `{ reports(filter: {yearTo: 2020}) { totalCount } initiative(name: "三项制度") { diffusion { adoptions { nodes { year } } } } }`,
      {},
    );
    expect(seen.data).toEqual({ reports: { totalCount: 1 }, initiative: { diffusion: { adoptions: { nodes: [{ year: 2020 }] } } } });
    await post(yoga, `mutation($id: String!) { deleteReport(id: $id) { deleted } }`, { id: plain.reportId }, auth);
  });

  it("a page's address given with the text is stored as its sourceUrl and places a report whose text names no place", async () => {
    const yoga = createGraphQLHandler({ store, token: 's3cret-token' });
    const auth = { authorization: 'Bearer s3cret-token' };
    const ingest = `mutation($text: String!, $url: String) { ingestReport(input: {text: $text, url: $url}) {
      ... on IngestReportPayload { reportId report { sourceUrl jurisdiction { name province { name } } jurisdictionBasis } } } }`;
    type Payload = { ingestReport: { reportId: string; report: { sourceUrl: string | null; jurisdiction: unknown; jurisdictionBasis: string | null } } };
    const text = PLACELESS_SUMMARY;
    const url = 'http://zgj.ningbo.gov.cn/art/2023/2/3/art_1.html';
    const placed = (await post<Payload>(yoga, ingest, { text, url }, auth)).data!.ingestReport;
    expect(placed.report).toMatchObject({ sourceUrl: url, jurisdiction: { name: '宁波市', province: { name: '浙江省' } } });
    expect(placed.report.jurisdictionBasis).toMatch(/ningbo\.gov\.cn/);
    for (const bad of ['zgj.ningbo.gov.cn/art/1.html', 'ftp://ningbo.gov.cn/a', '宁波']) {
      const refused = await post(yoga, ingest, { text, url: bad }, auth);
      expect(refused.errors?.[0], bad).toMatchObject({
        message: expect.stringMatching(/^input.url must be a web page's address/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    await post(yoga, `mutation($id: String!) { deleteReport(id: $id) { deleted } }`, { id: placed.reportId }, auth);
    expect((await store.counts()).byLabel.Report ?? 0).toBe(0);
  });

  it('names the stored reports of the same jurisdiction, issuer and year: the same report from another file', async () => {
    const yoga = createGraphQLHandler({ store, token: 's3cret-token' });
    const auth = { authorization: 'Bearer s3cret-token' };
    const ingest = `mutation($text: String!) { ingestReport(input: {text: $text}) { ... on IngestReportPayload { reportId sameIssuerAndYear { reportId year } } } }`;
    type Payload = { ingestReport: { reportId: string; sameIssuerAndYear: unknown } };
    const first = (await post<Payload>(yoga, ingest, { text: SEED }, auth)).data!.ingestReport;
    expect(first.sameIssuerAndYear).toEqual([]);
    // the same report as a web page would read it: a title line above the same text
    const second = (await post<Payload>(yoga, ingest, { text: `昌江区2021年法治政府建设年度报告\n${SEED}` }, auth)).data!.ingestReport;
    expect(second.reportId).not.toBe(first.reportId);
    expect(second.sameIssuerAndYear).toEqual([{ reportId: first.reportId, year: 2021 }]);
    for (const id of [first.reportId, second.reportId]) await post(yoga, `mutation($id: String!) { deleteReport(id: $id) { deleted } }`, { id }, auth);
    expect((await store.counts()).byLabel.Report ?? 0).toBe(0);
  });

  it('answer a text that is not a report with a typed NotAReport result', async () => {
    const yoga = createGraphQLHandler({ store, token: 's3cret-token' });
    const result = await post<{ ingestReport: unknown }>(yoga, INGEST, { text: '今天天气很好。' }, { authorization: 'Bearer s3cret-token' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingestReport).toEqual({ __typename: 'NotAReport', message: expect.stringMatching(/^not a report: /) });
  });
});

describe('query limits', () => {
  let store: EmbeddedStore;
  let counted: CountingStore;
  let yoga: ReturnType<typeof createGraphQLHandler>;
  beforeAll(async () => {
    store = await EmbeddedStore.open();
    counted = countingStore(store);
    yoga = createGraphQLHandler({ store: counted });
  });
  afterAll(() => store.close());

  it('refuses a query nested too deep, with a clear message and no store call', async () => {
    let selection = 'name';
    for (let i = 0; i < 8; i++) selection = `reports { edges { node { jurisdiction { ${selection} } } } }`;
    const before = counted.calls;
    const result = await post(yoga, `{ jurisdictions { edges { node { ${selection} } } } }`, {});
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^query depth \d+ exceeds the limit of \d+/),
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
    expect(counted.calls).toBe(before);
  });

  it('refuses a query with too many selections', async () => {
    // 400 aliases: over the breadth limit, under the query length limit
    const aliases = Array.from({ length: 400 }, (_, i) => `a${i}: reports { totalCount }`).join(' ');
    const result = await post(yoga, `{ ${aliases} }`, {});
    expect(result.errors?.[0].message).toMatch(/^query breadth \d+ exceeds the limit of 300/);
  });

  it('counts pages by their size: three nested pages of 100 are refused before any store call, of 20 answered', async () => {
    const nested = (first: number) =>
      `{ jurisdictions(first: ${first}) { edges { node { name reports(first: ${first}) { edges { node { title initiatives(first: ${first}) { edges { node { name } } } } } } } } } }`;
    const before = counted.calls;
    const big = await post(yoga, nested(100), {});
    expect(big.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^query complexity \d+ exceeds the limit of 500000/),
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
    expect(counted.calls).toBe(before);
    const small = await post<{ jurisdictions: { edges: unknown } }>(yoga, nested(20), {});
    expect(small.errors).toBeUndefined();
    expect(small.data!.jurisdictions.edges).toBeInstanceOf(Array);
    // `last` alone is a page of its size too
    const fromTheEnd = await post(yoga, nested(100).replaceAll('first:', 'last:'), {});
    expect(fromTheEnd.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  });

  it('masks unexpected internal errors', async () => {
    const broken = createGraphQLHandler({
      store: {
        ...store,
        run: async () => {
          throw new Error('Cypher blew up at /secret/path.cypher');
        },
      } as unknown as EmbeddedStore,
    });
    const result = await post(broken, `{ reports { totalCount } }`, {});
    expect(result.errors?.[0].message).toBe('Unexpected error.');
    expect(JSON.stringify(result)).not.toMatch(/secret|Cypher/);
  });
});
