// The extract stage: raw report text in, a ReportGraph out. Pure (no I/O),
// deterministic, and total: it throws only NotAReportError, for text that is
// not a report at all.
import * as crypto from 'node:crypto';
import { WordCensus } from './census.js';
import { discoverInitiatives } from './discover.js';
import { extractInitiatives } from './initiatives.js';
import { findIssuer } from './issuer.js';
import { reportParts } from './items.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { extractMetrics } from './metrics.js';
import { normalizeText, readPageMeta } from './normalize.js';
import { extractRegulations } from './regulations.js';
import { extractPlans } from './plans.js';
import { extractProblems } from './problems.js';
import { parseSections, sectionAt, type Section } from './sections.js';
import { codesOf } from './scan.js';
import { Sentences } from './sentences.js';
import { findTitle } from './title.js';
import { findYear } from './year.js';
import { shortName } from './divisions.js';
import type { JurisdictionFact, ReportGraph } from './types.js';

export { canonicalRegulationTitle } from './regulations.js';
export { resolveInitiativeName } from './lexicon.js';
export { normalizeText } from './normalize.js';

/** Bump when the output for the same text changes: stored reports are re-extracted on re-ingest. */
export const EXTRACTOR_VERSION = '0.3.1';

export class NotAReportError extends Error {
  constructor(reason: string) {
    super(`not a report: ${reason}`);
    this.name = 'NotAReportError';
  }
}

const GOVERNANCE_WORDS = /法治|依法行政|行政执法|政府|法制|普法|依法治/g;

/**
 * Report-likeness, explained: enough Chinese text, and the vocabulary of
 * governance reports recurring through it. A menu page or a short news item
 * fails one of the two.
 */
export function checkReportLike(text: string): void {
  // Both counts matter only up to their thresholds (the exact number is reported only below them):
  // counting stops there, a few hundred characters into a report, instead of running over all of it.
  let chinese = 0;
  for (let i = 0; i < text.length && chinese < 300; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) chinese++;
  }
  if (!text.trim()) throw new NotAReportError('the text is empty');
  if (chinese < 300) throw new NotAReportError(`only ${chinese} Chinese characters (a report has at least 300)`);
  let governance = 0;
  GOVERNANCE_WORDS.lastIndex = 0;
  while (governance < 5 && GOVERNANCE_WORDS.exec(text)) governance++; // the matches text.match(GOVERNANCE_WORDS) would count, up to 5
  if (governance < 5) throw new NotAReportError(`the governance vocabulary (法治, 依法行政, 行政执法, 政府…) occurs only ${governance} times`);
}

/** Names and short names of the report's jurisdiction and its prefecture (昌江区, 昌江, 景德镇市, 景德镇). */
function ownNamesOf(j: JurisdictionFact | null): string[] {
  const names: string[] = [];
  if (!j) return names;
  for (const n of [j.name, j.prefecture]) if (n) names.push(n);
  for (const n of [j.name, j.prefecture]) {
    const short = n ? shortName(n) : null;
    if (short) names.push(short);
  }
  return names;
}

// crypto.hash (Node ≥ 20.12) digests a string in one call, without a Hash object per report; the same digest.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function reportIdOf(text: string): string {
  const hex = oneShotHash ? oneShotHash('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
  return hex.slice(0, 32);
}

// (the two lookups below are made by functions, not by arrows assigned in extractReport: a bundler keeping
// function names wraps each such arrow in a defineProperty call per report)

/** Heading path of the section holding an offset. */
function sectionPathIn(sections: Section[]): (offset: number) => string[] {
  return (offset) => sectionAt(sections, offset)?.path ?? [];
}

/** Whether an offset lies in one of the parts (disjoint, in text order: only the one starting last at or before it can hold it). */
function inPartsOf(parts: { start: number; end: number }[]): (offset: number) => boolean {
  return (offset) => {
    let lo = 0;
    let hi = parts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (parts[mid].start <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && offset < parts[hi].end;
  };
}

export function extractReport(raw: string, options: { file?: string } = {}): ReportGraph {
  const text = normalizeText(raw);
  checkReportLike(text);
  const page = readPageMeta(raw);
  // the text's code units, read by every per-character scan below (one copy, not charCodeAt in each)
  const codes = codesOf(text);
  const sentences = new Sentences(text, codes);
  const sections = parseSections(text);
  const sectionPath = sectionPathIn(sections);

  const title = findTitle(text);
  // the counts of fixed words the jurisdiction and the issuer ask for: one pass over the text for both
  const census = new WordCensus(text, codes);
  const jurisdiction = resolveJurisdiction(text, { title, host: page.host }, census);
  const parts = reportParts(text, sections);
  const inProblems = inPartsOf(parts.problems);
  const known = extractInitiatives(text, sentences, sectionPath, codes);
  const discovered = discoverInitiatives(text, known, sentences, sectionPath, { inProblems, codes, census });
  // a brand's mention may yield to a place's own instance of it (粤执法 in “清远粤执法”)
  const initiatives = [...known.filter((i) => i.mentions.length), ...discovered].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return {
    reportId: reportIdOf(text),
    title,
    year: findYear(text, title, page.published),
    jurisdiction,
    issuer: findIssuer(text, jurisdiction, page.host, title, census),
    regulations: extractRegulations(text, { sentences, sectionPath, ownNames: ownNamesOf(jurisdiction) }),
    initiatives,
    problems: extractProblems(text, parts.problems, sentences, sectionPath),
    plans: extractPlans(text, parts.plans, initiatives, sentences, sectionPath),
    metrics: extractMetrics(text, sentences, sectionPath, codes),
    text,
    source: { file: options.file, published: page.published ?? undefined },
  };
}
