// The heading hierarchy of a report (一、 (一) 1. （1）) as section paths, and
// what each top-level section is about: achievements, problems, plans,
// leadership duties. A merged section (存在的问题及下一步工作打算) is both
// problems and plans; where the plans begin inside it is found by its marker.
import { codeBits, hasBit } from './scan.js';

export type SectionKind = 'achievements' | 'problems' | 'plans' | 'leadership' | 'other';

export interface Section {
  /** Heading text (the heading line up to its first 。). */
  heading: string;
  level: number;
  /** Offsets of the section body, heading included, up to the next heading of the same or a higher level. */
  start: number;
  end: number;
  /** Kinds of the top-level section it belongs to. */
  kinds: SectionKind[];
  path: string[];
  /** The enclosing section (one level up), or null for a top-level one. */
  parent: Section | null;
}

const HEADING_PATTERNS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+、/, 1],
  [/^[(（][一二三四五六七八九十]+[)）]/, 2],
  [/^\d+[、.．](?!\d)/, 3],
  [/^[(（]\d+[)）]/, 4],
];

// The characters a heading of HEADING_PATTERNS can start with, as a bit table (a table read per line, not a RegExp call).
const HEADING_START = codeBits((c) => /[一二三四五六七八九十(（\d]/.test(String.fromCharCode(c)));

/** /^[一二三四五六七八九十(（\d]/.test(line): whether a line may be a heading (exported for the test). */
export const startsLikeHeading = (line: string) => line.length > 0 && hasBit(HEADING_START, line.charCodeAt(0));

export function classifyHeading(heading: string): SectionKind[] {
  const kinds: SectionKind[] = [];
  if (/问题|不足|差距|短板|困难/.test(heading)) kinds.push('problems');
  if (/下一步|下步|打算|计划|安排|思路|展望|工作重点|明年|\d{4}年(工作)?(重点|主要)?(任务|工作)/.test(heading) && !/(主要举措|成效|情况$)/.test(heading))
    kinds.push('plans');
  if (/第一责任人|主要负责人|履行.*职责/.test(heading)) kinds.push('leadership');
  if (!kinds.length) kinds.push(/举措|成效|情况|工作|开展|推进|落实|完善|加强|深化|健全|坚持/.test(heading) ? 'achievements' : 'other');
  return kinds;
}

export function parseSections(text: string): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  // the lines of text.split('\n'), found by indexOf: every heading pattern starts with a numeral, a digit or
  // an opening parenthesis, so only a line starting with one is sliced out and tried (not every line of the
  // text made a string)
  for (let offset = 0; offset <= text.length; ) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    const line = end > offset && hasBit(HEADING_START, text.charCodeAt(offset)) ? text.slice(offset, end) : '';
    const match = line ? HEADING_PATTERNS.find(([re]) => re.test(line)) : undefined;
    if (match) {
      const level = match[1];
      const stop = line.indexOf('。');
      const heading = (stop < 0 ? line : line.slice(0, stop)).slice(0, 80); // line.split('。')[0].slice(0, 80)
      while (open.length && open[open.length - 1].level >= level) open.pop()!.end = offset;
      const parent = open[open.length - 1];
      const top = open[0];
      const section: Section = {
        heading,
        level,
        start: offset,
        end: text.length,
        kinds: level === 1 || !top ? classifyHeading(heading) : top.kinds,
        path: [...(parent ? parent.path : []), heading],
        parent: parent ?? null,
      };
      sections.push(section);
      open.push(section);
    }
    offset = end + 1;
  }
  return sections;
}

/**
 * The innermost section containing offset, or null before the first heading.
 * Sections come in text order and nest, so it is the last one starting at or
 * before offset, or the nearest of its ancestors still open there (a binary
 * search, not a scan: thousands of headings times thousands of facts must stay
 * linear).
 */
export function sectionAt(sections: Section[], offset: number): Section | null {
  let lo = 0;
  let hi = sections.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].start <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let found: Section | null = last >= 0 ? sections[last] : null;
  while (found && offset >= found.end) found = found.parent;
  return found;
}

/** Spans of the top-level sections of one kind. */
export function spansOfKind(sections: Section[], kind: SectionKind): { start: number; end: number; section: Section }[] {
  return sections.filter((s) => s.level === 1 && s.kinds.includes(kind)).map((s) => ({ start: s.start, end: s.end, section: s }));
}
