// A harness around Neo4j's official Cypher linter, @neo4j-cypher/language-support
// (pinned 2.0.0-next.38), for the statements of cypher/.
//
// The linter's API at this version (dist/esm/.../syntaxValidation.d.ts, dbSchema.d.ts):
//   lintCypherQuery(query: string, dbSchema: DbSchema, options?: { consoleCommandsEnabled?: boolean })
//     => { diagnostics: SyntaxDiagnostic[]; symbolTables: SymbolTable[] }
//   - synchronous; SyntaxDiagnostic is an LSP Diagnostic (severity 1 = Error,
//     2 = Warning; range with 0-based line/character) plus character offsets;
//   - DbSchema = { labels?, relationshipTypes?, parameters?: Record<name, example>,
//     propertyKeys?, functions?/procedures?: { 'CYPHER 5'?: {name: spec}, 'CYPHER 25'?: ... },
//     defaultLanguage?: 'CYPHER 5' | 'CYPHER 25', databaseNames?, ... };
//   - the language is 'CYPHER 5' unless the query or dbSchema.defaultLanguage says otherwise;
//   - every `$param` that dbSchema.parameters lacks is an ERROR
//     ("Parameter $x is not defined."), whatever else the schema holds: so each
//     file's `// @param` lines must declare all its parameters;
//   - labels / relationship types missing from dbSchema are only WARNINGS, and
//     only when both lists are given; unknown properties likewise (propertyKeys);
//   - functions and procedures are checked (ERROR "Function x is not present in
//     the database") only when dbSchema.functions / .procedures are given. The
//     package exports no catalogue of its own, except `testData.mockSchema`, a
//     dump of a Neo4j 5 server with APOC and GDS: the built-ins are taken from it
//     (isBuiltIn functions; db.*, dbms.*, tx.* procedures), so APOC, GDS and typos
//     are errors, as they would be on a plain Neo4j 5 community server;
//   - consoleCommandsEnabled defaults to true (":param x => 1" lines are
//     accepted); statement files are not console scripts, so it is turned off.
//
// What this linter version accepts (probed by hand with the model's labels;
// "clean" = no diagnostic at all, in both CYPHER 5 and CYPHER 25):
//   - CALL subqueries: `CALL (x) { ... }` (variable scope clause, Neo4j 5.23+)
//     is clean. `CALL { WITH x ... }` is NOT an error but a severity-2
//     deprecation warning ("CALL subquery without a variable scope clause is
//     deprecated. Use CALL (x) { ... }"), also with IN TRANSACTIONS; a bare
//     `CALL { ... }` that reuses an outer name additionally warns about
//     shadowing. Write `CALL (x) { ... }` (and `CALL () { ... }` for no imports).
//   - clean: MERGE ... ON CREATE SET ... ON MATCH SET; SET r += $props;
//     SET n = $props; CREATE (n:L $props); UNWIND $rows AS row; map projections
//     n {.*} and n {.k, extra: 1}; any(x IN list WHERE ...); reduce(...);
//     CREATE INDEX x IF NOT EXISTS FOR (n:L) ON (n.p);
//     CREATE CONSTRAINT x IF NOT EXISTS FOR (n:L) REQUIRE n.k IS UNIQUE;
//     count{ (n)--() }, COUNT { MATCH ... WHERE ... }, COLLECT { MATCH ... RETURN ... },
//     EXISTS { ... }; pattern comprehensions; NOT (n)--() in WHERE;
//     SKIP $s LIMIT $l; shortestPath(...); elementId(n).
//   - warnings only: id(n) (deprecated, use elementId), unknown label or type.
//   - errors: syntax errors, undefined variables, exists(n.prop) (removed in 5:
//     use n.prop IS NOT NULL), undeclared $parameters, unknown functions or
//     procedures (with the catalogue below).
//   - NOT caught by the linter: several statements in one file (it lints each);
//     lintCypherFile() counts them itself.
import { lintCypherQuery, parseParameters, parseStatementsStrs, testData } from '@neo4j-cypher/language-support';
import type { DbSchema, SyntaxDiagnostic } from '@neo4j-cypher/language-support';
import { fileURLToPath } from 'node:url';
import { parseCypherHeader, readStatementFile as readCypherFile, type Statement as CypherFile } from '../../src/store/statements.js';
import { NODE_LABELS, RELATION_TYPES } from '../../src/model.js';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
export const CYPHER_README = fileURLToPath(new URL('../../cypher/README.md', import.meta.url));

export const SEVERITY_ERROR = 1;
export const SEVERITY_WARNING = 2;

/** The labels and relationship types of the graph model. */
export interface GraphModel {
  labels: string[];
  relationshipTypes: string[];
}

/**
 * Reads the graph model as cypher/README.md describes it: node labels from the
 * first column of the node table (`Report`) and from relationship patterns
 * ((Report)-[:ABOUT]->(Jurisdiction)), types from the patterns' [:TYPE]; a
 * test holds it to src/model.ts.
 */
export function graphModelFromReadme(markdown: string): GraphModel {
  const labels = new Set<string>();
  const types = new Set<string>();
  for (const m of markdown.matchAll(/^\|\s*`([A-Z][A-Za-z0-9]*)`\s*\|/gm)) labels.add(m[1]);
  for (const line of markdown.split('\n').filter((l) => l.includes('-[:'))) {
    for (const m of line.matchAll(/\(([A-Z][A-Za-z0-9]*)\)/g)) labels.add(m[1]);
    for (const m of line.matchAll(/\[:([A-Z][A-Z0-9_]*)\]/g)) types.add(m[1]);
  }
  return { labels: [...labels].sort(), relationshipTypes: [...types].sort() };
}

/** The labels and relationship types of the graph model (src/model.ts). */
export function graphModel(): GraphModel {
  return { labels: [...NODE_LABELS].sort(), relationshipTypes: [...RELATION_TYPES].sort() };
}

type Catalogue = NonNullable<DbSchema['functions']>;
type ProcedureCatalogue = NonNullable<DbSchema['procedures']>;

/** Neo4j's built-in functions per Cypher version (no APOC, no GDS). */
export const BUILTIN_FUNCTIONS: Catalogue = Object.fromEntries(
  Object.entries(testData.mockSchema.functions ?? {}).map(([version, registry]) => [
    version,
    Object.fromEntries(Object.entries(registry ?? {}).filter(([, fn]) => fn.isBuiltIn)),
  ]),
);

/** Neo4j's own procedures per Cypher version (db.*, dbms.*, tx.*; no APOC, GDS or enterprise CDC). */
export const BUILTIN_PROCEDURES: ProcedureCatalogue = Object.fromEntries(
  Object.entries(testData.mockSchema.procedures ?? {}).map(([version, registry]) => [
    version,
    Object.fromEntries(Object.entries(registry ?? {}).filter(([name]) => /^(db|dbms|tx)\./.test(name))),
  ]),
);

export interface LintOptions {
  /** Parameters to declare; default: the `// @param` lines of the text's header. */
  params?: Record<string, unknown>;
  /**
   * Check functions and procedures against Neo4j's built-in catalogue
   * (default true). An `.embedded.cypher` variant is written for Grafeo, whose
   * function set differs, so lintCypherFile() turns this off for it.
   */
  checkFunctions?: boolean;
  /** Name used in messages. */
  source?: string;
}

export interface LintResult {
  /** Every diagnostic, as the linter returned it. */
  diagnostics: SyntaxDiagnostic[];
  /** Severity-1 diagnostics, formatted "source:line:col message". */
  errors: string[];
  /** Severity-2 diagnostics (deprecations and the like), formatted likewise. */
  warnings: string[];
  /** The warnings about labels or relationship types outside the graph model. */
  unknownSchema: string[];
  /** Parameters the statement uses ($name), in order of first use. */
  usedParams: string[];
  /** Parameters declared (the `params` option or the header). */
  declaredParams: string[];
  /** Number of statements, not counting comment-only chunks (e.g. after a final `;`). */
  statementCount: number;
}

export function dbSchemaFor(params: Record<string, unknown>, checkFunctions = true): DbSchema {
  const { labels, relationshipTypes } = graphModel();
  return {
    labels,
    relationshipTypes,
    parameters: params,
    defaultLanguage: 'CYPHER 5',
    ...(checkFunctions ? { functions: BUILTIN_FUNCTIONS, procedures: BUILTIN_PROCEDURES } : {}),
  };
}

/** Lints one statement text (header comments included). */
export function lintCypher(text: string, options: LintOptions = {}): LintResult {
  const params = options.params ?? parseCypherHeader(text).params;
  const source = options.source ?? '<query>';
  const { diagnostics } = lintCypherQuery(text, dbSchemaFor(params, options.checkFunctions ?? true), {
    consoleCommandsEnabled: false,
  });
  const format = (d: SyntaxDiagnostic) => `${source}:${d.range.start.line + 1}:${d.range.start.character + 1} ${messageOf(d).replace(/\s+/g, ' ').trim()}`;
  const warnings = diagnostics.filter((d) => d.severity === SEVERITY_WARNING);
  return {
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === SEVERITY_ERROR).map(format),
    warnings: warnings.map(format),
    unknownSchema: warnings
      .filter((d) => /^(Label|Relationship type|Label or relationship type) \S+ is not present in the database/.test(messageOf(d)))
      .map(format),
    usedParams: [...new Set(parseParameters(text, false))],
    declaredParams: Object.keys(params),
    statementCount: parseStatementsStrs(text).filter((s) => stripComments(s).trim() !== '').length,
  };
}

/** Lints one statement file with the parameters its header declares. */
export function lintCypherFile(path: string, file?: CypherFile): LintResult & { file: CypherFile } {
  const cypherFile = file ?? readCypherFile(path);
  const result = lintCypher(cypherFile.text, {
    params: cypherFile.params,
    checkFunctions: cypherFile.backend !== 'embedded',
    source: cypherFile.file,
  });
  return { ...result, file: cypherFile };
}

/** An LSP message is a string or, in newer protocol versions, markup. */
function messageOf(d: SyntaxDiagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function stripComments(statement: string): string {
  return statement.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}
