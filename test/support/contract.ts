// The JSON contract of `govgraph extract` (DESIGN.md, "Contracts"), as a
// checker that lists every violation instead of stopping at the first, plus
// the provenance rules a ReportGraph's mentions must keep: offsets inside the
// normalized text, and the characters they point at being what the fact says.
import type { Mention, ReportGraph } from '../../src/extract/types.js';

// (zones and townships are jurisdictions too: DESIGN.md's glossary, issue 15)
const LEVELS = ['province', 'prefecture', 'county', 'zone', 'township'];
const ISSUER_TYPES = ['government', 'department'];
const KINDS = ['law', 'administrative_regulation', 'local_regulation', 'rule', 'party_document', 'plan', 'normative_document', 'other'];
const SCOPES = ['national', 'provincial', 'local'];
const ACTIONS = ['issued', 'revised', 'implemented', 'studied', 'referenced'];

type Obj = Record<string, unknown>;

class Checker {
  readonly problems: string[] = [];
  fail(path: string, what: string): void {
    if (this.problems.length < 50) this.problems.push(`${path}: ${what}`);
  }
  object(v: unknown, path: string): v is Obj {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.fail(path, `not an object (${JSON.stringify(v)?.slice(0, 60)})`);
      return false;
    }
    return true;
  }
  string(v: unknown, path: string, { nullable = false, nonEmpty = false } = {}): void {
    if (v === null && nullable) return;
    if (typeof v !== 'string') {
      this.fail(path, `not a string${nullable ? ' or null' : ''} (${JSON.stringify(v)?.slice(0, 60)})`);
      return;
    }
    if (nonEmpty && !v.trim()) this.fail(path, 'empty string');
  }
  oneOf(v: unknown, values: string[], path: string, { nullable = false } = {}): void {
    if (v === null && nullable) return;
    if (typeof v !== 'string' || !values.includes(v)) this.fail(path, `${JSON.stringify(v)} is not one of ${values.join('|')}`);
  }
  integer(v: unknown, path: string, { nullable = false, min = -Infinity } = {}): void {
    if (v === null && nullable) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) this.fail(path, `not an integer ≥ ${min} (${JSON.stringify(v)})`);
  }
  number(v: unknown, path: string): void {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, `not a finite number (${String(v)})`);
  }
  strings(v: unknown, path: string, { nonEmpty = false } = {}): void {
    if (!Array.isArray(v)) {
      this.fail(path, 'not an array');
      return;
    }
    if (nonEmpty && !v.length) this.fail(path, 'empty array');
    v.forEach((s, i) => {
      this.string(s, `${path}[${i}]`, { nonEmpty: true });
    });
  }
  array(v: unknown, path: string, each: (item: unknown, path: string) => void): void {
    if (!Array.isArray(v)) {
      this.fail(path, 'not an array');
      return;
    }
    v.forEach((item, i) => {
      each(item, `${path}[${i}]`);
    });
  }
  mentions(v: unknown, path: string, { optional = false, nonEmpty = true } = {}): void {
    if (v === undefined && optional) return;
    if (!Array.isArray(v)) {
      this.fail(path, 'not an array');
      return;
    }
    if (nonEmpty && !v.length) this.fail(path, 'no mention');
    v.forEach((m, i) => {
      const p = `${path}[${i}]`;
      if (!this.object(m, p)) return;
      this.integer(m.start, `${p}.start`, { min: 0 });
      this.integer(m.end, `${p}.end`, { min: 0 });
      this.string(m.sentence, `${p}.sentence`);
      if (m.section !== undefined) this.strings(m.section, `${p}.section`);
    });
  }
  keys(o: Obj, allowed: string[], path: string): void {
    for (const key of Object.keys(o)) if (!allowed.includes(key)) this.fail(path, `unexpected key ${key}`);
  }
}

/**
 * Violations of the extract JSON contract by one output line (already parsed
 * from JSON, so undefined fields are gone and NaN has become null).
 */
export function contractViolations(line: unknown): string[] {
  const c = new Checker();
  if (!c.object(line, '$')) return c.problems;
  if ('error' in line) {
    c.keys(line, ['file', 'error'], '$');
    c.string(line.file, '$.file');
    c.string(line.error, '$.error', { nonEmpty: true });
    return c.problems;
  }
  c.keys(
    line,
    ['file', 'reportId', 'title', 'year', 'jurisdiction', 'jurisdictionUnknown', 'issuer', 'regulations', 'initiatives', 'problems', 'plans', 'metrics'],
    '$',
  );
  // the reason no place was named: only beside a null jurisdiction
  if ('jurisdictionUnknown' in line) {
    c.string(line.jurisdictionUnknown, '$.jurisdictionUnknown', { nonEmpty: true });
    if (line.jurisdiction !== null) c.fail('$.jurisdictionUnknown', 'given beside a jurisdiction');
  }
  c.string(line.file, '$.file');
  c.string(line.reportId, '$.reportId', { nonEmpty: true });
  c.string(line.title, '$.title', { nullable: true });
  c.integer(line.year, '$.year', { nullable: true });
  if (line.jurisdiction !== null && c.object(line.jurisdiction, '$.jurisdiction')) {
    const j = line.jurisdiction;
    c.string(j.name, '$.jurisdiction.name', { nonEmpty: true });
    c.string(j.fullName, '$.jurisdiction.fullName', { nonEmpty: true });
    c.string(j.province, '$.jurisdiction.province', { nullable: true });
    c.string(j.prefecture, '$.jurisdiction.prefecture', { nullable: true });
    c.oneOf(j.level, LEVELS, '$.jurisdiction.level', { nullable: true });
    if (j.adminCode !== null && !(typeof j.adminCode === 'string' && /^\d{6}$/.test(j.adminCode)))
      c.fail('$.jurisdiction.adminCode', `not 6 digits: ${JSON.stringify(j.adminCode)}`);
    if (j.confidence !== undefined && !(typeof j.confidence === 'number' && j.confidence > 0 && j.confidence <= 1))
      c.fail('$.jurisdiction.confidence', `not in (0, 1]: ${JSON.stringify(j.confidence)}`);
    if (j.basis !== undefined) c.string(j.basis, '$.jurisdiction.basis', { nonEmpty: true });
  }
  if (line.issuer !== null && c.object(line.issuer, '$.issuer')) {
    c.oneOf(line.issuer.type, ISSUER_TYPES, '$.issuer.type');
    c.string(line.issuer.name, '$.issuer.name', { nonEmpty: true });
  }
  c.array(line.regulations, '$.regulations', (r, p) => {
    if (!c.object(r, p)) return;
    c.string(r.title, `${p}.title`, { nonEmpty: true });
    c.strings(r.surface, `${p}.surface`, { nonEmpty: true });
    c.oneOf(r.kind, KINDS, `${p}.kind`);
    c.oneOf(r.scope, SCOPES, `${p}.scope`, { nullable: true });
    c.oneOf(r.action, ACTIONS, `${p}.action`);
    c.integer(r.count, `${p}.count`, { min: 1 });
    c.mentions(r.mentions, `${p}.mentions`);
  });
  c.array(line.initiatives, '$.initiatives', (r, p) => {
    if (!c.object(r, p)) return;
    c.string(r.name, `${p}.name`, { nonEmpty: true });
    c.strings(r.surface, `${p}.surface`, { nonEmpty: true });
    c.string(r.category, `${p}.category`, { nullable: true });
    c.integer(r.count, `${p}.count`, { min: 1 });
    c.mentions(r.mentions, `${p}.mentions`);
    if (r.confidence !== undefined && !(typeof r.confidence === 'number' && r.confidence >= 0 && r.confidence <= 1))
      c.fail(`${p}.confidence`, `not in [0, 1]: ${String(r.confidence)}`);
  });
  c.array(line.problems, '$.problems', (r, p) => {
    if (!c.object(r, p)) return;
    c.string(r.text, `${p}.text`, { nonEmpty: true });
    c.string(r.theme, `${p}.theme`, { nullable: true });
    c.mentions(r.mentions, `${p}.mentions`);
  });
  c.array(line.plans, '$.plans', (r, p) => {
    if (!c.object(r, p)) return;
    c.string(r.text, `${p}.text`, { nonEmpty: true });
    c.strings(r.initiatives, `${p}.initiatives`);
    c.mentions(r.mentions, `${p}.mentions`, { optional: true });
  });
  c.array(line.metrics, '$.metrics', (r, p) => {
    if (!c.object(r, p)) return;
    c.string(r.indicator, `${p}.indicator`, { nonEmpty: true });
    c.number(r.value, `${p}.value`);
    c.string(r.unit, `${p}.unit`, { nullable: true });
    c.string(r.surface, `${p}.surface`, { nonEmpty: true });
    c.mentions(r.mentions, `${p}.mentions`, { optional: true });
  });
  return c.problems;
}

/**
 * Violations of the provenance rules: every mention's offsets are integers
 * with 0 ≤ start ≤ end ≤ text.length, its sentence is a piece of the text,
 * and text.slice(start, end) is what the fact claims was written there:
 * one of a regulation's or initiative's surface forms, a problem's or plan's
 * text, the number and unit at the end of a metric's surface.
 */
export function provenanceViolations(graph: ReportGraph): string[] {
  const problems: string[] = [];
  const { text } = graph;
  const fail = (path: string, what: string) => {
    if (problems.length < 50) problems.push(`${path}: ${what}`);
  };
  const check = (m: Mention, path: string, claim: (slice: string) => string | null) => {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end < m.start || m.end > text.length) {
      fail(path, `offsets [${m.start}, ${m.end}) outside the text of ${text.length} characters`);
      return;
    }
    if (m.end === m.start) fail(path, 'empty span');
    const slice = text.slice(m.start, m.end);
    const wrong = claim(slice);
    if (wrong) fail(path, `text.slice(${m.start}, ${m.end}) = ${JSON.stringify(slice)} ${wrong}`);
    if (m.sentence && !text.includes(m.sentence)) fail(`${path}.sentence`, `${JSON.stringify(m.sentence.slice(0, 40))} is not in the text`);
  };
  graph.regulations.forEach((r, i) => {
    r.mentions.forEach((m, k) => {
      check(m, `regulations[${i}].mentions[${k}]`, (s) => (r.surface.includes(s) ? null : `is not a surface of ${JSON.stringify(r.surface)}`));
    });
  });
  graph.initiatives.forEach((r, i) => {
    r.mentions.forEach((m, k) => {
      check(m, `initiatives[${i}].mentions[${k}]`, (s) => (r.surface.includes(s) ? null : `is not a surface of ${JSON.stringify(r.surface)}`));
    });
  });
  graph.problems.forEach((r, i) => {
    r.mentions.forEach((m, k) => {
      check(m, `problems[${i}].mentions[${k}]`, (s) => (s === r.text ? null : `≠ the problem's text`));
    });
  });
  graph.plans.forEach((r, i) => {
    (r.mentions ?? []).forEach((m, k) => {
      check(m, `plans[${i}].mentions[${k}]`, (s) => (s === r.text ? null : `≠ the plan's text`));
    });
  });
  graph.metrics.forEach((r, i) => {
    (r.mentions ?? []).forEach((m, k) => {
      check(m, `metrics[${i}].mentions[${k}]`, (s) => (r.surface.endsWith(s) ? null : `does not end the surface ${JSON.stringify(r.surface)}`));
    });
  });
  return problems;
}
