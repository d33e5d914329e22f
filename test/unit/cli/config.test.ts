// The configuration read from the environment (src/cli/config.ts): the
// README's "Configuration" defaults, empty values read as unset, and a
// malformed value refused with a message naming the variable.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/cli/config.js';
import { UsageError } from '../../../src/cli/errors.js';

describe('readConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(readConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4000,
      store: {
        neo4jUri: undefined,
        neo4jUser: undefined,
        neo4jPassword: undefined,
        neo4jDatabase: undefined,
        dataDir: './data',
        readCache: true,
        readConcurrency: undefined,
      },
      token: undefined,
      maxFileBytes: 16 * 1024 * 1024,
      logLevel: 'info',
      debug: false,
      corsOrigins: [],
      requestTimeoutMs: undefined,
      exportConcurrency: undefined,
      exportAnonymousReports: undefined,
      maxResponseBytes: 32 * 1024 * 1024,
    });
  });

  it('reads every documented variable', () => {
    const config = readConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      NEO4J_URI: 'bolt://localhost:7687',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'gov',
      GOVGRAPH_DATA: '/var/lib/govgraph',
      GOVGRAPH_READ_CACHE: 'off',
      GOVGRAPH_TOKEN: 't0ken',
      GOVGRAPH_MAX_FILE_MB: '0.5',
      LOG_LEVEL: 'WARN',
      GOVGRAPH_DEBUG: '1',
      GOVGRAPH_CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      GOVGRAPH_REQUEST_TIMEOUT_S: '300',
      GOVGRAPH_EXPORT_CONCURRENCY: '4',
      GOVGRAPH_EXPORT_ANONYMOUS_REPORTS: '0',
      GOVGRAPH_MAX_RESPONSE_MB: '8',
      GOVGRAPH_READ_CONCURRENCY: '3',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 8080,
      store: {
        neo4jUri: 'bolt://localhost:7687',
        neo4jUser: 'reader',
        neo4jPassword: 'secret',
        neo4jDatabase: 'gov',
        dataDir: '/var/lib/govgraph',
        readCache: false,
        readConcurrency: 3,
      },
      token: 't0ken',
      maxFileBytes: 524288,
      logLevel: 'warn',
      debug: true,
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
      requestTimeoutMs: 300_000,
      exportConcurrency: 4,
      exportAnonymousReports: 0,
      maxResponseBytes: 8 * 1024 * 1024,
    });
  });

  it('reads an empty value as unset (PORT aside: empty is port 0, any free port)', () => {
    const config = readConfig({ HOST: '', NEO4J_URI: '', GOVGRAPH_DATA: '', GOVGRAPH_TOKEN: '', GOVGRAPH_MAX_FILE_MB: '', LOG_LEVEL: '', PORT: '' });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      store: { neo4jUri: undefined, dataDir: './data' },
      token: undefined,
      maxFileBytes: 16 * 1024 * 1024,
      logLevel: 'info',
      port: 0,
    });
  });

  it('refuses malformed values as a usage error naming each variable', () => {
    let error: unknown;
    try {
      readConfig({ PORT: '70000', GOVGRAPH_MAX_FILE_MB: 'lots', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toContain('invalid port: 70000');
    expect(message).toContain('GOVGRAPH_MAX_FILE_MB must be a positive number of megabytes, not "lots"');
    expect(message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"');
  });

  it('refuses a CORS entry that is not an origin, and timeouts and export limits that are not whole numbers in range', () => {
    const message = (env: NodeJS.ProcessEnv) => {
      try {
        readConfig(env);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    for (const origin of ['*', 'https://a.example/', 'a.example', 'ftp://a.example', 'https://a.example/app']) {
      expect(message({ GOVGRAPH_CORS_ORIGINS: `https://ok.example,${origin}` })).toContain(`GOVGRAPH_CORS_ORIGINS must list origins such as`);
    }
    expect(message({ GOVGRAPH_REQUEST_TIMEOUT_S: '0' })).toContain('GOVGRAPH_REQUEST_TIMEOUT_S must be a whole number of at least 1, not "0"');
    expect(message({ GOVGRAPH_EXPORT_CONCURRENCY: '1.5' })).toContain('GOVGRAPH_EXPORT_CONCURRENCY must be a whole number of at least 1');
    expect(message({ GOVGRAPH_EXPORT_ANONYMOUS_REPORTS: '-1' })).toContain('GOVGRAPH_EXPORT_ANONYMOUS_REPORTS must be a whole number of at least 0');
    expect(message({ GOVGRAPH_READ_CONCURRENCY: '0' })).toContain('GOVGRAPH_READ_CONCURRENCY must be a whole number of at least 1, not "0"');
    expect(message({ GOVGRAPH_MAX_RESPONSE_MB: 'big' })).toContain('GOVGRAPH_MAX_RESPONSE_MB must be a positive number of megabytes, not "big"');
  });
});
