// Argument parsing on node:util's parseArgs, turning its exceptions into usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkInputPaths } from '../ingest/files.js';
import { parseMegabytes } from '../ingest/read.js';
import { UsageError } from './errors.js';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * The input paths and the per-file size limit that `extract` and `ingest` share:
 * `--max-size` in MB when given, else the configured limit. A missing path or a
 * bad size is a usage error, reported before any file is read.
 */
export function inputFilesAndLimit(positionals: string[], maxSize: string | undefined, configuredMaxBytes: number): number {
  try {
    const maxBytes = maxSize !== undefined ? parseMegabytes(maxSize, '--max-size') : configuredMaxBytes;
    checkInputPaths(positionals);
    return maxBytes;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
