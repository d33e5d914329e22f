// govgraph serve — GraphQL over HTTP (GraphiQL in a browser) on the
// configured store; --seed-if-empty loads seed/ into an empty store first,
// which is what `npm start` does.
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../api/logging.js';
import { createHttpServer } from '../../api/server.js';
import { ingestPaths } from '../../ingest/pipeline.js';
import { describeStore, openStore, storeConfigFromEnv } from '../../store/open.js';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';
import { formatSummary } from './ingest.js';

export const SEED_DIR = fileURLToPath(new URL('../../../seed/', import.meta.url));

export const help = `Usage: govgraph serve [--port N] [--seed-if-empty]

Serves GraphQL at http://localhost:PORT/graphql (GraphiQL in a browser).

  --port N          port (default: PORT or 4000)
  --seed-if-empty   ingest the sample reports of seed/ when the store has no reports

Environment: PORT, GOVGRAPH_DATA, NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE,
GOVGRAPH_TOKEN (bearer token that allows mutations; without it they are refused),
GOVGRAPH_MAX_FILE_MB (largest uploaded file, default 20), LOG_LEVEL (JSON logs on stderr:
fatal, error, warn, info (default), debug, trace, silent).`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, 'seed-if-empty': { type: 'boolean' } });
  if (values.help) return (console.log(help), 0);
  const port = Number(values.port ?? process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port: ${values.port ?? process.env.PORT}`);

  const logger = createLogger();
  const config = storeConfigFromEnv();
  const store = await openStore(config);
  try {
    if (values['seed-if-empty']) {
      const counts = await store.counts();
      if (!counts.byLabel.Report) {
        process.stderr.write(`the ${describeStore(config)} is empty: ingesting the sample reports of seed/\n`);
        process.stderr.write(`${formatSummary(await ingestPaths(store, [SEED_DIR]))}\n`);
      }
    }
    const server = createHttpServer({ store, token: process.env.GOVGRAPH_TOKEN || undefined, logger });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use; set PORT to another port`) : error),
      );
      server.listen(port, resolve);
    });
    process.stderr.write(`govgraph serving the ${describeStore(config)} at http://localhost:${port}/graphql (explorer: http://localhost:${port}/explore)\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        process.stderr.write(`${signal}: finishing requests and closing the store\n`);
        server.close(() => resolve());
        server.closeIdleConnections();
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  } finally {
    await store.close();
  }
}
