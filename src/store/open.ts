// Chooses the store from its configuration (read from the environment by the
// CLI, src/cli/config.ts): Neo4j when NEO4J_URI is set, otherwise the
// embedded store in GOVGRAPH_DATA (default ./data).
import { EmbeddedStore } from './embedded.js';
import { Neo4jStore } from './neo4j.js';
import type { GraphStore } from './types.js';

export interface StoreConfig {
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  dataDir: string;
  /** The embedded store's read cache (GOVGRAPH_READ_CACHE=0 turns it off; default on). */
  readCache?: boolean;
  /** Read statements the embedded store runs at once (GOVGRAPH_READ_CONCURRENCY; default cores - 1). */
  readConcurrency?: number;
}

export async function openStore(config: StoreConfig): Promise<GraphStore> {
  if (config.neo4jUri) {
    return Neo4jStore.open({
      uri: config.neo4jUri,
      user: config.neo4jUser,
      password: config.neo4jPassword,
      database: config.neo4jDatabase,
    });
  }
  return EmbeddedStore.open({ dir: config.dataDir, readCache: config.readCache, readConcurrency: config.readConcurrency });
}

/** Where the store lives, for messages: "embedded store in ./data" / "Neo4j at bolt://…". */
export function describeStore(config: StoreConfig): string {
  return config.neo4jUri ? `Neo4j at ${config.neo4jUri}` : `embedded store in ${config.dataDir}`;
}
