// The extractor on the five seed reports against the gold standard
// (test/gold/seeds.gold.json, a copy of ../shared/gold), plus the rules added in 0.2.0 and 0.3.0 on small
// texts of our own: list-governing verbs, attributive verbs, scope of the
// report's own documents, discovered initiatives, metric units.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalRegulationTitle, extractReport, normalizeText, NotAReportError, resolveInitiativeName } from '../../../src/extract/index.js';
import { formatEvalTable, loadGold, scoreAgainstGold } from '../../../src/eval/score.js';

const GOLD_PATH = fileURLToPath(new URL('../../gold/seeds.gold.json', import.meta.url));
const GOLD = loadGold(GOLD_PATH);
const seed = (file: string) => readFileSync(new URL(`../../../seed/${file}`, import.meta.url), 'utf8');
const GRAPHS = GOLD.map((g) => extractReport(seed(g.file), { file: g.file }));

function report(body: string): string {
  const filler = '我区坚持依法行政,推进法治政府建设,加强行政执法监督,深化法治宣传教育,提升政府依法行政能力和水平。'.repeat(8);
  return `${body}\n一、主要工作\n${filler}\n${body}`;
}

describe('the gold path', () => {
  it('resolves to the gold standard kept in the repository (a clone needs nothing beside it)', () => {
    expect(GOLD_PATH).toMatch(/[\\/]test[\\/]gold[\\/]seeds\.gold\.json$/);
    expect(GOLD).toHaveLength(5);
  });
});

describe.each(GOLD.map((g, i) => [g.file, g, GRAPHS[i]] as const))('seed %s', (_file, gold, graph) => {
  it('jurisdiction and year match the gold', () => {
    const { evidence: _evidence, ...expected } = gold.jurisdiction as typeof gold.jurisdiction & { evidence?: string };
    expect(graph.jurisdiction).toMatchObject(expected);
    // every reading says how sure it is and what decided it
    expect(graph.jurisdiction!.confidence).toBeGreaterThan(0.5);
    expect(graph.jurisdiction!.basis).toMatch(/\S/);
    expect(graph.year).toBe(gold.year);
  });

  it('issuer type matches the gold', () => {
    expect(graph.issuer?.type).toBe(gold.issuer.type);
  });

  it('every mention offset slices out a surface, inside its sentence', () => {
    const facts = [...graph.regulations, ...graph.initiatives];
    for (const f of facts)
      for (const m of f.mentions) {
        const slice = graph.text.slice(m.start, m.end);
        expect(f.surface).toContain(slice);
        expect(m.sentence).toContain(slice);
      }
    for (const p of graph.problems) for (const m of p.mentions) expect(graph.text.slice(m.start, m.end)).toBe(p.text);
    for (const x of graph.metrics) for (const m of x.mentions ?? []) expect(x.surface).toContain(graph.text.slice(m.start, m.end));
  });

  it('has a stable id from the normalized text', () => {
    expect(graph.reportId).toMatch(/^[0-9a-f]{16,64}$/);
    expect(extractReport(seed(gold.file)).reportId).toBe(graph.reportId);
  });
});

describe('on the seeds', () => {
  it('the 昌江区 report mentions 行政执法三项制度, and the sentence says why', () => {
    const changjiang = GRAPHS.find((g) => g.jurisdiction?.name === '昌江区')!;
    const found = changjiang.initiatives.find((i) => i.name === '行政执法三项制度');
    expect(found).toBeDefined();
    expect(found!.mentions[0].sentence).toMatch(/三项制度/);
  });

  it('scores through scoreAgainstGold(predicted, gold), and prints a table', () => {
    const result = scoreAgainstGold(GRAPHS, GOLD);
    expect(result.fields['jurisdiction.adminCode'].f1).toBe(1);
    expect(result.fields.year.f1).toBe(1);
    expect(result.lists.regulations.f1).toBeGreaterThanOrEqual(0.99);
    const table = formatEvalTable(result);
    expect(table).toMatch(/initiatives/);
    expect(table).toMatch(/jurisdiction\.level/);
  });

  it('a missing prediction scores as missing, not as an error', () => {
    const result = scoreAgainstGold(GRAPHS.slice(1), GOLD);
    expect(result.fields['jurisdiction.name'].recall).toBeCloseTo(0.8);
    expect(result.fields['jurisdiction.name'].precision).toBe(1);
  });
});

describe('citation actions', () => {
  it('a verb governs every title of a list (制定出台《A》《B》)', () => {
    const graph = extractReport(report('制定出台《某某区甲工作机制》《某某区乙制度(试行)》等制度。'));
    expect(graph.regulations.map((r) => r.action)).toEqual(['issued', 'issued']);
  });

  it('an attributive verb (出台的《…》) yields to the main verb', () => {
    const graph = extractReport(report('严格按照出台的《某某区出庭应诉规定》要求。'));
    expect(graph.regulations[0].action).toBe('implemented');
  });

  it('学习贯彻 is studying, 宣传片 is not a verb, and a film is kind other', () => {
    const graph = extractReport(report('认真学习贯彻《宪法》。区司法局宣传片《照进裂缝的光》荣登平台。'));
    const byTitle = Object.fromEntries(graph.regulations.map((r) => [r.title, r]));
    expect(byTitle.宪法.action).toBe('studied');
    expect(byTitle.照进裂缝的光).toMatchObject({ action: 'referenced', kind: 'other' });
  });

  it('a document the report says it issued is local', () => {
    const graph = extractReport(report('印发《关于开展某某主题实践的实施方案》。'));
    expect(graph.regulations[0]).toMatchObject({ scope: 'local', action: 'issued' });
  });
});

describe('initiatives', () => {
  it('discovers quoted names with a genre word, and lists closed by 等', () => {
    const graph = extractReport(report('开展“护校安园”专项行动,结合“容缺受理”“六减一增”等改革。'));
    const names = graph.initiatives.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['护校安园专项行动', '容缺受理', '六减一增']));
    const found = graph.initiatives.find((i) => i.name === '护校安园专项行动')!;
    expect(found.discovered).toBe(true);
    expect(found.surface).toContain('“护校安园”专项行动');
  });

  it('drops the place that runs an unquoted campaign from its name', () => {
    const graph = extractReport(report('开展德阳市罗江区营商环境突出问题专项整治行动。'));
    expect(graph.initiatives.map((i) => i.name)).toContain('营商环境突出问题专项整治行动');
  });

  it('does not report generic practices (合法性审查) as initiatives; a lexicon name is certain', () => {
    // since 0.3.0: generic practices are in knowledge/initiative-stoplist.json (gold GUIDELINES §5)
    const graph = extractReport(report('严格落实合法性审查,推行“三项制度”。'));
    const byName = Object.fromEntries(graph.initiatives.map((i) => [i.name, i]));
    expect(byName.合法性审查).toBeUndefined();
    expect(byName.行政执法三项制度.confidence).toBe(1);
  });

  it('never matches across a quote that splits a name (守护南粤”执法)', () => {
    const graph = extractReport(report('打造“铁拳出稽 守护南粤”执法品牌。'));
    for (const i of graph.initiatives) for (const s of i.surface) expect(s).not.toMatch(/^粤”/);
  });
});

describe('metrics', () => {
  it.each([
    ['全年开展区政府常务会会前学法19次。', 19, '次'],
    ['全区累计接种新冠疫苗34万余剂次。', 340000, '剂次'],
    ['投入资金5万余元。', 5, '万元'],
    ['组织领导干部参加法律知识考试42人(次)。', 42, '人次'],
    ['通过学法平台线上学习2000余人次。', 2000, '人次'],
    ['用户数突破15.33万。', 153300, null],
  ])('%s → %d %s', (sentence, value, unit) => {
    const graph = extractReport(report(sentence));
    expect(graph.metrics.some((m) => m.value === value && m.unit === unit)).toBe(true);
  });

  it('skips rules, ranges and numbers inside titles', () => {
    const graph = extractReport(report('每月1次召开例会,按照1000-1500人设置,印发《关于明确市县5个事项的通知》。'));
    expect(graph.metrics.map((m) => m.value)).not.toEqual(expect.arrayContaining([1]));
    expect(graph.metrics.map((m) => m.value)).not.toContain(1500);
    expect(graph.metrics.map((m) => m.value)).not.toContain(5);
  });
});

describe('aliases and normalization', () => {
  it.each([
    '行政执法公示、全过程记录、重大行政执法决定法制审核制度',
    '行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度',
    '行政执法公示、执法全过程记录、重大执法决定法制审核三项制度',
  ])('spelled-out %s → 行政执法三项制度', (name) => {
    expect(resolveInitiativeName(name)).toBe('行政执法三项制度');
  });

  it('finds a spelled-out variant in text as one mention', () => {
    const graph = extractReport(report('全面落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。'));
    const found = graph.initiatives.find((i) => i.name === '行政执法三项制度')!;
    expect(found.surface).toEqual(['行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度']);
  });

  it('turns full-width punctuation and digits half-width and drops cruft', () => {
    expect(normalizeText('\uFEFF２０２１—２０２５ 年，我市推进“放管服”改革；\n技术支持:某公司\n网站找错')).toBe('2021—2025年,我市推进“放管服”改革;');
  });

  it('《中华人民共和国X法》 and 《X法》 meet', () => {
    expect(canonicalRegulationTitle('《中华人民共和国行政复议法》')).toBe(canonicalRegulationTitle('行政复议法'));
  });
});

describe('report-likeness', () => {
  it('refuses a short news item', () => {
    expect(() => extractReport('本报讯 昨日,市民王先生在公园晨练时拾到一个钱包,随即交给了附近的民警。')).toThrow(NotAReportError);
  });
});
