// GET /export/<format>: the exports of `govgraph export` over HTTP, with the
// same filters as query parameters (?province=四川省&level=county&year=2021..2023
// &nodeTypes=Report,Jurisdiction&detail=full). The body is streamed as the
// store is read. A CSV export is several files: /export/csv answers a JSON
// index of its parts (with their URLs, filters kept) and the neo4j-admin
// command, and /export/csv?part=nodes:Jurisdiction serves one of them.
// Errors a client can fix are 400 with a JSON message; nothing internal is
// ever shown (the log has it).
//
// An export is the most expensive thing a client can ask for, so it is
// rationed: at most `concurrency` exports stream at once server-wide (the
// rest get 503 with Retry-After), and without the token an export may cover
// at most `anonymousReports` reports (the reports its filter selects, or all
// of them). The body is written as the store is read, waiting for the client
// to take each piece (streamSink): a slow reader slows the export down
// instead of making the server hold it.
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
import { selectsReports } from '../export/filter.js';
import type { GraphStore } from '../store/types.js';
import type { WriteAccess } from './auth.js';
import { currentLogger, type Logger } from './logging.js';
import { refuseAndClose } from './refuse.js';

export interface ExportLimits {
  /** GOVGRAPH_EXPORT_CONCURRENCY: exports streaming at once, server-wide. */
  concurrency: number;
  /** GOVGRAPH_EXPORT_ANONYMOUS_REPORTS: the most reports an export without the token may cover. */
  anonymousReports: number;
}

/**
 * Two exports at once keep a two-core server answering queries beside them;
 * 100 reports are a province's counties over a few years (about 15 MB of
 * GraphML in full detail), a whole national graph needs the token.
 */
export const DEFAULT_EXPORT_LIMITS: ExportLimits = { concurrency: 2, anonymousReports: 100 };

/** Seconds a client refused for lack of a free export slot is told to wait. */
const RETRY_AFTER_S = 10;

export interface ExportGate {
  limits: ExportLimits;
  /** A release function when a slot is free, null when all are taken. */
  tryAcquire(): (() => void) | null;
  /** Exports streaming now. */
  active(): number;
}

/** The server-wide count of exports in progress. */
export function exportGate(limits: ExportLimits): ExportGate {
  let active = 0;
  return {
    limits,
    active: () => active,
    tryAcquire() {
      if (active >= limits.concurrency) return null;
      active++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        active--;
      };
    },
  };
}

export interface ExportRouteOptions {
  store: GraphStore;
  logger: Logger;
  gate: ExportGate;
  /** Whether the request carried the server's token (auth.ts): with it an export has no size cap. */
  access: WriteAccess;
}

/** Why an export without the token is refused for its size, or null when it is within the cap. */
function capRefusal(filter: ExportFilter, covered: number, cap: number): string | null {
  if (covered <= cap) return null;
  // A filtered count stops at cap + 1; the whole graph's is exact.
  const count = selectsReports(filter) ? `more than ${cap}` : String(covered);
  return (
    `this export covers ${count} reports; an export without the token may cover at most ${cap}: ` +
    'narrow it with filters (province, prefecture, jurisdiction, level, year), send "Authorization: Bearer <GOVGRAPH_TOKEN>", ' +
    'or run `govgraph export` on the server'
  );
}

/** How many reports an export with this filter covers, counting no further than `cap + 1`. */
async function reportsCovered(store: GraphStore, filter: ExportFilter, cap: number): Promise<number> {
  if (!selectsReports(filter)) return (await store.counts()).byLabel.Report ?? 0;
  const { level, province, prefecture, jurisdiction, yearFrom, yearTo, issuerType } = filter;
  const rows = await store.run('export_reports', { level, province, prefecture, jurisdiction, yearFrom, yearTo, issuerType, after: '', limit: cap + 1 });
  return rows.length;
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
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return refuseAndClose(req, res, 405, { errors: [{ message: 'exports are read with GET' }] }, { allow: 'GET, HEAD' });
  }
  // A GET carries no body; whatever was sent (at most the 1 MB any body may have) is drained, not read.
  req.resume();
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

  // A HEAD, or the index of a CSV export's parts, streams nothing: no slot, no cap.
  const streams = req.method === 'GET' && !(format === 'csv' && partParam === null);
  // The cap first: an export refused for its size must not take a slot from one that will run.
  if (streams && options.access !== 'granted') {
    let covered: number;
    try {
      covered = await reportsCovered(options.store, filter, options.gate.limits.anonymousReports);
    } catch (error) {
      currentLogger(options.logger).error({ err: error, format }, 'export failed before it began');
      return fail(res, 500, 'the export failed; the server log has the reason');
    }
    const refusal = capRefusal(filter, covered, options.gate.limits.anonymousReports);
    if (refusal) return fail(res, 403, refusal);
  }
  const release = streams ? options.gate.tryAcquire() : () => {};
  if (!release) {
    return fail(res, 503, `the server is already writing ${options.gate.limits.concurrency} exports, its limit; try again in ${RETRY_AFTER_S} s`, {
      'retry-after': String(RETRY_AFTER_S),
    });
  }
  try {
    await serveAdmitted(req, res, options, { url, format, filter, detail, partParam });
  } finally {
    release();
  }
}

interface AdmittedExport {
  url: URL;
  format: ExportFormat;
  filter: ExportFilter;
  detail: ExportDetail;
  partParam: string | null;
}

async function serveAdmitted(req: IncomingMessage, res: ServerResponse, options: ExportRouteOptions, request: AdmittedExport): Promise<void> {
  const logger = currentLogger(options.logger);
  const { url, format, filter, detail, partParam } = request;
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
