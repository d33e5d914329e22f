// The words a question is read with, in one trie: the graph's own names (the
// initiative lexicon with its aliases, the problem themes, the divisions of
// GB/T 2260 by full, short and common name) and the words of phrases.json
// (levels, verbs, cues, filler). A surface form can mean several things (省
// is a level and a cue of "by province"); the reader decides by context.
import { createRequire } from 'node:module';
import { divisionsByName, divisionsByShortName, type Division } from '../../extract/divisions.js';
import { INITIATIVES, matchKey } from '../../extract/lexicon.js';
import { aliasNames, placeEntry } from '../../extract/places.js';
import { Trie } from '../../extract/trie.js';

const require = createRequire(import.meta.url);

export type Level = 'PROVINCE' | 'PREFECTURE' | 'COUNTY' | 'ZONE' | 'TOWNSHIP';
export type Verb = 'mentions' | 'cites' | 'problems';
export type Cue = 'shared' | 'spread' | 'byYear' | 'byProvince' | 'together' | 'recurring' | 'widest';

/** What a word of a question can mean. */
export type Meaning =
  | { kind: 'initiative'; name: string }
  | { kind: 'theme'; theme: string }
  | { kind: 'place'; divisions: Division[]; short: boolean }
  | { kind: 'level'; level: Level }
  | { kind: 'anyLevel' }
  | { kind: 'verb'; verb: Verb }
  | { kind: 'object'; object: 'initiatives' | 'regulations' | 'problems' }
  | { kind: 'cue'; cue: Cue }
  | { kind: 'unsupported' }
  | { kind: 'filler' };

interface Phrases {
  levels: Record<Level, string[]>;
  anyLevel: string[];
  verbs: Record<Verb, string[]>;
  objects: Record<'initiatives' | 'regulations' | 'problems', string[]>;
  cues: Record<Cue, string[]>;
  unsupported: string[];
  filler: string[];
  examples: string[];
}

const phrases: Phrases = require('./phrases.json');

/** Questions it can answer, offered with a refusal. */
export const EXAMPLES: readonly string[] = phrases.examples;
const themes: { themes: { theme: string }[] } = require('../../extract/knowledge/problem-themes.json');

/** Every surface form with its meanings; the trie finds the forms, this map says what they mean. */
const meanings = new Map<string, Meaning[]>();
const trie = new Trie<string>();

function add(form: string, meaning: Meaning): void {
  const key = matchKey(form);
  if (!key) return;
  const known = meanings.get(key);
  if (known) known.push(meaning);
  else {
    meanings.set(key, [meaning]);
    trie.add(key, key);
  }
}

for (const entry of INITIATIVES) for (const form of [entry.name, ...entry.aliases]) add(form, { kind: 'initiative', name: entry.name });

// A theme by its label (执法能力不足) or by its subject when that is specific enough to stand alone
// (执法能力, 信息化水平: three characters or more); 监督 or 机制 alone say too little.
const THEME_ENDING = /(不足|不够|不强|不健全|不到位|待优化|不明显|不平衡)$/;
for (const { theme } of themes.themes) {
  add(theme, { kind: 'theme', theme });
  const subject = theme.replace(THEME_ENDING, '');
  if (subject !== theme && subject.length >= 3) add(subject, { kind: 'theme', theme });
}

for (const [name, divisions] of divisionsByName) add(name, { kind: 'place', divisions, short: false });
for (const [short, divisions] of divisionsByShortName) add(short, { kind: 'place', divisions, short: true });
for (const name of aliasNames()) {
  const entry = placeEntry(name);
  if (entry) add(name, { kind: 'place', divisions: entry.divisions, short: false });
}

for (const [level, words] of Object.entries(phrases.levels)) for (const w of words) add(w, { kind: 'level', level: level as Level });
for (const w of phrases.anyLevel) add(w, { kind: 'anyLevel' });
for (const [verb, words] of Object.entries(phrases.verbs)) for (const w of words) add(w, { kind: 'verb', verb: verb as Verb });
for (const [object, words] of Object.entries(phrases.objects))
  for (const w of words) add(w, { kind: 'object', object: object as 'initiatives' | 'regulations' | 'problems' });
for (const [cue, words] of Object.entries(phrases.cues)) for (const w of words) add(w, { kind: 'cue', cue: cue as Cue });
for (const w of phrases.unsupported) add(w, { kind: 'unsupported' });
for (const w of phrases.filler) add(w, { kind: 'filler' });

/** The longest known form starting at text[at], with its meanings; null when none starts there. */
export function wordAt(text: string, at: number): { length: number; meanings: Meaning[] } | null {
  let best = 0;
  let key = '';
  trie.eachAt(text, at, (length, value) => {
    if (length > best) {
      best = length;
      key = value;
    }
  });
  return best ? { length: best, meanings: meanings.get(key) ?? [] } : null;
}
