// GET /export/<format>: the exports of `govgraph export` over HTTP, with the
// same filters as query parameters (?province=四川省&level=county&year=2021..2023
// &nodeTypes=Report,Jurisdiction&detail=full). The body is streamed as the
// store is read. A CSV export is several files: /export/csv answers a JSON
// index of its parts (with their URLs, filters kept) and the neo4j-admin
// command, and /export/csv?part=nodes:Jurisdiction serves one of them.
// Errors a client can fix are 400 with a JSON message; nothing internal is
// ever shown (the log has it).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type CsvPart,
  csvParts,
  type ExportDetail,
  type ExportFilter,
  type ExportFormat,
  ExportInputError,
  type ExportPlan,
  FILTER_KEYS,
  filterPairs,
  FORMATS,
  importCommand,
  MEDIA,
  openExport,
  parseDetail,
  parseExportFilter,
  parseFormat,
  parsePart,
  partFile,
  partName,
  streamSink,
  writeExport,
} from '../export/index.js';
import type { GraphStore } from '../store/types.js';
import { currentLogger, type Logger } from './logging.js';

export interface ExportRouteOptions {
  store: GraphStore;
  logger: Logger;
}

/** True for the paths this module answers: /export and /export/… */
export function isExportPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return path === '/export' || path.startsWith('/export/');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

const fail = (res: ServerResponse, status: number, message: string, headers?: Record<string, string>) =>
  sendJson(res, status, { errors: [{ message }] }, headers);

/** Serves one export request; never rejects (an unexpected failure is a 500, or a cut connection once streaming began). */
export async function handleExportRequest(req: IncomingMessage, res: ServerResponse, options: ExportRouteOptions): Promise<void> {
  try {
    await serveExport(req, res, options);
  } catch (error) {
    currentLogger(options.logger).error({ err: error }, 'export request failed');
    if (!res.headersSent) fail(res, 500, 'the export failed; the server log has the reason');
    else res.destroy();
  }
}

async function serveExport(req: IncomingMessage, res: ServerResponse, options: ExportRouteOptions): Promise<void> {
  const logger = currentLogger(options.logger);
  // A GET carries no body; whatever was sent is drained, not read.
  req.resume();
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'exports are read with GET', { allow: 'GET, HEAD' });
  const url = new URL(req.url ?? '/', 'http://govgraph.invalid');
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length === 1) {
    return sendJson(res, 200, {
      formats: FORMATS.map((f) => ({ format: f, url: `/export/${f}`, type: MEDIA[f].type })),
      filters: FILTER_KEYS,
      options: { detail: ['compact', 'full'], part: 'csv only: nodes:LABEL or relationships:TYPE' },
    });
  }
  if (segments.length !== 2) return fail(res, 404, `no such export: ${url.pathname}; formats: ${FORMATS.map((f) => `/export/${f}`).join(', ')}`);

  let format: ExportFormat;
  let filter: ExportFilter;
  let detail: ExportDetail;
  let partParam: string | null = null;
  try {
    format = parseFormat(decodeURIComponent(segments[1]));
    const pairs: [string, string][] = [];
    for (const [key, value] of url.searchParams) {
      if (key === 'detail') continue;
      if (key === 'part') {
        if (format !== 'csv') throw new ExportInputError('part is for /export/csv');
        partParam = value;
        continue;
      }
      pairs.push([key, value]);
    }
    filter = parseExportFilter(pairs);
    detail = parseDetail(url.searchParams.get('detail') ?? undefined, format);
  } catch (error) {
    if (error instanceof ExportInputError || error instanceof URIError) return fail(res, 400, (error as Error).message);
    throw error;
  }

  let plan: ExportPlan;
  try {
    plan = await openExport(options.store, filter, detail);
  } catch (error) {
    logger.error({ err: error, format }, 'export failed before it began');
    return fail(res, 500, 'the export failed; the server log has the reason');
  }

  let part: CsvPart | undefined;
  if (format === 'csv') {
    if (partParam === null) {
      const keep = [...filterPairs(filter), ...(url.searchParams.has('detail') ? [['detail', detail] as [string, string]] : [])];
      const parts = csvParts(plan).map((p) => {
        const query = new URLSearchParams([['part', partName(p)], ...keep]);
        return { part: partName(p), file: partFile(p), url: `/export/csv?${query}` };
      });
      return sendJson(res, 200, {
        format: 'csv',
        detail,
        parts,
        command: importCommand(csvParts(plan).map((p) => ({ part: p, file: partFile(p) }))),
        note: 'Save each part under its file name, then run the command from that directory (`govgraph export --format csv --out DIR` writes them all at once).',
      });
    }
    try {
      part = parsePart(partParam, plan);
    } catch (error) {
      if (error instanceof ExportInputError) return fail(res, 400, error.message);
      throw error;
    }
  }

  const filename = part ? partFile(part) : `govgraph.${MEDIA[format].extension}`;
  res.writeHead(200, {
    'content-type': MEDIA[format].type,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') return void res.end();
  try {
    const written = await writeExport(plan, format, streamSink(res), part);
    res.end();
    logger.info({ format, ...written }, 'export written');
  } catch (error) {
    // The status is sent already: breaking the connection is how the client
    // learns the body is incomplete (no final chunk).
    logger.error({ err: error, format }, 'export failed while streaming');
    res.destroy();
  }
}
