// Finds the report files among the paths a user gives: files as they are,
// directories recursively (in a stable, sorted order), and glob patterns
// (tinyglobby) for what the shell did not expand. The list is a generator:
// nothing but the current directory listing is held, however many files.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isCandidateFile } from './formats.js';

export { SUPPORTED_EXTENSIONS } from './formats.js';

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

type Spec = { kind: 'file' | 'dir'; path: string } | { kind: 'glob'; pattern: string };

function specOf(path: string): Spec {
  try {
    return { kind: statSync(path).isDirectory() ? 'dir' : 'file', path };
  } catch {
    if (isDynamicPattern(path)) {
      // a glob that matches nothing is as wrong as a missing file
      if (!globSync(path, { onlyFiles: true, expandDirectories: false }).length) throw new InputError(`no files match ${path}`);
      return { kind: 'glob', pattern: path };
    }
    throw new InputError(`no such file or directory: ${path}`);
  }
}

/** Checks every path up front: an existing file or directory, or a glob that matches files. Throws InputError. */
export function checkInputPaths(paths: string[]): void {
  for (const path of paths) specOf(path);
}

/**
 * Expands paths to files. Directories yield their report-like files (supported
 * formats and the document formats refused with a hint, e.g. .doc); a file
 * named or matched by a glob is always yielded (reading it decides). A file
 * reached twice is yielded once.
 */
export function* listInputFiles(paths: string[]): Generator<string> {
  const seen = new Set<string>();
  const once = function* (path: string) {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    yield path;
  };
  for (const path of paths) {
    const spec = specOf(path);
    if (spec.kind === 'glob') for (const file of globSync(spec.pattern, { onlyFiles: true, expandDirectories: false }).sort()) yield* once(file);
    else if (spec.kind === 'file') yield* once(spec.path);
    else for (const file of walk(spec.path)) yield* once(file);
  }
}

/** How many files listInputFiles will yield (a walk that keeps nothing but the paths seen). */
export function countInputFiles(paths: string[]): number {
  let n = 0;
  for (const _ of listInputFiles(paths)) n++;
  return n;
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && isCandidateFile(entry.name)) yield path;
  }
}
