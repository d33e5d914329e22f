// Which jurisdiction a report is about. The place a report names itself by in
// its title or heading lines (places.ts) decides; without one, candidates are
// the GB/T 2260 names (and names in common use) found in the body, each scored
// by where and how often it appears (the opening, its frequency with and
// without suffix) and by agreement with how the report refers to itself
// (我区 → a 区, 我县 → a 县, 全省 → a province). A name shared by several
// divisions (朝阳区 in 北京 and 长春) is settled by the province and prefecture
// the text names, and by provincial markers (湘易办 → 湖南) from
// knowledge/province-markers.json. The page's address, when the report came
// from a government site (site-address.ts), settles a shared name and names
// the county of a township or the city of a zone the text leaves unsaid; it
// names the place itself only when the text names none. Too little evidence
// gives no place, with the reason.
import { createRequire } from 'node:module';
import {
  countiesWithTownship,
  divisionNameAt,
  divisionsByName,
  forEachDivisionName,
  divisionsByShortName,
  fullNameOf,
  shortName,
  type Division,
} from './divisions.js';
import { registerMarkers, registerWords, WordCensus } from './census.js';
import {
  aliasNames,
  firstPlaceIn,
  placeBrandsIn,
  placesOfRuleOfLawTriad,
  fullZoneName,
  isBareZoneEnding,
  placeEntry,
  readPlaceAt,
  zoneNamedInBody,
  type PlaceReading,
} from './places.js';
import { codesOf } from './scan.js';
import { agreesWithAddress, placesOfAddress, type AddressPlaces } from './site-address.js';
import { leadingLines } from './title.js';
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
const SELF_WORDS = {
  区: ['我区', '全区'],
  县: ['我县', '全县'],
  市: ['我市', '全市'],
  省: ['我省', '全省'],
  州: ['我州', '全州'],
  旗: ['我旗', '全旗'],
  盟: ['我盟', '全盟'],
};
/** Evidence that a 市 is prefecture-level rather than a county-level city. */
const PREFECTURE_CLUES = ['县(市、区)', '县（市、区）', '市县镇', '市县乡', '市级部门、县级部门', '各县(市、区)'];
const COUNTY_CLUES = ['乡(镇)', '乡镇(街道)', '县直', '区直', '区镇村', '市直部门'];
const PROVINCE_SELF = ['我省', '全省'];
/** How an autonomous region speaks of itself, besides 全区 (which a district says too). */
const REGION_SELF = ['自治区党委', '自治区人民政府', '自治区政府', '依法治区'];
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/**
 * Whether the first sentence opens on the voice of a level below a province:
 * 2024年,我县坚持…, or an organ named by its level alone (2023年,市司法局在市委…领导下…,
 * 县政府办…), which a province's own report would call 省….
 */
function opensBelow(opening: string, subject: string | null, province: string): boolean {
  const self = /^(?:\d{4}年度?(?:以来)?[,，]?)?(?:我|全)(县|区|市|州|旗|盟)/.exec(opening.trimStart()) ?? LEVEL_ORGAN.exec(subject ?? '');
  if (!self) return false;
  return !((self[1] === '市' && MUNICIPALITIES.has(province)) || (self[1] === '区' && province.endsWith('自治区')));
}
/** An organ named by its level alone at the head of the first sentence: 市司法局, 县政府办, 区委 (市场监管局 is not one). */
const LEVEL_ORGAN = /^(县|区|市|州|旗|盟)(?!场)[\u4e00-\u9fa5]{0,12}?(?:局|委|办|政府|中心|院)/;

/**
 * How often the report speaks as a level below a province: 我县/全县, 我区, 我州/全州, 我旗/全旗,
 * 我盟/全盟, and 我市 unless it is a 直辖市 (全区 and 全市 are also a 自治区's and a 直辖市's own words).
 */
function lowerVoice(census: WordCensus, province: string): number {
  return (
    sum(census, LOWER_SELF) +
    sum(census, LOWER_WHOLE) +
    (MUNICIPALITIES.has(province) ? 0 : census.count('我市')) -
    (province.endsWith('自治区') ? census.count('我区') : 0)
  );
}
const LOWER_SELF = ['我县', '我区', '我州', '我旗', '我盟'];
const LOWER_WHOLE = ['全县', '全州', '全旗', '全盟'];

/** How often a province-level report would speak of itself: 我省/全省, 全区/自治区党委 for a 自治区, 我市/全市 for a 直辖市. */
function provinceVoice(census: WordCensus, name: string, self: Record<keyof typeof SELF_WORDS, number>): number {
  if (MUNICIPALITIES.has(name)) return self.市;
  if (name.endsWith('自治区')) return sum(census, REGION_SELF) + census.count('全区');
  return self.省;
}
const markersOf = (province: string): string[] => {
  const markers = PROVINCE_MARKERS[province];
  return Array.isArray(markers) ? markers : [];
};
registerWords([...Object.values(SELF_WORDS).flat(), ...PREFECTURE_CLUES, ...COUNTY_CLUES, ...PROVINCE_SELF, ...REGION_SELF]);
const ALIASES = aliasNames();
// where they occur is collected by the census's one pass: most texts use none, and skip the count of each
const ALIAS_MARKERS = registerMarkers(ALIASES);
const PROVINCES = [...divisionsByName.values()].flat().filter((d) => d.level === 'province');
const GENERIC = new Set<string>(require('./knowledge/place-names.json').genericDivisionNames.names);
registerWords(Object.keys(PROVINCE_MARKERS).flatMap((province) => [...markersOf(province), province]));

const sum = (census: WordCensus, list: string[]) => list.reduce((n, w) => n + census.count(w), 0);

/** How the report refers to itself: counts of 我区/全区, 我县/全县, 我市/全市. */
function selfReference(census: WordCensus): Record<keyof typeof SELF_WORDS, number> {
  const counts = {} as Record<keyof typeof SELF_WORDS, number>;
  for (const [suffix, words] of Object.entries(SELF_WORDS)) counts[suffix as keyof typeof SELF_WORDS] = sum(census, words);
  return counts;
}

function provinceEvidence(census: WordCensus, province: string): number {
  const short = shortName(province);
  return sum(census, markersOf(province)) + census.count(short ?? province);
}

export interface JurisdictionClues {
  title: string | null;
  /** The 主办 footer of the page, e.g. 台前县人民政府. */
  host: string | null;
  /** The article's publisher (发布机构), e.g. 白河镇人民政府. */
  publisher?: string | null;
  /** The page's address (URL), e.g. http://www.xuwen.gov.cn/…, when the report came from a web page. */
  address?: string | null;
}

/** The jurisdiction a report is about, or why none could be named. */
export interface JurisdictionReading {
  fact: JurisdictionFact | null;
  /** Why fact is null: the evidence was too weak to name a place. */
  unknown?: string;
}

/** What a report says of itself before its first section: 现将<who and what>报告如下; the words after 现将 up to the year or the subject. */
const REPORT_FORMULA = /现将([^。，,；;:：]{2,24}?)(?:\d{4}年|关于|有关|法治|依法|工作|情况|年度|上年|本年|今年|全年)/;
const FORMULA_REACH = 1200;

/** Below this body score a place is only mentioned, not the report's own: "unknown" rather than a guess. */
const WEAK_BODY_SCORE = 5;

/**
 * The report's jurisdiction. The title, the heading lines and the publisher
 * decide first: a report names itself at the head of its title (海东市人民政府
 * 关于…, 2021年上海市…, 武汉经开区…). Without one, the body decides by how the
 * report speaks of itself (我县, 全省) and which place it names most, never by a
 * place it merely visits or cites. `census` holds the counts of the text's
 * words (one pass, shared with the issuer); it is taken for the text when not given.
 */
export function resolveJurisdiction(text: string, clues: JurisdictionClues, census = new WordCensus(text)): JurisdictionReading {
  const address = placesOfAddress(clues.address);
  const header = fromHeader(text, clues, census, address);
  if (header) return { fact: header };
  const body = fromBody(text, clues, census);
  if (body.fact || !address) return body;
  const spelled = fromAddress(address, census);
  return spelled ? { fact: spelled } : body;
}

/** The heading lines where a report names itself: its title, the short unpunctuated lines at its top (not an addressee: 省人民政府:), its publisher. */
function headingLines(text: string, clues: JurisdictionClues): { line: string; where: string }[] {
  const lines: { line: string; where: string }[] = [];
  if (clues.title) lines.push({ line: clues.title, where: 'the title' });
  for (const line of leadingLines(text)) {
    if (!line || line === clues.title || line.length > 60 || /[。，,；;]/.test(line) || /[:：]$/.test(line)) continue;
    lines.push({ line, where: 'a heading line' });
  }
  for (const [who, where] of [
    [clues.publisher, 'the publisher'],
    [clues.host, 'the site owner'],
  ] as const)
    if (who) lines.push({ line: who, where });
  // the subject of its first sentence: 2022年,白云区政府坚持…; 伊犁州始终坚持… (not 在市委的领导下, a place above it)
  const subject = openingSubject(text);
  if (subject) lines.push({ line: subject, where: 'its first sentence' });
  // the report's own formula names it too: 现将郑东新区2025年度法治政府建设情况报告如下
  const formula = REPORT_FORMULA.exec(text.slice(0, FORMULA_REACH));
  if (formula) lines.push({ line: formula[1], where: 'its 现将…报告如下' });
  return lines;
}

/** The year a first sentence may open with: 2022年, 2023年度, 2024年以来, then a comma. */
const OPENING_YEAR = /^(?:\d{4}年度?(?:以来)?|一年来|今年以来)[,，]?/;

/** The circumstance a first sentence may open with before its subject: 在…领导下, 在…指导下. */
const UNDER = /^在[^。,，]{2,40}?(?:领导|指导|监督|支持|关心)下[,，]/;

/** The words a report's first sentence opens with, after its year, when they stand at the head of a body line. */
export function openingSubject(text: string): string | null {
  // (line by line with indexOf, not a split of the text's head)
  for (let start = 0; start < FORMULA_REACH && start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = Math.min(newline < 0 ? text.length : newline, FORMULA_REACH);
    if (end - start >= 30) {
      const line = text.slice(start, end);
      if (/[。，,]/.test(line)) {
        const head = line.replace(OPENING_YEAR, '');
        // 在市委、市政府的坚强领导下,东疆综保区坚持…: the subject comes after the circumstances
        // (two of them in 在县委、县政府的坚强领导下,在县司法局的有力指导下,…)
        let subject = head;
        for (let k = 0; k < 2; k++) {
          const circumstance = UNDER.exec(subject.slice(0, 60));
          if (!circumstance) break;
          subject = subject.slice(circumstance[0].length);
        }
        return subject.slice(0, 30);
      }
    }
    start = end + 1;
  }
  return null;
}

function fromHeader(text: string, clues: JurisdictionClues, census: WordCensus, address: AddressPlaces | null): JurisdictionFact | null {
  for (const { line, where } of headingLines(text, clues)) {
    // a first sentence names its subject at its head, and only there
    const place = where === 'its first sentence' ? readPlaceAt(line, 0, true) : firstPlaceIn(line);
    if (!place) continue;
    const basis = `${where} names ${place.name}`;
    if (place.level === 'zone' && !place.divisions.length) return zoneFact(text, place, census, basis, address);
    if (place.level === 'township') return townshipFact(place, census, basis, address);
    const ranked = rankByEvidence(place.divisions, census);
    const [best, second] = ranked;
    const settled = !second || best.evidence > second.evidence;
    if (!settled) {
      const tied = ranked.filter((r) => r.evidence === best.evidence).map((r) => r.division);
      // the site the report was published on is one of them: 西湖区 on hzxh.gov.cn is 杭州's
      const onTheSite = address ? tied.filter((d) => agreesWithAddress(d, address)) : [];
      if (onTheSite.length === 1)
        return { ...toFact(onTheSite[0]), confidence: 0.85, basis: `${basis}; ${fullNameOf(onTheSite[0])} by ${addressBasis(address!)}` };
      return unsettled(place, tied, basis);
    }
    const confidence = place.divisions.length === 1 || place.above.length ? 0.95 : 0.85;
    const why = second ? `${basis}; ${best.division.province} by the text's evidence (${best.evidence} against ${second.evidence})` : basis;
    return { ...toFact(best.division), confidence, basis: why };
  }
  return null;
}

/**
 * A name several divisions share (西湖区 of 杭州 and 南昌) that the text does
 * not settle: the name and what the candidates have in common, no guess at the
 * rest (no code, and no province or prefecture where they differ).
 */
function unsettled(place: PlaceReading, candidates: Division[], basis: string): JurisdictionFact {
  const shared = <T>(read: (d: Division) => T): T | null => (candidates.every((d) => read(d) === read(candidates[0])) ? read(candidates[0]) : null);
  const province = shared((d) => d.province);
  const prefecture = shared((d) => (d.level === 'county' ? d.prefecture : null));
  return {
    name: place.name,
    fullName: `${province ?? ''}${prefecture ?? ''}${place.name}`,
    province,
    prefecture,
    level: shared((d) => d.level),
    adminCode: null,
    confidence: 0.5,
    basis: `${basis}; the text does not say which (${candidates.map((d) => `${d.province}${d.prefecture ?? ''}`).join(', ')})`,
  };
}

/** Divisions sharing a name, best supported first: how often the text names each one's province (or its markers) and prefecture. */
function rankByEvidence(divisions: Division[], census: WordCensus): { division: Division; evidence: number }[] {
  return divisions
    .map((division) => ({
      division,
      evidence:
        (division.level === 'province' ? 0 : provinceEvidence(census, division.province)) +
        (division.prefecture ? census.count(division.prefecture) + census.count(shortName(division.prefecture) ?? division.prefecture) : 0),
    }))
    .sort((a, b) => b.evidence - a.evidence);
}

/**
 * The division most named in the text among those of the first level that has
 * one (a zone's prefecture, else its province-level city: 天津市; a township's
 * county), when the heading gave none.
 */
function mostNamed(census: WordCensus, ...levels: Division['level'][]): Division | null {
  for (const level of levels) {
    let best: Division | null = null;
    let most = 0;
    for (const [name, count] of census.divisionNames) {
      const d = divisionsByName.get(name);
      if (d?.length === 1 && d[0].level === level && count > most) [best, most] = [d[0], count];
    }
    if (best) return best;
  }
  return null;
}

/**
 * The one province the text claims as its own by its markers (its full name,
 * its platforms: 浙里办) or its brand (法治云南, 平安云南), when no division is
 * named in full; null when none or several are. (A bare short name is not
 * enough: 对口支援新疆 is another province's.)
 */
function provinceByItsWords(census: WordCensus): Division | null {
  let best: Division | null = null;
  for (const province of PROVINCES) {
    const short = shortName(province.name) ?? province.name;
    const claims = markersOf(province.name).filter((marker) => marker !== short);
    if (!sum(census, claims) && !census.count(`法治${short}`) && !census.count(`平安${short}`)) continue;
    if (best) return null;
    best = province;
  }
  return best;
}

function zoneFact(text: string, place: PlaceReading, census: WordCensus, basis: string, address: AddressPlaces | null): JurisdictionFact {
  // a heading naming only the ending (经济开发区…): the body's full name (宁河经济开发区) and the place it is named for
  const inBody = !place.above.length ? zoneNamedInBody(text, place.name) : null;
  if (inBody) return zoneFact(text, { ...place, name: inBody.name, above: [[inBody.division]] }, census, `${basis}, in the body ${inBody.name}`, address);
  const parents = place.above.map((candidates) => rankByEvidence(candidates, census)[0].division);
  const onTheSite = parents.length ? null : spelledDivision(address, census);
  const parent = parents[parents.length - 1] ?? onTheSite ?? mostNamed(census, 'prefecture', 'province');
  // a zone the heading names without its city (高新区) is known by the city's name before it (珠海高新区), when
  // the text names the city: an address spells its sound only (yangling.gov.cn is 杨陵区, the zone 杨凌示范区)
  const named = parent && parent !== onTheSite;
  const name = !parents.length && named && isBareZoneEnding(place.name) ? `${shortName(parent.name) ?? parent.name}${place.name}` : place.name;
  if (!parent) return inProvinceOfItsWords(partOf('zone', name, null, null, basis, 'prefecture'), census);
  const what = parent.level === 'province' ? 'province-level city' : parent.level === 'county' ? 'county' : 'prefecture';
  return partOf('zone', name, parent, parents.length ? 'heading' : onTheSite ? address : 'text', basis, what);
}

function townshipFact(place: PlaceReading, census: WordCensus, basis: string, address: AddressPlaces | null): JurisdictionFact {
  const parents = place.above.map((candidates) => rankByEvidence(candidates, census)[0].division);
  if (parents.length) return partOf('township', place.name, parents[parents.length - 1], 'heading', basis, 'county');
  // the site's county, or the county of that township the site's city or province holds (三都镇 on liujiang.gov.cn)
  const listedOnSite = address ? countiesWithTownship(place.name).filter((d) => agreesWithAddress(d, address)) : [];
  const onTheSite = listedOnSite.length === 1 ? listedOnSite[0] : spelledDivision(address, census);
  if (onTheSite) return partOf('township', place.name, onTheSite, address, basis, onTheSite.level === 'county' ? 'county' : 'prefecture');
  const county = mostNamed(census, 'county');
  if (county) return partOf('township', place.name, county, 'text', basis, 'county');
  const listed = countyOfListedTownship(place.name, census);
  if (listed)
    return {
      ...partOf('township', place.name, listed, 'text', basis, 'county'),
      confidence: 0.6,
      basis: `${basis}; in ${listed.name}, the only county with a township of that name that fits the text`,
    };
  return inProvinceOfItsWords(partOf('township', place.name, null, null, basis, 'county'), census);
}

/** How the page's address names a place, for a basis: "the page's address (www.xuwen.gov.cn)". */
const addressBasis = (address: AddressPlaces): string => `the page's address (${address.host})`;

/**
 * The one division the page's address spells, or of those it spells (sz.gov.cn:
 * 深圳, 苏州, 宿州…) the one the text names most (its name, its province's, its
 * prefecture's); null when the text does not settle them.
 */
function spelledDivision(address: AddressPlaces | null, census: WordCensus): Division | null {
  if (!address) return null;
  if (address.divisions.length === 1) return address.divisions[0];
  const ranked = address.divisions.map((division) => ({ division, evidence: textEvidence(division, census) })).sort((a, b) => b.evidence - a.evidence);
  return ranked[0].evidence > ranked[1].evidence ? ranked[0].division : null;
}

/** How often the text names a division, its short name, its province (or the province's markers) and its prefecture. */
function textEvidence(division: Division, census: WordCensus): number {
  const own = census.count(division.name) + census.count(shortName(division.name) ?? division.name);
  const above = division.level === 'province' ? sum(census, markersOf(division.province)) : provinceEvidence(census, division.province);
  return own + above + (division.prefecture ? census.count(shortName(division.prefecture) ?? division.prefecture) : 0);
}

/**
 * A report whose text names no place of its own, on the site of a government
 * the address spells (swj.wuhan.gov.cn): that government's, unless the report
 * speaks as another level (a county's 我县 on its city's site).
 */
function fromAddress(address: AddressPlaces, census: WordCensus): JurisdictionFact | null {
  const division = spelledDivision(address, census);
  if (!division) return null;
  const self = selfReference(census);
  if (
    division.level === 'province'
      ? lowerVoice(census, division.name) > provinceVoice(census, division.name, self)
      : speaksAsAnotherLevel(division, self, census)
  )
    return null;
  return { ...toFact(division), confidence: 0.6, basis: `${addressBasis(address)} spells ${division.name}; the text names no place of its own` };
}

/** How a township speaks of itself. */
const TOWNSHIP_SELF = ['我镇', '全镇', '本镇', '我乡', '全乡', '本乡', '我街道', '全街道', '本街道'];
registerWords(TOWNSHIP_SELF);

/**
 * The voice the report speaks in when it is another level's than the
 * division's (我市 or 全市 for a 区; 我镇 for a 旗), or null when it speaks as
 * the division's own level too, or as no level at all (a department's 我局).
 */
function speaksAsAnotherLevel(division: Division, self: Record<keyof typeof SELF_WORDS, number>, census: WordCensus): string | null {
  if (division.level === 'province') return null;
  const own = division.name.slice(-1) as keyof typeof SELF_WORDS;
  if (!(own in self)) return null;
  // (in an autonomous region, 全区 is the region's word: a district there speaks as 我区)
  const ownVoice = own === '区' && division.province.endsWith('自治区') && sum(census, REGION_SELF) > 0 ? census.count('我区') : self[own];
  if (ownVoice > 0) return null;
  if (sum(census, TOWNSHIP_SELF) > 0) return 'a township (我镇/我乡/我街道)';
  const other = (Object.keys(self) as (keyof typeof SELF_WORDS)[]).find((level) => level !== own && level !== '省' && self[level] > 0);
  return other ? `a ${other} (我${other}/全${other})` : null;
}

/** The voice of a township's superiors (在区委、区政府的领导下): the ending of its county's name. */
const SUPERIOR_VOICE: [string, string[]][] = [
  ['区', ['区委、区政府', '区委区政府', '区委,区政府', '区委，区政府']],
  ['县', ['县委、县政府', '县委县政府', '县委,县政府', '县委，县政府']],
  ['市', ['市委、市政府', '市委市政府', '市委,市政府', '市委，市政府']],
  ['旗', ['旗委、旗政府', '旗委旗政府']],
];
registerWords(SUPERIOR_VOICE.flatMap(([, words]) => words));

/**
 * A township the text names without its county: the county of the township
 * list's entry of that name, when only one fits — the name is listed once, or
 * the superiors it speaks of (区委、区政府) or the province it claims leave one.
 * Null when none or several fit: a township name is shared more often than a county's.
 */
function countyOfListedTownship(name: string, census: WordCensus): Division | null {
  let candidates = countiesWithTownship(name);
  if (candidates.length > 1) {
    const ending = SUPERIOR_VOICE.find(([, words]) => sum(census, words) > 0)?.[0];
    if (ending) candidates = candidates.filter((d) => d.name.endsWith(ending));
  }
  if (candidates.length > 1) {
    const province = provinceByItsWords(census);
    if (province) candidates = candidates.filter((d) => d.province === province.name);
  }
  return candidates.length === 1 ? candidates[0] : null;
}

/**
 * A zone or township whose parent the text never names may still say its
 * province (法治云南, 八闽大地): the province is then known, the parent not.
 */
function inProvinceOfItsWords(fact: JurisdictionFact, census: WordCensus): JurisdictionFact {
  const province = provinceByItsWords(census);
  if (!province) return fact;
  return {
    ...fact,
    province: province.name,
    fullName: `${province.name}${fact.fullName}`,
    basis: `${fact.basis}; in ${province.name}, the one province its words name`,
  };
}

/** The divisions above a place, then the place, without repeating a division its own name starts with (武隆区工业园区 under 武隆区). */
function chainName(above: (string | null)[], own: string): string {
  const parts = above.filter((name): name is string => !!name);
  return parts.filter((name) => !own.startsWith(name)).join('') + own;
}

/**
 * A zone or township under the division that administers it (`parent`, of the
 * kind `what`), as it was found: named by the heading's chain, spelled by the
 * page's address, the one the text names most; or none.
 */
function partOf(
  level: 'zone' | 'township',
  name: string,
  parent: Division | null,
  foundBy: 'heading' | 'text' | AddressPlaces | null,
  basis: string,
  what: string,
): JurisdictionFact {
  const province = parent?.province ?? null;
  const prefecture = parent?.level === 'prefecture' ? parent.name : parent?.level === 'province' ? null : (parent?.prefecture ?? null);
  // (a zone's full name has its ending written out: 武汉经开区 and 武汉经济技术开发区 are one zone)
  const own = level === 'zone' ? fullZoneName(name) : name;
  return {
    name,
    fullName: chainName([province, prefecture, parent?.level === 'county' ? parent.name : null], own),
    province,
    prefecture,
    level,
    adminCode: null,
    parent: parent?.name ?? null,
    parentCode: parent?.code ?? null,
    confidence: foundBy === 'heading' ? 0.9 : foundBy === 'text' ? 0.7 : foundBy ? 0.8 : 0.5,
    basis:
      foundBy === 'heading'
        ? basis
        : `${basis}; ${
            !parent || !foundBy
              ? `its ${what === 'county' ? 'county' : 'prefecture'} is not named`
              : foundBy === 'text'
                ? `in ${parent.name}, the ${what} the text names most`
                : `in ${parent.name}, by ${addressBasis(foundBy)}`
          }`,
  };
}

/** Counts of each division's names in the text: its official name, and a name in common use (金平县, 伊犁州) added to it. */
function namedInBody(text: string, census: WordCensus, self: Record<keyof typeof SELF_WORDS, number>): Map<string, number> {
  const named = new Map<string, number>();
  const inAddresses = namesInAddresses(text);
  for (const [name, count] of census.divisionNames) {
    const n = supportedOccurrences(text, name, count) - (inAddresses.get(name) ?? 0);
    if (n > 0) named.set(name, n);
  }
  // a province-level report may name itself only by its stem (视察宁夏, 法治河北)
  for (const province of PROVINCES) if (!named.has(province.name) && census.count(shortName(province.name) ?? province.name)) named.set(province.name, 0);
  // a county or city names itself by its brand (法治宁海建设, 平安昌江) or first in the formula (法治弋阳、法治政府、
  // 法治社会一体建设): its short name, counted for each division of
  // that name whose level the report speaks as (我县/全县 for a 县; a street's report on 法治上城建设 is not 上城区's)
  const ownPlaces = [...placeBrandsIn(text, codesOf(text), census).map((brand) => brand.place), ...placesOfRuleOfLawTriad(text, census)];
  for (const place of ownPlaces) {
    for (const division of divisionsByShortName.get(place) ?? []) {
      const suffix = division.name.slice(-1) as keyof typeof self;
      if (division.level !== 'province' && self[suffix] > 0) named.set(division.name, (named.get(division.name) ?? 0) + 1);
    }
  }
  const aliasesAt = census.markersAt(ALIAS_MARKERS);
  for (const alias of aliasesAt && !aliasesAt.length ? [] : ALIASES) {
    const n = census.count(alias);
    if (!n) continue;
    const official = placeEntry(alias)!.divisions[0].name;
    named.set(official, (named.get(official) ?? 0) + n);
  }
  return named;
}

/** A contact line's address (地址:天津市和平区建设路18号): where an office sits, not what the report is about. */
const ADDRESS = /(?:地址|住所|地点)[:：]\s*[^;；。，,)）\n]{2,40}/g;

/** The division names inside the text's addresses, with their numbers of occurrences there. */
function namesInAddresses(text: string): Map<string, number> {
  if (!text.includes('地址') && !text.includes('住所') && !text.includes('地点')) return new Map();
  const found = new Map<string, number>();
  for (const match of text.matchAll(ADDRESS)) {
    for (const [name, n] of divisionNamesIn(match[0])) found.set(name, (found.get(name) ?? 0) + n);
  }
  return found;
}

/**
 * The occurrences of a division name that read as the name: all of them for a
 * name of three characters or more; for a two-character name (理县, 和县: also
 * the ends of 治理县域, 市和县) only those the text sets apart, after its
 * parent's name or a non-Chinese character; a name that is a common word
 * (城区) only after its parent.
 */
function supportedOccurrences(text: string, name: string, count: number): number {
  if (name.length > 2 && !GENERIC.has(name)) return count;
  const divisions = divisionsByName.get(name) ?? [];
  const parents = divisions.flatMap((d) =>
    [d.prefecture, shortName(d.prefecture ?? '') ?? '', d.province, shortName(d.province) ?? ''].filter((p): p is string => !!p),
  );
  let n = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const before = at ? text.charCodeAt(at - 1) : 0;
    if (parents.some((p) => text.startsWith(p, at - p.length))) n++;
    else if (!GENERIC.has(name) && (before < 0x4e00 || before > 0x9fff)) n++;
  }
  return n;
}

function fromBody(text: string, clues: JurisdictionClues, census: WordCensus): JurisdictionReading {
  const self = selfReference(census);
  const names = namedInBody(text, census, self);
  const opening = text.slice(0, 200);
  const scored: Best[] = [];
  for (const [name, count] of names) {
    const best = scoreCandidate(text, clues, census, names, self, opening, name, count, null);
    if (best) scored.push(best);
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  // a report that speaks only as a province (我省 and no 我市/全县) is not the report of a city or county it names
  if (!best || best.score < WEAK_BODY_SCORE || best.division.level !== 'province') {
    const province = provinceOfItsPlaces(text, census, names, self);
    if (province) return { fact: province };
  }
  if (!best) return { fact: null, unknown: 'no place is named in the text' };
  if (best.score < WEAK_BODY_SCORE)
    return { fact: null, unknown: `only weak evidence: ${best.division.name} (score ${best.score.toFixed(1)}, below ${WEAK_BODY_SCORE})` };
  // a report that speaks as another level (我市 of a city naming one of its districts, 我镇 naming its 旗)
  // and never as the place's own is about somebody above or below it
  const otherVoice = speaksAsAnotherLevel(best.division, self, census);
  if (otherVoice) {
    const prefecture = prefectureOfItsPlaces(text, census, names, self, best.division.province);
    if (prefecture) return { fact: prefecture };
    return { fact: null, unknown: `${best.division.name} is named, but the report speaks as ${otherVoice}, never as its ${best.division.name.slice(-1)}` };
  }
  if (second && second.score === best.score && second.division.name !== best.division.name) {
    return { fact: null, unknown: `two places have the same evidence: ${best.division.name} and ${second.division.name} (score ${best.score.toFixed(1)})` };
  }
  const margin = second ? (best.score - second.score) / best.score : 1;
  const confidence = Math.round((0.45 + 0.4 * margin) * 100) / 100;
  return {
    fact: {
      ...toFact(best.division),
      confidence,
      basis: `the body: ${best.division.name} by how the report names itself and places (score ${best.score.toFixed(1)}${second ? `, next ${second.division.name} ${second.score.toFixed(1)}` : ''})`,
    },
  };
}

/** The GB/T 2260 places the body names as places (not a common word such as 城区, not one its officials only visit), with their divisions. */
function placesItNames(text: string, names: Map<string, number>): { name: string; divisions: Division[] }[] {
  const places: { name: string; divisions: Division[] }[] = [];
  for (const name of names.keys()) {
    const divisions = divisionsByName.get(name) ?? [];
    if (!GENERIC.has(name) && divisions.length && !visitsTo(text, name)) places.push({ name, divisions });
  }
  return places;
}

/**
 * A province's report that never names its province (我省…, 全省…) still names
 * its own cities and counties: when the report speaks only as a province and
 * every place it names lies in one province, it is that province's.
 */
function provinceOfItsPlaces(
  text: string,
  census: WordCensus,
  names: Map<string, number>,
  self: Record<keyof typeof SELF_WORDS, number>,
): JurisdictionFact | null {
  const lower = self.市 + self.县 + self.区 + self.州 + self.旗 + self.盟 + sum(census, LOWER_SELF);
  if (self.省 < 2 || lower > 0 || LEVEL_ORGAN.test(openingSubject(text) ?? '')) return null;
  const places = placesItNames(text, names);
  const provinces = new Set(places.flatMap((place) => place.divisions.map((d) => d.province)));
  if (provinces.size !== 1) return null;
  const [name] = provinces;
  const province = divisionsByName.get(name)?.find((d) => d.level === 'province');
  if (!province || MUNICIPALITIES.has(name) || name.endsWith('自治区')) return null;
  return {
    ...toFact(province),
    confidence: 0.6,
    basis: `the body: speaks as a province (我省/全省 ${self.省} times, no lower voice) and every place it names (${places.map((place) => place.name).join('、')}) lies in ${name}`,
  };
}

/**
 * The prefecture-level twin of provinceOfItsPlaces: a city's report (我市,
 * 全市, never 我县 or 我区) that never names its city still names its districts
 * and counties (万秀区法制办获…): when every place it names lies in one
 * prefecture-level 市, the report is that city's. A county-level city speaks as
 * 我市 too, of its towns, with 乡(镇)/县直/市直部门: such words, a province's
 * voice as often as a city's (全省第二 is a ranking), or places in two
 * prefectures leave the answer unknown.
 */
function prefectureOfItsPlaces(
  text: string,
  census: WordCensus,
  names: Map<string, number>,
  self: Record<keyof typeof SELF_WORDS, number>,
  province: string,
): JurisdictionFact | null {
  // (in an autonomous region 全区 is the region's own word; only 我区 is a district's)
  const districtVoice = province.endsWith('自治区') ? census.count('我区') : self.区;
  const lower = districtVoice + self.县 + self.州 + self.旗 + self.盟 + sum(census, TOWNSHIP_SELF);
  if (self.市 < 2 || lower > 0 || self.省 >= self.市 || MUNICIPALITIES.has(province) || sum(census, COUNTY_CLUES) > 0) return null;
  const places = placesItNames(text, names).filter((place) => !place.divisions.some((d) => d.level === 'province'));
  // a meeting held in a place (全区…推进会在万秀区召开) may be hosted by any city of the province
  if (places.some((place) => venueOnly(text, place.name))) return null;
  const prefectures = new Set(places.flatMap((place) => place.divisions.map((d) => (d.level === 'prefecture' ? d.name : (d.prefecture ?? d.name)))));
  if (prefectures.size !== 1) return null;
  const [name] = prefectures;
  const prefecture = divisionsByName.get(name)?.find((d) => d.level === 'prefecture');
  if (!prefecture?.name.endsWith('市') || prefecture.province !== province) return null;
  return {
    ...toFact(prefecture),
    confidence: 0.55,
    basis: `the body: speaks as a 市 (我市/全市 ${self.市} times, no lower voice) and every place it names (${places.map((place) => place.name).join('、')}) lies in ${name}`,
  };
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
  self: Record<keyof typeof SELF_WORDS, number>,
  opening: string,
  name: string,
  count: number,
  best: Best | null,
): Best | null {
  const divisions = divisionsByName.get(name) ?? [];
  const short = shortName(name);
  let score = count * 2 + (short ? census.count(short) - count : 0);
  if (clues.title?.includes(name)) score += 50;
  if (clues.host?.includes(name)) score += 50;
  if (opening.includes(name) || (short && opening.includes(short))) score += 10;
  // the report's own documents are named after it (拟定《荣昌区法治政府建设实施方案》)
  score += 3 * (census.count(`《${name}`) + (short ? census.count(`《${short}`) - census.count(`《${name}`) : 0));
  // a place the report's officials visit (带队到永川区学习) is somebody else
  score -= 15 * visitsTo(text, name);
  // how the report speaks of itself: 我县 for a 县, 全省 for a province, 我州 for a 州
  const suffix = name.slice(-1) as keyof typeof self;
  if (suffix in self) score += 3 * self[suffix];
  if (divisions[0]?.level === 'province') {
    // a province is named by its prefectures' and counties' reports too: only its own voice (我省, 全区 of a 自治区, 我市 of a 直辖市) makes it the report's
    const voice = provinceVoice(census, name, self);
    // a report that calls itself 我县 or 我区 more often than 我省, or opens on 我县…, is a lower level's, whatever province it names
    if (!voice || lowerVoice(census, name) >= voice || opensBelow(opening, openingSubject(text), name)) return best;
    score += 3 * voice - (suffix in self ? 3 * self[suffix] : 0);
    return !best || score > best.score ? { division: divisions[0], score } : best;
  }
  // A prefecture is named inside its counties' document titles (德阳市罗江区…):
  // discount occurrences immediately followed by one of its counties' names.
  for (const division of divisions) {
    const evidence =
      provinceEvidence(census, division.province) + (division.prefecture ? census.count(shortName(division.prefecture) ?? division.prefecture) : 0);
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

/** Whether every occurrence of a place is the venue of an event: 在NAME召开/举行/举办 (its own name, or with 的 after it). */
function venueOnly(text: string, name: string): boolean {
  let all = 0;
  let venues = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    all++;
    if (text.startsWith('在', at - 1) && VENUE_VERBS.some((v) => text.startsWith(v, at + name.length))) venues++;
  }
  return all > 0 && venues === all;
}
const VENUE_VERBS = ['召开', '举行', '举办'];

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
  const fullName = fullNameOf(division);
  const zone = division.level === 'zone';
  return {
    name: division.name,
    fullName,
    province: division.province,
    prefecture: division.level === 'county' || zone ? division.prefecture : null,
    level: division.level,
    // a zone's statistical code is not a GB/T 2260 code
    adminCode: zone ? null : division.code,
    ...(zone
      ? {
          parent: division.prefecture ?? division.province,
          parentCode: division.prefecture ? `${division.code.slice(0, 4)}00` : `${division.code.slice(0, 2)}0000`,
        }
      : {}),
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
