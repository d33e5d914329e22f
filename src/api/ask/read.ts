// Reading a question in Chinese into one of the documented queries
// (test/ask/README.md): the question is cut into the words of the vocabulary
// (longest first), years and 《titles》 are read by their own rules, and the
// kinds of words found pick the query. Every word that names something — a
// place, a level, a year, an initiative, a regulation, a theme — must be used
// by the query chosen; a question with a word left unread or unused is refused
// with that word, never answered as if it had not been there.
import { canonicalRegulationTitle } from '../../extract/index.js';
import { type Division, fullNameOf } from '../../extract/divisions.js';
import { type Cue, type Level, type Meaning, wordAt } from './vocabulary.js';

export type QueryName =
  | 'jurisdictions'
  | 'jurisdictionInitiatives'
  | 'jurisdictionRegulations'
  | 'jurisdictionProblems'
  | 'spreadByYear'
  | 'spreadByProvince'
  | 'recurringProblems'
  | 'problemsOfYear'
  | 'shared'
  | 'coMentioned'
  | 'coCited';

export interface Plan {
  query: QueryName;
  variables: Record<string, unknown>;
}

/** A word of the question and what it was read as. */
export interface ReadWord {
  text: string;
  means: string;
}

export interface Reading {
  words: ReadWord[];
  /** The query the question became; absent when it was refused. */
  plan?: Plan;
  /** Why the question was not answered, naming the words concerned. */
  refusal?: { reason: string; unread: string[] };
}

export interface ReadOptions {
  /** The newest report year of the graph: 今年, 去年 and 近三年 count back from it (null: the graph is empty). */
  latestYear: number | null;
}

/** What a year expression says: a range of report years, or a count of years (连续三年). */
type YearReading = { kind: 'years'; from: number | null; to: number | null; relative: boolean } | { kind: 'yearCount'; count: number };

/** A word found in the question, with its meanings or what a rule read it as. */
type Term =
  | { text: string; kind: 'word'; meanings: Meaning[]; start: number }
  | (YearReading & { text: string })
  | { text: string; kind: 'regulation'; title: string }
  | { text: string; kind: 'unread' };

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const numberOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : (NUMERALS[s] ?? Number.NaN));
const DASH = '[-—–~～至到]';

/**
 * The year expressions, tried in order at each position: each gives a range (from, to) or a
 * count of years (连续三年: recurrence). Relative ones need the graph's newest year.
 */
const YEAR_RULES: { re: RegExp; read: (m: RegExpExecArray, latest: number | null) => YearReading | null }[] = [
  { re: new RegExp(`^((?:19|20)\\d\\d)年?\\s*${DASH}\\s*((?:19|20)\\d\\d)年?度?`), read: (m) => years(Number(m[1]), Number(m[2])) },
  { re: /^((?:19|20)\d\d)年度?(?:以来|之后|以后|起|开始|后)/, read: (m) => years(Number(m[1]), null) },
  { re: /^((?:19|20)\d\d)年度?(?:以前|之前|前)/, read: (m) => years(null, Number(m[1])) },
  { re: /^((?:19|20)\d\d)年度?/, read: (m) => years(Number(m[1]), Number(m[1])) },
  { re: /^(?:近|最近|过去|前)(\d+|[一二两三四五六七八九十])年/, read: (m, latest) => relative(latest, numberOf(m[1]) - 1, 0) },
  { re: /^今年/, read: (_m, latest) => relative(latest, 0, 0) },
  { re: /^去年/, read: (_m, latest) => relative(latest, 1, 1) },
  { re: /^前年/, read: (_m, latest) => relative(latest, 2, 2) },
  { re: /^(?:连续|至少|超过|满)?(\d+|[两二三四五六七八九十])(?:个)?年(?:以上|及以上|或以上)?/, read: (m) => ({ kind: 'yearCount', count: numberOf(m[1]) }) },
];

function years(from: number | null, to: number | null): YearReading {
  return from !== null && to !== null && from > to ? { kind: 'years', from: to, to: from, relative: false } : { kind: 'years', from, to, relative: false };
}

function relative(latest: number | null, back: number, backTo: number): YearReading | null {
  if (Number.isNaN(back)) return null;
  return latest === null
    ? { kind: 'years', from: null, to: null, relative: true }
    : { kind: 'years', from: latest - back, to: latest - backTo, relative: true };
}

/** The verbs after which an unmarked title follows (引用了行政处罚法的县): longest first. */
const TITLE_AFTER = /^(?:贯彻落实|贯彻执行|学习贯彻|引用|依据|援引|贯彻|对照|遵循|执行)(?:了|过)?/;
/** How a title ends: the kinds of document a report cites. */
const TITLE_END = /^[\u4e00-\u9fff\d()（）—\-]{1,40}?(?:法|条例|纲要|规定|办法|意见|决定|规划|方案|细则|规则|通知)(?=的|吗|呢|[?？,，。!！]|$|[和与及、])/;

const SKIPPED = /[\s?？!！,，。、;；:：·.]/;
const QUOTES = /[“”"'‘’「」『』]/g;

/** Cuts the question into terms, left to right. */
function termsOf(question: string, latest: number | null): Term[] {
  // quotation marks only mark a name: “八五”普法 is 八五普法 (as the lexicon's keys ignore them)
  const text = question
    .normalize('NFKC')
    .replace(QUOTES, '')
    .replace(/[《〈]/g, '《')
    .replace(/[》〉]/g, '》');
  const terms: Term[] = [];
  let unread = '';
  const flush = () => {
    if (unread) terms.push({ text: unread, kind: 'unread' });
    unread = '';
  };
  for (let at = 0; at < text.length; ) {
    const rest = text.slice(at);
    if (rest[0] === '《') {
      const close = text.indexOf('》', at);
      if (close > at + 1) {
        flush();
        const title = text.slice(at + 1, close).trim();
        terms.push({ text: text.slice(at, close + 1), kind: 'regulation', title: canonicalRegulationTitle(title) });
        at = close + 1;
        continue;
      }
    }
    if (SKIPPED.test(rest[0])) {
      flush();
      at++;
      continue;
    }
    const year = readYear(rest, latest);
    if (year) {
      flush();
      terms.push(year);
      at += year.text.length;
      continue;
    }
    const verb = TITLE_AFTER.exec(rest);
    const title = verb && TITLE_END.exec(rest.slice(verb[0].length));
    if (verb && title && !wholeWord(title[0])) {
      flush();
      terms.push({ text: verb[0], kind: 'word', meanings: [{ kind: 'verb', verb: 'cites' }], start: at });
      terms.push({ text: title[0], kind: 'regulation', title: canonicalRegulationTitle(title[0]) });
      at += verb[0].length + title[0].length;
      continue;
    }
    const word = wordAt(text, at);
    if (word) {
      flush();
      terms.push({ text: text.slice(at, at + word.length), kind: 'word', meanings: word.meanings, start: at });
      at += word.length;
      continue;
    }
    unread += text[at];
    at++;
  }
  flush();
  return widenUnread(terms);
}

/**
 * An unread run between a place's short name and a level word is one unknown
 * place (光明顶县: 光明 is 光明区's short name, 顶 unknown): it is reported whole,
 * and its parts are not read as a place and a level.
 */
function widenUnread(terms: Term[]): Term[] {
  const out: Term[] = [];
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k];
    if (term.kind !== 'unread') {
      out.push(term);
      continue;
    }
    let text = term.text;
    const before = out.at(-1);
    if (before?.kind === 'word' && before.meanings.some((m) => m.kind === 'place' && m.short)) text = (out.pop() as Term).text + text;
    const after = terms[k + 1];
    if (after?.kind === 'word' && after.meanings.some((m) => m.kind === 'level')) {
      text += after.text;
      k++;
    }
    out.push({ text, kind: 'unread' });
  }
  return out;
}

/** Whether a span is one word of the vocabulary (法规, 条例: an object, not a title). */
function wholeWord(span: string): boolean {
  return wordAt(span, 0)?.length === span.length;
}

function readYear(rest: string, latest: number | null): Term | null {
  for (const rule of YEAR_RULES) {
    const m = rule.re.exec(rest);
    if (!m) continue;
    const read = rule.read(m, latest);
    if (read) return { text: m[0], ...read } as Term;
  }
  return null;
}

// ── places ───────────────────────────────────────────────────────────────────

const LEVEL_RANK: Record<string, number> = { province: 0, prefecture: 1, county: 2, zone: 3, township: 4 };

/**
 * The division a place word names, settled by the other places of the question
 * (清远 and 广东: the 清远 in 广东) and then by level (吉林 is the province before
 * the city); null with the candidates when that does not settle it.
 */
function settle(candidates: Division[], context: Division[]): { division: Division | null; candidates: Division[] } {
  let pool = candidates;
  const within = pool.filter((d) => context.some((c) => c !== d && (c.name === d.province || c.name === d.prefecture)));
  if (within.length) pool = within;
  const best = Math.min(...pool.map((d) => LEVEL_RANK[d.level]));
  pool = pool.filter((d) => LEVEL_RANK[d.level] === best);
  const byName = new Map(pool.map((d) => [fullNameOf(d), d]));
  return byName.size === 1 ? { division: pool[0], candidates: pool } : { division: null, candidates: pool };
}

// ── choosing the query ───────────────────────────────────────────────────────

interface Found {
  initiatives: { text: string; name: string }[];
  regulations: { text: string; title: string }[];
  themes: { text: string; theme: string }[];
  places: { text: string; division: Division; start: number; end: number }[];
  levels: { text: string; level: Level }[];
  years: { text: string; from: number | null; to: number | null; relative: boolean }[];
  yearCounts: { text: string; count: number }[];
  verbs: Set<string>;
  objects: Set<string>;
  cues: Set<Cue>;
  unsupported: string[];
  unread: string[];
  ambiguous: { text: string; candidates: Division[] }[];
}

/** What a word names, when it names something; its other meanings (a level, a cue) are read beside it. */
function collect(terms: Term[]): Found {
  const found: Found = {
    initiatives: [],
    regulations: [],
    themes: [],
    places: [],
    levels: [],
    years: [],
    yearCounts: [],
    verbs: new Set(),
    objects: new Set(),
    cues: new Set(),
    unsupported: [],
    unread: [],
    ambiguous: [],
  };
  const placeWords: { text: string; divisions: Division[]; start: number }[] = [];
  for (const term of terms) {
    if (term.kind === 'unread') found.unread.push(term.text);
    else if (term.kind === 'years') found.years.push(term);
    else if (term.kind === 'yearCount') {
      // 连续两年, 三年以上: a count of years is asked of recurrence only
      found.yearCounts.push(term);
      found.cues.add('recurring');
    } else if (term.kind === 'regulation') found.regulations.push(term);
    else {
      // a name outranks the function words sharing its form: 营商环境 is an initiative before a theme's subject
      const named = term.meanings.find((m) => m.kind === 'initiative') ?? term.meanings.find((m) => m.kind === 'theme');
      const place = term.meanings.find((m) => m.kind === 'place');
      if (named?.kind === 'initiative') found.initiatives.push({ text: term.text, name: named.name });
      else if (named?.kind === 'theme') found.themes.push({ text: term.text, theme: named.theme });
      else if (place?.kind === 'place') placeWords.push({ text: term.text, divisions: place.divisions, start: term.start });
      else
        for (const m of term.meanings) {
          if (m.kind === 'level') found.levels.push({ text: term.text, level: m.level });
          else if (m.kind === 'verb') found.verbs.add(m.verb);
          else if (m.kind === 'object') found.objects.add(m.object);
          else if (m.kind === 'cue') found.cues.add(m.cue);
          else if (m.kind === 'unsupported') found.unsupported.push(term.text);
        }
    }
  }
  const context = placeWords.flatMap((p) => (p.divisions.length === 1 ? p.divisions : []));
  for (const p of placeWords) {
    const { division, candidates } = settle(p.divisions, context);
    if (!division) found.ambiguous.push({ text: p.text, candidates });
    else {
      // 广东省清远市: a place written right after its province or prefecture is one place
      const before = found.places.at(-1);
      if (before && before.end === p.start && (before.division.name === division.province || before.division.name === division.prefecture)) found.places.pop();
      found.places.push({ text: p.text, division, start: p.start, end: p.start + p.text.length });
    }
  }
  return found;
}

const refuse = (reason: string, unread: string[] = []) => ({ refusal: { reason, unread } });

/** The one level the question asks for, or an error when it names several. */
function levelOf(found: Found): Level | null | 'several' {
  const levels = new Set(found.levels.map((l) => l.level));
  return levels.size > 1 ? 'several' : ([...levels][0] ?? null);
}

/** Words that name something the chosen query has no place for. */
function unused(found: Found, uses: { places?: number; levels?: boolean; years?: boolean; yearCounts?: boolean; entities?: number }): string[] {
  const extra: string[] = [];
  if ((uses.places ?? 0) < found.places.length) extra.push(...found.places.slice(uses.places ?? 0).map((p) => p.text));
  if (!uses.levels) extra.push(...found.levels.map((l) => l.text));
  if (!uses.years) extra.push(...found.years.map((y) => y.text));
  if (!uses.yearCounts) extra.push(...found.yearCounts.map((y) => y.text));
  const entities = [...found.initiatives, ...found.regulations, ...found.themes];
  if ((uses.entities ?? 0) < entities.length) extra.push(...entities.slice(uses.entities ?? 0).map((e) => e.text));
  return extra;
}

type Choice = { plan: Plan } | { refusal: { reason: string; unread: string[] } };

function choose(found: Found): Choice {
  if (found.unsupported.length) return refuse('图谱只记录报告里写了什么，回答不了这一类问题', found.unsupported);
  if (found.unread.length) return refuse('这几个词不认识（不是图谱里的地区、举措、法规或问题类型）', found.unread);
  if (found.ambiguous.length)
    return refuse(
      `地名有歧义：${found.ambiguous.map((a) => `${a.text}（${a.candidates.map(fullNameOf).join('、')}）`).join('；')}，请写出所属的省或市`,
      found.ambiguous.map((a) => a.text),
    );
  if (found.years.some((y) => y.relative && y.from === null))
    return refuse(
      '图谱里还没有报告，相对年份无从算起',
      found.years.map((y) => y.text),
    );

  const entities = [...found.initiatives, ...found.regulations, ...found.themes];
  const problemAsked = found.objects.has('problems') || found.verbs.has('problems') || found.themes.length > 0;
  const cue = (c: Cue) => found.cues.has(c);
  const check = (plan: Plan, uses: Parameters<typeof unused>[1]): Choice => {
    const extra = unused(found, uses);
    return extra.length ? refuse(`读懂了问题，但这几个条件在这类查询（${plan.query}）里用不上`, extra) : { plan };
  };

  // what two jurisdictions share
  if (found.places.length === 2 && entities.length === 0 && cue('shared'))
    return check({ query: 'shared', variables: { a: fullNameOf(found.places[0].division), b: fullNameOf(found.places[1].division) } }, { places: 2 });
  // what goes together with one initiative or regulation
  if (cue('together') && entities.length === 1 && !found.themes.length) {
    if (found.initiatives.length) return check({ query: 'coMentioned', variables: { initiative: found.initiatives[0].name } }, { entities: 1 });
    return check({ query: 'coCited', variables: { regulation: found.regulations[0].title } }, { entities: 1 });
  }
  // how an initiative spread
  if (found.initiatives.length === 1 && entities.length === 1 && (cue('spread') || cue('byYear') || cue('byProvince'))) {
    // 分布在哪些省, 哪些省份最早推行: a province level asks for the spread by province (which gives each province's first year)
    const byProvince = cue('byProvince') || levelOf(found) === 'PROVINCE';
    const query = byProvince ? 'spreadByProvince' : 'spreadByYear';
    return check({ query, variables: { initiative: found.initiatives[0].name } }, { entities: 1, levels: byProvince && levelOf(found) === 'PROVINCE' });
  }
  // which problems recur, and where
  if (cue('recurring') && problemAsked && found.initiatives.length + found.regulations.length === 0) {
    const variables: Record<string, unknown> = { minYears: Math.max(2, found.yearCounts[0]?.count ?? 2) };
    if (found.themes.length) variables.theme = found.themes[0].theme;
    return check({ query: 'recurringProblems', variables }, { entities: found.themes.length ? 1 : 0, yearCounts: true });
  }
  // the most widespread problems of a year
  if (problemAsked && !found.themes.length && found.places.length === 0 && found.years.length === 1 && entities.length === 0) {
    const [y] = found.years;
    if (y.from !== null && y.from === y.to) return check({ query: 'problemsOfYear', variables: { year: y.from } }, { years: true });
    return refuse('问题排行按单一年份统计，请给出一个年份', [y.text]);
  }
  // what one jurisdiction's reports mention, cite or admit
  if (found.places.length === 1 && entities.length === 0 && !found.levels.length) {
    const name = fullNameOf(found.places[0].division);
    const query: QueryName | null = problemAsked
      ? 'jurisdictionProblems'
      : found.objects.has('regulations') || (found.verbs.has('cites') && !found.objects.has('initiatives'))
        ? 'jurisdictionRegulations'
        : found.objects.has('initiatives') || found.verbs.has('mentions')
          ? 'jurisdictionInitiatives'
          : null;
    if (query) return check({ query, variables: { name } }, { places: 1 });
  }
  // which jurisdictions mention, cite or admit one thing
  if (entities.length === 1) return jurisdictionsWith(found);
  if (entities.length > 1)
    return refuse(
      '一次只能按一个举措、法规或问题类型筛选',
      entities.map((e) => e.text),
    );
  return refuse(
    '读懂了其中的词，但不知道要查什么：请问哪些地方提到某项举措、引用某部法规，某地提到了什么，举措怎样扩散，哪些问题反复出现，或两地有什么共同点',
    [],
  );
}

/** The jurisdictions query: the one entity, a level, a province or prefecture, a year range. */
function jurisdictionsWith(found: Found): Choice {
  const level = levelOf(found);
  if (level === 'several')
    return refuse(
      '一次只能问一个行政级别',
      found.levels.map((l) => l.text),
    );
  const filter: Record<string, unknown> = {};
  if (level) filter.level = level;
  const [place, ...others] = found.places;
  if (others.length)
    return refuse(
      '一次只能限定一个省或市',
      found.places.map((p) => p.text),
    );
  if (place) {
    const d = place.division;
    if (d.level === 'province') filter.province = d.name;
    else if (d.level === 'prefecture') filter.prefecture = d.name;
    else return refuse('范围只能是省或地级市（县级单位请直接问它提到了什么）', [place.text]);
  }
  if (found.years.length > 1)
    return refuse(
      '一次只能给一个年份范围',
      found.years.map((y) => y.text),
    );
  const [y] = found.years;
  if (y?.from != null) filter.yearFrom = y.from;
  if (y?.to != null) filter.yearTo = y.to;
  if (found.initiatives.length) filter.mentionsInitiative = found.initiatives[0].name;
  else if (found.regulations.length) filter.citesRegulation = found.regulations[0].title;
  else filter.problemTheme = found.themes[0].theme;
  const extra = unused(found, { places: found.places.length, levels: true, years: true, entities: 1 });
  return extra.length ? refuse('这几个条件用不上', extra) : { plan: { query: 'jurisdictions', variables: { filter } } };
}

// ── the reading shown to the analyst ─────────────────────────────────────────

const LEVEL_WORDS: Record<Level, string> = { PROVINCE: '省级', PREFECTURE: '地级', COUNTY: '县级', ZONE: '开发区/新区', TOWNSHIP: '乡镇/街道' };

function describe(term: Term, found: Found): string | null {
  switch (term.kind) {
    case 'unread':
      return '不认识';
    case 'regulation':
      return `法规《${term.title}》`;
    case 'years':
      return term.from === term.to ? `年份 ${term.from}` : `年份 ${term.from ?? '…'}–${term.to ?? '…'}`;
    case 'yearCount':
      return `至少 ${term.count} 个年份`;
    case 'word': {
      const place = found.places.find((p) => p.text === term.text);
      if (place) return `地区 ${fullNameOf(place.division)}`;
      const m = term.meanings[0];
      if (!m) return null;
      if (m.kind === 'initiative') return `举措 ${m.name}`;
      if (m.kind === 'theme') return `问题类型 ${m.theme}`;
      if (m.kind === 'level') return `级别 ${LEVEL_WORDS[m.level]}（${m.level}）`;
      if (m.kind === 'place') return '地名（有歧义）';
      if (m.kind === 'verb') return { mentions: '提到（举措）', cites: '引用（法规）', problems: '问题' }[m.verb];
      if (m.kind === 'object') return { initiatives: '举措', regulations: '法规', problems: '问题' }[m.object];
      if (m.kind === 'cue')
        return { shared: '共同点', spread: '扩散', byYear: '按年', byProvince: '按省', together: '同时出现', recurring: '反复出现', widest: '最普遍' }[m.cue];
      if (m.kind === 'unsupported') return '超出图谱';
      return null; // filler and 地方: read, not worth showing
    }
  }
}

/** A question is a sentence or two; a longer text is not read (a page pasted by mistake). */
export const MAX_QUESTION_LENGTH = 300;

/** Reads a question into a query, or refuses it saying why. Pure: the same question and year give the same reading. */
export function readQuestion(question: string, options: ReadOptions): Reading {
  if (question.length > MAX_QUESTION_LENGTH)
    return { words: [], refusal: { reason: `问题太长（${question.length} 个字符，最多 ${MAX_QUESTION_LENGTH} 个）：请一次问一件事`, unread: [] } };
  const terms = termsOf(question, options.latestYear);
  const found = collect(terms);
  const words = terms.flatMap((term) => {
    const means = describe(term, found);
    return means ? [{ text: term.text, means }] : [];
  });
  // nothing read at all: the question is the word not understood (not a list of its pieces)
  if (!terms.some((t) => t.kind !== 'unread')) {
    const whole = question.trim();
    return { words: whole ? [{ text: whole, means: '不认识' }] : [], refusal: { reason: '没有读懂这个问题', unread: whole ? [whole] : [] } };
  }
  const choice = choose(found);
  return 'plan' in choice ? { words, plan: choice.plan } : { words, refusal: choice.refusal };
}
