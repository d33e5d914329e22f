// govgraph ingest PATH... — read, extract and store reports; prints one line
// per file on stderr and a summary at the end.
import { existsSync } from 'node:fs';
import { ingestPaths, type FileOutcome, type IngestSummary } from '../../ingest/pipeline.js';
import { describeStore, openStore, storeConfigFromEnv } from '../../store/open.js';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';

export const help = `Usage: govgraph ingest [--dry-run] [--json] PATH...

Reads report files (directories recursively), extracts them and writes each
report to the store in one transaction. Re-ingesting an unchanged report
changes nothing.

  --dry-run   extract only, write nothing
  --json      print the summary as JSON on stdout

Store: Neo4j when NEO4J_URI is set, else the embedded store in GOVGRAPH_DATA
(default ./data).
Exit code: 0 all ingested or unchanged, 1 some refused or failed, 2 usage error.`;

export function formatOutcome(outcome: FileOutcome): string {
  return `${outcome.status.padEnd(9)} ${outcome.file}${outcome.reason ? `: ${outcome.reason}` : ''}`;
}

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `${s.files} file(s): ${s.created} created, ${s.replaced} replaced, ${s.unchanged} unchanged, ${s.refused.length} refused, ${s.failed.length} failed`,
  ];
  for (const o of [...s.refused, ...s.failed]) lines.push(`  ${formatOutcome(o)}`);
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } });
  if (values.help) return (console.log(help), 0);
  if (!positionals.length) throw new UsageError('ingest needs at least one PATH');
  const missing = positionals.filter((path) => !existsSync(path));
  if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const config = storeConfigFromEnv();
  const store = values['dry-run'] ? null : await openStore(config);
  try {
    if (store) process.stderr.write(`ingesting into the ${describeStore(config)}\n`);
    const summary = await ingestPaths(store, positionals, {
      dryRun: Boolean(values['dry-run']),
      onFile: (outcome, done) => process.stderr.write(`[${done}] ${formatOutcome(outcome)}\n`),
    });
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stderr.write(`${formatSummary(summary)}\n`);
    return summary.refused.length || summary.failed.length ? 1 : 0;
  } finally {
    await store?.close();
  }
}
