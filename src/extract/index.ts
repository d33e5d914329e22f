// The extract stage: raw report text in, a ReportGraph out. Pure (no I/O),
// deterministic, and total: it throws only NotAReportError, for text that is
// not a report at all.
import { createHash } from 'node:crypto';
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
import { parseSections, sectionAt } from './sections.js';
import { Sentences } from './sentences.js';
import { findTitle } from './title.js';
import { findYear } from './year.js';
import { shortName } from './divisions.js';
import type { JurisdictionFact, ReportGraph } from './types.js';

export { canonicalRegulationTitle } from './regulations.js';
export { resolveInitiativeName } from './lexicon.js';
export { normalizeText } from './normalize.js';

/** Bump when the output for the same text changes: stored reports are re-extracted on re-ingest. */
export const EXTRACTOR_VERSION = '0.3.0';

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
  let chinese = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) chinese++;
  }
  if (!text.trim()) throw new NotAReportError('the text is empty');
  if (chinese < 300) throw new NotAReportError(`only ${chinese} Chinese characters (a report has at least 300)`);
  const governance = text.match(GOVERNANCE_WORDS)?.length ?? 0;
  if (governance < 5) throw new NotAReportError(`the governance vocabulary (法治, 依法行政, 行政执法, 政府…) occurs only ${governance} times`);
}

/** Names and short names of the report's jurisdiction and its prefecture (昌江区, 昌江, 景德镇市, 景德镇). */
function ownNamesOf(j: JurisdictionFact | null): string[] {
  if (!j) return [];
  const names = [j.name, j.prefecture].filter((n): n is string => !!n);
  return [...names, ...names.map((n) => shortName(n)).filter((n): n is string => !!n)];
}

export function reportIdOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export function extractReport(raw: string, options: { file?: string } = {}): ReportGraph {
  const text = normalizeText(raw);
  checkReportLike(text);
  const page = readPageMeta(raw);
  const sentences = new Sentences(text);
  const sections = parseSections(text);
  const sectionPath = (offset: number) => sectionAt(sections, offset)?.path ?? [];

  const title = findTitle(text);
  const jurisdiction = resolveJurisdiction(text, { title, host: page.host });
  const parts = reportParts(text, sections);
  const inProblems = (offset: number) => {
    // the parts are disjoint and in text order: the one starting last at or before offset is the only candidate
    let lo = 0;
    let hi = parts.problems.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (parts.problems[mid].start <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && offset < parts.problems[hi].end;
  };
  const known = extractInitiatives(text, sentences, sectionPath);
  const discovered = discoverInitiatives(text, known, sentences, sectionPath, { inProblems });
  // a brand's mention may yield to a place's own instance of it (粤执法 in “清远粤执法”)
  const initiatives = [...known.filter((i) => i.mentions.length), ...discovered].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return {
    reportId: reportIdOf(text),
    title,
    year: findYear(text, title, page.published),
    jurisdiction,
    issuer: findIssuer(text, jurisdiction, page.host, title),
    regulations: extractRegulations(text, { sentences, sectionPath, ownNames: ownNamesOf(jurisdiction) }),
    initiatives,
    problems: extractProblems(text, parts.problems, sentences, sectionPath),
    plans: extractPlans(text, parts.plans, initiatives, sentences, sectionPath),
    metrics: extractMetrics(text, sentences, sectionPath),
    text,
    source: { file: options.file, published: page.published ?? undefined },
  };
}
