// Questions in Chinese (ask): what reading a question and saying its answer
// cost beyond the query it runs. Every question of test/ask/ is asked of the
// samples (and a second-year report) with the read cache off, alternately
// through `ask` and as the query it became sent directly, several rounds; the
// difference of the medians is the reader's own cost (target < 50 ms).
import { readFileSync } from 'node:fs';
import { execute, parse } from 'graphql';
import { answerQuestion } from '../src/api/ask/answer.js';
import { readQuestion } from '../src/api/ask/read.js';
import { createContext } from '../src/api/context.js';
import { schema } from '../src/api/schema/index.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import { median, percentile, round } from './stats.js';

const ROUNDS = 15;
const root = new URL('../', import.meta.url);
const questionsOf = (file: string): string[] =>
  (JSON.parse(readFileSync(new URL(`test/ask/${file}`, root), 'utf8')) as { questions: { q: string }[] }).questions.map((q) => q.q);

export async function askSection() {
  const store = await EmbeddedStore.open({ readCache: false });
  try {
    await ingestPaths(store, [new URL('seed', root).pathname, new URL('test/fixtures/second-year', root).pathname], { workers: 0 });
    const questions = [...questionsOf('questions.json'), ...questionsOf('questions.final.json')];
    const readMs: number[] = [];
    const extraMs: number[] = [];
    for (const q of questions) {
      const t = performance.now();
      readQuestion(q, { latestYear: 2025 });
      readMs.push(performance.now() - t);
      const first = await answerQuestion(q, schema, createContext(store));
      if (!first.understood) continue;
      const asked: number[] = [];
      const direct: number[] = [];
      const document = parse(first.graphql as string);
      for (let round = 0; round < ROUNDS; round++) {
        let t0 = performance.now();
        await answerQuestion(q, schema, createContext(store));
        asked.push(performance.now() - t0);
        t0 = performance.now();
        await execute({ schema, document, contextValue: createContext(store), variableValues: first.variables ?? {} });
        direct.push(performance.now() - t0);
      }
      extraMs.push(Math.max(0, median(asked) - median(direct)));
    }
    const sorted = [...extraMs].sort((a, b) => a - b);
    const reads = [...readMs].sort((a, b) => a - b);
    return {
      questions: questions.length,
      answered: extraMs.length,
      readMs: { p50: round(percentile(reads, 50), 3), p99: round(percentile(reads, 99), 3) },
      extraMs: { p50: round(percentile(sorted, 50), 2), p99: round(percentile(sorted, 99), 2), max: round(sorted.at(-1) ?? 0, 2) },
      target: { extraMs: 50 },
      met: (sorted.at(-1) ?? 0) < 50,
    };
  } finally {
    await store.close();
  }
}
