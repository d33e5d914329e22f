// Relay cursors on the seeded API: `last` alone, paging both ways, forged
// cursors refused clearly, and cursors that survive writes between two page
// requests (or are refused clearly when their item is gone) — never
// "Unexpected error.".
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { countingStore } from '../../support/counting.js';
import type { Connection } from '../../support/ask.js';
import { useSeededApi } from '../../support/seeded-api.js';

const secondYear = fileURLToPath(new URL('../../fixtures/second-year/', import.meta.url));

describe('Relay cursors', () => {
  const seeded = useSeededApi({ wrap: countingStore });
  const ask = <T>(query: string, variables: Record<string, unknown> = {}) => seeded.ask<T>(query, variables);
  type PageInfo = { hasPreviousPage: boolean; hasNextPage: boolean; startCursor: string; endCursor: string };
  type Reports = { reports: Connection<{ reportId: string; year: number }> & { pageInfo: PageInfo } };
  const REPORTS =
    'query($first: Int, $last: Int, $after: String, $before: String) { reports(first: $first, last: $last, after: $after, before: $before) { totalCount nodes { reportId year } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }';

  it('`last` without `before` is the end of the list, on store lists, relation lists and rankings', async () => {
    const all = (await ask<Reports>(REPORTS, { first: 100 })).reports;
    const tail = (await ask<Reports>(REPORTS, { last: 2 })).reports;
    expect(tail.nodes).toEqual(all.nodes.slice(-2));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(tail.totalCount).toBe(all.totalCount);

    const initiatives = async (args: string) =>
      (
        await ask<{ jurisdiction: { reports: { nodes: { initiatives: { nodes: unknown[] } }[] } } }>(
          `{ jurisdiction(name: "罗江区") { reports { nodes { initiatives(${args}) { nodes { name } } } } } }`,
        )
      ).jurisdiction.reports.nodes[0].initiatives.nodes;
    expect(await initiatives('last: 3')).toEqual((await initiatives('first: 100')).slice(-3));

    const search = async (args: string) => (await ask<{ search: { nodes: unknown[] } }>(`{ search(text: "执法", ${args}) { nodes { label } } }`)).search.nodes;
    expect(await search('last: 4')).toEqual((await search('first: 100')).slice(-4));
  });

  it('pages forward with `after` and back with `before` over the same items', async () => {
    const all = (await ask<Reports>(REPORTS, { first: 100 })).reports.nodes;
    const forward = [];
    let page = (await ask<Reports>(REPORTS, { first: 2 })).reports;
    forward.push(...page.nodes);
    while (page.pageInfo.hasNextPage) {
      page = (await ask<Reports>(REPORTS, { first: 2, after: page.pageInfo.endCursor })).reports;
      forward.push(...page.nodes);
    }
    expect(forward).toEqual(all);
    const backward = [];
    page = (await ask<Reports>(REPORTS, { last: 2 })).reports;
    backward.unshift(...page.nodes);
    while (page.pageInfo.hasPreviousPage) {
      page = (await ask<Reports>(REPORTS, { last: 2, before: page.pageInfo.startCursor })).reports;
      backward.unshift(...page.nodes);
    }
    expect(backward).toEqual(all);
  });

  it("a page after a cursor costs one statement (the page and the total lie inside the window read to find the cursor's item)", async () => {
    const first = (await ask<Reports>(REPORTS, { first: 2 })).reports;
    const before = seeded.served.calls;
    await ask<Reports>(REPORTS, { first: 2, after: first.pageInfo.endCursor });
    expect(seeded.served.calls - before).toBe(1);
  });

  it('refuses forged cursors with a clear error, never "Unexpected error."', async () => {
    const forged = [
      Buffer.from('OffsetConnection:-3').toString('base64'),
      Buffer.from('OffsetConnection:2').toString('base64'),
      'garbage!!',
      '%%%',
      Buffer.from('c1:-3:AAAAAAAAAAAA').toString('base64'),
      'YzE6MzpBQUFBQUFBQUFBQUE',
    ];
    const queries = [
      'query($c: String) { reports(after: $c) { totalCount } }',
      'query($c: String) { search(text: "执法", before: $c) { totalCount } }',
      'query($c: String) { jurisdiction(name: "罗江区") { reports { nodes { initiatives(after: $c) { totalCount } } } } }',
      'query($c: String) { initiative(name: "三项制度") { coMentioned(after: $c) { totalCount } } }',
    ];
    for (const query of queries) {
      for (const c of forged) {
        const body = await seeded.post(query, { c });
        expect(body.errors, `${query} ${c}`).toHaveLength(1);
        expect(body.errors![0].message).toMatch(/is not a cursor of this API/);
        expect(body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    }
  });

  it("stay valid across writes: the next page follows the cursor's item wherever it now is, and a deleted item's cursor is refused clearly", async () => {
    const before = (await ask<Reports>(REPORTS, { first: 100 })).reports.nodes;
    const page1 = (await ask<Reports>(REPORTS, { first: 2 })).reports;
    // a newer report is written at the top of the list, and the first report is deleted
    await ingestPaths(seeded.store, [secondYear]);
    expect(await seeded.store.deleteReport(before[0].reportId)).toBe(true);
    const page2 = (await ask<Reports>(REPORTS, { first: 2, after: page1.pageInfo.endCursor })).reports;
    expect(page2.nodes).toEqual(before.slice(2, 4));
    const back = (await ask<Reports>(REPORTS, { last: 1, before: page1.pageInfo.endCursor })).reports;
    expect(back.nodes[0].year).toBe(2025); // the new report now precedes the cursor's item

    // the cursor of a report deleted since
    expect(await seeded.store.deleteReport(before[1].reportId)).toBe(true);
    const stale = await seeded.post(REPORTS, { first: 2, after: page1.pageInfo.endCursor });
    expect(stale.errors).toHaveLength(1);
    expect(stale.errors![0].message).toMatch(/no longer in this list.*ask for the first page again/);
    expect(stale.errors![0].extensions?.code).toBe('STALE_CURSOR');
  });
});
