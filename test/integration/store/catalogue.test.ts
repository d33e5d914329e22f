// The typed catalogue of cypher/ statements (src/store/catalogue.ts) is
// generated from the statement headers by `npm run cypher:types`; like
// schema/schema.graphql, the committed file must be what the generator
// writes now. Every column a header declares is one the statement returns
// (its final RETURN clause; conformance.test.ts checks the rows too).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILE, catalogueSource, typeOfExample } from '../../../src/store/catalogue-build.js';
import { listStatementFiles } from '../../../src/store/statements.js';

/** The column names of a statement's final RETURN clause (`expr AS name` or a bare variable). */
function returnedColumns(text: string): string[] {
  const body = text.replace(/\/\/.*$/gm, '');
  const at = [...body.matchAll(/^RETURN\s+(?:DISTINCT\s+)?/gm)].at(-1);
  if (!at) return [];
  let clause = body.slice(at.index! + at[0].length);
  clause = clause.split(/^(?:ORDER BY|SKIP|LIMIT|UNION)\b/m)[0];
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of clause) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => /\bAS\s+(\w+)$/.exec(item)?.[1] ?? item);
}

const statements = listStatementFiles();

describe('the statement catalogue', () => {
  it('is up to date with the headers of cypher/ (run `npm run cypher:types`)', () => {
    expect(readFileSync(CATALOGUE_FILE, 'utf8')).toBe(catalogueSource(statements));
  });

  it('reads parameter types from the examples', () => {
    expect(typeOfExample('county')).toBe('string');
    expect(typeOfExample(null)).toBe('unknown');
    expect(typeOfExample([{ label: 'Report', key: 'r' }])).toBe('ReadonlyArray<{ label: string; key: string }>');
    expect(typeOfExample([])).toBe('ReadonlyArray<unknown>');
  });

  it('reads the columns of a RETURN clause', () => {
    expect(returnedColumns('MATCH (n)\nCALL (n) { MATCH (m) RETURN m }\nRETURN n.id AS id, [x IN [1, 2] | x] AS xs, total\nORDER BY id')).toEqual([
      'id',
      'xs',
      'total',
    ]);
  });

  describe.each(statements.map((s) => [s.file, s] as const))('%s', (_file, statement) => {
    it('declares exactly the columns its RETURN clause returns', () => {
      expect(statement.returns.map((c) => c.name)).toEqual(returnedColumns(statement.text));
    });
  });
});
