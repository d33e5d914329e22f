// The value the extract stage hands to the store stage: a plain, I/O-free
// description of one report and everything found in it. Field names follow the
// JSON contract of DESIGN.md ("govgraph extract" prints this minus `text`).

/** Where a fact was read: character offsets into the report's normalized text. */
export interface Mention {
  start: number;
  end: number;
  /** The sentence containing the mention, as it stands in the normalized text. */
  sentence: string;
  /** Heading path of the section the sentence sits in, outermost first. */
  section?: string[];
}

/**
 * province: 省, 自治区, 直辖市; prefecture: 地级市, 自治州, 地区, 盟; county: 市辖区, 县,
 * 县级市, 自治县, 旗; zone: development zones and new areas outside GB/T 2260
 * (经济技术开发区, 高新区, 新区); township: 镇, 乡, 街道.
 */
export type JurisdictionLevel = 'province' | 'prefecture' | 'county' | 'zone' | 'township';

export interface JurisdictionFact {
  /** Short name as the text uses it: 罗江区, 沅江市, 清远市. */
  name: string;
  /** Province + prefecture + self: 四川省德阳市罗江区. */
  fullName: string;
  province: string | null;
  prefecture: string | null;
  level: JurisdictionLevel | null;
  /** 6-digit GB/T 2260 code, only when certain (never for zones and townships, which have none). */
  adminCode: string | null;
  /** A zone's or township's administering division (its prefecture or county), by name; null otherwise. */
  parent?: string | null;
  /** The GB/T 2260 code of that administering division, when it is one: the store links the zone or township under it. */
  parentCode?: string | null;
  /** How sure the reading is, 0..1: the title or the issuing government naming one place is near 1. */
  confidence?: number;
  /** What decided it, in words: "the title names 海东市", "我县 and 金平县 named 9 times". */
  basis?: string;
}

export interface IssuerFact {
  type: 'government' | 'department';
  name: string;
  /** true when the report never names its issuer and the name was inferred (from the department's remit). */
  inferred?: boolean;
}

export type RegulationKind = 'law' | 'administrative_regulation' | 'local_regulation' | 'rule' | 'party_document' | 'plan' | 'normative_document' | 'other';
export type RegulationScope = 'national' | 'provincial' | 'local';
export type CitationAction = 'issued' | 'revised' | 'implemented' | 'studied' | 'referenced';

export interface RegulationFact {
  /** Canonical title: the key under which variants of one title meet. */
  title: string;
  /** Every distinct form found between 《 and 》. */
  surface: string[];
  kind: RegulationKind;
  scope: RegulationScope | null;
  action: CitationAction;
  count: number;
  mentions: Mention[];
  /** For local documents: name of the issuing jurisdiction (德阳市罗江区… → 罗江区). */
  issuer?: string | null;
}

export interface InitiativeFact {
  /** Canonical name (from the lexicon, or the discovered surface form). */
  name: string;
  surface: string[];
  category: string | null;
  count: number;
  mentions: Mention[];
  /** true when found by pattern discovery rather than the curated lexicon. */
  discovered?: boolean;
  confidence?: number;
}

export interface ProblemFact {
  text: string;
  theme: string | null;
  mentions: Mention[];
}

export interface PlanFact {
  text: string;
  /** Canonical names of the initiatives the item concerns. */
  initiatives: string[];
  mentions?: Mention[];
}

export interface MetricFact {
  indicator: string;
  value: number;
  unit: string | null;
  surface: string;
  qualifier?: string | null;
  mentions?: Mention[];
}

export interface ReportGraph {
  /** Hash of the normalized text: the same report ingested twice has one id. */
  reportId: string;
  title: string | null;
  year: number | null;
  jurisdiction: JurisdictionFact | null;
  /** Why no jurisdiction was given, when none was (the evidence was too weak to name one). */
  jurisdictionUnknown?: string;
  issuer: IssuerFact | null;
  regulations: RegulationFact[];
  initiatives: InitiativeFact[];
  problems: ProblemFact[];
  plans: PlanFact[];
  metrics: MetricFact[];
  /** The normalized text every Mention offset points into. */
  text: string;
  /** Optional page metadata (publication date, source URL) from the ingest stage. */
  source?: { file?: string; url?: string; published?: string };
}
