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
  text: string;
  /** Example value of every parameter declared with `// @param NAME JSON`. */
  params: Record<string, unknown>;
  /** The leading comment lines other than @param: what the statement is for. */
  description: string;
}

/** Reads the comment header: `// @param NAME JSON-example` lines and the description. */
export function parseCypherHeader(text: string): { params: Record<string, unknown>; description: string } {
  const params: Record<string, unknown> = {};
  const description: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) break;
    const body = trimmed.slice(2).trim();
    const param = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/.exec(body);
    if (param) {
      try {
        params[param[1]] = JSON.parse(param[2]);
      } catch {
        throw new Error(`bad @param example for ${param[1]}: ${param[2]} is not JSON`);
      }
    } else {
      description.push(body);
    }
  }
  return { params, description: description.join(' ').trim() };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.cypher') ? [join(dir, entry.name)] : [],
  );
}

/** Every statement file under cypher/, shared files and variants alike, sorted by name. */
export function listStatementFiles(dir = CYPHER_DIR): Statement[] {
  return walk(dir)
    .sort()
    .map((path) => {
      const rel = relative(dir, path).split(sep).join('/').replace(/\.cypher$/, '');
      const variant = /^(.*)\.(embedded|neo4j)$/.exec(rel);
      const text = readFileSync(path, 'utf8');
      return {
        name: variant ? variant[1] : rel,
        backend: variant ? (variant[2] as Backend) : null,
        path,
        text,
        ...parseCypherHeader(text),
      };
    });
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
