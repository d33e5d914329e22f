// Counts of fixed words in a report, all found in one pass over the text.
//
// The jurisdiction and the issuer are decided from how often words occur: the
// GB/T 2260 names and short names (德阳市, 德阳, 《德阳), 我区 and 全区, the
// provincial markers, the voices of a department (我局) and of a government
// (我县), the departments' names and remit words. Counting each with its own
// indexOf scan of the text took some sixty scans per report; here every word
// any of them may ask for is a key of one trie, walked once.
//
// A count is what repeated indexOf finds: non-overlapping occurrences of that
// word, each search resuming after the previous one (occurrences of different
// words may overlap). A word nobody registered is counted by indexOf on demand,
// with the same result.
//
// The same pass also yields divisionNamesIn(text): the longest full division
// name at each position, skipping past each (the division names are keys of
// this trie, flagged).
import { divisionsByName, shortName } from './divisions.js';
import { codesOf } from './scan.js';
import { holdsIgnorable, type Stripped } from './stripped.js';
import { Trie, type Matches } from './trie.js';

const trie = new Trie<number>();
/** Word by id, and id by word. */
const words: string[] = [];
const ids = new Map<string, number>();
/** 1 for the ids of full division names. */
let isDivision = new Uint8Array(0);

/** False once a registered word holds an IGNORABLE character: the census then walks the real text, not the stripped one. */
let walksStripped = true;

function idOf(word: string): number {
  let id = ids.get(word);
  if (id === undefined) {
    id = words.length;
    words.push(word);
    ids.set(word, id);
    trie.add(word, id);
    if (holdsIgnorable(word)) walksStripped = false;
  }
  return id;
}

/** The id of a registered word (the value of its occurrences in WordCensus.walk), or undefined. */
export function wordIdOf(word: string): number | undefined {
  return ids.get(word);
}

/** Makes words countable by the census (at module load; empty words are ignored: indexOf counts them as 0 here too). */
export function registerWords(list: Iterable<string>): void {
  for (const w of list) if (w) idOf(w);
}

/** For each word id, bit k set when the word is in group k of markers (a word may be in several). */
let markerGroupsOf: Int32Array = new Int32Array(0);
const markerGroups: string[][] = [];

/**
 * Registers a group of words whose start positions the census collects (at
 * module load): census.markersAt(group) lists the offsets where some word of
 * the group starts, as the group's own trie would find them — one pass over
 * the text for the census and for them.
 */
export function registerMarkers(group: string[]): number {
  if (markerGroups.length === 31) throw new Error('registerMarkers: at most 31 groups');
  markerGroups.push(group.filter((w) => w));
  registerWords(group);
  markerGroupsOf = new Int32Array(words.length);
  markerGroups.forEach((g, k) => {
    for (const w of g) markerGroupsOf[ids.get(w)!] |= 1 << k;
  });
  return markerGroups.length - 1;
}

{
  const divisionIds: number[] = [];
  for (const name of divisionsByName.keys()) {
    divisionIds.push(idOf(name));
    const short = shortName(name);
    registerWords([`《${name}`, ...(short ? [short, `《${short}`] : [])]);
  }
  isDivision = new Uint8Array(words.length);
  for (const id of divisionIds) isDivision[id] = 1;
}

// Scratch counts by word id, reused from text to text (extraction is synchronous): only the ids a text
// touched are read out and reset, instead of allocating and zeroing arrays of every word per report.
let counts = new Int32Array(0);
let resume = new Int32Array(0);

function countIn(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

const countName = (names: Map<string, number>, name: string) => names.set(name, (names.get(name) ?? 0) + 1);

/**
 * The counts of the words a text holds, by word id: an open-addressing hash
 * table in one array of small integers (slot h is id + 1, 0 when empty, then
 * the count; a plain array, allocated in the heap, where a typed array of a
 * few KiB would have its memory allocated apart and freed by the collector),
 * filled once by the census and then only read. A Map grown one set at a time
 * took a tenth of the census's time, for the hundred or so words of a report.
 */
class Counts {
  private readonly slots: number[];
  private readonly mask: number;
  constructor(ids: readonly number[], counts: Int32Array) {
    let size = 8;
    while (size < 2 * ids.length) size <<= 1; // at most half the slots taken
    this.slots = new Array<number>(2 * size).fill(0);
    this.mask = size - 1;
    for (const id of ids) {
      let h = Math.imul(id, 0x9e3779b1) >>> 0;
      for (h &= this.mask; this.slots[2 * h] !== 0; h = (h + 1) & this.mask);
      this.slots[2 * h] = id + 1;
      this.slots[2 * h + 1] = counts[id];
    }
  }
  /** The count of word `id`, 0 for a word the text does not hold. */
  get(id: number): number {
    const slots = this.slots;
    for (let h = (Math.imul(id, 0x9e3779b1) >>> 0) & this.mask; slots[2 * h] !== 0; h = (h + 1) & this.mask)
      if (slots[2 * h] === id + 1) return slots[2 * h + 1];
    return 0;
  }
}

export class WordCensus {
  /** Count by word id, for the registered words that occur. */
  private readonly found: Counts;
  /** Counts of unregistered words, by indexOf. */
  private readonly extra = new Map<string, number>();
  /** Words with an id below this were keys of the trie when the text was walked (later ones are counted by indexOf). */
  private readonly known = words.length;
  /** Every full division name in the text with its number of occurrences (longest match at each position, skipping past it), in order of first occurrence. */
  readonly divisionNames = new Map<string, number>();
  /** The start offsets of each group of markers (registerMarkers), in increasing order. */
  private readonly markers: number[][] = markerGroups.map(() => []);

  /**
   * Every occurrence of every registered word in the stripped text, in its
   * offsets (at[k], length[k], value[k]: the word's id), when the census
   * walked it; else null. Other stages read their words' occurrences here
   * (the initiatives, the lexicon's forms) instead of walking the text again.
   */
  readonly walk: Matches<number> | null = null;
  /** The stripped text walked, or null. */
  readonly walked: Stripped | null = null;

  /**
   * codes: the text's code units (codesOf), when the caller has them already;
   * stripped: the text without its IGNORABLE characters, to walk instead of the
   * text (a word holds none of them: an occurrence in the text is one in the
   * stripped text that no removed character interrupts).
   */
  constructor(
    private readonly text: string,
    codes: Uint16Array = codesOf(text),
    stripped?: Stripped,
  ) {
    if (counts.length < words.length) {
      counts = new Int32Array(words.length);
      resume = new Int32Array(words.length);
    }
    const touched: number[] = [];
    // the pending longest division name (visits at one position come shortest first)
    let pendingAt = -1;
    let pendingLength = 0;
    const divisionNames = this.divisionNames;
    const walked = stripped && walksStripped ? stripped : null;
    const found = trie.matchesIn(walked ? walked.codes : codes);
    if (walked) {
      this.walk = found;
      this.walked = walked;
    }
    // (the removed characters up to an occurrence's start, by a cursor: the occurrences come in order of start)
    const removed = walked ? walked.keptBefore : [];
    let before = 0;
    for (let k = 0; k < found.at.length; k++) {
      const length = found.length[k];
      const id = found.value[k];
      // stripped offset s is real offset s + (removed characters with at most s kept ones before them);
      // one of them kept after s and before s + length - 1 interrupts the occurrence in the text
      const s = found.at[k];
      while (before < removed.length && removed[before] <= s) before++;
      if (before < removed.length && removed[before] < s + length) continue;
      const at = s + before;
      if (at >= resume[id]) {
        if (counts[id]++ === 0) touched.push(id);
        resume[id] = at + length;
      }
      for (let groups = id < markerGroupsOf.length ? markerGroupsOf[id] : 0; groups !== 0; groups &= groups - 1) {
        const list = this.markers[31 - Math.clz32(groups & -groups)];
        if (list[list.length - 1] !== at) list.push(at);
      }
      if (isDivision[id] !== 1 || length < 2) continue;
      if (at !== pendingAt) {
        if (pendingAt >= 0 && at < pendingAt + pendingLength) continue; // inside the pending name: skipped
        if (pendingAt >= 0) countName(divisionNames, text.slice(pendingAt, pendingAt + pendingLength));
        pendingAt = at;
      }
      pendingLength = length;
    }
    if (pendingAt >= 0) countName(divisionNames, text.slice(pendingAt, pendingAt + pendingLength));
    this.found = new Counts(touched, counts);
    for (const id of touched) {
      counts[id] = 0;
      resume[id] = 0;
    }
  }

  /**
   * Where the words of a group of markers start (registerMarkers): increasing
   * offsets, each once; undefined for a group registered after this census was
   * taken (the caller then finds them itself).
   */
  markersAt(group: number): number[] | undefined {
    return this.markers[group];
  }

  /** Non-overlapping occurrences of word in the text, as repeated indexOf counts them. */
  count(word: string): number {
    const id = ids.get(word);
    if (id !== undefined && id < this.known) return this.found.get(id);
    if (!word) return 0;
    let n = this.extra.get(word);
    if (n === undefined) {
      n = countIn(this.text, word);
      this.extra.set(word, n);
    }
    return n;
  }
}
