// The real HTTP server on a free loopback port, as the tests that talk to it
// over sockets or from a browser need it: one helper instead of the same
// open-store, ingest, listen and close steps in each of them.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHttpServer, type ServerOptions } from '../../src/api/server.js';
import { ingestPaths } from '../../src/ingest/pipeline.js';
import { EmbeddedStore } from '../../src/store/embedded.js';

export const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

export interface Served {
  store: EmbeddedStore;
  server: Server;
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  port: number;
  /** Stops the server, then closes the store. */
  close(): Promise<void>;
}

/** An in-memory embedded store (with the sample reports when `seeded`) served on 127.0.0.1. */
export async function serveStore({ seeded = false, ...options }: Omit<ServerOptions, 'store'> & { seeded?: boolean } = {}): Promise<Served> {
  const store = await EmbeddedStore.open();
  if (seeded) await ingestPaths(store, [SEED_DIR]);
  const server = createHttpServer({ store, ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    store,
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}
