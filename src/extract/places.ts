// Place names as reports write them, read where a report names itself: its
// title, its heading lines, its publisher. A report's own place stands at the
// head of such a line, as a chain from the top down (四川省德阳市罗江区, 武汉经开区,
// 天津市宁河经济开发区, 某县某镇), under its official GB/T 2260 name or a name
// in common use (金平县 for 金平苗族瑶族傣族自治县, 伊犁州, 巴州, 宁夏). Zones and
// townships are outside GB/T 2260: they are read by their endings
// (knowledge/place-names.json) after a place or at the head of a line.
import { createRequire } from 'node:module';
import { registerMarkers, type WordCensus } from './census.js';
import { DIVISIONS, divisionsByName, divisionsByShortName, isWithin, shortName, type Division } from './divisions.js';
import { Trie } from './trie.js';
import { isCJK } from './scan.js';

const require = createRequire(import.meta.url);
const KNOWLEDGE: {
  conventionalAliases: Record<string, string>;
  genericDivisionNames: { names: string[] };
  zoneSuffixes: Record<string, string>;
  townshipSuffixes: Record<string, string>;
  notStems: { words: string[] };
} = require('./knowledge/place-names.json');

/** How a name refers to its divisions: the official name, a name in common use, or a bare stem (武汉, 宁夏). */
export type NameKind = 'official' | 'alias' | 'stem';

interface NameEntry {
  divisions: Division[];
  kind: NameKind;
}

const names = new Map<string, NameEntry>();
const addName = (name: string, division: Division, kind: NameKind) => {
  const entry = names.get(name);
  if (!entry) names.set(name, { divisions: [division], kind });
  // an official name outranks the same string as another's alias or stem
  else if (entry.kind === kind && !entry.divisions.includes(division)) entry.divisions.push(division);
  else if (kind === 'official' && entry.kind !== 'official') names.set(name, { divisions: [division], kind });
};
for (const [name, list] of divisionsByName) for (const d of list) addName(name, d, 'official');
for (const d of DIVISIONS) {
  // 金平苗族瑶族傣族自治县 → 金平县 and 金平自治县, 恩施土家族苗族自治州 → 恩施州 and 恩施自治州,
  // 鄂伦春自治旗 → 鄂伦春旗 (the ethnic names dropped, with or without 自治)
  const autonomous = /自治(县|州|旗)$/.exec(d.name);
  const stem = shortName(d.name);
  if (autonomous && stem) {
    addName(stem + autonomous[1], d, 'alias');
    addName(`${stem}自治${autonomous[1]}`, d, 'alias');
  }
  // a province's or prefecture's bare stem (宁夏, 武汉) heads a chain or a zone's name
  if (stem && (d.level === 'province' || d.level === 'prefecture')) addName(stem, d, 'stem');
}
for (const [alias, official] of Object.entries(KNOWLEDGE.conventionalAliases)) {
  if (alias.startsWith('_')) continue;
  for (const d of divisionsByName.get(official) ?? []) addName(alias, d, 'alias');
}
const MAX_NAME = Math.max(...[...names.keys()].map((n) => n.length));
/**
 * The names in a trie: the names starting at a position are found by one walk,
 * not a slice per length. Its values are numbers (an index into nameEntries),
 * as every other trie's are: the scans tries share stay monomorphic.
 */
const nameEntries = [...names.values()];
const nameTrie = new Trie<number>();
[...names.keys()].forEach((name, k) => {
  nameTrie.add(name, k);
});
/** 1 for the code units a name starts with: most positions of a line start none, and are passed over at once. */
const STARTS_NAME = new Uint8Array(0x10000);
for (const name of names.keys()) STARTS_NAME[name.charCodeAt(0)] = 1;
const GENERIC = new Set(KNOWLEDGE.genericDivisionNames.names);
const ZONE_SUFFIXES = Object.entries(KNOWLEDGE.zoneSuffixes)
  .filter(([k]) => !k.startsWith('_'))
  .sort((a, b) => b[0].length - a[0].length);
const ZONE_ENDINGS = ZONE_SUFFIXES.map(([ending]) => ending);
const { _comment: _townships, ...TOWNSHIP_NAME_ENDING } = KNOWLEDGE.townshipSuffixes;
const TOWNSHIP_SUFFIXES = Object.keys(TOWNSHIP_NAME_ENDING).sort((a, b) => b.length - a.length);
const NOT_STEMS = KNOWLEDGE.notStems.words;
/** First characters of the words above, and of the zone and township endings. */
const STARTS_NOT_STEM = new Uint8Array(0x10000);
for (const w of NOT_STEMS) STARTS_NOT_STEM[w.charCodeAt(0)] = 1;
const STARTS_ENDING = new Uint8Array(0x10000);
for (const w of [...ZONE_ENDINGS, ...TOWNSHIP_SUFFIXES]) STARTS_ENDING[w.charCodeAt(0)] = 1;
/** What may follow a township's name at the head of a line: the end, a number, or its government's words. */
const AFTER_TOWNSHIP = /^(?:$|[^\u4e00-\u9fff]|人民政府|党委|办事处|关于|法治|年度|政府)/;

/** A place read at the head of a line. */
export interface PlaceReading {
  /** The place's own name as the line writes it (a zone's or township's with its ending). */
  name: string;
  level: Division['level'] | 'township';
  /** The candidates a GB/T 2260 name may stand for (several for 朝阳区: 北京 and 长春), narrowed by the chain before it. */
  divisions: Division[];
  /** The divisions above it named in the chain (四川省, 德阳市), outermost first; for a zone or township, its administering ones. */
  above: Division[][];
  /** Offsets of the reading in the line. */
  start: number;
  end: number;
}

/** Whether `child` lies in one of `parents`. */
function inside(child: Division, parents: Division[]): boolean {
  return parents.some((p) => isWithin(child, p));
}

/** The longest place name at `at` whose divisions fit under `above` (the chain so far), if any. */
function nameAt(line: string, at: number, above: Division[] | null): { length: number; entry: NameEntry; divisions: Division[] } | null {
  if (!STARTS_NAME[line.charCodeAt(at)]) return null;
  if (!above) {
    // the head of a chain: the longest name there, whatever it stands for (one walk, no callback)
    const length = nameTrie.longestAt(line, at, 2);
    if (!length) return null;
    const entry = names.get(line.slice(at, at + length))!;
    return { length, entry, divisions: entry.divisions };
  }
  let best: { length: number; entry: NameEntry; divisions: Division[] } | null = null;
  // (visited shortest first: the last that fits is the longest)
  nameTrie.eachAt(line, at, (length, k) => {
    if (length < 2) return;
    const entry = nameEntries[k];
    const divisions = entry.divisions.filter((d) => inside(d, above));
    if (divisions.length) best = { length, entry, divisions };
  });
  return best;
}

/** Length of a zone's or township's name ending found from `at` (its own stem first, at most `maxStem` characters), or null. */
function endingAfterStem(line: string, at: number, suffixes: string[], maxStem: number, minStem: number): { stem: number; suffix: string } | null {
  for (let s = 0; s <= maxStem && at + s < line.length; s++) {
    if (s > 0 && !isCJK(line.charCodeAt(at + s - 1)) && line[at + s - 1] !== '-') return null;
    // (the first character says whether a word can start here: most positions start none)
    const c = line.charCodeAt(at + s);
    if (STARTS_NOT_STEM[c] && NOT_STEMS.some((w) => line.startsWith(w, at + s))) return null;
    if (s < minStem || !STARTS_ENDING[c]) continue;
    const suffix = suffixes.find((x) => line.startsWith(x, at + s));
    if (suffix) return { stem: s, suffix };
  }
  return null;
}

/** An ending of three characters or more heading a line with no place before it (高新区, 经开区): a zone named without its city. */
function bareZoneAt(line: string): { stem: number; suffix: string } | null {
  const suffix = ZONE_SUFFIXES.find(([k]) => k.length >= 3 && line.startsWith(k));
  return suffix ? { stem: 0, suffix: suffix[0] } : null;
}

/** A GB/T 2260 division in brackets right after a zone's name (高新区(新市区)), under the chain so far if any. */
function twinDivisionAt(line: string, at: number, above: Division[] | null): PlaceReading | null {
  if (line[at] !== '(' && line[at] !== '（') return null;
  const found = nameAt(line, at + 1, above);
  const close = found ? line[at + 1 + found.length] : '';
  if (!found || found.entry.kind === 'stem' || (close !== ')' && close !== '）')) return null;
  return {
    name: line.slice(at + 1, at + 1 + found.length),
    level: found.divisions[0].level,
    divisions: found.divisions,
    above: above ? [above] : [],
    start: at,
    end: at + 2 + found.length,
  };
}

/**
 * The place whose name starts at `at` of a heading line, read as a chain
 * (四川省德阳市罗江区; 武汉 + 经开区; 某县 + 某镇), or null. A two-character
 * name (理县, 和县) is read only where the chain or the line's edge sets it
 * apart, and a name that is also a common word (城区, 东区) only after its parent.
 */
export function readPlaceAt(line: string, at: number, asSubject = false): PlaceReading | null {
  const above: Division[][] = [];
  let i = at;
  let last: { divisions: Division[]; kind: NameKind; start: number } | null = null;
  for (;;) {
    const found = nameAt(line, i, last ? last.divisions : null);
    if (!found) break;
    const word = line.slice(i, i + found.length);
    const edge = i === 0 || !isCJK(line.charCodeAt(i - 1));
    if (!last && ((found.length === 2 && found.entry.kind === 'official' && !edge) || GENERIC.has(word))) break;
    if (last) above.push(last.divisions);
    last = { divisions: found.divisions, kind: found.entry.kind, start: i };
    i += found.length;
  }
  // a zone after the chain (武汉经开区, 天津市宁河经济开发区) or heading the line; a township after a county
  // (with no place before it, a zone's name needs a stem of its own, or an ending that is a zone's alone: 高新区综治局…)
  // (only where a name can start: after a place, or at the head of the line or of its words)
  const headOfWords = !!last || at === 0 || !isCJK(line.charCodeAt(at - 1));
  const zone = !headOfWords ? null : (endingAfterStem(line, i, ZONE_ENDINGS, 6, last ? 0 : 2) ?? (!last && at === 0 ? bareZoneAt(line) : null));
  if (zone) {
    // a stem read as a place (武汉 of 武汉经开区) belongs to the zone's name; an official name (天津市) is only its parent
    const nameStart = zone.stem === 0 || !last || last.kind === 'stem' ? (last ? last.start : i) : i;
    const end = i + zone.stem + zone.suffix.length;
    // one government for a zone and a district (区政合一: 高新区(新市区)人民政府): the district it also is
    const twin = twinDivisionAt(line, end, last ? last.divisions : null);
    if (twin) return { ...twin, start: at };
    const parents = last ? [...above, last.divisions] : above;
    return { name: line.slice(nameStart, end), level: 'zone', divisions: [], above: parents, start: at, end };
  }
  const townshipParent = !last || last.divisions.some((d) => d.level === 'county' || d.level === 'prefecture');
  if (townshipParent && headOfWords) {
    // a 街道's office is an agency of its district's government: 鲤城区人民政府金龙街道办事处
    const from = last && line.startsWith('人民政府', i) ? i + 4 : i;
    // (a stem of up to six characters: an ethnic township's name is long, 满族屯满族乡)
    const township = endingAfterStem(line, from, TOWNSHIP_SUFFIXES, 6, 1);
    if (township && (last || township.stem >= 2)) {
      const end = from + township.stem + township.suffix.length;
      // (the subject of a first sentence is set apart by its place: its verb may follow, 新市街道办事处坚持…)
      // (there, a level or a pronoun is no township's first word: 市县乡三级…, 全区各乡镇…)
      if (AFTER_TOWNSHIP.test(line.slice(end)) || (asSubject && !/^[省市县区全各我本该]/.test(line.slice(from)))) {
        const name = line.slice(from, from + township.stem) + TOWNSHIP_NAME_ENDING[township.suffix];
        return { name, level: 'township', divisions: [], above: last ? [...above, last.divisions] : above, start: at, end };
      }
    }
  }
  if (!last) return null;
  // a bare stem stands for its place only at the edge of words (宁夏2022年度…), not inside a phrase
  if (last.kind === 'stem' && (isCJK(line.charCodeAt(i) || 0) || (last.start > 0 && isCJK(line.charCodeAt(last.start - 1)) && line[last.start - 1] !== '年')))
    return null;
  const level = last.divisions[0].level;
  return { name: line.slice(last.start, i), level, divisions: last.divisions, above, start: at, end: i };
}

/** The first place a heading line names, reading from its left: the place a report names itself by. */
export function firstPlaceIn(line: string): PlaceReading | null {
  for (let at = 0; at < line.length; at++) {
    if (!isCJK(line.charCodeAt(at))) continue;
    const place = readPlaceAt(line, at);
    if (place) return place;
  }
  return null;
}

/** Whether a name is a division's official name or a name in common use (金平县, 伊犁州). */
export function placeEntry(name: string): { divisions: Division[]; kind: NameKind } | undefined {
  return names.get(name);
}

/** Every name in common use that is not official (金平县, 伊犁州, 巴州), for counting in the body. */
export function aliasNames(): string[] {
  return [...names].filter(([, e]) => e.kind === 'alias').map(([n]) => n);
}

/**
 * A zone the heading names by its ending alone (经济开发区2024年度…) is named in
 * full in the body after the place it is named for (2024年宁河经济开发区在…):
 * the first occurrence of the ending right after a division's name or short
 * name, with that division (宁河区), or null.
 */
export function zoneNamedInBody(text: string, ending: string): { name: string; division: Division } | null {
  for (let at = text.indexOf(ending); at >= 0; at = text.indexOf(ending, at + ending.length)) {
    for (let length = Math.min(MAX_NAME, at); length >= 2; length--) {
      const stem = text.slice(at - length, at);
      const divisions = names.get(stem)?.divisions ?? divisionsByShortName.get(stem);
      if (divisions?.length === 1) return { name: stem + ending, division: divisions[0] };
    }
  }
  return null;
}

/** Whether a zone's name is an ending alone (高新区, 经开区): a zone named without the place it is named for. */
export function isBareZoneEnding(name: string): boolean {
  return ZONE_ENDINGS.includes(name);
}

/** Whether a zone's ending (开发区, 高新区, 新区…) starts at `at`: a zone spoken of without its place. */
export function zoneEndingAt(text: string, at: number): boolean {
  return STARTS_ENDING[text.charCodeAt(at)] === 1 && ZONE_ENDINGS.some((ending) => text.startsWith(ending, at));
}

/**
 * A zone's name with its ending written in full (武汉经开区 → 武汉经济技术开发区,
 * 珠海高新区 → 珠海高新技术产业开发区), so that the forms reports use for one
 * zone have one full name (the key of its node when it has no code).
 */
export function fullZoneName(name: string): string {
  const ending = ZONE_SUFFIXES.find(([short]) => name.endsWith(short));
  return ending ? name.slice(0, name.length - ending[0].length) + ending[1] : name;
}

// A place's own brand: 平安昌江(建设), 法治德阳建设, 信用清远 — a standard prefix and a place's short name:
// the matches of /(平安|法治|信用|数字|智慧)([\u4e00-\u9fff]{2,3}?)(?:建设|(?=[^\u4e00-\u9fff]|品牌|平台|示范|创建|工作|$))/g
// whose place is a short name (法治德阳 alone is the goal of rule of law in a place; its programme is 法治德阳建设).
// Both readers use them: discovery as initiatives, the jurisdiction as how a report names its own place.
const BRAND_PREFIXES = ['平安', '法治', '信用', '数字', '智慧'];
const BRAND_FOLLOWERS = ['品牌', '平台', '示范', '创建', '工作'];

/**
 * End of the brand regex's match at p (a prefix there), and its place's
 * length, or -1: the lazy place takes 2 characters, then 3, each time followed
 * by 建设 (taken) or by what the lookahead allows (a non-CJK character, the end,
 * or one of BRAND_FOLLOWERS).
 */
function brandEndAt(text: string, codes: Uint16Array, p: number, place: { length: number }): number {
  for (let length = 2; length <= 3; length++) {
    const q = p + 2 + length;
    if (q > codes.length || !isCJK(codes[q - 1]) || (length === 2 && !isCJK(codes[p + 2]))) return -1;
    place.length = length;
    if (text.startsWith('建设', q)) return q + 2;
    if (q === codes.length || !isCJK(codes[q])) return q;
    for (const w of BRAND_FOLLOWERS) if (text.startsWith(w, q)) return q;
  }
  return -1;
}

export interface PlaceBrand {
  /** The brand as written: 法治德阳建设, 平安昌江. */
  name: string;
  start: number;
  end: number;
  /** The place's short name in it (德阳), a key of divisionsByShortName. */
  place: string;
}

// The census finds where the prefixes start in the pass it makes anyway.
const BRAND_MARKERS = registerMarkers(BRAND_PREFIXES);

/** Where the prefixes occur, in text order: from the census when given, else by indexOf. */
function brandPrefixesIn(text: string, census?: WordCensus): readonly number[] | Int32Array {
  const marked = census?.markersAt(BRAND_MARKERS);
  if (marked) return marked;
  // (a native search; a prefix is never inside another, nor overlaps itself: every occurrence is found)
  const at: number[] = [];
  for (const prefix of BRAND_PREFIXES) for (let p = text.indexOf(prefix); p >= 0; p = text.indexOf(prefix, p + 2)) at.push(p);
  return Int32Array.from(at).sort();
}

// The national formula 法治国家、法治政府、法治社会一体建设 as a place writes it of itself:
// 法治弋阳、法治政府、法治社会一体建设, 以建设法治高台、法治政府、法治社会为目标.
const TRIAD_TAIL = ['、法治政府、法治社会', '，法治政府、法治社会', ',法治政府、法治社会'];
// The census finds where the tails start in the pass it makes anyway.
const TRIAD_MARKERS = registerMarkers(TRIAD_TAIL);

/**
 * The short names of the places that put themselves first in the formula
 * (弋阳 in 法治弋阳、法治政府、法治社会): a report's own place, as a brand is,
 * though no 建设 follows the name itself (census: the text's, when the caller has it).
 */
export function placesOfRuleOfLawTriad(text: string, census?: WordCensus): string[] {
  const tails = census?.markersAt(TRIAD_MARKERS) ?? TRIAD_TAIL.flatMap((tail) => occurrencesOf(text, tail));
  const found: string[] = [];
  for (const at of tails) {
    for (let length = 2; length <= 3; length++) {
      const short = text.slice(at - length, at);
      if (text.startsWith('法治', at - length - 2) && divisionsByShortName.has(short)) found.push(short);
    }
  }
  return found;
}

/** The offsets where word starts in text, not overlapping. */
function occurrencesOf(text: string, word: string): number[] {
  const at: number[] = [];
  for (let p = text.indexOf(word); p >= 0; p = text.indexOf(word, p + word.length)) at.push(p);
  return at;
}

/** The place brands of the text, in text order (census: the text's, when the caller has it). */
export function placeBrandsIn(text: string, codes: Uint16Array, census?: WordCensus): PlaceBrand[] {
  const found: PlaceBrand[] = [];
  const place = { length: 0 };
  const positions = brandPrefixesIn(text, census);
  // each tried where matchAll would try it: not inside an earlier match
  let lastIndex = 0;
  for (const p of positions) {
    if (p < lastIndex) continue;
    const end = brandEndAt(text, codes, p, place);
    if (end < 0) continue;
    const short = text.slice(p + 2, p + 2 + place.length);
    // 法治台前建设 is a brand, 法治政府 is not (政府 is no place); the place must stand alone
    if (divisionsByShortName.has(short) && (text.startsWith('法治', p) ? text.startsWith('建设', p + 2 + short.length) : true)) {
      found.push({ name: text.slice(p, end), start: p, end, place: short });
    }
    lastIndex = end;
  }
  return found;
}
