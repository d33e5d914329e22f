// Problems the report admits: one per enumerated item of its problems part
// (一是… 二是…), themed from the item's lead clause with the keyword table of
// knowledge/problem-themes.json (first matching theme wins).
import { createRequire } from 'node:module';
import { itemsOf, mentionOf, type Part } from './items.js';
import type { Sentences } from './sentences.js';
import type { ProblemFact } from './types.js';

const require = createRequire(import.meta.url);
const THEMES: { themes: { theme: string; keywords: string[] }[] } = require('./knowledge/problem-themes.json');

const LEAD_END = /[。;；]/;

// Each theme's keywords as one RegExp alternation: keywords.some((k) => lead.includes(k)) in one search of the
// lead, not one per keyword (a theme without keywords never matches)
const THEME_TESTS = THEMES.themes.map(({ theme, keywords }) => ({
  theme,
  re: keywords.length ? new RegExp(keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : null,
}));

export function themeOf(item: string): string | null {
  // item.split(/[。;；]/)[0], without splitting the whole item
  const stop = LEAD_END.exec(item);
  const lead = stop ? item.slice(0, stop.index) : item;
  for (const { theme, re } of THEME_TESTS) if (re?.test(lead)) return theme;
  return null;
}

export function extractProblems(text: string, parts: Part[], sentences: Sentences, sectionPath: (o: number) => string[]): ProblemFact[] {
  return parts.flatMap((part) =>
    itemsOf(text, part).map((item) => ({ text: item.text, theme: themeOf(item.text), mentions: [mentionOf(item, sentences, sectionPath)] })),
  );
}
