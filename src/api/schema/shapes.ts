// The plain values resolvers pass around: exactly what the statements of
// cypher/ project, so no resolver re-shapes store rows.
import type { ProvenanceLink } from '../../store/provenance.js';
import type { Row } from '../../store/types.js';

export interface ReportShape {
  id: string;
  title: string | null;
  year: number | null;
  issuerType: string | null;
  issuerName: string | null;
  jurisdictionKey: string | null;
  jurisdictionConfidence?: number | null;
  jurisdictionBasis?: string | null;
  file: string | null;
  sourceUrl: string | null;
  published: string | null;
  extractorVersion: string | null;
  ingestedAt: string | null;
}

export interface JurisdictionShape {
  key: string;
  code: string | null;
  name: string;
  fullName: string;
  level: string | null;
  province: string | null;
  prefecture: string | null;
}

export interface InitiativeShape {
  name: string;
  aliases: string[] | null;
  category: string | null;
  discovered: boolean | null;
}

export interface RegulationShape {
  title: string;
  aliases: string[] | null;
  kind: string | null;
  scope: string | null;
}

export interface ProblemShape {
  id: string;
  text: string;
  theme: string | null;
  reportId: string;
}

/** A node of a label without query fields of its own (Organization, Plan, Indicator, ProblemTheme): its key and stored properties. */
export interface SecondaryShape {
  key: string;
  properties: Record<string, unknown>;
}

/** Properties of a provenance-carrying relationship (MENTIONS, CITES, IDENTIFIES…), in the stored model of src/store/provenance.ts. */
export type LinkShape = ProvenanceLink;

/**
 * One place in one report where a fact was read. The sentence, section and
 * surface are read from the relationship's offsets into the report's text
 * and heading paths, which the Mention fields load (batched per request)
 * only when they are asked for.
 */
export interface MentionShape {
  reportId: string;
  start: number;
  end: number;
  /** The relationship's properties and this mention's index in its lists. */
  link: LinkShape;
  index: number;
  /** Whether the relationship type has surface forms (CITES, MENTIONS). */
  withSurface: boolean;
}

/**
 * Expands the parallel provenance lists of a relationship into mentions.
 * `withSurface`: the relationship is a CITES or MENTIONS, whose mentions are
 * words as written (the text between start and end); other types have none.
 */
export function mentionsOf(reportId: string, link: LinkShape | null | undefined, withSurface: boolean): MentionShape[] {
  if (!link) return [];
  const starts = link.starts ?? [];
  return starts.map((start, index) => ({ reportId, start, end: link.ends?.[index] ?? start, link, index, withSurface }));
}

export const asReport = (row: Row, column = 'report') => row[column] as ReportShape;
export const asLink = (row: Row) => (row.link ?? null) as LinkShape | null;
