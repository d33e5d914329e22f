// How provenance is stored, and how it is read back.
//
// Every provenance-carrying relationship (CITES, MENTIONS, IDENTIFIES, PLANS,
// REPORTS) points into its report: a mention's words, its sentence (a slice
// of the report's normalized text) and its section path (one of a few per
// report, stored once on the Report node as `Report.sections`, the heading
// paths " > "-joined). Per mention it holds five integers:
//
//   start, end                    offsets of the mention in Report.text
//   sentenceStart, sentenceEnd    offsets of its sentence in Report.text
//   sectionIndex                  index into Report.sections; -1: no section
//
// all in one string property, `provenance`: "start,end,sentenceStart,
// sentenceEnd,sectionIndex" per mention, mentions joined by ";" (an empty
// string: no mention). One string, not a list per field, because the
// embedded engine keeps the graph in memory and a list costs ~50 bytes an
// element where a string costs ~70 bytes in all (100,000 relationships
// each way): five lists on a report's ~115 relationships, ~2 mentions each,
// were a third of the store's memory. The mention's words (CITES, MENTIONS)
// are the text between start and end, so they are not stored. A
// relationship one of whose sentences is not a slice of the text (the
// extractor has never produced one, but it is free to) leaves its sentence
// offsets empty ("5,9,,,0") and keeps the `sentences` list, so what is read
// back never differs from what was extracted.
//
// Readers take the decoded form (ProvenanceLink: parallel lists) from
// decodeProvenance, which also reads the form written before the string:
// the same five values as lists `starts`, `ends`, `sentenceStarts`,
// `sentenceEnds`, `sectionIndexes`. Data written before offsets (extractor
// 0.3.0 and earlier: `sections` and `surfaces` string lists on the
// relationships, no Report.sections) is not read: refuseOldProvenance stops
// a command that would serve or export it and says how to re-extract it.
import type { Mention } from '../extract/types.js';
import { StoreError } from './errors.js';
import type { ProvenanceLink, StoredLink } from './rows.js';
import type { GraphStore } from './types.js';

/** What the stored offsets point into: a report's text and its heading paths (Report.text, Report.sections). */
export interface ProvenanceSource {
  text: string;
  sections: string[] | null;
}

/** The source of a row of report_texts_by_ids (id, text, sections). */
export function provenanceSourceOf(row: Record<string, unknown>): ProvenanceSource {
  return { text: String(row.text ?? ''), sections: Array.isArray(row.sections) ? (row.sections as string[]) : null };
}

/** The heading paths of one report, each stored once: Report.sections. */
export class SectionTable {
  readonly paths: string[] = [];
  private readonly index = new Map<string, number>();

  indexOf(path: string[] | undefined): number {
    if (!path?.length) return -1;
    const joined = path.join(' > ');
    if (joined === '') return -1;
    let i = this.index.get(joined);
    if (i === undefined) {
      i = this.paths.length;
      this.paths.push(joined);
      this.index.set(joined, i);
    }
    return i;
  }
}

/**
 * Where `sentence` stands in `text` around a mention at `start`: the nearest
 * occurrence that begins at or before the mention (the one that contains it),
 * else any occurrence, else -1 (not a slice: the caller keeps the string).
 * Any occurrence slices back to the same string, which is all that matters.
 */
export function sentenceOffset(text: string, sentence: string, start: number): number {
  const before = text.lastIndexOf(sentence, Math.max(0, start));
  return before >= 0 ? before : text.indexOf(sentence);
}

/**
 * The stored form of one relationship's mentions (see the header): the
 * `provenance` string, and the sentences themselves (`sentences`) only when
 * one of them is not a slice of the text (else null: no property).
 */
export interface StoredProvenance {
  provenance: string;
  sentences: string[] | null;
}

export function encodeProvenance(mentions: Mention[] | undefined, text: string, sections: SectionTable): StoredProvenance {
  const list = mentions ?? [];
  const sentenceAt = new Array<number>(list.length);
  let sliced = true;
  for (let i = 0; i < list.length && sliced; i++) {
    const m = list[i];
    sentenceAt[i] = sentenceOffset(text, typeof m.sentence === 'string' ? m.sentence : '', m.start);
    sliced = sentenceAt[i] >= 0;
  }
  const groups = list.map((m, i) => {
    const sentence = sliced ? `${sentenceAt[i]},${sentenceAt[i] + (typeof m.sentence === 'string' ? m.sentence.length : 0)}` : ',';
    return `${m.start},${m.end},${sentence},${sections.indexOf(m.section)}`;
  });
  return {
    provenance: groups.join(';'),
    sentences: sliced ? null : list.map((m) => (typeof m.sentence === 'string' ? m.sentence : '')),
  };
}

/**
 * The provenance of several relationships (one per row of a statement) as
 * columns: one list per property, one element per row. Statements take their
 * rows this way, as parallel lists of plain values, because Grafeo's Node
 * binding converts a JS object parameter at ~1.7 µs plus ~0.6 µs per key
 * against ~0.2 µs for a plain value in a list, and row objects with a nested
 * `rel` map made the parameters half of the main thread's share of a write
 * (the statements themselves run on Grafeo's threads). `sentences` is null
 * unless a row keeps its sentences as strings.
 */
export interface ProvenanceColumns {
  provenance: string[];
  sentences: (string[] | null)[] | null;
}

export function provenanceColumns(rows: (Mention[] | undefined)[], text: string, sections: SectionTable): ProvenanceColumns {
  const out: ProvenanceColumns = { provenance: [], sentences: null };
  rows.forEach((mentions, k) => {
    const stored = encodeProvenance(mentions, text, sections);
    out.provenance.push(stored.provenance);
    if (stored.sentences) {
      out.sentences ??= new Array<string[] | null>(k).fill(null);
      out.sentences.push(stored.sentences);
    } else out.sentences?.push(null);
  });
  return out;
}

/** A field of the stored string: a number, or null where it is empty (a sentence kept as a string). */
const field = (value: string | undefined): number | null => (value === undefined || value === '' ? null : Number(value));

/**
 * A relationship's properties as read (any stored form: the `provenance`
 * string, or the lists written before it) with its mentions as parallel
 * lists, the form every reader takes. The type's own properties (count,
 * action, value…) are kept; `provenance` is not. A link without either form
 * (no provenance: ABOUT, PART_OF…) is returned as it is.
 */
export function decodeProvenance<L extends StoredLink>(link: L): Omit<L, 'provenance'> & ProvenanceLink {
  const stored = link.provenance;
  if (typeof stored !== 'string') return link;
  const { provenance: _stored, ...rest } = link;
  const starts: number[] = [];
  const ends: number[] = [];
  const sentenceStarts: number[] = [];
  const sentenceEnds: number[] = [];
  const sectionIndexes: number[] = [];
  let offsets = true;
  if (stored !== '') {
    for (const group of stored.split(';')) {
      const [start, end, sentenceStart, sentenceEnd, section] = group.split(',');
      starts.push(field(start) ?? 0);
      ends.push(field(end) ?? 0);
      const from = field(sentenceStart);
      const to = field(sentenceEnd);
      if (from === null || to === null) offsets = false;
      else {
        sentenceStarts.push(from);
        sentenceEnds.push(to);
      }
      sectionIndexes.push(field(section) ?? -1);
    }
  }
  return offsets ? { ...rest, starts, ends, sentenceStarts, sentenceEnds, sectionIndexes } : { ...rest, starts, ends, sectionIndexes };
}

/**
 * Indexes of a link's mentions whose start lies inside none of the mentions
 * of `around` (links of the same report, e.g. its plan items), or null when
 * the link has no offsets to tell (every mention counts).
 */
export function mentionsOutside(link: StoredLink, around: StoredLink[]): number[] | null {
  const starts = decodeProvenance(link).starts;
  if (!starts) return null;
  const spans = around.map((a) => decodeProvenance(a));
  return starts.flatMap((start, k) => (spans.some((s) => (s.starts ?? []).some((from, j) => from <= start && start < (s.ends?.[j] ?? from))) ? [] : [k]));
}

/** The i-th mention's sentence as extracted: the stored string, or the slice of the text. */
export function sentenceOf(link: ProvenanceLink | null | undefined, i: number, source: ProvenanceSource | null): string {
  const stored = link?.sentences?.[i];
  if (stored !== undefined && stored !== null) return stored;
  const from = link?.sentenceStarts?.[i];
  const to = link?.sentenceEnds?.[i];
  if (source && typeof from === 'number' && typeof to === 'number') return source.text.slice(from, to);
  return '';
}

/** The i-th mention's heading path, " > "-joined, or null when it sits in no section. */
export function sectionOf(link: ProvenanceLink | null | undefined, i: number, source: ProvenanceSource | null): string | null {
  const index = link?.sectionIndexes?.[i];
  if (typeof index !== 'number' || index < 0) return null;
  return source?.sections?.[index] || null;
}

/** The i-th mention's words as written (CITES and MENTIONS only: `withSurface`), else null. */
export function surfaceOf(link: ProvenanceLink | null | undefined, i: number, source: ProvenanceSource | null, withSurface: boolean): string | null {
  if (!withSurface || !source) return null;
  const start = link?.starts?.[i];
  if (typeof start !== 'number') return null;
  return source.text.slice(start, link?.ends?.[i] ?? start);
}

/** The relationship types whose mentions have a surface form (the words of the initiative or title as written). */
export const SURFACE_TYPES: ReadonlySet<string> = new Set(['CITES', 'MENTIONS']);

/** The stored properties that only serve to point into the text (either stored form): the readable form replaces them. */
export const OFFSET_PROPERTIES = ['provenance', 'sentenceStarts', 'sentenceEnds', 'sectionIndexes'] as const;

/** Whether a relationship's stored properties carry provenance (either stored form). */
export function hasProvenance(link: Record<string, unknown>): boolean {
  return OFFSET_PROPERTIES.some((p) => link[p] !== undefined && link[p] !== null);
}

/**
 * A relationship's properties with its provenance in readable form
 * (`starts`, `ends`, `sentences`, `sections`, and `surfaces` for CITES and
 * MENTIONS) instead of the stored form: what viewer exports show. A
 * relationship without provenance (ABOUT, PART_OF…) is returned as it is.
 */
export function readableProvenance(type: string, link: Record<string, unknown>, source: ProvenanceSource | null): Record<string, unknown> {
  if (!hasProvenance(link)) return link;
  const l = decodeProvenance(link as StoredLink);
  const n = l.starts?.length ?? 0;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(l)) if (!(OFFSET_PROPERTIES as readonly string[]).includes(k)) out[k] = v;
  const withSurface = SURFACE_TYPES.has(type);
  const indexes = Array.from({ length: n }, (_v, i) => i);
  out.starts = l.starts ?? [];
  out.ends = l.ends ?? [];
  out.sentences = indexes.map((i) => sentenceOf(l, i, source));
  out.sections = indexes.map((i) => sectionOf(l, i, source) ?? '');
  if (withSurface) out.surfaces = indexes.map((i) => surfaceOf(l, i, source, true) ?? '');
  return out;
}

/** How many reports in the old storage form a refusal counts before it says "at least". */
const OLD_FORM_SCAN = 1000;

/**
 * Refuses a store that still holds reports in the storage form written
 * before offsets (see the header), saying how to re-extract them: every such
 * report was stored by extractor 0.3.0 or earlier, and `govgraph ingest`
 * replaces a report stored by another extractor version, as it does after
 * any extractor change. `where` names the store ("embedded store in ./data").
 */
export async function refuseOldProvenance(store: Pick<GraphStore, 'run'>, where: string): Promise<void> {
  const rows = await store.run('reports_old_provenance', { limit: OLD_FORM_SCAN });
  if (!rows.length) return;
  const count = rows.length >= OLD_FORM_SCAN ? `at least ${OLD_FORM_SCAN}` : String(rows.length);
  const files = rows.slice(0, 5).map((r) => (typeof r.file === 'string' && r.file ? r.file : `report ${String(r.id)}`));
  const more = rows.length > files.length ? ', …' : '';
  throw new StoreError(
    `the ${where} holds ${count} report(s) stored by extractor 0.3.0 or earlier, in a form of provenance this version no longer reads ` +
      `(${files.join(', ')}${more}); re-extract them with "govgraph ingest PATH..." on their files ` +
      '(a report stored by another extractor version is replaced), or start from an empty store',
  );
}
