// Every level of government through the API (issue 15): zones and townships
// are jurisdictions of their own levels under their parents, "which counties
// cite 三项制度" stays the counties, and each report says how sure its place is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/extract/index.js';
import { createGraphQLHandler } from '../../../src/api/server.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { queryData, type Yoga } from '../../support/ask.js';

/** A made-up report of `title`, in the voice of `self`, that implements 三项制度. */
function report(title: string, self: string): string {
  const filler = `${self}坚持依法行政,全面推行行政执法“三项制度”,加强行政执法监督,深化法治宣传教育,提升依法行政能力和水平。`.repeat(8);
  return `${title}\n2023年,${self}深入学习贯彻习近平法治思想。现将有关情况报告如下。\n一、主要工作\n${filler}`;
}

describe('zones, townships and counties in the API', () => {
  let store: EmbeddedStore;
  let yoga: Yoga;
  beforeAll(async () => {
    store = await EmbeddedStore.open();
    for (const [title, self] of [
      ['武汉经开区2023年法治政府建设情况报告', '我区'],
      ['四川省德阳市罗江区白马关镇2023年法治政府建设情况报告', '我镇'],
      ['金平县2023年法治政府建设情况报告', '我县'],
    ])
      await store.upsertReport(extractReport(report(title, self)), { extractorVersion: 'test' });
    yoga = createGraphQLHandler({ store });
  });
  afterAll(() => store.close());

  const names = async (filter: string) =>
    (await queryData<{ jurisdictions: { nodes: { name: string }[] } }>(yoga, `{ jurisdictions(filter: ${filter}) { nodes { name } } }`)).jurisdictions.nodes
      .map((n) => n.name)
      .sort();

  it('"which counties cite 三项制度" is the county alone, not the zone or the township', async () => {
    expect(await names('{level: COUNTY, mentionsInitiative: "三项制度"}')).toEqual(['金平苗族瑶族傣族自治县']);
    expect(await names('{level: ZONE}')).toEqual(['武汉经开区']);
    expect(await names('{level: TOWNSHIP, mentionsInitiative: "三项制度"}')).toEqual(['白马关镇']);
  });

  it('a zone and a township answer with their parents', async () => {
    const data = await queryData<{ zone: { nodes: unknown }; township: { nodes: unknown } }>(
      yoga,
      `{ zone: jurisdictions(filter: {level: ZONE}) { nodes { fullName code province { name } prefecture { name } county { name } } }
         township: jurisdictions(filter: {level: TOWNSHIP}) { nodes { fullName county { name code } prefecture { name } province { name } } } }`,
    );
    expect(data.zone.nodes).toEqual([
      { fullName: '湖北省武汉市武汉经济技术开发区', code: null, province: { name: '湖北省' }, prefecture: { name: '武汉市' }, county: null },
    ]);
    expect(data.township.nodes).toEqual([
      { fullName: '四川省德阳市罗江区白马关镇', county: { name: '罗江区', code: '510604' }, prefecture: { name: '德阳市' }, province: { name: '四川省' } },
    ]);
  });

  it('each report says how sure its place is and what decided it', async () => {
    const data = await queryData<{ reports: { nodes: { title: string; jurisdictionConfidence: number }[] } }>(
      yoga,
      '{ reports(first: 10) { nodes { title jurisdictionConfidence jurisdictionBasis } } }',
    );
    const zone = data.reports.nodes.find((r) => r.title.startsWith('武汉经开区'));
    expect(zone).toMatchObject({ jurisdictionConfidence: 0.9, jurisdictionBasis: 'the title names 武汉经开区' });
    for (const r of data.reports.nodes) expect(r.jurisdictionConfidence).toBeGreaterThan(0.5);
  });
});
