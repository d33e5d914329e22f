// Who wrote the report: the people's government of the jurisdiction, or one
// of its departments. Decided by the voice the report speaks in (我局, 局党组,
// 本单位 against 我区, 县政府…); a department that never names itself gets the
// bureau whose remit its text talks about most, marked inferred.
// The 责任编辑:区司法局 footer is web cruft and is never read here.
import { createRequire } from 'node:module';
import type { IssuerFact, JurisdictionFact } from './types.js';

const require = createRequire(import.meta.url);
const DEPARTMENTS: { departments: { name: string; keywords: string[] }[] } = require('./knowledge/departments.json');

function countOf(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

const DEPARTMENT_VOICE = ['我局', '局党组', '本局', '本单位', '我委', '委党组', '干职工', '局长', '我办', '我中心'];
const GOVERNMENT_VOICE = ['我区', '我县', '我市', '我省', '我旗', '区政府', '县政府', '市政府', '全区', '全县', '全市'];
const DEPARTMENT_NAME = '([\\u4e00-\\u9fff]{2,12}?(?:局|委员会|办公室|中心))';

export function findIssuer(text: string, jurisdiction: JurisdictionFact | null, host: string | null): IssuerFact | null {
  const department = DEPARTMENT_VOICE.reduce((n, w) => n + countOf(text, w), 0);
  const government = GOVERNMENT_VOICE.reduce((n, w) => n + countOf(text, w), 0);
  const place = jurisdiction?.name ?? '';
  if (department >= 2 && department * 2 >= government) {
    // A department that names itself in the title or opening: 沅江市行政审批服务局关于…
    const head = text.slice(0, 300);
    const named = place ? new RegExp(`${place}${DEPARTMENT_NAME}`).exec(head) : null;
    if (named) return { type: 'department', name: `${place}${named[1]}` };
    // A 主办 footer naming a department (not the government) is the site owner.
    if (host && /(局|委员会|办公室)$/.test(host) && !/人民政府$/.test(host)) return { type: 'department', name: host };
    // Otherwise the remit it speaks of suggests which bureau it is (an inference).
    const scored = DEPARTMENTS.departments
      .map((d) => ({ name: d.name, score: d.keywords.reduce((n, k) => n + countOf(text, k), 0) }))
      .sort((a, b) => b.score - a.score);
    const name = scored[0]?.score ? `${place}${scored[0].name}` : `${place}政府部门`;
    return { type: 'department', name, inferred: true };
  }
  if (!jurisdiction) return host ? { type: 'government', name: host } : null;
  return { type: 'government', name: `${jurisdiction.name}人民政府` };
}
