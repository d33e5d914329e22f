// Plans: one per enumerated item of the next-year part, with the initiatives
// whose mentions fall inside the item.
import { itemsOf, mentionOf, type Part } from './items.js';
import { resolveInitiativeName } from './lexicon.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact, PlanFact } from './types.js';

export function extractPlans(text: string, parts: Part[], initiatives: InitiativeFact[], sentences: Sentences, sectionPath: (o: number) => string[]): PlanFact[] {
  // every mention with its initiative's index, by start: each item looks up only the mentions starting inside it
  const mentions = initiatives.flatMap((i, index) => i.mentions.map((m) => ({ start: m.start, end: m.end, index }))).sort((a, b) => a.start - b.start);
  const inside = (item: { start: number; end: number }): InitiativeFact[] => {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].start < item.start) lo = mid + 1;
      else hi = mid;
    }
    const found = new Set<number>();
    for (let k = lo; k < mentions.length && mentions[k].start < item.end; k++) if (mentions[k].end <= item.end) found.add(mentions[k].index);
    return [...found].sort((a, b) => a - b).map((index) => initiatives[index]);
  };
  return parts.flatMap((part) =>
    itemsOf(text, part).map((item) => ({
      text: item.text,
      // the initiatives whose mentions fall inside the item
      initiatives: inside(item).map((i) => resolveInitiativeName(i.name) ?? i.name),
      mentions: [mentionOf(item, sentences, sectionPath)],
    })),
  );
}
