// The reader scored on the question set of test/ask/ (its README says how):
// every question must become the query written beside it, or be refused
// where it says so. The questions worked against must all pass but a few
// (≥ 95 %); the final third, written after the reader, is scored the same way
// with its own threshold (≥ 85 %).
import { describe, expect, it } from 'vitest';
import { load, type QuestionSet, score } from '../../support/ask-questions.js';

describe.each([
  ['questions.json', 0.95],
  ['questions.final.json', 0.85],
])('ask: %s', (file, threshold) => {
  let set: QuestionSet | null = null;
  try {
    set = load(file);
  } catch {}
  it.runIf(set)(`reads at least ${threshold * 100} % of the questions into the query they must become`, () => {
    const results = score(set!);
    const failed = results.filter((r) => !r.pass).map((r) => ({ q: r.q, got: r.got, want: r.want }));
    expect(set!.questions.length).toBeGreaterThanOrEqual(25);
    expect(failed.length / results.length, JSON.stringify(failed, null, 1)).toBeLessThanOrEqual(1 - threshold);
  });
  it.runIf(set)('refuses every question the set marks as not answerable, saying why', () => {
    for (const r of score(set!).filter((r) => 'refused' in r.want)) {
      expect(r.reading.plan, r.q).toBeUndefined();
      expect(r.reading.refusal?.reason, r.q).toMatch(/\S/);
    }
  });
});
