// govgraph export — the graph, or a filtered part of it, as GraphML, GEXF,
// Cytoscape JSON or neo4j-admin import CSV (src/export). A file is written
// under a temporary name and renamed when complete, so an interrupted export
// never leaves a file that looks whole.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import {
  ExportInputError,
  FILTER_KEYS_HELP,
  IMPORT_FILE,
  MEDIA,
  openExport,
  parseDetail,
  parseExportFilter,
  parseFormat,
  parsePart,
  streamSink,
  writeCsvDirectory,
  writeExport,
  type CsvPart,
  type ExportDetail,
  type ExportFilter,
  type ExportFormat,
} from '../../export/index.js';
import { describeStore, openStore } from '../../store/open.js';
import { refuseOldProvenance } from '../../store/provenance.js';
import type { Config } from '../config.js';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';

export const help = `Usage: govgraph export --format graphml|gexf|cytoscape|csv [--filter KEY=VALUE]... [--out PATH]

Writes the graph, or the part the filters select, for visualization tools
(GraphML for Gephi and yEd, GEXF for Gephi, Cytoscape JSON for Cytoscape and
Cytoscape.js) or for bulk loading into Neo4j (CSV in the header format of
neo4j-admin database import). Node and edge ids are those of the GraphQL
\`graph\` query. Without --out the export goes to stdout.

Options:
  --format F          graphml, gexf, cytoscape or csv
  --filter KEY=VALUE  repeatable; filters combine with AND:
${FILTER_KEYS_HELP.replace(/^/gm, '                        ')}
  --out PATH          a file; for csv a directory, which receives one file per
                      label and per relationship type and ${IMPORT_FILE}
                      with the command that loads them
  --part P            csv only: one file, nodes:LABEL or relationships:TYPE
                      (to stdout, or to --out as a file)
  --detail D          compact (no report text, no provenance; the default
                      except for csv) or full (every stored property; csv's default)
  -h, --help          this help

Examples:
  govgraph export --format gexf --filter province=四川省 --out sichuan.gexf
  govgraph export --format graphml --filter level=county --filter year=2021..2023 > counties.graphml
  govgraph export --format csv --out import/
  govgraph export --format csv --part nodes:Jurisdiction`;

/** `KEY=VALUE` pairs of --filter. */
function keyValuePairs(values: string[]): [string, string][] {
  return values.map((v) => {
    const at = v.indexOf('=');
    if (at <= 0) throw new UsageError(`--filter takes KEY=VALUE, not "${v}"`);
    return [v.slice(0, at).trim(), v.slice(at + 1)];
  });
}

async function toFile(path: string, write: (stream: Writable) => Promise<void>): Promise<void> {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial);
  try {
    await write(stream);
    stream.end();
    await once(stream, 'close');
    renameSync(partial, path);
  } catch (error) {
    stream.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

export async function run(argv: string[], config: Config): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    filter: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    part: { type: 'string' },
    detail: { type: 'string' },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (filters are given as --filter KEY=VALUE)`);

  let format: ExportFormat;
  let filter: ExportFilter;
  let detail: ExportDetail;
  try {
    format = parseFormat(values.format);
    filter = parseExportFilter(keyValuePairs(values.filter ?? []));
    detail = parseDetail(values.detail, format);
  } catch (error) {
    if (error instanceof ExportInputError) throw new UsageError(error.message);
    throw error;
  }
  if (values.part !== undefined && format !== 'csv') throw new UsageError('--part is for --format csv');
  if (format === 'csv' && values.part === undefined && !values.out) {
    throw new UsageError('csv is one file per label and per relationship type: give --out DIR, or --part nodes:LABEL|relationships:TYPE for one of them');
  }

  const store = await openStore(config.store);
  try {
    await refuseOldProvenance(store, describeStore(config.store));
    const plan = await openExport(store, filter, detail);
    let part: CsvPart | undefined;
    if (values.part !== undefined) {
      try {
        part = parsePart(values.part, plan);
      } catch (error) {
        if (error instanceof ExportInputError) throw new UsageError(error.message);
        throw error;
      }
    }

    if (format === 'csv' && !part) {
      const dir = values.out!;
      const { files } = await writeCsvDirectory(plan, dir);
      const count = (kind: CsvPart['kind']) => files.filter((f) => f.part.kind === kind).reduce((n, f) => n + f.rows, 0);
      console.log(`wrote ${files.length} files to ${dir}: ${count('nodes')} nodes, ${count('relationships')} relationships`);
      console.log(`load them with the command in ${join(dir, IMPORT_FILE)}`);
      return 0;
    }

    if (!values.out) {
      try {
        await writeExport(plan, format, streamSink(process.stdout), part);
      } catch (error) {
        // A reader that stops early (| head) is not a failure of the export.
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
        throw error;
      }
      return 0;
    }
    let written = { nodes: 0, edges: 0 };
    await toFile(values.out, async (stream) => {
      written = await writeExport(plan, format, streamSink(stream), part);
    });
    process.stderr.write(`wrote ${written.nodes} nodes and ${written.edges} edges to ${values.out} (${MEDIA[format].type.split(';')[0]})\n`);
    return 0;
  } finally {
    await store.close();
  }
}
