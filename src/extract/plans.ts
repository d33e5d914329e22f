// Plans: one per enumerated item of the next-year part, with the initiatives
// whose mentions fall inside the item.
import { itemsOf, mentionOf, type Part } from './items.js';
import { resolveInitiativeName } from './lexicon.js';
import { orderByKey } from './scan.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact, PlanFact } from './types.js';

export function extractPlans(
  text: string,
  parts: Part[],
  initiatives: InitiativeFact[],
  sentences: Sentences,
  sectionPath: (o: number) => string[],
): PlanFact[] {
  if (!parts.length) return [];
  // every mention with its initiative's index, by start: each item looks up only the mentions starting inside it
  // (built on the first item: a report without a plans part, or with none itemized, never needs it)
  let mentions: Mentions | null = null;
  return parts.flatMap((part) =>
    itemsOf(text, part).map((item) => {
      mentions ??= mentionsByStart(initiatives);
      return {
        text: item.text,
        // the initiatives whose mentions fall inside the item
        initiatives: inside(mentions, initiatives, item).map((i) => resolveInitiativeName(i.name) ?? i.name),
        mentions: [mentionOf(item, sentences, sectionPath)],
      };
    }),
  );
}

/** The initiatives with a mention inside the item, in their order. */
function inside(m: Mentions, initiatives: InitiativeFact[], item: { start: number; end: number }): InitiativeFact[] {
  let lo = 0;
  let hi = m.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m.start[mid] < item.start) lo = mid + 1;
    else hi = mid;
  }
  const found = new Set<number>();
  for (let k = lo; k < m.start.length && m.start[k] < item.end; k++) if (m.end[k] <= item.end) found.add(m.index[k]);
  return [...found].sort((a, b) => a - b).map((index) => initiatives[index]);
}

/** The initiatives' mentions sorted by start, as parallel arrays (start, end, index of the initiative). */
interface Mentions {
  start: number[];
  end: number[];
  index: number[];
}

function mentionsByStart(initiatives: InitiativeFact[]): Mentions {
  // (plain arrays of small integers: a typed array of more than a few elements is allocated outside the
  // heap, one more per report each)
  const rawStart: number[] = [];
  const rawEnd: number[] = [];
  const rawIndex: number[] = [];
  initiatives.forEach((fact, k) => {
    for (const m of fact.mentions) {
      rawStart.push(m.start);
      rawEnd.push(m.end);
      rawIndex.push(k);
    }
  });
  const mentions: Mentions = { start: [], end: [], index: [] };
  for (const o of orderByKey(rawStart)) {
    mentions.start.push(rawStart[o]);
    mentions.end.push(rawEnd[o]);
    mentions.index.push(rawIndex[o]);
  }
  return mentions;
}
