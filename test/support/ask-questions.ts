// Scoring the reader on a question set of test/ask/ (its README says how a
// question passes): shared by the unit test and by anyone checking a set by hand.
import { readFileSync } from 'node:fs';
import { canonicalRegulationTitle } from '../../src/extract/index.js';
import { type Plan, readQuestion } from '../../src/api/ask/read.js';

export interface QuestionSet {
  context: { latestYear: number };
  questions: { q: string; expect: Plan | { refused: true } }[];
}

export const load = (file: string): QuestionSet => JSON.parse(readFileSync(new URL(`../ask/${file}`, import.meta.url), 'utf8'));

/** Variables in the form the README compares: nulls dropped, regulation titles canonical, keys sorted. */
function comparable(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => comparable(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, comparable(v, k)]),
    );
  if (typeof value === 'string' && (key === 'citesRegulation' || key === 'regulation')) return canonicalRegulationTitle(value.replace(/^《|》$/g, ''));
  return value;
}

/** What the reader made of each question, and whether that is what the set expects. */
export function score(set: QuestionSet) {
  return set.questions.map(({ q, expect }) => {
    const reading = readQuestion(q, { latestYear: set.context.latestYear });
    const got = reading.plan ? { query: reading.plan.query, variables: comparable(reading.plan.variables) } : { refused: true };
    const want = 'refused' in expect ? { refused: true } : { query: expect.query, variables: comparable(expect.variables) };
    return { q, got, want, pass: JSON.stringify(got) === JSON.stringify(want), reading };
  });
}
