// The places a government site's address spells. A report taken from a web
// page keeps the page's address, and a Chinese government's site is named by
// its place in pinyin: www.xuwen.gov.cn (徐闻县), www.ningbo.gov.cn (宁波市), or
// by initials after its province's or its city's (sxgp.gov.cn: 山西 高平,
// ncxh.gov.cn: 南昌 西湖区); a department's site sits under its government's
// (sft.hlj.gov.cn: 黑龙江's 司法厅). Only a gov.cn host is read: no other
// domain is a government's own. Two letters (gz.gov.cn: 广州, not 贵州) spell
// several places: such an address only settles what the text leaves open. The
// pinyin comes from pinyin-pro, loaded and computed on the first address asked
// about (most reports arrive without one).
import { createRequire } from 'node:module';
import { DIVISIONS, isWithin, shortName, type Division } from './divisions.js';

const require = createRequire(import.meta.url);

/** What an address spells: the divisions of its most specific label that names one, that label, and the host. */
export interface AddressPlaces {
  divisions: Division[];
  label: string;
  host: string;
}

const GOVERNMENT_HOST = /(?:^|\.)gov\.cn$/;

/** The places the URL's host spells, or null when it is no government host or spells none. */
export function placesOfAddress(url: string | null | undefined): AddressPlaces | null {
  const host = hostOf(url);
  if (!host || !GOVERNMENT_HOST.test(host)) return null;
  // right to left below gov.cn: the government's label first, then its parts (a department, a county under a city)
  const labels = host
    .replace(GOVERNMENT_HOST, '')
    .split('.')
    .reverse()
    .map((label) => label.split('-')[0].replace(/\d+/g, ''))
    // (the web's own label names nothing)
    .filter((label) => label.length > 1 && label !== 'www');
  index ??= buildIndex();
  // the government's label is the one before gov.cn: when it spells no place, the labels before it (a
  // department's sft, xxgk) are not read as one
  const [own, ...parts] = labels;
  const divisions = own ? index.top.get(own) : undefined;
  if (!divisions) return null;
  let found: AddressPlaces = { divisions, label: own, host };
  for (const label of parts) {
    // a label under a government's names one of its parts only by a full spelling (gulou.fz…) or by
    // initials with the ending's (xhq: 西湖区); the initials of a department (sfj, rsj) end in no county's ending
    const within = (index.part.get(label) ?? []).filter((d) => found.divisions.some((above) => isWithin(d, above)));
    if (within.length) found = { divisions: within, label, host };
  }
  return found;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(/^[a-z]+:\/\//i.test(url) ? url : `http://${url}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Whether an address's places and a division agree: the same division, or one within the other. */
export function agreesWithAddress(d: Division, address: AddressPlaces): boolean {
  return address.divisions.some((a) => a.code === d.code || isWithin(d, a) || isWithin(a, d));
}

interface AddressIndex {
  /** A government's own label: its full spelling, or its initials after its province's or prefecture's. */
  top: Map<string, Division[]>;
  /** A part's label under its government's: its full spelling, or its name's initials ending in its ending's (xhq). */
  part: Map<string, Division[]>;
}

let index: AddressIndex | undefined;

const spelled = (name: string): string[] =>
  (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin(name, { toneType: 'none', type: 'array', v: true }).map((s) => s.replace(/[^a-z]/g, ''));
const initials = (syllables: string[]): string => syllables.map((s) => s[0] ?? '').join('');

function buildIndex(): AddressIndex {
  const top = new Map<string, Division[]>();
  const part = new Map<string, Division[]>();
  const add = (map: Map<string, Division[]>, key: string, d: Division) => {
    if (key.length < 2) return;
    const list = map.get(key);
    if (!list) map.set(key, [d]);
    else if (!list.includes(d)) list.push(d);
  };
  const byName = new Map(DIVISIONS.filter((d) => d.level !== 'county' && d.level !== 'zone').map((d) => [d.name, d]));
  for (const d of DIVISIONS) {
    if (d.level === 'zone') continue;
    const stem = shortName(d.name) ?? d.name;
    const stemSyllables = spelled(stem);
    const nameSyllables = spelled(d.name);
    const full = [stemSyllables.join(''), nameSyllables.join('')];
    for (const key of full) {
      add(top, key, d);
      add(part, key, d);
    }
    // a province or a city by its initials alone (hlj.gov.cn, sz.gov.cn); a part by its name's initials
    // when they end in a county's ending
    if (d.level !== 'county') add(top, initials(stemSyllables), d);
    if (d.level !== 'province' && nameSyllables.length >= 3) add(part, initials(nameSyllables), d);
    // a city or county after its province's initials, a county after its prefecture's (gssn, sxgp; ncxh, zzszq)
    const aboveNames = [d.province, d.level === 'county' ? d.prefecture : null];
    for (const aboveName of aboveNames) {
      const above = aboveName ? byName.get(aboveName) : undefined;
      if (!above || above.code === d.code) continue;
      const prefix = initials(spelled(shortName(above.name) ?? above.name));
      for (const own of [initials(stemSyllables), initials(nameSyllables), ...full]) add(top, prefix + own, d);
    }
  }
  return { top, part };
}
