// The extractor's rules on small texts of our own making (not the seeds):
// alias resolution, canonical titles, unbalanced brackets, normalization,
// duplicate place names, report-likeness, and the eval score floor.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSections } from '../../../src/extract/sections.js';
import { findYear } from '../../../src/extract/year.js';
import { canonicalRegulationTitle, checkReportLike, extractReport, normalizeText, NotAReportError, resolveInitiativeName } from '../../../src/extract/index.js';
import {
  HEARD_REPORT_NEWS,
  MEETING_NEWS,
  MEETING_NEWS_BODY,
  NOTICE,
  NOTICE_BODY,
  PLAN_BODY,
  POLICY_READING,
  PUFA_NEWS,
  SHORT_REPORT,
  SPEECH,
  SUMMARY_AND_POINTS,
  TRAINING_NEWS,
  WORK_POINTS_BODY,
} from '../../fixtures/not-reports.js';
import { findTitles } from '../../../src/extract/regulations.js';
import { chineseNumeral } from '../../../src/extract/metrics.js';
import { INITIATIVES } from '../../../src/extract/lexicon.js';
import { isStopName } from '../../../src/extract/discover.js';
import {
  bigramJaccard,
  bigramOverlap,
  normalizeTitle,
  runEval,
  sameInitiative,
  sameItem,
  sameMetric,
  scorePairs,
  type GoldReport,
} from '../../../src/eval/score.js';

/** A report-like text: enough governance prose around the given sentences. */
function report(body: string): string {
  const filler = '我区坚持依法行政,推进法治政府建设,加强行政执法监督,深化法治宣传教育,提升政府依法行政能力和水平。'.repeat(8);
  return `${body}\n一、主要工作\n${filler}\n${body}`;
}

describe('initiative aliases', () => {
  it.each([
    ['三项制度', '行政执法三项制度'],
    ['行政执法三项制度', '行政执法三项制度'],
    ['行政执法公示、全过程记录、重大行政执法决定法制审核三项制度', '行政执法三项制度'],
    ['“放管服”改革', '放管服改革'],
    ['“八五”普法', '八五普法'],
    // the national systems under the names of their duty (责任制) or their rules (制度)
    ['谁执法谁普法责任制', '谁执法谁普法'],
    ['负责人出庭应诉责任制度', '行政机关负责人出庭应诉制度'],
    ['行政执法人员资格管理制度', '行政执法人员持证上岗和资格管理制度'],
    ['行政执法资格准入制', '行政执法人员持证上岗和资格管理制度'],
  ])('%s → %s', (alias, canonical) => {
    expect(resolveInitiativeName(alias)).toBe(canonical);
  });

  it('reads the spelled-out forms its patterns allow as the system they name', () => {
    const graph = extractReport(report('健全镇党委书记带头履行推进法治建设第一责任人责任制度,完善每季度政府常务会专题学法制度。'));
    const names = graph.initiatives.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['党政主要负责人履行推进法治建设第一责任人职责', '政府常务会议会前学法']));
    expect(names.filter((n) => n.endsWith('责任制') || n.endsWith('学法制度'))).toEqual([]);
  });

  it('returns null for what the lexicon does not know', () => {
    expect(resolveInitiativeName('不存在的制度')).toBeNull();
  });

  it('finds the spelled-out form and the alias in one report as one initiative with both surfaces', () => {
    const graph = extractReport(report('全面推行行政执法公示、全过程记录、重大行政执法决定法制审核三项制度,落实“三项制度”。'));
    const found = graph.initiatives.filter((i) => i.name === '行政执法三项制度');
    expect(found).toHaveLength(1);
    expect(found[0].surface).toEqual(expect.arrayContaining(['行政执法公示、全过程记录、重大行政执法决定法制审核三项制度', '三项制度']));
    for (const m of found[0].mentions) expect(found[0].surface).toContain(graph.text.slice(m.start, m.end));
  });
});

describe('regulation titles', () => {
  it.each([
    ['法治政府建设实施纲要(2021-2025年)', '法治政府建设实施纲要（2021—2025年）'],
    ['法治政府建设实施纲要(2021—2025 年)', '法治政府建设实施纲要（2021—2025年）'],
    ['法治政府建设实施纲要（２０２１–２０２５年）', '法治政府建设实施纲要（2021—2025年）'],
    ['法治政府建设实施纲要(20212025年)', '法治政府建设实施纲要（2021—2025年）'],
    ['《中华人民共和国行政复议法》', '行政复议法'],
    ['民法典', '民法典'],
    ['关于贯彻落实<关于进一步加强市县法治建设的意见>的实施方案', '关于贯彻落实〈关于进一步加强市县法治建设的意见〉的实施方案'],
  ])('%s → %s', (surface, canonical) => {
    expect(canonicalRegulationTitle(surface)).toBe(canonical);
  });

  it('does not let an unbalanced 《 swallow the text after it', () => {
    const text = '学习《行政处罚法,并落实《优化营商环境条例》。又见《未闭合\n下一行《民法典》';
    expect(findTitles(text).map((s) => text.slice(s.start, s.end))).toEqual(['优化营商环境条例', '民法典']);
  });

  it('keeps a nested title inside its outer title', () => {
    const text = '制定《关于贯彻落实《法治政府建设实施纲要》的实施方案》。';
    expect(findTitles(text).map((s) => text.slice(s.start, s.end))).toEqual(['关于贯彻落实《法治政府建设实施纲要》的实施方案']);
  });

  it('reads kind, scope and action from the title and its governing verb', () => {
    const graph = extractReport(report('认真贯彻《中华人民共和国行政复议法》,修订《德阳市罗江区重大经济事项决策规定实施细则》,学习《民法典》。'));
    const byTitle = Object.fromEntries(graph.regulations.map((r) => [r.title, r]));
    expect(byTitle.行政复议法).toMatchObject({ kind: 'law', scope: 'national', action: 'implemented', count: 2 });
    expect(byTitle.德阳市罗江区重大经济事项决策规定实施细则).toMatchObject({ kind: 'normative_document', scope: 'local', action: 'revised', issuer: '罗江区' });
    expect(byTitle.民法典).toMatchObject({ kind: 'law', action: 'studied' });
  });
});

describe('normalization', () => {
  it('drops web cruft and stray spaces, unifies widths, and keeps offsets consistent', () => {
    const raw = '<<返回主站\r\n２０２４ 年,我区推行“三项制度”。\n主办:某县人民政府 技术支持:某公司\n政府网站找错\n';
    expect(normalizeText(raw)).toBe('2024年,我区推行“三项制度”。');
  });

  it('reads the radicals and dash glyphs a PDF font gives back as the characters they stand for', () => {
    // Kangxi radicals (⼀ ⾏), the simplified forms of the supplement (⻔ ⺠ ⻅), the two-em dash; a compatibility ideograph to its unified twin
    expect(normalizeText('⼀、⾏政执法⻔户向⼈⺠公开,⻅效显著⸺服务实体经济')).toBe('一、行政执法门户向人民公开,见效显著——服务实体经济');
    expect(normalizeText('\uf9b8')).toBe('隸');
    // a radical with no ideograph of its own (a component form) stays as written
    expect(normalizeText('⺈')).toBe('⺈');
  });
});

describe('issuer from the page', () => {
  // a township's report on its county's site: the article names its publisher, the footer the site's owner
  const page = (publisher: string) =>
    report(
      `发布机构：${publisher} 发布日期：2024-01-15\n2023年,我镇坚持以习近平法治思想为指导,推进法治政府建设。现将有关情况报告如下。\n主办：青山县人民政府办公室 技术支持：某公司`,
    );

  it("takes the article's publisher (发布机构) over the site's owner (主办) as issuer and place", () => {
    const graph = extractReport(page('白河镇人民政府'));
    // the publisher names a township; no county the text names holds it (青山县 is no GB/T 2260 county)
    expect(graph.jurisdiction).toMatchObject({ name: '白河镇', level: 'township', parent: null, basis: 'the publisher names 白河镇; its county is not named' });
    expect(graph.issuer).toEqual({ type: 'government', name: '白河镇人民政府' });
    expect(extractReport(page('青山县司法局')).issuer).toEqual({ type: 'department', name: '青山县司法局' });
  });

  it("falls back to the site's owner when the publisher is no full name (县政府办)", () => {
    expect(extractReport(page('县政府办')).issuer).toEqual({ type: 'government', name: '青山县人民政府办公室' });
  });
});

describe('jurisdiction', () => {
  it('settles a name shared by two districts (朝阳区) from the province the text names', () => {
    const changchun = extractReport(report('2023年,朝阳区坚持依法行政。我区在长春市委领导下,依托吉林省政务服务平台,推进“吉事办”。朝阳区'));
    expect(changchun.jurisdiction).toMatchObject({ name: '朝阳区', province: '吉林省', prefecture: '长春市', adminCode: '220104' });
    const beijing = extractReport(report('2023年,朝阳区坚持依法行政。我区在北京市委领导下推进“京通”建设。朝阳区'));
    expect(beijing.jurisdiction).toMatchObject({ name: '朝阳区', province: '北京市', adminCode: '110105' });
  });

  it('tells 昌江区 (江西) from 昌江黎族自治县 (海南)', () => {
    const hainan = extractReport(report('2022年,昌江黎族自治县坚持依法行政,我县推进“海易办”。昌江黎族自治县'));
    expect(hainan.jurisdiction).toMatchObject({ name: '昌江黎族自治县', province: '海南省', adminCode: '469026' });
  });
});

describe('report-likeness', () => {
  it.each([
    ['', /empty/],
    ['今天天气很好。'.repeat(60), /governance vocabulary/],
    ['Hello world, this is not Chinese at all.'.repeat(20), /Chinese characters/],
  ])('refuses %#', (text, reason) => {
    expect(() => extractReport(text)).toThrow(NotAReportError);
    expect(() => extractReport(text)).toThrow(reason);
  });

  // Each is long enough and full of the vocabulary: what refuses it is the reason named.
  it.each([
    ['meeting news by its headline', MEETING_NEWS, /title "青山县召开2023年法治政府建设工作推进会" ends in 推进会: news of a meeting/],
    ['meeting news without its headline, by the day in its first sentence', MEETING_NEWS_BODY, /first sentence carries a day \(\d+月\d+日\): a news item/],
    ['普法 news whose headline names no genre, by the day in its first sentence', PUFA_NEWS, /first sentence carries a day \(\d+月\d+日\): a news item/],
    ['a notice with numbered sections, by its title', NOTICE, /title "关于做好2023年度法治政府建设情况报告工作的通知" ends in 通知: a notice/],
    ['a notice without its title, by its closing', NOTICE_BODY, /closes with 特此通知: a notice/],
    ['an implementation plan without its title, by its opening', PLAN_BODY, /opens with …制定本方案: a work plan/],
    [
      'a policy interpretation of a report, by its title',
      POLICY_READING,
      /title "关于《青山县2023年度法治政府建设情况报告》的政策解读" ends in 解读: a policy interpretation/,
    ],
    ['training news with numbered points, by the day in its first sentence', TRAINING_NEWS, /first sentence carries a day \(9月12日\): a news item/],
    [
      'news of a meeting that heard the report, though its headline ends in 报告',
      HEARD_REPORT_NEWS,
      /title "县政府常务会议专题听取2023年度法治政府建设情况报告" holds 听取: news of a meeting that heard the report/,
    ],
    ['a speech, by its title', SPEECH, /title "在全县法治政府建设工作会议上的讲话" ends in 讲话: a speech/],
    ['work points without their title, by their opening', WORK_POINTS_BODY, /opens with …总体要求是: a work plan/],
  ])('refuses %s, saying why', (_case, text, reason) => {
    expect(() => checkReportLike(normalizeText(text))).toThrow(reason);
    expect(() => extractReport(text)).toThrow(NotAReportError);
  });

  it('accepts a short report counting 一是…二是… under a combined title (总结暨…要点), by its 现将…报告如下', () => {
    expect(() => checkReportLike(normalizeText(SUMMARY_AND_POINTS))).not.toThrow();
    // without the formula nothing says it is a report: a title naming work points, and no numbered section
    expect(() => checkReportLike(normalizeText(SUMMARY_AND_POINTS.replace('现将有关情况报告如下。', '')))).toThrow(/no 现将…报告如下/);
  });

  it('a headline verb refuses a title without a genre word (…举办…)', () => {
    const text = MEETING_NEWS.replace('召开2023年法治政府建设工作推进会', '举办2023年法治政府建设专题讲座');
    expect(() => checkReportLike(normalizeText(text))).toThrow(/is a headline \(举办\): news of an event/);
  });

  it('accepts a short report (title and numbered sections), and either signal alone', () => {
    const graph = extractReport(SHORT_REPORT);
    expect(graph.title).toBe('青山县自然资源局2023年法治政府建设工作情况报告');
    expect(graph.problems.map((p) => p.text)).toEqual(['执法人员专业能力还有差距', '基层执法力量相对薄弱']);
    const untitled = SHORT_REPORT.split('\n').slice(1).join('\n');
    expect(() => checkReportLike(normalizeText(untitled))).not.toThrow();
    const unnumbered = SHORT_REPORT.replace(/^[一二三]、|^\([一二三]\)/gm, '');
    expect(unnumbered).not.toMatch(/^[一二三]、/m);
    expect(() => checkReportLike(normalizeText(unnumbered))).not.toThrow();
    // the opening's 现将有关情况报告如下 alone still says it is a report
    const bare = unnumbered.split('\n').slice(1).join('\n');
    expect(() => checkReportLike(normalizeText(bare))).not.toThrow();
    // none of the three: the refusal names them all
    expect(() => checkReportLike(normalizeText(bare.replace('现将有关情况报告如下。', '')))).toThrow(
      /no report title .*, no numbered section .* and no 现将…报告如下/,
    );
  });

  it('a report title wins over a genre word elsewhere at the top, and a numbered section counts after punctuation (a page on one line)', () => {
    const withMeta = SHORT_REPORT.replace('\n', '\n发布机构:县自然资源局 文种:通知\n');
    expect(() => checkReportLike(normalizeText(withMeta))).not.toThrow();
    const oneLine = SHORT_REPORT.split('\n').slice(1).join('');
    expect(oneLine).toContain('。一、主要举措');
    expect(() => checkReportLike(oneLine)).not.toThrow();
    // 统一、 and 第一、 continue a word: they are not headings
    const words = oneLine
      .replace(/[一二三]、/g, (m) => `统${m}`)
      .replace(/\(([一二三])\)/g, '第$1、')
      .replace('现将有关情况报告如下。', '');
    expect(() => checkReportLike(words)).toThrow(/no numbered section/);
  });
});

/**
 * A report-like text of our own: the given lines, with a neutral paragraph
 * (no place, no voice, no numbers) after the first 一、 heading so that the
 * text is long enough to be a report.
 */
function fixture(lines: string[]): string {
  const neutral = '坚持依法行政,推进法治政府建设,加强行政执法监督,深化法治宣传教育,提升依法行政能力和水平,法治政府建设取得新成效。'.repeat(6);
  const at = lines.findIndex((l) => l.startsWith('一、'));
  return [...lines.slice(0, at + 1), neutral, ...lines.slice(at + 1)].join('\n');
}

describe('sections and the year (issue 3)', () => {
  it('parses the heading hierarchy 一、 (一) 1. (1) into paths and classifies the top-level sections', () => {
    const text = [
      '一、2024年法治政府建设主要举措和成效',
      '(一)深化“放管服”改革',
      '1.推进政务服务标准化。全面推行告知承诺制。',
      '(1)清理证明事项。共清理证明事项12项。',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的问题及下一步工作打算',
      '四、其他事项',
    ].join('\n');
    const sections = parseSections(text);
    expect(sections.map((s) => [s.level, s.path.join(' > ')])).toEqual([
      [1, '一、2024年法治政府建设主要举措和成效'],
      [2, '一、2024年法治政府建设主要举措和成效 > (一)深化“放管服”改革'],
      [3, '一、2024年法治政府建设主要举措和成效 > (一)深化“放管服”改革 > 1.推进政务服务标准化'],
      [4, '一、2024年法治政府建设主要举措和成效 > (一)深化“放管服”改革 > 1.推进政务服务标准化 > (1)清理证明事项'],
      [1, '二、党政主要负责人履行推进法治建设第一责任人职责情况'],
      [1, '三、存在的问题及下一步工作打算'],
      [1, '四、其他事项'],
    ]);
    // the kinds of the top-level section, inherited by its subsections
    expect(sections.map((s) => s.kinds)).toEqual([
      ['achievements'],
      ['achievements'],
      ['achievements'],
      ['achievements'],
      ['leadership'],
      ['problems', 'plans'],
      ['other'],
    ]);
    // a decimal is not a heading
    expect(parseSections('2.5亿元用于法治建设')).toEqual([]);
  });

  it('reads the year from the title, the opening, or 今年以来 against the publication date', () => {
    expect(findYear('今年以来,我县坚持依法行政。', '台前县2023年法治政府建设情况报告', null)).toBe(2023);
    expect(findYear('2024年,我市坚持依法行政。', null, null)).toBe(2024);
    // published early in 2022: 今年以来 looks back on 2021; published in the summer, on the same year
    expect(findYear('今年以来,我县坚持依法行政。', null, '2022-01-26')).toBe(2021);
    expect(findYear('今年以来,我县坚持依法行政。', null, '2022-07-01')).toBe(2022);
    expect(findYear('去年,我县坚持依法行政。', null, '2022-07-01')).toBe(2021);
  });

  it("does not take the end of a plan's period for the year reported on", () => {
    const text = '市政府印发《法治政府建设实施方案(2022—2025年)》和《分工方案(2022-2025年)》。印发《2022年法治政府建设工作要点》。';
    expect(findYear(`一、主要工作\n${text}`, null, null)).toBe(2022);
    expect(findYear('今年以来,制定贯彻落实法治领域改革纲要(2023—2027年)任务分工方案。', null, null)).toBeNull();
  });
});

describe('hard cases (issue 3), each on its own small fixture', () => {
  describe('duplicate place names', () => {
    it('昌江区 (江西 景德镇) from its prefecture and provincial markers', () => {
      const g = extractReport(
        fixture([
          '昌江区2021年法治政府建设工作情况报告',
          '2021年,昌江区在景德镇市委、市政府的领导下,坚持依法行政,推进法治政府建设。我区依托“赣服通”平台深化“放管服”改革,落实行政执法三项制度,加强法治宣传,政府依法行政能力明显提升。',
          '一、主要工作',
          '(一)推进依法行政。我区严格执行重大行政决策程序,完善政府法律顾问制度,行政执法规范化水平不断提高,法治政府建设取得新成效。',
        ]),
      );
      expect(g.jurisdiction).toMatchObject({ name: '昌江区', province: '江西省', prefecture: '景德镇市', level: 'county', adminCode: '360202' });
    });

    it('昌江黎族自治县 (海南) when the text names it and 海南 markers', () => {
      const g = extractReport(
        fixture([
          '2022年,昌江黎族自治县坚持依法行政,推进法治政府建设。我县依托“海易办”深化“放管服”改革,落实行政执法三项制度,加强法治宣传教育,政府依法行政能力明显提升,法治政府建设取得新成效。',
          '一、主要工作',
          '(一)推进依法行政。昌江黎族自治县严格执行重大行政决策程序,完善法律顾问制度,行政执法规范化水平不断提高。',
        ]),
      );
      expect(g.jurisdiction).toMatchObject({ name: '昌江黎族自治县', province: '海南省', level: 'county', adminCode: '469026' });
    });

    it('朝阳区 of 长春 when 吉林 and 长春 are named, of 北京 otherwise', () => {
      const body = '坚持依法行政,推进法治政府建设,落实行政执法三项制度,加强法治宣传教育,政府依法行政能力明显提升,法治政府建设取得新成效。'.repeat(3);
      const changchun = extractReport(fixture([`2023年,朝阳区在长春市委领导下${body}`, '一、主要工作', '我区依托“吉事办”深化改革。']));
      expect(changchun.jurisdiction).toMatchObject({ name: '朝阳区', province: '吉林省', prefecture: '长春市', adminCode: '220104' });
      const beijing = extractReport(fixture([`2023年,朝阳区在北京市委领导下${body}`, '一、主要工作', '我区依托“京通”深化改革。']));
      expect(beijing.jurisdiction).toMatchObject({ name: '朝阳区', province: '北京市', adminCode: '110105' });
    });

    it('a national slogan is no provincial marker: 普陀区 of 舟山 stays in 浙江 with 一网通办', () => {
      const body = '坚持依法行政,推进法治政府建设,落实行政执法三项制度,加强法治宣传教育,政府依法行政能力明显提升,法治政府建设取得新成效。'.repeat(3);
      // was: 上海市普陀区 (一网通办 counted as a 上海 marker and outweighed the named prefecture)
      const g = extractReport(fixture([`2023年,普陀区在舟山市委领导下${body}`, '一、主要工作', '我区推进“一网通办”改革。']));
      expect(g.jurisdiction).toMatchObject({ name: '普陀区', province: '浙江省', prefecture: '舟山市', adminCode: '330903' });
    });

    it("a place the report only visits is not the report's place", () => {
      const g = extractReport(
        fixture([
          '2022年,我局坚持依法行政,推进法治政府建设。局长带队到永川区学习法治政府建设经验,牵头开展我区法治政府建设示范创建工作。',
          '一、主要工作',
          '拟定《荣昌区法治政府建设实施方案(2022-2025)》,统筹推进全区法治政府建设,加强行政执法监督和法治宣传教育,依法行政水平不断提升。现将我局2022年法治政府建设情况报告如下。',
        ]),
      );
      expect(g.jurisdiction).toMatchObject({ name: '荣昌区', province: '重庆市' });
    });
  });

  describe('merged sections', () => {
    it('splits 存在的问题及下一步工作打算 into problems and plans', () => {
      const g = extractReport(
        fixture([
          '2023年,我县坚持依法行政,推进法治政府建设,落实行政执法三项制度,深化“放管服”改革,加强法治宣传教育,政府依法行政能力明显提升。',
          '一、主要工作',
          '我县严格执行重大行政决策程序,完善法律顾问制度,行政执法规范化水平不断提高,法治政府建设取得新成效。',
          '二、存在的问题及下一步工作打算',
          '一是行政执法人员能力和水平还有差距;二是法治宣传的针对性还不够强。',
          '下一步,我县将深入实施提升行政执法质量三年行动,推进“放管服”改革,加强法治政府建设。',
        ]),
      );
      expect(g.problems.map((p) => p.text)).toEqual(['行政执法人员能力和水平还有差距', '法治宣传的针对性还不够强']);
      expect(g.problems[0].theme).toBe('执法能力不足');
      expect(g.plans).toHaveLength(1);
      expect(g.plans[0].text).toMatch(/^我县将深入实施提升行政执法质量三年行动/);
      expect(g.plans[0].initiatives).toEqual(expect.arrayContaining(['提升行政执法质量三年行动', '放管服改革']));
    });

    it('finds 一是 after a comma that ends the lead-in', () => {
      const g = extractReport(
        fixture([
          '2024年,我区坚持依法行政,推进法治政府建设,落实行政执法三项制度,加强法治宣传教育,政府依法行政能力明显提升,法治政府建设取得新成效。',
          '一、主要工作',
          '我区严格执行重大行政决策程序,完善法律顾问制度,行政执法规范化水平不断提高。',
          '二、存在的不足',
          '我区法治政府建设取得一定成效,但仍面临一些问题,一是推动机制有待进一步健全;二是执法人员能力还有差距。',
        ]),
      );
      expect(g.problems.map((p) => p.text)).toEqual(['推动机制有待进一步健全', '执法人员能力还有差距']);
    });

    it.each([
      ['bare', '执法人员能力不足；法治宣传针对性不强；基层法治力量薄弱。'],
      ['after a lead-in ending in ：', '我区法治政府建设还存在一些不足：执法人员能力不足；法治宣传针对性不强；基层法治力量薄弱。'],
    ])('splits an unenumerated list separated by ； into items (%s)', (_case, list) => {
      const g = extractReport(
        fixture([
          '2024年,我区坚持依法行政,推进法治政府建设,落实行政执法三项制度,加强法治宣传教育,政府依法行政能力明显提升,法治政府建设取得新成效。',
          '一、主要工作',
          '我区严格执行重大行政决策程序,完善法律顾问制度,行政执法规范化水平不断提高。',
          '二、存在的问题',
          list,
        ]),
      );
      expect(g.problems.map((p) => p.text)).toEqual(['执法人员能力不足', '法治宣传针对性不强', '基层法治力量薄弱']);
      expect(g.problems[0].theme).toBe('执法能力不足');
      for (const p of g.problems) expect(g.text.slice(p.mentions[0].start, p.mentions[0].end)).toBe(p.text);
    });
  });

  describe('dash variants and brackets', () => {
    it.each(['(2021-2025年)', '(2021—2025年)', '(2021–2025年)', '(2021~2025年)', '（２０２１－２０２５年）', '(20212025年)', '(2021 — 2025 年)'])(
      '法治政府建设实施纲要%s is one title',
      (years) => {
        expect(canonicalRegulationTitle(`法治政府建设实施纲要${years}`)).toBe('法治政府建设实施纲要（2021—2025年）');
      },
    );

    it('keeps a non-numeric —— subtitle separator', () => {
      expect(canonicalRegulationTitle('法律顾问助力企业高质量发展——服务实体经济实用法律手册')).toBe('法律顾问助力企业高质量发展——服务实体经济实用法律手册');
    });

    it('variants of one title in one report are one regulation with every surface', () => {
      const g = extractReport(
        fixture([
          '2022年,我市深入贯彻《法治政府建设实施纲要(2021-2025年)》,落实《法治政府建设实施纲要（2021—2025年）》和《法治政府建设实施纲要(20212025年)》,推进依法行政,加强法治政府建设,行政执法规范化水平不断提高,法治宣传教育深入开展,政府依法行政能力明显提升。',
          '一、主要工作',
          '我市严格执行重大行政决策程序,完善法律顾问制度。',
        ]),
      );
      expect(g.regulations).toHaveLength(1);
      expect(g.regulations[0]).toMatchObject({
        title: '法治政府建设实施纲要（2021—2025年）',
        count: 3,
        kind: 'plan',
        scope: 'national',
        action: 'implemented',
      });
      expect(g.regulations[0].surface).toHaveLength(3);
    });

    it('nested titles count once, as the outer title; an unbalanced 《 swallows nothing', () => {
      const text =
        '印发《关于贯彻落实<关于加强市县法治建设的意见>的实施方案》和《关于落实《优化营商环境条例》的通知》。学习《行政处罚法,并执行《行政复议法》。';
      expect(findTitles(text).map((s) => text.slice(s.start, s.end))).toEqual([
        '关于贯彻落实<关于加强市县法治建设的意见>的实施方案',
        '关于落实《优化营商环境条例》的通知',
        '行政复议法',
      ]);
    });
  });

  describe('Chinese numerals and 万/亿 in metrics', () => {
    it.each([
      ['两', 2],
      ['十', 10],
      ['十二', 12],
      ['二十', 20],
      ['二十五', 25],
      ['一百二十', 120],
      ['三千', 3000],
      ['八五', NaN],
    ])('%s → %d', (numeral, value) => {
      expect(chineseNumeral(numeral)).toBe(value);
    });

    it.each([
      ['集中举办了两期集中轮训。', 2, '期', null],
      ['开展法治讲座十余次。', 10, '次', '余'],
      ['培训2万余人次。', 20000, '人次', '余'],
      ['发放宣传资料1.3万余份。', 13000, '份', '余'],
      ['查处案件货值2.1亿余元。', 2.1, '亿元', '余'],
      ['网上办件率95%以上。', 95, '%', '以上'],
      ['企业开办时间压缩到2个工作日内。', 2, '个工作日', '内'],
    ])('%s → %d %s', (sentence, value, unit, qualifier) => {
      const g = extractReport(report(sentence));
      const found = g.metrics.find((m) => m.value === value && m.unit === unit);
      expect(found, JSON.stringify(g.metrics)).toBeDefined();
      expect(found!.qualifier ?? null).toBe(qualifier);
    });

    it('ordinals, names and slogans with numerals are not metrics', () => {
      const g = extractReport(report('学习市委八届六次全会精神,增强“四个意识”,落实三项制度,坚持一次不跑,开展第二次检查,进行二次开发。'));
      expect(g.metrics.map((m) => m.surface)).toEqual([]);
    });

    it('names what the unit counts (对26家行政执法单位开展检查)', () => {
      const g = extractReport(report('采取查阅资料等形式对26家行政执法单位开展专项检查。'));
      expect(g.metrics.find((m) => m.value === 26)?.indicator).toMatch(/行政执法单位/);
    });
  });

  describe('department reports', () => {
    it('a department that names itself (我局 … 某某市司法局) is the issuer, named as the text gives it', () => {
      const g = extractReport(
        fixture([
          '沅江市司法局2023年法治政府建设工作报告',
          '2023年,沅江市司法局在市委、市政府的领导下,坚持依法行政,推进法治政府建设。我局深入开展“八五”普法,落实“谁执法谁普法”普法责任制,加强法律援助和人民调解工作,法治宣传教育深入开展。',
          '一、主要工作',
          '局党组严格落实党政主要负责人履行推进法治建设第一责任人职责,我局干职工依法履职,行政执法规范化水平不断提高。',
        ]),
      );
      expect(g.jurisdiction).toMatchObject({ name: '沅江市', level: 'county', province: '湖南省' });
      expect(g.issuer).toEqual({ type: 'department', name: '沅江市司法局' });
    });

    it('现将我局…报告如下 makes a department report even where 全区 is frequent', () => {
      const g = extractReport(
        fixture([
          '2022年,区司法局坚持依法行政,服务全区高质量发展,推进全区法治政府建设,统筹全区普法依法治理,全区法治宣传教育深入开展。现将我局2022年法治政府建设情况报告如下。',
          '一、主要工作',
          '区司法局党委书记、局长率先垂范,拟定《荣昌区法治政府建设实施方案(2022-2025)》,推动全区法治政府建设示范创建,行政执法规范化水平不断提高。',
        ]),
      );
      expect(g.issuer).toEqual({ type: 'department', name: '荣昌区司法局' });
    });

    it("现将市政府办公室…报告如下: a government's general office reports as a department of it, not as the government", () => {
      const g = extractReport(
        fixture([
          '保山市人民政府办公室2022年度法治政府建设情况报告',
          '根据《法治政府建设与责任落实督察工作规定》,现将市政府办公室2022年度法治政府建设情况报告如下:',
          '一、2022年工作推进情况',
          '2022年,市政府办公室坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实市委、市政府关于法治政府建设的决策部署,推进依法行政。',
        ]),
      );
      expect(g.issuer?.type).toBe('department');
      const government = extractReport(
        fixture([
          '保山市人民政府2022年度法治政府建设情况报告',
          '根据《法治政府建设与责任落实督察工作规定》,现将市政府2022年度法治政府建设情况报告如下:',
          '一、2022年工作推进情况',
          '2022年,我市坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党中央、国务院关于法治政府建设的决策部署,推进依法行政。',
        ]),
      );
      expect(government.issuer).toMatchObject({ type: 'government', name: '保山市人民政府' });
    });

    it('a first sentence whose subject is a department (2022年,县司法局紧紧围绕…) makes a department report', () => {
      const g = extractReport(
        fixture([
          '2022年,县司法局紧紧围绕县委、县政府中心工作,立足司法行政实际,深入践行习近平法治思想,为我县高质量发展提供强有力的法治保障。',
          '一、主要工作',
          '潼关县深入开展“八五”普法,落实“谁执法谁普法”普法责任制,加强法律援助和人民调解工作,我县法治宣传教育深入开展,行政执法规范化水平不断提高。',
        ]),
      );
      expect(g.jurisdiction).toMatchObject({ name: '潼关县' });
      expect(g.issuer).toEqual({ type: 'department', name: '潼关县司法局' });
      // a government's opening is not one: 2022年,县委、县政府…
      const government = extractReport(
        fixture([
          '2022年,在县委的坚强领导下,潼关县人民政府紧紧围绕法治政府建设目标,深入践行习近平法治思想,为我县高质量发展提供法治保障。',
          '一、主要工作',
          '潼关县深入开展“八五”普法,落实“谁执法谁普法”普法责任制,加强法律援助和人民调解工作,我县法治宣传教育深入开展,行政执法规范化水平不断提高。',
        ]),
      );
      expect(government.issuer).toEqual({ type: 'government', name: '潼关县人民政府' });
    });

    it('a department that never names itself gets an inferred name', () => {
      const g = extractReport(
        fixture([
          '2022年,我局坚持依法行政,推进法治政府建设,深化“放管服”改革,优化政务服务大厅管理,推进行政审批服务标准化,政务服务中心窗口效能不断提升,法治政府建设取得新成效。',
          '一、主要工作',
          '局党组落实第一责任人职责,我局推行“一件事一次办”,行政审批效率不断提高,干职工依法履职。',
        ]),
      );
      expect(g.issuer).toMatchObject({ type: 'department', inferred: true });
      expect(g.issuer!.name).toMatch(/行政审批服务局$/);
    });
  });

  describe('initiative discovery', () => {
    it('finds quoted names, marks them discovered with a confidence, and drops slogans and generic words', () => {
      const g = extractReport(
        report(
          '大力实施“亮比评服务行动”,开展“法治大讲堂”,坚持“群众为先、服务至上”工作理念,杜绝“缺位”现象,“线下”与“线上”结合,对“差评”及时整改,打通“最后一公里”。',
        ),
      );
      const names = g.initiatives.map((i) => i.name);
      expect(names).toContain('亮比评服务行动');
      expect(names).toContain('法治大讲堂');
      for (const slogan of ['缺位', '线下', '线上', '差评', '群众为先、服务至上', '群众为先服务至上', '最后一公里']) expect(names).not.toContain(slogan);
      const found = g.initiatives.find((i) => i.name === '亮比评服务行动')!;
      expect(found.discovered).toBe(true);
      expect(found.confidence).toBeGreaterThan(0);
      expect(found.confidence).toBeLessThan(1);
    });

    it('a quote standing alone is no name when what follows makes it a vision, a principle, a problem or an area', () => {
      const names = extractReport(
        report(
          '为建设“强富美高”新南京提供法治保障,按照“法治立局”的工作要求推进,解决群众关心的“人防车位”问题,完成“两河三湖”流域禁捕,按照省司法厅“三区六室”要求建设复议场所。',
        ),
      ).initiatives.map((i) => i.name);
      for (const w of ['强富美高', '法治立局', '人防车位', '两河三湖']) expect(names).not.toContain(w);
      // a zone spoken of by its ending is a place too
      const zone = extractReport(report('努力为建设“共建共享”新开发区提供有力的法治保障。')).initiatives.map((i) => i.name);
      expect(zone).not.toContain('共建共享');
      // a goal, an idea or a manner
      const more = extractReport(report('以建设“法治人社”为目标,围绕“一二三六”发展思路,采用“四不两直”方式开展检查。')).initiatives.map((i) => i.name);
      for (const w of ['法治人社', '一二三六', '四不两直']) expect(more).not.toContain(w);
      // a standard's name before 要求 stays
      expect(names).toContain('三区六室');
      // a theme, a main line, a notion, a form, a new journey
      const themes = extractReport(
        report(
          '以“依法护企暖心助企”为主题开展宣传,举办“喜迎盛会奋勇争先”主题展览,紧扣“服务发展”这条工作主线,树牢“权由法定”观念,以“集中学加自主学”的形式学法,开启“幸福城乡共建”新征程,推行“容缺先办”。',
        ),
      ).initiatives.map((i) => i.name);
      for (const w of ['依法护企暖心助企', '喜迎盛会奋勇争先', '权由法定', '集中学加自主学', '幸福城乡共建']) expect(themes, w).not.toContain(w);
      // a quote standing alone with none of these after it is still a name
      expect(themes).toContain('容缺先办');
    });

    it("an honour received, a role taken, a learning format, a window, a goal and a talk's title are no names", () => {
      const names = extractReport(
        report(
          '获评“贵州省禁毒示范城市”,勇当改革“开路先锋”,通过“专人主讲”学、“观看视频”学等方式学法,设立“办不成事”反映窗口,实现“双争目标”,以“快严细实”为导向,以“扎实推进依法行政、建设法治政府”为题开展专题讲座,开展“法治体检”专项行动。',
        ),
      ).initiatives.map((i) => i.name);
      for (const w of ['贵州省禁毒示范城市', '开路先锋', '专人主讲', '观看视频', '办不成事', '双争目标', '快严细实', '扎实推进依法行政、建设法治政府'])
        expect(names, w).not.toContain(w);
      // a campaign named the same way stays
      expect(names.some((n) => n.startsWith('法治体检'))).toBe(true);
    });

    it('an honour won, a goal striven for, an indicator, a talk, a role and an outcome to reach are no names; an account is named with its platform', () => {
      const names = extractReport(
        report(
          '荣膺全国首批“法治政府建设示范区”称号,紧紧围绕“建设现代化交通强市”奋斗目标,纳入“法治政府建设”考核指标,作“重视行政诉讼促进依法行政”专题培训,以“执法人员”身份参与执法,做到“应放尽放”,在“古丈司法”公众号发布信息,开展“法治体检”专项行动。',
        ),
      ).initiatives.map((i) => i.name);
      for (const w of ['法治政府建设示范区', '建设现代化交通强市', '法治政府建设', '重视行政诉讼促进依法行政', '执法人员', '应放尽放', '古丈司法'])
        expect(names, w).not.toContain(w);
      expect(names).toContain('古丈司法公众号');
      expect(names.some((n) => n.startsWith('法治体检'))).toBe(true);
    });

    it('a quoted brand with 建设 after it is the campaign; a creating verb is no part of the name before a quote', () => {
      const names = extractReport(report('为“法治中村”建设提供保障,全市首创行政审批“1+X”服务体系。')).initiatives.map((i) => i.name);
      expect(names).toEqual(expect.arrayContaining(['法治中村建设', '行政审批1+X服务体系']));
      expect(names).not.toContain('法治中村');
      // nor is the verb that puts one thing into another (纳入, 融入, 列入) or what stands before it
      const into = extractReport(
        report('将依法行政纳入部门“双述双评”考核机制,主动融入全省执法队伍“大培训大轮训”活动,把合规审查列入市局“三审一签”工作制度。'),
      ).initiatives.map((i) => i.name);
      expect(into).toEqual(expect.arrayContaining(['双述双评考核机制', '大培训大轮训活动', '三审一签工作制度']));
      for (const n of into) expect(n, n).not.toMatch(/纳入|融入|列入/);
    });

    it('a quoted name with 创建 after it is the 创建 campaign (the campaign counts, not the title it aims at)', () => {
      const names = extractReport(report('积极推进“法治医院”创建试点工作,深入开展“全国文明城市”创建。')).initiatives.map((i) => i.name);
      expect(names).toEqual(expect.arrayContaining(['法治医院创建', '全国文明城市创建']));
      expect(names).not.toContain('法治医院');
    });

    it('ideology formulas and the bodies a government answers to are no initiatives (三新一高, 一府两院)', () => {
      const names = extractReport(report('立足“三新一高”,支持“一府一委两院”依法依规开展工作,强化“一府两院”良性互动,全面推行说理式执法。')).initiatives.map(
        (i) => i.name,
      );
      for (const w of ['三新一高', '一府一委两院', '一府两院', '说理式执法']) expect(names, w).not.toContain(w);
    });

    it('the concepts of the field itself are no initiatives, quoted or not (“法治政府”, 依法行政)', () => {
      const names = extractReport(report('着力打造包含“法治政府”在内的“十型”政府,推进“法治社会”和“依法行政”,深化“两服务两提升”。')).initiatives.map(
        (i) => i.name,
      );
      for (const w of ['法治政府', '法治社会', '依法行政']) expect(names, w).not.toContain(w);
      // a quoted name standing alone still is one
      expect(names).toContain('两服务两提升');
    });

    it('the first-responsibility system and the pre-appointment law exam in the wordings reports use', () => {
      const of = (text: string) => extractReport(report(text)).initiatives.map((i) => i.name);
      for (const text of ['坚持把推进法治政府建设第一责任人的职责扛在肩上。', '认真落实党政主要负责同志履行法治政府建设第一责任人的职责。'])
        expect(of(text), text).toContain('党政主要负责人履行推进法治建设第一责任人职责');
      for (const text of ['新任命领导干部任前学法考试参考率100%。', '组织领导干部任前法律知识测试活动。'])
        expect(of(text), text).toContain('领导干部任前考法制度');
    });

    it('the national systems under the names reports give them', () => {
      const of = (text: string) => extractReport(report(text)).initiatives.map((i) => i.name);
      // 领导干部学法 is the leaders' law-learning system; in a series of verbs it is only a verb
      expect(of('实现领导干部学法全覆盖。')).toContain('领导干部学法用法制度');
      expect(of('领导干部学法、懂法、用法、守法。')).not.toContain('领导干部学法用法制度');
      // 制度化 is "made a routine", not the system: only the second sentence names it (the fixture holds the text twice)
      const routine = extractReport(report('推动学法用法制度化、规范化。建立学法用法制度。')).initiatives.find((i) => i.name === '领导干部学法用法制度');
      expect(routine?.mentions.map((m) => m.sentence)).toEqual(['建立学法用法制度。', '建立学法用法制度。']);
      expect(of('推动学法用法制度化、规范化。')).not.toContain('领导干部学法用法制度');
      // a form right before 领导小组 or 指挥部 names a body, not the initiative
      expect(of('成立法治政府示范创建领导小组,设立区疫情联防联控指挥部。')).toEqual([]);
      expect(of('推进法治政府示范创建,做好疫情联防联控。')).toEqual(expect.arrayContaining(['法治政府建设示范创建', '新冠肺炎疫情联防联控']));
      // a quoted name is one name: 放管服 only begins “放管服效”, a reform of its own
      expect(of('持续推进“放管服效”改革。')).not.toContain('放管服改革');
      expect(of('持续推进“放管服效”改革。')).toContain('放管服效改革');
      expect(of('深化“放管服”改革。')).toContain('放管服改革');
      // its list of laws to learn is a system of its own
      expect(of('建立领导干部学法清单制度。')).toEqual(expect.arrayContaining(['领导干部学法清单制度']));
      expect(of('年内市政府常务会议集体学法5次。')).toContain('政府常务会议会前学法');
      for (const text of [
        '持续巩固全国法治政府示范市创建成果。',
        '为创建“全国法治政府示范县”奠定基础。',
        '组织开展第三批全省法治政府建设创建示范活动。',
        '努力创建全国、省、州法治政府建设示范县。',
        '对照创建云南省法治政府建设示范县指标逐项落实。',
      ]) {
        expect(of(text), text).toContain('法治政府建设示范创建');
      }
      for (const text of ['做好市县法治建设实地督察迎检工作。', '开展法治政府建设责任落实专项督察2次。']) expect(of(text), text).toContain('法治督察');
      // named only by the title of its own rule: carried out (落实《…规定》) it counts, cited (根据《…规定》) it does not
      expect(of('严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》,亲自部署重要工作。')).toContain('党政主要负责人履行推进法治建设第一责任人职责');
      for (const text of [
        '认真落实《河北省党政主要负责人履行推进法治建设第一责任人职责实施办法》。',
        '认真落实《党政主要负责人履行推进法治建设第一责任人职责规定实施细则》。',
        '认真落实《关于党政主要负责人履行推进法治建设第一责任人职责的规定》。',
      ])
        expect(of(text), text).toContain('党政主要负责人履行推进法治建设第一责任人职责');
      expect(of('严格执行《行政机关负责人出庭应诉暂行办法》。')).toContain('行政机关负责人出庭应诉制度');
      expect(of('根据《法治政府建设与责任落实督察工作规定》,现将有关情况报告如下。')).not.toContain('法治督察');
      // a rule about a work or a procedure, carried out, is still cited, not the system named
      expect(of('认真落实《法治政府建设与责任落实督察工作规定》,及时制定印发工作指引。')).not.toContain('法治督察');
      expect(of('认真贯彻《重大行政决策程序暂行条例》,规范决策行为。')).not.toContain('重大行政决策法定程序');
    });

    it('figures of speech, counted slogans, quoted instructions, documents and courses are no names; a named event is', () => {
      const g = extractReport(
        report(
          '打好“学习牌”,打赢“三场硬仗”,防范“三股势力”,落实“实行法治建设年度报告制度”要求,对照“2023年法治上城建设工作要点”,举办“安化县法制政府建设业务培训班”,制定《新市街道办事处财务管理制度》,开展“宪法与浙江”宣传月活动。',
        ),
      );
      const names = g.initiatives.map((i) => i.name);
      for (const w of [
        '学习牌',
        '三场硬仗',
        '三股势力',
        '实行法治建设年度报告制度',
        '2023年法治上城建设工作要点',
        '安化县法制政府建设业务培训班',
        '新市街道办事处财务管理制度',
      ]) {
        expect(names, w).not.toContain(w);
      }
      expect(names).toContain('宪法与浙江宣传月');
      // a system named inside a document's title that implements it still counts (GUIDELINES §5)
      expect(extractReport(report('印发《“护校安园”专项行动实施方案》。')).initiatives.map((i) => i.name)).toContain('护校安园专项行动');
    });

    it('keeps the stop list as data', () => {
      for (const w of [
        '缺位',
        '线下',
        '差评',
        '群众为先、服务至上',
        '关键少数',
        '送法进企业',
        '习近平法治思想大讲堂',
        '深入学习贯彻党的二十大精神宣讲活动',
        '清风辽宁政务窗口评选活动',
      ])
        expect(isStopName(w), w).toBe(true);
      expect(isStopName('三促一评活动')).toBe(false);
      // the theory only at a name's head, after its study words
      expect(isStopName('践行习近平法治思想提升人民群众法治获得感满意度主题实践活动')).toBe(false);
    });

    it("a committee's numbered deployment and a coded system are named with their code; a code alone names nothing", () => {
      const g = extractReport(
        report(
          '紧扣省委“1310”具体部署和市委“1312”思路举措,落实自治区法治政府建设“15336”部署要求,推行行政审批“1+X”服务体系,构建“1+11”“全城通办”政务服务体系,对标“2035”远景目标,落实地委“12114”工作思路和县委“1445”总体思路。',
        ),
      );
      const names = g.initiatives.map((i) => i.name);
      for (const name of ['省委1310具体部署', '市委1312思路举措', '法治政府建设15336部署要求', '行政审批1+X服务体系', '地委12114工作思路', '县委1445总体思路'])
        expect(names).toContain(name);
      expect(names.filter((n) => /^(1\+11|2035)/.test(n))).toEqual([]);
      // steps spelled out with + still describe what follows them
      const steps = extractReport(report('推行“专题述法+书记点评+民主评议”考评体系。')).initiatives.map((i) => i.name);
      expect(steps.some((n) => n.includes('专题述法'))).toBe(false);
    });

    it("a quoted name's own ending counts only where the name ends, and up to twelve words may stand before its genre", () => {
      const names = extractReport(report('深化“四办四清单”改革,建立“三合一”行政执法协调监督合作机制。')).initiatives.map((i) => i.name);
      // 清单 ends bodies of text (a list), not 四办四清单改革
      expect(names).toContain('四办四清单改革');
      expect(names).toContain('三合一行政执法协调监督合作机制');
    });

    it('one quoted name with and without its genre word is one initiative', () => {
      const g = extractReport(report('印发“揭榜竞优”工作方案,开展“放管服”改革“揭榜竞优”深化行动。'));
      const found = g.initiatives.filter((i) => i.surface.some((s) => s.includes('揭榜竞优')));
      expect(found).toHaveLength(1);
    });

    it('a quoted name with its genre is named whole and also by its quoted words; spelled-out steps belong to the name they lead', () => {
      const g = extractReport(
        report('依托“亲清赣商”平台兑现政策,建立“法治督察+执法监督+行政复议”协作监督机制,完成行政执法“优差双评”工作,实行“周调度、旬通报、月讲评”工作机制。'),
      );
      const byName = new Map(g.initiatives.map((i) => [i.name, i]));
      expect(byName.get('亲清赣商平台')?.surface).toEqual(['“亲清赣商”平台', '亲清赣商']);
      expect(byName.get('法治督察+执法监督+行政复议协作监督机制')?.surface).toContain('协作监督机制');
      expect(byName.get('行政执法优差双评')?.surface).toEqual(['行政执法“优差双评”', '优差双评']);
      // a slogan's steps before a bare genre name nothing
      expect(g.initiatives.some((i) => i.name.includes('周调度'))).toBe(false);
    });

    it("names a place's own brand (平安昌江建设, 法治长寿) but not one only inside a document title", () => {
      const g = extractReport(report('推进平安昌江建设,奋力推动法治长寿建设迈上新台阶,印发《法治德阳建设规划》。'));
      const names = g.initiatives.map((i) => i.name);
      expect(names).toEqual(expect.arrayContaining(['平安昌江建设', '法治长寿建设']));
      expect(names.some((n) => n.includes('德阳'))).toBe(false);
    });

    it("leaves the province's brand to the province: a county's report serving it does not carry it, the province's own does", () => {
      const county = (body: string) => `镇宁布依族苗族自治县2022年法治政府建设工作情况报告\n${report(`2022年,我县${body}`)}`;
      const serving = extractReport(county('服务平安贵州建设,推进法治镇宁建设,法治贵州建设社会满意度持续提升。'));
      expect(serving.jurisdiction?.name).toBe('镇宁布依族苗族自治县');
      const names = serving.initiatives.map((i) => i.name);
      expect(names).toContain('法治镇宁建设');
      expect(names.filter((n) => n.includes('贵州'))).toEqual([]);
      // quoted as the county's own are: “平安贵州”建设
      const quoted = extractReport(county('服务“平安贵州”建设,推进“法治镇宁”建设。')).initiatives.map((i) => i.name);
      expect(quoted).toContain('法治镇宁建设');
      expect(quoted.filter((n) => n.includes('贵州'))).toEqual([]);
      const own = extractReport(`贵州省2022年法治政府建设情况报告\n${report('2022年,全省深入推进平安贵州建设和法治贵州建设。')}`);
      expect(own.jurisdiction?.level).toBe('province');
      expect(own.initiatives.map((i) => i.name)).toEqual(expect.arrayContaining(['平安贵州建设', '法治贵州建设']));
      // a city that shares its province's short name keeps the brand, which is its own too
      const city = extractReport(`吉林市2022年法治政府建设情况报告\n${report('2022年,我市深入推进法治吉林建设和平安吉林建设。')}`);
      expect(city.jurisdiction?.fullName).toBe('吉林省吉林市');
      expect(city.initiatives.map((i) => i.name)).toEqual(expect.arrayContaining(['法治吉林建设', '平安吉林建设']));
    });
  });

  describe('the lexicon', () => {
    const SCHEME = [
      'law_enforcement',
      'business_environment',
      'legal_publicity',
      'decision_making',
      'review_litigation',
      'government_transparency',
      'grassroots_governance',
      'digital_government',
    ];
    it('holds at least 150 initiatives, each with a category of the scheme and unique names', () => {
      expect(INITIATIVES.length).toBeGreaterThanOrEqual(150);
      for (const e of INITIATIVES) expect(SCHEME, e.name).toContain(e.category);
      const forms = INITIATIVES.flatMap((e) => [e.name, ...e.aliases].map((f) => f.replace(/[“”"\s]/g, '')));
      const owners = new Map<string, string>();
      for (const e of INITIATIVES)
        for (const f of [e.name, ...e.aliases].map((x) => x.replace(/[“”"\s]/g, ''))) {
          expect(owners.get(f) ?? e.name, `${f} belongs to two entries`).toBe(e.name);
          owners.set(f, e.name);
        }
      expect(forms.length).toBeGreaterThan(INITIATIVES.length);
    });

    it('knows the national observances legal publicity is organised around, and the campaign to win a title but not the title', () => {
      const text = report(
        '结合全国土地日、6·26国际禁毒日和安全生产月开展普法宣传,落实三会一课制度,开展主题党日活动。深入推进全国文明城市创建。我区荣获全国文明城市称号,行政执法过错责任追究制得到落实。',
      );
      const found = new Map(extractReport(text).initiatives.map((i) => [i.name, i]));
      for (const name of ['全国土地日', '国际禁毒日', '安全生产月']) expect(found.get(name)?.category, name).toBe('legal_publicity');
      expect(found.get('三会一课')?.surface).toContain('三会一课制度');
      expect(found.has('主题党日')).toBe(true);
      expect(found.get('行政执法过错责任追究制度')?.surface).toEqual(['行政执法过错责任追究制']);
      // the 创建 campaign (twice: report() writes the body twice); the title won (荣获全国文明城市称号) is no mention of it
      const campaign = found.get('全国文明城市创建')!;
      expect(campaign.count).toBe(2);
      for (const m of campaign.mentions) expect(m.sentence).toContain('深入推进全国文明城市创建');
    });
  });
});

describe('the matching rules of the eval (issue 3)', () => {
  it('regulation titles compare after width, dash, space and parenthesis normalization', () => {
    expect(normalizeTitle('法治政府建设实施纲要(2021-2025年)')).toBe(normalizeTitle('法治政府建设实施纲要（2021—2025年）'));
    expect(normalizeTitle('法治政府建设实施纲要 (20212025年)')).toBe(normalizeTitle('法治政府建设实施纲要（2021—2025 年）'));
    expect(normalizeTitle('中华人民共和国行政复议法')).toBe(normalizeTitle('行政复议法'));
    expect(normalizeTitle('行政复议法')).not.toBe(normalizeTitle('行政诉讼法'));
  });

  it('an initiative matches by its name or any surface against the gold name or any gold surface', () => {
    const gold = { canonical: '行政执法三项制度', surface: ['行政执法“三项制度”', '三项制度'] };
    expect(sameInitiative({ name: '三项制度', surface: [] }, gold)).toBe(true);
    expect(sameInitiative({ name: '某某制度', surface: ['行政执法“三项制度”'] }, gold)).toBe(true);
    expect(sameInitiative({ name: '某某制度', surface: ['三项'] }, gold)).toBe(false);
  });

  it('problems match at bigram Jaccard ≥ 0.5, metrics need value, unit and indicator bigram overlap ≥ 0.3', () => {
    expect(bigramJaccard('行政执法人员能力和水平还有差距', '行政执法人员能力和水平还有差距')).toBe(1);
    expect(sameItem('行政执法人员能力和水平还有差距', '执法人员能力和水平还有差距')).toBe(true);
    expect(sameItem('行政执法人员能力和水平还有差距', '法治宣传的针对性还不够强')).toBe(false);
    expect(bigramOverlap('会前学法', '区政府常务会会前学法次数')).toBe(1);
    expect(sameMetric({ indicator: '会前学法', value: 19, unit: '次' }, { indicator: '区政府常务会会前学法次数', value: 19, unit: '次' })).toBe(true);
    expect(sameMetric({ indicator: '会前学法', value: 19, unit: '期' }, { indicator: '区政府常务会会前学法次数', value: 19, unit: '次' })).toBe(false);
    expect(sameMetric({ indicator: '发放资料', value: 19, unit: '次' }, { indicator: '区政府常务会会前学法次数', value: 19, unit: '次' })).toBe(false);
  });

  it('scores one hand-made report: accuracy per field, one-to-one list matching', () => {
    const text = '2023年,我区推行“三项制度”。';
    const predicted = extractReport(report(text));
    const gold: GoldReport = {
      file: 'x.txt',
      title: null,
      year: 2023,
      jurisdiction: { name: '某区', fullName: '某区', province: null, prefecture: null, level: 'county', adminCode: null },
      issuer: { type: 'government', name: '某区人民政府' },
      regulations: [],
      problems: [],
      plans: [],
      metrics: [],
      initiatives: [
        { canonical: '行政执法三项制度', surface: ['三项制度'] },
        { canonical: '三项制度', surface: ['三项制度'] },
      ],
    };
    const result = scorePairs([{ predicted, gold }]);
    expect(result.accuracy.year).toBe(1);
    // one found initiative matches one gold initiative only
    expect(result.lists.initiatives.tp).toBe(1);
  });
});

describe('eval against the gold standard', () => {
  it('stays at or above the recorded floor (raise it when the extractor improves; never lower it)', async () => {
    const result = await runEval(
      fileURLToPath(new URL('../../../seed/', import.meta.url)),
      fileURLToPath(new URL('../../gold/seeds.gold.json', import.meta.url)),
    );
    for (const field of [
      'jurisdiction.name',
      'jurisdiction.level',
      'jurisdiction.province',
      'jurisdiction.prefecture',
      'jurisdiction.adminCode',
      'year',
      'issuer.type',
      'issuer.name',
    ]) {
      expect(result.accuracy[field], field).toBe(1);
    }
    // measured on 0.3.0 with the issue-3 matching rules: regulations 1.0 (kind 1.0, scope 1.0,
    // action .983), initiatives .956 (confidence ≥ 0.8: .860), problems 1.0 (theme .857),
    // plans 1.0, metrics .912. Issue-3 targets: regulations ≥ .97 (kind ≥ .9, action ≥ .8),
    // initiatives ≥ .8, problems ≥ .9, metrics ≥ .7. Measured on 0.5.0: initiatives .967.
    const floors: Record<string, number> = {
      regulations: 0.99,
      'regulations.kind': 0.97,
      'regulations.scope': 0.95,
      'regulations.action': 0.95,
      initiatives: 0.96,
      'initiatives (confidence ≥ 0.8)': 0.83,
      problems: 0.97,
      'problems.theme': 0.82,
      plans: 0.97,
      // 0.89 since the matching rule of 0.3.0; raised to what 0.3.1 scores, .912 (issue 3 asked for .93 under the older rule)
      metrics: 0.91,
    };
    for (const [field, floor] of Object.entries(floors)) expect(result.lists[field].f1, field).toBeGreaterThanOrEqual(floor);
  });
});
