// Chooses the store from the environment: Neo4j when NEO4J_URI is set,
// otherwise the embedded store in GOVGRAPH_DATA (default ./data).
import { EmbeddedStore } from './embedded.js';
import { Neo4jStore } from './neo4j.js';
import type { GraphStore } from './types.js';

export interface StoreConfig {
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  dataDir: string;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return {
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER || undefined,
    neo4jPassword: env.NEO4J_PASSWORD || undefined,
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    dataDir: env.GOVGRAPH_DATA || './data',
  };
}

export async function openStore(config: StoreConfig = storeConfigFromEnv()): Promise<GraphStore> {
  if (config.neo4jUri) {
    return Neo4jStore.open({
      uri: config.neo4jUri,
      user: config.neo4jUser,
      password: config.neo4jPassword,
      database: config.neo4jDatabase,
    });
  }
  return EmbeddedStore.open({ dir: config.dataDir });
}

/** Where the store lives, for messages: "embedded store in ./data" / "Neo4j at bolt://…". */
export function describeStore(config: StoreConfig): string {
  return config.neo4jUri ? `Neo4j at ${config.neo4jUri}` : `embedded store in ${config.dataDir}`;
}
