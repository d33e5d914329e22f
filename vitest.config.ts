import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The suite in three tiers, each a vitest project chosen by folder
 * (`npm run test:unit|test:integration|test:e2e`; `npm test` runs all three;
 * docs/testing.md describes the layout). test/unit: no store, server, child
 * process or browser — the extractor, the explorer's model and file route, the
 * schema print, file reading; well under a minute. test/e2e: a real browser
 * (test/support/browser.ts). test/integration and test/tck: everything else —
 * stores, the GraphQL server, the CLI as a process, worker threads, and Neo4j's
 * Cypher linter over every statement (18 s alone). A new test file goes in the
 * folder of its tier and stage; nothing is listed here by name.
 */
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
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts', 'test/tck/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
