// The map page's data logic (explorer/src/spread.ts), without a browser: what
// each province and prefecture cell shades at a year, the per-year counts and
// the CSV of the table.
import { describe, expect, it } from 'vitest';
import {
  type Adopter,
  byPrefecture,
  byProvince,
  GRID,
  PROVINCE_ITSELF,
  perYear,
  prefectureCells,
  toAdopter,
  toCsv,
  yearRange,
} from '../../../explorer/src/spread.js';

const raw = (year: number, name: string, level: string, province: string | null, prefecture: string | null, code = '000000') => ({
  year,
  jurisdiction: {
    id: name,
    code,
    name,
    fullName: `${province ?? ''}${prefecture ?? ''}${name}`,
    level,
    province: province ? { name: province } : null,
    prefecture: prefecture ? { name: prefecture } : null,
  },
});

const adopters: Adopter[] = [
  raw(2021, '昌江区', 'COUNTY', '江西省', '景德镇市'),
  raw(2022, '台前县', 'COUNTY', '河南省', '濮阳市'),
  raw(2024, '清远市', 'PREFECTURE', '广东省', '清远市'),
  raw(2024, '英德市', 'COUNTY', '广东省', '清远市'),
  raw(2024, '广东省', 'PROVINCE', null, null),
  raw(2025, '朝阳区', 'COUNTY', '北京市', null),
].map(toAdopter);

describe('the map of a spread', () => {
  it('reads a province-level adopter as its own province, a prefecture as its own prefecture', () => {
    expect(adopters.find((a) => a.name === '广东省')).toMatchObject({ province: '广东省', prefecture: null });
    expect(adopters.find((a) => a.name === '清远市')).toMatchObject({ province: '广东省', prefecture: '清远市' });
  });

  it('shades each province by the adopters it had by the slider year', () => {
    expect(yearRange(adopters)).toEqual({ from: 2021, to: 2025 });
    expect([...byProvince(adopters, 2021)]).toEqual([['江西省', 1]]);
    expect(Object.fromEntries(byProvince(adopters, 2024))).toEqual({ 江西省: 1, 河南省: 1, 广东省: 3 });
    expect(byProvince(adopters, null).get('北京市')).toBe(1);
    expect(byProvince(adopters, 2020).size).toBe(0);
  });

  it('every province of the graph has a tile, each in a cell of its own', () => {
    const cells = new Set(GRID.provinces.map((p) => `${p.col},${p.row}`));
    expect(cells.size).toBe(GRID.provinces.length);
    for (const p of GRID.provinces) expect(p.col < GRID.columns && p.row < GRID.rows).toBe(true);
    for (const province of ['四川省', '内蒙古自治区', '广西壮族自治区', '新疆维吾尔自治区', '北京市', '海南省'])
      expect(GRID.provinces.map((p) => p.name)).toContain(province);
  });

  it("shades a province's prefectures, with a cell for the province's own units", () => {
    const cells = prefectureCells('广东省', adopters);
    expect(cells).toContain('清远市');
    expect(cells).toHaveLength(21 + 1);
    expect(cells.at(-1)).toBe(PROVINCE_ITSELF);
    const counts = byPrefecture('广东省', adopters, 2024);
    expect(counts.get('清远市')).toBe(2);
    expect(counts.get(PROVINCE_ITSELF)).toBe(1);
    expect(counts.get('广州市')).toBe(0);
    // a municipality has no prefectures: its adopting districts are the cells
    expect(prefectureCells('北京市', adopters)).toEqual(['朝阳区']);
    expect(byPrefecture('北京市', adopters, 2024).get('朝阳区')).toBe(0);
  });

  it('counts new adopters a year, years without any included', () => {
    expect(perYear(adopters)).toEqual([
      { year: 2021, adopters: 1, cumulative: 1 },
      { year: 2022, adopters: 1, cumulative: 2 },
      { year: 2023, adopters: 0, cumulative: 2 },
      { year: 2024, adopters: 3, cumulative: 5 },
      { year: 2025, adopters: 1, cumulative: 6 },
    ]);
  });

  it('writes the table as CSV a spreadsheet reads: BOM, header, quoted fields', () => {
    const odd = toAdopter(raw(2023, '某区, "新"区', 'COUNTY', '四川省', '德阳市'));
    const csv = toCsv('行政执法三项制度', [adopters[1], odd]);
    expect(csv.startsWith('\uFEFFsubject,first_year,province,prefecture,jurisdiction,level,code\r\n')).toBe(true);
    expect(csv.trim().split('\r\n').slice(1)).toEqual([
      '行政执法三项制度,2022,河南省,濮阳市,河南省濮阳市台前县,县级,000000',
      '行政执法三项制度,2023,四川省,德阳市,"四川省德阳市某区, ""新""区",县级,000000',
    ]);
  });
});
