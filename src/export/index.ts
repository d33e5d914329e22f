// The export stage: the graph, or a filtered part of it, in the formats
// visualization tools and Neo4j's bulk importer read. src/cli/commands/export.ts
// and src/api/export-route.ts are its two callers.
import type { GraphStore } from '../store/types.js';
import { writeCsvPart, type CsvPart } from './csv.js';
import { writeCytoscape } from './cytoscape.js';
import type { ExportDetail, ExportFilter, ExportFormat } from './filter.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import type { Sink } from './sink.js';
import { planExport, type ExportPlan } from './source.js';

export {
  FORMATS,
  FILTER_KEYS,
  FILTER_KEYS_HELP,
  ExportInputError,
  parseExportFilter,
  parseFormat,
  parseDetail,
  filterPairs,
  NO_FILTER,
  type ExportFilter,
  type ExportFormat,
  type ExportDetail,
} from './filter.js';
export { csvParts, parsePart, partName, partFile, importCommand, writeCsvDirectory, writeCsvPart, IMPORT_FILE, type CsvPart } from './csv.js';
export { planExport, type ExportPlan } from './source.js';
export { streamSink, stringSink, type Sink } from './sink.js';

/** Media type and file extension of each single-stream format (a CSV part is text/csv). */
export const MEDIA: Record<ExportFormat, { type: string; extension: string }> = {
  graphml: { type: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { type: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  cytoscape: { type: 'application/json; charset=utf-8', extension: 'cyjs' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
};

/** Writes one format (for csv: one part) of a planned export to a sink; returns what was written. */
export async function writeExport(plan: ExportPlan, format: ExportFormat, sink: Sink, part?: CsvPart): Promise<{ nodes: number; edges: number }> {
  switch (format) {
    // Viewers show provenance as sentences; csv is the stored model, for neo4j-admin import.
    case 'graphml':
      return writeGraphml(plan.readable(), sink);
    case 'gexf':
      return writeGexf(plan.readable(), sink);
    case 'cytoscape':
      return writeCytoscape(plan.readable(), sink);
    case 'csv': {
      if (!part) throw new Error('a csv export to one stream needs a part');
      const rows = await writeCsvPart(plan, part, sink);
      return part.kind === 'nodes' ? { nodes: rows, edges: 0 } : { nodes: 0, edges: rows };
    }
  }
}

/** Plans an export of the store: reads its property columns, nothing else yet. */
export function openExport(store: GraphStore, filter: ExportFilter, detail: ExportDetail): Promise<ExportPlan> {
  return planExport(store, { filter, detail });
}
