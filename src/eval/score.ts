// Scores the extractor against the hand-made gold standard
// (../shared/gold/seeds.gold.json): exact accuracy for the per-report fields,
// precision/recall/F1 for the lists. The thresholds in test/eval.test.ts only
// ever go up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../extract/index.js';
import type { ReportGraph } from '../extract/types.js';

export interface GoldReport {
  file: string;
  title: string | null;
  year: number | null;
  jurisdiction: { name: string; fullName: string; province: string | null; prefecture: string | null; level: string; adminCode: string | null };
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
  /** Micro-averaged over all reports. */
  lists: Record<string, Prf>;
}

function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { tp, predicted, gold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Two item texts are the same item when one contains most of the other (character overlap). */
export function sameItem(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/[\s,，。;；:：、“”"()（）]/g, '');
  const x = strip(a);
  const y = strip(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return Math.min(x.length, y.length) / Math.max(x.length, y.length) >= 0.5;
  // longest common prefix as a cheap alignment of verbatim spans
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  return common / Math.max(x.length, y.length) >= 0.6;
}

function matchCount<P, G>(predicted: P[], gold: G[], same: (p: P, g: G) => boolean): number {
  const used = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const i = gold.findIndex((g, k) => !used.has(k) && same(p, g));
    if (i >= 0) {
      used.add(i);
      tp++;
    }
  }
  return tp;
}

type Value = string | number | null | undefined;

/** The single-valued fields, read the same way from a prediction and a gold report. */
const SINGLE_FIELDS: Record<string, { predicted: (p: ReportGraph) => Value; gold: (g: GoldReport) => Value }> = {
  'jurisdiction.name': { predicted: (p) => p.jurisdiction?.name, gold: (g) => g.jurisdiction.name },
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

/**
 * Scores predictions against gold reports. Predictions are paired with gold
 * reports by `source.file` (the file name, without directories); a gold
 * report without a prediction scores as all-missing.
 */
export function scoreAgainstGold(predicted: ReportGraph[], gold: GoldReport[]): EvalResult {
  const base = (f: string | undefined) => (f ?? '').split(/[\\/]/).pop() ?? '';
  const byFile = new Map(predicted.map((p) => [base(p.source?.file), p]));
  const empty = (file: string): ReportGraph => ({
    reportId: '', title: null, year: null, jurisdiction: null, issuer: null,
    regulations: [], initiatives: [], problems: [], plans: [], metrics: [], text: '', source: { file },
  });
  return scorePairs(gold.map((g) => ({ gold: g, predicted: byFile.get(base(g.file)) ?? empty(g.file) })));
}

export function scorePairs(pairs: { predicted: ReportGraph; gold: GoldReport }[]): EvalResult {
  const fields = Object.keys(SINGLE_FIELDS);
  const right: Record<string, number> = Object.fromEntries(fields.map((f) => [f, 0]));
  const single: Record<string, [number, number, number]> = Object.fromEntries(fields.map((f) => [f, [0, 0, 0]]));
  const totals: Record<string, [number, number, number]> = {};
  const add = (name: string, tp: number, p: number, g: number) => {
    const t = (totals[name] ??= [0, 0, 0]);
    t[0] += tp;
    t[1] += p;
    t[2] += g;
  };
  for (const { predicted: p, gold: g } of pairs) {
    for (const [field, read] of Object.entries(SINGLE_FIELDS)) {
      const pv = read.predicted(p) ?? null;
      const gv = read.gold(g) ?? null;
      // a jurisdiction found with no prefecture agrees with a gold null prefecture
      if (pv === gv && (p.jurisdiction || !field.startsWith('jurisdiction.'))) right[field]++;
      const t = single[field];
      if (pv !== null) t[1]++;
      if (gv !== null) t[2]++;
      if (pv !== null && pv === gv) t[0]++;
    }

    const goldTitles = new Map(g.regulations.map((r) => [r.canonical, r]));
    const matched = p.regulations.filter((r) => goldTitles.has(r.title));
    add('regulations', matched.length, p.regulations.length, g.regulations.length);
    add('regulations.kind', matched.filter((r) => goldTitles.get(r.title)!.kind === r.kind).length, matched.length, matched.length);
    add('regulations.scope', matched.filter((r) => goldTitles.get(r.title)!.scope === r.scope).length, matched.length, matched.length);
    add('regulations.action', matched.filter((r) => goldTitles.get(r.title)!.action === r.action).length, matched.length, matched.length);
    add('regulations.count', matched.filter((r) => goldTitles.get(r.title)!.count === r.count).length, matched.length, matched.length);

    const goldInitiatives = new Set(g.initiatives.map((i) => i.canonical));
    add('initiatives', p.initiatives.filter((i) => goldInitiatives.has(i.name)).length, p.initiatives.length, goldInitiatives.size);
    const highGold = new Set(g.initiatives.filter((i) => i.confidence === 'high').map((i) => i.canonical));
    add('initiatives (high confidence gold)', p.initiatives.filter((i) => highGold.has(i.name)).length, p.initiatives.length, highGold.size);
    const confident = p.initiatives.filter((i) => (i.confidence ?? 1) >= CONFIDENT);
    add(`initiatives (confidence ≥ ${CONFIDENT})`, confident.filter((i) => goldInitiatives.has(i.name)).length, confident.length, goldInitiatives.size);
    add('initiatives.lexicon-only', p.initiatives.filter((i) => !i.discovered && goldInitiatives.has(i.name)).length, p.initiatives.filter((i) => !i.discovered).length, goldInitiatives.size);

    add('problems', matchCount(p.problems, g.problems, (a, b) => sameItem(a.text, b.text)), p.problems.length, g.problems.length);
    const themed = g.problems.filter((x) => x.theme);
    add('problems.theme', matchCount(p.problems, themed, (a, b) => sameItem(a.text, b.text) && a.theme === b.theme), p.problems.filter((x) => x.theme).length, themed.length);
    add('plans', matchCount(p.plans, g.plans, (a, b) => sameItem(a.text, b.text)), p.plans.length, g.plans.length);
    add('metrics', matchCount(p.metrics, g.metrics, (a, b) => a.value === b.value && (a.unit ?? null) === (b.unit ?? null) && (a.surface.includes(b.surface) || b.surface.includes(a.surface) || sameItem(a.surface, b.surface))), p.metrics.length, g.metrics.length);
  }
  const n = pairs.length || 1;
  return {
    reports: pairs.length,
    accuracy: Object.fromEntries(Object.entries(right).map(([k, v]) => [k, v / n])),
    fields: Object.fromEntries(Object.entries(single).map(([k, [tp, p, g]]) => [k, prf(tp, p, g)])),
    lists: Object.fromEntries(Object.entries(totals).map(([k, [tp, p, g]]) => [k, prf(tp, p, g)])),
  };
}

export function loadGold(goldPath: string): GoldReport[] {
  return JSON.parse(readFileSync(goldPath, 'utf8')) as GoldReport[];
}

/** Extracts every gold report's file from seedDir and scores the result. */
export async function runEval(seedDir: string, goldPath: string): Promise<EvalResult> {
  const gold = loadGold(goldPath);
  const available = new Set(readdirSync(seedDir));
  const pairs = gold
    .filter((g) => available.has(g.file))
    .map((g) => ({ gold: g, predicted: extractReport(readFileSync(join(seedDir, g.file), 'utf8'), { file: g.file }) }));
  if (!pairs.length) throw new Error(`none of the gold reports' files are in ${seedDir}`);
  return scorePairs(pairs);
}

export function formatEvalTable(result: EvalResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const row = (field: string, s: Prf) => `${field.padEnd(40)}${pct(s.precision)}  ${pct(s.recall)} ${pct(s.f1)}   (${s.tp}/${s.predicted}/${s.gold})`;
  const header = (what: string) => `${what.padEnd(40)}precision  recall      F1   (tp/predicted/gold)`;
  const lines = [`${result.reports} report(s)`, '', header('field')];
  for (const [field, s] of Object.entries(result.fields)) lines.push(row(field, s));
  lines.push('', header('list'));
  for (const [field, s] of Object.entries(result.lists)) lines.push(row(field, s));
  return lines.join('\n');
}
