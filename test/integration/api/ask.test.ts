// ask(question:) over the samples and a second-year report of 罗江区: the
// question becomes a documented query, and the answer is exactly what that
// query gives a client; relative years count back from the graph's newest
// report; a question it cannot read is refused, naming the words.
import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../../support/seeded-api.js';

const api = useSeededApi({ also: ['test/fixtures/second-year'] });

interface AskAnswer {
  understood: boolean;
  answer: string;
  query: string | null;
  graphql: string | null;
  variables: Record<string, unknown> | null;
  data: unknown;
  unread: string[];
  suggestions: string[];
  reading: { text: string; means: string }[];
}

const ASK = `query ($q: String!) { ask(question: $q) { understood answer query graphql variables data unread suggestions reading { text means } } }`;
const ask = async (q: string) => (await api.ask<{ ask: AskAnswer }>(ASK, { q })).ask;

describe('ask', () => {
  it.each([
    ['哪些县提到了三项制度', 'jurisdictions'],
    ['罗江区和清远市有哪些共同的举措', 'shared'],
    ['放管服改革是怎么在各省扩散的', 'spreadByProvince'],
    ['哪些地方连续两年都反映执法能力不足', 'recurringProblems'],
    ['台前县的报告提到了哪些举措', 'jurisdictionInitiatives'],
    ['哪些法规经常和《中华人民共和国行政处罚法》一起被引用', 'coCited'],
  ])('%s: runs %s and answers with what that query gives a client', async (q, query) => {
    const answer = await ask(q);
    expect(answer.understood).toBe(true);
    expect(answer.query).toBe(query);
    expect(answer.graphql).toMatch(new RegExp(`^query ${query}\\(`));
    expect(answer.data).toEqual(await api.ask(answer.graphql!, answer.variables!));
  });

  it('says the result in a sentence: every jurisdiction that mentions 三项制度, and only those', async () => {
    const answer = await ask('提及"三项制度"的县有哪些？');
    const { jurisdictions } = answer.data as { jurisdictions: { totalCount: number; nodes: { fullName: string; level: string }[] } };
    expect(jurisdictions.totalCount).toBeGreaterThan(0);
    expect(jurisdictions.nodes.every((j) => j.level === 'COUNTY')).toBe(true);
    expect(answer.answer).toContain(`共 ${jurisdictions.totalCount} 个地区`);
    for (const j of jurisdictions.nodes) expect(answer.answer).toContain(j.fullName);
    expect(answer.reading).toContainEqual({ text: '三项制度', means: '举措 行政执法三项制度' });
  });

  it('a recurring theme of one place is found by theme, and by no other theme', async () => {
    const answer = await ask('哪些地方连续两年都反映执法能力不足');
    const { recurringProblemThemes } = answer.data as {
      recurringProblemThemes: { nodes: { theme: string; years: number[]; jurisdiction: { fullName: string } }[] };
    };
    expect(recurringProblemThemes.nodes).toContainEqual({
      theme: '执法能力不足',
      years: [2024, 2025],
      jurisdiction: expect.objectContaining({ fullName: '四川省德阳市罗江区' }),
    });
    expect(recurringProblemThemes.nodes.every((r) => r.theme === '执法能力不足')).toBe(true);
  });

  it('counts relative years back from the newest report of the graph (2025 here)', async () => {
    const answer = await ask('近三年哪些区县落实了一件事一次办');
    expect(answer.variables).toEqual({ filter: { level: 'COUNTY', yearFrom: 2023, yearTo: 2025, mentionsInitiative: '一件事一次办' } });
    expect(answer.reading).toContainEqual({ text: '近三年', means: '年份 2023–2025' });
  });

  it.each([
    ['罗江区的GDP是多少', 'GDP'],
    ['哪些县提到了量子计算', '量子计算'],
    ['光明顶县提到了哪些举措', '光明顶'],
  ])('refuses %s, naming %s, and suggests questions it can answer', async (q, word) => {
    const answer = await ask(q);
    expect(answer).toMatchObject({ understood: false, query: null, graphql: null, data: null });
    expect(answer.unread.join('')).toContain(word);
    expect(answer.answer).toContain(word);
    expect(answer.suggestions.length).toBeGreaterThan(3);
    for (const s of answer.suggestions) expect((await ask(s)).understood, s).toBe(true);
  });

  it('a question that is nothing it knows is refused whole; one too long is not read', async () => {
    const nothing = await ask("') MATCH (n) DETACH DELETE n //");
    expect(nothing).toMatchObject({ understood: false, unread: ["') MATCH (n) DETACH DELETE n //"] });
    const long = await ask(`哪些县提到了三项制度${'。'.repeat(400)}`);
    expect(long.understood).toBe(false);
    expect(long.answer).toMatch(/问题太长/);
  });

  it('an ambiguous place is refused with its candidates, not guessed', async () => {
    const answer = await ask('朝阳区提到了哪些举措');
    expect(answer.understood).toBe(false);
    expect(answer.answer).toContain('北京市朝阳区');
    expect(answer.answer).toContain('吉林省长春市朝阳区');
  });
});
