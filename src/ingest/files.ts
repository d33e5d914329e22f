// Finds the report files among the paths a user gives: files as they are,
// directories recursively, in a stable (sorted) order.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export const SUPPORTED_EXTENSIONS = ['.txt'];

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Expands paths to files. Directories yield their supported files; a named file is always yielded (reading it decides). */
export function* listInputFiles(paths: string[]): Generator<string> {
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new InputError(`no such file or directory: ${path}`);
    }
    if (stat.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) yield path;
  }
}
