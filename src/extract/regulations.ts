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
  let t = canonicalCache.get(title);
  if (t === undefined) {
    if (canonicalCache.size >= CANONICAL_CACHE_SIZE) canonicalCache.clear();
    canonicalCache.set(title, (t = canonicalize(title)));
  }
  return t;
}

// Titles recur from report to report (the national laws, the 纲要 and 规划):
// canonical forms are remembered, in a bounded cache (a pure function of the title).
const CANONICAL_CACHE_SIZE = 20_000;
const canonicalCache = new Map<string, string>();

function canonicalize(title: string): string {
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

// Genre nouns around a title that make it a work rather than a document:
// 宣传片《…》, 微电影《…》, 《…》栏目 (gold GUIDELINES §4: kind `other`).
const WORK_BEFORE = /(宣传片|纪录片|专题片|微电影|电影|微视频|视频|短片|MV|动漫|漫画|歌曲|栏目|专栏|节目|读本|书籍|图书|手册|画册)$/;
const WORK_AFTER = /^(栏目|专栏|节目|专题片|宣传片|微电影|短视频|读本|手册|一书)/;

export function regulationKind(title: string, before: string, after = ''): RegulationKind {
  if (WORK_BEFORE.test(before) || WORK_AFTER.test(after)) return 'other';
  const bare = title.replace(GENRE_TAIL, '').replace(GENRE_TAIL, '');
  const place = issuingDivisionOf(bare);
  const placeLevel = place ? divisionsByName.get(place)?.[0]?.level : null;
  if (/^中国共产党|党章$|学习纲要$|党内法规|^中共中央.*条例$/.test(bare)) return 'party_document';
  if (/(宪法|法典|(?<![办方做])法)$/.test(bare) && !place) return 'law';
  if (/条例$/.test(bare)) return place ? 'local_regulation' : 'administrative_regulation';
  if (/(规划|纲要|工作要点|工作安排|计划|的安排)$/.test(bare)) return 'plan';
  // 规章 can only be made by a province or a 设区的市: say so only when the
  // title names a province or the text calls it 政府规章.
  if (/(规定|办法|实施细则)$/.test(bare) && (placeLevel === 'province' || /政府规章/.test(before))) return 'rule';
  if (/(方案|意见|通知|细则|清单|目录|指南|指引|制度|机制|协议|规定|办法|规则|决定|标准|守则|体系|批复|规程)$/.test(bare)) return 'normative_document';
  if (/(手册|读本|汇编|丛书)$/.test(bare)) return 'other';
  return 'other';
}

export interface ScopeContext {
  /** Short names of the report's own jurisdiction and its prefecture (昌江, 景德镇): 《法治昌江建设规划》 is theirs. */
  ownNames: string[];
}

export function regulationScope(title: string, kind: RegulationKind, action: CitationAction, own: ScopeContext = { ownNames: [] }): RegulationScope | null {
  const places = [...divisionNamesIn(title).keys()].map((n) => divisionsByName.get(n)?.[0]?.level);
  if (places.some((l) => l === 'county' || l === 'prefecture') || /(区委|县委|市委|区政府|县政府|市政府|区人民政府|县人民政府|市人民政府|全区|全县|全市|全旗|本区|本县|本市)/.test(title)) return 'local';
  if (own.ownNames.some((n) => n.length >= 2 && title.includes(n))) return 'local';
  if (places.includes('province') || /^(省委|省政府|省人民政府)/.test(title)) return 'provincial';
  if (kind === 'law' || kind === 'administrative_regulation' || kind === 'party_document' || kind === 'plan') return 'national';
  if (kind === 'other') return 'local';
  // A document the report says its own government made (印发, 制定, 签订) is local.
  if (action === 'issued' || action === 'revised') return 'local';
  return null;
}

// Verbs that govern a title, by action; the highest-ranked action of all a
// title's citations wins (issued > revised > implemented > studied > referenced).
const ACTION_VERBS: [CitationAction, RegExp][] = [
  ['issued', /(研究出台|制定下发|印发实施|制定出台|制定|出台|印发|公布|发布|起草|拟订|拟定|组织编写|编写|编制|签订|签署|下发)/g],
  ['revised', /(修改完善|修订|修改)/g],
  ['implemented', /(严格执行|贯彻落实|贯彻|落实|执行|对照|按照|依据|根据|围绕|抓好|遵循|实施|依照)/g],
  ['studied', /(学习贯彻|重点学习|学习|宣传|学法|宣讲|解读)(?![片栏册画])/g],
];
const ACTION_RANK: CitationAction[] = ['issued', 'revised', 'implemented', 'studied', 'referenced'];
const CLAUSE_END = /[,，;；:：]/;
/** How far back from a title its governing verb is looked for: room for a list of a dozen titles before it. */
const LOOK_BACK = 2000;
// Titles listed before this one share its verb: 制定出台《A》《B》《C》.
const LISTED_TITLES = /(?:《[^《》]*》\s*(?:、|,|和|及|与|以及|或)?\s*)+$/;

/** The verb nearest before the title in its clause; verbs used attributively (出台的《…》) count only when nothing else does. */
function verbBefore(clause: string): CitationAction | null {
  const window = clause.slice(-25);
  let best: { action: CitationAction; end: number; length: number; attributive: boolean } | null = null;
  for (const [action, re] of ACTION_VERBS) {
    for (const m of window.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length;
      const attributive = window[end] === '的';
      const better =
        !best ||
        (best.attributive && !attributive) ||
        (best.attributive === attributive && (end > best.end || (end === best.end && m[0].length > best.length)));
      if (better) best = { action, end, length: m[0].length, attributive };
    }
  }
  return best?.action ?? null;
}

/** The action of the verb that governs the title at titleStart (just after its 《). */
export function citationAction(text: string, titleStart: number, sentenceStart: number): CitationAction {
  // Only the end of the sentence before the title matters (its last clause, after a list of titles): a
  // bounded window keeps a sentence of a hundred thousand characters with thousands of titles linear.
  const before = text.slice(Math.max(sentenceStart, titleStart - 1 - LOOK_BACK), titleStart - 1).replace(LISTED_TITLES, '');
  let clauseAt = before.length - 1;
  while (clauseAt >= 0 && !CLAUSE_END.test(before[clauseAt])) clauseAt--;
  const clause = before.slice(clauseAt + 1);
  const close = text.indexOf('》', titleStart);
  const afterTitle = close >= 0 ? text.slice(close + 1, close + 40).split(/[,，;；。\n]/)[0] : '';
  // 以《…》为统领 / 以《…》为指导
  if (/以\s*$/.test(clause) && /^为(统领|指导|遵循|依据)/.test(afterTitle)) return 'implemented';
  const verb = verbBefore(clause);
  if (verb) return verb;
  // 完成《…》修订工作, 《…》的起草: the verb after the title
  if (/^的?(修订|修改)/.test(afterTitle)) return 'revised';
  if (/^的?(制定|起草|出台|印发|编制)/.test(afterTitle)) return 'issued';
  // 推动《…》确定的各项任务全面落实; 《…》…得到贯彻执行
  if (/(落实|贯彻|执行|实施)/.test(afterTitle.replace(/《[^《》]*》/g, ''))) return 'implemented';
  return 'referenced';
}

export interface RegulationContext {
  sentences: Sentences;
  sectionPath: (offset: number) => string[];
  ownNames?: string[];
}

export function extractRegulations(text: string, { sentences, sectionPath, ownNames = [] }: RegulationContext): RegulationFact[] {
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
    const before = text.slice(Math.max(0, span.start - 13), span.start - 1);
    const after = text.slice(span.end + 1, span.end + 6);
    const kind = regulationKind(title, before, after);
    byTitle.set(title, {
      title,
      surface: [surface],
      kind,
      scope: null,
      action,
      count: 1,
      mentions: [mention],
      issuer: null,
    });
  }
  // Scope depends on the strongest action over all citations, so it is decided last.
  for (const fact of byTitle.values()) {
    fact.scope = regulationScope(fact.title, fact.kind, fact.action, { ownNames });
    fact.issuer = fact.scope === 'local' || fact.scope === 'provincial' ? issuingDivisionOf(fact.title) : null;
  }
  return [...byTitle.values()];
}
