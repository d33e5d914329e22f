// Extraction throughput in isolation, for profiling and before/after comparisons.
//
//   npm run bench:corpus -- --reports 400 --out /tmp/corpus --seed 1
//   node --import tsx bench/profile-extract.ts /tmp/corpus [reports=200] [rounds=5] [--jieba]
//   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/profile-extract.ts /tmp/corpus
//
// Prints MB/s of extraction (best of the rounds) and, with --jieba, of
// @node-rs/jieba segmentation of the same texts in the same process, alternating.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../src/extract/index.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dir = args[0];
if (!dir) throw new Error('usage: bench/profile-extract.ts CORPUS_DIR [reports] [rounds] [--jieba]');
const reports = Number(args[1] ?? 200);
const rounds = Number(args[2] ?? 5);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, reports);
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
const mb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;

let cut: ((t: string) => unknown) | null = null;
if (process.argv.includes('--jieba')) {
  const { Jieba } = await import('@node-rs/jieba');
  const { dict } = await import('@node-rs/jieba/dict.js');
  const jieba = Jieba.withDict(dict);
  cut = (t) => jieba.cut(t, false);
}

const runs = { extract: [] as number[], jieba: [] as number[] };
for (let r = 0; r < rounds; r++) {
  let t = performance.now();
  for (const text of texts) extractReport(text);
  runs.extract.push(performance.now() - t);
  if (cut) {
    t = performance.now();
    for (const text of texts) cut(text);
    runs.jieba.push(performance.now() - t);
  }
}
const best = (xs: number[]) => Math.min(...xs);
const ex = mb / (best(runs.extract) / 1000);
let line = `${texts.length} reports, ${mb.toFixed(2)} MB: extract ${ex.toFixed(2)} MB/s (${(best(runs.extract) / texts.length).toFixed(2)} ms/report)`;
if (cut) {
  const jb = mb / (best(runs.jieba) / 1000);
  line += `, jieba ${jb.toFixed(2)} MB/s, ratio ${(ex / jb).toFixed(3)}`;
}
console.log(line);
