// The server the bench sections query: the real HTTP server on an ephemeral
// port of this process, counting the errors it logs (masked internal errors).
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createHttpServer, type ServerOptions } from '../src/api/server.js';
import type { GraphStore } from '../src/store/types.js';

export async function startServer(store: GraphStore, options: Omit<ServerOptions, 'store' | 'logger'> = {}) {
  const counter = { errors: 0 };
  const logger = pino({ level: 'error' }, { write: () => void counter.errors++ });
  const server = createHttpServer({ ...options, store, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, counter, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
