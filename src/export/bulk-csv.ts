// The national path into Neo4j: the files `neo4j-admin database import full`
// reads, written straight from extraction, with no store in between. Each
// report is rendered where it was extracted (on an extraction worker,
// renderReport): its own nodes (itself, its problems and plans) and every
// relationship of theirs as CSV lines, plus the shared nodes it merges (a
// worker leaves out those the merge already took in from it: shared-seen.ts).
// This thread appends the lines to their files as reports arrive and merges the
// shared nodes and relationships (places, organizations, indicators, themes,
// initiatives, regulations) as the write statements merge them, through
// run files in the output directory (SharedMerge): they are written at the
// end, each once, with the first report's properties and every report's
// aliases. Memory holds a window of shared entries and the ids of the
// reports written (to skip a report given twice): not the texts, nor what
// grows with the distinct shared nodes.
// The files are the same graph, in the same format, as `govgraph export
// --format csv` of a store holding the same reports
// (test/integration/export/bulk.test.ts).
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReportGraph } from '../extract/types.js';
import { nodeId } from '../model.js';
import { reportElements, type BulkEdge, type NodeRef, type SharedNode } from '../store/bulk-graph.js';
import { edgeLine, endStreams, nodeLine, partFile, PartWriter, writeImportCommand, type CsvPart } from './csv.js';
import { ExportInputError } from './filter.js';
import { parallelEdgeIds, valueType, type Column } from './model.js';
import { DEFAULT_MERGE_WINDOW, SharedMerge } from './shared-merge.js';
import type { SharedSeen } from './shared-seen.js';
import { streamSink } from './sink.js';

/** What an extraction worker renders for the bulk CSV files. */
export interface RenderRequest {
  format: 'neo4j-admin-csv';
  extractorVersion: string;
  /**
   * The bulk run (one per BulkCsvWriter): a thread hands on the shared
   * elements of a run's reports only as far as they are new to that run
   * (renderReport's `seen`); a new run starts from nothing.
   */
  run: string;
}

/**
 * One file's lines of one report, for the columns they were made for, as
 * UTF-8: encoded on the worker and moved to this thread without a copy, so
 * this thread neither copies nor encodes the bulk of the text.
 */
export interface RenderedPart {
  part: CsvPart;
  columns: Column[];
  lines: Uint8Array;
  rows: number;
}

/** A report as bulk CSV: the lines of its own nodes and relationships, and the shared nodes and relationships it merges. */
export interface RenderedReport {
  reportId: string;
  parts: RenderedPart[];
  shared: SharedNode[];
  sharedEdges: BulkEdge[];
  /**
   * Set when the shared elements are only those new to what the merge took
   * in from this report's thread (shared-seen.ts): the thread waits for the
   * writer to say whether the report was merged (acknowledgeRendered).
   */
  acknowledge?: RenderAcknowledgement;
}

/** The writer's answer to the thread that rendered a report: merged, or skipped. */
export interface RenderAcknowledgement {
  run: string;
  token: number;
  merged?: boolean;
}

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

const sameColumns = (a: readonly Column[], b: readonly Column[]) => a.length === b.length && a.every((c, i) => c.name === b[i].name && c.type === b[i].type);

/**
 * Lines grouped by file. A file's columns are those of its first row (or,
 * given `columnsOf`, those of the file already open); a row with a property
 * outside them is a programming error (it would lose the property).
 */
class PartLines {
  private readonly byFile = new Map<string, { part: CsvPart; columns: readonly Column[]; names: Set<string>; lines: string[] }>();
  /** Node ids by label and key: a report's own id ends every one of its relationships. */
  private readonly ids = new Map<string, string>();

  constructor(private readonly columnsOf: (part: CsvPart, firstRow: Column[]) => readonly Column[] = (_part, firstRow) => firstRow) {}

  add(part: CsvPart, props: Record<string, unknown>, make: (columns: readonly Column[]) => string): void {
    const file = partFile(part);
    let entry = this.byFile.get(file);
    if (!entry) {
      const columns = this.columnsOf(part, columnsFor(part.name, Object.keys(props), part.kind === 'relationships'));
      entry = { part, columns, names: new Set(columns.map((c) => c.name)), lines: [] };
      this.byFile.set(file, entry);
    }
    for (const key in props) if (!entry.names.has(key)) throw new Error(`${part.name} property ${key} is not among the columns of its CSV file`);
    entry.lines.push(make(entry.columns));
  }

  addNode(node: NodeRef & { props: Record<string, unknown> }): void {
    this.add({ kind: 'nodes', name: node.label }, node.props, (columns) => nodeLine(columns, this.nodeId(node), node.label, node.props));
  }

  /** Relationships, numbered as an export numbers parallel ones. */
  addEdges(edges: readonly BulkEdge[]): void {
    const ends = edges.map((e) => ({ type: e.type, source: this.nodeId(e.from), target: this.nodeId(e.to), properties: e.props }));
    const ids = parallelEdgeIds(ends);
    edges.forEach((edge, i) => {
      this.add({ kind: 'relationships', name: edge.type }, edge.props, (columns) =>
        edgeLine(columns, ids[i], ends[i].source, ends[i].target, edge.type, edge.props),
      );
    });
  }

  private nodeId(ref: NodeRef): string {
    const key = `${ref.label}:${ref.key}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = nodeId(ref.label, ref.key);
      this.ids.set(key, id);
    }
    return id;
  }

  parts(): RenderedPart[] {
    const utf8 = new TextEncoder(); // an array of its own (Buffer.from may share a pool), so that it can be transferred
    return [...this.byFile.values()].map(({ part, columns, lines }) => ({
      part,
      columns: [...columns],
      lines: utf8.encode(lines.join('')),
      rows: lines.length,
    }));
  }
}

/**
 * A report as bulk CSV lines (runs on the extraction worker that read it).
 * `seen`: what the merge has taken in from this thread in the bulk run `run`;
 * only the shared elements that may still change it are then handed on
 * (see shared-seen.ts), and the report asks to be acknowledged.
 */
export function renderReport(
  graph: ReportGraph,
  meta: { extractorVersion: string; file?: string; ingestedAt?: string },
  seen?: { run: string; within: SharedSeen },
): RenderedReport {
  const elements = reportElements(graph, { ingestedAt: new Date().toISOString(), ...meta });
  const out = new PartLines();
  for (const node of elements.owned) out.addNode(node);
  out.addEdges(elements.edges);
  const parts = out.parts();
  if (!seen) return { reportId: elements.reportId, parts, shared: elements.shared, sharedEdges: elements.sharedEdges };
  const { shared, sharedEdges, token } = seen.within.novel(elements.shared, elements.sharedEdges);
  return { reportId: elements.reportId, parts, shared, sharedEdges, acknowledge: { run: seen.run, token } };
}

/** Where the shared nodes' run files are kept until the end (removed when the files are finished or abandoned). */
const MERGE_DIR = '.govgraph-merge';

/** Shared nodes and relationships turned into lines at a time, at the end. */
const SHARED_LINES_BATCH = 10_000;

/** Bytes of lines a file collects before they are written: a few large writes instead of one per report and file. */
const FLUSH_SIZE = 1 << 20;

/** Chunks collected for one file and handed on FLUSH_SIZE bytes at a time, with how many rows they hold. */
class Batched {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private rows = 0;

  constructor(private readonly write: (bytes: Uint8Array, rows: number) => Promise<void>) {}

  async add(bytes: Uint8Array, rows: number): Promise<void> {
    this.chunks.push(bytes);
    this.size += bytes.byteLength;
    this.rows += rows;
    if (this.size >= FLUSH_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.chunks.length) return;
    const bytes = Buffer.concat(this.chunks);
    const rows = this.rows;
    this.chunks = [];
    this.size = 0;
    this.rows = 0;
    await this.write(bytes, rows);
  }
}

export class BulkCsvWriter {
  /** The workers render; extractorVersion is what they stamp on each report. */
  readonly render: RenderRequest;
  private readonly files = new Map<string, { writer: PartWriter; batch: Batched }>();
  private readonly order: CsvPart[] = [];
  private readonly streams: WriteStream[] = [];
  private readonly merge: SharedMerge;
  /** Report ids written: a second file with the same report is skipped, as an ingest finds it unchanged. */
  private readonly reports = new Set<string>();
  private finished = false;
  /** A failure after a report was merged into the shared graph: the files cannot be completed. */
  private broken: Error | null = null;

  private constructor(
    readonly dir: string,
    extractorVersion: string,
    mergeWindow: number,
  ) {
    this.render = { format: 'neo4j-admin-csv', extractorVersion, run: randomUUID() };
    this.merge = new SharedMerge(join(dir, MERGE_DIR), mergeWindow);
  }

  /** Opens a new or empty directory for the files; one that holds anything is refused (nothing is overwritten). */
  static open(dir: string, extractorVersion: string, options: { mergeWindow?: number } = {}): BulkCsvWriter {
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
    return new BulkCsvWriter(target, extractorVersion, options.mergeWindow ?? DEFAULT_MERGE_WINDOW);
  }

  /**
   * Appends a report's lines (rendered on its worker; else here) and merges
   * what it shares; a report id written before is skipped. Every line of a
   * report is in hand before any is written: a report is in the files whole
   * or not at all.
   */
  async write(extracted: { graph: ReportGraph } | { rendered: RenderedReport }, file: string): Promise<BulkWriteOutcome> {
    if (this.finished) throw new Error('the bulk CSV files are already finished');
    if (this.broken) throw new Error(`the CSV files are incomplete after an earlier failure: ${this.broken.message}`);
    const report = 'rendered' in extracted ? extracted.rendered : renderReport(extracted.graph, { extractorVersion: this.render.extractorVersion, file });
    if (this.reports.has(report.reportId))
      return { status: 'unchanged', reason: `the same report (id ${report.reportId}) was written from an earlier file: skipped` };
    for (const part of report.parts) {
      const target = this.file(part.part, part.columns);
      if (!sameColumns(target.writer.columns, part.columns)) throw new Error(`${part.part.name} rows came with other columns than its CSV file's`);
    }
    try {
      await this.merge.add(report);
      this.reports.add(report.reportId);
      for (const part of report.parts) await this.append(part.part, part.lines, part.rows);
    } catch (error) {
      // the shared graph has taken the report in: without its lines, later reports would point at nodes no file holds
      this.broken ??= error as Error;
      throw error;
    }
    return { status: 'created' };
  }

  /** A part's file, opened with its header on first use. */
  private file(part: CsvPart, columns: Column[]) {
    const name = partFile(part);
    let found = this.files.get(name);
    if (!found) {
      const stream = createWriteStream(join(this.dir, name));
      this.streams.push(stream);
      const writer = new PartWriter(part, columns, streamSink(stream));
      found = { writer, batch: new Batched((bytes, rows) => writer.text(bytes, rows)) };
      this.files.set(name, found);
      this.order.push(part);
      // the header goes first: a stream writes in call order, and the rows are written after this returns
      void found.writer.header().catch(() => {});
    }
    return found;
  }

  private append(part: CsvPart, lines: Uint8Array, rows: number): Promise<void> {
    return this.files.get(partFile(part))!.batch.add(lines, rows);
  }

  /** The shared nodes and relationships, merged over every report, to their files. */
  private async writeShared(): Promise<void> {
    const columnsOf = (part: CsvPart) =>
      this.file(part, columnsFor(part.name, this.merge.namesOf(part.kind, part.name) ?? [], part.kind === 'relationships')).writer.columns;
    let lines = new PartLines(columnsOf);
    let count = 0;
    const flush = async () => {
      for (const part of lines.parts()) await this.append(part.part, part.lines, part.rows);
      lines = new PartLines(columnsOf);
      count = 0;
    };
    for await (const element of this.merge.merged()) {
      if ('node' in element) lines.addNode(element.node);
      else lines.addEdges([element.edge]);
      if (++count === SHARED_LINES_BATCH) await flush();
    }
    await flush();
  }

  /** Writes the nodes that waited for every report and the import command; the files are complete when this resolves. */
  async finish(): Promise<BulkCsvSummary> {
    this.finished = true;
    if (this.broken) throw new Error(`the CSV files are incomplete after an earlier failure: ${this.broken.message}`);
    try {
      await this.writeShared();
      for (const file of this.files.values()) await file.batch.flush();
    } finally {
      await endStreams(this.streams);
    }
    const files = this.order.map((part) => ({ part, file: partFile(part), rows: this.files.get(partFile(part))!.writer.rows }));
    const command = await writeImportCommand(this.dir, files);
    const count = (kind: CsvPart['kind']) => files.filter((f) => f.part.kind === kind).reduce((n, f) => n + f.rows, 0);
    return { dir: this.dir, files, nodes: count('nodes'), relationships: count('relationships'), command };
  }

  /** Stops after a failure: the files written so far would be an incomplete graph, so they are removed. */
  async abort(): Promise<void> {
    this.finished = true;
    await endStreams(this.streams).catch(() => {});
    for (const part of this.order) rmSync(join(this.dir, partFile(part)), { force: true });
    this.merge.discard();
  }
}
