// Grafeo, the embedded store's engine, is a native module with prebuilt
// binaries for some platforms only. It is loaded on first use by the
// embedded store, so that the Neo4j store, the extractor and every command
// that does not open the embedded store run anywhere Node.js does; where no
// binary exists, opening the embedded store says so in one line and names
// the way out.
import type grafeo from '@grafeo-db/js';
import { StoreError } from './errors.js';

export type Grafeo = typeof grafeo;

let loaded: Promise<Grafeo> | undefined;

export function loadEngine(): Promise<Grafeo> {
  loaded ??= import('@grafeo-db/js').then(
    (module) => module.default,
    (error: unknown) => {
      loaded = undefined; // a later call tries again (and fails the same way)
      throw new StoreError(
        `the embedded store's engine (Grafeo) cannot be loaded on this platform (${process.platform}-${process.arch}): ` +
          `set NEO4J_URI to use a Neo4j server instead (README, "Platforms")`,
        { cause: error },
      );
    },
  );
  return loaded;
}
