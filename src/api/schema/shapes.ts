// The plain values resolvers pass around: exactly what the statements of
// cypher/ project, so no resolver re-shapes store rows.
import type { Row } from '../../store/types.js';

export interface ReportShape {
  id: string;
  title: string | null;
  year: number | null;
  issuerType: string | null;
  issuerName: string | null;
  jurisdictionKey: string | null;
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

/** Properties of a provenance-carrying relationship (MENTIONS, CITES, IDENTIFIES…). */
export interface LinkShape {
  count?: number | null;
  action?: string | null;
  starts?: number[] | null;
  ends?: number[] | null;
  sentences?: string[] | null;
  sections?: string[] | null;
  surfaces?: string[] | null;
}

/** One place in one report where a fact was read. */
export interface MentionShape {
  reportId: string;
  start: number;
  end: number;
  sentence: string;
  section: string | null;
  surface: string | null;
}

/** Expands the parallel provenance lists of a relationship into mentions. */
export function mentionsOf(reportId: string, link: LinkShape | null | undefined): MentionShape[] {
  const starts = link?.starts ?? [];
  return starts.map((start, i) => ({
    reportId,
    start,
    end: link?.ends?.[i] ?? start,
    sentence: link?.sentences?.[i] ?? '',
    section: link?.sections?.[i] || null,
    surface: link?.surfaces?.[i] ?? null,
  }));
}

export const asReport = (row: Row, column = 'report') => row[column] as ReportShape;
export const asLink = (row: Row) => (row.link ?? null) as LinkShape | null;
