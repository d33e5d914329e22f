// Extraction throughput in isolation, for profiling and before/after comparisons.
//
//   npm run bench:corpus -- --reports 2000 --out /tmp/corpus --seed 1
//   node --import tsx bench/profile-extract.ts /tmp/corpus [reports=200] [rounds=5] [--jieba]
//   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/profile-extract.ts /tmp/corpus
//
// Prints MB/s of extraction (best of the rounds) and, with --jieba, of
// @node-rs/jieba segmentation of the same texts in the same process, alternating.
//
// A/B against another version of the extractor (an old checkout of src/extract,
// e.g. `git archive HEAD src/extract | tar -x -C /tmp/old`, with node_modules
// linked beside it):
//
//   node --import tsx bench/profile-extract.ts /tmp/corpus 2000 5 --compare /tmp/old/src/extract/index.ts [--hostile 600] [--seed 7]
//
// first checks that both give byte-identical output (JSON.stringify of the whole
// graph, or the same error) on every report read and on --hostile generated
// damaged inputs (random code units, nested brackets, heading runs, punctuation
// runs, reports with junk spliced in, reports glued onto one line or into one
// sentence, full-width and space noise), then times old and new alternating
// (on at most 400 of the reports).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractReport } from '../src/extract/index.js';
import { GOVERNANCE_WORDS, RULE_WORDS, SPECIAL_CHARS } from '../test/support/hostile-text.js';
import { rng } from './corpus.js';

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const args = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !['--compare', '--hostile', '--seed'].includes(all[i - 1]));
const dir = args[0];
if (!dir) throw new Error('usage: bench/profile-extract.ts CORPUS_DIR [reports] [rounds] [--jieba] [--compare OLD_INDEX_TS] [--hostile N]');
const reports = Number(args[1] ?? 200);
const rounds = Number(args[2] ?? 5);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, reports);
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
const bytesOf = (xs: string[]) => xs.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;

type Extract = (text: string) => unknown;
const best = (xs: number[]) => Math.min(...xs);

/** Best-of-rounds time of each function over the texts, alternating so that all see the same machine load. */
function timeAlternating(fns: Record<string, Extract>, sample: string[]): Record<string, number> {
  const runs: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t = performance.now();
      for (const text of sample) fn(text);
      runs[name].push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([k, xs]) => [k, best(xs)]));
}

// ---------------------------------------------------------------- damaged and hostile inputs

/** Deterministic damaged inputs: what test/unit/extract/reliability.test.ts fuzzes, as a fixed list for A/B checks. */
export function hostileInputs(n: number, reportsToSplice: string[], seed = 7): string[] {
  const random = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cjk = () => String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000));
  const junk = (length: number) => {
    let out = '';
    while (out.length < length) {
      const r = random();
      if (r < 0.15)
        out += String.fromCharCode(Math.floor(random() * 0x10000)); // lone surrogates too
      else if (r < 0.25) out += String.fromCodePoint(Math.floor(random() * 0x10ffff) % 0xd800);
      else if (r < 0.5) out += cjk();
      else if (r < 0.75) out += pick(SPECIAL_CHARS);
      else if (r < 0.9) out += pick(RULE_WORDS);
      else out += pick(GOVERNANCE_WORDS);
    }
    return out;
  };
  const piece = (): string => {
    switch (int(0, 4)) {
      case 0:
        return junk(int(1, 400));
      case 1: {
        const [o, c] = pick([
          ['《', '》'],
          ['<', '>'],
          ['〈', '〉'],
          ['“', '”'],
          ['(', ')'],
        ]);
        return `${o.repeat(int(0, 300))}${junk(int(0, 20))}法治政府建设${c.repeat(int(0, 300))}`;
      }
      case 2: {
        const mark = pick(['一、', '(一)', '（一）', '1.', '1、', '(1)', '（1）', '一是', '第一章', '十一、', '存在的问题', '下一步工作打算']);
        return Array.from({ length: int(1, 1500) }, () => mark).join(random() < 0.5 ? '\n' : '');
      }
      case 3:
        return pick([...'。，、;：！？…—《》“”()（）.,-~']).repeat(int(1, 3000));
      default:
        return pick(RULE_WORDS).repeat(int(1, 200));
    }
  };
  const out: string[] = [];
  for (let k = 0; out.length < n; k++) {
    const report = reportsToSplice[k % reportsToSplice.length];
    switch (k % 8) {
      case 0:
        out.push(junk(int(0, 3000)));
        break;
      case 1:
        out.push(piece());
        break;
      case 2: // enough governance vocabulary to pass the report check, then anything
        out.push(GOVERNANCE_WORDS.join('').repeat(int(5, 40)) + junk(int(300, 3000)));
        break;
      case 3:
      case 4: {
        let text = report;
        for (let p = int(1, 6); p > 0; p--) {
          const at = Math.floor(random() * text.length);
          text = text.slice(0, at) + piece() + text.slice(at);
        }
        out.push(text);
        break;
      }
      case 5: {
        // a report glued onto one line, or into one sentence
        const glue = pick(['', '《', '“', '一、', '1.', ',']);
        const one = glue === ',' ? report.replace(/[\n。!?！？]/g, glue) : report.replace(/\n/g, glue);
        out.push(Array.from({ length: int(2, 8) }, () => one).join(glue));
        break;
      }
      case 6: {
        // scraping noise: CRs, full-width characters, odd spaces, BOMs
        let text = '';
        for (const ch of report) {
          const r = random();
          if (r < 0.03) text += pick(['\r\n', '\u3000', '\u00a0', ' ', '\ufeff', '\t', '  ']);
          const code = ch.charCodeAt(0);
          text += r > 0.97 && code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
        }
        out.push(text);
        break;
      }
      default: {
        // lines cut at random places (a scraped page broken mid-sentence), blank lines in between
        let text = '';
        for (let i = 0; i < report.length; i += int(5, 120)) text += `${report.slice(i, i + int(5, 120))}${pick(['\n', '\n\n', '\n  \n', ''])}`;
        out.push(text);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- main

const comparePath = flag('--compare');
if (comparePath) {
  const old = (await import(pathToFileURL(resolve(comparePath)).href)) as { extractReport: Extract };
  const outcome = (fn: Extract, text: string): string => {
    try {
      return JSON.stringify(fn(text));
    } catch (error) {
      return `throws ${(error as Error).name}: ${(error as Error).message}`;
    }
  };
  // the seed reports are real ones (the corpus recombines their paragraphs): checked as they are and spliced
  const seedDir = new URL('../seed/', import.meta.url);
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(f, seedDir), 'utf8'));
  const hostile = hostileInputs(Number(flag('--hostile') ?? 600), [...seeds, ...texts.slice(0, 45)], Number(flag('--seed') ?? 7));
  let differ = 0;
  const check = (label: string, inputs: string[]) => {
    let refused = 0;
    inputs.forEach((text, i) => {
      const a = outcome(old.extractReport, text);
      const b = outcome(extractReport, text);
      if (b.startsWith('throws') && !b.startsWith('throws NotAReportError')) console.log(`${label} ${i}: new version throws ${b}`);
      if (b.startsWith('throws')) refused++;
      if (a !== b) {
        differ++;
        let at = 0;
        while (at < a.length && a[at] === b[at]) at++;
        if (differ <= 10)
          console.log(`${label} ${i} differs at ${at}:\n  old …${a.slice(Math.max(0, at - 80), at + 120)}\n  new …${b.slice(Math.max(0, at - 80), at + 120)}`);
      }
    });
    console.log(`${label}: ${inputs.length} inputs compared (${refused} refused as not a report)`);
  };
  check('seeds', seeds);
  check('reports', texts);
  check('hostile', hostile);
  console.log(differ ? `${differ} outputs DIFFER` : 'identical output');
  const sample = texts.slice(0, 400);
  const t = timeAlternating({ old: old.extractReport, new: extractReport }, sample);
  const mb = bytesOf(sample);
  console.log(
    `${sample.length} reports, ${mb.toFixed(2)} MB: old ${(mb / (t.old / 1000)).toFixed(2)} MB/s, new ${(mb / (t.new / 1000)).toFixed(2)} MB/s, ×${(t.old / t.new).toFixed(2)}`,
  );
  if (differ) process.exitCode = 1;
} else {
  const fns: Record<string, Extract> = { extract: extractReport };
  if (process.argv.includes('--jieba')) {
    const { Jieba } = await import('@node-rs/jieba');
    const { dict } = await import('@node-rs/jieba/dict.js');
    const jieba = Jieba.withDict(dict);
    fns.jieba = (t) => jieba.cut(t, false);
  }
  const t = timeAlternating(fns, texts);
  const mb = bytesOf(texts);
  const ex = mb / (t.extract / 1000);
  let line = `${texts.length} reports, ${mb.toFixed(2)} MB: extract ${ex.toFixed(2)} MB/s (${(t.extract / texts.length).toFixed(2)} ms/report)`;
  if (fns.jieba) {
    const jb = mb / (t.jieba / 1000);
    line += `, jieba ${jb.toFixed(2)} MB/s, ratio ${(ex / jb).toFixed(3)}`;
  }
  console.log(line);
}
