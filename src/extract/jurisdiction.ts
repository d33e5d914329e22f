// Which jurisdiction a report is about. Candidates are the GB/T 2260 names
// found in the text; each is scored by where and how often it appears (the
// title, the 主办 footer, the opening, its frequency with and without suffix)
// and by agreement with how the report refers to itself (我区 → a 区, 我县 →
// a 县). A name shared by several divisions (朝阳区 in 北京 and 长春) is
// settled by the province and prefecture the text names, and by provincial
// markers (湘易办 → 湖南) from knowledge/province-markers.json.
import { createRequire } from 'node:module';
import { divisionNameAt, divisionsByName, forEachDivisionName, divisionsByShortName, shortName, type Division } from './divisions.js';
import { registerWords, WordCensus } from './census.js';
import type { JurisdictionFact } from './types.js';

const require = createRequire(import.meta.url);
const PROVINCE_MARKERS: Record<string, string[] | string> = require('./knowledge/province-markers.json');


/** Every full division name in the text, with its number of occurrences (longest match at each position). */
export function divisionNamesIn(text: string): Map<string, number> {
  const found = new Map<string, number>();
  forEachDivisionName(text, (at, length) => {
    const word = text.slice(at, at + length);
    found.set(word, (found.get(word) ?? 0) + 1);
  });
  return found;
}

// The words whose counts decide (each counted as repeated indexOf counts it), registered with the census.
/** How the report refers to itself. */
const SELF_WORDS = { 区: ['我区', '全区'], 县: ['我县', '全县'], 市: ['我市', '全市'] };
/** Evidence that a 市 is prefecture-level rather than a county-level city. */
const PREFECTURE_CLUES = ['县(市、区)', '县（市、区）', '市县镇', '市县乡', '市级部门、县级部门', '各县(市、区)'];
const COUNTY_CLUES = ['乡(镇)', '乡镇(街道)', '县直', '区直', '区镇村', '市直部门'];
const PROVINCE_SELF = ['我省', '全省'];
const markersOf = (province: string): string[] => {
  const markers = PROVINCE_MARKERS[province];
  return Array.isArray(markers) ? markers : [];
};
registerWords([...Object.values(SELF_WORDS).flat(), ...PREFECTURE_CLUES, ...COUNTY_CLUES, ...PROVINCE_SELF]);
registerWords(Object.keys(PROVINCE_MARKERS).flatMap((province) => [...markersOf(province), province]));

const sum = (census: WordCensus, list: string[]) => list.reduce((n, w) => n + census.count(w), 0);

/** How the report refers to itself: counts of 我区/全区, 我县/全县, 我市/全市. */
function selfReference(census: WordCensus) {
  return { 区: sum(census, SELF_WORDS.区), 县: sum(census, SELF_WORDS.县), 市: sum(census, SELF_WORDS.市) };
}

function provinceEvidence(census: WordCensus, province: string): number {
  const short = shortName(province);
  return sum(census, markersOf(province)) + census.count(short ?? province);
}

export interface JurisdictionClues {
  title: string | null;
  /** The 主办 footer of the page, e.g. 台前县人民政府. */
  host: string | null;
}

/**
 * The report's jurisdiction. `census` holds the counts of the text's words (one
 * pass, shared with the issuer); it is taken for the text when not given.
 */
export function resolveJurisdiction(text: string, clues: JurisdictionClues, census = new WordCensus(text)): JurisdictionFact | null {
  // (the counts are read from the census where they used to be computed: no per-call closures to create)
  const names = census.divisionNames;
  const self = selfReference(census);
  const opening = text.slice(0, 200);
  let best: Best | null = null;
  for (const [name, count] of names) best = scoreCandidate(text, clues, census, names, self, opening, name, count, best);

  if (!best || best.score < 3) {
    // A provincial report: 我省 and the province's name.
    const provinces = [...names.keys()].filter((n) => divisionsByName.get(n)?.[0]?.level === 'province');
    if (provinces.length && census.count('我省') + census.count('全省') > 0) {
      const top = provinces.sort((a, b) => (names.get(b) ?? 0) - (names.get(a) ?? 0))[0];
      return toFact(divisionsByName.get(top)![0]);
    }
    return best ? toFact(best.division) : null;
  }
  return toFact(best.division);
}

interface Best {
  division: Division;
  score: number;
}

/** The best of `best` and the divisions named `name` (found `count` times). (A function of its own: see metricOf.) */
function scoreCandidate(
  text: string,
  clues: JurisdictionClues,
  census: WordCensus,
  names: Map<string, number>,
  self: { 区: number; 县: number; 市: number },
  opening: string,
  name: string,
  count: number,
  best: Best | null,
): Best | null {
  const divisions = divisionsByName.get(name) ?? [];
  if (divisions[0]?.level === 'province') return best; // a province report names itself 我省; handled below
  const short = shortName(name);
  let score = count * 2 + (short ? census.count(short) - count : 0);
  if (clues.title?.includes(name)) score += 50;
  if (clues.host?.includes(name)) score += 50;
  if (opening.includes(name) || (short && opening.includes(short))) score += 10;
  // the report's own documents are named after it (拟定《荣昌区法治政府建设实施方案》)
  score += 3 * (census.count(`《${name}`) + (short ? census.count(`《${short}`) - census.count(`《${name}`) : 0));
  // a place the report's officials visit (带队到永川区学习) is somebody else
  score -= 15 * visitsTo(text, name);
  const suffix = name.slice(-1);
  if (suffix === '区' || suffix === '县' || suffix === '市') score += 3 * self[suffix];
  // A prefecture is named inside its counties' document titles (德阳市罗江区…):
  // discount occurrences immediately followed by one of its counties' names.
  for (const division of divisions) {
    const evidence = provinceEvidence(census, division.province) + (division.prefecture ? census.count(shortName(division.prefecture) ?? division.prefecture) : 0);
    let total = score + Math.min(evidence, 20) * 0.5;
    if (division.level === 'prefecture') {
      const nested = [...names.keys()].filter((n) => n !== name && (divisionsByName.get(n) ?? []).some((d) => d.prefecture === name));
      total -= nested.reduce((n, child) => n + census.count(name + child) * 2, 0);
      if (self.市 > 0) total += sum(census, PREFECTURE_CLUES) * 5 - sum(census, COUNTY_CLUES) * 2;
    }
    if (division.level === 'county' && suffix === '市') total += sum(census, COUNTY_CLUES) * 2 - sum(census, PREFECTURE_CLUES) * 5;
    if (!best || total > best.score) best = { division, score: total };
  }
  return best;
}

/** The visit verbs before a place and the purposes after it: (?:到|赴|前往|去)NAME(?:学习|考察|调研|交流|参观|观摩). */
const VISIT_BEFORE = ['到', '赴', '前往', '去'];
const VISIT_FOR = ['学习', '考察', '调研', '交流', '参观', '观摩'];

/**
 * Matches of /(?:到|赴|前往|去)NAME(?:学习|…)/g in text (NAME a division name:
 * CJK only, no RegExp syntax), without building a RegExp per candidate: every
 * occurrence of the name with a visit verb right before it (starting after the
 * previous match) and a purpose right after it. A match starts at its verb,
 * and the verbs never end in one another except 往 (only in 前往), so the
 * verb before an occurrence is decided by its last one or two characters.
 */
export function visitsTo(text: string, name: string): number {
  let n = 0;
  let lastEnd = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const verb = VISIT_BEFORE.find((v) => at - v.length >= lastEnd && text.startsWith(v, at - v.length));
    if (!verb) continue;
    const after = at + name.length;
    if (!VISIT_FOR.some((p) => text.startsWith(p, after))) continue;
    n++;
    lastEnd = after + 2;
    at = lastEnd - 1; // the next match starts at or after lastEnd (its verb), so its name after that
  }
  return n;
}

function toFact(division: Division): JurisdictionFact {
  const fullName =
    division.level === 'province' ? division.name : `${division.province}${division.prefecture ?? ''}${division.name}`;
  return {
    name: division.name,
    fullName,
    province: division.province,
    prefecture: division.level === 'county' ? division.prefecture : null,
    level: division.level,
    adminCode: division.code,
  };
}

/** The division a local document's title starts with (《德阳市罗江区…》 → 罗江区), most specific first. */
export function issuingDivisionOf(title: string): string | null {
  let found: string | null = null;
  for (let i = 0; i < Math.min(title.length, 12); ) {
    const matched = divisionNameAt(title, i);
    if (!matched) break;
    found = title.slice(i, i + matched);
    i += matched;
  }
  return found;
}

export { divisionsByShortName };
