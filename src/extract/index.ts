// The extract stage: raw report text in, a ReportGraph out. Pure (no I/O),
// deterministic, and total: it throws only NotAReportError, for text that is
// not a report at all.
import * as crypto from 'node:crypto';
import { WordCensus } from './census.js';
import { checkReportLike } from './genre.js';
import { discoverInitiatives } from './discover.js';
import { extractInitiatives } from './initiatives.js';
import { findIssuer } from './issuer.js';
import { reportParts } from './items.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { extractMetrics } from './metrics.js';
import { normalizeText, readPageMeta } from './normalize.js';
import { extractRegulations, findTitles } from './regulations.js';
import { extractPlans } from './plans.js';
import { extractProblems } from './problems.js';
import { parseSections, sectionAt, type Section } from './sections.js';
import { lastSpanFrom, ScratchCodes } from './scan.js';
import { Sentences } from './sentences.js';
import { strip } from './stripped.js';
import { findTitle } from './title.js';
import { findYear } from './year.js';
import { shortName } from './divisions.js';
import type { JurisdictionFact, ReportGraph } from './types.js';

export { checkReportLike, NotAReportError } from './genre.js';
export { canonicalRegulationTitle } from './regulations.js';
export { resolveInitiativeName } from './lexicon.js';
export { normalizeText } from './normalize.js';

/** Bump when the output for the same text changes: stored reports are re-extracted on re-ingest. */
export const EXTRACTOR_VERSION = '0.6.9';

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

/**
 * The short name of the province a report's place lies below (贵州 for 镇宁自治县), whose brands are not the
 * place's own; none for a province's report, for an unknown place, or when the place shares the name
 * (吉林市's 法治吉林建设 is its own).
 */
function provinceAboveOf(j: JurisdictionFact | null, ownNames: string[]): string | null {
  const short = j && j.level !== 'province' && j.province ? shortName(j.province) : null;
  return short && !ownNames.includes(short) ? short : null;
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
    const part = lastSpanFrom(parts, offset);
    return part !== null && offset < part.end;
  };
}

// (the code units of the report being extracted)
const reportCodes = new ScratchCodes();

/** file: where the text came from; url: the page's address, when it came from a web page (it may name the place: site-address.ts). */
export function extractReport(raw: string, options: { file?: string; url?: string } = {}): ReportGraph {
  const text = normalizeText(raw);
  // (the title is read once: the genre check looks at it too)
  const title = findTitle(text);
  checkReportLike(text, title);
  const page = readPageMeta(raw);
  // the text's code units, read by every per-character scan below (one copy, not charCodeAt in each;
  // none of them keeps it past this call)
  const codes = reportCodes.of(text);
  const sentences = new Sentences(text, codes);
  const sections = parseSections(text);
  const sectionPath = sectionPathIn(sections);

  // the text without quotes, spaces and line breaks, where the lexicon's forms are matched; and the counts
  // of fixed words the jurisdiction and the issuer ask for: one trie walk of it finds the forms and the words
  const stripped = strip(text, codes, sentences.ignorable);
  const census = new WordCensus(text, codes, stripped);
  const reading = resolveJurisdiction(text, { title, host: page.host, publisher: page.publisher, address: options.url }, census);
  const jurisdiction = reading.fact;
  const parts = reportParts(text, sections);
  const inProblems = inPartsOf(parts.problems);
  // the 《》 titles, read by the initiatives (a rule's title holds no initiative) and the regulations
  const titles = findTitles(text, sentences.opens);
  const known = extractInitiatives(text, sentences, sectionPath, { codes, titles, stripped, census });
  const ownNames = ownNamesOf(jurisdiction);
  const provinceAbove = provinceAboveOf(jurisdiction, ownNames);
  const discovered = discoverInitiatives(text, known, sentences, sectionPath, { inProblems, codes, census, provinceAbove });
  // a brand's mention may yield to a place's own instance of it (粤执法 in “清远粤执法”)
  const initiatives = [...known.filter((i) => i.mentions.length), ...discovered].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return {
    reportId: reportIdOf(text),
    title,
    year: findYear(text, title, page.published),
    jurisdiction,
    ...(reading.unknown ? { jurisdictionUnknown: reading.unknown } : {}),
    // the article's own publisher (发布机构) before the site's owner (主办)
    issuer: findIssuer(text, jurisdiction, page.publisher ?? page.host, title, census),
    regulations: extractRegulations(text, { sentences, sectionPath, ownNames, titles }),
    initiatives,
    problems: extractProblems(text, parts.problems, sentences, sectionPath),
    plans: extractPlans(text, parts.plans, initiatives, sentences, sectionPath),
    metrics: extractMetrics(text, sentences, sectionPath, codes),
    text,
    source: { file: options.file, ...(options.url ? { url: options.url } : {}), published: page.published ?? undefined },
  };
}
