// How provenance is stored, and how it is read back.
//
// Every provenance-carrying relationship (CITES, MENTIONS, IDENTIFIES, PLANS,
// REPORTS) holds one element per mention in parallel lists (Neo4j properties
// cannot hold maps). A mention's sentence is a slice of the report's
// normalized text and its section path one of a few per report, so storing
// them as strings repeated what `Report.text` already holds: per report ~14,700
// characters of sentences and ~8,800 of section paths beside ~4,400 of text
// (a sentence with several facts was stored once per fact), and the embedded
// store keeps all of it in memory. So they are stored as:
//
//   starts, ends                  offsets of the mention in Report.text (as before)
//   sentenceStarts, sentenceEnds  offsets of its sentence in Report.text
//   sectionIndexes                index into Report.sections, the report's
//                                 heading paths (" > "-joined), stored once on
//                                 the Report node; -1: no section
//
// and `surfaces` (CITES, MENTIONS) is not stored: it was always the text
// between start and end. A relationship one of whose sentences is not a slice
// of the text (the extractor has never produced one, but it is free to) keeps
// the whole `sentences` list instead of sentenceStarts/sentenceEnds, so what
// is read back never differs from what was extracted.
//
// Data written before this model (extractor 0.3.0 and earlier: `sections` and
// `surfaces` string lists on the relationships, no Report.sections) is not
// read: refuseOldProvenance stops a command that would serve or export it and
// says how to re-extract it.
import type { Mention } from '../extract/types.js';
import { StoreError } from './errors.js';
import type { ProvenanceLink } from './rows.js';
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

/** The stored form of one relationship's mentions (see the header): offsets, or where a sentence is not a slice, the sentences. */
export type ProvenanceLists = { starts: number[]; ends: number[]; sectionIndexes: number[] } & (
  | { sentenceStarts: number[]; sentenceEnds: number[]; sentences?: undefined }
  | { sentences: string[]; sentenceStarts?: undefined; sentenceEnds?: undefined }
);

export function provenanceLists(mentions: Mention[] | undefined, text: string, sections: SectionTable): ProvenanceLists {
  const list = mentions ?? [];
  const n = list.length;
  const starts = new Array<number>(n);
  const ends = new Array<number>(n);
  const sentenceStarts = new Array<number>(n);
  const sentenceEnds = new Array<number>(n);
  const sectionIndexes = new Array<number>(n);
  let sliced = true;
  for (let i = 0; i < n; i++) {
    const m = list[i];
    const sentence = typeof m.sentence === 'string' ? m.sentence : '';
    starts[i] = m.start;
    ends[i] = m.end;
    sectionIndexes[i] = sections.indexOf(m.section);
    if (!sliced) continue;
    const at = sentenceOffset(text, sentence, m.start);
    if (at < 0) sliced = false;
    else {
      sentenceStarts[i] = at;
      sentenceEnds[i] = at + sentence.length;
    }
  }
  return sliced
    ? { starts, ends, sentenceStarts, sentenceEnds, sectionIndexes }
    : { starts, ends, sentences: list.map((m) => (typeof m.sentence === 'string' ? m.sentence : '')), sectionIndexes };
}

/**
 * The provenance of several relationships (one per row of a statement) as
 * columns: one list per property, one element per row. Statements take their
 * rows this way, as parallel lists of plain values, because Grafeo's Node
 * binding converts a JS object parameter at ~1.7 µs plus ~0.6 µs per key
 * against ~0.2 µs for a number in a list, and row objects with a nested `rel`
 * map made the parameters half of the main thread's share of a write (the
 * statements themselves run on Grafeo's threads). `sentences` is null
 * unless a row keeps its sentences as strings; such a row's sentenceStarts
 * and sentenceEnds are null (no property).
 */
export interface ProvenanceColumns {
  starts: number[][];
  ends: number[][];
  sentenceStarts: (number[] | null)[];
  sentenceEnds: (number[] | null)[];
  sectionIndexes: number[][];
  sentences: (string[] | null)[] | null;
}

export function provenanceColumns(rows: (Mention[] | undefined)[], text: string, sections: SectionTable): ProvenanceColumns {
  const out: ProvenanceColumns = { starts: [], ends: [], sentenceStarts: [], sentenceEnds: [], sectionIndexes: [], sentences: null };
  rows.forEach((mentions, k) => {
    const lists = provenanceLists(mentions, text, sections);
    out.starts.push(lists.starts);
    out.ends.push(lists.ends);
    out.sectionIndexes.push(lists.sectionIndexes);
    if (lists.sentences) {
      out.sentences ??= new Array<string[] | null>(k).fill(null);
      out.sentences.push(lists.sentences);
      out.sentenceStarts.push(null);
      out.sentenceEnds.push(null);
    } else {
      out.sentences?.push(null);
      out.sentenceStarts.push(lists.sentenceStarts);
      out.sentenceEnds.push(lists.sentenceEnds);
    }
  });
  return out;
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

/** The properties of the stored model that only serve to point into the text (the readable form replaces them). */
export const OFFSET_PROPERTIES = ['sentenceStarts', 'sentenceEnds', 'sectionIndexes'] as const;

/**
 * A relationship's properties with its provenance in readable form
 * (`sentences`, `sections`, and `surfaces` for CITES and MENTIONS) instead of
 * offsets: what viewer exports show. A relationship without offsets carries
 * no provenance (ABOUT, PART_OF…) and is returned as it is.
 */
export function readableProvenance(type: string, link: Record<string, unknown>, source: ProvenanceSource | null): Record<string, unknown> {
  const l = link as ProvenanceLink;
  const hasProvenance = OFFSET_PROPERTIES.some((p) => link[p] !== undefined && link[p] !== null);
  if (!hasProvenance) return link;
  const n = l.starts?.length ?? 0;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(link)) if (!(OFFSET_PROPERTIES as readonly string[]).includes(k)) out[k] = v;
  const withSurface = SURFACE_TYPES.has(type);
  const indexes = Array.from({ length: n }, (_v, i) => i);
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
