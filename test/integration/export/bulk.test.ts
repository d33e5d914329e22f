// The bulk path (govgraph ingest --to-csv): neo4j-admin CSV straight from
// extraction must hold the same graph as `govgraph export --format csv` of a
// store that ingested the same reports — every node with its properties,
// every relationship with its ends, id and properties — and pass the
// tool's header rules. The corpus: the sample reports and the fresh reports
// of test/fresh (96 reports from every level), plus one of them under a
// second name (the same report twice). A shared node keeps the properties of
// the first report that names it (a regulation's scope is read relative to
// each report's place) and its aliases come in the order reports are
// written: the store is given the reports one at a time, in the order the
// bulk run wrote them, and the two graphs must then be equal to the last
// property and alias.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkCsvWriter } from '../../../src/export/bulk-csv.js';
import { ExportInputError, NO_FILTER, openExport, writeCsvDirectory } from '../../../src/export/index.js';
import { EXTRACTOR_VERSION } from '../../../src/extract/index.js';
import { ingestPaths, type IngestSummary, type ReportTarget } from '../../../src/ingest/pipeline.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { readNeo4jAdminImport, type AdminImport } from '../../support/neo4j-admin.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-bulk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The corpus as one directory, so both paths list the files in the same order. */
function corpus(): string {
  const dir = join(scratch, 'corpus');
  mkdirSync(dir);
  for (const from of [join(root, 'seed'), join(root, 'test/fresh/corpus')]) {
    for (const name of readdirSync(from).filter((n) => n.endsWith('.txt')))
      copyFileSync(join(from, name), join(dir, `${from.endsWith('seed') ? 's' : 'f'}-${name}`));
  }
  copyFileSync(join(root, 'seed', readdirSync(join(root, 'seed')).find((n) => n.endsWith('.txt'))!), join(dir, 'z-the-same-report-again.txt'));
  return dir;
}

/** A bulk run, the files in the order it wrote them, and how many shared elements the extraction handed on to the writer. */
async function bulk(input: string, out: string, workers: number, mergeWindow?: number): Promise<{ summary: IngestSummary; order: string[]; handed: number }> {
  const writer = BulkCsvWriter.open(out, EXTRACTOR_VERSION, { mergeWindow });
  const order: string[] = [];
  let handed = 0;
  const recorded: ReportTarget = {
    render: writer.render,
    write: (report, file) => {
      order.push(file);
      if ('rendered' in report) handed += report.rendered.shared.length + report.rendered.sharedEdges.length;
      return writer.write(report, file);
    },
  };
  const summary = await ingestPaths(recorded, [input], { workers });
  await writer.finish();
  return { summary, order, handed };
}

/** `govgraph export --format csv` of a store given the files one at a time, in this order. */
async function exportOfIngest(order: string[], out: string): Promise<AdminImport> {
  const store = await EmbeddedStore.open();
  try {
    for (const file of order) await ingestPaths(store, [file], { workers: 0 });
    await writeCsvDirectory(await openExport(store, NO_FILTER, 'full'), out);
  } finally {
    await store.close();
  }
  return readNeo4jAdminImport(out);
}

/** The graph of an import, keyed by node id and relationship id; when each node was written has no place in it. */
function graphOf(imported: AdminImport) {
  const nodes = new Map<string, string>();
  for (const [id, node] of imported.nodes) {
    const { ingestedAt: _when, ...props } = node.props;
    nodes.set(id, JSON.stringify({ labels: node.labels, props }));
  }
  const relationships = new Map<string, unknown>();
  for (const r of imported.relationships) relationships.set(String(r.props.graphId), r);
  return { nodes, relationships };
}

describe('ingest --to-csv: the files neo4j-admin imports, straight from extraction', () => {
  let input: string;
  let exported: AdminImport;
  let written: AdminImport;
  let summary: IngestSummary;
  let handedInProcess: number;

  beforeAll(async () => {
    input = corpus();
    const run = await bulk(input, join(scratch, 'bulk'), 0);
    summary = run.summary;
    handedInProcess = run.handed;
    written = readNeo4jAdminImport(join(scratch, 'bulk'));
    exported = await exportOfIngest(run.order, join(scratch, 'export'));
  });

  it('reads every report once: the same report under a second name is skipped', () => {
    expect(summary.files).toBe(readdirSync(input).length);
    expect(summary.created + summary.unchanged).toBe(summary.files - summary.refused.length - summary.failed.length);
    expect(summary.unchanged).toBe(1);
    expect(summary.created).toBeGreaterThan(90);
  });

  it('holds the same nodes and relationships, with the same ids and properties, as an export of an ingest', () => {
    const a = graphOf(exported);
    const b = graphOf(written);
    expect(b.nodes.size).toBe(a.nodes.size);
    expect(b.relationships.size).toBe(a.relationships.size);
    const differing = [...a.nodes].filter(([id, node]) => b.nodes.get(id) !== node).map(([id]) => [a.nodes.get(id), b.nodes.get(id)]);
    expect(differing).toEqual([]);
    for (const [id, r] of a.relationships) expect(b.relationships.get(id), id).toEqual(r);
    // the comparison covers parallel relationships (one report, two values of one indicator) and shared-node links
    expect([...a.relationships.keys()].some((id) => id.includes('#2'))).toBe(true);
    expect(new Set(written.relationships.map((r) => r.type))).toEqual(new Set(exported.relationships.map((r) => r.type)));
    // the shared nodes are in their files, and the merge's run files are gone
    expect(readdirSync(join(scratch, 'bulk')).filter((f) => !f.endsWith('.csv'))).toEqual(['neo4j-admin-import.txt']);
  });

  it('is the same graph with extraction on two worker threads, and with shared nodes merged through many run files', async () => {
    // a window of 500 entries: the shared nodes are merged from a run file every few reports
    const run = await bulk(input, join(scratch, 'bulk-workers'), 2, 500);
    const a = graphOf(await exportOfIngest(run.order, join(scratch, 'export-workers')));
    const b = graphOf(readNeo4jAdminImport(join(scratch, 'bulk-workers')));
    expect(b.nodes).toEqual(a.nodes);
    expect(b.relationships).toEqual(a.relationships);
    // the workers left out the shared elements the merge had already taken in from them (src/export/shared-seen.ts)
    expect(run.handed).toBeLessThan(handedInProcess * 0.9);
  });

  it('refuses a directory that holds anything, and a file, before reading a report', () => {
    const full = join(scratch, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'mine');
    expect(() => BulkCsvWriter.open(full, EXTRACTOR_VERSION)).toThrow(ExportInputError);
    expect(() => BulkCsvWriter.open(full, EXTRACTOR_VERSION)).toThrow(/not empty/);
    expect(() => BulkCsvWriter.open(join(full, 'keep.txt'), EXTRACTOR_VERSION)).toThrow(/is a file/);
  });

  it('refuses to finish files that lost a report after its shared nodes were merged', async () => {
    const dir = join(scratch, 'broken');
    // a window of one entry: every report's shared node goes to a run file at once
    const writer = BulkCsvWriter.open(dir, EXTRACTOR_VERSION, { mergeWindow: 1 });
    const place = (reportId: string) => ({
      rendered: {
        reportId,
        parts: [],
        shared: [{ label: 'Jurisdiction' as const, key: `k-${reportId}`, onCreate: { key: `k-${reportId}` } }],
        sharedEdges: [],
      },
    });
    expect(await writer.write(place('a'), 'a.txt')).toEqual({ status: 'created' });
    // the run files' place is taken: the next report is merged but cannot be written out
    rmSync(join(dir, '.govgraph-merge'), { recursive: true });
    writeFileSync(join(dir, '.govgraph-merge'), 'in the way');
    await expect(writer.write(place('b'), 'b.txt')).rejects.toThrow();
    await expect(writer.write(place('c'), 'c.txt')).rejects.toThrow(/incomplete after an earlier failure/);
    await expect(writer.finish()).rejects.toThrow(/incomplete after an earlier failure/);
    rmSync(join(dir, '.govgraph-merge'));
    await writer.abort();
  });

  it('leaves no files behind when a run is abandoned', async () => {
    const dir = join(scratch, 'abandoned');
    const writer = BulkCsvWriter.open(dir, EXTRACTOR_VERSION);
    await ingestPaths(writer, [join(root, 'seed')], {
      workers: 0,
    });
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
