import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (index.js) and ESM (index.mjs). Node loads the
    // CommonJS one for everybody; Vite would hand our files the ESM one while
    // Pothos and yoga load the CommonJS one, and two graphql instances break
    // `instanceof GraphQLError`. Pin the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Store and server tests do real I/O on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
