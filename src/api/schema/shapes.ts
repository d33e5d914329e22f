// The plain values resolvers pass around: the rows of cypher/ statements
// (src/store/rows.ts) and the mentions read from their provenance.
import { decodeProvenance } from '../../store/provenance.js';
import type { LinkShape, ProvenanceLink } from '../../store/rows.js';

export type { InitiativeShape, JurisdictionShape, LinkShape, ProblemShape, RegulationShape, ReportShape, SecondaryShape } from '../../store/rows.js';

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
  /** The relationship's properties, its mentions as lists (decodeProvenance), and this mention's index in them. */
  link: ProvenanceLink;
  index: number;
  /** Whether the relationship type has surface forms (CITES, MENTIONS). */
  withSurface: boolean;
}

/**
 * Expands the stored provenance of a relationship into mentions.
 * `withSurface`: the relationship is a CITES or MENTIONS, whose mentions are
 * words as written (the text between start and end); other types have none.
 */
export function mentionsOf(reportId: string, link: LinkShape | null | undefined, withSurface: boolean): MentionShape[] {
  if (!link) return [];
  const decoded = decodeProvenance(link);
  const starts = decoded.starts ?? [];
  return starts.map((start, index) => ({ reportId, start, end: decoded.ends?.[index] ?? start, link: decoded, index, withSurface }));
}
