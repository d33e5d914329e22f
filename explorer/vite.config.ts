// Builds the explorer page (explorer/src) into dist/explorer, which
// src/api/explore-route.ts serves at /explore. Run by `npm run build:explorer`
// (itself run by `prepare` on npm ci and by `prestart`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/', import.meta.url)),
  // Absolute asset URLs, so /explore and /explore/ load the same files.
  base: '/explore/',
  // No public/ folder: everything the page needs is imported and hashed.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/explorer/', import.meta.url)),
    emptyOutDir: true,
    // The page is served by our own server to current browsers only.
    target: 'es2022',
    // sigma + graphology are one ~250 kB chunk, ECharts' parts ~500 kB; that is fine for a tool page.
    chunkSizeWarningLimit: 1000,
    // Every asset a file of its own, never a data: URL: the page's CSP allows
    // fonts from 'self' only (the small slices of Noto Sans SC would be inlined).
    assetsInlineLimit: 0,
    // two pages: the graph explorer and the map of an initiative's spread
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./src/index.html', import.meta.url)),
        map: fileURLToPath(new URL('./src/map.html', import.meta.url)),
      },
    },
  },
  server: {
    // `npx vite --config explorer/vite.config.ts` for live editing: the page's /graphql calls go to `npm start`.
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
