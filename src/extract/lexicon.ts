// The curated initiative lexicon (knowledge/initiatives.json), indexed for
// alias-aware lookup. Lookups ignore quotation marks and spaces, so
// “八五”普法, 八五普法 and "八五" 普法 are one key.
import { createRequire } from 'node:module';
import { remembered } from './scan.js';
import { Trie } from './trie.js';

const require = createRequire(import.meta.url);
const data: { initiatives: LexiconEntry[] } = require('./knowledge/initiatives.json');

export interface LexiconEntry {
  name: string;
  category: string;
  aliases: string[];
  /** 'practice': a generic practice or concept (合法性审查, 营商环境), found but with low confidence. */
  tier?: 'core' | 'practice';
  /** Regular expressions for spelled-out forms (行政执法公示、全过程记录…三项制度 and its variants). */
  patterns?: string[];
}

/** Confidence of a lexicon match: a fixed-name initiative is certain, a generic practice is not an initiative by name. */
export const confidenceOf = (entry: LexiconEntry) => (entry.tier === 'practice' ? 0.5 : 1);

/** The lexicon entry for a name or alias, or undefined. (Remembered: discovery asks for the same names report after report.) */
export const lexiconEntry = remembered((name: string): LexiconEntry | undefined => byKey.get(matchKey(name)));

// Every entry with the same fields in the same order (absent ones undefined): one object shape for all,
// so the code reading entries is not deoptimized and recompiled when it meets an entry with patterns.
export const INITIATIVES: LexiconEntry[] = data.initiatives.map((e) => Object.assign({ name: e.name, category: e.category, aliases: e.aliases, tier: e.tier, patterns: e.patterns }, e));

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

/** Every entry's spelled-out patterns, compiled once. */
export const PATTERNS: { re: RegExp; entry: LexiconEntry }[] = INITIATIVES.flatMap((entry) =>
  (entry.patterns ?? []).map((source) => ({ re: new RegExp(source, 'g'), entry })),
);

/** The spelled-out patterns anchored to a whole key, compiled once (not once per call). */
const WHOLE_PATTERNS: { re: RegExp; entry: LexiconEntry }[] = PATTERNS.map(({ re, entry }) => ({ re: new RegExp(`^(?:${re.source})$`), entry }));

/** Canonical name for any name, alias or spelled-out form ("三项制度" → 行政执法三项制度), or null if unknown. (Remembered: every plan item asks again.) */
export const resolveInitiativeName = remembered((name: string): string | null => {
  const key = matchKey(name);
  const exact = byKey.get(key);
  if (exact) return exact.name;
  for (const { re, entry } of WHOLE_PATTERNS) if (re.test(key)) return entry.name;
  return null;
});

/** Every (key, entry) pair, longest key first: matching prefers the longest form. */
export const FORMS: { key: string; entry: LexiconEntry }[] = [...byKey.entries()]
  .map(([key, entry]) => ({ key, entry }))
  .sort((a, b) => b.key.length - a.key.length);

/** The lexicon's forms (FORMS' keys) in one trie; the value is the form's rank in FORMS (longest first). */
export const FORM_TRIE = new Trie<number>();
FORMS.forEach(({ key }, rank) => FORM_TRIE.add(key, rank));
