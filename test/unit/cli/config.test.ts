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
      store: { neo4jUri: undefined, neo4jUser: undefined, neo4jPassword: undefined, neo4jDatabase: undefined, dataDir: './data', readCache: true },
      token: undefined,
      maxFileBytes: 16 * 1024 * 1024,
      logLevel: 'info',
      debug: false,
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
      },
      token: 't0ken',
      maxFileBytes: 524288,
      logLevel: 'warn',
      debug: true,
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
});
