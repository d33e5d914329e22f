// Bad input for the extractor, property-based (fast-check): random Unicode,
// random bytes decoded as text, huge single lines, deeply nested and
// unbalanced 《》, pathological headings and runs of punctuation, alone and
// spliced into real reports. Whatever comes in, extractReport either refuses
// it as not a report (NotAReportError, its one documented exception) or
// returns a graph that keeps the JSON contract of DESIGN.md, whose mention
// offsets lie inside the normalized text and point at what the fact claims.
// Linear running time is a benchmark (bench/), not a timed test here.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toContractJson } from '../../../src/cli/commands/extract.js';
import { extractReport, normalizeText, NotAReportError } from '../../../src/extract/index.js';
import { parseSections, sectionAt } from '../../../src/extract/sections.js';
import type { ReportGraph } from '../../../src/extract/types.js';
import { contractViolations, provenanceViolations } from '../../support/contract.js';
import { GOVERNANCE_WORDS, RULE_WORDS, SPECIAL_CHARS } from '../../support/hostile-text.js';

const seedDir = fileURLToPath(new URL('../../../seed/', import.meta.url));
const SEEDS = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(seedDir + f, 'utf8'));

/** Runs per property; the whole file stays within a few seconds on a shared 2-core machine (FC_SCALE=10 for a longer hunt). */
const SCALE = Number(process.env.FC_SCALE ?? 1);
const RUNS = { small: 150 * SCALE, spliced: 60 * SCALE, huge: 6 * SCALE };
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const PATH = process.env.FC_PATH;
const params = (numRuns: number) => ({ numRuns, seed: SEED, path: PATH, endOnFailure: true });

/** What every input must give: a refusal, or a graph that keeps the contract and the provenance rules. */
function checkExtraction(raw: string): ReportGraph | null {
  let graph: ReportGraph;
  try {
    graph = extractReport(raw, { file: 'fuzz.txt' });
  } catch (error) {
    if (error instanceof NotAReportError) return null;
    throw error;
  }
  expect(graph.text).toBe(normalizeText(raw));
  const line = JSON.parse(JSON.stringify(toContractJson('fuzz.txt', graph)));
  expect(contractViolations(line)).toEqual([]);
  expect(provenanceViolations(graph)).toEqual([]);
  return graph;
}

// --- alphabets --------------------------------------------------------------

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)); // lone surrogates too
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => (c >= 0xd800 && c <= 0xdfff ? '\ufffd' : String.fromCodePoint(c)));
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const special = fc.constantFrom(...SPECIAL_CHARS);
const word = fc.constantFrom(...GOVERNANCE_WORDS, ...RULE_WORDS);
const unit = fc.oneof(
  { weight: 1, arbitrary: anyCodeUnit },
  { weight: 1, arbitrary: anyCodePoint },
  { weight: 3, arbitrary: cjk },
  { weight: 4, arbitrary: special },
  { weight: 3, arbitrary: word },
);
/** Random text biased towards what the rules react to. */
const junk = (maxLength: number) => fc.array(unit, { maxLength }).map((parts) => parts.join(''));

/** Random bytes as a reader would decode them (UTF-8 with replacement, or Latin-1, or as GB18030). */
const decodedBytes = fc
  .tuple(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('utf-8', 'latin1', 'gb18030', 'utf-16le'))
  .map(([bytes, encoding]) => new TextDecoder(encoding).decode(bytes));

/** 《 nested n deep, sometimes unbalanced, around governance words. */
const brackets = fc
  .tuple(fc.nat({ max: 400 }), fc.nat({ max: 400 }), junk(20), fc.constantFrom('《', '<', '〈', '“'), fc.constantFrom('》', '>', '〉', '”'))
  .map(([open, close, inside, o, c]) => `${o.repeat(open)}${inside}法治政府建设${c.repeat(close)}`);

/** Headings of every level with nothing between them, and enumerators run together. */
const headings = fc
  .tuple(
    fc.integer({ min: 1, max: 3000 }),
    fc.constantFrom('一、', '(一)', '（一）', '1.', '1、', '(1)', '（1）', '一是', '第一章', '十一、', '存在的问题', '下一步工作打算'),
    fc.boolean(),
  )
  .map(([n, mark, newline]) => Array.from({ length: n }, () => mark).join(newline ? '\n' : ''));

const punctuation = fc.tuple(fc.constantFrom(...'。，、;：！？…—《》“”()（）.,-~'), fc.integer({ min: 1, max: 5000 })).map(([ch, n]) => ch.repeat(n));

const hostile = fc.oneof(junk(400), decodedBytes, brackets, headings, punctuation);

/** A real report with hostile pieces spliced in at random places (so extraction runs past the report check). */
const spliced = fc
  .tuple(fc.constantFrom(...SEEDS.keys()), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), hostile), { minLength: 1, maxLength: 6 }))
  .map(([i, pieces]) => {
    let text = SEEDS[i];
    for (const [where, piece] of pieces) {
      const at = Math.floor(where * text.length);
      text = text.slice(0, at) + piece + text.slice(at);
    }
    return text;
  });

// --- properties ---------------------------------------------------------------

describe('the extractor on hostile input', () => {
  it('random Unicode and random decoded bytes: refused or extracted, never thrown', () => {
    fc.assert(
      fc.property(fc.oneof(junk(2000), decodedBytes), (raw) => void checkExtraction(raw)),
      params(RUNS.small),
    );
  });

  it('nested and unbalanced brackets, pathological headings, runs of punctuation', () => {
    fc.assert(
      fc.property(fc.oneof(brackets, headings, punctuation), (raw) => void checkExtraction(raw)),
      params(RUNS.small),
    );
  });

  it('real reports with hostile pieces spliced in: the contract and every offset hold', () => {
    fc.assert(
      fc.property(spliced, (raw) => {
        expect(checkExtraction(raw)).not.toBeNull();
      }),
      params(RUNS.spliced),
    );
  });

  it('huge single lines and huge sentences (a report glued onto one line, or into one sentence) are extracted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS.keys()), fc.integer({ min: 5, max: 30 }), fc.constantFrom('', '《', '“', '一、', '1.', ','), (i, copies, glue) => {
        // with ',' even the sentence ends go: one sentence of up to 400,000 characters
        const one = glue === ',' ? SEEDS[i].replace(/[\n。!?！？]/g, glue) : SEEDS[i].replace(/\n/g, glue);
        expect(checkExtraction(Array.from({ length: copies }, () => one).join(glue))).not.toBeNull();
      }),
      params(RUNS.huge),
    );
  }, 120_000);

  it('normalization is total, its output clean, and idempotent where no paragraph break was dropped', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, spliced), (raw) => {
        const once = normalizeText(raw);
        expect(once.match(/\r|\t|\u00a0|\u3000|\ufeff|\u200b|[\u2000-\u200a]|[\uff01-\uff5e]|\n\n|^\s|\s$/)?.map((m) => JSON.stringify(m))).toBeUndefined();
        for (const line of once.split('\n')) expect(line).toBe(line.trim());
        // A blank (or dropped) line keeps two lines apart that would otherwise be joined; the normalized
        // text has no blank lines left to say so, so only texts without them normalize to themselves.
        const paragraphs = raw
          .replace(/^\uFEFF/, '')
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map((l) => l.trim());
        if (!paragraphs.some((l, i) => i > 0 && i < paragraphs.length - 1 && normalizeText(l) === '')) expect(normalizeText(once)).toBe(once);
      }),
      params(RUNS.small),
    );
  });
});

describe('regressions found by these properties (minimal counterexamples)', () => {
  const report = SEEDS[1].replace(/\n/g, '');

  it('a page scraped onto one line that starts like a cruft line (<<返回主站…) is not dropped whole', () => {
    // was: "not a report: the text is empty" — the whole line matched /^<<\s*返回/
    expect(report.startsWith('<<返回主站')).toBe(true);
    expect(extractReport(report).jurisdiction?.name).toBe('台前县');
    // and a line that merely ends like one (…政府网站找错)
    expect(extractReport(`${SEEDS[2].replace(/\n/g, '')}政府网站找错`).jurisdiction).not.toBeNull();
  });

  it('a byte-order mark or zero-width space inside the text is dropped like a leading one', () => {
    // was: kept, so 三项\ufeff制度 was not 行政执法三项制度 and the same text pasted twice got another id
    const graph = extractReport(`${SEEDS[3]}\n\ufeff全面推行三项\u200b制度。`);
    expect(graph.text).not.toMatch(/[\ufeff\u200b]/);
    expect(graph.text.endsWith('全面推行三项制度。')).toBe(true);
    expect(normalizeText('a\u2003b\u2003c')).toBe('a b c');
  });

  it('a paragraph hard-wrapped into thousands of lines is joined into one line, decided piece by piece as before', () => {
    // was: each piece joined onto the whole paragraph so far and the paragraph re-read (a copy of it)
    // for the next: 950,000 characters in 25,000 lines took 16 s
    const piece = '法治政府建设持续推进行政执法规范化建设依法行政水平不断提升各项工作扎实开展';
    const wrapped = Array.from({ length: 3000 }, () => piece);
    expect(normalizeText(wrapped.join('\n'))).toBe(wrapped.join(''));
    // a heading, a title and a sentence's end still stop the joining, wherever they fall
    expect(normalizeText(`${piece}\n${piece}。\n${piece}\n一、工作开展情况\n${piece}`).split('\n')).toEqual([
      `${piece}${piece}。`,
      piece,
      '一、工作开展情况',
      piece,
    ]);
    // a line that is only a heading number's start (一二三…, 20 of them) is decided with what follows it
    const numerals = '一二三四五六七八九十'.repeat(2);
    expect(normalizeText(`${numerals}\n、工作开展情况\n${piece}`).split('\n')).toEqual([`${numerals}、工作开展情况`, piece]);
  });

  it('a title after a sentence of 200,000 characters', () => {
    // was: RangeError: Maximum call stack size exceeded (Math.max over the spread of the whole sentence)
    const graph = checkExtraction(`${SEEDS[0]}\n学习${'法治'.repeat(100_000)}和《民法典》`);
    expect(graph?.regulations.map((r) => r.title)).toContain('民法典');
  });

  it('a report glued into one sentence: each mention carries its clause, not the whole sentence', () => {
    // was: RangeError: Invalid string length (FC_SEED=723678881) — 30 copies glued with commas are one
    // sentence of ~400,000 characters, carried whole by every one of ~2,000 mentions
    const one = SEEDS[1].replace(/[\n。!?！？]/g, ',');
    const glued = Array.from({ length: 30 }, () => one).join(',');
    const graph = checkExtraction(glued)!;
    const mentions = [...graph.regulations, ...graph.initiatives, ...graph.metrics].flatMap((f) => f.mentions ?? []);
    expect(mentions.length).toBeGreaterThan(500);
    for (const m of mentions) {
      expect(m.sentence.length).toBeLessThanOrEqual(m.end - m.start + 2 * 200 + 1);
      expect(m.sentence).toContain(graph.text.slice(m.start, m.end));
    }
    // a clause: it starts after a comma (or at the 200-character limit) and ends with one
    const clause = mentions.find((m) => m.sentence.length < 200)!;
    expect(clause.sentence.endsWith(',')).toBe(true);
    // ordinary sentences are untouched: a seed's mentions carry whole sentences ending in 。 or a line end
    const whole = extractReport(SEEDS[1]).regulations[0].mentions[0];
    expect(whole.sentence).not.toMatch(/^[,，]/);
    expect(SEEDS[1].includes(whole.sentence)).toBe(true);
  });

  it('sectionAt (a binary search since the fix for thousands of headings) agrees with a scan of every section', () => {
    const scan = (text: string, offset: number) => {
      let found: number | null = null;
      for (const s of parseSections(text)) if (s.start <= offset && offset < s.end) found = s.start;
      return found;
    };
    const line = fc.constantFrom('一、问题', '(一)措施', '(二)措施', '1.事项', '2.事项', '(1)细项', '正文。', '二、下一步', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.nat(), (lines, at) => {
        const text = lines.join('\n');
        const sections = parseSections(text);
        const offset = text.length ? at % text.length : 0;
        expect(sectionAt(sections, offset)?.start ?? null).toBe(scan(text, offset));
      }),
      params(RUNS.small),
    );
  });
});
