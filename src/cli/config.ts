// The configuration, read from the environment once, when a command starts,
// and handed to what needs it: the store, the server, the file readers. No
// other module reads process.env (NODE_ENV aside, which main.ts sets for
// graphql-js). The variables and their defaults are those of the README's
// "Configuration" table.
import { parseCorsOrigins } from '../api/cors.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../api/response-budget.js';
import { DEFAULT_MAX_FILE_BYTES, parseMegabytes } from '../ingest/read.js';
import type { StoreConfig } from '../store/open.js';
import { UsageError } from './errors.js';

export interface Config {
  /** HOST: the address `serve` listens on. */
  host: string;
  /** PORT: the port `serve` listens on. */
  port: number;
  /** NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, GOVGRAPH_DATA, GOVGRAPH_READ_CACHE, GOVGRAPH_READ_CONCURRENCY. */
  store: StoreConfig;
  /** GOVGRAPH_TOKEN: the bearer token mutations require; undefined refuses them. */
  token: string | undefined;
  /** GOVGRAPH_MAX_FILE_MB, in bytes: the largest report file read or uploaded. */
  maxFileBytes: number;
  /** LOG_LEVEL: `serve`'s log level. */
  logLevel: LogLevel;
  /** GOVGRAPH_DEBUG: print stack traces of fatal errors. */
  debug: boolean;
  /** GOVGRAPH_CORS_ORIGINS: origins whose pages may call the API (none when empty). */
  corsOrigins: string[];
  /** GOVGRAPH_REQUEST_TIMEOUT_S, in ms: the time a request may take to arrive; undefined is the server's default (60 s). */
  requestTimeoutMs: number | undefined;
  /** GOVGRAPH_EXPORT_CONCURRENCY: exports streaming at once; undefined is the server's default (2). */
  exportConcurrency: number | undefined;
  /** GOVGRAPH_EXPORT_ANONYMOUS_REPORTS: the most reports an export without the token covers; undefined is the server's default (100). */
  exportAnonymousReports: number | undefined;
  /** GOVGRAPH_MAX_RESPONSE_MB, in bytes: what one request may answer, a batch's operations together. */
  maxResponseBytes: number;
}

/** This machine only unless told otherwise: the API's mutations are guarded by a token, its reads by nothing. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4000;
export const DEFAULT_DATA_DIR = './data';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A port number from a flag or PORT, or a usage error. */
export function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port: ${raw}`);
  return port;
}

/**
 * Reads and checks every variable; a malformed one is a usage error that
 * names it and says what it must be. Empty counts as unset, as it always has
 * (PORT aside: an empty PORT is port 0, any free port).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const check = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      problems.push((error as Error).message);
      return fallback;
    }
  };
  const config: Config = {
    host: env.HOST || DEFAULT_HOST,
    port: check(() => (env.PORT === undefined ? DEFAULT_PORT : parsePort(env.PORT)), DEFAULT_PORT),
    store: {
      neo4jUri: env.NEO4J_URI || undefined,
      neo4jUser: env.NEO4J_USER || undefined,
      neo4jPassword: env.NEO4J_PASSWORD || undefined,
      neo4jDatabase: env.NEO4J_DATABASE || undefined,
      dataDir: env.GOVGRAPH_DATA || DEFAULT_DATA_DIR,
      readCache: !/^(0|false|off|no)$/i.test(env.GOVGRAPH_READ_CACHE ?? ''),
      readConcurrency: check(() => optional(env.GOVGRAPH_READ_CONCURRENCY, 'GOVGRAPH_READ_CONCURRENCY', 1), undefined),
    },
    token: env.GOVGRAPH_TOKEN || undefined,
    maxFileBytes: check(() => (env.GOVGRAPH_MAX_FILE_MB ? parseMegabytes(env.GOVGRAPH_MAX_FILE_MB, 'GOVGRAPH_MAX_FILE_MB') : DEFAULT_MAX_FILE_BYTES), 0),
    logLevel: check(() => logLevel(env.LOG_LEVEL), 'info'),
    debug: Boolean(env.GOVGRAPH_DEBUG),
    corsOrigins: check(() => parseCorsOrigins(env.GOVGRAPH_CORS_ORIGINS ?? ''), []),
    requestTimeoutMs: check(() => optional(env.GOVGRAPH_REQUEST_TIMEOUT_S, 'GOVGRAPH_REQUEST_TIMEOUT_S', 1, (s) => s * 1000), undefined),
    exportConcurrency: check(() => optional(env.GOVGRAPH_EXPORT_CONCURRENCY, 'GOVGRAPH_EXPORT_CONCURRENCY', 1), undefined),
    exportAnonymousReports: check(() => optional(env.GOVGRAPH_EXPORT_ANONYMOUS_REPORTS, 'GOVGRAPH_EXPORT_ANONYMOUS_REPORTS', 0), undefined),
    maxResponseBytes: check(
      () => (env.GOVGRAPH_MAX_RESPONSE_MB ? parseMegabytes(env.GOVGRAPH_MAX_RESPONSE_MB, 'GOVGRAPH_MAX_RESPONSE_MB') : DEFAULT_MAX_RESPONSE_BYTES),
      0,
    ),
  };
  if (problems.length) throw new UsageError(problems.join('; '));
  return config;
}

/** A whole number of at least `min` (then scaled), or undefined when unset. */
function optional(raw: string | undefined, name: string, min: number, scale = (n: number) => n): number | undefined {
  if (!raw) return undefined;
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return scale(n);
}

function logLevel(raw: string | undefined): LogLevel {
  const wanted = raw?.toLowerCase() || 'info';
  const level = LOG_LEVELS.find((l) => l === wanted);
  if (!level) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${raw}"`);
  return level;
}
