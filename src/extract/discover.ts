// Initiatives the lexicon does not know, found by the shape of a fixed name
// (gold GUIDELINES §5):
// - a quoted name with a genre word (“三促一评”活动, “护校安园”专项行动), a
//   list of quoted names closed by 等 + genre (“容缺受理”“六减一增”等改革);
// - a quoted name standing alone (“两服务两提升”, “法治大讲堂”), with lower
//   confidence, when it is not a slogan, a generic word or a body
//   (knowledge/initiative-stoplist.json);
// - unquoted names ending in a genre that only named things carry
//   (…专项整治行动, …联动机制, …管理制度, …监管改革, …信息平台, …公示平台);
// - a place's own brand: 平安昌江建设, 法治德阳建设, 信用清远, and its online
//   services: 甘肃政务服务网, 湖南普法网.
// Local reforms and campaigns differ from report to report, so no list can
// hold them; these shapes are the same everywhere. Found names are marked
// discovered, with a confidence below the lexicon's.
//
// The scans written out by hand (quotesIn, unquotedMatches, placeBrands) are
// exported for test/unit/extract/speed.test.ts, which checks them against their RegExps.
import { createRequire } from 'node:module';
import { registerMarkers, type WordCensus } from './census.js';
import { divisionNameAt, divisionsByName, divisionsByShortName } from './divisions.js';
import { confidenceOf, FORM_TRIE, lexiconEntry } from './lexicon.js';
import { charSet, codeBits, codesOf, hasBit, inSet, isSpace, matchesAtCandidates, orderByKey, remembered, sortByStart, TitleCursor, isCJK } from './scan.js';
import { placeBrandsIn, zoneEndingAt } from './places.js';
import { Trie } from './trie.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact, Mention } from './types.js';

const require = createRequire(import.meta.url);
const STOP: {
  concepts: string[];
  slogans: string[];
  generic: string[];
  tails: string[];
  heads: string[];
  theory: string[];
  theoryLeads: string[];
  shortQuotedEndings: string[];
  quoteFollowers: string[];
  figureVerbs: string[];
  quotePreceders: string[];
} = require('./knowledge/initiative-stoplist.json');
// (compared without quotes, spaces and list marks, as discovered names are: 周调度、旬通报、月讲评 is 周调度旬通报月讲评)
// (w.replace(/[“”"\s、,，]/g, ''), without the call for a name that holds none of them: most)
const BARE_DROPPED = codeBits((c) => c === 0x201c || c === 0x201d || c === 0x22 || isSpace(c) || c === 0x3001 || c === 0x2c || c === 0xff0c);
function bareName(w: string): string {
  for (let i = 0; i < w.length; i++) if (hasBit(BARE_DROPPED, w.charCodeAt(i))) return w.replace(/[“”"\s、,，]/g, '');
  return w;
}
const STOP_WORDS = new Set([...STOP.concepts, ...STOP.slogans, ...STOP.generic].map(bareName));

/** True when a discovered name is a slogan, a generic word, a body or an honour rather than an initiative. */
export const isStopName = remembered(function isStopName(name: string): boolean {
  const bare = bareName(name);
  return isStopWording(bare) || hasStopTail(bare);
});
/** The stoplist's tests on a name's words, all but its ending's: a listed word, a listed head, the theory at its head. */
const isStopWording = (bare: string) => STOP_WORDS.has(bare) || hasStopHead(bare) || headedByTheory(bare);
// STOP.heads.some((h) => bare.startsWith(h)) and STOP.tails.some((t) => bare.endsWith(t)), comparing only the
// words that start (end) with the name's first (last) character (an empty word would match every name)
const HEADS_BY_FIRST = wordsByUnit(STOP.heads, false);
const TAILS_BY_LAST = wordsByUnit(STOP.tails, true);
const EMPTY_HEAD = STOP.heads.includes('');
const EMPTY_TAIL = STOP.tails.includes('');
const hasStopHead = (bare: string) => EMPTY_HEAD || (HEADS_BY_FIRST.get(bare.charCodeAt(0))?.some((h) => bare.startsWith(h)) ?? false);
const hasStopTail = (bare: string) => EMPTY_TAIL || (TAILS_BY_LAST.get(bare.charCodeAt(bare.length - 1))?.some((t) => bare.endsWith(t)) ?? false);

/** Whether a name opens with the theory, after any study words (习近平法治思想大讲堂, 深入学习贯彻党的二十大精神宣讲活动). */
function headedByTheory(bare: string): boolean {
  let at = 0;
  for (;;) {
    const lead = STOP.theoryLeads.find((w) => bare.startsWith(w, at));
    if (!lead) return STOP.theory.some((t) => bare.startsWith(t, at));
    at += lead.length;
  }
}

/**
 * The same for a quoted name and the name it makes with the words after it
 * (“四办四清单”改革): the quoted words are judged as words, their ending only
 * where the name ends.
 */
function isStopQuoted(quoted: string, name: string): boolean {
  return isStopWording(bareName(quoted)) || hasStopTail(bareName(name));
}

const GENRE =
  '专项整治行动|专项整治|专项行动|专项检查|主题实践活动|主题宣传活动|主题活动|宣传活动|宣传月|宣传周|宣传日|深化行动|提升行动|提优行动|服务行动|行动|活动|改革|制度体系|制度|机制|工程|执法品牌|服务品牌|品牌|平台|微信公众号|公众号|模式|工作法|经验|体系|创建';
// Between the quotes and the genre, a few words of the name may stand (“三跨三办”增值化服务, “办不了”署名回告单制度),
// never a joining word (和, 与, 及, 的, 、), which would reach into the next phrase.
// (at most MIDDLE_WORDS of them)
const MIDDLE_WORDS = 12;
const QUOTED_RUN = new RegExp(`((?:“[^“”\\n。,;]{2,30}”(?:、|和|与|及)?){1,6})(等)?([^\\s“”、,，。;；:：和与及的]{0,${MIDDLE_WORDS}}?)(${GENRE})`, 'g');
// The same, anchored: run only at a “ that a genre follows closely enough (see quotedRuns).
const QUOTED_RUN_AT = new RegExp(QUOTED_RUN.source, 'y');
// The census finds where the genres start in the pass it makes anyway.
const GENRE_MARKERS = registerMarkers(GENRE.split('|'));
// The characters a quote of QUOTED_RUN cannot hold, and the words that join two of its quotes.
const NOT_IN_RUN_QUOTE = charSet('“\n。,;');
const RUN_JOINERS = charSet('、和与及');

/** End (after its ”) of the quote of QUOTED_RUN opening at p (a “), or -1: the first ” after it, 2–30 characters on. */
function runQuoteEnd(text: string, p: number): number {
  for (let i = p + 1; i < text.length && i <= p + 31; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201d) return i - p - 1 >= 2 ? i + 1 : -1;
    if (inSet(c, NOT_IN_RUN_QUOTE)) return -1;
  }
  return -1;
}

/**
 * text.matchAll(QUOTED_RUN), the regex run only at a “ where it can match. A
 * quote of the run ends at the first ” after its “ (its words hold no ”), so
 * the run starting at p is one of the chains of up to six quotes from p, each
 * but the first after the one before or after one joining word: it ends
 * after one of them or after its joining word, the genre then starting at
 * most MIDDLE_WORDS + 2 characters on (a joining word, 等 and the words). With no
 * genre starting between the end of the first quote and that far after the end of the longest chain,
 * no match starts at p; elsewhere the anchored regex decides, with matchAll's
 * own choices (it is the same regex). Without the census, matchAll itself.
 */
export function quotedRuns(text: string, census?: WordCensus): RegExpExecArray[] {
  const genres = census?.markersAt(GENRE_MARKERS);
  if (!genres) return [...text.matchAll(QUOTED_RUN)];
  const runs: RegExpExecArray[] = [];
  let g = 0;
  for (let p = text.indexOf('“'); p >= 0; p = text.indexOf('“', p + 1)) {
    const first = runQuoteEnd(text, p);
    if (first < 0) continue;
    let last = first;
    for (let quotes = 1; quotes < 6; quotes++) {
      const next = inSet(text.charCodeAt(last), RUN_JOINERS) ? last + 1 : last;
      const end = text.charCodeAt(next) === 0x201c ? runQuoteEnd(text, next) : -1;
      if (end < 0) break;
      last = end;
    }
    while (g < genres.length && genres[g] < first) g++;
    if (g === genres.length) break;
    if (genres[g] > last + MIDDLE_WORDS + 2) continue;
    QUOTED_RUN_AT.lastIndex = p;
    const m = QUOTED_RUN_AT.exec(text);
    if (!m) continue;
    runs.push(m);
    p += m[0].length - 1; // matchAll resumes after the match
  }
  return runs;
}

/**
 * [...run.matchAll(/“([^“”]+)”/g)] for a run of QUOTED_RUN: quoted names and
 * the words joining them, where every quote is closed, so each “ is matched
 * by the next ”. Found by indexOf, without a match object per quote.
 */
export function quotesIn(run: string): { index: number; inner: string }[] {
  const quotes: { index: number; inner: string }[] = [];
  for (let open = run.indexOf('“'); open >= 0; ) {
    const close = run.indexOf('”', open + 1);
    const next = run.indexOf('“', open + 1);
    if (close < 0) break;
    if (next >= 0 && next < close) {
      open = next; // (cannot happen in a run: “ inside a quote) as the regex would: retry from the inner “
      continue;
    }
    if (close > open + 1) quotes.push({ index: open, inner: run.slice(open + 1, close) });
    open = run.indexOf('“', close + 1);
  }
  return quotes;
}
const GENRE_TAIL = new RegExp(`(${GENRE})$`);
/** The lexicon's entry for a name without its genre word (“一件事一次办”改革 → 一件事一次办), remembered by the name itself (no new string and lookup per ask). */
const entryWithoutGenre = remembered((name: string) => lexiconEntry(name.replace(GENRE_TAIL, '')));

// Unquoted: only genres that are not also everyday words (制度 alone is: 完善制度).
const STRONG_GENRE =
  '专项整治行动|专项整治|专项行动|专项检查|联动机制|衔接机制|协调机制|协作配合机制|协作机制|沟通联系机制|联系机制|会商机制|管理制度|监管制度|责任制|提优行动|深化行动|三年行动|精品工程|提升工程|监管改革|体制改革|大数据平台|信息平台|服务平台|监督平台|考法平台|管理平台|公示平台';
const UNQUOTED = new RegExp(`([\\u4e00-\\u9fff“”、]{2,24}?)(${STRONG_GENRE})`, 'g');
// The same, anchored: run only where a match starts (see unquotedMatches).
const UNQUOTED_AT = new RegExp(UNQUOTED.source, 'y');
const STRONG_GENRE_TRIE = new Trie<number>();
for (const genre of STRONG_GENRE.split('|')) STRONG_GENRE_TRIE.add(genre, 0);
// The census finds where they start in the pass it makes anyway (when the caller passes it).
const STRONG_GENRE_MARKERS = registerMarkers(STRONG_GENRE.split('|'));
const isHeadChar = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || c === 0x201c || c === 0x201d || c === 0x3001;

/**
 * text.matchAll(UNQUOTED), without trying the lazy 2–24 character head at
 * every position of the text. A match starts at p iff some genre starts at a
 * q with p + 2 <= q <= p + 24 and text[p, q) all head characters. Over the
 * genre positions q in order, the earliest start each allows, max(lastIndex,
 * q − 24, start of the head run ending at q − 1), never decreases; so the
 * first q that allows a start at or before q − 2 gives the first match start,
 * and the anchored regex run there returns the very match matchAll would
 * (same lazy head, same alternative).
 */
export function unquotedMatches(text: string, codes: Uint16Array, census?: WordCensus): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let lastIndex = 0;
  // the genre positions, from the census's pass or one trie pass (not a trie lookup at every position)
  for (const q of census?.markersAt(STRONG_GENRE_MARKERS) ?? STRONG_GENRE_TRIE.startsIn(codes)) {
    if (q < 2 || q < lastIndex + 2 || !isHeadChar(codes[q - 1])) continue;
    const floor = Math.max(lastIndex, q - 24);
    let p = q - 1;
    while (p > floor && isHeadChar(codes[p - 1])) p--;
    if (p > q - 2) continue;
    UNQUOTED_AT.lastIndex = p;
    const m = UNQUOTED_AT.exec(text);
    if (!m) throw new Error(`unquotedMatches: no match at ${p}`); // cannot happen (see above)
    matches.push(m);
    lastIndex = p + m[0].length;
  }
  return matches;
}
// The verb or word before a name is not part of it: 开展营商环境…专项整治行动 → 营商环境…专项整治行动.
const LEFT_BOUNDARY =
  /^.*(?:深入开展|扎实开展|组织开展|持续开展|开展了|开展|启动|纳入|列入|融入|写入|加入|引入|形成|成为|作为|深入实施|实施|实行|推行|推进|推动|深化|落实|建立健全|建立|健全|完善|构建|创新|首创|首推|率先|推出|上线|开通|探索|试行|打造|部署|参与|依托|利用|运用|用好|结合|加强|强化|围绕|通过|按照|根据|组织|以及|并|在|的|和|及|为|将|对|是|了|加快|稳步|全面|积极|大力|充分|持续|着力|切实|认真|严格|进一步)/;
const GENERIC_NAME =
  /^(与|和|及|或|并|等|各类|各项|相关|系列|一系列|多项|专项|重点|各|该|此|本|这|有关|其他|工作|长效|常态化|日常|内部|有效|体制|制度|管理|监管|考核|责任|协调|联动|衔接|信息|服务|监督)/;
const LEADING_LEVELS = /^(?:[省市县区镇乡村]、)+[省市县区镇乡村]/;
// A head that lists (粮食市场等领域…), spans every unit (委直各…, …全部接入…) or counts levels (区两级…) is a clause, not a name.
const NOT_A_HEAD = /等|各|全部|所有|^[省市县区镇乡村]?[两三四五]级/;
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
// A platform's name includes the place that runs it (四川省学法考法平台): not stripped.
const PLACE_KEPT = /平台$/;

/** Drops the levels and GB/T 2260 place names a name starts with: 省、市、县…, 德阳市罗江区… */
function withoutLeadingPlaces(name: string): string {
  name = name.replace(LEADING_LEVELS, '');
  // the longest place name that leaves at least 4 characters
  for (let len = divisionNameAt(name, 0, name.length - 4); len; len = divisionNameAt(name, 0, name.length - 4)) name = name.slice(len);
  return name;
}

/** Strips quotes, 、 and spaces: the canonical form of a discovered name (the stoplist's bare form). */
const canonicalOf = bareName;

export interface DiscoverOptions {
  /** True for offsets inside the problems part: words quoted there (缺位, 体外循环) name shortcomings, not initiatives. */
  inProblems?: (offset: number) => boolean;
  /** The text's code units (codesOf), when the caller has them already. */
  codes?: Uint16Array;
  /** The census of the text, when the caller has it: it holds where the strong genres start. */
  census?: WordCensus;
  /** The text's sentences, when the caller has them: they hold where the title brackets are. */
  sentences?: Sentences;
  /** The short name of the report's province when its place lies below the province (江西 for 昌江区): that place brand is not the report's own. */
  provinceAbove?: string | null;
}

interface Found {
  name: string;
  start: number;
  end: number;
  confidence: number;
  /**
   * The words its category is guessed from (categoryOfName), when its kind
   * does not fix the category: guessed only for a name that is taken (most
   * found names are not: covered by the lexicon, seen, a slogan), not for
   * every name found.
   */
  categoryWords?: string;
  /** Its category, when its kind fixes it (a place's brand or platform). */
  category?: string | null;
  /** A place brand's place, by its short name (德阳 in 法治德阳建设). */
  place?: string;
  /** The bare quoted name, when the name is a quoted name plus genre (“揭榜竞优”深化行动 → 揭榜竞优): the two are one initiative. */
  quoted?: string;
  /** Where the quoted words end (the offset of their ”), for a quoted name plus genre. */
  quotedEnd?: number;
}

/** A found name's category: fixed by its kind, or guessed from its words. */
const categoryOf = (f: Found): string | null => (f.category !== undefined ? f.category : categoryOfName(f.categoryWords ?? ''));

/** Category (the lexicon's scheme) guessed from the words of a discovered name. */
export const categoryOfName = remembered(function categoryOfName(name: string): string | null {
  if (/执法|监管|检查|处罚|稽查/.test(name)) return 'law_enforcement';
  if (/复议|应诉|诉讼|法院|审判|执行|检察/.test(name)) return 'review_litigation';
  if (/普法|宣传|法治文化|学法|讲堂|法律明白人|宪法|民法典/.test(name)) return 'legal_publicity';
  if (/决策|规范性文件|合法性|法律顾问|立法/.test(name)) return 'decision_making';
  if (/公开|留言|清单/.test(name)) return 'government_transparency';
  if (/调解|纠纷|信访|平安|网格|治理|枫桥|基层|矛盾/.test(name)) return 'grassroots_governance';
  if (/平台|系统|网上|掌上|数字|智慧|大数据|APP|app|小程序|公众号/.test(name)) return 'digital_government';
  if (/营商|审批|政务服务|企业|办事|放管服|通办|窗|证/.test(name)) return 'business_environment';
  return null;
});

// A word of the domain: a name's head before its quote holds one (nameBefore).
const DOMAIN_WORD = /执法|行政|政务|法治|监管|审批|复议|调解|普法|服务/;

/** Left context that belongs to a quoted name (行政执法队伍素质能力提升“大比武”, 执法“观察期”制度), or ''. */
function nameBefore(text: string, quoteStart: number): string {
  // /[\u4e00-\u9fff]*$/ on the 16 characters before the quote: the CJK characters right before it, found
  // by a scan back (the regex, unanchored at its start, retried from each position of the window)
  let from = quoteStart;
  while (from > 0 && quoteStart - from < 16 && isCJK(text.charCodeAt(from - 1))) from--;
  const run = text.slice(from, quoteStart);
  // the head is a part of the run: a run without a word of the domain has no head (the test below, made first)
  if (run.length < 2 || !DOMAIN_WORD.test(run)) return '';
  const boundary = LEFT_BOUNDARY.exec(run);
  // (an autonomous region's or prefecture's level word is no part of the name: 自治区法治政府建设“15336”部署要求)
  const head = (boundary ? run.slice(boundary[0].length) : run).replace(/^自治[区州县旗]/, '');
  // only a noun phrase of the domain, never a place, a level or a quantifier (全区, 各村, 省级)
  if (head.length < 2 || /^(全|我|各|本|该|市|县|区|省|镇|乡|村|国家|全国|新时代|新)/.test(head) || divisionsByShortName.has(head) || divisionsByName.has(head))
    return '';
  if (!DOMAIN_WORD.test(head)) return '';
  // 法治政府建设示范创建“三促一评”活动: a known initiative before the quote is one of its own
  // (head is CJK only, so a slice is a lexicon key as it stands: any key of 3+ characters inside head, found
  // with the forms' trie from each position instead of a lookup of every slice)
  for (let i = 0; i < head.length - 1; i++) if (FORM_TRIE.longestAt(head, i, 3)) return '';
  return head;
}

// What a quoted name is written in: CJK characters, ASCII letters and digits, the middle dot.
const NAME_UNITS = codeBits((c) => isCJK(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0xb7);
// The particles of a clause (的, 了, 着, 得): a quote holding one is a phrase, not a name.
const PARTICLES = codeBits((c) => '的了着得'.includes(String.fromCharCode(c)));

/**
 * The tests of a quoted name on its own characters, formerly four RegExps: no
 * punctuation, spaces or clause (/[、,，;；:：。!！?？\s—\-+＋()（）]/, unless
 * /^互联网\+/), made of /^[\u4e00-\u9fff0-9A-Za-z·]+$/ with /[\u4e00-\u9fff]{2}/,
 * and no /的|了|着|得/. A name of NAME_UNITS holds none of that punctuation (nor
 * the + of 互联网+, so the exception never let a name through): one pass over
 * the characters decides, cheaper than the lookup that remembered the answer.
 */
export function shapedLikeAName(name: string): boolean {
  let pair = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!hasBit(NAME_UNITS, c) || hasBit(PARTICLES, c)) return false;
    if (i > 0 && isCJK(c) && isCJK(name.charCodeAt(i - 1))) pair = true;
  }
  return pair;
}

// A number and a classifier opening a quote count things (“八大行动”, “十条举措”, “四类案卷”, “三场硬仗”, “三股势力”); 三会一课, 四级四同 and
// 六减一增 name a practice.
const ENUMERATION = /^[一二三四五六七八九十百千两\d]+[大类条项种场股]/;

// A quote that lists or spells out steps (“A—B—C”, “收、受、转”) describes what follows it rather than naming it.
const DESCRIPTION = /[、,，;；—\-+＋]/;
// …except a code of numbers (“1310”, “1+X”, “3+X”, “1+4+8”): the name of a deployment or a system, not its steps.
const NUMBER_CODE = /^(?=.*\d)[\dXNxn]{1,5}(?:[+＋][\dXNxn]{1,3})*$/;

// A party committee's numbered deployment: 省委“1310”具体部署, 市委“1312”思路举措, 法治政府建设“15336”部署要求.
// Its code is quoted, and what follows is one of a few words for a programme of work; the committee is part of the name.
// (the match starts at the quote, a literal the regex engine skips to; the committee before it is read back)
export const NUMBERED_DEPLOYMENT =
  /“((?:\d|[+＋XNxn]){2,9})”([\u4e00-\u9fff]{0,4}?(?:具体部署|工作部署|总体部署|部署要求|思路举措|工作举措|工作安排|具体安排|工作思路|总体思路))/g;
const COMMITTEE = /(?:省|市|地|县|区|州|旗|盟)委$/;
// The same, anchored: run only at a “ that a character of a code follows (see numberedDeploymentMatches).
const NUMBERED_DEPLOYMENT_AT = new RegExp(NUMBERED_DEPLOYMENT.source, 'y');
const CODE_UNITS = codeBits((c) => (c >= 0x30 && c <= 0x39) || '+＋XNxn'.includes(String.fromCharCode(c)));

/**
 * text.matchAll(NUMBERED_DEPLOYMENT), the RegExp run only at a “ followed by a
 * digit, +, X or N (every match starts so): a report has dozens of quotes and
 * few codes. At those, left to right from where the last match ended, the
 * anchored RegExp decides (the same RegExp, the same choices).
 */
export function numberedDeploymentMatches(text: string): RegExpExecArray[] {
  return matchesAtCandidates(text, NUMBERED_DEPLOYMENT_AT, (at) => {
    for (let p = text.indexOf('“', at); p >= 0; p = text.indexOf('“', p + 1)) if (hasBit(CODE_UNITS, text.charCodeAt(p + 1))) return p;
    return -1;
  });
}

function numberedDeployments(text: string): Found[] {
  const found: Found[] = [];
  for (const m of numberedDeploymentMatches(text)) {
    if (!NUMBER_CODE.test(m[1])) continue;
    const at = m.index ?? 0;
    const committee = COMMITTEE.test(text.slice(Math.max(0, at - 2), at)) ? text.slice(at - 2, at) : '';
    // without a committee, the words of the domain before the code are its name's head (法治政府建设“15336”部署要求)
    const head = committee || nameBefore(text, at);
    const name = head + m[1] + m[2];
    found.push({ name, start: at - head.length, end: at + m[0].length, confidence: 0.7, categoryWords: name });
  }
  return found;
}

// The words that join quoted qualifiers in a list (“A”、“B”, “A”和“B”), one character each.
const LIST_JOINERS = charSet('、和与及或');
// A quote after one of these is one side of a contrast (变“群众跑”为“数据跑”).
const CONTRAST = charSet('变由从把让');

/** /(?:题为|题目为|主题为)$/ on the 3 characters before `at`, read in place. */
export function titledBefore(text: string, at: number): boolean {
  return (at >= 2 && text.startsWith('题为', at - 2)) || (at >= 3 && (text.startsWith('题目为', at - 3) || text.startsWith('主题为', at - 3)));
}

/** /^(?:工作)?(?:目标|理念|…)/ over the stoplist's quoteFollowers, on the text from `at`, read in place. */
export function notANameAfter(text: string, at: number): boolean {
  return followerAt(text, at) || (text.startsWith('工作', at) && followerAt(text, at + 2));
}
// (only the followers starting with the character at p are compared, not all of them at every quote)
const FOLLOWERS_BY_FIRST = wordsByUnit(STOP.quoteFollowers, false);
const EMPTY_FOLLOWER = STOP.quoteFollowers.includes('');
const followerAt = (text: string, p: number) => EMPTY_FOLLOWER || (FOLLOWERS_BY_FIRST.get(text.charCodeAt(p))?.some((w) => text.startsWith(w, p)) ?? false);

/** Words by their first code unit (or their last), each list in the order given. */
function wordsByUnit(words: string[], last: boolean): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of words) {
    const c = w.charCodeAt(last ? w.length - 1 : 0);
    map.set(c, [...(map.get(c) ?? []), w]);
  }
  return map;
}
const PRECEDERS_BY_FIRST = wordsByUnit(STOP.quotePreceders, false);
const FIGURE_VERBS_BY_LAST = wordsByUnit(STOP.figureVerbs, true);
const FIGURE_VERB_MAX = Math.max(0, ...STOP.figureVerbs.map((v) => v.length));

/** Whether one of the stoplist's quotePreceders ends within the 8 characters before `at`, with no punctuation after it (the same clause). */
export function precededInClause(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && at - from < 8 && isCJK(text.charCodeAt(from - 1))) from--;
  // (read in place: at each start the clause allows, at most 8, only the words starting with the
  // character there; not every word at every start, and not a slice per quote)
  for (let p = from; p < at; p++) {
    const words = PRECEDERS_BY_FIRST.get(text.charCodeAt(p));
    if (words) for (const w of words) if (p + w.length <= at && text.startsWith(w, p)) return true;
  }
  return false;
}

/**
 * STOP.figureVerbs.some((v) => text.startsWith(v, at - v.length)): one of the
 * verbs ends right before `at`. Only the verbs ending in the character before
 * `at` are compared; near the start of the text, where startsWith clamps a
 * negative position to 0, every verb is, as before.
 */
export function figureVerbBefore(text: string, at: number): boolean {
  if (at < FIGURE_VERB_MAX) return STOP.figureVerbs.some((v) => text.startsWith(v, at - v.length));
  const verbs = FIGURE_VERBS_BY_LAST.get(text.charCodeAt(at - 1));
  return verbs?.some((v) => text.startsWith(v, at - v.length)) ?? false;
}

/**
 * The short noun of the domain that ends a head of nameBefore right before the quote, from its first domain
 * word on (完成行政执法“优差双评” → 行政执法), or ''.
 */
function headNoun(head: string): string {
  if (!/(执法|行政|政务|监管|审批|复议|调解|普法|服务)$/.test(head)) return '';
  const noun = head.slice(head.search(/行政|政务|执法|监管|审批|复议|调解|普法/));
  return noun.length >= 2 && noun.length <= 6 ? noun : '';
}

/** The heads of a campaign brand: 法治X, 平安X. */
const BRAND_HEAD = /^(?:法治|平安)[\u4e00-\u9fff]{2,4}$/;

/**
 * Offset of the ” closing a quote of /“([^“”\n]{3,16})”/ that opens at `open`
 * (a “), or -1. The quoted words hold no “, ” or line break, so the quote can
 * only close at the first of these after `open`, 3–16 characters on.
 */
export function shortQuoteClose(text: string, open: number): number {
  const limit = Math.min(text.length, open + 18);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201d) return i - open - 1 >= 3 ? i : -1;
    if (c === 0x201c || c === 0x0a) return -1;
  }
  return -1;
}

function quotedNames(text: string, options: DiscoverOptions): Found[] {
  const found: Found[] = [];
  const inRun = new Set<number>();
  for (const m of quotedRuns(text, options.census)) {
    const at = m.index ?? 0;
    const etc = !!m[2];
    // the words between the quotes and the genre belong to the name (of the last quote)
    const middle = m[3];
    const genre = middle + m[4];
    const quotes = quotesIn(m[1]);
    quotes.forEach((q, i) => {
      const start = at + q.index;
      const end = start + q.inner.length + 2;
      inRun.add(start);
      // With 等 the genre only classifies the list; without it, it belongs to
      // the last name (“A”、“B”改革: A is a name of its own, B改革 another; “亲清赣商”平台 is 亲清赣商平台,
      // also called 亲清赣商).
      const takesGenre = !etc && i === quotes.length - 1;
      const name = canonicalOf(q.inner);
      const before = quotes.length === 1 ? nameBefore(text, start) : '';
      const steps = !/^互联网\+/.test(q.inner) && !NUMBER_CODE.test(q.inner) && (/[+＋]/.test(q.inner) || (middle.length > 0 && DESCRIPTION.test(q.inner)));
      if (takesGenre && steps) {
        // “依法治区办总账—协调小组台账—责任单位细账”三级台账管理制度: a quoted description, then the name
        // (not when the words left are generic: “周调度、旬通报、月讲评”工作机制 is a slogan's mechanism; and a
        // list of steps with a bare genre after it, “专题述法+书记点评+民主评议”模式, is a slogan too)
        // The quoted steps are part of the name, which is also called by its words alone (三级台账管理制度).
        if (middle.length < 4 || GENERIC_NAME.test(middle)) return;
        const steps = canonicalOf(q.inner);
        found.push({ name: steps + genre, start, end: at + m[0].length, confidence: 0.8, categoryWords: steps + genre, quoted: genre });
      } else if (takesGenre) {
        found.push({
          name: before + name + genre,
          start: start - before.length,
          end: at + m[0].length,
          confidence: 0.8,
          categoryWords: before + name + genre,
          quoted: name,
          quotedEnd: end - 1,
        });
      } else if (before && etc) {
        // 行政执法队伍素质能力提升“大比武”等活动: the words before the quote belong to the name
        found.push({ name: before + name, start: start - before.length, end, confidence: 0.7, categoryWords: before + name + genre, quoted: name });
      } else if (!NUMBER_CODE.test(q.inner)) found.push({ name, start: start + 1, end: end - 1, confidence: 0.7, categoryWords: name + genre });
      // (a code alone, “1+11”, names nothing: only with the words that follow it)
    });
  }
  // A quoted name standing alone: a name if it is shaped like one and not a slogan.
  const titles = options.sentences ? new TitleCursor(options.sentences.opens, options.sentences.closes) : TitleCursor.of(text);
  for (let start = text.indexOf('“'), end = 0; start >= 0; start = text.indexOf('“', end)) {
    // the next quote of /“([^“”\n]{3,16})”/g, as matchAll finds them: end is where the search resumes
    const close = shortQuoteClose(text, start);
    end = close < 0 ? start + 1 : close + 1;
    if (close < 0 || inRun.has(start)) continue;
    const name = text.slice(start + 1, close);
    if (!shapedLikeAName(name)) continue;
    // (a title is at most 120 characters: a bounded look-back, not a scan back through the text)
    if (titles.openAt(start, 120)) continue;
    // 变“群众跑”为“数据跑”: a contrast, not a name; 打好“学习牌”: a figure of speech
    if (inSet(text.charCodeAt(start - 1), CONTRAST)) continue;
    if (figureVerbBefore(text, start)) continue;
    // 获评“贵州省禁毒示范城市”, 勇当甘肃改革“开路先锋”: an honour received or a role taken
    if (precededInClause(text, start)) continue;
    // “点对点”和“总对总”网络查控, “钉钉打卡”、“日常巡查”: qualifiers in a list, not names
    // (/^(?:、|和|与|及|或)?“/ on the 2 characters after, /”(?:、|和|与|及|或)?$/ on the 2 before)
    const listedNext = text.charCodeAt(end) === 0x201c || (inSet(text.charCodeAt(end), LIST_JOINERS) && text.charCodeAt(end + 1) === 0x201c);
    const listedPrevious = text.charCodeAt(start - 1) === 0x201d || (inSet(text.charCodeAt(start - 1), LIST_JOINERS) && text.charCodeAt(start - 2) === 0x201d);
    if (listedNext || listedPrevious) continue;
    if (options.inProblems?.(start)) continue;
    // “八大行动”, “十条举措”, “三类人员”: a count of things, not a name
    if (ENUMERATION.test(name)) continue;
    // 作题为“…”的专题辅导: the title of a talk
    if (titledBefore(text, start)) continue;
    // “两高三新”目标, 按照“法治立局”的工作要求, “人防车位”问题, “两河三湖”流域: a goal, a principle, a problem, an area
    if (notANameAfter(text, end)) continue;
    // “强富美高”新南京, “强富美高”新开发区: the vision of a place (a zone spoken of by its ending is one)
    if (
      text.charCodeAt(end) === 0x65b0 /* 新 */ &&
      (divisionsByShortName.has(text.slice(end + 1, end + 3)) || divisionsByShortName.has(text.slice(end + 1, end + 4)) || zoneEndingAt(text, end + 1))
    )
      continue;
    // a three-character quote standing alone is a figure of speech (“指挥棒”) unless shaped like a brand (“湘易办”)
    if (name.length === 3 && !STOP.shortQuotedEndings.some((e) => name.endsWith(e)) && !lexiconEntry(name)) continue;
    // “法治中村”建设, “平安人社”建设: a place's or a department's own rule-of-law campaign, named with its 建设
    // (as the unquoted brands are: 法治德阳建设; and, as theirs, not the province's in a lower place's report)
    if (BRAND_HEAD.test(name) && text.startsWith('建设', end)) {
      if (name.slice(2) === options.provinceAbove) continue;
      found.push({ name: `${name}建设`, start, end: end + 2, confidence: 0.7, categoryWords: name, quoted: name });
      continue;
    }
    // 行政执法“优差双评”: the domain words before the quote are part of the name, which the quote alone also names
    // (only a short domain noun right before the quote: a longer run is the clause that leads to it)
    const before = headNoun(nameBefore(text, start));
    if (before) found.push({ name: before + name, start: start - before.length, end, confidence: 0.6, categoryWords: before + name, quoted: name });
    else found.push({ name, start: start + 1, end: start + 1 + name.length, confidence: 0.6, categoryWords: name });
  }
  return found;
}

function unquotedNames(text: string, codes: Uint16Array, census?: WordCensus): Found[] {
  const found: Found[] = [];
  for (const m of unquotedMatches(text, codes, census)) {
    const at = m.index ?? 0;
    let head = m[1];
    const boundary = LEFT_BOUNDARY.exec(head);
    if (boundary) head = head.slice(boundary[0].length);
    if (/[“”]/.test(head)) continue; // a quoted name: quotedNames's business
    // the places and levels that run it are not part of its name (德阳市罗江区…), except a platform's
    if (!PLACE_KEPT.test(m[2])) head = withoutLeadingPlaces(head.replace(LEADING_LEVELS, '').replace(/^(全|本|我)[省市县区镇乡旗]/, ''));
    // the last of a list (A工程、B工程): only what follows the 、
    head = head.slice(head.lastIndexOf('、') + 1);
    if (head.length < 3 || GENERIC_NAME.test(head) || NOT_A_HEAD.test(head)) continue;
    const end = at + m[0].length;
    // a head that starts right after a number (2024年…, 8名干部…) is the rest of a clause, not a name
    if (isAsciiDigit(text.charCodeAt(end - head.length - m[2].length - 1))) continue;
    const start = end - head.length - m[2].length;
    found.push({ name: canonicalOf(text.slice(start, end)), start, end, confidence: 0.6, categoryWords: head + m[2] });
  }
  return found;
}

/** The place brands of the text (placeBrandsIn) as discovered initiatives. */
export function placeBrands(text: string, codes: Uint16Array, census?: WordCensus): Found[] {
  return placeBrandsIn(text, codes, census).map((b) => {
    const prefix = b.name.slice(0, 2);
    return {
      name: b.name,
      start: b.start,
      end: b.end,
      place: b.place,
      confidence: 0.7,
      category: categoryOfName(prefix) ?? (prefix === '平安' ? 'grassroots_governance' : null),
    };
  });
}

// A place's own online service: 甘肃政务服务网, 湖南普法网 (the province's or city's name, or its short name, before it).
const PLATFORM_ENDINGS = ['政务服务网', '普法网'];
// The census finds where the endings start in the pass it makes anyway.
const PLATFORM_MARKERS = registerMarkers(PLATFORM_ENDINGS);

/** Where the endings start: from the census when given, else by indexOf. */
function platformEndingsIn(text: string, census?: WordCensus): number[] {
  const marked = census?.markersAt(PLATFORM_MARKERS);
  if (marked) return marked;
  const at: number[] = [];
  for (const ending of PLATFORM_ENDINGS) for (let p = text.indexOf(ending); p >= 0; p = text.indexOf(ending, p + ending.length)) at.push(p);
  return at.sort((a, b) => a - b);
}

/** The place platforms of the text: an ending of PLATFORM_ENDINGS right after a division's name or short name. */
export function placePlatforms(text: string, census?: WordCensus): Found[] {
  const found: Found[] = [];
  for (const at of platformEndingsIn(text, census)) {
    const ending = text.startsWith(PLATFORM_ENDINGS[0], at) ? PLATFORM_ENDINGS[0] : PLATFORM_ENDINGS[1];
    for (let length = Math.min(6, at); length >= 2; length--) {
      const place = text.slice(at - length, at);
      if (!divisionsByName.has(place) && !divisionsByShortName.has(place)) continue;
      const end = at + ending.length;
      found.push({ name: place + ending, start: at - length, end, confidence: 0.7, category: ending === '普法网' ? 'legal_publicity' : 'digital_government' });
      break;
    }
  }
  return found;
}

/** Spans of 《…》 titles (brackets included). */
function titleSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/《[^《》\n]{1,120}》/g)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}

/**
 * Some title span holds [start, end) whole. The spans are matchAll's: disjoint
 * and in order, so only the last one starting at or before start can (a
 * binary search: a scan of every title per brand is quadratic on hostile text).
 */
function inTitle(titles: [number, number][], start: number, end: number): boolean {
  const k = lastTitleFrom(titles, start);
  return k >= 0 && end <= titles[k][1];
}

/** Index of the last title span starting at or before offset, or -1 (a binary search). */
function lastTitleFrom(titles: [number, number][], offset: number): number {
  let lo = 0;
  let hi = titles.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (titles[mid][0] <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** The unquoted names, but not one that is a whole 《》 title: 《…财务管理制度》 is a document, not a system carried out. */
function unquotedNamesOutsideWholeTitles(text: string, codes: Uint16Array, census?: WordCensus): Found[] {
  return unquotedNames(text, codes, census).filter((f) => !(codes[f.start - 1] === 0x300a /* 《 */ && codes[f.end] === 0x300b) /* 》 */);
}

/**
 * The place brands that are initiatives of this report: not inside a 《》 title (the titles are looked
 * for only in a text with brands: most have none), and not the province's brand in the report of a
 * place below it: 服务平安贵州建设 and 法治浙江建设社会满意度 in a county's report name the province's
 * programme as the frame of the county's work, not the county's own.
 */
function placeBrandsOf(text: string, codes: Uint16Array, census: WordCensus | undefined, provinceAbove: string | null | undefined): Found[] {
  const brands = placeBrands(text, codes, census).filter((f) => f.place !== provinceAbove);
  if (!brands.length) return brands;
  const titles = titleSpans(text);
  return brands.filter((f) => !inTitle(titles, f.start, f.end));
}

/**
 * Named initiatives outside the lexicon. `lexicon` holds the lexicon's
 * findings: a discovered name the lexicon resolves is added to that entry
 * instead, and a span the lexicon already covers whole is not found again.
 */
export function discoverInitiatives(
  text: string,
  lexicon: InitiativeFact[],
  sentences: Sentences,
  sectionPath: (offset: number) => string[],
  options: DiscoverOptions = {},
): InitiativeFact[] {
  const codes = options.codes ?? codesOf(text);
  const all = [
    ...quotedNames(text, { sentences, ...options }),
    ...unquotedNamesOutsideWholeTitles(text, codes, options.census),
    ...placeBrandsOf(text, codes, options.census, options.provinceAbove),
    ...placePlatforms(text, options.census),
    ...numberedDeployments(text),
  ];
  const discovery = new Discovery(text, lexicon, sentences, sectionPath);
  for (const f of all) if (f.quoted && !lexiconEntry(f.quoted)) discovery.quotedAs.set(f.quoted, discovery.quotedAs.get(f.quoted) ?? f.name);
  for (const f of all) discovery.consider(f);
  for (const fact of [...discovery.touched, ...discovery.discovered.values()]) sortByStart(fact.mentions);
  return [...discovery.discovered.values()];
}

/**
 * The state of discovery over one text, and the decision on each found name.
 * (A method per name, not one long loop body in discoverInitiatives: the
 * optimizing compiler then compiles small functions once each, instead of one
 * very large one twice while extraction warms up.)
 */
class Discovery {
  // The lexicon's spans, disjoint (the lexicon never matches a character twice), by start: looked up, not scanned.
  private readonly covered: Covered;
  private readonly byName: Map<string, InitiativeFact>;
  private readonly occupied = new Occupancy();
  private readonly endingAt: LexiconEnds;
  readonly touched = new Set<InitiativeFact>();
  readonly discovered = new Map<string, InitiativeFact>();
  /** “揭榜竞优” and “揭榜竞优”深化行动 are one initiative, under the longer name. */
  readonly quotedAs = new Map<string, string>();
  private readonly seen = new Set<number | string>();

  constructor(
    private readonly text: string,
    lexicon: InitiativeFact[],
    private readonly sentences: Sentences,
    private readonly sectionPath: (offset: number) => string[],
  ) {
    this.covered = new Covered(lexicon);
    this.byName = new Map(lexicon.map((f) => [f.name, f]));
    this.endingAt = new LexiconEnds(lexicon, this.covered);
  }

  consider(f: Found): void {
    const { text, covered, endingAt, occupied } = this;
    // (the span as one number when that is exact, as the string start:end otherwise)
    const key = f.start < 2 ** 21 && f.end - f.start < 2 ** 31 ? f.start * 2 ** 32 + (f.end - f.start) : `${f.start}:${f.end}`;
    if (this.seen.has(key) || f.name.length < 3 || f.name.length > 34) return;
    this.seen.add(key);
    if (covered.contains(f.start, f.end)) return;
    // “清远粤执法”: a place's own instance of a known brand is named in full; the brand's mention yields
    // (“清远粤执法”平台: the brand ends where the quoted words end)
    const brandEnd = f.quotedEnd !== undefined && !endingAt.first(f.start, f.end) ? f.quotedEnd : f.end;
    const inner = endingAt.first(f.start, brandEnd);
    if (
      inner &&
      (f.confidence <= 0.7 || f.quotedEnd !== undefined) &&
      divisionsByShortName.has(text.slice(f.start, inner.mentions.find((m) => m.end === brandEnd)!.start).replace(/^“/, ''))
    ) {
      for (const m of inner.mentions) if (m.end === brandEnd) occupied.release(inner, m);
      endingAt.remove(inner, brandEnd);
      inner.mentions = inner.mentions.filter((m) => m.end !== brandEnd);
      inner.count = inner.mentions.length;
    } else if (inner) return;
    // 法治宣传教育公民法治素养提升工程, “申请公租房一件事一次办”: a known name closes the span, the rest is context
    else if (!f.quoted && covered.closedBy(f.start, f.end)) return;
    // “一件事一次办”改革 is the lexicon's 一件事一次办
    const entry = lexiconEntry(f.name) ?? entryWithoutGenre(f.name) ?? (f.quoted ? lexiconEntry(f.quoted) : undefined);
    if (!entry && (f.quoted ? isStopQuoted(f.quoted, f.name) : isStopName(f.name))) return;
    const known = entry ? this.byName.get(entry.name) : undefined;
    const name = entry ? entry.name : (this.quotedAs.get(f.name) ?? f.name);
    const fact: InitiativeFact =
      known ??
      this.discovered.get(name) ??
      (entry
        ? { name: entry.name, surface: [], category: entry.category, count: 0, mentions: [], discovered: false, confidence: confidenceOf(entry) }
        : { name, surface: [], category: categoryOf(f), count: 0, mentions: [], discovered: true, confidence: f.confidence });
    if (occupied.overlaps(fact, f.start, f.end)) return; // already counted there
    // (the surface and the mention are made only for a name that is taken)
    const surface = text.slice(f.start, f.end);
    const mention: Mention = { start: f.start, end: f.end, sentence: this.sentences.textAt(f.start, f.end), section: this.sectionPath(f.start) };
    fact.count++;
    fact.confidence = Math.max(fact.confidence ?? 0, entry ? confidenceOf(entry) : f.confidence);
    fact.mentions.push(mention);
    occupied.take(fact, mention);
    if (!fact.surface.includes(surface)) fact.surface.push(surface);
    // “亲清赣商”平台 is also referred to as 亲清赣商: the quoted words alone are a form of the name (gold GUIDELINES §5)
    if (f.quoted && !entry && !fact.surface.includes(f.quoted)) fact.surface.push(f.quoted);
    if (known) {
      this.touched.add(known);
      endingAt.add(known, mention);
    } else this.discovered.set(fact.name, fact);
  }
}

// Indexes that keep discovery linear in the text however many names it finds
// (a report quoting the same name 20,000 times must not take 20,000² steps).

/** The lexicon's mention spans as found before discovery: disjoint, sorted by start. */
class Covered {
  /** The spans sorted by start (disjoint: by end too), with their fact's index in the lexicon. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly facts: number[] = [];
  constructor(lexicon: InitiativeFact[]) {
    // sorted as packed numbers start × 2^21 + ordinal in one Float64Array (equal starts in the order given),
    // not as pairs with a comparator; the ordinal leads back to the span
    const spans: InitiativeFact['mentions'] = [];
    const owner: number[] = [];
    for (let k = 0; k < lexicon.length; k++) {
      for (const m of lexicon[k].mentions) {
        spans.push(m);
        owner.push(k);
      }
    }
    const starts: number[] = new Array(spans.length);
    for (let i = 0; i < spans.length; i++) starts[i] = spans[i].start;
    for (const o of orderByKey(starts)) {
      this.starts.push(spans[o].start);
      this.ends.push(spans[o].end);
      this.facts.push(owner[o]);
    }
  }
  /** Index of the last span starting at or before offset, or -1. */
  private lastStartingBy(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi;
  }
  /** Some span holds [start, end) whole: with disjoint spans, only the last one starting at or before start can. */
  contains(start: number, end: number): boolean {
    const k = this.lastStartingBy(start);
    return k >= 0 && end <= this.ends[k];
  }
  /** Some span ends at end and starts after start (disjoint spans: at most one ends there). */
  closedBy(start: number, end: number): boolean {
    const s = this.startEndingAt(end);
    return s >= 0 && s > start;
  }
  /** Index of the span ending at end, or -1: the last one starting before end, if it ends there. */
  private endingAt(end: number): number {
    const k = this.lastStartingBy(end - 1);
    return k >= 0 && this.ends[k] === end ? k : -1;
  }
  /** Start of the span ending at end, or -1. */
  startEndingAt(end: number): number {
    const k = this.endingAt(end);
    return k >= 0 ? this.starts[k] : -1;
  }
  /** Lexicon index of the fact of the span ending at end (call when startEndingAt(end) >= 0). */
  factEndingAt(end: number): number {
    return this.facts[this.endingAt(end)];
  }
}

/**
 * The character offsets each fact's mentions occupy. Most facts have a few
 * mentions: their offsets are kept as a short list of [start, end) ranges
 * (checked one by one), and only a fact with many becomes a set of offsets
 * (so a name quoted 20,000 times stays linear), instead of a set per fact
 * built for the first candidate that asks about it.
 */
class Occupancy {
  private readonly byFact = new Map<InitiativeFact, number[] | Set<number>>();
  private static readonly MAX_RANGES = 16;
  private of(fact: InitiativeFact): number[] | Set<number> {
    let held = this.byFact.get(fact);
    if (!held) {
      const ranges: number[] = [];
      for (const m of fact.mentions) if (m.start < m.end) ranges.push(m.start, m.end);
      held = ranges.length > 2 * Occupancy.MAX_RANGES ? toSet(ranges) : ranges;
      this.byFact.set(fact, held);
    }
    return held;
  }
  overlaps(fact: InitiativeFact, start: number, end: number): boolean {
    const held = this.of(fact);
    if (held instanceof Set) {
      for (let i = start; i < end; i++) if (held.has(i)) return true;
      return false;
    }
    if (start >= end) return false;
    for (let k = 0; k < held.length; k += 2) if (held[k] < end && start < held[k + 1]) return true;
    return false;
  }
  take(fact: InitiativeFact, m: Mention): void {
    const held = this.of(fact);
    if (held instanceof Set) for (let i = m.start; i < m.end; i++) held.add(i);
    else if (m.start < m.end) {
      held.push(m.start, m.end);
      if (held.length > 2 * Occupancy.MAX_RANGES) this.byFact.set(fact, toSet(held));
    }
  }
  release(fact: InitiativeFact, m: Mention): void {
    const held = this.byFact.get(fact);
    if (held instanceof Set) for (let i = m.start; i < m.end; i++) held.delete(i);
    else if (held) {
      // the ranges minus [m.start, m.end)
      const rest: number[] = [];
      for (let k = 0; k < held.length; k += 2) {
        if (held[k] < Math.min(held[k + 1], m.start)) rest.push(held[k], Math.min(held[k + 1], m.start));
        if (Math.max(held[k], m.end) < held[k + 1]) rest.push(Math.max(held[k], m.end), held[k + 1]);
      }
      this.byFact.set(fact, rest);
    }
  }
}

function toSet(ranges: number[]): Set<number> {
  const set = new Set<number>();
  for (let k = 0; k < ranges.length; k += 2) for (let i = ranges[k]; i < ranges[k + 1]; i++) set.add(i);
  return set;
}

/**
 * The lexicon facts' current mentions by end offset, to find the first fact
 * (in lexicon order) with a mention ending at an offset. The mentions found by
 * the lexicon are read from Covered (at most one ends at an offset); only the
 * changes discovery makes are kept here: a mention taken away, one added.
 */
class LexiconEnds {
  /** Ends whose lexicon-found mention was taken away. */
  private readonly removed = new Set<number>();
  private readonly added = new Map<number, { fact: InitiativeFact; start: number }[]>();
  private order: Map<InitiativeFact, number> | null = null;
  constructor(
    private readonly lexicon: InitiativeFact[],
    private readonly covered: Covered,
  ) {}
  private orderOf(fact: InitiativeFact): number {
    this.order ??= new Map(this.lexicon.map((f, i) => [f, i]));
    return this.order.get(fact)!;
  }
  add(fact: InitiativeFact, m: Mention): void {
    const list = this.added.get(m.end) ?? [];
    list.push({ fact, start: m.start });
    this.added.set(m.end, list);
  }
  remove(fact: InitiativeFact, end: number): void {
    if (this.covered.startEndingAt(end) >= 0 && this.lexicon[this.covered.factEndingAt(end)] === fact) this.removed.add(end);
    const list = this.added.get(end);
    if (list)
      this.added.set(
        end,
        list.filter((x) => x.fact !== fact),
      );
  }
  /** The first lexicon fact with a mention starting after start and ending at end. */
  first(start: number, end: number): InitiativeFact | undefined {
    let best: InitiativeFact | undefined;
    let bestOrder = 0;
    const initial = this.removed.has(end) ? -1 : this.covered.startEndingAt(end);
    if (initial >= 0 && initial > start) {
      bestOrder = this.covered.factEndingAt(end);
      best = this.lexicon[bestOrder];
    }
    for (const x of this.added.get(end) ?? []) {
      if (x.start > start && (best === undefined || this.orderOf(x.fact) < bestOrder)) {
        best = x.fact;
        bestOrder = this.orderOf(x.fact);
      }
    }
    return best;
  }
}
