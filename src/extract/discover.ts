// Initiatives the lexicon does not know, found by the shape of a fixed name
// (gold GUIDELINES §5):
// - a quoted name with a genre word (“三促一评”活动, “护校安园”专项行动), a
//   list of quoted names closed by 等 + genre (“容缺受理”“六减一增”等改革);
// - a quoted name standing alone (“两服务两提升”, “法治大讲堂”), with lower
//   confidence, when it is not a slogan, a generic word or a body
//   (knowledge/initiative-stoplist.json);
// - unquoted names ending in a genre that only named things carry
//   (…专项整治行动, …联动机制, …管理制度, …监管改革, …信息平台);
// - a place's own brand: 平安昌江建设, 法治德阳, 信用清远.
// Local reforms and campaigns differ from report to report, so no list can
// hold them; these shapes are the same everywhere. Found names are marked
// discovered, with a confidence below the lexicon's.
import { createRequire } from 'node:module';
import { divisionNameAt, divisionsByName, divisionsByShortName } from './divisions.js';
import { confidenceOf, lexiconEntry } from './lexicon.js';
import { Trie } from './trie.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact, Mention } from './types.js';

const require = createRequire(import.meta.url);
const STOP: { concepts: string[]; slogans: string[]; generic: string[]; tails: string[]; heads: string[] } = require('./knowledge/initiative-stoplist.json');
const STOP_WORDS = new Set([...STOP.concepts, ...STOP.slogans, ...STOP.generic].map((w) => w.replace(/[“”"\s]/g, '')));

/** True when a discovered name is a slogan, a generic word, a body or an honour rather than an initiative. */
export function isStopName(name: string): boolean {
  const bare = name.replace(/[“”"\s]/g, '');
  if (STOP_WORDS.has(bare)) return true;
  if (STOP.tails.some((t) => bare.endsWith(t))) return true;
  if (STOP.heads.some((h) => bare.startsWith(h))) return true;
  return false;
}

const GENRE =
  '专项整治行动|专项整治|专项行动|专项检查|主题实践活动|主题宣传活动|主题活动|宣传活动|深化行动|提升行动|提优行动|服务行动|行动|活动|改革|制度|机制|工程|执法品牌|服务品牌|品牌|平台|模式|工作法|经验';
const QUOTED_RUN = new RegExp(`((?:“[^“”\\n。,;]{2,30}”(?:、|和|与|及)?){1,6})(等)?(${GENRE})`, 'g');
const QUOTED = /“([^“”]+)”/g;
const GENRE_TAIL = new RegExp(`(${GENRE})$`);

// Unquoted: only genres that are not also everyday words (制度 alone is: 完善制度).
const STRONG_GENRE =
  '专项整治行动|专项整治|专项行动|专项检查|联动机制|衔接机制|协调机制|协作机制|沟通联系机制|联系机制|会商机制|管理制度|监管制度|责任制|提优行动|深化行动|三年行动|精品工程|提升工程|监管改革|体制改革|大数据平台|信息平台|服务平台|监督平台|考法平台|管理平台';
const UNQUOTED = new RegExp(`([\\u4e00-\\u9fff“”、]{2,24}?)(${STRONG_GENRE})`, 'g');
// The same, anchored: run only where a match starts (see unquotedMatches).
const UNQUOTED_AT = new RegExp(UNQUOTED.source, 'y');
const STRONG_GENRE_TRIE = new Trie<true>();
for (const genre of STRONG_GENRE.split('|')) STRONG_GENRE_TRIE.add(genre, true);
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
function unquotedMatches(text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let lastIndex = 0;
  for (let q = 2; q < text.length; q++) {
    if (q < lastIndex + 2 || !isHeadChar(text.charCodeAt(q - 1)) || !STRONG_GENRE_TRIE.longestAt(text, q)) continue;
    const floor = Math.max(lastIndex, q - 24);
    let p = q - 1;
    while (p > floor && isHeadChar(text.charCodeAt(p - 1))) p--;
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
  /^.*(?:深入开展|扎实开展|组织开展|持续开展|开展了|开展|启动|深入实施|实施|实行|推行|推进|推动|深化|落实|建立健全|建立|健全|完善|构建|创新|探索|试行|打造|部署|参与|依托|利用|运用|用好|结合|加强|强化|围绕|通过|按照|根据|组织|以及|并|在|的|和|及|为|将|对|是|了|加快|稳步|全面|积极|大力|充分|持续|着力|切实|认真|严格|进一步)/;
const GENERIC_NAME = /^(与|和|及|或|并|等|各类|各项|相关|系列|一系列|多项|专项|重点|各|该|此|本|这|有关|其他|工作|长效|常态化|日常|内部|有效|体制|制度|管理|监管|考核|责任|协调|联动|衔接|信息|服务|监督)/;
const LEADING_LEVELS = /^(?:[省市县区镇乡村]、)+[省市县区镇乡村]/;
// A platform's name includes the place that runs it (四川省学法考法平台): not stripped.
const PLACE_KEPT = /平台$/;

/** Drops the levels and GB/T 2260 place names a name starts with: 省、市、县…, 德阳市罗江区… */
function withoutLeadingPlaces(name: string): string {
  name = name.replace(LEADING_LEVELS, '');
  // the longest place name that leaves at least 4 characters
  for (let len = divisionNameAt(name, 0, name.length - 4); len; len = divisionNameAt(name, 0, name.length - 4)) name = name.slice(len);
  return name;
}

/** Strips quotes, 、 and spaces: the canonical form of a discovered name. */
const canonicalOf = (s: string) => s.replace(/[“”"\s、,，]/g, '');

export interface DiscoverOptions {
  /** True for offsets inside the problems part: words quoted there (缺位, 体外循环) name shortcomings, not initiatives. */
  inProblems?: (offset: number) => boolean;
}

interface Found {
  name: string;
  start: number;
  end: number;
  confidence: number;
  category: string | null;
  /** The bare quoted name, when the name is a quoted name plus genre (“揭榜竞优”深化行动 → 揭榜竞优): the two are one initiative. */
  quoted?: string;
}

/** Category (the lexicon's scheme) guessed from the words of a discovered name. */
export function categoryOfName(name: string): string | null {
  if (/执法|监管|检查|处罚|稽查/.test(name)) return 'law_enforcement';
  if (/复议|应诉|诉讼|法院|审判|执行|检察/.test(name)) return 'review_litigation';
  if (/普法|宣传|法治文化|学法|讲堂|法律明白人|宪法|民法典/.test(name)) return 'legal_publicity';
  if (/决策|规范性文件|合法性|法律顾问|立法/.test(name)) return 'decision_making';
  if (/公开|留言|清单/.test(name)) return 'government_transparency';
  if (/调解|纠纷|信访|平安|网格|治理|枫桥|基层|矛盾/.test(name)) return 'grassroots_governance';
  if (/平台|系统|网上|掌上|数字|智慧|大数据|APP|app|小程序|公众号/.test(name)) return 'digital_government';
  if (/营商|审批|政务服务|企业|办事|放管服|通办|窗|证/.test(name)) return 'business_environment';
  return null;
}

/** Left context that belongs to a quoted name (行政执法队伍素质能力提升“大比武”, 执法“观察期”制度), or ''. */
function nameBefore(text: string, quoteStart: number): string {
  const window = text.slice(Math.max(0, quoteStart - 16), quoteStart);
  const run = /[\u4e00-\u9fff]*$/.exec(window)?.[0] ?? '';
  const boundary = LEFT_BOUNDARY.exec(run);
  const head = boundary ? run.slice(boundary[0].length) : run;
  // only a noun phrase of the domain, never a place, a level or a quantifier (全区, 各村, 省级)
  if (head.length < 2 || /^(全|我|各|本|该|市|县|区|省|镇|乡|村|国家|全国|新时代|新)/.test(head) || divisionsByShortName.has(head) || divisionsByName.has(head)) return '';
  if (!/(执法|行政|政务|法治|监管|审批|复议|调解|普法|服务)/.test(head)) return '';
  // 法治政府建设示范创建“三促一评”活动: a known initiative before the quote is one of its own
  for (let i = 0; i < head.length - 1; i++) for (let j = head.length; j - i >= 3; j--) if (lexiconEntry(head.slice(i, j))) return '';
  return head;
}

function quotedNames(text: string, options: DiscoverOptions): Found[] {
  const found: Found[] = [];
  const inRun = new Set<number>();
  for (const m of text.matchAll(QUOTED_RUN)) {
    const at = m.index ?? 0;
    const etc = !!m[2];
    const genre = m[3];
    const quotes = [...m[1].matchAll(QUOTED)];
    quotes.forEach((q, i) => {
      const start = at + (q.index ?? 0);
      const end = start + q[0].length;
      inRun.add(start);
      // With 等 the genre only classifies the list; without it, it belongs to
      // the last name (“A”、“B”改革: A is a name of its own, B改革 another).
      // A platform or brand is named by its quoted name alone (“信用德阳”平台).
      const takesGenre = !etc && i === quotes.length - 1 && !/平台/.test(genre);
      const name = canonicalOf(q[1]);
      const before = quotes.length === 1 ? nameBefore(text, start) : '';
      if (takesGenre) {
        found.push({ name: before + name + genre, start: start - before.length, end: at + m[0].length, confidence: 0.8, category: categoryOfName(before + name + genre), quoted: name });
      } else if (before && etc) {
        // 行政执法队伍素质能力提升“大比武”等活动: the words before the quote belong to the name
        found.push({ name: before + name, start: start - before.length, end, confidence: 0.7, category: categoryOfName(before + name + genre), quoted: name });
      } else found.push({ name, start: start + 1, end: end - 1, confidence: 0.7, category: categoryOfName(name + genre) });
    });
  }
  // A quoted name standing alone: a name if it is shaped like one and not a slogan.
  for (const q of text.matchAll(/“([^“”\n]{3,16})”/g)) {
    const start = q.index ?? 0;
    if (inRun.has(start)) continue;
    const name = q[1];
    // slogans and lists: punctuation, spaces, clauses; a quote inside a document title is the title's business
    if (/[、,，;；:：。!！?？\s—\-+＋()（）]/.test(name) && !/^互联网\+/.test(name)) continue;
    if (!/^[\u4e00-\u9fff0-9A-Za-z·]+$/.test(name) || !/[\u4e00-\u9fff]{2}/.test(name)) continue;
    if (/的|了|着|得/.test(name)) continue;
    // (a title is at most 120 characters: a bounded look-back, not a scan back through the text)
    const behind = text.slice(Math.max(0, start - 120), start);
    if (behind.lastIndexOf('《') > behind.lastIndexOf('》')) continue;
    // 变“群众跑”为“数据跑”: a contrast, not a name
    if (/[变由从把让]$/.test(text.slice(Math.max(0, start - 1), start))) continue;
    // “点对点”和“总对总”网络查控, “钉钉打卡”、“日常巡查”: qualifiers in a list, not names
    const end = start + q[0].length;
    if (/^(?:、|和|与|及|或)?“/.test(text.slice(end, end + 2)) || /”(?:、|和|与|及|或)?$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (options.inProblems?.(start)) continue;
    // “两高三新”目标, “一个统筹、四大职能”工作布局: goals, ideas and principles are not initiatives
    if (/^(?:工作)?(?:目标|理念|原则|精神|思路|格局|布局|定位|思想|标准|作风|意识)/.test(text.slice(end, end + 4))) continue;
    found.push({ name, start: start + 1, end: start + 1 + name.length, confidence: 0.6, category: categoryOfName(name) });
  }
  return found;
}

function unquotedNames(text: string): Found[] {
  const found: Found[] = [];
  for (const m of unquotedMatches(text)) {
    const at = m.index ?? 0;
    let head = m[1];
    const boundary = LEFT_BOUNDARY.exec(head);
    if (boundary) head = head.slice(boundary[0].length);
    if (/[“”]/.test(head)) continue; // a quoted name: quotedNames's business
    // the places and levels that run it are not part of its name (德阳市罗江区…), except a platform's
    if (!PLACE_KEPT.test(m[2])) head = withoutLeadingPlaces(head.replace(LEADING_LEVELS, '').replace(/^(全|本|我)[省市县区镇乡旗]/, ''));
    // the last of a list (A工程、B工程): only what follows the 、
    head = head.slice(head.lastIndexOf('、') + 1);
    if (head.length < 3 || GENERIC_NAME.test(head)) continue;
    const end = at + m[0].length;
    const start = end - head.length - m[2].length;
    found.push({ name: canonicalOf(text.slice(start, end)), start, end, confidence: 0.6, category: categoryOfName(head + m[2]) });
  }
  return found;
}

// A place's own brand: 平安昌江(建设), 法治德阳, 信用清远 — a standard prefix and a place's short name.
const BRAND = /(平安|法治|信用|数字|智慧)([\u4e00-\u9fff]{2,3}?)(?:建设|(?=[^\u4e00-\u9fff]|品牌|平台|示范|创建|工作|$))/g;
function placeBrands(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(BRAND)) {
    const place = m[2];
    if (!divisionsByShortName.has(place)) continue;
    const at = m.index ?? 0;
    // 法治台前建设 is a brand, 法治政府 is not (政府 is no place); the place must stand alone
    found.push({ name: m[0], start: at, end: at + m[0].length, confidence: 0.7, category: categoryOfName(m[1]) ?? (m[1] === '平安' ? 'grassroots_governance' : null) });
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
  // The lexicon's spans, disjoint (the lexicon never matches a character twice), by start: looked up, not scanned.
  const covered = new Covered(lexicon);
  const byName = new Map(lexicon.map((f) => [f.name, f]));
  const occupied = new Occupancy();
  const endingAt = new LexiconEnds(lexicon);
  const touched = new Set<InitiativeFact>();
  const discovered = new Map<string, InitiativeFact>();
  // “揭榜竞优” and “揭榜竞优”深化行动 are one initiative, under the longer name
  const quotedAs = new Map<string, string>();
  const titles = titleSpans(text);
  const all = [...quotedNames(text, options), ...unquotedNames(text), ...placeBrands(text).filter((f) => !titles.some(([s, e]) => s <= f.start && f.end <= e))];
  for (const f of all) if (f.quoted && !lexiconEntry(f.quoted)) quotedAs.set(f.quoted, quotedAs.get(f.quoted) ?? f.name);
  const seen = new Set<string>();
  for (const f of all) {
    const key = `${f.start}:${f.end}`;
    if (seen.has(key) || f.name.length < 3 || f.name.length > 34) continue;
    seen.add(key);
    if (covered.contains(f.start, f.end)) continue;
    // “清远粤执法”: a place's own instance of a known brand is named in full; the brand's mention yields
    const inner = endingAt.first(f.start, f.end);
    if (inner && f.confidence <= 0.7 && divisionsByShortName.has(text.slice(f.start, inner.mentions.find((m) => m.end === f.end)!.start))) {
      for (const m of inner.mentions) if (m.end === f.end) occupied.release(inner, m);
      endingAt.remove(inner, f.end);
      inner.mentions = inner.mentions.filter((m) => m.end !== f.end);
      inner.count = inner.mentions.length;
    } else if (inner) continue;
    // 法治宣传教育公民法治素养提升工程, “申请公租房一件事一次办”: a known name closes the span, the rest is context
    else if (!f.quoted && covered.closedBy(f.start, f.end)) continue;
    const surface = text.slice(f.start, f.end);
    const mention: Mention = { start: f.start, end: f.end, sentence: sentences.textAt(f.start), section: sectionPath(f.start) };
    // “一件事一次办”改革 is the lexicon's 一件事一次办
    const entry = lexiconEntry(f.name) ?? lexiconEntry(f.name.replace(GENRE_TAIL, '')) ?? (f.quoted ? lexiconEntry(f.quoted) : undefined);
    if (!entry && isStopName(f.quoted ?? f.name)) continue;
    const known = entry ? byName.get(entry.name) : undefined;
    const name = entry ? entry.name : (quotedAs.get(f.name) ?? f.name);
    const fact: InitiativeFact =
      known ??
      discovered.get(name) ??
      (entry
        ? { name: entry.name, surface: [], category: entry.category, count: 0, mentions: [], discovered: false, confidence: confidenceOf(entry) }
        : { name, surface: [], category: f.category, count: 0, mentions: [], discovered: true, confidence: f.confidence });
    if (occupied.overlaps(fact, f.start, f.end)) continue; // already counted there
    fact.count++;
    fact.confidence = Math.max(fact.confidence ?? 0, entry ? confidenceOf(entry) : f.confidence);
    fact.mentions.push(mention);
    occupied.take(fact, mention);
    if (!fact.surface.includes(surface)) fact.surface.push(surface);
    if (known) (touched.add(known), endingAt.add(known, mention));
    else discovered.set(fact.name, fact);
  }
  for (const fact of [...touched, ...discovered.values()]) fact.mentions.sort((a, b) => a.start - b.start);
  return [...discovered.values()];
}

// Indexes that keep discovery linear in the text however many names it finds
// (a report quoting the same name 20,000 times must not take 20,000² steps).

/** The lexicon's mention spans as found before discovery: disjoint, sorted by start. */
class Covered {
  private readonly spans: [number, number][];
  private readonly startByEnd = new Map<number, number>();
  constructor(lexicon: InitiativeFact[]) {
    this.spans = lexicon.flatMap((fact) => fact.mentions.map((m): [number, number] => [m.start, m.end])).sort((a, b) => a[0] - b[0]);
    for (const [s, e] of this.spans) this.startByEnd.set(e, s);
  }
  /** Some span holds [start, end) whole: with disjoint spans, only the last one starting at or before start can. */
  contains(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid][0] <= start) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && end <= this.spans[hi][1];
  }
  /** Some span ends at end and starts after start (disjoint spans: at most one ends there). */
  closedBy(start: number, end: number): boolean {
    const s = this.startByEnd.get(end);
    return s !== undefined && s > start;
  }
}

/** The character offsets each fact's mentions occupy (mentions are short, so a set of offsets is cheap). */
class Occupancy {
  private readonly byFact = new Map<InitiativeFact, Set<number>>();
  private of(fact: InitiativeFact): Set<number> {
    let set = this.byFact.get(fact);
    if (!set) {
      set = new Set();
      for (const m of fact.mentions) for (let i = m.start; i < m.end; i++) set.add(i);
      this.byFact.set(fact, set);
    }
    return set;
  }
  overlaps(fact: InitiativeFact, start: number, end: number): boolean {
    const set = this.of(fact);
    for (let i = start; i < end; i++) if (set.has(i)) return true;
    return false;
  }
  take(fact: InitiativeFact, m: Mention): void {
    const set = this.of(fact);
    for (let i = m.start; i < m.end; i++) set.add(i);
  }
  release(fact: InitiativeFact, m: Mention): void {
    const set = this.byFact.get(fact);
    if (set) for (let i = m.start; i < m.end; i++) set.delete(i);
  }
}

/** The lexicon facts' current mentions by end offset, to find the first fact (in lexicon order) with a mention ending at an offset. */
class LexiconEnds {
  private readonly order = new Map<InitiativeFact, number>();
  private readonly byEnd = new Map<number, { fact: InitiativeFact; start: number }[]>();
  constructor(lexicon: InitiativeFact[]) {
    lexicon.forEach((fact, i) => {
      this.order.set(fact, i);
      for (const m of fact.mentions) this.add(fact, m);
    });
  }
  add(fact: InitiativeFact, m: Mention): void {
    const list = this.byEnd.get(m.end) ?? [];
    list.push({ fact, start: m.start });
    this.byEnd.set(m.end, list);
  }
  remove(fact: InitiativeFact, end: number): void {
    const list = this.byEnd.get(end);
    if (list) this.byEnd.set(end, list.filter((x) => x.fact !== fact));
  }
  /** The first lexicon fact with a mention starting after start and ending at end. */
  first(start: number, end: number): InitiativeFact | undefined {
    let best: InitiativeFact | undefined;
    for (const x of this.byEnd.get(end) ?? []) {
      if (x.start > start && (best === undefined || this.order.get(x.fact)! < this.order.get(best)!)) best = x.fact;
    }
    return best;
  }
}
