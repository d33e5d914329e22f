// The extractor's fast paths against what they replaced (issue 7: the output
// must not change). Each scan written out by hand is checked, property-based,
// against the RegExp or the plain computation it stands for, on inputs built
// from the characters and words the rules react to — where a hand-written
// scan is most likely to differ (boundaries, optional parts, backtracking).
// The whole extractor's old-against-new comparison on thousands of reports is
// bench/profile-extract.ts --compare.
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { registerMarkers, WordCensus } from '../../../src/extract/census.js';
import {
  figureVerbBefore,
  NUMBERED_DEPLOYMENT,
  numberedDeploymentMatches,
  notANameAfter,
  placeBrands,
  precededInClause,
  quotedRuns,
  quotesIn,
  shapedLikeAName,
  shortQuoteClose,
  titledBefore,
  unquotedMatches,
} from '../../../src/extract/discover.js';
import { FIRST_FORM_WORD, FORM_RANK_OF_WORD, FORM_TRIE, FORMS, IGNORABLE, INITIATIVES, matchKey, spelledOut } from '../../../src/extract/lexicon.js';
import { strip } from '../../../src/extract/stripped.js';
import { divisionsByShortName, forEachDivisionName } from '../../../src/extract/divisions.js';
import { visitsTo } from '../../../src/extract/jurisdiction.js';
import { placeBrandsIn } from '../../../src/extract/places.js';
import {
  CLOSING_WORDS,
  clauseStartBefore,
  countBefore,
  lastCountLength,
  METRIC,
  metricMatches,
  NOUN_STOP_CHARS,
  NOUN_STOP_WORDS,
  nounAfter,
  OPENING_WORDS,
  qualifierEnding,
  QUALIFIERS_BEFORE,
  ruleBefore,
  withoutClosing,
  withoutOpening,
} from '../../../src/extract/metrics.js';
import { canonicalRegulationTitle, normalizeText } from '../../../src/extract/index.js';
import { CRUFT_LINE, readPageMeta } from '../../../src/extract/normalize.js';
import { citationAction, findTitles, rewriteTitle } from '../../../src/extract/regulations.js';
import { startsLikeHeading } from '../../../src/extract/sections.js';
import { ENUMERATOR, enumeratorsIn } from '../../../src/extract/items.js';
import { Sentences } from '../../../src/extract/sentences.js';
import { codesOf, orderByKey, quoteBalance, sortByStart, TitleCursor } from '../../../src/extract/scan.js';
import { Trie } from '../../../src/extract/trie.js';

const STOPLIST = createRequire(import.meta.url)('../../../src/extract/knowledge/initiative-stoplist.json');
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const runs = (numRuns: number) => ({ numRuns: numRuns * Number(process.env.FC_SCALE ?? 1), seed: SEED, endOnFailure: true });

/** Strings of pieces drawn from a weighted alphabet of characters and words. */
const textOf = (pieces: string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(''));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) => words.map(escapeRegExp).join('|');
const cjk = ['法', '治', '政', '府', '区', '县', '市', '建', '设', '工', '作', '德', '阳', '罗', '江'];

// --- metrics ------------------------------------------------------------------

describe('metrics: the hand-written scans equal their RegExps', () => {
  const pieces = [
    ...cjk,
    ...'0123456789.一二两三十百千万亿余多个件次人项%()（）,，。、;；:：\n“”等的和及与第每月年度至少不少于约近超过突破逾高达'.split(''),
    ...OPENING_WORDS,
    ...CLOSING_WORDS,
    ...QUALIFIERS_BEFORE,
    '个工作日',
    '人(次)',
    '(场)次',
    '个百分点',
    '以上',
    '以内',
    '乡(镇)',
    '村(社区)',
    '进行',
    '参加',
    '〔',
    '〕',
  ];

  it('metricMatches is text.matchAll(METRIC)', () => {
    fc.assert(
      fc.property(textOf(pieces, 60), (text) => {
        const expected = [...text.matchAll(METRIC)].map((m) => [m.index, ...m]);
        const actual = metricMatches(text, codesOf(text)).map((m) => [m.index, ...m]);
        expect(actual).toEqual(expected);
        // jumping from run to run, with the runs Sentences collects
        expect(metricMatches(text, codesOf(text), new Sentences(text).numeralRuns).map((m) => [m.index, ...m])).toEqual(expected);
      }),
      runs(400),
    );
  });

  it('withoutOpening, withoutClosing and qualifierEnding are the replace and exec they stand for', () => {
    const opening = new RegExp(`^(?:${alternation(OPENING_WORDS)})+`);
    const closing = new RegExp(`(?:${alternation(CLOSING_WORDS)})+$`);
    const qualifier = new RegExp(`(${alternation(QUALIFIERS_BEFORE)})$`);
    fc.assert(
      fc.property(textOf(pieces, 20), (head) => {
        expect(withoutOpening(head)).toBe(head.replace(opening, ''));
        expect(withoutClosing(head)).toBe(head.replace(closing, ''));
        expect(qualifierEnding(head)).toBe(qualifier.exec(head)?.[1] ?? null);
      }),
      runs(600),
    );
  });

  it('lastCountLength is the length of the match of the last-count RegExp', () => {
    const lastCount = /.*\d(?:万|亿)?(?:余|多)?(?:个工作日|个月|人次|场次|[个项件名人家次期场份条起宗批所部类])/;
    const words = [
      '1',
      '2',
      '0',
      '万',
      '亿',
      '余',
      '多',
      '个工作日',
      '个月',
      '个',
      '工作日',
      '人次',
      '场次',
      '人',
      '次',
      '件',
      '元',
      '和',
      '法',
      '\n',
      '\u2028',
      '\r',
      ' ',
    ];
    fc.assert(
      fc.property(textOf(words, 16), (head) => {
        expect(lastCountLength(head)).toBe(lastCount.exec(head)?.[0].length ?? -1);
      }),
      runs(800),
    );
  });

  it('countBefore, ruleBefore, clauseStartBefore and nounAfter at every offset', () => {
    const nounStop = new RegExp(`[${escapeRegExp(NOUN_STOP_CHARS)}]|${alternation([...NOUN_STOP_WORDS])}`);
    const referenceNoun = (text: string, from: number) => {
      const rest = text.slice(from, from + 14).replace(/[(（]([\u4e00-\u9fff]{1,3})[)）]/, '〔$1〕');
      const stop = nounStop.exec(rest);
      return (stop ? rest.slice(0, stop.index) : rest).slice(0, 8).replace(/〔/g, '(').replace(/〕/g, ')');
    };
    const referenceClause = (text: string, at: number) => {
      let depth = 0;
      let sawList = false;
      for (let i = at - 1; i >= 0 && at - i < 80; i--) {
        const ch = text[i];
        if (ch === ')' || ch === '）') depth++;
        else if ((ch === '(' || ch === '（') && depth > 0) depth--;
        else if (depth > 0) continue;
        else if (/[,，。;；:：\n]/.test(ch)) return i + 1;
        else if (ch === '等' && i > at - 20) sawList = true;
        else if (ch === '、' && !sawList) return i + 1;
      }
      return Math.max(0, at - 80);
    };
    fc.assert(
      fc.property(textOf(pieces, 40), (text) => {
        for (let at = 0; at <= text.length; at++) {
          expect(countBefore(text, at)).toBe(/\d(?:余|多)?(?:件|起|宗)$/.test(text.slice(Math.max(0, at - 4), at)));
          expect(ruleBefore(text, at)).toBe(/每[年月周季天日]?度?(至少|不少于)?$/.test(text.slice(Math.max(0, at - 6), at)));
          expect(clauseStartBefore(text, at)).toBe(referenceClause(text, at));
          expect(nounAfter(text, at)).toBe(referenceNoun(text, at));
        }
      }),
      runs(300),
    );
  });
});

// --- regulations -------------------------------------------------------------

describe('regulations: citationAction finds the clause in place', () => {
  // The former implementation: a slice of up to 2,000 characters, the listed titles removed by a RegExp,
  // the clause cut by a RegExp per character, and a matchAll per group of verbs.
  const ACTION_VERBS: [string, RegExp][] = [
    ['issued', /(研究出台|制定下发|印发实施|制定出台|制定|出台|印发|公布|发布|起草|拟订|拟定|组织编写|编写|编制|签订|签署|下发)/g],
    ['revised', /(修改完善|修订|修改)/g],
    ['implemented', /(严格执行|贯彻落实|贯彻|落实|执行|对照|按照|依据|根据|围绕|抓好|遵循|实施|依照)/g],
    ['studied', /(学习贯彻|重点学习|学习|宣传|学法|宣讲|解读)(?![片栏册画])/g],
  ];
  const verbBefore = (clause: string) => {
    const window = clause.slice(-25);
    let best: { action: string; end: number; length: number; attributive: boolean } | null = null;
    for (const [action, re] of ACTION_VERBS) {
      for (const m of window.matchAll(re)) {
        const end = (m.index ?? 0) + m[0].length;
        const attributive = window[end] === '的';
        const better =
          !best ||
          (best.attributive && !attributive) ||
          (best.attributive === attributive && (end > best.end || (end === best.end && m[0].length > best.length)));
        if (better) best = { action, end, length: m[0].length, attributive };
      }
    }
    return best?.action ?? null;
  };
  const reference = (text: string, titleStart: number, sentenceStart: number) => {
    const before = text.slice(Math.max(sentenceStart, titleStart - 1 - 2000), titleStart - 1).replace(/(?:《[^《》]*》\s*(?:、|,|和|及|与|以及|或)?\s*)+$/, '');
    let clauseAt = before.length - 1;
    while (clauseAt >= 0 && !/[,，;；:：]/.test(before[clauseAt])) clauseAt--;
    const clause = before.slice(clauseAt + 1);
    const close = text.indexOf('》', titleStart);
    const afterTitle = close >= 0 ? text.slice(close + 1, close + 40).split(/[,，;；。\n]/)[0] : '';
    if (/以\s*$/.test(clause) && /^为(统领|指导|遵循|依据)/.test(afterTitle)) return 'implemented';
    const verb = verbBefore(clause);
    if (verb) return verb;
    if (/^的?(修订|修改)/.test(afterTitle)) return 'revised';
    if (/^的?(制定|起草|出台|印发|编制)/.test(afterTitle)) return 'issued';
    if (/(落实|贯彻|执行|实施)/.test(afterTitle.replace(/《[^《》]*》/g, ''))) return 'implemented';
    return 'referenced';
  };
  const pieces = [
    ...cjk,
    '《',
    '》',
    '《法》',
    '《A条例》',
    '、',
    ',',
    '，',
    '和',
    '及',
    '与',
    '以及',
    '或',
    '以',
    ' ',
    '\u3000',
    '\n',
    ';',
    ':',
    '。',
    '的',
    '为统领',
    '为指导',
    '片',
    '栏',
    '修订',
    '的起草',
    '落实',
    '制定出台',
    '印发',
    '学习',
    '学习贯彻',
    '宣传',
    '严格执行',
    '修改完善',
    '贯彻',
  ];

  it('equals the former slice, replace and matchAll at every 《', () => {
    fc.assert(
      fc.property(textOf(pieces, 40), fc.nat(), (text, s) => {
        for (let open = text.indexOf('《'); open >= 0; open = text.indexOf('《', open + 1)) {
          const sentenceStart = s % (open + 1);
          expect(citationAction(text, open + 1, sentenceStart)).toBe(reference(text, open + 1, sentenceStart));
        }
      }),
      runs(500),
    );
  });
});

describe('regulations: canonical titles', () => {
  it('the fast path for a title without anything to rewrite gives the full rewrite', () => {
    fc.assert(
      fc.property(
        textOf([...cjk, '中华人民共和国', '法', '条例', ' ', '\u3000', '２', '0', '2021', '2025', '-', '～', '(', ')', '<', '》', '《', '"', '办法'], 12),
        (title) => {
          expect(canonicalRegulationTitle(title)).toBe(rewriteTitle(title));
        },
      ),
      runs(800),
    );
  });
});

// --- discovery and jurisdiction ------------------------------------------------------

describe('a lexicon pattern that stands for a few strings is matched as those strings', () => {
  it('spells out literals, classes, groups, ? and {m,n}; not negated classes, lazy or unbounded quantifiers', () => {
    expect(spelledOut('[县区]?政府常务会(?:议)?学法')?.sort()).toEqual([
      '区政府常务会学法',
      '区政府常务会议学法',
      '县政府常务会学法',
      '县政府常务会议学法',
      '政府常务会学法',
      '政府常务会议学法',
    ]);
    expect(spelledOut('甲(?:乙|丙(?:丁)?)戊')?.sort()).toEqual(['甲丙丁戊', '甲丙戊', '甲乙戊']);
    expect(spelledOut('甲[、,]{0,2}乙')).toHaveLength(7);
    expect(spelledOut('高效办成[^。]{1,14}?一件事')).toBeNull();
    expect(spelledOut('甲+乙')).toBeNull();
    expect(spelledOut('甲[、,]{0,2}乙', 5)).toBeNull();
  });

  const patterns = INITIATIVES.flatMap((e) => (e.patterns ?? []).map((source) => [source, spelledOut(source)] as const)).filter(([, forms]) => forms);
  it.each(patterns)('%s: exactly the strings its RegExp matches whole', (source, forms) => {
    const whole = new RegExp(`^(?:${source})$`);
    for (const form of forms!) expect(form).toMatch(whole);
    // strings made of the pattern's own characters that match it whole are among the forms
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included: only the pattern's CJK characters are kept
    const pieces = [...new Set(source.replace(/[\x00-\x7f]/g, '').split(''))];
    const listed = new Set(forms);
    fc.assert(
      fc.property(textOf(pieces, 24), (text) => {
        if (whole.test(text)) expect(listed.has(text)).toBe(true);
      }),
      runs(300),
    );
  });
});

describe('the anchored scans of items and numbered deployments equal their RegExps', () => {
  it('enumeratorsIn is body.matchAll(ENUMERATOR)', () => {
    const pieces = [...cjk, ...'一二三十是(（)）0123456789、.．。;；:：,，\n “'.split(''), '一是', '(一)', '1.', '12、'];
    fc.assert(
      fc.property(textOf(pieces, 50), (body) => {
        const expected = [...body.matchAll(ENUMERATOR)].map((m) => [m.index, ...m]);
        expect(enumeratorsIn(body).map((m) => [m.index, ...m])).toEqual(expected);
      }),
      runs(400),
    );
  });

  it('numberedDeploymentMatches is text.matchAll(NUMBERED_DEPLOYMENT)', () => {
    const pieces = [...cjk, ...'“”0123456789+＋XNxn省市委'.split(''), '具体部署', '工作安排', '部署要求', '“1310”'];
    fc.assert(
      fc.property(textOf(pieces, 40), (text) => {
        const expected = [...text.matchAll(NUMBERED_DEPLOYMENT)].map((m) => [m.index, ...m]);
        expect(numberedDeploymentMatches(text).map((m) => [m.index, ...m])).toEqual(expected);
      }),
      runs(400),
    );
  });
});

describe('discovery and jurisdiction scans', () => {
  const BRAND = /(平安|法治|信用|数字|智慧)([\u4e00-\u9fff]{2,3}?)(?:建设|(?=[^\u4e00-\u9fff]|品牌|平台|示范|创建|工作|$))/g;
  const places = ['德阳', '昌江', '清远', '台前', '罗江', '景德镇', '政府', '社会'];
  const pieces = [
    ...cjk,
    '平安',
    '法治',
    '信用',
    '数字',
    '智慧',
    '建设',
    '品牌',
    '平台',
    '示范',
    '创建',
    '工作',
    ...places,
    '“',
    '”',
    ',',
    ' ',
    '\n',
    '、',
    '和',
    'a',
  ];

  it('placeBrands keeps the matches of its RegExp whose place is a short name (法治 + place only with 建设)', () => {
    fc.assert(
      fc.property(textOf(pieces, 30), (text) => {
        const expected = [...text.matchAll(BRAND)]
          .filter((m) => divisionsByShortName.has(m[2]) && (m[1] !== '法治' || m[0].endsWith('建设')))
          .map((m) => [m.index, m[0]]);
        expect(placeBrands(text, codesOf(text)).map((f) => [f.start, f.name])).toEqual(expected);
      }),
      runs(500),
    );
  });

  it('placeBrandsIn finds the same brands from the prefix positions the census collects as from its own indexOf scans', () => {
    fc.assert(
      fc.property(textOf(pieces, 30), (text) => {
        const codes = codesOf(text);
        expect(placeBrandsIn(text, codes, new WordCensus(text, codes))).toEqual(placeBrandsIn(text, codes));
      }),
      runs(500),
    );
  });

  it('quotesIn is matchAll(/“([^“”]+)”/g)', () => {
    fc.assert(
      fc.property(textOf(['“', '”', '、', '和', '法', '治', '“”'], 20), (run) => {
        expect(quotesIn(run).map((q) => [q.index, q.inner])).toEqual([...run.matchAll(/“([^“”]+)”/g)].map((m) => [m.index, m[1]]));
      }),
      runs(500),
    );
  });

  it("titledBefore and notANameAfter are the RegExp tests on a slice they replace (the latter over the stoplist's quoteFollowers), at every offset", () => {
    const followers: string[] = STOPLIST.quoteFollowers;
    const after = new RegExp(`^(?:工作)?(?:${followers.join('|')})`);
    fc.assert(
      fc.property(textOf([...cjk, '题', '为', '目', '主', '工作', '工', '作', '的', '要求', ...followers, '“', '”'], 30), (text) => {
        for (let at = 0; at <= text.length; at++) {
          expect(titledBefore(text, at)).toBe(/(?:题为|题目为|主题为)$/.test(text.slice(Math.max(0, at - 3), at)));
          expect(notANameAfter(text, at)).toBe(after.test(text.slice(at)));
        }
      }),
      runs(300),
    );
  });

  it('shortQuoteClose, from each “ where the search resumes, finds the quotes of matchAll(/“([^“”\\n]{3,16})”/g)', () => {
    fc.assert(
      fc.property(textOf([...cjk, '“', '”', '\n', '、', '法治政府建设'], 40), (text) => {
        const found: [number, string][] = [];
        for (let start = text.indexOf('“'), end = 0; start >= 0; start = text.indexOf('“', end)) {
          const close = shortQuoteClose(text, start);
          end = close < 0 ? start + 1 : close + 1;
          if (close >= 0) found.push([start, text.slice(start + 1, close)]);
        }
        expect(found).toEqual([...text.matchAll(/“([^“”\n]{3,16})”/g)].map((m) => [m.index, m[1]]));
      }),
      runs(500),
    );
  });

  it('shapedLikeAName is the four RegExp tests it replaced', () => {
    const former = (name: string) =>
      !(/[、,，;；:：。!！?？\s—\-+＋()（）]/.test(name) && !/^互联网\+/.test(name)) &&
      /^[\u4e00-\u9fff0-9A-Za-z·]+$/.test(name) &&
      /[\u4e00-\u9fff]{2}/.test(name) &&
      !/的|了|着|得/.test(name);
    fc.assert(
      fc.property(
        textOf([...cjk, '互联网+', '+', '·', 'A', 'z', '9', '的', '了', '、', ' ', '\n', '—', '（', '\u3000', '\u9fff', '\u4dff', 'Ａ'], 8),
        (name) => {
          expect(shapedLikeAName(name)).toBe(former(name));
        },
      ),
      runs(1000),
    );
  });

  it("figureVerbBefore and precededInClause are the stoplist's word tests they replace, at every offset", () => {
    const verbs: string[] = STOPLIST.figureVerbs;
    const preceders: string[] = STOPLIST.quotePreceders;
    fc.assert(
      fc.property(textOf([...cjk, ...verbs, ...preceders, '评', '为', '被', '“', ',', ' '], 30), (text) => {
        for (let at = 0; at <= text.length; at++) {
          expect(figureVerbBefore(text, at)).toBe(verbs.some((v) => text.startsWith(v, at - v.length)));
          let from = at;
          while (from > 0 && at - from < 8 && /[\u4e00-\u9fff]/.test(text[from - 1])) from--;
          expect(precededInClause(text, at)).toBe(preceders.some((w) => text.slice(from, at).includes(w)));
        }
      }),
      runs(300),
    );
  });

  it('quotedRuns is matchAll of its RegExp', () => {
    const genre =
      '专项整治行动|专项整治|专项行动|专项检查|主题实践活动|主题宣传活动|主题活动|宣传活动|深化行动|提升行动|提优行动|服务行动|行动|活动|改革|制度|机制|工程|执法品牌|服务品牌|品牌|平台|模式|工作法|经验|体系';
    const quotedRun = new RegExp(`((?:“[^“”\\n。,;]{2,30}”(?:、|和|与|及)?){1,6})(等)?([^\\s“”、,，。;；:：和与及的]{0,8}?)(${genre})`, 'g');
    const words = ['专项整治行动', '行动', '活动', '改革', '制度', '机制', '工作法', '平台', '服务品牌', '体系', '等', '的'];
    fc.assert(
      fc.property(textOf([...cjk, ...words, '“', '“', '”', '”', '、', '和', '与', '及', '。', ',', ';', '，', '\n', ' ', 'a'], 60), (text) => {
        const expected = [...text.matchAll(quotedRun)].map((m) => [m.index, ...m]);
        expect(quotedRuns(text, new WordCensus(text, codesOf(text))).map((m) => [m.index, ...m])).toEqual(expected);
        expect(quotedRuns(text).map((m) => [m.index, ...m])).toEqual(expected);
      }),
      runs(500),
    );
  });

  it('unquotedMatches is matchAll of its RegExp', () => {
    const genres = ['专项整治行动', '专项整治', '联动机制', '管理制度', '责任制', '信息平台', '提升工程', '体制改革'];
    const unquoted =
      /([\u4e00-\u9fff“”、]{2,24}?)(专项整治行动|专项整治|专项行动|专项检查|联动机制|衔接机制|协调机制|协作机制|沟通联系机制|联系机制|会商机制|管理制度|监管制度|责任制|提优行动|深化行动|三年行动|精品工程|提升工程|监管改革|体制改革|大数据平台|信息平台|服务平台|监督平台|考法平台|管理平台)/g;
    fc.assert(
      fc.property(textOf([...cjk, ...genres, '“', '”', '、', ',', 'a', '\n'], 40), (text) => {
        const expected = [...text.matchAll(unquoted)].map((m) => [m.index, ...m]);
        expect(unquotedMatches(text, codesOf(text)).map((m) => [m.index, ...m])).toEqual(expected);
        // the genre positions from the census's pass instead of the genres' own trie
        expect(unquotedMatches(text, codesOf(text), new WordCensus(text)).map((m) => [m.index, ...m])).toEqual(expected);
      }),
      runs(400),
    );
  });

  it('visitsTo counts the matches of (?:到|赴|前往|去)NAME(?:学习|考察|调研|交流|参观|观摩)', () => {
    fc.assert(
      fc.property(textOf(['到', '赴', '前往', '前', '往', '去', '罗江区', '罗江', '学习', '考察', '交流', '区', '法'], 30), (text) => {
        expect(visitsTo(text, '罗江区')).toBe([...text.matchAll(/(?:到|赴|前往|去)罗江区(?:学习|考察|调研|交流|参观|观摩)/g)].length);
      }),
      runs(500),
    );
  });
});

// --- the census, the trie, the small helpers -------------------------------------------

describe('the census and the trie', () => {
  const names = ['德阳市', '罗江区', '德阳', '罗江', '四川省', '四川', '朝阳区', '朝阳', '市', '区'];
  const words = [...names, '我区', '全区', '我县', '我局', '司法局', '普法', '《', '县(市、区)', '乡(镇)', ...cjk];
  const countByIndexOf = (text: string, word: string) => {
    let n = 0;
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
    return n;
  };

  it('census counts are repeated-indexOf counts, and its division names those of a longest-match scan', () => {
    fc.assert(
      fc.property(textOf(words, 40), (text) => {
        const census = new WordCensus(text);
        for (const w of [...words, '《德阳', '《罗江区', '德阳市罗江区', '县直']) expect(census.count(w)).toBe(countByIndexOf(text, w));
        const names_ = new Map<string, number>();
        forEachDivisionName(text, (at, length) => names_.set(text.slice(at, at + length), (names_.get(text.slice(at, at + length)) ?? 0) + 1));
        expect([...census.divisionNames]).toEqual([...names_]);
      }),
      runs(400),
    );
  });

  it('a census walking the stripped text counts as one walking the text, and its walk holds the forms the forms trie finds', () => {
    const forms = ['放管服', '放管服改革', '谁执法谁普法', '普法责任制', '普法责任清单', '法治乡村建设'];
    fc.assert(
      fc.property(textOf([...words, ...forms, '“', '”', ' ', '\n', '\u3000', '改革', '建设'], 40), (text) => {
        const codes = codesOf(text);
        const stripped = strip(text, codes, new Sentences(text, codes).ignorable);
        const plain = new WordCensus(text, codes);
        const walked = new WordCensus(text, codes, stripped);
        for (const w of [...words, ...forms, '《德阳', '德阳市罗江区']) expect(walked.count(w)).toBe(plain.count(w));
        expect([...walked.divisionNames]).toEqual([...plain.divisionNames]);
        for (let group = 0; plain.markersAt(group); group++) expect(walked.markersAt(group)).toEqual(plain.markersAt(group));
        const byTrie = FORM_TRIE.matchesIn(stripped.codes);
        const expected = byTrie.at.map((at, k) => [at, byTrie.length[k], FORMS[byTrie.value[k]].key]);
        const walk = walked.walk!;
        const fromWalk = walk.at
          .map((at, k) => [at, walk.length[k], FORM_RANK_OF_WORD[walk.value[k] - FIRST_FORM_WORD] ?? -1])
          .filter(([, , rank]) => rank >= 0);
        expect(fromWalk.map(([at, length, rank]) => [at, length, FORMS[rank].key])).toEqual(expected);
      }),
      runs(300),
    );
  });

  it('census markers are where the words of each group start, a word in two groups counting in both', () => {
    const groups = [
      ['德阳', '罗江区', '普法'],
      ['普法', '我区', '德阳市'],
    ];
    const ids = groups.map((g) => registerMarkers(g));
    fc.assert(
      fc.property(textOf(words, 40), (text) => {
        const census = new WordCensus(text);
        groups.forEach((group, k) => {
          const starts = new Set<number>();
          for (const w of group) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) starts.add(i);
          expect(census.markersAt(ids[k])).toEqual([...starts].sort((a, b) => a - b));
        });
      }),
      runs(300),
    );
  });

  it('trie scans equal a scan of every key at every position', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          textOf(['a', 'b', 'c', '法', '治'], 4).filter((k) => k.length > 0),
          { maxLength: 12 },
        ),
        textOf(['a', 'b', 'c', '法', '治', 'd'], 30),
        (keys, text) => {
          const trie = new Trie<number>();
          keys.forEach((k, i) => {
            trie.add(k, i);
          });
          const expected: [number, number, number][] = [];
          for (let at = 0; at < text.length; at++)
            for (let len = 1; at + len <= text.length; len++) {
              const i = keys.indexOf(text.slice(at, at + len));
              if (i >= 0) expected.push([at, len, i]);
            }
          const found = trie.matchesIn(text);
          expect(found.at.map((at, k) => [at, found.length[k], found.value[k]])).toEqual(expected);
          for (let at = 0; at <= text.length; at++) {
            const longest = Math.max(0, ...expected.filter(([a, l]) => a === at && l >= 2).map(([, l]) => l));
            expect(trie.longestAt(text, at, 2)).toBe(longest);
          }
        },
      ),
      runs(300),
    );
  });

  it('Sentences collects the offsets of the IGNORABLE characters, and the text without them is matchKey of it', () => {
    fc.assert(
      fc.property(
        textOf(
          [
            '“',
            '”',
            '"',
            '‘',
            '’',
            "'",
            '「',
            '」',
            '『',
            '』',
            ' ',
            '\u3000',
            '\u00a0',
            '\t',
            '\n',
            '\r',
            '\ufeff',
            '法',
            '治',
            '。',
            '1',
            '一',
            '《',
            '》',
            'a',
          ],
          60,
        ),
        (text) => {
          const sentences = new Sentences(text, codesOf(text));
          expect(sentences.ignorable).toEqual([...text.matchAll(IGNORABLE)].map((m) => m.index));
          const kept = text
            .split('')
            .filter((_, i) => !sentences.ignorable.includes(i))
            .join('');
          expect(kept).toBe(matchKey(text));
        },
      ),
      runs(300),
    );
  });

  it('TitleCursor, quoteBalance, orderByKey and sortByStart equal what they replaced', () => {
    fc.assert(
      fc.property(textOf(['《', '》', '“', '”', '法', 'a', '\n', '。', '!'], 60), fc.array(fc.nat({ max: 50 }), { maxLength: 40 }), (text, keys) => {
        const cursor = TitleCursor.of(text);
        const sentences = new Sentences(text);
        const fromSentences = new TitleCursor(sentences.opens, sentences.closes);
        expect(findTitles(text, sentences.opens)).toEqual(findTitles(text));
        for (let at = 0; at <= text.length; at++) {
          const behind = text.slice(Math.max(0, at - 7), at);
          expect(cursor.openAt(at, 7)).toBe(behind.lastIndexOf('《') > behind.lastIndexOf('》'));
          expect(fromSentences.openAt(at, 7)).toBe(behind.lastIndexOf('《') > behind.lastIndexOf('》'));
          const q = text.slice(0, at);
          expect(quoteBalance(text, 0, at)).toBe((q.match(/“/g) ?? []).length - (q.match(/”/g) ?? []).length);
        }
        const order = [...orderByKey(Int32Array.from(keys))];
        expect(order).toEqual(keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b]));
        const mentions = keys.map((start, i) => ({ start, i }));
        expect(sortByStart([...mentions])).toEqual([...mentions].sort((a, b) => a.start - b.start));
      }),
      runs(300),
    );
  });
});

// --- normalization ----------------------------------------------------------------------

describe('sections', () => {
  it('startsLikeHeading is the RegExp test of the first character, for every code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const line = `${String.fromCharCode(c)}一`;
      if (startsLikeHeading(line) !== /^[一二三四五六七八九十(（\d]/.test(line)) expect(c).toBe(-1);
    }
    expect(startsLikeHeading('')).toBe(false);
  });
});

describe('readPageMeta', () => {
  it('finds the publication date the RegExp finds, looked for only in a text with 发布 or 文日期', () => {
    const published = /(?:网站发布|发布(?:时间|日期)|发文日期|成文日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
    fc.assert(
      fc.property(
        textOf(['网站', '发布', '发', '布', '时间', '日期', '发文', '成文', '文日期', ':', '：', ' ', '2024', '-', '3', '12', '年', '月', '日', '法'], 16),
        (raw) => {
          const m = published.exec(raw);
          expect(readPageMeta(raw).published).toBe(m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null);
        },
      ),
      runs(500),
    );
  });
});

describe('normalizeText equals the former line-by-line normalization', () => {
  // The former implementation, as it was before the line scan and the rewrites were made conditional
  // (with the current list of cruft patterns, so a pattern added to it is checked against the scan's shortcuts).
  const CJK_OR_DIGIT = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef0-9“”《》、，。：；（）,;:!?()%]/;
  const SENTENCE_END = /[。！？!?;；:：》”)）]$/;
  const TITLE_LINE = /^[^,，。;；:：!！?？]{8,60}(报告|总结)$/;
  const HEADING_START = /^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+[章节部分])/;
  const reference = (raw: string) => {
    const text = raw.replace(/[\uFEFF\u200B]/g, '').replace(/\r\n?/g, '\n');
    const lines: string[] = [];
    let paragraphBreak = false;
    for (let line of text.split('\n')) {
      if (/[\uff01-\uff5e]/.test(line)) line = line.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
      line = line.replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
      line = line.replace(/ +/g, (spaces, offset: number, whole: string) => {
        const before = whole[offset - 1] ?? '';
        const after = whole[offset + spaces.length] ?? '';
        return before && after && (CJK_OR_DIGIT.test(before) || /[—\-–]/.test(before)) && (CJK_OR_DIGIT.test(after) || /[—\-–]/.test(after)) ? '' : ' ';
      });
      line = line.trim();
      if (!line || (line.length <= 120 && CRUFT_LINE.some((re) => re.test(line)))) {
        paragraphBreak = true;
        continue;
      }
      const previous = lines[lines.length - 1];
      const previousIsHeading = previous !== undefined && ((HEADING_START.test(previous) && !previous.includes('。')) || TITLE_LINE.test(previous));
      if (!paragraphBreak && previous !== undefined && previous.length >= 20 && !previousIsHeading && !SENTENCE_END.test(previous) && !HEADING_START.test(line))
        lines[lines.length - 1] = previous + line;
      else lines.push(line);
      paragraphBreak = false;
    }
    return lines.join('\n');
  };
  const pieces = [
    ...cjk,
    '\n',
    '\r\n',
    '\r',
    '\ufeff',
    '\u200b',
    ' ',
    '  ',
    '\t',
    '\u3000',
    '\u00a0',
    '２０２１',
    '（一）',
    '，',
    '。',
    '一、',
    '1.',
    '主办:',
    '<<返回',
    '报告',
    '—',
    '2021',
    '年',
    '法治政府建设年度报告',
    '承办：',
    '技术支持:',
    '责任编辑:',
    '来源:',
    '审核 :',
    '序号:',
    '发布机构',
    '打印本页',
    '关闭',
    '【字体:',
    '字号:',
    '政府网站找错',
    '第一章',
    '(1)',
    '》',
    '；',
  ];

  it('on text made of line breaks, spaces of every kind, full-width characters, headings and cruft', () => {
    fc.assert(
      fc.property(textOf(pieces, 80), (raw) => {
        expect(normalizeText(raw)).toBe(reference(raw));
      }),
      runs(600),
    );
  });
});
