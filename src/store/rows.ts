// The values the statements of cypher/ project, named so that their headers
// can declare them (`// @returns report ReportShape`) and the typed catalogue
// (src/store/catalogue.ts) hands them to the resolvers as they are.

/** A row of a statement's result: only scalars, lists and maps (statements project, never return raw nodes). */
export type Row = Record<string, unknown>;

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

/**
 * The properties of a provenance-carrying relationship (plus the type's own:
 * count, action, value…) with its mentions as parallel lists, one element
 * per mention: the form readers take (decodeProvenance, src/store/provenance.ts).
 */
export interface ProvenanceLink {
  count?: number | null;
  action?: string | null;
  starts?: number[] | null;
  ends?: number[] | null;
  sentenceStarts?: number[] | null;
  sentenceEnds?: number[] | null;
  sectionIndexes?: number[] | null;
  /** Only on a relationship with a sentence that is not a slice of the text. */
  sentences?: string[] | null;
}

/**
 * The same relationship as stored: the mentions in the `provenance` string
 * (src/store/provenance.ts), or, written before it, in the lists themselves.
 */
export type StoredLink = ProvenanceLink & { provenance?: string | null };

/** Properties of a provenance-carrying relationship (MENTIONS, CITES, IDENTIFIES…) as a statement returns them. */
export type LinkShape = StoredLink;

/** Properties of a REPORTS relationship: provenance, and the metric's value as read. */
export type MetricLink = LinkShape & { value?: number; unit?: string | null; surface?: string; qualifier?: string | null };

/** One report of report_create's `reports`: the report node's properties and its place (write-plan.ts). */
export interface ReportCreateRow {
  props: Record<string, unknown>;
  jurisdictions: ReadonlyArray<{ key: string; props: JurisdictionShape }>;
  links: ReadonlyArray<{ child: string; parent: string }>;
  jurisdictionKey: string | null;
  org: { key: string; name: string; type: string } | null;
}
