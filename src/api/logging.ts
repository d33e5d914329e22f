// Structured logs (pino, JSON lines on stderr) with a request id on every
// line a request causes. The id comes from the client's X-Request-Id when it
// is a plain token, else it is generated, and it is echoed in the response so
// a user's report of a failure can be matched to the server's log.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import type { YogaLogger } from 'graphql-yoga';

export type { Logger } from 'pino';

/** The request being served, for log lines written deep inside yoga or a resolver. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The server's logger at `level` (LOG_LEVEL, checked by the CLI's config) to stderr, so stdout stays free for command output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'govgraph' } }, pino.destination({ fd: 2, sync: false }));
}

/** A logger that writes nothing: the default for servers made by tests and benchmarks. */
export const silentLogger: Logger = pino({ level: 'silent' });

const CLIENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's X-Request-Id if it is a short plain token (never echo arbitrary text into logs), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && CLIENT_ID.test(given) ? given : randomUUID();
}

/** The logger of the current request: the server's logger with the request id bound. */
export function currentLogger(logger: Logger): Logger {
  const scope = requestScope.getStore();
  return scope ? logger.child({ reqId: scope.requestId }) : logger;
}

/**
 * yoga's logger interface on pino. yoga logs the original of every error it
 * masks through `error`: that is where an operator finds the stack trace the
 * client never sees, under the request id the client was given.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const log = currentLogger(logger);
      const [first, ...rest] = args;
      if (first instanceof Error) log[level]({ err: first }, level === 'error' ? 'unexpected error (masked in the response)' : first.message);
      else log[level](rest.length ? { details: rest } : {}, String(first));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
