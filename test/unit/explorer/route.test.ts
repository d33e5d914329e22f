// /explore: the built page's files with the right types and cache headers,
// nothing outside the build directory, and a clear 503 before a build.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExploreRoute, explorePathOf, resolveExplorePath } from '../../../src/api/explore-route.js';

/** A server with the explore route in front of a fallthrough that says "fallthrough", like the real one's yoga. */
async function serve(root: string): Promise<{ server: Server; port: number }> {
  const route = createExploreRoute(root);
  const server = createServer((req, res) => {
    if (!route(req, res)) res.writeHead(404).end('fallthrough');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A raw request: fetch would normalize ../ and %2e%2e away before they reach the server. */
function raw(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res
        .setEncoding('utf8')
        .on('data', (c) => (body += c))
        .on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

describe('explore route', () => {
  let dir: string;
  let built: { server: Server; port: number };
  let empty: { server: Server; port: number };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'govgraph-explore-'));
    const root = join(dir, 'dist', 'explorer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>explorer</title>');
    await writeFile(join(root, 'assets', 'index-B-LcbmKO.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'index-Ktu1Arjt.css'), 'body{}');
    await writeFile(join(dir, 'secret.txt'), 'do not serve');
    built = await serve(root);
    empty = await serve(join(dir, 'not-built'));
  });
  afterAll(async () => {
    for (const s of [built, empty]) await new Promise((resolve) => s.server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the page at /explore and /explore/, revalidated on every load', async () => {
    for (const path of ['/explore', '/explore/', '/explore?start=abc']) {
      const r = await raw(built.port, path);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(r.body).toContain('<title>explorer</title>');
    }
  });

  it('serves hashed assets with their content type, cached for good', async () => {
    const js = await raw(built.port, '/explore/assets/index-B-LcbmKO.js');
    expect(js).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await raw(built.port, '/explore/assets/index-Ktu1Arjt.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await raw(built.port, '/explore/assets/index-B-LcbmKO.js', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String('console.log(1)'.length));
  });

  it('never serves a file outside the build directory', async () => {
    for (const path of [
      '/explore/../secret.txt',
      '/explore/../../secret.txt',
      '/explore/%2e%2e/%2e%2e/secret.txt',
      '/explore/assets/..%2f..%2f..%2fsecret.txt',
      '/explore/..%5c..%5csecret.txt',
      '/explore/index.html%00.js',
      '/explore/%E0%A4%A',
    ]) {
      const r = await raw(built.port, path);
      expect(r.status, path).toBe(400);
      expect(r.body).not.toContain('do not serve');
    }
    expect((await raw(built.port, '/explore/assets/missing-12345678.js')).status).toBe(404);
    expect((await raw(built.port, '/explore/assets')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    const r = await raw(built.port, '/explore', 'POST');
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
  });

  it('says 503 with the command to run when the explorer is not built', async () => {
    const r = await raw(empty.port, '/explore');
    expect(r.status).toBe(503);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('npm run build:explorer');
    expect(r.body).not.toMatch(/at .*\(.*:\d+:\d+\)|ENOENT/);
  });

  it('leaves every other URL to the rest of the server', async () => {
    for (const path of ['/graphql', '/explorer', '/exploreX', '/']) {
      expect((await raw(built.port, path)).body, path).toBe('fallthrough');
    }
    expect(explorePathOf('/explore/assets/a.js?v=1')).toBe('assets/a.js');
    expect(explorePathOf('/explored')).toBeNull();
    expect(resolveExplorePath('/srv/x', 'a/../../b')).toBeNull();
    expect(resolveExplorePath('/srv/x', '')).toBe('/srv/x/index.html');
  });
});
