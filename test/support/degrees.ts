// Per-report relationship counts for the fault and concurrency tests: a copy of
// cypher/ with two extra read-only statements (tests only; the store runs
// named statements, never ad-hoc text), and reports made from the seeds.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CYPHER_DIR } from '../../src/store/statements.js';
import { runWith, type GraphStore, type Row, type StatementName } from '../../src/store/types.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A temporary cypher/ with report_degrees and report_owned_degrees added. */
export function cypherDirWithDegrees(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-cypher-'));
  cpSync(CYPHER_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, 'test_report_degrees.cypher'),
    '// Relationships out of each report, per type (tests).\nMATCH (r:Report)-[x]->()\nRETURN r.id AS id, type(x) AS type, count(x) AS n\n',
  );
  writeFileSync(
    join(dir, 'test_report_owned_degrees.cypher'),
    '// Relationships out of the problems and plans each report owns, per type (tests).\nMATCH (r:Report)-[]->(m)-[y]->()\nWHERE m:Problem OR m:Plan\nRETURN r.id AS id, type(y) AS type, count(y) AS n\n',
  );
  return dir;
}

/** id → "TYPE:n …" (sorted), over the report's own relationships and those of its problems and plans. */
export async function reportDegrees(store: GraphStore): Promise<Map<string, string>> {
  const byReport = new Map<string, string[]>();
  // two statements: read from one snapshot where the store has them, so a write committed between them cannot mix two states
  const snapshot = store.snapshot?.();
  try {
    for (const name of ['test_report_degrees', 'test_report_owned_degrees']) {
      for (const row of (await runWith(snapshot ?? store, name as StatementName, {})) as Row[]) {
        const list = byReport.get(String(row.id)) ?? [];
        list.push(`${name === 'test_report_degrees' ? '' : 'owned.'}${String(row.type)}:${Number(row.n)}`);
        byReport.set(String(row.id), list);
      }
    }
  } finally {
    snapshot?.release();
  }
  return new Map([...byReport].map(([id, list]) => [id, list.sort().join(' ')]));
}

/** The seed reports' texts. */
export function seedTexts(): string[] {
  const dir = join(REPO, 'seed');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** n distinct reports from the seeds: every year shifted (2021年 → 2021+k年), so ids, years and texts differ. */
export function variedReports(n: number): { name: string; text: string }[] {
  const seeds = seedTexts();
  return Array.from({ length: n }, (_, i) => {
    const shift = Math.floor(i / seeds.length) + 1;
    const text = seeds[i % seeds.length].replace(/((?:19|20)\d\d)(年|—|-)/g, (_m, year: string, tail: string) => `${Number(year) + shift}${tail}`);
    return { name: `report-${String(i).padStart(2, '0')}.txt`, text };
  });
}
