// Who wrote the report: the people's government of the jurisdiction, or one
// of its departments. Decided by the voice the report speaks in (我局, 局党组,
// 本单位 against 我区, 县政府…); a department that never names itself gets the
// bureau whose remit its text talks about most, marked inferred.
// The 责任编辑:区司法局 footer is web cruft and is never read here.
import { createRequire } from 'node:module';
import { registerWords, WordCensus } from './census.js';
import { shortName } from './divisions.js';
import { openingSubject } from './jurisdiction.js';
import type { IssuerFact, JurisdictionFact } from './types.js';
import { isCJK } from './scan.js';

const require = createRequire(import.meta.url);
const DEPARTMENTS: { departments: { name: string; keywords: string[] }[] } = require('./knowledge/departments.json');

// (a province's departments are 厅: 我厅, 厅党组)
const DEPARTMENT_VOICE = ['我局', '局党组', '本局', '本单位', '我委', '委党组', '干职工', '局长', '我办', '我中心', '我厅', '厅党组', '本厅'];
// How a government speaks of itself. 全区/全县/全市 are not counted: a department speaks of them too.
const GOVERNMENT_VOICE = ['我区', '我县', '我市', '我省', '我旗', '我州', '我盟'];
// Both voices, the departments' names and their remit words are counted by the census (one pass over the text).
registerWords([...DEPARTMENT_VOICE, ...GOVERNMENT_VOICE, ...DEPARTMENTS.departments.flatMap((d) => [d.name, ...d.keywords])]);
const KNOWN_DEPARTMENTS = DEPARTMENTS.departments.map((d) => d.name);
const LEVEL_CHAR = new Set(['区', '县', '市']);
const DEPARTMENT_NAME = '([\\u4e00-\\u9fff]{2,12}?(?:局|委员会|办公室|中心|厅))';
// 现将我局2022年法治政府建设情况报告如下: the report as a whole speaks as a department.
// (现将市政府办公室2022年度…: a government's general office reports as a department of it)
const DEPARTMENT_REPORT = /现将(?:我局|本局|我委|本委|我办|本单位|我单位|我中心|我厅|本厅|[省市县区州旗盟]?(?:人民)?政府办公室)/;
const LEVEL_WORD = /^(?:区|县|市|州|旗|盟|省)/;

const DEPARTMENT_AT = new RegExp(DEPARTMENT_NAME, 'y');

/**
 * The first department named right after the place in text (the matches of
 * new RegExp(place + DEPARTMENT_NAME), or of ^DEPARTMENT_NAME when atStart),
 * found without building a RegExp from the place's name for every report.
 */
function departmentAfter(text: string, place: string, atStart: boolean): RegExpExecArray | null {
  for (let at = atStart ? 0 : text.indexOf(place); at >= 0; at = atStart ? -1 : text.indexOf(place, at + 1)) {
    DEPARTMENT_AT.lastIndex = at + place.length;
    const m = DEPARTMENT_AT.exec(text);
    if (m) return m;
  }
  return null;
}

/** The department's name as the text gives it: 长寿区司法局, or 区司法局 completed with the jurisdiction's name. */
function namedDepartment(text: string, place: string, census: WordCensus): string | null {
  const counts = new Map<string, number>();
  for (const dept of KNOWN_DEPARTMENTS) {
    if (!census.count(dept)) continue; // every mention ends with dept
    const name = `${place}${dept}`;
    let weight = 0;
    // each occurrence of dept after the place's name (2) or after 区/县/市 standing alone (1): the matches of
    // /(place|(?<!CJK)[区县市]|[,，。、\s][区县市])dept/g (a place never ends in a character of the other kind)
    for (let at = text.indexOf(dept), last = 0; at >= 0; at = text.indexOf(dept, at + dept.length)) {
      if (place && at - place.length >= last && text.startsWith(place, at - place.length)) weight += 2;
      else if (at >= last + 1 && LEVEL_CHAR.has(text[at - 1]) && !isCJK(text.charCodeAt(at - 2))) weight += 1;
      else continue;
      last = at + dept.length;
    }
    if (weight) counts.set(name, (counts.get(name) ?? 0) + weight);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/** The issuer. `census` holds the counts of the text's words (shared with the jurisdiction); taken for the text when not given. */
export function findIssuer(
  text: string,
  jurisdiction: JurisdictionFact | null,
  host: string | null,
  title: string | null = null,
  census = new WordCensus(text),
): IssuerFact | null {
  const department = DEPARTMENT_VOICE.reduce((n, w) => n + census.count(w), 0);
  const government = GOVERNMENT_VOICE.reduce((n, w) => n + census.count(w), 0);
  const place = jurisdiction?.name ?? '';
  // a zone is governed by its 管理委员会 (管委会): named after the zone, that is the zone's government, not a department
  const zoneGovernment = jurisdiction?.level === 'zone' ? zoneGovernmentIn(title ?? text.slice(0, 300), place) : null;
  if (zoneGovernment) return { type: 'government', name: zoneGovernment };
  // a title naming a department (重庆市长寿区司法局2022年度法治政府建设年度报告), not a government
  const titled = title && !/人民政府|政府办/.test(title) ? departmentAfter(title, place, !place) : null;
  const subject = titled ? null : OPENS_AS_DEPARTMENT.exec(openingSubject(text) ?? '');
  if (titled || subject || DEPARTMENT_REPORT.test(text.slice(0, 600)) || (department >= 2 && department >= government)) {
    if (titled && place && !LEVEL_WORD.test(titled[1])) return { type: 'department', name: `${place}${titled[1]}` };
    if (subject) return { type: 'department', name: withPlace(subject[1], place) };
    // A department that names itself in the title or opening: 沅江市行政审批服务局关于…
    const head = text.slice(0, 300);
    const named = place ? departmentAfter(head, place, false) : null;
    if (named) return { type: 'department', name: `${place}${named[1]}` };
    // A 主办 footer naming a department (not the government) is the site owner.
    if (host && /(局|委员会|办公室)$/.test(host) && !/人民政府$/.test(host)) return { type: 'department', name: host };
    // 区司法局党委书记、局长…: a known department named with the level of its jurisdiction
    const inText = place ? namedDepartment(text, place, census) : null;
    if (inText) return { type: 'department', name: inText };
    // Otherwise the remit it speaks of suggests which bureau it is (an inference).
    const scored = DEPARTMENTS.departments
      .map((d) => ({ name: d.name, score: d.keywords.reduce((n, k) => n + census.count(k), 0) }))
      .sort((a, b) => b.score - a.score);
    const name = scored[0]?.score ? `${place}${scored[0].name}` : `${place}政府部门`;
    return { type: 'department', name, inferred: true };
  }
  // no place read: the page's publisher or site owner, a department when it names one (县司法局), not a government's office
  if (!jurisdiction) return host ? { type: /(局|委员会)$/.test(host) && !/人民政府/.test(host) ? 'department' : 'government', name: host } : null;
  return { type: 'government', name: jurisdiction.name + governmentOrgan(jurisdiction) };
}

/** A zone has no 人民政府 but a 管理委员会; a 街道 is governed by its 街道办事处, the county's agency. */
function governmentOrgan(jurisdiction: JurisdictionFact): string {
  if (jurisdiction.level === 'zone') return '管理委员会';
  if (jurisdiction.level === 'township' && jurisdiction.name.endsWith('街道')) return '办事处';
  return '人民政府';
}

/**
 * A first sentence whose subject (openingSubject: after its year and any 在…领导下) is a department by name
 * (2022年,县司法局紧紧围绕…; 2024年,汕尾市司法局坚持…): the department speaks, whatever places it names
 * after. (我局/本局 are counted as the voice instead.)
 */
const OPENS_AS_DEPARTMENT =
  /^(?![我本])([\u4e00-\u9fff]{0,14}?(?:局|委员会|办公室|厅))(?:党组|党委)?(?:坚持|紧紧|紧扣|深入|认真|全面|始终|在|以|围绕|立足|聚焦|持续|扎实|积极|按照|着力|高度|不断)/;

/** 县司法局 → 潼关县司法局, 汕尾市司法局 as it is: a department's name completed with its jurisdiction's. */
function withPlace(department: string, place: string): string {
  if (!place || department.startsWith(place)) return department;
  const short = shortName(place);
  if (short && department.startsWith(short)) return place + department.slice(short.length);
  return LEVEL_WORD.test(department) ? place + department.slice(1) : department.length <= 6 ? place + department : department;
}

/** The zone's 管理委员会 as a heading names it (兰州新区管理委员会关于…; 管委会 spelled out), or null. */
function zoneGovernmentIn(heading: string, zone: string): string | null {
  for (let at = heading.indexOf(zone); at >= 0; at = heading.indexOf(zone, at + 1)) {
    const after = at + zone.length;
    if (heading.startsWith('管理委员会', after) || heading.startsWith('管委会', after)) return `${zone}管理委员会`;
  }
  return null;
}
