// What part of the graph an export covers, and how its options are read. The
// CLI (`--filter KEY=VALUE`, repeatable) and the HTTP route (query parameters)
// share this one vocabulary, which follows the GraphQL JurisdictionFilter
// (province, prefecture, level, yearFrom, yearTo, issuerType; `jurisdiction`
// is its `text`) plus the node types of the `graph` query.
import { NODE_LABELS } from '../model.js';

export const FORMATS = ['graphml', 'gexf', 'cytoscape', 'csv'] as const;
export type ExportFormat = (typeof FORMATS)[number];

export const DETAILS = ['compact', 'full'] as const;
/** compact: no report text, no provenance (for viewers); full: every stored property (for a faithful copy). */
export type ExportDetail = (typeof DETAILS)[number];

export interface ExportFilter {
  province: string | null;
  prefecture: string | null;
  level: 'province' | 'prefecture' | 'county' | 'zone' | 'township' | null;
  /** Substring of the report's jurisdiction's full name (罗江区; 德阳市 also takes its counties). */
  jurisdiction: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  issuerType: 'government' | 'department' | null;
  /** Node types to keep; null = all. */
  nodeTypes: string[] | null;
}

export const FILTER_KEYS = ['province', 'prefecture', 'level', 'jurisdiction', 'year', 'yearFrom', 'yearTo', 'issuerType', 'nodeTypes'] as const;

/** The filters, for help texts (CLI) and the route's index. */
export const FILTER_KEYS_HELP = `province=四川省        reports about this province's jurisdictions
prefecture=德阳市      reports about this prefecture and its counties
level=county           reports about jurisdictions of this level: province, prefecture, county, zone, township
jurisdiction=罗江区    reports about a jurisdiction whose full name contains this
year=2023              reports covering this year; a range: year=2021..2023,
                       or yearFrom=2021 and/or yearTo=2023
issuerType=government  reports of government or department issuers
nodeTypes=Report,Jurisdiction
                       keep only these node types (and the edges between them):
                       ${NODE_LABELS.join(', ')}
A report filter exports the reports it selects, what they point to, what
those point to, and the jurisdictions' PART_OF chain: the subgraph induced by
these nodes. Without one, the whole graph.`;

/** A filter or option a user got wrong: the CLI exits 2 with it, the HTTP route answers 400. */
export class ExportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportInputError';
  }
}

export const NO_FILTER: ExportFilter = {
  province: null,
  prefecture: null,
  level: null,
  jurisdiction: null,
  yearFrom: null,
  yearTo: null,
  issuerType: null,
  nodeTypes: null,
};

/** True when the filter selects reports, so the export is the neighbourhood of those reports rather than a scan of whole labels. */
export function selectsReports(f: ExportFilter): boolean {
  return [f.province, f.prefecture, f.level, f.jurisdiction, f.yearFrom, f.yearTo, f.issuerType].some((v) => v !== null);
}

function oneOf<T extends string>(key: string, value: string, allowed: readonly T[]): T {
  const v = value.trim().toLowerCase();
  const hit = allowed.find((a) => a.toLowerCase() === v);
  if (!hit) throw new ExportInputError(`${key} must be one of ${allowed.join(', ')}, not "${value}"`);
  return hit;
}

function year(key: string, value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new ExportInputError(`${key} must be a year such as 2023, not "${value}"`);
  return Number(value.trim());
}

function text(key: string, value: string): string {
  const v = value.trim();
  if (!v) throw new ExportInputError(`${key} must not be empty`);
  if (v.length > 200) throw new ExportInputError(`${key} is too long (${v.length} characters, at most 200)`);
  return v;
}

/**
 * Reads filter pairs (KEY=VALUE from the CLI, or query parameters). Keys are
 * those of FILTER_KEYS; `year` is one year or a range `2021..2023`;
 * `nodeTypes` is a comma-separated list and may repeat. Anything unknown or
 * malformed is an ExportInputError naming the key.
 */
export function parseExportFilter(pairs: Iterable<[string, string]>): ExportFilter {
  const f: ExportFilter = { ...NO_FILTER };
  const seen = new Set<string>();
  for (const [key, value] of pairs) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw new ExportInputError(`unknown filter "${key}"; filters: ${FILTER_KEYS.join(', ')}`);
    }
    if (key !== 'nodeTypes' && seen.has(key)) throw new ExportInputError(`filter ${key} is given twice`);
    seen.add(key);
    switch (key) {
      case 'province':
      case 'prefecture':
      case 'jurisdiction':
        f[key] = text(key, value);
        break;
      case 'level':
        f.level = oneOf(key, value, ['province', 'prefecture', 'county', 'zone', 'township'] as const);
        break;
      case 'issuerType':
        f.issuerType = oneOf(key, value, ['government', 'department'] as const);
        break;
      case 'yearFrom':
      case 'yearTo':
        f[key] = year(key, value);
        break;
      case 'year': {
        const [from, to = from] = value.split('..');
        f.yearFrom = year('year', from);
        f.yearTo = year('year', to);
        break;
      }
      case 'nodeTypes': {
        const types = value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
        if (!types.length) throw new ExportInputError('nodeTypes must name at least one node type');
        f.nodeTypes = [...new Set([...(f.nodeTypes ?? []), ...types.map((t) => oneOf('nodeTypes', t, NODE_LABELS))])];
        break;
      }
    }
  }
  if (seen.has('year') && (seen.has('yearFrom') || seen.has('yearTo'))) throw new ExportInputError('give either year or yearFrom/yearTo, not both');
  if (f.yearFrom !== null && f.yearTo !== null && f.yearFrom > f.yearTo) {
    throw new ExportInputError(`the year range is empty: yearFrom ${f.yearFrom} is after yearTo ${f.yearTo}`);
  }
  return f;
}

/** The filter as query parameters / KEY=VALUE pairs again (for links that keep it). */
export function filterPairs(f: ExportFilter): [string, string][] {
  const pairs: [string, string][] = [];
  for (const key of ['province', 'prefecture', 'level', 'jurisdiction', 'yearFrom', 'yearTo', 'issuerType'] as const) {
    if (f[key] !== null) pairs.push([key, String(f[key])]);
  }
  if (f.nodeTypes) pairs.push(['nodeTypes', f.nodeTypes.join(',')]);
  return pairs;
}

export function parseFormat(value: string | undefined): ExportFormat {
  if (!value) throw new ExportInputError(`a format is required: ${FORMATS.join(', ')}`);
  if (!(FORMATS as readonly string[]).includes(value)) throw new ExportInputError(`unknown format "${value}"; formats: ${FORMATS.join(', ')}`);
  return value as ExportFormat;
}

export function parseDetail(value: string | undefined, format: ExportFormat): ExportDetail {
  // A CSV export is for bulk-loading a copy of the graph, so it is faithful by
  // default; the viewer formats leave out what viewers cannot show.
  if (value === undefined) return format === 'csv' ? 'full' : 'compact';
  return oneOf('detail', value, DETAILS);
}
