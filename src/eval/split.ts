// The devset's split into a development part (worked against) and a test part
// (scored only when the work is done): drawn once, at random with a fixed
// seed, and stored beside the gold file (test/gold/devset.split.json) so that
// it never moves when files or code change. splitFiles is how it was drawn;
// the suite checks that the stored split is what it gives.
import { readFileSync } from 'node:fs';

export interface Split {
  seed: number;
  dev: string[];
  test: string[];
}

export type SplitPart = 'dev' | 'test' | 'all';

/** mulberry32: a small seeded PRNG, so that the draw is the same on every machine (the bench's corpus draws with it too). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of the sorted file names with the seed; the first `testSize` are the test part. */
export function splitFiles(files: string[], seed: number, testSize: number): Split {
  const order = [...files].sort();
  const next = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { seed, test: order.slice(0, testSize).sort(), dev: order.slice(testSize).sort() };
}

export function loadSplit(path: string): Split {
  return JSON.parse(readFileSync(path, 'utf8')) as Split;
}

/** The files of one part of a split (all: both). */
export function filesOf(split: Split, part: SplitPart): string[] {
  return part === 'all' ? [...split.dev, ...split.test].sort() : split[part];
}
