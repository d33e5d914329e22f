import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The suite in three tiers, each a vitest project (`npm run test:unit|test:api|test:e2e`;
 * `npm test` runs all three). unit: no store, server, child process or browser —
 * the extractor, the explorer's model and file route, the schema print, file
 * reading; well under a minute. e2e: a real browser (test/support/browser.ts).
 * api: everything else — stores, the GraphQL server, the CLI as a process,
 * worker threads, and Neo4j's Cypher linter over every statement (18 s alone);
 * a new test file lands here unless it is listed below.
 */
const UNIT = [
  'test/extract.test.ts',
  'test/extract.jurisdiction.test.ts',
  'test/extract.seeds.test.ts',
  'test/extract.speed.test.ts',
  'test/extract.devset.test.ts',
  'test/extract.fresh.test.ts',
  'test/reliability.extract.test.ts',
  'test/ingest.formats.test.ts',
  'test/schema.test.ts',
  'test/store.values.test.ts',
  'test/store.read-cache.test.ts',
  'test/explore.model.test.ts',
  'test/explore.route.test.ts',
  'test/api.subgraph.test.ts',
  'test/cli.config.test.ts',
  'test/compose.test.ts',
];
const E2E = ['test/**/*.e2e.test.ts', 'test/ingest.pdf-browser.test.ts'];

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (index.js) and ESM (index.mjs). Node loads the
    // CommonJS one for everybody; Vite would hand our files the ESM one while
    // Pothos and yoga load the CommonJS one, and two graphql instances break
    // `instanceof GraphQLError`. Pin the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Store and server tests do real I/O on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'api', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...E2E] } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
