// Regulations: every title between 《 and 》, canonicalized so that variants
// meet, classified by kind and scope, with the action the report takes.
// The bracket scanner counts nesting (《关于贯彻落实<…>的实施方案》 is one
// outer title) and gives up on a 《 that is not closed before the end of its
// sentence or line, so an unbalanced bracket never swallows text.
import { divisionNamesIn, issuingDivisionOf } from './jurisdiction.js';
import { divisionsByName } from './divisions.js';
import type { Sentences } from './sentences.js';
import type { CitationAction, Mention, RegulationFact, RegulationKind, RegulationScope } from './types.js';

const MAX_TITLE = 120;

export interface TitleSpan {
  /** Offsets of the title inside the brackets (without 《 》). */
  start: number;
  end: number;
}

/** Outermost 《…》 spans; nested and unbalanced brackets handled as described above. */
export function findTitles(text: string): TitleSpan[] {
  const spans: TitleSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('《', i);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    for (; j < text.length && j - open <= MAX_TITLE; j++) {
      const ch = text[j];
      if (ch === '《') depth++;
      else if (ch === '》' && --depth === 0) break;
      else if (ch === '\n' || ch === '。') break;
    }
    if (depth === 0 && j > open + 1) {
      spans.push({ start: open + 1, end: j });
      i = j + 1;
    } else {
      i = open + 1; // unbalanced: skip this bracket only
    }
  }
  return spans;
}

/**
 * The canonical form of a title (gold GUIDELINES §4): whitespace removed,
 * ASCII digits, full-width parentheses, nested brackets as 〈〉, a dash between
 * digits as —, straight quotes curly; plus 中华人民共和国 dropped from laws so
 * that 《中华人民共和国行政复议法》 and 《行政复议法》 meet.
 */
export function canonicalRegulationTitle(title: string): string {
  let t = title.trim().replace(/^《/, '').replace(/》$/, '');
  t = t.replace(/\s+/g, '');
  t = t.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  t = t.replace(/\(/g, '（').replace(/\)/g, '）');
  t = t.replace(/[<《]/g, '〈').replace(/[>》]/g, '〉');
  t = t.replace(/(\d)\s*[-–—－~～]+\s*(?=\d)/g, '$1—');
  // 20212025 written for 2021—2025 (the dash lost in scraping)
  t = t.replace(/(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?!\d)/g, (m, a: string, b: string) => (Number(b) > Number(a) ? `${a}—${b}` : m));
  let open = true;
  t = t.replace(/"/g, () => ((open = !open) ? '”' : '“'));
  t = t.replace(/^中华人民共和国(?=.+(法|法典|条例)$)/, '');
  return t;
}

const GENRE_TAIL = /[（(][^（）()]*[）)]$/;

export function regulationKind(title: string, context: string): RegulationKind {
  const bare = title.replace(GENRE_TAIL, '').replace(GENRE_TAIL, '');
  const place = issuingDivisionOf(bare);
  const placeLevel = place ? divisionsByName.get(place)?.[0]?.level : null;
  if (/^中国共产党|党章$|学习纲要$|党内法规|^中共中央.*条例$/.test(bare)) return 'party_document';
  if (/(宪法|法典|(?<![办方做])法)$/.test(bare) && !place) return 'law';
  if (/条例$/.test(bare)) return place ? 'local_regulation' : 'administrative_regulation';
  if (/(规划|纲要|工作要点|工作安排|计划|的安排)$/.test(bare)) return 'plan';
  if (/(规定|办法|实施细则)$/.test(bare) && (placeLevel === 'province' || /政府规章/.test(context))) return 'rule';
  if (/(方案|意见|通知|细则|清单|目录|指南|指引|制度|机制|协议|规定|办法|规则|决定|标准|守则|体系|批复|规程)$/.test(bare)) return 'normative_document';
  return 'other';
}

export function regulationScope(title: string, kind: RegulationKind): RegulationScope | null {
  const places = [...divisionNamesIn(title).keys()].map((n) => divisionsByName.get(n)?.[0]?.level);
  if (places.some((l) => l === 'county' || l === 'prefecture') || /(区委|县委|市委|区政府|县政府|市政府|区人民政府|县人民政府)/.test(title)) return 'local';
  if (places.includes('province') || /^(省委|省政府|省人民政府)/.test(title)) return 'provincial';
  if (kind === 'law' || kind === 'administrative_regulation' || kind === 'party_document' || kind === 'plan') return 'national';
  if (kind === 'other') return 'local';
  return null;
}

// Verbs that govern a title, by action; the highest-ranked action of all a
// title's citations wins (issued > revised > implemented > studied > referenced).
const ACTION_VERBS: [CitationAction, RegExp][] = [
  ['issued', /(研究出台|制定下发|印发实施|制定出台|制定|出台|印发|公布|发布|起草|拟订|拟定|组织编写|编写|编制|签订|下发)/g],
  ['revised', /(修改完善|修订|修改)/g],
  ['implemented', /(严格执行|贯彻落实|贯彻|落实|执行|对照|按照|依据|根据|围绕|抓好|遵循|实施|依照)/g],
  ['studied', /(学习贯彻|重点学习|学习|宣传|学法|宣讲|解读)/g],
];
const ACTION_RANK: CitationAction[] = ['issued', 'revised', 'implemented', 'studied', 'referenced'];

/** The action of the verb closest before the title within its sentence (skipping titles listed before it). */
export function citationAction(text: string, titleStart: number, sentenceStart: number): CitationAction {
  let before = text.slice(sentenceStart, titleStart - 1);
  before = before.replace(/《[^《》]*》/g, (m) => ' '.repeat(m.length)); // titles listed before this one
  const window = before.slice(-30);
  let best: { action: CitationAction; at: number } | null = null;
  for (const [action, re] of ACTION_VERBS) {
    for (const m of window.matchAll(re)) {
      const at = (m.index ?? 0) + m[0].length;
      if (!best || at > best.at) best = { action, at };
    }
  }
  // 以《…》为统领 / 以《…》为指导
  if (/以\s*$/.test(before) && /^》?为(统领|指导|遵循|依据)/.test(text.slice(text.indexOf('》', titleStart), text.indexOf('》', titleStart) + 5))) return 'implemented';
  return best?.action ?? 'referenced';
}

export function extractRegulations(text: string, sentences: Sentences, sectionPath: (offset: number) => string[]): RegulationFact[] {
  const byTitle = new Map<string, RegulationFact>();
  for (const span of findTitles(text)) {
    const surface = text.slice(span.start, span.end);
    const title = canonicalRegulationTitle(surface);
    if (!title) continue;
    const sentence = sentences.at(span.start);
    const action = citationAction(text, span.start, sentence.start);
    const mention: Mention = { start: span.start, end: span.end, sentence: text.slice(sentence.start, sentence.end).trim(), section: sectionPath(span.start) };
    const existing = byTitle.get(title);
    if (existing) {
      existing.count++;
      existing.mentions.push(mention);
      if (!existing.surface.includes(surface)) existing.surface.push(surface);
      if (ACTION_RANK.indexOf(action) < ACTION_RANK.indexOf(existing.action)) existing.action = action;
      continue;
    }
    const context = text.slice(Math.max(0, span.start - 12), span.start);
    const kind = regulationKind(title, context);
    const scope = regulationScope(title, kind);
    byTitle.set(title, {
      title,
      surface: [surface],
      kind,
      scope,
      action,
      count: 1,
      mentions: [mention],
      issuer: scope === 'local' || scope === 'provincial' ? issuingDivisionOf(title) : null,
    });
  }
  return [...byTitle.values()];
}
