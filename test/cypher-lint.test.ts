// Every statement of cypher/ passes Neo4j's own Cypher linter
// (@neo4j-cypher/language-support, pinned pre-release) with no error. Each
// file's `// @param` lines are declared to the linter, with the graph model's
// labels and relationship types, so that only real errors remain.
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { listStatementFiles, parseCypherHeader } from '../src/store/statements.js';

const LABELS = ['Report', 'Jurisdiction', 'Organization', 'Initiative', 'Regulation', 'Problem', 'ProblemTheme', 'Plan', 'Indicator'];
const RELATIONSHIP_TYPES = ['ABOUT', 'ISSUED_BY', 'BELONGS_TO', 'PART_OF', 'CITES', 'MENTIONS', 'IDENTIFIES', 'HAS_THEME', 'PLANS', 'CONCERNS', 'REPORTS'];
const ERROR = 1; // DiagnosticSeverity.Error

/** Severity-1 diagnostics of one statement, as "line:col message". */
export function lintErrors(text: string): string[] {
  const { params } = parseCypherHeader(text);
  const { diagnostics } = lintCypherQuery(text, { labels: LABELS, relationshipTypes: RELATIONSHIP_TYPES, parameters: params });
  return diagnostics
    .filter((d) => d.severity === ERROR)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

describe('the linter harness', () => {
  it('catches a broken statement and an undeclared parameter (so a pass below means something)', () => {
    expect(lintErrors('MATCH (n:Report RETURN n')).not.toEqual([]);
    expect(lintErrors('MATCH (n:Report {id: $id}) RETURN n.id AS id')).not.toEqual([]);
    expect(lintErrors('// @param id "x"\nMATCH (n:Report {id: $id}) RETURN n.id AS id')).toEqual([]);
  });
});

const files = listStatementFiles();

describe('cypher/ statements', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.name + (f.backend ? ` (${f.backend})` : ''), f.text] as const))('%s has no linter errors', (_name, text) => {
    expect(lintErrors(text)).toEqual([]);
  });
});
