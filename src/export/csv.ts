// CSV in the header format of `neo4j-admin database import` (Neo4j 5), so a
// national graph can be bulk-loaded into Neo4j: one nodes file per label
// (`graphId:ID`, typed property columns such as `year:int`, `:LABEL`) and one
// relationships file per type (`:START_ID`, `:END_ID`, `:TYPE`, `graphId`,
// properties). Properties keep their stored names, so the imported database
// has govgraph's own model and govgraph can serve it; `graphId` is the graph
// API's id (a separate column: `id` is already a report's own key).
//
// Quoting is RFC 4180 (fields with a comma, quote or line break are quoted,
// quotes doubled), which neo4j-admin reads by default. Arrays are joined with
// TAB (`--array-delimiter=TAB`): report text never holds a tab, because the
// normalizer turns tabs into spaces, while `;` (the default) occurs in it.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { ExportInputError } from './filter.js';
import type { Column } from './model.js';
import type { ExportPlan } from './source.js';
import { streamSink, type Sink } from './sink.js';

export type CsvPart = { kind: 'nodes'; name: string } | { kind: 'relationships'; name: string };

export const ARRAY_DELIMITER = '\t';

/** One RFC 4180 field: quoted when it holds a comma, a quote, a line break or edge spaces, or is empty (so "" is an empty string and nothing is null). */
export function csvField(value: string): string {
  return value === '' || /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(value: unknown, column: Column | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    // An empty list cannot be told from a missing one in this format: both are an empty field.
    if (!value.length) return '';
    // integers hold nothing to replace or quote (provenance offsets: most of a bulk import's fields)
    if (column?.type === 'int[]' && value.every(Number.isInteger)) return value.join(ARRAY_DELIMITER);
    return csvField(value.map((v) => String(v).replaceAll(ARRAY_DELIMITER, ' ')).join(ARRAY_DELIMITER));
  }
  if (column?.type === 'string' && typeof value !== 'string') return csvField(JSON.stringify(value));
  return csvField(String(value));
}

const header = (c: Column) => (c.type === 'string' ? c.name : `${c.name}:${c.type}`);
const line = (cells: string[]) => `${cells.join(',')}\n`;

export const partName = (p: CsvPart) => `${p.kind}:${p.name}`;
export const partFile = (p: CsvPart) => `${p.kind}_${p.name}.csv`;

/** Every part the plan can produce: a nodes file per exported label, a relationships file per type. */
export function csvParts(plan: ExportPlan): CsvPart[] {
  return [...plan.labels.map((name) => ({ kind: 'nodes' as const, name })), ...plan.types.map((name) => ({ kind: 'relationships' as const, name }))];
}

export function parsePart(value: string, plan: ExportPlan): CsvPart {
  const part = csvParts(plan).find((p) => partName(p) === value);
  if (!part) throw new ExportInputError(`unknown csv part "${value}"; parts: ${csvParts(plan).map(partName).join(', ')}`);
  return part;
}

/** The columns a plan declares for a part. */
function columnsOf(plan: ExportPlan, part: CsvPart): Column[] {
  return (part.kind === 'nodes' ? plan.schema.nodes.get(part.name) : plan.schema.edges.get(part.name)) ?? [];
}

/** One CSV file: its header from the part's property columns, then rows in that column order. */
export class PartWriter {
  rows = 0;
  constructor(
    private readonly part: CsvPart,
    readonly columns: readonly Column[],
    private readonly sink: Sink,
  ) {}
  header(): Promise<void> {
    const cols = this.columns.map(header);
    return this.sink.write(line(this.part.kind === 'nodes' ? ['graphId:ID', ...cols, ':LABEL'] : [':START_ID', ':END_ID', ':TYPE', 'graphId', ...cols]));
  }
  rowsOf(lines: string[]): Promise<void> {
    return this.text(lines.join(''), lines.length);
  }
  /** Lines already made for this part's columns (nodeLine, edgeLine), `rows` of them (text, or UTF-8 bytes). */
  async text(lines: string | Uint8Array, rows: number): Promise<void> {
    if (!rows) return;
    this.rows += rows;
    await this.sink.write(lines);
  }
  node(id: string, label: string, properties: Record<string, unknown>): string {
    return nodeLine(this.columns, id, label, properties);
  }
  edge(id: string, source: string, target: string, type: string, properties: Record<string, unknown>): string {
    return edgeLine(this.columns, id, source, target, type, properties);
  }
}

/** A node's line in a nodes file with these property columns. */
export function nodeLine(columns: readonly Column[], id: string, label: string, properties: Record<string, unknown>): string {
  return line([csvField(id), ...columns.map((c) => cell(properties[c.name], c)), csvField(label)]);
}

/** A relationship's line in a relationships file with these property columns. */
export function edgeLine(columns: readonly Column[], id: string, source: string, target: string, type: string, properties: Record<string, unknown>): string {
  return line([csvField(source), csvField(target), csvField(type), csvField(id), ...columns.map((c) => cell(properties[c.name], c))]);
}

/** One part (one file's content, header first) to a sink; returns its row count. */
export async function writeCsvPart(plan: ExportPlan, part: CsvPart, sink: Sink): Promise<number> {
  const writer = new PartWriter(part, columnsOf(plan, part), sink);
  await writer.header();
  if (part.kind === 'nodes') {
    for await (const page of plan.nodes([part.name])) await writer.rowsOf(page.map((n) => writer.node(n.id, n.type, n.properties)));
  } else {
    for await (const page of plan.edges([part.name])) await writer.rowsOf(page.map((e) => writer.edge(e.id, e.source, e.target, e.type, e.properties)));
  }
  return writer.rows;
}

/** The neo4j-admin command that loads the given files, to run from their directory. */
export function importCommand(files: { part: CsvPart; file: string }[]): string {
  const args = [
    ...files.filter((f) => f.part.kind === 'nodes').map((f) => `--nodes=${f.file}`),
    ...files.filter((f) => f.part.kind === 'relationships').map((f) => `--relationships=${f.file}`),
    '--array-delimiter=TAB',
    '--multiline-fields=true',
  ];
  // The database name comes right after `full`, as Neo4j's documentation
  // writes it since 5.19: from that version on, a name after the options is
  // taken for one more input file ("File 'neo4j' doesn't exist").
  return [
    '# Load this export into an empty Neo4j 5 database (stop it first), from this directory:',
    `neo4j-admin database import full neo4j \\\n  ${args.join(' \\\n  ')}`,
    '# Arrays (aliases, sections) are TAB-separated inside a field; report texts and provenance strings are quoted.',
    '# govgraph creates its constraints and indexes, and builds the jurisdiction rollup, when it first opens the database (NEO4J_URI=… govgraph serve).',
    '',
  ].join('\n');
}

export const IMPORT_FILE = 'neo4j-admin-import.txt';

/**
 * The whole export as a directory: a file per label and per relationship
 * type that has rows, and IMPORT_FILE with the command to load them. Nodes
 * come label by label (one file open at a time); relationships come by
 * source, so their files are all open while they are written.
 */
export async function writeCsvDirectory(plan: ExportPlan, dir: string): Promise<{ files: { part: CsvPart; file: string; rows: number }[]; command: string }> {
  mkdirSync(dir, { recursive: true });
  const streams: WriteStream[] = [];
  const open = (part: CsvPart) => {
    const stream = createWriteStream(join(dir, partFile(part)));
    streams.push(stream);
    return new PartWriter(part, columnsOf(plan, part), streamSink(stream));
  };
  const written: { part: CsvPart; writer: PartWriter }[] = [];
  try {
    for (const label of plan.labels) {
      const part: CsvPart = { kind: 'nodes', name: label };
      let writer: PartWriter | null = null;
      for await (const page of plan.nodes([label])) {
        if (!page.length) continue;
        if (!writer) {
          writer = open(part);
          written.push({ part, writer });
          await writer.header();
        }
        await writer.rowsOf(page.map((n) => writer!.node(n.id, n.type, n.properties)));
      }
    }
    const byType = new Map<string, PartWriter>();
    for await (const page of plan.edges()) {
      const lines = new Map<string, string[]>();
      for (const e of page) {
        let writer = byType.get(e.type);
        if (!writer) {
          const part: CsvPart = { kind: 'relationships', name: e.type };
          writer = open(part);
          byType.set(e.type, writer);
          written.push({ part, writer });
          await writer.header();
        }
        if (!lines.has(e.type)) lines.set(e.type, []);
        lines.get(e.type)!.push(writer.edge(e.id, e.source, e.target, e.type, e.properties));
      }
      for (const [type, rows] of lines) await byType.get(type)!.rowsOf(rows);
    }
  } finally {
    await endStreams(streams);
  }
  const files = written.map(({ part, writer }) => ({ part, file: partFile(part), rows: writer.rows }));
  return { files, command: await writeImportCommand(dir, files) };
}

/** Ends file streams and waits until they are closed (their data on disk, or their error reported). */
export async function endStreams(streams: readonly WriteStream[]): Promise<void> {
  await Promise.all(
    streams.map(async (s) => {
      s.end();
      if (!s.closed) await once(s, 'close');
    }),
  );
}

/** Writes IMPORT_FILE, the neo4j-admin command that loads the files, into their directory; returns the command. */
export async function writeImportCommand(dir: string, files: { part: CsvPart; file: string }[]): Promise<string> {
  const command = importCommand(files);
  await new Promise<void>((resolve, reject) => {
    const s = createWriteStream(join(dir, IMPORT_FILE));
    s.on('error', reject).on('close', () => resolve());
    s.end(command);
  });
  return command;
}
