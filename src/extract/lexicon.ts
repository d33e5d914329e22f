// The curated initiative lexicon (knowledge/initiatives.json), indexed for
// alias-aware lookup. Lookups ignore quotation marks and spaces, so
// “八五”普法, 八五普法 and "八五" 普法 are one key.
import { createRequire } from 'node:module';
import { registerWords, wordIdOf } from './census.js';
import { remembered } from './scan.js';
import { IGNORABLE } from './stripped.js';
import { Trie } from './trie.js';

const require = createRequire(import.meta.url);
const data: { initiatives: LexiconEntry[]; notBeforeEndings: Record<string, string[]>; notBeforeAny: string[] } = require('./knowledge/initiatives.json');

export interface LexiconEntry {
  name: string;
  category: string;
  aliases: string[];
  /** 'practice': a generic practice or concept (合法性审查, 营商环境), found but with low confidence. */
  tier?: 'core' | 'practice';
  /** Regular expressions for spelled-out forms (行政执法公示、全过程记录…三项制度 and its variants). */
  patterns?: string[];
  /**
   * For a short alias that is also a common phrase: what, written right after it, makes it something
   * else (领导干部学法 → 领导干部学法、懂法 is a verb series, 领导干部学法清单 another system).
   */
  notBefore?: Record<string, string[]>;
}

/** Confidence of a lexicon match: a fixed-name initiative is certain, a generic practice is not an initiative by name. */
export const confidenceOf = (entry: LexiconEntry) => (entry.tier === 'practice' ? 0.5 : 1);

/** The lexicon entry for a name or alias, or undefined. (Remembered: discovery asks for the same names report after report.) */
export const lexiconEntry = remembered((name: string): LexiconEntry | undefined => byKey.get(matchKey(name)));

// Every entry with the same fields in the same order (absent ones undefined): one object shape for all,
// so the code reading entries is not deoptimized and recompiled when it meets an entry with patterns.
export const INITIATIVES: LexiconEntry[] = data.initiatives.map((e) =>
  Object.assign({ name: e.name, category: e.category, aliases: e.aliases, tier: e.tier, patterns: e.patterns, notBefore: e.notBefore }, e),
);

export { IGNORABLE };
export const matchKey = (s: string) => s.replace(IGNORABLE, '');

const byKey = new Map<string, LexiconEntry>();
for (const entry of INITIATIVES) {
  // a pattern that spells out a few strings is matched as those strings (spelledOut, below)
  const spelled = (entry.patterns ?? []).flatMap((source) => spelledOut(source) ?? []);
  for (const form of [entry.name, ...entry.aliases, ...spelled]) {
    const key = matchKey(form);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
}

/**
 * The strings a pattern stands for, when they are few: a pattern made of
 * literals, classes ([、,]), groups of alternatives ((?:会前|集中)) and the
 * quantifiers ? and {m,n} spells out a finite set of names, which are matched
 * as aliases in the trie's one pass instead of a regular expression's own pass
 * over the text. null for anything else (a negated class, an unbounded or lazy
 * quantifier) or more than `limit` strings.
 */
export function spelledOut(source: string, limit = 512): string[] | null {
  let at = 0;
  const fail = (): never => {
    throw new Error('not finite');
  };
  const sequence = (): string[] => {
    let forms = [''];
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      let atom: string[];
      const c = source[at];
      if (c === '(') {
        if (!source.startsWith('(?:', at)) fail();
        at += 3;
        atom = alternatives();
        if (source[at++] !== ')') fail();
      } else if (c === '[') {
        const close = source.indexOf(']', at);
        if (close < 0 || source[at + 1] === '^' || /[-\\]/.test(source.slice(at + 1, close))) fail();
        atom = [...source.slice(at + 1, close)];
        at = close + 1;
      } else if (c === '\\') {
        if (!/[()[\]{}?*+.|\\^$]/.test(source[at + 1] ?? '')) fail();
        atom = [source[at + 1]];
        at += 2;
      } else if ('.*+^$'.includes(c) || c === '?' || c === '{') fail();
      else {
        atom = [c];
        at++;
      }
      let [min, max] = [1, 1];
      if (source[at] === '?') [min, max, at] = [0, 1, at + 1];
      else if (source[at] === '{') {
        const m = /^\{(\d+),(\d+)\}/.exec(source.slice(at)) ?? fail();
        [min, max, at] = [Number(m[1]), Number(m[2]), at + m[0].length];
      }
      if (source[at] === '?' || source[at] === '+' || source[at] === '*') fail();
      // atom repeated min..max times
      const repeated: string[] = [];
      let power = [''];
      for (let k = 0; k <= max; k++) {
        if (k >= min) repeated.push(...power);
        if (k < max) power = power.flatMap((p) => atom.map((a) => p + a));
        if (repeated.length + power.length > limit) fail();
      }
      forms = forms.flatMap((f) => repeated.map((r) => f + r));
      if (forms.length > limit) fail();
    }
    return forms;
  };
  const alternatives = (): string[] => {
    const forms = sequence();
    while (source[at] === '|') {
      at++;
      forms.push(...sequence());
    }
    return forms;
  };
  try {
    const forms = alternatives();
    return at === source.length ? [...new Set(forms)] : null;
  } catch {
    return null;
  }
}

/**
 * For each entry, the index in INITIATIVES of the first entry with its name:
 * findings are gathered by name, and this number stands for the name in an
 * array lookup (the names are distinct; two entries of one name would share it).
 */
const NAME_INDEX: Map<LexiconEntry, number> = (() => {
  const first = new Map<string, number>();
  INITIATIVES.forEach((e, i) => {
    if (!first.has(e.name)) first.set(e.name, i);
  });
  return new Map(INITIATIVES.map((e) => [e, first.get(e.name)!]));
})();

/** The spelled-out patterns that stand for too many strings to list (or for unboundedly many), compiled once. */
export const PATTERNS: { re: RegExp; entry: LexiconEntry; nameIndex: number }[] = INITIATIVES.flatMap((entry) =>
  (entry.patterns ?? []).filter((source) => !spelledOut(source)).map((source) => ({ re: new RegExp(source, 'g'), entry, nameIndex: NAME_INDEX.get(entry)! })),
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

/** The length and the entry of each form, by rank, in flat arrays: read for every occurrence found (not a FORMS object each). */
export const FORM_LENGTHS = Int32Array.from(FORMS, ({ key }) => key.length);
export const FORM_ENTRIES: LexiconEntry[] = FORMS.map(({ entry }) => entry);
/** The NAME_INDEX of each form's entry, by rank. */
export const FORM_NAME_INDEX = Int32Array.from(FORMS, ({ entry }) => NAME_INDEX.get(entry)!);
/** What may not follow each form (its entry's notBefore for that alias, the lexicon's notBeforeEndings and notBeforeAny, as match keys), or null. */
export const FORM_NOT_BEFORE: (string[] | null)[] = FORMS.map(({ key, entry }) => {
  const own = Object.entries(entry.notBefore ?? {}).find(([alias]) => matchKey(alias) === key)?.[1] ?? [];
  // and what may not follow any form with its ending (制度化: 学法用法制度化 is not 学法用法制度)
  const byEnding = Object.entries(data.notBeforeEndings).flatMap(([ending, words]) => (key.endsWith(ending) ? words : []));
  // and what may not follow any form (示范创建领导小组 is a body)
  const list = [...own, ...byEnding, ...data.notBeforeAny];
  return list.length ? list.map(matchKey) : null;
});

// The forms are words of the census too: its one walk of the stripped text finds them with its own words.
registerWords(FORMS.map(({ key }) => key));
// (the forms' ids are a run at the end of the census's words, unless a form was a word already: the table
// of ranks starts at the least of them, and most of the census's occurrences need no read of it)
/** The least census word id of a form. */
export const FIRST_FORM_WORD = Math.min(...FORMS.map(({ key }) => wordIdOf(key)!));
/** The rank in FORMS of the form that is census word id FIRST_FORM_WORD + k, or -1 (past the end: no form). */
export const FORM_RANK_OF_WORD = new Int32Array(Math.max(...FORMS.map(({ key }) => wordIdOf(key)!)) + 1 - FIRST_FORM_WORD).fill(-1);
FORMS.forEach(({ key }, rank) => {
  FORM_RANK_OF_WORD[wordIdOf(key)! - FIRST_FORM_WORD] = rank;
});

/** The lexicon's forms (FORMS' keys) in one trie; the value is the form's rank in FORMS (longest first). */
export const FORM_TRIE = new Trie<number>();
FORMS.forEach(({ key }, rank) => {
  FORM_TRIE.add(key, rank);
});
