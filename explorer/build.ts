// Builds the explorer page (explorer/src → dist/explorer) with Vite.
// One entry point for the npm scripts and the end-to-end test:
//   tsx explorer/build.ts --typecheck   `npm run build:explorer` (and `prepare`, run by npm ci)
//   tsx explorer/build.ts --if-stale    `prestart`: rebuild only when a source is newer than the build
import { spawnSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPLORER_DIST } from '../src/api/explore-route.js';

const SOURCES = fileURLToPath(new URL('./src/', import.meta.url));
const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
/** The graph model (src/model.ts), which the page imports from outside its folder. */
const MODEL = fileURLToPath(new URL('../src/model.ts', import.meta.url));

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestSource(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

/** True when dist/explorer is missing or older than a source file, the graph model or the Vite config. */
export async function explorerIsStale(): Promise<boolean> {
  let built: number;
  try {
    built = (await stat(join(EXPLORER_DIST, 'index.html'))).mtimeMs;
  } catch {
    return true;
  }
  return Math.max(await newestSource(SOURCES), (await stat(MODEL)).mtimeMs, (await stat(CONFIG)).mtimeMs) > built;
}

/** Type-checks the browser code under its own config (DOM types), which the server's tsconfig leaves out. */
export function typecheckExplorer(): void {
  // typescript's exports map hides bin/, so find it beside its package.json.
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(SOURCES, 'tsconfig.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the explorer does not type-check (see above)');
}

export async function buildExplorer(options: { ifStale?: boolean; typecheck?: boolean } = {}): Promise<'built' | 'fresh'> {
  if (options.ifStale && !(await explorerIsStale())) return 'fresh';
  if (options.typecheck) typecheckExplorer();
  // Vite is a dev dependency: loaded only when a build is really needed.
  const { build } = await import('vite');
  await build({ configFile: CONFIG, logLevel: 'warn' });
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  buildExplorer({ ifStale: args.has('--if-stale'), typecheck: args.has('--typecheck') }).then(
    (outcome) => console.error(outcome === 'built' ? `explorer built into ${EXPLORER_DIST}` : 'explorer is up to date'),
    (error: Error) => {
      console.error(`explorer build failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
