// Every statement of cypher/ passes Neo4j's own Cypher linter
// (@neo4j-cypher/language-support, pinned pre-release) with no error. Each
// file's `// @param` lines are declared to the linter, with the graph model's
// labels and relationship types (from cypher/README.md) and Neo4j's built-in
// functions, so that only real errors remain. Warnings (deprecations) are
// allowed. See test/support/cypher-lint.ts for the linter's API and which
// Cypher 5 constructs it accepts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listStatementFiles as listCypherFiles, parseCypherHeader } from '../../../src/store/statements.js';
import { CYPHER_DIR, CYPHER_README, graphModel, graphModelFromReadme, lintCypher, lintCypherFile } from '../../support/cypher-lint.js';

describe('the linter harness (proves that a pass below means something)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'govgraph-cypher-lint-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };

  it('passes a valid statement file with its declared parameters', () => {
    const path = write(
      'ok.cypher',
      '// A lookup.\n// @param id "r-1"\n// @param first 10\nMATCH (r:Report {id: $id})-[:MENTIONS]->(i:Initiative)\nRETURN i {.*} AS initiative\nLIMIT $first\n',
    );
    const result = lintCypherFile(path);
    expect(result.errors).toEqual([]);
    expect(result.unknownSchema).toEqual([]);
    expect(result.usedParams).toEqual(['id', 'first']);
    expect(result.statementCount).toBe(1);
    expect(result.file).toMatchObject({ name: 'ok', backend: null, description: 'A lookup.', params: { id: 'r-1', first: 10 } });
  });

  it('catches a syntax error with its position', () => {
    const path = write('broken.cypher', '// Broken on purpose.\nMATCH (n RETURN n\n');
    expect(lintCypherFile(path).errors).toEqual([expect.stringMatching(/^broken\.cypher:2:\d+ Invalid input 'RETURN'/)]);
  });

  it('makes an undeclared $parameter an error, and a declared one not', () => {
    expect(lintCypher('MATCH (n:Report {id: $id}) RETURN n.id AS id').errors).toEqual([expect.stringContaining('Parameter $id is not defined')]);
    expect(lintCypher('// @param id "x"\nMATCH (n:Report {id: $id}) RETURN n.id AS id').errors).toEqual([]);
    // a null example still declares the parameter
    expect(lintCypher('// @param year null\nMATCH (n:Report) WHERE $year IS NULL OR n.year = $year RETURN n.id AS id').errors).toEqual([]);
  });

  it('catches semantic errors: undefined variables, removed syntax, unknown and APOC functions', () => {
    expect(lintCypher('MATCH (n:Report) RETURN m').errors).not.toEqual([]);
    expect(lintCypher('MATCH (n:Report) WHERE exists(n.title) RETURN n').errors).not.toEqual([]);
    expect(lintCypher('MATCH (n:Report) RETURN toLowr(n.title) AS t').errors).not.toEqual([]);
    expect(lintCypher('RETURN apoc.text.join(["a"], ",") AS t').errors).not.toEqual([]);
    expect(lintCypher('MATCH (n:Report) RETURN toLower(n.title) AS t, coalesce(n.year, 0) AS y').errors).toEqual([]);
  });

  it('reports labels and relationship types outside the graph model, and counts statements', () => {
    expect(lintCypher('MATCH (n:Reprot)-[:MENTION]->(i:Initiative) RETURN n').unknownSchema).toHaveLength(2);
    expect(lintCypher('MATCH (n:Report) RETURN n; MATCH (m:Plan) RETURN m').statementCount).toBe(2);
    expect(lintCypher('MATCH (n:Report) RETURN n;\n// trailing comment\n').statementCount).toBe(1);
  });

  it('lints against the graph model of src/model.ts, which cypher/README.md describes', () => {
    const { labels, relationshipTypes } = graphModel();
    expect(labels).toEqual(
      expect.arrayContaining(['Report', 'Jurisdiction', 'Organization', 'Initiative', 'Regulation', 'Problem', 'ProblemTheme', 'Plan', 'Indicator']),
    );
    expect(relationshipTypes).toEqual(
      expect.arrayContaining(['ABOUT', 'ISSUED_BY', 'PART_OF', 'CITES', 'MENTIONS', 'IDENTIFIES', 'HAS_THEME', 'PLANS', 'CONCERNS', 'REPORTS']),
    );
    expect(graphModelFromReadme(readFileSync(CYPHER_README, 'utf8'))).toEqual({ labels, relationshipTypes });
  });

  it('parses headers strictly', () => {
    expect(parseCypherHeader('// What it does,\n// and why.\n// @param a {"x": [1]}\n//\n// @param b null\nRETURN $a AS a // @param c 1\n')).toEqual({
      params: { a: { x: [1] }, b: null },
      paramTypes: {},
      returns: [],
      description: 'What it does, and why.',
      cacheBy: null,
    });
    expect(parseCypherHeader('// @param a 1\n// @returns a number | null\n// @returns b ReportShape[]\nRETURN $a AS a, [] AS b').returns).toEqual([
      { name: 'a', type: 'number | null' },
      { name: 'b', type: 'ReportShape[]' },
    ]);
    // a type after the example, for what the example cannot tell (a null); the example stays JSON
    expect(parseCypherHeader('// @param a null :: number | null\n// @param b [null] :: ReadonlyArray<string | null>\nRETURN $a AS a, $b AS b')).toMatchObject({
      params: { a: null, b: [null] },
      paramTypes: { a: 'number | null', b: 'ReadonlyArray<string | null>' },
    });
    expect(() => parseCypherHeader('// @returns a\nRETURN 1 AS a')).toThrow(/malformed/);
    expect(() => parseCypherHeader('// @returns a number\n// @returns a string\nRETURN 1 AS a')).toThrow(/twice/);
    expect(() => parseCypherHeader('// @param a not-json\nRETURN $a')).toThrow(/@param a/);
    expect(() => parseCypherHeader('// @param a\nRETURN $a')).toThrow(/malformed/);
    expect(() => parseCypherHeader('// @param a 1\n// @param a 2\nRETURN $a')).toThrow(/twice/);
    // what a cached result depends on: a declared parameter and a known kind
    expect(parseCypherHeader('// @param ids ["r"]\n// @cache-by ids report\nRETURN $ids').cacheBy).toEqual({ param: 'ids', kind: 'report' });
    expect(() => parseCypherHeader('// @param ids ["r"]\n// @cache-by ids problem\nRETURN $ids')).toThrow(/malformed/);
    expect(() => parseCypherHeader('// @param ids ["r"]\n// @cache-by keys report\nRETURN $ids')).toThrow(/no such @param/);
  });
});

const files = listCypherFiles(CYPHER_DIR);

describe('cypher/', () => {
  it('has statement files (a lint over nothing would prove nothing)', () => {
    expect(files.length, `no .cypher files under ${CYPHER_DIR}`).toBeGreaterThan(0);
  });

  describe.each(files.map((file) => [file.file, file] as const))('%s', (_name, file) => {
    // linted on first use, so that a linter crash fails this file's tests only
    let cached: ReturnType<typeof lintCypherFile> | undefined;
    const lint = () => (cached ??= lintCypherFile(file.path, file));

    it('has no linter errors', () => {
      const result = lint();
      expect(result.errors, `${file.file}:\n${result.errors.join('\n')}`).toEqual([]);
    });

    it('is one statement whose // @param lines declare exactly the parameters it uses', () => {
      const result = lint();
      expect(result.statementCount, `${file.file} holds ${result.statementCount} statements`).toBe(1);
      expect([...result.declaredParams].sort(), `${file.file}: declared vs used $parameters`).toEqual([...result.usedParams].sort());
    });

    it("uses only the graph model's labels and relationship types (cypher/README.md)", () => {
      const result = lint();
      expect(result.unknownSchema, `${file.file}:\n${result.unknownSchema.join('\n')}`).toEqual([]);
    });
  });
});
