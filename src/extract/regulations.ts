// Regulations: every title between 《 and 》, canonicalized so that variants
// meet, classified by kind and scope, with the action the report takes.
// The bracket scanner counts nesting (《关于贯彻落实<…>的实施方案》 is one
// outer title) and gives up on a 《 that is not closed before the end of its
// sentence or line, so an unbalanced bracket never swallows text.
import { divisionNamesIn, issuingDivisionOf } from './jurisdiction.js';
import { divisionsByName } from './divisions.js';
import { charSet, inSet, isSpace, remembered } from './scan.js';
import type { Sentences } from './sentences.js';
import type { CitationAction, Mention, RegulationFact, RegulationKind, RegulationScope } from './types.js';

const MAX_TITLE = 120;

export interface TitleSpan {
  /** Offsets of the title inside the brackets (without 《 》). */
  start: number;
  end: number;
}

/** Outermost 《…》 spans; nested and unbalanced brackets handled as described above. */
export function findTitles(text: string, opens?: readonly number[]): TitleSpan[] {
  const spans: TitleSpan[] = [];
  let i = 0;
  // (the offsets of the 《 come from Sentences' pass when given, instead of indexOf)
  let k = 0;
  while (i < text.length) {
    let open: number;
    if (opens) {
      while (k < opens.length && opens[k] < i) k++;
      open = k < opens.length ? opens[k] : -1;
    } else open = text.indexOf('《', i);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    for (; j < text.length && j - open <= MAX_TITLE; j++) {
      const c = text.charCodeAt(j); // (a code unit, not a one-character string per position)
      if (c === 0x300a)
        depth++; // 《
      else if (c === 0x300b && --depth === 0)
        break; // 》
      else if (c === 0x0a || c === 0x3002) break; // \n 。
    }
    if (depth === 0 && j > open + 1) {
      spans.push({ start: open + 1, end: j });
      i = j + 1;
    } else {
      i = open + 1; // unbalanced: skip this bracket only
    }
  }
  return spans;
}

/**
 * The canonical form of a title (gold GUIDELINES §4): whitespace removed,
 * ASCII digits, full-width parentheses, nested brackets as 〈〉, a dash between
 * digits as —, straight quotes curly; plus 中华人民共和国 dropped from laws so
 * that 《中华人民共和国行政复议法》 and 《行政复议法》 meet.
 */
export function canonicalRegulationTitle(title: string): string {
  // (the look at the characters first: it costs less than the cache's lookup, which hashes the title)
  return isCanonical(title) ? title : rememberedRewrite(title);
}

// Titles recur from report to report (the national laws, the 纲要 and 规划):
// rewritten forms are remembered, in a bounded cache (a pure function of the title).
const rememberedRewrite = remembered(rewriteTitle, 20_000);

// The characters some rule of rewriteTitle rewrites or looks at (with the spaces): a title without any,
// and not starting with 中华人民共和国, is its own canonical form (most local documents' titles).
const CANONICAL_REWRITES = charSet('０１２３４５６７８９0123456789()<>《》"');

function isCanonical(title: string): boolean {
  if (title.startsWith('中华人民共和国')) return false;
  for (let i = 0; i < title.length; i++) {
    const c = title.charCodeAt(i);
    if (isSpace(c) || inSet(c, CANONICAL_REWRITES)) return false;
  }
  return true;
}

/** The full rewrite canonicalRegulationTitle skips for a title with nothing to rewrite (exported for the test that checks the skip). */
export function rewriteTitle(title: string): string {
  let t = title.trim().replace(/^《/, '').replace(/》$/, '');
  t = t.replace(/\s+/g, '');
  t = t.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  t = t.replace(/\(/g, '（').replace(/\)/g, '）');
  t = t.replace(/[<《]/g, '〈').replace(/[>》]/g, '〉');
  t = t.replace(/(\d)\s*[-–—－~～]+\s*(?=\d)/g, '$1—');
  // 20212025 written for 2021—2025 (the dash lost in scraping)
  t = t.replace(/(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?!\d)/g, (m, a: string, b: string) => (Number(b) > Number(a) ? `${a}—${b}` : m));
  let open = true;
  t = t.replace(/"/g, () => {
    open = !open;
    return open ? '”' : '“';
  });
  t = t.replace(/^中华人民共和国(?=.+(法|法典|条例)$)/, '');
  return t;
}

const GENRE_TAIL = /[（(][^（）()]*[）)]$/;

// Genre nouns around a title that make it a work rather than a document:
// 宣传片《…》, 微电影《…》, 《…》栏目 (gold GUIDELINES §4: kind `other`).
const WORK_BEFORE = /(宣传片|纪录片|专题片|微电影|电影|微视频|视频|短片|MV|动漫|漫画|歌曲|栏目|专栏|节目|读本|书籍|图书|手册|画册)$/;
const WORK_AFTER = /^(栏目|专栏|节目|专题片|宣传片|微电影|短视频|读本|手册|一书)/;

/** known: titleFacts(title), when the caller has it already. */
export function regulationKind(title: string, before: string, after = '', known?: TitleFacts): RegulationKind {
  if (WORK_BEFORE.test(before) || WORK_AFTER.test(after)) return 'other';
  // The rest depends on the title and on one fact of the context (政府规章 before it): decided once per
  // title and kept (the national laws and plans recur in report after report).
  const governmentRule = /政府规章/.test(before);
  known ??= titleFacts(title);
  if (governmentRule) {
    known.kindAsRule ??= kindOfTitle(title, true);
    return known.kindAsRule;
  }
  known.kind ??= kindOfTitle(title, false);
  return known.kind;
}

/** What a title alone decides (kind with or without 政府规章 before it, scope clues, issuing division), cached. */
export interface TitleFacts {
  kind?: RegulationKind;
  kindAsRule?: RegulationKind;
  /** Names a county or prefecture, or a local body or 全区-like word: a local document. */
  local?: boolean;
  /** Names a province, or starts with 省委/省政府/省人民政府. */
  provincial?: boolean;
  issuer?: string | null;
}
const TITLE_FACTS_SIZE = 20_000;
const titleFactsCache = new Map<string, TitleFacts>();
function titleFacts(title: string): TitleFacts {
  let facts = titleFactsCache.get(title);
  if (!facts) {
    if (titleFactsCache.size >= TITLE_FACTS_SIZE) titleFactsCache.clear();
    // (every field present from the start: one object shape for all titles)
    facts = { kind: undefined, kindAsRule: undefined, local: undefined, provincial: undefined, issuer: undefined };
    titleFactsCache.set(title, facts);
  }
  return facts;
}

function kindOfTitle(title: string, governmentRule: boolean): RegulationKind {
  const bare = title.replace(GENRE_TAIL, '').replace(GENRE_TAIL, '');
  const place = issuingDivisionOf(bare);
  const placeLevel = place ? divisionsByName.get(place)?.[0]?.level : null;
  if (/^中国共产党|党章$|学习纲要$|党内法规|^中共中央.*条例$/.test(bare)) return 'party_document';
  if (/(宪法|法典|(?<![办方做])法)$/.test(bare) && !place) return 'law';
  if (/条例$/.test(bare)) return place ? 'local_regulation' : 'administrative_regulation';
  if (/(规划|纲要|工作要点|工作安排|计划|的安排)$/.test(bare)) return 'plan';
  // 规章 can only be made by a province or a 设区的市: say so only when the
  // title names a province or the text calls it 政府规章.
  if (/(规定|办法|实施细则)$/.test(bare) && (placeLevel === 'province' || governmentRule)) return 'rule';
  if (/(方案|意见|通知|细则|清单|目录|指南|指引|制度|机制|协议|规定|办法|规则|决定|标准|守则|体系|批复|规程)$/.test(bare)) return 'normative_document';
  if (/(手册|读本|汇编|丛书)$/.test(bare)) return 'other';
  return 'other';
}

export interface ScopeContext {
  /** Short names of the report's own jurisdiction and its prefecture (昌江, 景德镇): 《法治昌江建设规划》 is theirs. */
  ownNames: string[];
}

/** known: titleFacts(title), when the caller has it already. */
export function regulationScope(
  title: string,
  kind: RegulationKind,
  action: CitationAction,
  own: ScopeContext = { ownNames: [] },
  known = titleFacts(title),
): RegulationScope | null {
  if (known.local === undefined) {
    let localPlace = false;
    let province = false;
    for (const n of divisionNamesIn(title).keys()) {
      const level = divisionsByName.get(n)?.[0]?.level;
      if (level === 'county' || level === 'prefecture') localPlace = true;
      else if (level === 'province') province = true;
    }
    known.local = localPlace || /(区委|县委|市委|区政府|县政府|市政府|区人民政府|县人民政府|市人民政府|全区|全县|全市|全旗|本区|本县|本市)/.test(title);
    known.provincial = province || /^(省委|省政府|省人民政府)/.test(title);
  }
  if (known.local) return 'local';
  if (own.ownNames.some((n) => n.length >= 2 && title.includes(n))) return 'local';
  if (known.provincial) return 'provincial';
  if (kind === 'law' || kind === 'administrative_regulation' || kind === 'party_document' || kind === 'plan') return 'national';
  if (kind === 'other') return 'local';
  // A document the report says its own government made (印发, 制定, 签订) is local.
  if (action === 'issued' || action === 'revised') return 'local';
  return null;
}

// Verbs that govern a title, by action; the highest-ranked action of all a
// title's citations wins (issued > revised > implemented > studied > referenced).
// Each list is an alternation in order of preference, as a RegExp
// /(w1|w2|…)/g would try it; 'studied' words do not count before 片栏册画
// (宣传片, 学习栏目).
const ACTION_VERBS: { action: CitationAction; words: string[]; notBefore?: string }[] = [
  {
    action: 'issued',
    words: [
      '研究出台',
      '制定下发',
      '印发实施',
      '制定出台',
      '制定',
      '出台',
      '印发',
      '公布',
      '发布',
      '起草',
      '拟订',
      '拟定',
      '组织编写',
      '编写',
      '编制',
      '签订',
      '签署',
      '下发',
    ],
  },
  { action: 'revised', words: ['修改完善', '修订', '修改'] },
  { action: 'implemented', words: ['严格执行', '贯彻落实', '贯彻', '落实', '执行', '对照', '按照', '依据', '根据', '围绕', '抓好', '遵循', '实施', '依照'] },
  { action: 'studied', words: ['学习贯彻', '重点学习', '学习', '宣传', '学法', '宣讲', '解读'], notBefore: '片栏册画' },
];
const ACTION_RANK: CitationAction[] = ['issued', 'revised', 'implemented', 'studied', 'referenced'];
/** How far back from a title its governing verb is looked for: room for a list of a dozen titles before it. */
const LOOK_BACK = 2000;
// Titles listed before this one share its verb: 制定出台《A》《B》《C》. The
// separators between listed titles (/(?:《[^《》]*》\s*(?:、|,|和|及|与|以及|或)?\s*)+$/).
// Longest first: peeling from the end, 以及 must not be taken for 及 (what is
// left, 以, could not end a title's tail).
const LIST_SEPARATORS = ['、', ',', '和', '及', '与', '以及', '或'].sort((a, b) => b.length - a.length);

// Verb words by first character (code unit): a window position whose character starts no verb is skipped with one table read.
const VERB_GROUPS = ACTION_VERBS.map(({ action, words, notBefore = '' }) => {
  const byFirst = new Map<number, string[]>();
  for (const w of words) byFirst.set(w.charCodeAt(0), [...(byFirst.get(w.charCodeAt(0)) ?? []), w]);
  return { action, byFirst, notBefore: charSet(notBefore) };
});
const VERB_START = charSet(ACTION_VERBS.flatMap((g) => g.words.map((w) => w[0])).join(''));
const CLAUSE_END = charSet(',，;；:：');
const AFTER_TITLE_END = charSet(',，;；。\n');

/**
 * The verb nearest before the title in its clause; verbs used attributively
 * (出台的《…》) count only when nothing else does. The matches of each group
 * are those of window.matchAll(/(w1|w2|…)(?![notBefore])/g): left to right,
 * at each position the first word in order that is there (and not followed by
 * a notBefore character), resuming after it.
 */
function verbBefore(window: string): CitationAction | null {
  // (the best so far in four variables, the words tried in a loop: no object or closure per candidate)
  let bestAction: CitationAction | null = null;
  let bestEnd = 0;
  let bestLength = 0;
  let bestAttributive = false;
  // the positions where some verb may start, found once for the four groups (a position where none starts
  // is one a group's scan steps over)
  const starts: number[] = [];
  for (let i = 0; i < window.length; i++) if (inSet(window.charCodeAt(i), VERB_START)) starts.push(i);
  if (!starts.length) return null;
  for (const { action, byFirst, notBefore } of VERB_GROUPS) {
    for (let s = 0, resume = 0; s < starts.length; s++) {
      const i = starts[s];
      if (i < resume) continue;
      const words = byFirst.get(window.charCodeAt(i));
      let word = '';
      // (?![notBefore]) looks at the window only: at its end there is nothing to refuse
      if (words)
        for (const w of words)
          if (window.startsWith(w, i) && !(i + w.length < window.length && inSet(window.charCodeAt(i + w.length), notBefore))) {
            word = w;
            break;
          }
      if (!word) continue;
      const end = i + word.length;
      const attributive = end < window.length && window.charCodeAt(end) === 0x7684; // 的 (never read past the end: that deoptimizes)
      const better =
        bestAction === null ||
        (bestAttributive && !attributive) ||
        (bestAttributive === attributive && (end > bestEnd || (end === bestEnd && word.length > bestLength)));
      if (better) {
        bestAction = action;
        bestEnd = end;
        bestLength = word.length;
        bestAttributive = attributive;
      }
      resume = end;
    }
  }
  return bestAction;
}

/**
 * Where a list of titles that ends at `end` begins, looking no further back
 * than `floor` (end itself when there is none): text[floor, end) with
 * /(?:《[^《》]*》\s*(?:、|,|和|及|与|以及|或)?\s*)+$/ removed, without the
 * regex trying every start. A listed title is 《, no bracket, 》, then
 * spaces, at most one separator and spaces; what follows its 》 has no
 * bracket, so from the end its 》 is the last one and its 《 the nearest before
 * that: the titles are peeled off one by one from the end, and the last
 * complete one peeled is where the longest match (the leftmost) begins.
 */
export function listedTitlesStart(text: string, floor: number, end: number): number {
  let start = end;
  for (;;) {
    // the tail after the 》: spaces, at most one separator, spaces
    let b = start;
    while (b > floor && isSpace(text.charCodeAt(b - 1))) b--;
    const separator = LIST_SEPARATORS.find((sep) => b - sep.length >= floor && text.startsWith(sep, b - sep.length));
    if (separator) b -= separator.length;
    while (b > floor && isSpace(text.charCodeAt(b - 1))) b--;
    const close = b - 1;
    if (close < floor || text.charCodeAt(close) !== 0x300b) return start; // 》
    let open = close - 1;
    while (open >= floor && text.charCodeAt(open) !== 0x300a && text.charCodeAt(open) !== 0x300b) open--;
    if (open < floor || text.charCodeAt(open) !== 0x300a) return start; // 《
    start = open;
  }
}

/** The action of the verb that governs the title at titleStart (just after its 《). */
export function citationAction(text: string, titleStart: number, sentenceStart: number): CitationAction {
  // Only the end of the sentence before the title matters (its last clause, after a list of titles): a
  // bounded window keeps a sentence of a hundred thousand characters with thousands of titles linear.
  // The clause is found in place (offsets into text), not sliced out and searched with regexes.
  const floor = Math.max(sentenceStart, titleStart - 1 - LOOK_BACK);
  const end = Math.max(floor, listedTitlesStart(text, floor, Math.max(floor, titleStart - 1)));
  let clauseStart = end;
  while (clauseStart > floor && !inSet(text.charCodeAt(clauseStart - 1), CLAUSE_END)) clauseStart--;
  const close = text.indexOf('》', titleStart);
  let afterTitle = '';
  if (close >= 0) {
    // text.slice(close + 1, close + 40).split(/[,，;；。\n]/)[0]
    const limit = Math.min(close + 40, text.length);
    let stop = close + 1;
    while (stop < limit && !inSet(text.charCodeAt(stop), AFTER_TITLE_END)) stop++;
    afterTitle = text.slice(close + 1, stop);
  }
  // 以《…》为统领 / 以《…》为指导 (/以\s*$/ on the clause)
  let k = end;
  while (k > clauseStart && isSpace(text.charCodeAt(k - 1))) k--;
  if (k > clauseStart && text[k - 1] === '以' && /^为(统领|指导|遵循|依据)/.test(afterTitle)) return 'implemented';
  const verb = verbBefore(text.slice(Math.max(clauseStart, end - 25), end));
  if (verb) return verb;
  // 完成《…》修订工作, 《…》的起草: the verb after the title
  if (/^的?(修订|修改)/.test(afterTitle)) return 'revised';
  if (/^的?(制定|起草|出台|印发|编制)/.test(afterTitle)) return 'issued';
  // 推动《…》确定的各项任务全面落实; 《…》…得到贯彻执行
  if (/(落实|贯彻|执行|实施)/.test(afterTitle.replace(/《[^《》]*》/g, ''))) return 'implemented';
  return 'referenced';
}

/** The regulations of one text as they are cited: by title, and in order with what their titles alone decide (looked up once). */
interface Citations {
  byTitle: Map<string, RegulationFact>;
  facts: RegulationFact[];
  known: TitleFacts[];
}

/** One citation of a title: a new fact, or one more mention of the fact already there. (A function of its own: see metricOf.) */
function cite(text: string, span: TitleSpan, cited: Citations, sentences: Sentences, sectionPath: (offset: number) => string[]): void {
  const surface = text.slice(span.start, span.end);
  const title = canonicalRegulationTitle(surface);
  if (!title) return;
  const sentence = sentences.at(span.start);
  const action = citationAction(text, span.start, sentence.start);
  const mention: Mention = { start: span.start, end: span.end, sentence: sentences.textAt(span.start, span.end), section: sectionPath(span.start) };
  const existing = cited.byTitle.get(title);
  if (existing) {
    existing.count++;
    existing.mentions.push(mention);
    if (!existing.surface.includes(surface)) existing.surface.push(surface);
    if (ACTION_RANK.indexOf(action) < ACTION_RANK.indexOf(existing.action)) existing.action = action;
    return;
  }
  const before = text.slice(Math.max(0, span.start - 13), span.start - 1);
  const after = text.slice(span.end + 1, span.end + 6);
  const known = titleFacts(title);
  const fact: RegulationFact = {
    title,
    surface: [surface],
    kind: regulationKind(title, before, after, known),
    scope: null,
    action,
    count: 1,
    mentions: [mention],
    issuer: null,
  };
  cited.byTitle.set(title, fact);
  cited.facts.push(fact);
  cited.known.push(known);
}

export interface RegulationContext {
  sentences: Sentences;
  sectionPath: (offset: number) => string[];
  ownNames?: string[];
  /** The text's titles (findTitles), when the caller has them already. */
  titles?: TitleSpan[];
}

export function extractRegulations(text: string, { sentences, sectionPath, ownNames = [], titles }: RegulationContext): RegulationFact[] {
  const cited: Citations = { byTitle: new Map(), facts: [], known: [] };
  for (const span of titles ?? findTitles(text, sentences.opens)) cite(text, span, cited, sentences, sectionPath);
  // Scope depends on the strongest action over all citations, so it is decided last.
  cited.facts.forEach((fact, k) => {
    const known = cited.known[k];
    fact.scope = regulationScope(fact.title, fact.kind, fact.action, { ownNames }, known);
    if (fact.scope === 'local' || fact.scope === 'provincial') {
      if (known.issuer === undefined) known.issuer = issuingDivisionOf(fact.title);
      fact.issuer = known.issuer;
    } else fact.issuer = null;
  });
  return cited.facts;
}
