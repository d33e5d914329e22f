// govgraph serve — GraphQL over HTTP (GraphiQL in a browser) on the
// configured store; --seed-if-empty loads seed/ into an empty store first,
// which is what `npm start` does.
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../api/logging.js';
import { createHttpServer } from '../../api/server.js';
import { ingestPaths } from '../../ingest/pipeline.js';
import { closeUploadReaders } from '../../ingest/uploads.js';
import { DEFAULT_MAX_FILE_MB } from '../../ingest/read.js';
import { describeStore, openStore } from '../../store/open.js';
import { refuseOldProvenance } from '../../store/provenance.js';
import { parse } from '../args.js';
import { parsePort, type Config } from '../config.js';
import { UsageError } from '../errors.js';
import { formatSummary } from './ingest.js';

export const SEED_DIR = fileURLToPath(new URL('../../../seed/', import.meta.url));

export const help = `Usage: govgraph serve [--host ADDRESS] [--port N] [--seed-if-empty]

Serves GraphQL at http://HOST:PORT/graphql (GraphiQL in a browser). SIGTERM or
SIGINT finishes the requests in flight, closes the store and exits 0; a second
signal exits at once.

  --host ADDRESS    interface to listen on (default: HOST or 127.0.0.1, this machine only;
                    0.0.0.0 or :: for every interface, as the Docker image does)
  --port N          port (default: PORT or 4000)
  --seed-if-empty   ingest the sample reports of seed/ when the store has no reports

Environment: HOST, PORT, GOVGRAPH_DATA, NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE,
GOVGRAPH_TOKEN (bearer token that allows mutations; without it they are refused),
GOVGRAPH_MAX_FILE_MB (largest uploaded file, default ${DEFAULT_MAX_FILE_MB}), LOG_LEVEL (JSON logs on stderr:
fatal, error, warn, info (default), debug, trace, silent),
GOVGRAPH_REQUEST_TIMEOUT_S (seconds a request, upload included, may take to arrive; default 60),
GOVGRAPH_CORS_ORIGINS (comma-separated origins whose pages may call the API; default none),
GOVGRAPH_EXPORT_CONCURRENCY (exports streaming at once; default 2),
GOVGRAPH_EXPORT_ANONYMOUS_REPORTS (most reports an export without the token may cover; default 100),
GOVGRAPH_MAX_RESPONSE_MB (what one request may answer, a batch counted whole; default 32),
GOVGRAPH_READ_CONCURRENCY (read statements the embedded store runs at once; default cores - 1).`;

export async function run(argv: string[], config: Config): Promise<number> {
  const { values } = parse(argv, { host: { type: 'string' }, port: { type: 'string' }, 'seed-if-empty': { type: 'boolean' } });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const port = values.port !== undefined ? parsePort(values.port) : config.port;
  const host = values.host ?? config.host;
  if (isIP(host) === 0 && host !== 'localhost') throw new UsageError(`invalid host: ${host} (an IP address such as 127.0.0.1, 0.0.0.0 or ::, or localhost)`);

  const logger = createLogger(config.logLevel);
  const store = await openStore(config.store);
  try {
    await refuseOldProvenance(store, describeStore(config.store));
    if (values['seed-if-empty']) {
      const counts = await store.counts();
      if (!counts.byLabel.Report) {
        process.stderr.write(`the ${describeStore(config.store)} is empty: ingesting the sample reports of seed/\n`);
        process.stderr.write(`${formatSummary(await ingestPaths(store, [SEED_DIR], { maxBytes: config.maxFileBytes }))}\n`);
      }
    }
    const server = createHttpServer({
      store,
      token: config.token,
      maxFileBytes: config.maxFileBytes,
      maxResponseBytes: config.maxResponseBytes,
      logger,
      corsOrigins: config.corsOrigins,
      timeouts: config.requestTimeoutMs === undefined ? {} : { requestMs: config.requestTimeoutMs },
      exportLimits: {
        ...(config.exportConcurrency === undefined ? {} : { concurrency: config.exportConcurrency }),
        ...(config.exportAnonymousReports === undefined ? {} : { anonymousReports: config.exportAnonymousReports }),
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
      server.listen(port, host, resolve);
    });
    const { address, port: bound } = server.address() as AddressInfo;
    const base = `http://${urlHost(address)}:${bound}`;
    process.stderr.write(`govgraph serving the ${describeStore(config.store)} at ${base}/graphql (explorer: ${base}/explore)${reach(address)}\n`);
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          // A second signal: the user does not want to wait for slow requests.
          process.stderr.write(`${signal} again: exiting without waiting\n`);
          process.exit(130);
        }
        stopping = true;
        process.stderr.write(`${signal}: finishing requests and closing the store\n`);
        server.close(() => resolve());
        server.closeIdleConnections();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  } finally {
    // the upload readers stop with the server: an upload in flight has ended with its request
    await closeUploadReaders();
    await store.close();
  }
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') return new Error(`port ${port} is already in use on ${host}; set PORT (or --port) to another port`);
  if (error.code === 'EADDRNOTAVAIL')
    return new Error(`${host} is not an address of this machine; set HOST (or --host) to one that is, or 0.0.0.0 for every interface`);
  if (error.code === 'EACCES') return new Error(`not allowed to listen on ${host}:${port} (ports below 1024 need privileges); choose another PORT`);
  return error;
}

/** The address as a URL's host: loopback reads as localhost, IPv6 goes in brackets. */
function urlHost(address: string): string {
  // (every interface includes loopback: the URL to open here is localhost's too)
  if (address === '127.0.0.1' || address === '::1' || address === '0.0.0.0' || address === '::') return 'localhost';
  return isIP(address) === 6 ? `[${address}]` : address;
}

/** Says who can connect, so that printing localhost never hides an open port. */
function reach(address: string): string {
  if (address === '0.0.0.0' || address === '::') return `; listening on every interface (${address}), reachable from other machines`;
  if (address === '127.0.0.1' || address === '::1') return '; this machine only (set HOST=0.0.0.0 to listen on every interface)';
  return `; listening on ${address} only`;
}
