// Initiatives the lexicon does not know, found by the shape of a fixed name
// (gold GUIDELINES §5): a quoted name with a genre word (“三促一评”活动,
// “护校安园”专项行动), a list of quoted names closed by 等 + genre
// (“容缺受理”“六减一增”等改革), and unquoted names ending in a genre that only
// named things carry (…专项整治行动, …联动机制). Local reforms and campaigns
// differ from report to report, so no list can hold them; these shapes are the
// same everywhere. Found names are marked discovered, with lower confidence.
import { divisionsByName, MAX_NAME_LENGTH } from './divisions.js';
import { confidenceOf, lexiconEntry } from './lexicon.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact, Mention } from './types.js';

const GENRE =
  '专项整治行动|专项整治|专项行动|专项检查|主题实践活动|主题宣传活动|主题活动|宣传活动|深化行动|提升行动|提优行动|行动|活动|改革|制度|机制|工程|品牌|平台|模式|工作法';
const QUOTED_RUN = new RegExp(`((?:“[^“”\\n。,;]{2,20}”(?:、|和|与|及)?){1,6})(等)?(${GENRE})`, 'g');
const QUOTED = /“([^“”]+)”/g;
const GENRE_TAIL = new RegExp(`(${GENRE})$`);

// Unquoted: only genres that are not also everyday words.
const STRONG_GENRE = '专项整治行动|专项整治|专项行动|专项检查|联动机制|衔接机制|协调机制|协作机制|提优行动|深化行动|三年行动|精品工程|提升工程';
const UNQUOTED = new RegExp(`([\\u4e00-\\u9fff“”、]{2,24}?)(${STRONG_GENRE})`, 'g');
// The verb or word before a name is not part of it: 开展营商环境…专项整治行动 → 营商环境…专项整治行动.
const LEFT_BOUNDARY =
  /^.*(?:深入开展|扎实开展|组织开展|持续开展|开展了|开展|启动|深入实施|实施|推进|推动|深化|落实|建立健全|建立|健全|完善|构建|推行|创新|打造|部署|参与|依托|结合|加强|强化|围绕|通过|按照|根据|组织|以及|并|在|的|和|及|为|将|对)/;
const GENERIC_NAME = /^(各类|各项|相关|系列|一系列|多项|专项|重点|各|该|此|本|这|有关|其他)/;
const LEADING_LEVELS = /^(?:[省市县区镇乡村]、)+[省市县区镇乡村]/;

/** Drops the levels and GB/T 2260 place names a name starts with: 省、市、县…, 德阳市罗江区… */
function withoutLeadingPlaces(name: string): string {
  name = name.replace(LEADING_LEVELS, '');
  for (let cut = true; cut; ) {
    cut = false;
    for (let len = Math.min(MAX_NAME_LENGTH, name.length - 4); len >= 2; len--) {
      if (divisionsByName.has(name.slice(0, len))) {
        name = name.slice(len);
        cut = true;
        break;
      }
    }
  }
  return name;
}

/** Strips quotes, 、 and spaces: the canonical form of a discovered name. */
const canonicalOf = (s: string) => s.replace(/[“”"\s、]/g, '');

interface Found {
  name: string;
  start: number;
  end: number;
  confidence: number;
  category: string | null;
}

function categoryOfGenre(genre: string): string | null {
  if (/平台/.test(genre)) return 'platform';
  if (/行动|活动|整治|检查|工程/.test(genre)) return 'campaign';
  if (/改革/.test(genre)) return 'reform';
  if (/制度|机制|模式|工作法|品牌/.test(genre)) return 'mechanism';
  return null;
}

function quotedNames(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(QUOTED_RUN)) {
    const at = m.index ?? 0;
    const etc = !!m[2];
    const genre = m[3];
    const quotes = [...m[1].matchAll(QUOTED)];
    quotes.forEach((q, i) => {
      const start = at + (q.index ?? 0);
      const end = start + q[0].length;
      // With 等 the genre only classifies the list; without it, it belongs to
      // the last name (“A”、“B”改革: A is a name of its own, B改革 another).
      // A platform or brand is named by its quoted name alone (“信用德阳”平台).
      const takesGenre = !etc && i === quotes.length - 1 && !/平台|品牌/.test(genre);
      if (takesGenre) found.push({ name: canonicalOf(q[1]) + genre, start, end: at + m[0].length, confidence: 0.8, category: categoryOfGenre(genre) });
      else found.push({ name: canonicalOf(q[1]), start: start + 1, end: end - 1, confidence: 0.7, category: categoryOfGenre(genre) });
    });
  }
  return found;
}

function unquotedNames(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(UNQUOTED)) {
    const at = m.index ?? 0;
    let head = m[1];
    const boundary = LEFT_BOUNDARY.exec(head);
    if (boundary) head = head.slice(boundary[0].length);
    if (/[“”]/.test(head)) continue; // a quoted name: quotedNames's business
    // the places and levels that run it are not part of its name: 德阳市罗江区…, 省、市、县…
    head = withoutLeadingPlaces(head);
    if (head.length < 3 || GENERIC_NAME.test(head)) continue;
    const end = at + m[0].length;
    const start = end - head.length - m[2].length;
    found.push({ name: canonicalOf(text.slice(start, end)), start, end, confidence: 0.6, category: categoryOfGenre(m[2]) });
  }
  return found;
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
): InitiativeFact[] {
  const covered: [number, number][] = [];
  for (const fact of lexicon) for (const m of fact.mentions) covered.push([m.start, m.end]);
  const byName = new Map(lexicon.map((f) => [f.name, f]));
  const discovered = new Map<string, InitiativeFact>();
  const seen = new Set<string>();
  for (const f of [...quotedNames(text), ...unquotedNames(text)]) {
    const key = `${f.start}:${f.end}`;
    if (seen.has(key) || f.name.length < 3 || f.name.length > 30) continue;
    seen.add(key);
    if (covered.some(([s, e]) => s <= f.start && f.end <= e)) continue;
    const surface = text.slice(f.start, f.end);
    const mention: Mention = { start: f.start, end: f.end, sentence: sentences.textAt(f.start), section: sectionPath(f.start) };
    // “一件事一次办”改革 is the lexicon's 一件事一次办
    const entry = lexiconEntry(f.name) ?? lexiconEntry(f.name.replace(GENRE_TAIL, ''));
    const known = entry ? byName.get(entry.name) : undefined;
    const fact: InitiativeFact =
      known ??
      discovered.get(entry?.name ?? f.name) ??
      (entry
        ? { name: entry.name, surface: [], category: entry.category, count: 0, mentions: [], discovered: false, confidence: confidenceOf(entry) }
        : { name: f.name, surface: [], category: f.category, count: 0, mentions: [], discovered: true, confidence: f.confidence });
    if (fact.mentions.some((m) => m.start < f.end && f.start < m.end)) continue; // already counted there
    fact.count++;
    fact.mentions.push(mention);
    if (!fact.surface.includes(surface)) fact.surface.push(surface);
    if (known) known.mentions.sort((a, b) => a.start - b.start);
    else discovered.set(fact.name, fact);
  }
  for (const fact of discovered.values()) fact.mentions.sort((a, b) => a.start - b.start);
  return [...discovered.values()];
}
