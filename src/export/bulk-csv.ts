// The national path into Neo4j: the files `neo4j-admin database import full`
// reads, written straight from extraction, with no store in between. A
// report's own nodes (itself, its problems and plans) and every relationship
// of theirs go to their files as the report arrives; the nodes reports share
// (places, organizations, initiatives, regulations, indicators, themes) are
// merged in memory as the write statements merge them (SharedGraph) and
// written at the end. Memory follows the distinct shared nodes and the report
// ids seen (to skip a report given twice), not the texts. The files are the
// same graph, in the same format, as `govgraph export --format csv` of a
// store holding the same reports (test/integration/export/bulk.test.ts).
import { createWriteStream, mkdirSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReportGraph } from '../extract/types.js';
import { nodeId } from '../model.js';
import { reportElements, SharedGraph, type BulkEdge, type ReportElements } from '../store/bulk-graph.js';
import { endStreams, partFile, PartWriter, writeImportCommand, type CsvPart } from './csv.js';
import { ExportInputError } from './filter.js';
import { parallelEdgeIds, valueType, type Column } from './model.js';
import { streamSink } from './sink.js';

export interface BulkFile {
  part: CsvPart;
  file: string;
  rows: number;
}

export interface BulkCsvSummary {
  dir: string;
  files: BulkFile[];
  nodes: number;
  relationships: number;
  /** The neo4j-admin command (also in neo4j-admin-import.txt). */
  command: string;
}

export interface BulkWriteOutcome {
  status: 'created' | 'unchanged';
  reason?: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Columns of a part from the property names its rows carry, typed as the export types them. */
function columnsFor(owner: string, names: Iterable<string>, isRelationship: boolean): Column[] {
  return [...new Set(names)].sort(compare).map((name) => ({ name, type: valueType(owner, name, isRelationship) }));
}

export class BulkCsvWriter {
  private readonly writers = new Map<string, PartWriter>();
  private readonly order: CsvPart[] = [];
  private readonly streams: WriteStream[] = [];
  private readonly shared = new SharedGraph();
  /** Report id → the file it was written from: a second file with the same report is skipped, as an ingest finds it unchanged. */
  private readonly reports = new Map<string, string>();
  private finished = false;

  private constructor(readonly dir: string) {}

  /** Opens a new or empty directory for the files; one that holds anything is refused (nothing is overwritten). */
  static open(dir: string): BulkCsvWriter {
    const target = resolve(dir);
    let entries: string[] = [];
    try {
      entries = readdirSync(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') throw new ExportInputError(`${dir} is a file; give a new or empty directory for the CSV files`);
      if (code !== 'ENOENT') throw new ExportInputError(`cannot read ${dir}: ${(error as Error).message}`);
    }
    if (entries.length) throw new ExportInputError(`${dir} is not empty (${entries.length} entries); give a new or empty directory for the CSV files`);
    try {
      mkdirSync(target, { recursive: true });
    } catch (error) {
      throw new ExportInputError(`cannot create ${dir}: ${(error as Error).message}`);
    }
    return new BulkCsvWriter(target);
  }

  /** Writes a report's own nodes and relationships and merges what it shares; a report id written before is skipped. */
  async write(graph: ReportGraph, meta: { extractorVersion: string; file?: string; ingestedAt?: string }): Promise<BulkWriteOutcome> {
    if (this.finished) throw new Error('the bulk CSV files are already finished');
    const earlier = this.reports.get(graph.reportId);
    if (earlier !== undefined) return { status: 'unchanged', reason: `the same report (id ${graph.reportId}) as ${earlier}, already written: skipped` };
    const elements = reportElements(graph, { ingestedAt: new Date().toISOString(), ...meta });
    this.reports.set(graph.reportId, meta.file ?? graph.reportId);
    await this.writeOwned(elements);
    this.shared.add(elements);
    return { status: 'created' };
  }

  /** All of a report's lines are made before any is written: a report is in the files whole or not at all. */
  private async writeOwned(elements: ReportElements): Promise<void> {
    const lines = new Map<PartWriter, string[]>();
    for (const node of elements.owned) {
      const writer = this.writer({ kind: 'nodes', name: node.label }, () => columnsFor(node.label, Object.keys(node.props), false));
      this.assertColumns(writer, node.label, node.props);
      lineFor(lines, writer, writer.node(nodeId(node.label, node.key), node.label, node.props));
    }
    this.edgeLines(elements.edges, lines);
    for (const [writer, rows] of lines) await writer.rowsOf(rows);
  }

  /** Lines of relationships, numbered as an export numbers parallel ones. */
  private edgeLines(edges: readonly BulkEdge[], lines: Map<PartWriter, string[]>): void {
    const ends = edges.map((e) => ({ type: e.type, source: nodeId(e.from.label, e.from.key), target: nodeId(e.to.label, e.to.key), properties: e.props }));
    const ids = parallelEdgeIds(ends);
    edges.forEach((edge, i) => {
      const writer = this.writer({ kind: 'relationships', name: edge.type }, () => columnsFor(edge.type, Object.keys(edge.props), true));
      this.assertColumns(writer, edge.type, edge.props);
      lineFor(lines, writer, writer.edge(ids[i], ends[i].source, ends[i].target, edge.type, edge.props));
    });
  }

  /** A part's file, opened with its header on first use; its columns are those of its first row. */
  private writer(part: CsvPart, columns: () => Column[]): PartWriter {
    const name = partFile(part);
    let writer = this.writers.get(name);
    if (!writer) {
      const stream = createWriteStream(join(this.dir, name));
      this.streams.push(stream);
      writer = new PartWriter(part, columns(), streamSink(stream));
      this.writers.set(name, writer);
      this.order.push(part);
      // the header goes first: a stream writes in call order, and the rows are written after this returns
      void writer.header().catch(() => {});
    }
    return writer;
  }

  /** Every row of a streamed part has its first row's properties: a row with another would lose it (a programming error). */
  private assertColumns(writer: PartWriter, owner: string, props: Record<string, unknown>): void {
    for (const key of Object.keys(props)) {
      if (!writer.columns.some((c) => c.name === key)) throw new Error(`${owner} property ${key} is not among the columns of its CSV file`);
    }
  }

  /** Writes the shared nodes and relationships and the import command; the files are complete when this resolves. */
  async finish(): Promise<BulkCsvSummary> {
    this.finished = true;
    try {
      for (const label of this.shared.labels()) {
        const nodes = [...this.shared.nodesOf(label)];
        const names = nodes.flatMap(([, props]) => Object.keys(props));
        const writer = this.writer({ kind: 'nodes', name: label }, () => columnsFor(label, names, false));
        for (const page of pages(nodes)) await writer.rowsOf(page.map(([key, props]) => writer.node(nodeId(label, key), label, props)));
      }
      // MERGEd, so never parallel: numbered a page at a time, they get the same ids as all at once
      for (const page of pages(this.shared.edges())) {
        const lines = new Map<PartWriter, string[]>();
        this.edgeLines(page, lines);
        for (const [writer, rows] of lines) await writer.rowsOf(rows);
      }
    } finally {
      await endStreams(this.streams);
    }
    const files = this.order.map((part) => ({ part, file: partFile(part), rows: this.writers.get(partFile(part))!.rows }));
    const command = await writeImportCommand(this.dir, files);
    const count = (kind: CsvPart['kind']) => files.filter((f) => f.part.kind === kind).reduce((n, f) => n + f.rows, 0);
    return { dir: this.dir, files, nodes: count('nodes'), relationships: count('relationships'), command };
  }

  /** Stops after a failure: the files written so far would be an incomplete graph, so they are removed. */
  async abort(): Promise<void> {
    this.finished = true;
    await endStreams(this.streams).catch(() => {});
    for (const part of this.order) rmSync(join(this.dir, partFile(part)), { force: true });
  }
}

/** A long list in pages, so that no file gets all of a large label as one string. */
function* pages<T>(items: readonly T[], size = 1000): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function lineFor(lines: Map<PartWriter, string[]>, writer: PartWriter, line: string): void {
  const list = lines.get(writer);
  if (list) list.push(line);
  else lines.set(writer, [line]);
}
