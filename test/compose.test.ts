// docker-compose.yml cannot be run on the CI machines (no Docker engine), so
// its structure is checked here: Neo4j 5 community with a real health check
// and a named volume, and the API built from the Dockerfile, waiting for a
// healthy Neo4j, wired by environment variables.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'));

describe('docker-compose.yml', () => {
  it('runs Neo4j 5 community with a health check that logs in over Bolt', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toMatch(/^neo4j:5(\.[\d.]+)?-community$/);
    expect(neo4j.healthcheck.test.join(' ')).toMatch(/cypher-shell .*RETURN 1/);
    expect(neo4j.healthcheck).toMatchObject({ interval: expect.any(String), retries: expect.any(Number) });
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD/);
    expect(neo4j.ports).toEqual(expect.arrayContaining(['7474:7474', '7687:7687']));
  });

  it('keeps the Neo4j data in a named volume', () => {
    const mount = compose.services.neo4j.volumes.find((v: string) => v.endsWith(':/data'));
    const volume = mount.split(':')[0];
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('builds the API from the Dockerfile and starts it once Neo4j is healthy', () => {
    const api = compose.services.api;
    expect(api.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile' });
    expect(existsSync(new URL('Dockerfile', root))).toBe(true);
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api.environment).toMatchObject({ NEO4J_URI: 'bolt://neo4j:7687', NEO4J_USER: 'neo4j', PORT: '4000' });
    // the API and Neo4j agree on the password
    expect(api.environment.NEO4J_PASSWORD).toBe(compose.services.neo4j.environment.NEO4J_PASSWORD);
    expect(api.ports).toContain('4000:4000');
  });

  it('has a Dockerfile that installs from the lock file and runs npm start', () => {
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/COPY package\.json package-lock\.json/);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/CMD \["npm", "start"\]/);
    for (const dir of ['src', 'cypher', 'seed']) expect(dockerfile).toContain(`COPY ${dir} ./${dir}`);
  });
});
