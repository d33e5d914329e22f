// docker-compose.yml cannot be run on the CI machines (no Docker engine), so
// its structure is checked here: Neo4j 5 community with a real health check
// and a named volume, and the API built from the Dockerfile, waiting for a
// healthy Neo4j, wired by environment variables.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'));
const neo4j = compose?.services?.neo4j;
const api = compose?.services?.api;

/** Compose's `environment:` is a map or a list of KEY=VALUE strings. */
function environment(service: { environment?: Record<string, unknown> | string[] }): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value == null ? '' : String(value)]));
}

/** What `${NAME:-default}` expands to when NAME is unset, or the text itself. */
function withDefaults(value: string): string {
  return value.replace(/\$\{[A-Z_]+:?-([^}]*)\}/g, '$1');
}

type Port = string | number | { target: number; published?: string | number; host_ip?: string };

/** `ports:` entries in short ("4000:4000") or long ({target, published}) form, as "published:target". */
function ports(service: { ports?: Port[] }): string[] {
  return (service.ports ?? []).map((p) =>
    typeof p === 'object' ? `${p.published ?? ''}:${p.target}` : withDefaults(String(p)).replace(/^(?:[\d.]+:)?(\d+:\d+)(?:\/tcp)?$/, '$1'),
  );
}

/** The host address each published port binds to when nothing is set (Compose's own default is every interface). */
function bindings(service: { ports?: Port[] }): string[] {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'object') return p.host_ip ?? '0.0.0.0';
    const parts = withDefaults(String(p)).split(':');
    return parts.length === 3 ? parts[0] : '0.0.0.0';
  });
}

/** The default of `${NAME:-default}`, or null when NAME is required (`${NAME:?message}`) or has no default. */
function defaultOf(value: string, name: string): string | null {
  const match = value.match(new RegExp(`\\$\\{${name}(?::?-([^}]*)|:?\\?[^}]*)?\\}`));
  return match?.[1] ?? null;
}

describe('docker-compose.yml', () => {
  it('has the services neo4j and api', () => {
    expect(Object.keys(compose.services ?? {})).toEqual(expect.arrayContaining(['neo4j', 'api']));
  });

  it('runs Neo4j 5 community with the password the user must give (no default anybody could know)', () => {
    // neo4j:5-community, neo4j:5.26-community, neo4j:5.26.0-community; not enterprise, not 4.x or 2025.x
    expect(neo4j.image).toMatch(/^neo4j:5(\.\d+){0,2}-community$/);
    const env = environment(neo4j);
    expect(env.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
    expect(defaultOf(env.NEO4J_AUTH, 'NEO4J_PASSWORD')).toBeNull();
    expect(ports(neo4j)).toEqual(expect.arrayContaining(['7474:7474', '7687:7687']));
  });

  it('publishes every port on loopback only unless GOVGRAPH_BIND says otherwise', () => {
    for (const service of [neo4j, api]) {
      expect(bindings(service).length).toBeGreaterThan(0);
      for (const binding of bindings(service)) expect(binding).toBe('127.0.0.1');
      for (const port of service.ports as string[]) expect(port).toMatch(/^\$\{GOVGRAPH_BIND:-127\.0\.0\.1\}:\d+:\d+$/);
    }
  });

  it('gives Neo4j no NEO4J_* variable that its entrypoint would write into neo4j.conf as a bogus setting', () => {
    // The image turns NEO4J_x_y__z into the setting x.y_z; Neo4j 5 validates
    // settings strictly and refuses to start on an unknown one (NEO4J_PASSWORD
    // would become "PASSWORD").
    const controls = ['NEO4J_AUTH', 'NEO4J_AUTH_PATH', 'NEO4J_ACCEPT_LICENSE_AGREEMENT', 'NEO4J_DEBUG', 'NEO4J_PLUGINS'];
    for (const key of Object.keys(environment(neo4j)).filter((k) => k.startsWith('NEO4J_') && !controls.includes(k))) {
      expect(key, `${key} is not a Neo4j setting`).toMatch(/^NEO4J_(server|dbms|db|initial|browser)_[a-z_]+$/);
    }
  });

  it('has a health check that logs in over Bolt and runs a query', () => {
    const { healthcheck } = neo4j;
    expect(Array.isArray(healthcheck.test)).toBe(true);
    expect(healthcheck.test[0]).toMatch(/^CMD(-SHELL)?$/);
    const command = healthcheck.test.slice(1).join(' ');
    expect(command).toMatch(/cypher-shell .*-u neo4j .*-p .*RETURN 1/);
    // the password comes from the container's own environment ($$ = a literal $ for the shell), not from compose
    expect(command).toContain('$${NEO4J_AUTH#neo4j/}');
    expect(healthcheck.interval).toMatch(/^\d+(ms|s|m)$/);
    expect(healthcheck.timeout).toMatch(/^\d+(ms|s|m)$/);
    expect(healthcheck.retries).toBeGreaterThanOrEqual(3);
  });

  it('keeps the Neo4j data in a named volume mounted at /data', () => {
    const mounts: (string | { type?: string; source: string; target: string })[] = neo4j.volumes ?? [];
    const data = mounts.map((m) => (typeof m === 'string' ? { source: m.split(':')[0], target: m.split(':')[1] } : m)).find((m) => m.target === '/data');
    expect(data, 'a mount at /data').toBeDefined();
    expect(data!.source).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/); // a name, not a host path
    expect(Object.keys(compose.volumes ?? {})).toContain(data!.source);
  });

  it('builds the API from the Dockerfile and starts it once Neo4j is healthy', () => {
    expect(api.build).toMatchObject({ context: '.' });
    expect(existsSync(new URL(api.build.dockerfile ?? 'Dockerfile', root))).toBe(true);
    expect(api.depends_on).toMatchObject({ neo4j: { condition: 'service_healthy' } });
    expect(ports(api)).toContain('4000:4000');
  });

  it('points the API at Neo4j by environment, with the same password', () => {
    const env = environment(api);
    expect(env).toMatchObject({ PORT: '4000', NEO4J_URI: 'bolt://neo4j:7687', NEO4J_USER: 'neo4j', NEO4J_DATABASE: 'neo4j' });
    // the same required variable on both sides, so the API always logs in with Neo4j's password
    expect(env.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
    expect(`neo4j/${env.NEO4J_PASSWORD}`).toBe(environment(neo4j).NEO4J_AUTH);
    expect(env.GOVGRAPH_TOKEN).toMatch(/^\$\{GOVGRAPH_TOKEN(:-[^}]*)?\}$/);
  });
});

describe('Dockerfile', () => {
  const path = new URL('Dockerfile', root);
  const dockerfile = existsSync(path) ? readFileSync(path, 'utf8') : '';

  // The stage that runs: everything after the last FROM.
  const runStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs on Node.js 22 LTS with production dependencies only, installed from the lock file', () => {
    for (const from of dockerfile.match(/^FROM \S+/gm) ?? []) expect(from).toMatch(/^FROM node:22-bookworm-slim\b/);
    expect(runStage).toMatch(/COPY package\.json package-lock\.json/);
    expect(runStage).toMatch(/^RUN npm ci --omit=dev\b/m);
    // every runtime import resolves among production dependencies: tsx, which runs the sources, is one
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).toHaveProperty('tsx');
    for (const dir of ['src', 'cypher', 'seed', 'schema']) expect(runStage).toContain(`COPY ${dir} ./${dir}`);
    expect(runStage).toMatch(/COPY --from=\w+ \/app\/dist\/explorer \.\/dist\/explorer/);
  });

  it('runs the server process itself (signals reach it), on every interface, with a health check on /readyz', () => {
    expect(runStage).toMatch(/^CMD \["node", "--import", "tsx", "src\/cli\/main\.ts", "serve", "--seed-if-empty"\]/m);
    expect(runStage).toMatch(/HOST=0\.0\.0\.0/);
    expect(runStage).toMatch(/^HEALTHCHECK [^\n]*\\\n\s+CMD \[[^\n]*\/readyz/m);
    expect(runStage).toMatch(/^USER node$/m);
  });

  it('has a .dockerignore that keeps node_modules, data and .git out of the build context', () => {
    const ignore = readFileSync(new URL('.dockerignore', root), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignore).toEqual(expect.arrayContaining(['node_modules', 'data', '.git', 'test/artifacts']));
  });
});
