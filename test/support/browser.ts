// The Chromium of the browser tests (the explorer, GraphiQL, PDFs printed by
// a browser), found in one place: CHROMIUM_PATH when set (a binary, or `npm`
// for the build below even where the system has one, as .ci/run does to show
// the suite needs no system browser), else the system's /usr/bin/chromium,
// else the headless build that @sparticuz/chromium ships inside its npm
// package, so `npm ci && npm test` needs nothing beyond Node.js and npm. That build is brotli-packed; it is unpacked once per package
// version under node_modules/.cache, where a fresh `npm ci` starts over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface FoundChromium {
  path: string;
  /** Where it came from, for messages: 'CHROMIUM_PATH', 'system' or 'npm'. */
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
}

/**
 * Flags for a headless run as root in a container: no sandbox (root cannot use
 * it), no background traffic to Google's services (the offline test counts
 * every outside request), WebGL on SwiftShader for sigma's canvases.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-sync',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** The npm build, unpacked into its cache folder on first use (atomically: parallel test files may ask at once). */
function npmChromium(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `no Chromium for the browser tests: @sparticuz/chromium has a build for linux-x64 only (this is ${process.platform}-${process.arch}) and ${SYSTEM_CHROMIUM} is missing; set CHROMIUM_PATH to a Chrome or Chromium binary`,
    );
  }
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('@sparticuz/chromium/package.json');
  } catch {
    // Its exports map may hide package.json; the entry point sits two folders below the package root.
    packageJson = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'package.json');
  }
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const home = join(ROOT, 'node_modules', '.cache', `govgraph-chromium-${version}`);
  const binary = join(home, 'chromium');
  if (existsSync(binary)) return binary;
  // The package unpacks into os.tmpdir(); a child process with its own TMPDIR
  // points that at a private staging folder, renamed into place when complete.
  const staging = `${home}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const unpack = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "const { default: c } = await import('@sparticuz/chromium'); process.stdout.write(await c.executablePath());"],
    {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: staging },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (unpack.status !== 0 || unpack.stdout !== join(staging, 'chromium')) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`could not unpack the Chromium of @sparticuz/chromium: ${unpack.stderr || unpack.error?.message || unpack.stdout}`);
  }
  try {
    renameSync(staging, home);
  } catch (error) {
    // Another test file won the race: its copy is complete, ours goes.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

/** The Chromium to drive, or an error that says how to get one. */
export function findChromium(): FoundChromium {
  const configured = process.env.CHROMIUM_PATH;
  if (configured === 'npm') return { path: npmChromium(), source: 'npm' };
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return { path: configured, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  return { path: npmChromium(), source: 'npm' };
}

/** A headless Chromium through playwright-core. */
export async function launchChromium(): Promise<Browser> {
  const { path } = findChromium();
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
}

/** Collects into `into` what the page reports as broken: uncaught errors and console errors. */
export function collectPageErrors(page: Page, into: string[]): void {
  page.on('pageerror', (error) => into.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') into.push(msg.text());
  });
}

/** A Chinese-locale page of a fresh headless Chromium, with every request it makes and every error it reports collected. */
export interface WatchedPage {
  browser: Browser;
  page: Page;
  /** Every address the page requested, in order. */
  requested: string[];
  /** Uncaught errors and console errors of the page. */
  errors: string[];
}

export async function openWatchedPage(viewport: { width: number; height: number }): Promise<WatchedPage> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  const watched: WatchedPage = { browser, page, requested: [], errors: [] };
  page.on('request', (request) => watched.requested.push(request.url()));
  collectPageErrors(page, watched.errors);
  return watched;
}
