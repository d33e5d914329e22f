// Scores the extractor against the hand-made gold standard
// (test/gold/seeds.gold.json, or the devset's test/gold/devset.gold.json) with the matching rules of docs/extraction.md:
// accuracy for the per-report fields (jurisdiction, year, issuer), micro
// precision/recall/F1 for the lists (regulations by normalized title,
// initiatives by name-or-surface, problems and plans by bigram Jaccard ≥ 0.5,
// metrics by value + unit + indicator bigram overlap ≥ 0.3), and attribute
// accuracy over the matched items. The floors in test/unit/extract/rules.test.ts only
// ever go up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport, NotAReportError } from '../extract/index.js';
import type { ReportGraph } from '../extract/types.js';
import { simplified } from '../extract/traditional.js';
import { readSavedPage } from '../ingest/saved-page.js';
import { textFor, type Reading } from './readings.js';

export interface GoldReport {
  file: string;
  title: string | null;
  year: number | null;
  jurisdiction: {
    name: string;
    fullName: string;
    province: string | null;
    prefecture: string | null;
    level: string;
    adminCode: string | null;
    /** Other names of the same jurisdiction that count as right (金平县 for 金平苗族瑶族傣族自治县). */
    acceptedNames?: string[];
  };
  issuer: { type: string; name: string };
  regulations: { surface: string; canonical: string; kind: string; scope: string | null; action: string; count: number }[];
  initiatives: { canonical: string; surface: string[]; confidence?: string }[];
  problems: { text: string; theme?: string }[];
  plans: { text: string; initiatives: string[] }[];
  metrics: { indicator: string; value: number; unit: string | null; surface: string }[];
}

export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalResult {
  reports: number;
  /** Share of reports where the field is exactly right. */
  accuracy: Record<string, number>;
  /**
   * The single-valued fields as precision/recall/F1: a null prediction is
   * "not predicted" (costs recall, not precision), a null gold value is not
   * counted in the gold total.
   */
  fields: Record<string, Prf>;
  /**
   * Micro-averaged over all reports. For `regulations.kind|scope|action|count`
   * and `problems.theme` the figures are accuracy over the matched items
   * (precision = recall = F1).
   */
  lists: Record<string, Prf>;
  /** Per report: wrong fields, missed and extra list items, wrong attributes. */
  details?: ReportDetail[];
}

function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { tp, predicted, gold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

// ---------------------------------------------------------------------------
// Matching rules (documented in docs/extraction.md).
// ---------------------------------------------------------------------------

/** Full-width ASCII (０-９, Ａ-ｚ, （）, ，) to half-width; every kind of whitespace removed. */
function widthAndSpace(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u00a0\u3000]+/g, '');
}

/** Single-valued fields (jurisdiction name, province, level…) compare after width and whitespace normalization. */
export function normalizeValue(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : widthAndSpace(v) || null;
}

/**
 * Regulation titles compare in simplified characters (a traditional page's
 * titles are the same titles), after normalization of width, whitespace, dashes,
 * parentheses, nested brackets and quotes; the 中华人民共和国 that opens a
 * national law's full title is dropped, so 《中华人民共和国行政复议法》 and
 * 《行政复议法》 are one title (the issue's own example of variants that meet).
 */
export function normalizeTitle(title: string): string {
  let t = widthAndSpace(simplified(title)).replace(/^《/, '').replace(/》$/, '');
  t = t.replace(/[（]/g, '(').replace(/[）]/g, ')');
  t = t.replace(/[<〈《]/g, '〈').replace(/[>〉》]/g, '〉');
  t = t.replace(/[‐‑‒–—―－~～-]+/g, '—');
  t = t.replace(/(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?!\d)/g, (m, a: string, b: string) => (Number(b) > Number(a) ? `${a}—${b}` : m));
  t = t.replace(/["“”]/g, '"').replace(/['‘’]/g, "'");
  return t.replace(/^中华人民共和国(?=.+(法|法典|条例)$)/, '');
}

/** Initiative names and surfaces compare after width and whitespace normalization, without quotation marks. */
export function normalizeName(name: string): string {
  return widthAndSpace(simplified(name)).replace(/["“”'‘’「」『』]/g, '');
}

/** Character bigrams of a text, after width/whitespace normalization and without punctuation; a one-character text is its own "bigram". */
export function bigrams(s: string): Set<string> {
  const t = widthAndSpace(s).replace(/[\p{P}\p{S}]/gu, '');
  const out = new Set<string>();
  if (t.length === 1) out.add(t);
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function intersection(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Jaccard similarity of the character-bigram sets: |A∩B| / |A∪B|. */
export function bigramJaccard(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const common = intersection(x, y);
  const union = x.size + y.size - common;
  return union ? common / union : 0;
}

/** Overlap coefficient of the character-bigram sets: |A∩B| / min(|A|, |B|). */
export function bigramOverlap(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const smaller = Math.min(x.size, y.size);
  return smaller ? intersection(x, y) / smaller : 0;
}

/** Problems (and plans): the same item when the bigram Jaccard similarity is at least 0.5. */
export const ITEM_JACCARD = 0.5;
/** Metrics: same value and unit, and indicators whose bigram overlap is at least 0.3. */
export const INDICATOR_OVERLAP = 0.3;

export function sameItem(a: string, b: string): boolean {
  return bigramJaccard(a, b) >= ITEM_JACCARD;
}

export function sameMetric(
  p: { indicator: string; value: number; unit: string | null },
  g: { indicator: string; value: number; unit: string | null },
): boolean {
  return (
    Math.abs(p.value - g.value) < 1e-9 &&
    normalizeValue(p.unit ?? null) === normalizeValue(g.unit ?? null) &&
    bigramOverlap(p.indicator, g.indicator) >= INDICATOR_OVERLAP
  );
}

/** A found initiative matches a gold one when its name or any surface equals the gold canonical or any gold surface. */
export function sameInitiative(p: { name: string; surface: string[] }, g: { canonical: string; surface: string[] }): boolean {
  const gold = new Set([g.canonical, ...g.surface].map(normalizeName));
  return [p.name, ...p.surface].some((form) => gold.has(normalizeName(form)));
}

/**
 * One-to-one matching between predicted and gold items (maximum bipartite
 * matching by augmenting paths): each gold item is matched at most once, each
 * prediction at most once. Returns the pairs [predictedIndex, goldIndex].
 */
export function matchPairs<P, G>(predicted: P[], gold: G[], same: (p: P, g: G) => boolean): [number, number][] {
  const edges = predicted.map((p) => gold.map((g, j) => (same(p, g) ? j : -1)).filter((j) => j >= 0));
  const goldTo = new Array<number>(gold.length).fill(-1);
  const augment = (i: number, seen: Uint8Array): boolean => {
    for (const j of edges[i]) {
      if (seen[j]) continue;
      seen[j] = 1;
      if (goldTo[j] < 0 || augment(goldTo[j], seen)) {
        goldTo[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < predicted.length; i++) if (edges[i].length) augment(i, new Uint8Array(gold.length));
  return goldTo.flatMap((i, j) => (i >= 0 ? [[i, j] as [number, number]] : []));
}

type Value = string | number | null | undefined;

/** The single-valued fields, read the same way from a prediction and a gold report. */
const SINGLE_FIELDS: Record<string, { predicted: (p: ReportGraph) => Value; gold: (g: GoldReport) => Value; accepted?: (g: GoldReport) => Value[] }> = {
  'jurisdiction.name': { predicted: (p) => p.jurisdiction?.name, gold: (g) => g.jurisdiction.name, accepted: (g) => g.jurisdiction.acceptedNames ?? [] },
  'jurisdiction.fullName': { predicted: (p) => p.jurisdiction?.fullName, gold: (g) => g.jurisdiction.fullName },
  'jurisdiction.level': { predicted: (p) => p.jurisdiction?.level, gold: (g) => g.jurisdiction.level },
  'jurisdiction.province': { predicted: (p) => p.jurisdiction?.province, gold: (g) => g.jurisdiction.province },
  'jurisdiction.prefecture': { predicted: (p) => p.jurisdiction?.prefecture, gold: (g) => g.jurisdiction.prefecture },
  'jurisdiction.adminCode': { predicted: (p) => p.jurisdiction?.adminCode, gold: (g) => g.jurisdiction.adminCode },
  year: { predicted: (p) => p.year, gold: (g) => g.year },
  title: { predicted: (p) => p.title, gold: (g) => g.title },
  'issuer.type': { predicted: (p) => p.issuer?.type, gold: (g) => g.issuer.type },
  'issuer.name': { predicted: (p) => p.issuer?.name, gold: (g) => g.issuer.name },
};

/** Initiatives the extractor is sure of: lexicon core names and quoted discoveries, not generic practices. */
const CONFIDENT = 0.8;

/** What one report got wrong, for tuning (`govgraph eval --details`). */
export interface ReportDetail {
  file: string;
  wrongFields: Record<string, { predicted: Value; gold: Value }>;
  missed: Record<string, string[]>;
  extra: Record<string, string[]>;
  wrongAttributes: { list: string; item: string; predicted: Value; gold: Value }[];
}

/**
 * Scores predictions against gold reports. Predictions are paired with gold
 * reports by `source.file` (the file name, without directories); a gold
 * report without a prediction scores as all-missing.
 */
export function scoreAgainstGold(predicted: ReportGraph[], gold: GoldReport[]): EvalResult {
  const base = (f: string | undefined) => (f ?? '').split(/[\\/]/).pop() ?? '';
  const byFile = new Map(predicted.map((p) => [base(p.source?.file), p]));
  return scorePairs(gold.map((g) => ({ gold: g, predicted: byFile.get(base(g.file)) ?? emptyPrediction(g.file) })));
}

/** A report the extractor gave nothing for (no prediction, or it refused the text): scores as all-missing. */
function emptyPrediction(file: string): ReportGraph {
  return {
    reportId: '',
    title: null,
    year: null,
    jurisdiction: null,
    issuer: null,
    regulations: [],
    initiatives: [],
    problems: [],
    plans: [],
    metrics: [],
    text: '',
    source: { file },
  };
}

export function scorePairs(pairs: { predicted: ReportGraph; gold: GoldReport }[]): EvalResult {
  const fields = Object.keys(SINGLE_FIELDS);
  const right: Record<string, number> = Object.fromEntries(fields.map((f) => [f, 0]));
  const single: Record<string, [number, number, number]> = Object.fromEntries(fields.map((f) => [f, [0, 0, 0]]));
  const totals: Record<string, [number, number, number]> = {};
  const details: ReportDetail[] = [];
  const add = (name: string, tp: number, p: number, g: number) => {
    totals[name] ??= [0, 0, 0];
    const t = totals[name];
    t[0] += tp;
    t[1] += p;
    t[2] += g;
  };
  for (const { predicted: p, gold: g } of pairs) {
    const detail: ReportDetail = { file: g.file, wrongFields: {}, missed: {}, extra: {}, wrongAttributes: [] };
    details.push(detail);
    for (const [field, read] of Object.entries(SINGLE_FIELDS)) {
      const pv = normalizeValue(read.predicted(p));
      // a prediction equal to one of the gold's accepted names is scored as the gold's own value
      const gv = pv !== null && read.accepted?.(g).some((name) => normalizeValue(name) === pv) ? pv : normalizeValue(read.gold(g));
      // a jurisdiction found with no prefecture agrees with a gold null prefecture
      if (pv === gv && (p.jurisdiction || !field.startsWith('jurisdiction.'))) right[field]++;
      else detail.wrongFields[field] = { predicted: pv, gold: gv };
      const t = single[field];
      if (pv !== null) t[1]++;
      if (gv !== null) t[2]++;
      if (pv !== null && pv === gv) t[0]++;
    }

    // Lists: one-to-one matching, then attribute accuracy over the matched pairs.
    const list = <P, G>(name: string, ps: P[], gs: G[], same: (a: P, b: G) => boolean, label: { p: (x: P) => string; g: (x: G) => string }) => {
      const pairs = matchPairs(ps, gs, same);
      add(name, pairs.length, ps.length, gs.length);
      const usedP = new Set(pairs.map(([i]) => i));
      const usedG = new Set(pairs.map(([, j]) => j));
      const missed = gs.filter((_, j) => !usedG.has(j)).map(label.g);
      const extra = ps.filter((_, i) => !usedP.has(i)).map(label.p);
      if (missed.length) detail.missed[name] = missed;
      if (extra.length) detail.extra[name] = extra;
      return pairs.map(([i, j]) => [ps[i], gs[j]] as [P, G]);
    };
    const attribute = <P, G>(name: string, matched: [P, G][], read: (x: P | G, side: 'p' | 'g') => Value, item: (x: G) => string) => {
      const scored = matched.filter(([, b]) => read(b, 'g') !== undefined);
      const right = scored.filter(([a, b]) => (read(a, 'p') ?? null) === (read(b, 'g') ?? null));
      add(name, right.length, scored.length, scored.length);
      for (const [a, b] of scored)
        if ((read(a, 'p') ?? null) !== (read(b, 'g') ?? null))
          detail.wrongAttributes.push({ list: name, item: item(b), predicted: read(a, 'p'), gold: read(b, 'g') });
    };

    type R = ReportGraph['regulations'][number];
    type GR = GoldReport['regulations'][number];
    // titles the matching rule makes one (《中华人民共和国退役军人保障法》 and 《退役军人保障法》) are one gold entry, as they are one prediction
    const goldTitles = [...new Map(g.regulations.map((r) => [normalizeTitle(r.canonical), r] as const)).values()];
    const regs = list<R, GR>('regulations', p.regulations, goldTitles, (a, b) => normalizeTitle(a.title) === normalizeTitle(b.canonical), {
      p: (x) => x.title,
      g: (x) => x.canonical,
    });
    const title = (x: GR) => x.canonical;
    attribute<R, GR>('regulations.kind', regs, (x) => x.kind, title);
    attribute<R, GR>('regulations.scope', regs, (x) => x.scope, title);
    attribute<R, GR>('regulations.action', regs, (x) => x.action, title);
    attribute<R, GR>('regulations.count', regs, (x) => x.count, title);

    type I = ReportGraph['initiatives'][number];
    type GI = GoldReport['initiatives'][number];
    const names = { p: (x: I) => x.name, g: (x: GI) => x.canonical };
    list<I, GI>('initiatives', p.initiatives, g.initiatives, sameInitiative, names);
    const high = g.initiatives.filter((i) => i.confidence === 'high');
    const tpHigh = matchPairs(p.initiatives, high, sameInitiative).length;
    add('initiatives (high confidence gold)', tpHigh, p.initiatives.length, high.length);
    // Medium-confidence gold entries optional: finding one neither gains recall nor costs precision, missing
    // one costs nothing; every other prediction and every high-confidence gold entry counts.
    const matched = matchPairs(p.initiatives, g.initiatives, sameInitiative);
    const optional = matched.filter(([, j]) => g.initiatives[j].confidence === 'medium').length;
    add('initiatives (medium gold optional)', matched.length - optional, p.initiatives.length - optional, high.length);
    const confident = p.initiatives.filter((i) => (i.confidence ?? 1) >= CONFIDENT);
    add(`initiatives (confidence ≥ ${CONFIDENT})`, matchPairs(confident, g.initiatives, sameInitiative).length, confident.length, g.initiatives.length);
    const fromLexicon = p.initiatives.filter((i) => !i.discovered);
    add('initiatives.lexicon-only', matchPairs(fromLexicon, g.initiatives, sameInitiative).length, fromLexicon.length, g.initiatives.length);

    type PR = ReportGraph['problems'][number];
    type GP = GoldReport['problems'][number];
    const problems = list<PR, GP>('problems', p.problems, g.problems, (a, b) => sameItem(a.text, b.text), { p: (x) => x.text, g: (x) => x.text });
    attribute<PR, GP>(
      'problems.theme',
      problems,
      (x, side) => (side === 'g' && !(x as GP).theme ? undefined : x.theme),
      (x) => x.text,
    );
    list('plans', p.plans, g.plans, (a, b) => sameItem(a.text, b.text), { p: (x) => x.text, g: (x) => x.text });
    list('metrics', p.metrics, g.metrics, sameMetric, {
      p: (x) => `${x.indicator} ${x.value} ${x.unit ?? ''} | ${x.surface}`,
      g: (x) => `${x.indicator} ${x.value} ${x.unit ?? ''} | ${x.surface}`,
    });
  }
  const n = pairs.length || 1;
  return {
    reports: pairs.length,
    accuracy: Object.fromEntries(Object.entries(right).map(([k, v]) => [k, v / n])),
    fields: Object.fromEntries(Object.entries(single).map(([k, [tp, p, g]]) => [k, prf(tp, p, g)])),
    lists: Object.fromEntries(Object.entries(totals).map(([k, [tp, p, g]]) => [k, prf(tp, p, g)])),
    details,
  };
}

export function loadGold(goldPath: string): GoldReport[] {
  return JSON.parse(readFileSync(goldPath, 'utf8')) as GoldReport[];
}

export interface EvalOptions {
  /** How each file is fed: with its page's title line first, or its body alone (readings.ts); default title. */
  reading?: Reading;
  /** Score only the gold reports of these files (a split's part); default all. */
  files?: Iterable<string>;
}

/** Extracts every gold report's file from seedDir, as the reading feeds it, and scores the result. */
export async function runEval(seedDir: string, goldPath: string, options: EvalOptions = {}): Promise<EvalResult> {
  const only = options.files ? new Set(options.files) : null;
  const gold = loadGold(goldPath).filter((g) => !only || only.has(g.file));
  const available = new Set(readdirSync(seedDir));
  const pairs = gold
    .filter((g) => available.has(g.file))
    .map((g) => {
      const file = readSavedPage(readFileSync(join(seedDir, g.file), 'utf8'));
      const text = textFor(file, options.reading ?? 'title');
      try {
        // the page's address goes with either reading, as ingest passes an HTML page's own (og:url)
        return { gold: g, predicted: extractReport(text, { file: g.file, ...(file.url ? { url: file.url } : {}) }) };
      } catch (error) {
        // a text the extractor refuses as no report scores as all-missing, as the user would get nothing
        if (error instanceof NotAReportError) return { gold: g, predicted: emptyPrediction(g.file) };
        throw error;
      }
    });
  if (!pairs.length) throw new Error(`none of the gold reports' files are in ${seedDir}`);
  return scorePairs(pairs);
}

export function formatEvalTable(result: EvalResult, options: { details?: boolean } = {}): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const row = (field: string, s: Prf) => `${field.padEnd(41)}${pct(s.precision)}  ${pct(s.recall)} ${pct(s.f1)}   (${s.tp}/${s.predicted}/${s.gold})`;
  const header = (what: string) => `${what.padEnd(40)} precision  recall      F1   (tp/predicted/gold)`;
  const lines = [`${result.reports} report(s)`, '', `${'field'.padEnd(40)}accuracy`];
  for (const [field, a] of Object.entries(result.accuracy)) lines.push(`${field.padEnd(40)}${pct(a)}`);
  lines.push('', header('field'));
  for (const [field, s] of Object.entries(result.fields)) lines.push(row(field, s));
  lines.push('', header('list'));
  for (const [field, s] of Object.entries(result.lists)) lines.push(row(field, s));
  lines.push('(.kind, .scope, .action, .count, .theme: accuracy over the matched items)');
  if (options.details)
    for (const d of result.details ?? []) {
      lines.push('', `== ${d.file}`);
      for (const [f, v] of Object.entries(d.wrongFields)) lines.push(`  field ${f}: ${JSON.stringify(v.predicted)} (gold ${JSON.stringify(v.gold)})`);
      for (const [list, items] of Object.entries(d.missed)) for (const x of items) lines.push(`  missed ${list}: ${x}`);
      for (const [list, items] of Object.entries(d.extra)) for (const x of items) lines.push(`  extra  ${list}: ${x}`);
      for (const w of d.wrongAttributes) lines.push(`  wrong  ${w.list}: ${w.item}: ${JSON.stringify(w.predicted)} (gold ${JSON.stringify(w.gold)})`);
    }
  return lines.join('\n');
}
