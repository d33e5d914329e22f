// Title, year and issuer of a report.
import { createRequire } from 'node:module';
import type { IssuerFact, JurisdictionFact } from './types.js';

const require = createRequire(import.meta.url);
const DEPARTMENTS: { departments: { name: string; keywords: string[] }[] } = require('./knowledge/departments.json');

function countOf(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** A heading line among the first lines that names the report (…报告/…情况), else null. */
export function findTitle(text: string): string | null {
  for (const line of text.split('\n').slice(0, 4)) {
    const trimmed = line.trim();
    if (trimmed.length >= 8 && trimmed.length <= 60 && /(报告|总结)$/.test(trimmed) && !/[。,，]/.test(trimmed) && !/^[一二三四五六七八九十]+、/.test(trimmed)) return trimmed;
  }
  return null;
}

/**
 * The year the report covers: from the title, then the opening (2024年,我市…;
 * 2023年以来; 2023年度), then 今年以来/去年 read against the publication date.
 */
export function findYear(text: string, title: string | null, published: string | null): number | null {
  const fromTitle = title && /((?:19|20)\d\d)年/.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  const opening = text.slice(0, 300);
  const stated = /((?:19|20)\d\d)年(?:度|以来|,|，|我|全|是|在|上半年)/.exec(opening);
  if (stated) return Number(stated[1]);
  const publishedYear = published ? Number(published.slice(0, 4)) : null;
  if (publishedYear) {
    // A report published early in a year covers the previous year (发布:2022-01-26 → 2021).
    const month = Number(published!.slice(5, 7));
    if (/今年以来|今年/.test(opening)) return month <= 3 ? publishedYear - 1 : publishedYear;
    if (/去年/.test(opening)) return publishedYear - 1;
  }
  const years = [...text.slice(0, 2000).matchAll(/((?:19|20)\d\d)年/g)].map((m) => Number(m[1]));
  if (!years.length) return publishedYear ? publishedYear - 1 : null;
  const counts = new Map<number, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

const DEPARTMENT_VOICE = ['我局', '局党组', '本局', '本单位', '我委', '委党组', '干职工', '局长'];
const GOVERNMENT_VOICE = ['我区', '我县', '我市', '我省', '我旗', '区政府', '县政府', '市政府', '全区', '全县', '全市'];

/** Government or department: by the voice the report speaks in (我局/局党组/本单位 against 我区/县政府). */
export function findIssuer(text: string, jurisdiction: JurisdictionFact | null, host: string | null): IssuerFact | null {
  const department = DEPARTMENT_VOICE.reduce((n, w) => n + countOf(text, w), 0);
  const government = GOVERNMENT_VOICE.reduce((n, w) => n + countOf(text, w), 0);
  const place = jurisdiction?.name ?? '';
  if (department >= 2 && department * 2 >= government) {
    // A department that names itself: 沅江市行政审批服务局, 我局 (XX局).
    const named = new RegExp(`${place}([\\u4e00-\\u9fff]{2,12}?(局|委员会|办公室))`).exec(text);
    if (place && named) return { type: 'department', name: `${place}${named[1]}` };
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
