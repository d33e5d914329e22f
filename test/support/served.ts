// The real HTTP server on a free loopback port, as the tests that talk to it
// over sockets or from a browser need it: one helper instead of the same
// open-store, ingest, listen and close steps in each of them.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHttpServer, type ServerOptions } from '../../src/api/server.js';
import { ingestPaths } from '../../src/ingest/pipeline.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import type { GraphStore } from '../../src/store/types.js';

export const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

export interface Served extends Listening {
  store: EmbeddedStore;
  /** Stops the server, then closes the store. */
  close(): Promise<void>;
}

export interface Listening {
  server: Server;
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  port: number;
  /** Stops the server (the store stays open: it is the caller's). */
  close(): Promise<void>;
}

/** The server over a store the caller owns, on a free port of 127.0.0.1. */
export async function listen(store: GraphStore, options: Omit<ServerOptions, 'store'> = {}): Promise<Listening> {
  const server = createHttpServer({ store, ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An in-memory embedded store (with the sample reports when `seeded`, and the files of `also` after them) served on 127.0.0.1. */
export async function serveStore({
  seeded = false,
  also = [],
  ...options
}: Omit<ServerOptions, 'store'> & { seeded?: boolean; also?: string[] } = {}): Promise<Served> {
  const store = await EmbeddedStore.open();
  if (seeded || also.length) await ingestPaths(store, [...(seeded ? [SEED_DIR] : []), ...also]);
  const listening = await listen(store, options);
  return {
    ...listening,
    store,
    close: async () => {
      await listening.close();
      await store.close();
    },
  };
}
