// Finds the report files among the paths a user gives: files as they are,
// directories recursively (in a stable, sorted order, following symbolic
// links), and glob patterns (tinyglobby) for what the shell did not expand.
// The list is a generator: nothing but the current directory listing, the
// files yielded and the directories walked (to yield each once) is held,
// however many files. Files of other types in a directory are counted by
// extension, not listed; hidden files and folders (.name) are passed over.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isCandidateFile, SUPPORTED_LIST } from './formats.js';

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

/** The files a directory walk passed over because of their type: how many, by extension ("(no extension)" for none). */
export interface SkippedFiles {
  count: number;
  byExtension: Record<string, number>;
}

export const noSkippedFiles = (): SkippedFiles => ({ count: 0, byExtension: {} });

/** One line on files not read, e.g. `3 other file(s) not read (.md 1, .mht 1, .zip 1): supported are …`; '' when none. */
export function describeSkipped(skipped: SkippedFiles): string {
  if (!skipped.count) return '';
  const counts = Object.entries(skipped.byExtension)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ext, n]) => `${ext} ${n}`);
  return `${skipped.count} other file(s) not read (${counts.join(', ')}): supported are ${SUPPORTED_LIST}`;
}

/** The message for paths that hold no input file at all (empty directories, or only files of other types). */
export function nothingFoundMessage(paths: string[], skipped: SkippedFiles): string {
  const where = paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 2).join(', ')} and ${paths.length - 2} other path(s)`;
  return skipped.count
    ? `no report files in ${where}: ${describeSkipped(skipped)}`
    : `no report files in ${where}, nor other files (hidden ones are not read): supported are ${SUPPORTED_LIST}`;
}

/** A file's identity for "reached twice": its real path (through symbolic links), else its absolute path. */
function identity(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Expands paths to files. Directories yield their report-like files (supported
 * formats and the document formats refused with a hint, e.g. .doc), through
 * symbolic links to files and directories (a directory is walked once, so a
 * link back up the tree ends there); the other files of a directory are counted
 * in `skipped` if given. A file named or matched by a glob is always yielded
 * (reading it decides). A file reached twice (also through a link) is yielded once.
 */
export function* listInputFiles(paths: string[], skipped?: SkippedFiles): Generator<string> {
  const seen = new Set<string>();
  const walked = new Set<string>();
  const once = function* (path: string) {
    const key = identity(path);
    if (seen.has(key)) return;
    seen.add(key);
    yield path;
  };
  for (const path of paths) {
    const spec = specOf(path);
    if (spec.kind === 'glob') for (const file of globSync(spec.pattern, { onlyFiles: true, expandDirectories: false }).sort()) yield* once(file);
    else if (spec.kind === 'file') yield* once(spec.path);
    else for (const file of walk(spec.path, walked, skipped)) yield* once(file);
  }
}

/** How many files listInputFiles will yield (a walk that keeps nothing but the paths seen); other files are counted in `skipped`. */
export function countInputFiles(paths: string[], skipped?: SkippedFiles): number {
  let n = 0;
  for (const _ of listInputFiles(paths, skipped)) n++;
  return n;
}

function* walk(dir: string, walked: Set<string>, skipped: SkippedFiles | undefined): Generator<string> {
  const real = identity(dir);
  if (walked.has(real)) return;
  walked.add(real);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
      } catch {
        // a dangling link: a report-like name is yielded and its reading says what is wrong; any other is counted
        kind = 'file';
      }
    }
    if (kind === 'dir') yield* walk(path, walked, skipped);
    else if (kind === 'file') {
      if (isCandidateFile(entry.name)) yield path;
      else if (skipped) {
        const ext = extname(entry.name).toLowerCase() || '(no extension)';
        skipped.count++;
        skipped.byExtension[ext] = (skipped.byExtension[ext] ?? 0) + 1;
      }
    }
  }
}
