// Problems and plans: the enumerated items (一是… 二是…, (一) (二), 1. 2.) of
// the problems section and of the next-year section. A section that merges
// both (存在的问题及下一步工作打算) is split where the plans begin
// (下一步 / 下步 / 今后). An unenumerated part is one item, or, when its first
// paragraph is a list separated by ；, one item per entry.
import { charSet, inSet, isSpace, matchesAtCandidates } from './scan.js';
import type { Section } from './sections.js';
import type { Sentences } from './sentences.js';
import type { Mention } from './types.js';

export interface Part {
  start: number;
  end: number;
  section: Section;
}

const PLANS_START = /(^|\n|。)\s*(下一步|下步|今后|明年|下一年度)/;

/** The problems part and the plans part of the report. */
export function reportParts(text: string, sections: Section[]): { problems: Part[]; plans: Part[] } {
  const problems: Part[] = [];
  const plans: Part[] = [];
  for (const section of sections.filter((s) => s.level === 1)) {
    const bodyStart = text.indexOf('\n', section.start) + 1 || section.end;
    const isProblems = section.kinds.includes('problems');
    const isPlans = section.kinds.includes('plans');
    if (isProblems && isPlans) {
      const body = text.slice(bodyStart, section.end);
      const m = PLANS_START.exec(body);
      const split = m ? bodyStart + m.index + m[1].length : section.end;
      problems.push({ start: bodyStart, end: split, section });
      plans.push({ start: split, end: section.end, section });
    } else if (isProblems) problems.push({ start: bodyStart, end: section.end, section });
    else if (isPlans) plans.push({ start: bodyStart, end: section.end, section });
  }
  // A plans paragraph without a heading of its own (下一步,我们将…) at the end of the problems part.
  // (the sections that have a plans part, as a set: a scan of every plans part per problems part was
  // quadratic in a text made of thousands of headings)
  const planned = new Set(plans.map((p) => p.section));
  for (const part of [...problems]) {
    if (planned.has(part.section)) continue;
    const m = PLANS_START.exec(text.slice(part.start, part.end));
    if (m && m.index > 0) {
      const split = part.start + m.index + m[1].length;
      plans.push({ start: split, end: part.end, section: part.section });
      planned.add(part.section);
      part.end = split;
    }
  }
  return { problems, plans };
}

// 一是/二是 also after a comma (…面临一些问题和挑战,一是…); numbered forms only at a sentence or line start.
export const ENUMERATOR =
  /(?:^|(?<=[。;；:：\n]))\s*(?:[一二三四五六七八九十]+是|[(（][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d))|(?<=[,，])(?:[一二三四五六七八九十]+是)(?=[\u4e00-\u9fff“])/g;
// The same, anchored: run only where its lookbehinds let a match start (see enumeratorsIn).
const ENUMERATOR_AT = new RegExp(ENUMERATOR.source, 'y');
// What a match's start must follow: 。;；:：\n for the first alternative, , ， for the second.
const BEFORE_ENUMERATOR = charSet('。;；:：\n,，');

/**
 * body.matchAll(ENUMERATOR), without trying the RegExp at every position: each
 * alternative starts with a lookbehind (or ^, the body's start), so a match
 * can only start at 0 or right after one of BEFORE_ENUMERATOR. At those
 * positions, left to right from where the last match ended, the anchored
 * RegExp decides, with the global one's own choices (it is the same RegExp;
 * no match is empty).
 */
export function enumeratorsIn(body: string): RegExpExecArray[] {
  return matchesAtCandidates(body, ENUMERATOR_AT, (at) => {
    for (let p = at; p < body.length; p++) if (p === 0 || inSet(body.charCodeAt(p - 1), BEFORE_ENUMERATOR)) return p;
    return -1;
  });
}
const LEAD_IN = /^\s*(存在的?问题(和不足)?|存在的?不足|下一步工作(打算|计划)?|下步工作打算|下一步)\s*[:：,，]?\s*/;

/** The items of a part, each with its offsets; text without enumerator and trailing ;/。 */
// Punctuation an item does not end with (with the spaces).
const ITEM_TRAILING = charSet('。;；,，');

export function itemsOf(text: string, part: Part): { text: string; start: number; end: number }[] {
  const body = text.slice(part.start, part.end);
  // where each enumerator starts and ends, as two arrays of numbers (arrays of match-derived objects,
  // empty or not, had two shapes, and each change threw this function's optimized code away)
  const at: number[] = [];
  const after: number[] = [];
  for (const m of enumeratorsIn(body)) {
    at.push(m.index);
    after.push(m.index + m[0].length);
  }
  const spans: [number, number][] = [];
  if (at.length >= 2 || (at.length === 1 && at[0] < 40)) {
    for (let i = 0; i < at.length; i++) spans.push([after[i], i + 1 < at.length ? at[i + 1] : body.length]);
  } else {
    const lead = LEAD_IN.exec(body);
    const start = lead ? lead[0].length : 0;
    const newline = body.indexOf('\n', start);
    const paragraphEnd = newline >= 0 ? newline : body.length;
    // Not enumerated, but a list in one paragraph: items separated by ；
    // (执法人员能力不足；法治宣传针对性不强；…), after a lead-in ending in ：
    // (…还存在一些不足：) when there is one.
    const semicolons: number[] = [];
    for (let i = start; i < paragraphEnd; i++) if (body.charCodeAt(i) === 0xff1b || body.charCodeAt(i) === 0x3b) semicolons.push(i);
    if (semicolons.length) {
      let from = start;
      for (let i = start; i < semicolons[0]; i++) if (body.charCodeAt(i) === 0xff1a || body.charCodeAt(i) === 0x3a) from = i + 1;
      for (const at of semicolons) {
        spans.push([from, at]);
        from = at + 1;
      }
      spans.push([from, paragraphEnd]);
    } else spans.push([start, body.length]);
  }
  const items: { text: string; start: number; end: number }[] = [];
  for (let [s, e] of spans) {
    while (s < e && isSpace(body.charCodeAt(s))) s++; // /\s/.test(body[s])
    // an item ends at its paragraph's end; trailing punctuation is not part of it
    const newline = body.indexOf('\n', s);
    if (newline >= 0 && newline < e) e = newline;
    while (e > s && (isSpace(body.charCodeAt(e - 1)) || inSet(body.charCodeAt(e - 1), ITEM_TRAILING))) e--; // /[\s。;；,，]/
    if (e - s >= 4) items.push({ text: body.slice(s, e), start: part.start + s, end: part.start + e });
  }
  return items;
}

export function mentionOf(item: { start: number; end: number }, sentences: Sentences, sectionPath: (offset: number) => string[]): Mention {
  return { start: item.start, end: item.end, sentence: sentences.textSpanning(item.start, item.end), section: sectionPath(item.start) };
}
