// Plans: one per enumerated item of the next-year part, with the initiatives
// whose mentions fall inside the item.
import { itemsOf, mentionOf, type Part } from './items.js';
import { resolveInitiativeName } from './lexicon.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact, PlanFact } from './types.js';

export function extractPlans(text: string, parts: Part[], initiatives: InitiativeFact[], sentences: Sentences, sectionPath: (o: number) => string[]): PlanFact[] {
  return parts.flatMap((part) =>
    itemsOf(text, part).map((item) => ({
      text: item.text,
      // the initiatives whose mentions fall inside the item
      initiatives: initiatives
        .filter((i) => i.mentions.some((m) => m.start >= item.start && m.end <= item.end))
        .map((i) => resolveInitiativeName(i.name) ?? i.name),
      mentions: [mentionOf(item, sentences, sectionPath)],
    })),
  );
}
