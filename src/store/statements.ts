// Loads the named Cypher statements of cypher/. Code refers to a statement by
// its file name; a backend-specific variant (NAME.embedded.cypher,
// NAME.neo4j.cypher) replaces the shared file for that backend only.
//
// A statement may include a fragment of cypher/fragments/ (a predicate or
// subquery several statements share) by writing `{{NAME}}` where its text
// goes: the loader expands it (fragments may include fragments), so the
// stores and Neo4j's linter only ever see whole statements.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
/** Shared pieces of statements, included by `{{NAME}}`; not statements themselves. */
export const FRAGMENTS_DIR = join(CYPHER_DIR, 'fragments');

export type Backend = 'embedded' | 'neo4j';

export interface Statement {
  /** File name without extension and backend suffix, e.g. "report_create" or "schema/constraint_report_id". */
  name: string;
  /** The backend the file is specific to, or null for the shared file. */
  backend: Backend | null;
  path: string;
  /** Path below cypher/, with extension: "schema/constraint_report_id.cypher". */
  file: string;
  text: string;
  /** Example value of every parameter declared with `// @param NAME JSON`. */
  params: Record<string, unknown>;
  /** The TypeScript types declared after an example (`// @param level null :: string | null`), by parameter. */
  paramTypes: Record<string, string>;
  /** The result columns declared with `// @returns NAME TYPE` (a TypeScript type), in order; empty: undeclared. */
  returns: { name: string; type: string }[];
  /** The leading comment lines other than @param: what the statement is for. */
  description: string;
  /**
   * `// @cache-by PARAM report|jurisdiction`: the rows depend only on the
   * reports (their properties and what they own) or the jurisdiction nodes
   * (fixed once created) whose keys $PARAM lists, so a cached result stays
   * right through writes that touch none of them. Null: any write may change it.
   */
  cacheBy: CacheBy | null;
}

/** What a cached read depends on: the keys of one kind that one parameter lists. */
export interface CacheBy {
  param: string;
  kind: CacheKind;
}

export const CACHE_KINDS = ['report', 'jurisdiction', 'initiative', 'regulation'] as const;
export type CacheKind = (typeof CACHE_KINDS)[number];

const PARAM_LINE = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+?)(?:\s+::\s+(.+))?$/;
const RETURNS_LINE = /^@returns\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/;
const CACHE_BY_LINE = /^@cache-by\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\S+)$/;

/**
 * Reads the comment header: `// @param NAME JSON-example` lines (optionally
 * followed by `:: TYPE`, the parameter's TypeScript type when the example
 * cannot tell it, as a null example cannot), `// @returns
 * NAME TYPE` lines (a result column and its TypeScript type, for the typed
 * catalogue src/store/catalogue.ts) and the description. A header the tests
 * cannot use (an @param without a JSON example, a column without a type, a
 * name declared twice) is an error, not something to skip silently.
 */
export function parseCypherHeader(text: string): {
  params: Record<string, unknown>;
  paramTypes: Record<string, string>;
  returns: { name: string; type: string }[];
  description: string;
  cacheBy: CacheBy | null;
} {
  let cacheBy: CacheBy | null = null;
  const params: Record<string, unknown> = {};
  const paramTypes: Record<string, string> = {};
  const returns: { name: string; type: string }[] = [];
  const description: string[] = [];
  for (const line of stripBom(text).split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) break;
    const body = trimmed.slice(2).trim();
    if (body.startsWith('@param')) {
      const match = PARAM_LINE.exec(body);
      if (!match) throw new Error(`malformed header line "${trimmed}": expected // @param NAME JSON-example`);
      const [, name, example, type] = match;
      if (Object.hasOwn(params, name)) throw new Error(`@param ${name} is declared twice`);
      if (type) paramTypes[name] = type.trim();
      try {
        params[name] = JSON.parse(example);
      } catch {
        throw new Error(`@param ${name}: the example ${example} is not JSON`);
      }
    } else if (body.startsWith('@returns')) {
      const match = RETURNS_LINE.exec(body);
      if (!match) throw new Error(`malformed header line "${trimmed}": expected // @returns NAME TYPE`);
      if (returns.some((r) => r.name === match[1])) throw new Error(`@returns ${match[1]} is declared twice`);
      returns.push({ name: match[1], type: match[2].trim() });
    } else if (body.startsWith('@cache-by')) {
      const match = CACHE_BY_LINE.exec(body);
      if (!match || !(CACHE_KINDS as readonly string[]).includes(match[2]))
        throw new Error(`malformed header line "${trimmed}": expected // @cache-by PARAM ${CACHE_KINDS.join('|')}`);
      if (cacheBy) throw new Error('@cache-by is declared twice');
      cacheBy = { param: match[1], kind: match[2] as CacheKind };
    } else if (body !== '') {
      description.push(body);
    }
  }
  if (cacheBy && !Object.hasOwn(params, cacheBy.param)) throw new Error(`@cache-by ${cacheBy.param}: no such @param`);
  return { params, paramTypes, returns, description: description.join(' '), cacheBy };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? (entry.name === 'fragments' ? [] : walk(join(dir, entry.name))) : entry.name.endsWith('.cypher') ? [join(dir, entry.name)] : [],
  );
}

const INCLUDE = /^([ \t]*)(.*?)\{\{\s*([a-z0-9_]+)\s*\}\}/;

type Header = ReturnType<typeof parseCypherHeader>;

/** A fragment: its text without its leading comment lines (what it is for) and trailing newlines, and the parameters its header declares. */
function readFragment(name: string, dir: string): { body: string; header: Header } {
  const path = join(dir, `${name}.cypher`);
  if (!existsSync(path)) throw new Error(`{{${name}}}: there is no fragment ${path}`);
  const text = stripBom(readFileSync(path, 'utf8'));
  const lines = text.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && (lines[first].trim().startsWith('//') || lines[first].trim() === '')) first++;
  return { body: lines.slice(first).join('\n').replace(/\s+$/, ''), header: parseCypherHeader(text) };
}

/**
 * Replaces every `{{NAME}}` by the fragment cypher/fragments/NAME.cypher. The
 * fragment's first line takes the placeholder's place; its other lines are
 * indented as the placeholder's line is, so the whole statement reads as if
 * written out. The headers of the fragments met, at any depth, are added to
 * `included` by name.
 */
export function expandFragments(text: string, dir = FRAGMENTS_DIR, seen: string[] = [], included: Map<string, Header> = new Map()): string {
  return text
    .split('\n')
    .map((line) => {
      let out = line;
      for (let match = INCLUDE.exec(out); match; match = INCLUDE.exec(out)) {
        const [whole, indent, before, name] = match;
        if (seen.includes(name)) throw new Error(`fragment ${name} includes itself (${[...seen, name].join(' → ')})`);
        const fragment = readFragment(name, dir);
        included.set(name, fragment.header);
        const body = expandFragments(fragment.body, dir, [...seen, name], included).split('\n');
        out = indent + before + body.map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n') + out.slice(whole.length);
      }
      return out;
    })
    .join('\n');
}

/**
 * A fragment declares the parameters it uses (`// @param` in its header), so
 * the statements that include it need not repeat them: they get the
 * fragments' declarations, their own winning where both declare a name (a
 * statement may want another example). Two fragments declaring one name must
 * agree.
 */
function withFragmentParams(header: Header, included: Map<string, Header>): Header {
  const params: Record<string, unknown> = {};
  const paramTypes: Record<string, string> = {};
  const declaredBy: Record<string, string> = {};
  for (const [name, fragment] of [...included].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const [param, example] of Object.entries(fragment.params)) {
      const type = fragment.paramTypes[param];
      if (Object.hasOwn(declaredBy, param) && (JSON.stringify(params[param]) !== JSON.stringify(example) || paramTypes[param] !== type)) {
        throw new Error(`@param ${param} is declared differently by fragments ${declaredBy[param]} and ${name}`);
      }
      declaredBy[param] = name;
      params[param] = example;
      if (type) paramTypes[param] = type;
    }
  }
  for (const param of Object.keys(header.params)) delete paramTypes[param];
  return { ...header, params: { ...params, ...header.params }, paramTypes: { ...paramTypes, ...header.paramTypes } };
}

/** Reads one statement file, its fragments expanded; `file` (its path below cypher/, with extension) defaults to the base name. */
export function readStatementFile(path: string, file = path.split(/[\\/]/).pop() ?? path, fragments = FRAGMENTS_DIR): Statement {
  let text: string;
  let header: Header;
  try {
    const included = new Map<string, Header>();
    text = expandFragments(stripBom(readFileSync(path, 'utf8')), fragments, [], included);
    header = withFragmentParams(parseCypherHeader(text), included);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const stem = file.replace(/\.cypher$/, '');
  const variant = /^(.*)\.(embedded|neo4j)$/.exec(stem);
  return { name: variant ? variant[1] : stem, backend: variant ? (variant[2] as Backend) : null, path, file, text, ...header };
}

/** Every statement file under dir (default cypher/), shared files and variants alike, sorted by path. */
export function listStatementFiles(dir = CYPHER_DIR): Statement[] {
  return walk(dir)
    .map((path) => ({ path, file: relative(dir, path).split(sep).join('/') }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ path, file }) => readStatementFile(path, file, join(dir, 'fragments')));
}

/** The statements one backend executes: its variant where one exists, else the shared file. */
export function loadStatements(backend: Backend, dir = CYPHER_DIR): Map<string, Statement> {
  const chosen = new Map<string, Statement>();
  for (const statement of listStatementFiles(dir)) {
    if (statement.backend !== null && statement.backend !== backend) continue;
    const existing = chosen.get(statement.name);
    if (!existing || statement.backend === backend) chosen.set(statement.name, statement);
  }
  return chosen;
}

/** Names of the schema statements (constraints, indexes) run when a store opens. */
export function schemaStatementNames(statements: Map<string, Statement>): string[] {
  return [...statements.keys()].filter((name) => name.startsWith('schema/')).sort();
}
