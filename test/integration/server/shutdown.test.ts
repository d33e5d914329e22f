// `govgraph serve` as a process: SIGTERM lets a request that is still
// arriving finish with its answer, then the server stops, the embedded store
// is closed (its lock file gone) and the exit code is 0. And what `npm start`
// runs (`serve --seed-if-empty`): the sample reports go into an empty store
// once, not again into a store that has reports.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-serve-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const until = (check: () => boolean, what: string, ms = 20_000) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (check()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 25);
  });

describe('govgraph serve', () => {
  it('finishes an in-flight request on SIGTERM, then closes the store and exits 0', async () => {
    const port = await freePort();
    const data = join(scratch, 'data');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port)], {
      cwd: root,
      env: { ...process.env, GOVGRAPH_DATA: data, NEO4J_URI: '', LOG_LEVEL: 'silent' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await until(() => stderr.includes('govgraph serving'), 'the server to start');
    expect(existsSync(join(data, 'govgraph.lock'))).toBe(true);

    // A request whose body is only half sent when the signal arrives.
    const body = Buffer.from(JSON.stringify({ query: '{ reports(first: 1) { totalCount } }' }));
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } },
        (res) => {
          let text = '';
          res
            .setEncoding('utf8')
            .on('data', (c) => (text += c))
            .on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 10));
      setTimeout(() => {
        child.kill('SIGTERM');
        void until(() => stderr.includes('SIGTERM: finishing requests'), 'the shutdown message').then(() => req.end(body.subarray(10)), reject);
      }, 200);
    });

    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { reports: { totalCount: 0 } } });
    expect(await exited).toBe(0);
    expect(existsSync(join(data, 'govgraph.lock'))).toBe(false);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 60_000);

  it('npm start (serve --seed-if-empty) ingests the sample reports into an empty store, and only then', async () => {
    const data = join(scratch, 'seeded');
    const start = async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--seed-if-empty', '--port', String(port)], {
        cwd: root,
        env: { ...process.env, GOVGRAPH_DATA: data, NEO4J_URI: '', LOG_LEVEL: 'silent' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await until(() => stderr.includes('govgraph serving'), 'the server to start', 60_000);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ reports { totalCount } }' }),
      });
      const reports = ((await response.json()) as { data: { reports: { totalCount: number } } }).data.reports.totalCount;
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      return { reports, stderr };
    };
    const first = await start();
    expect(first.reports).toBe(5);
    expect(first.stderr).toMatch(/is empty: ingesting the sample reports of seed\//);
    expect(first.stderr).toMatch(/5 created/);
    const second = await start();
    expect(second.reports).toBe(5);
    expect(second.stderr).not.toMatch(/ingesting the sample reports/);
  }, 120_000);

  it('npm start: SIGTERM to npm reaches the server, which stops (nothing left answering) and closes the store', async () => {
    const port = await freePort();
    const data = join(scratch, 'npm-start');
    // npm's own process, as a service manager or a terminal sees it
    const npm = spawn('npm', ['start'], {
      cwd: root,
      env: { ...process.env, GOVGRAPH_DATA: data, NEO4J_URI: '', PORT: String(port), HOST: '', LOG_LEVEL: 'silent' },
    });
    let stderr = '';
    npm.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    await until(() => stderr.includes('govgraph serving'), 'the server to start', 90_000);
    expect(stderr).toContain(`at http://localhost:${port}/graphql`);
    expect(stderr).toContain('this machine only');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    npm.kill('SIGTERM');
    await exited;
    await until(() => !existsSync(join(data, 'govgraph.lock')), 'the store to be closed');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 120_000);

  it('listens on 127.0.0.1 unless HOST says otherwise, and says so', async () => {
    const start = async (host: string | undefined) => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port)], {
        cwd: root,
        env: { ...process.env, GOVGRAPH_DATA: join(scratch, 'hosts'), NEO4J_URI: '', HOST: host ?? '', LOG_LEVEL: 'silent' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await until(() => stderr.includes('govgraph serving') || child.exitCode !== null, 'the server to start');
      // An address of this machine that is not loopback: reachable only when listening on every interface.
      const outside = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      const reachable = outside
        ? await fetch(`http://${outside}:${port}/healthz`).then(
            () => true,
            () => false,
          )
        : undefined;
      child.kill('SIGTERM');
      return { stderr, code: await exited, reachable };
    };
    const loopback = await start(undefined);
    expect(loopback.stderr).toMatch(/this machine only/);
    if (loopback.reachable !== undefined) expect(loopback.reachable).toBe(false);
    const every = await start('0.0.0.0');
    expect(every.stderr).toMatch(/listening on every interface \(0\.0\.0\.0\)/);
    if (every.reachable !== undefined) expect(every.reachable).toBe(true);
    const wrong = await start('not-an-address');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^govgraph: invalid host: not-an-address/);
  }, 60_000);
});
