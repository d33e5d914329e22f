// The curated initiative lexicon (knowledge/initiatives.json), indexed for
// alias-aware lookup. Lookups ignore quotation marks and spaces, so
// “八五”普法, 八五普法 and "八五" 普法 are one key.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const data: { initiatives: { name: string; category: string; aliases: string[] }[] } = require('./knowledge/initiatives.json');

export interface LexiconEntry {
  name: string;
  category: string;
  aliases: string[];
}

export const INITIATIVES: LexiconEntry[] = data.initiatives;

/** Characters that never distinguish two names. */
export const IGNORABLE = /[“”"‘’'「」『』\s]/g;
export const matchKey = (s: string) => s.replace(IGNORABLE, '');

const byKey = new Map<string, LexiconEntry>();
for (const entry of INITIATIVES) {
  for (const form of [entry.name, ...entry.aliases]) {
    const key = matchKey(form);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
}

/** Canonical name for any name or alias ("三项制度" → 行政执法三项制度), or null if unknown. */
export function resolveInitiativeName(name: string): string | null {
  return byKey.get(matchKey(name))?.name ?? null;
}

/** Every (key, entry) pair, longest key first: matching prefers the longest form. */
export const FORMS: { key: string; entry: LexiconEntry }[] = [...byKey.entries()]
  .map(([key, entry]) => ({ key, entry }))
  .sort((a, b) => b.key.length - a.key.length);
