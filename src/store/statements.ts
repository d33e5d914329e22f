// Loads the named Cypher statements of cypher/. Code refers to a statement by
// its file name; a backend-specific variant (NAME.embedded.cypher,
// NAME.neo4j.cypher) replaces the shared file for that backend only.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

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
  /** The leading comment lines other than @param: what the statement is for. */
  description: string;
}

const PARAM_LINE = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/;

/**
 * Reads the comment header: `// @param NAME JSON-example` lines and the
 * description. A header the tests cannot use (an @param without a JSON
 * example, or declared twice) is an error, not something to skip silently.
 */
export function parseCypherHeader(text: string): { params: Record<string, unknown>; description: string } {
  const params: Record<string, unknown> = {};
  const description: string[] = [];
  for (const line of stripBom(text).split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) break;
    const body = trimmed.slice(2).trim();
    if (body.startsWith('@param')) {
      const match = PARAM_LINE.exec(body);
      if (!match) throw new Error(`malformed header line "${trimmed}": expected // @param NAME JSON-example`);
      const [, name, example] = match;
      if (Object.hasOwn(params, name)) throw new Error(`@param ${name} is declared twice`);
      try {
        params[name] = JSON.parse(example);
      } catch {
        throw new Error(`@param ${name}: the example ${example} is not JSON`);
      }
    } else if (body !== '') {
      description.push(body);
    }
  }
  return { params, description: description.join(' ') };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.cypher') ? [join(dir, entry.name)] : [],
  );
}

/** Reads one statement file; `file` (its path below cypher/, with extension) defaults to the base name. */
export function readStatementFile(path: string, file = path.split(/[\\/]/).pop() ?? path): Statement {
  const text = stripBom(readFileSync(path, 'utf8'));
  const stem = file.replace(/\.cypher$/, '');
  const variant = /^(.*)\.(embedded|neo4j)$/.exec(stem);
  let header;
  try {
    header = parseCypherHeader(text);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return { name: variant ? variant[1] : stem, backend: variant ? (variant[2] as Backend) : null, path, file, text, ...header };
}

/** Every statement file under dir (default cypher/), shared files and variants alike, sorted by path. */
export function listStatementFiles(dir = CYPHER_DIR): Statement[] {
  return walk(dir)
    .map((path) => ({ path, file: relative(dir, path).split(sep).join('/') }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ path, file }) => readStatementFile(path, file));
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
