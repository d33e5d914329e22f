// The graph model of src/model.ts (ids as the API has always given them),
// and the Cypher fragments that must agree with it.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_PROPERTY, NODE_LABELS, RELATIONSHIPS, RELATION_TYPES, displayLabel, edgeId, isNodeLabel, isRelationType, nodeId } from '../../../src/model.js';
import { expandFragments, FRAGMENTS_DIR, listStatementFiles, readStatementFile } from '../../../src/store/statements.js';

describe('the graph model', () => {
  it('names every label once, with a key property, and joins only its own labels', () => {
    expect(NODE_LABELS).toEqual(['Report', 'Jurisdiction', 'Organization', 'Initiative', 'Regulation', 'Problem', 'ProblemTheme', 'Plan', 'Indicator']);
    for (const ends of Object.values(RELATIONSHIPS)) for (const [from, to] of ends) expect([isNodeLabel(from), isNodeLabel(to)]).toEqual([true, true]);
    expect(RELATION_TYPES.every(isRelationType)).toBe(true);
    expect(isNodeLabel('toString')).toBe(false);
    expect(new Set(Object.values(KEY_PROPERTY))).toEqual(new Set(['id', 'key', 'name', 'title']));
  });

  it("gives a node the Relay global id (Pothos's encoding, in Node.js and in a browser)", () => {
    for (const [label, key] of [
      ['Initiative', '行政执法三项制度'],
      ['Jurisdiction', '510604'],
      ['Report', 'a60db31662cb9267'],
      ['Regulation', '《法治政府建设实施纲要(2021—2025年)》'],
    ]) {
      expect(nodeId(label, key)).toBe(encodeGlobalID(label, key));
    }
    const buffer = (globalThis as { Buffer?: unknown }).Buffer;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      expect(nodeId('Initiative', '行政执法三项制度')).toBe(encodeGlobalID('Initiative', '行政执法三项制度'));
    } finally {
      (globalThis as { Buffer?: unknown }).Buffer = buffer;
    }
  });

  it('numbers parallel edges and labels nodes for a viewer', () => {
    expect(edgeId('CITES', 'a', 'b')).toBe('CITES:a->b');
    expect(edgeId('CITES', 'a', 'b', 2)).toBe('CITES:a->b#2');
    expect(displayLabel('Report', { title: null, issuerName: '罗江区人民政府', year: 2023 })).toBe('罗江区人民政府 2023');
    expect(displayLabel('Jurisdiction', { name: '罗江区', fullName: '四川省德阳市罗江区' })).toBe('四川省德阳市罗江区');
    expect(displayLabel('Problem', { id: 'p', text: '执法能力不足' })).toBe('执法能力不足');
  });
});

describe('cypher/fragments', () => {
  it('looks a node up by the key property of each label of the model, and by no other label', () => {
    const fragment = readFileSync(join(FRAGMENTS_DIR, 'node_by_key.cypher'), 'utf8');
    const branches = [...fragment.matchAll(/^MATCH \(s:(\w+) \{(\w+): start\.key\}\) WHERE start\.label = '(\w+)' RETURN s$/gm)];
    expect(branches.map(([, label, key, named]) => [label, key, named])).toEqual(NODE_LABELS.map((label) => [label, KEY_PROPERTY[label], label]));
    expect(fragment.match(/^UNION$/gm)).toHaveLength(NODE_LABELS.length - 1);
  });

  it('are expanded in place, nested, indented as the placeholder, and an unknown one is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-fragments-'));
    try {
      writeFileSync(join(dir, 'outer.cypher'), '// What it is for.\nA\n  {{inner}}\n');
      writeFileSync(join(dir, 'inner.cypher'), 'B\n  C\n');
      writeFileSync(join(dir, 'loop.cypher'), '{{loop}}\n');
      expect(expandFragments('MATCH (n)\nWHERE {{outer}}\nRETURN n', dir)).toBe('MATCH (n)\nWHERE A\n  B\n    C\nRETURN n');
      expect(expandFragments('  x {{inner}} y', dir)).toBe('  x B\n    C y');
      expect(() => expandFragments('{{missing}}', dir)).toThrow(/no fragment/);
      expect(() => expandFragments('{{loop}}', dir)).toThrow(/includes itself/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("declare their parameters for the statements that include them; a statement's own declaration wins, two fragments must agree", () => {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-fragment-params-'));
    try {
      mkdirSync(join(dir, 'fragments'));
      writeFileSync(
        join(dir, 'fragments', 'place.cypher'),
        '// The place.\n// @param level "county"\n// @param text null :: string | null\n(j.level = $level) AND ($text IS NULL OR j.name CONTAINS $text) {{year}}\n',
      );
      writeFileSync(join(dir, 'fragments', 'year.cypher'), '// @param year 2024\nAND j.year = $year\n');
      writeFileSync(join(dir, 'fragments', 'other_year.cypher'), '// @param year 2023\nAND j.year = $year\n');
      writeFileSync(join(dir, 'list.cypher'), '// @param level "province"\n// @param limit 20\nMATCH (j:Jurisdiction) WHERE {{place}} RETURN j LIMIT $limit\n');
      writeFileSync(join(dir, 'clash.cypher'), '// @param limit 20\nMATCH (j:Jurisdiction) WHERE {{place}} {{other_year}} RETURN j LIMIT $limit\n');
      const list = readStatementFile(join(dir, 'list.cypher'), 'list.cypher', join(dir, 'fragments'));
      expect(list.params).toEqual({ level: 'province', text: null, year: 2024, limit: 20 });
      expect(list.paramTypes).toEqual({ text: 'string | null' });
      expect(list.text.match(/@param/g)).toHaveLength(2); // its own two: the fragments' headers are not expanded into it
      expect(() => readStatementFile(join(dir, 'clash.cypher'), 'clash.cypher', join(dir, 'fragments'))).toThrow(
        /year is declared differently by fragments other_year and year/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are no statements of their own', () => {
    expect(listStatementFiles().filter((s) => s.file.startsWith('fragments/') || s.text.includes('{{'))).toEqual([]);
  });
});
