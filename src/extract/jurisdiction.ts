// Which jurisdiction a report is about. Candidates are the GB/T 2260 names
// found in the text; each is scored by where and how often it appears (the
// title, the 主办 footer, the opening, its frequency with and without suffix)
// and by agreement with how the report refers to itself (我区 → a 区, 我县 →
// a 县). A name shared by several divisions (朝阳区 in 北京 and 长春) is
// settled by the province and prefecture the text names, and by provincial
// markers (湘易办 → 湖南) from knowledge/province-markers.json.
import { createRequire } from 'node:module';
import { divisionNameAt, divisionsByName, forEachDivisionName, divisionsByShortName, shortName, type Division } from './divisions.js';
import type { JurisdictionFact } from './types.js';

const require = createRequire(import.meta.url);
const PROVINCE_MARKERS: Record<string, string[] | string> = require('./knowledge/province-markers.json');

const countOf = (text: string, word: string): number => countIn(text, word);

function countIn(text: string, word: string): number {
  if (!word) return 0;
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** Every full division name in the text, with its number of occurrences (longest match at each position). */
export function divisionNamesIn(text: string): Map<string, number> {
  const found = new Map<string, number>();
  forEachDivisionName(text, (at, length) => {
    const word = text.slice(at, at + length);
    found.set(word, (found.get(word) ?? 0) + 1);
  });
  return found;
}

/** How the report refers to itself: counts of 我区/全区, 我县/全县, 我市/全市. */
function selfReference(text: string) {
  return {
    区: countOf(text, '我区') + countOf(text, '全区'),
    县: countOf(text, '我县') + countOf(text, '全县'),
    市: countOf(text, '我市') + countOf(text, '全市'),
  };
}

/** Evidence that a 市 is prefecture-level rather than a county-level city. */
function prefectureClues(text: string): number {
  return countOf(text, '县(市、区)') + countOf(text, '县（市、区）') + countOf(text, '市县镇') + countOf(text, '市县乡') + countOf(text, '市级部门、县级部门') + countOf(text, '各县(市、区)');
}
function countyClues(text: string): number {
  return countOf(text, '乡(镇)') + countOf(text, '乡镇(街道)') + countOf(text, '县直') + countOf(text, '区直') + countOf(text, '区镇村') + countOf(text, '市直部门');
}

function provinceEvidence(text: string, province: string): number {
  const markers = PROVINCE_MARKERS[province];
  const list = Array.isArray(markers) ? markers : [];
  const short = shortName(province);
  return list.reduce((n, m) => n + countOf(text, m), 0) + (short ? countOf(text, short) : countOf(text, province));
}

export interface JurisdictionClues {
  title: string | null;
  /** The 主办 footer of the page, e.g. 台前县人民政府. */
  host: string | null;
}

export function resolveJurisdiction(text: string, clues: JurisdictionClues): JurisdictionFact | null {
  // the candidates ask for the same counts again (a prefecture's short name, 《name): each word scanned once per call
  const counted = new Map<string, number>();
  const countOf = (text_: string, word: string): number => {
    let n = counted.get(word);
    if (n === undefined) counted.set(word, (n = countIn(text_, word)));
    return n;
  };
  const names = divisionNamesIn(text);
  const self = selfReference(text);
  // Counts over the whole text that depend only on the text: computed once per call, not once per candidate.
  let prefectureClueCount: number | undefined;
  let countyClueCount: number | undefined;
  const prefectureCluesOnce = () => (prefectureClueCount ??= prefectureClues(text));
  const countyCluesOnce = () => (countyClueCount ??= countyClues(text));
  const evidenceByProvince = new Map<string, number>();
  const provinceEvidenceOnce = (province: string) => {
    let n = evidenceByProvince.get(province);
    if (n === undefined) evidenceByProvince.set(province, (n = provinceEvidence(text, province)));
    return n;
  };
  const opening = text.slice(0, 200);
  let best: { division: Division; score: number } | null = null;

  for (const [name, count] of names) {
    const divisions = divisionsByName.get(name) ?? [];
    if (divisions[0]?.level === 'province') continue; // a province report names itself 我省; handled below
    const short = shortName(name);
    let score = count * 2 + (short ? countOf(text, short) - count : 0);
    if (clues.title?.includes(name)) score += 50;
    if (clues.host?.includes(name)) score += 50;
    if (opening.includes(name) || (short && opening.includes(short))) score += 10;
    // the report's own documents are named after it (拟定《荣昌区法治政府建设实施方案》)
    score += 3 * (countOf(text, `《${name}`) + (short ? countOf(text, `《${short}`) - countOf(text, `《${name}`) : 0));
    // a place the report's officials visit (带队到永川区学习) is somebody else
    score -= 15 * [...text.matchAll(new RegExp(`(?:到|赴|前往|去)${name}(?:学习|考察|调研|交流|参观|观摩)`, 'g'))].length;
    const suffix = name.slice(-1);
    if (suffix === '区' || suffix === '县' || suffix === '市') score += 3 * self[suffix];
    // A prefecture is named inside its counties' document titles (德阳市罗江区…):
    // discount occurrences immediately followed by one of its counties' names.
    for (const division of divisions) {
      const evidence = provinceEvidenceOnce(division.province) + (division.prefecture ? countOf(text, shortName(division.prefecture) ?? division.prefecture) : 0);
      let total = score + Math.min(evidence, 20) * 0.5;
      if (division.level === 'prefecture') {
        const nested = [...names.keys()].filter((n) => n !== name && (divisionsByName.get(n) ?? []).some((d) => d.prefecture === name));
        total -= nested.reduce((n, child) => n + countOf(text, name + child) * 2, 0);
        if (self.市 > 0) total += prefectureCluesOnce() * 5 - countyCluesOnce() * 2;
      }
      if (division.level === 'county' && suffix === '市') total += countyCluesOnce() * 2 - prefectureCluesOnce() * 5;
      if (!best || total > best.score) best = { division, score: total };
    }
  }

  if (!best || best.score < 3) {
    // A provincial report: 我省 and the province's name.
    const provinces = [...names.keys()].filter((n) => divisionsByName.get(n)?.[0]?.level === 'province');
    if (provinces.length && countOf(text, '我省') + countOf(text, '全省') > 0) {
      const top = provinces.sort((a, b) => (names.get(b) ?? 0) - (names.get(a) ?? 0))[0];
      return toFact(divisionsByName.get(top)![0]);
    }
    return best ? toFact(best.division) : null;
  }
  return toFact(best.division);
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
