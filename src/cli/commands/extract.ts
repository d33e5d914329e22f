// govgraph extract FILE... — one JSON object per file on stdout (JSON Lines),
// in the contract of DESIGN.md; a file that fails yields {"file", "error"}.
// Takes every input format that ingest takes.
import { relative } from 'node:path';
import type { ReportGraph } from '../../extract/types.js';
import { listInputFiles } from '../../ingest/files.js';
import { SUPPORTED_LIST } from '../../ingest/formats.js';
import type { Config } from '../config.js';
import { extractFile } from '../../ingest/report.js';
import { DEFAULT_MAX_FILE_MB } from '../../ingest/read.js';
import { inputFilesAndLimit, parse } from '../args.js';
import { stdoutClosed } from '../output.js';
import { UsageError } from '../errors.js';

export const help = `Usage: govgraph extract [--max-size MB] FILE|DIR|GLOB...

Extracts each report and prints one JSON object per file, one per line
(JSON Lines): file, reportId, title, year, jurisdiction (with the confidence
and basis of the reading), jurisdictionUnknown (why, when no place could be
named), issuer, regulations, initiatives, problems, plans, metrics. A file
that cannot be read or is not a
report prints {"file": …, "error": …} and the others go on. Nothing is written
to the store.

Formats: ${SUPPORTED_LIST}.
Directories are read recursively; quote a glob ('reports/**/*.pdf') to let
govgraph expand it.

  --max-size MB   refuse files larger than this (default: GOVGRAPH_MAX_FILE_MB or ${DEFAULT_MAX_FILE_MB},
                  the store's limit on one report's text)

Exit code: 0 if every file was extracted, 1 if any failed, 2 on usage errors.`;

/** The JSON contract: the ReportGraph without its text, file first. */
export function toContractJson(file: string, graph: ReportGraph) {
  return {
    file,
    reportId: graph.reportId,
    title: graph.title,
    year: graph.year,
    jurisdiction: graph.jurisdiction,
    // why no place was named, when none was (the jurisdiction's confidence and basis sit in it otherwise)
    ...(graph.jurisdictionUnknown ? { jurisdictionUnknown: graph.jurisdictionUnknown } : {}),
    issuer: graph.issuer,
    regulations: graph.regulations,
    initiatives: graph.initiatives,
    problems: graph.problems,
    plans: graph.plans,
    metrics: graph.metrics,
  };
}

export async function run(argv: string[], { maxFileBytes }: Config): Promise<number> {
  const { values, positionals } = parse(argv, { 'max-size': { type: 'string' } });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (!positionals.length) throw new UsageError('extract needs at least one FILE or DIR');
  const maxBytes = inputFilesAndLimit(positionals, values['max-size'], maxFileBytes);
  let failures = 0;
  for (const path of listInputFiles(positionals)) {
    if (stdoutClosed()) break; // nobody reads the rest
    const file = relative(process.cwd(), path) || path;
    let line: unknown;
    try {
      line = toContractJson(file, (await extractFile(path, { file, maxBytes })).graph);
    } catch (error) {
      failures++;
      line = { file, error: (error as Error).message };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failures ? 1 : 0;
}
