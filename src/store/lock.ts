// One process holds an embedded data directory at a time.
//
// The authority is the kernel's lock on the database file: Grafeo takes an
// exclusive flock on graph.grafeo when it opens it for writing, and the kernel
// drops that lock when the process ends, however it ends (SIGKILL included).
// It belongs to the open file, not to a process id, so it holds across PID
// namespaces and never goes stale: a container that restarts with the same
// PID as its dead predecessor finds the file free, and two processes that
// open at once cannot both win (one exclusive flock succeeds).
//
// govgraph.lock only names the holder for the refusal message; what it says
// is never trusted to decide who holds the directory.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreLockedError } from './errors.js';

export const LOCK_FILE = 'govgraph.lock';

/** Data directories this process has open: a second open here is a mistake of the caller, said as such. */
const openHere = new Set<string>();

/** Refuses a directory this process already has open; returns the function that forgets it. */
export function claimInProcess(dir: string): () => void {
  if (openHere.has(dir)) throw new StoreLockedError(`the data directory ${dir} is already open in this process`);
  openHere.add(dir);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    openHere.delete(dir);
  };
}

/**
 * Writes this process's id into govgraph.lock for other processes' messages;
 * returns the function that removes it. Best effort: on a full disk the note
 * cannot be written, and the directory is held all the same.
 */
export function noteHolder(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  try {
    writeFileSync(path, `${process.pid}\n`);
  } catch {
    rmSync(path, { force: true });
    return () => {};
  }
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    // Only this process's note: the next holder may already have written its own.
    try {
      if (readFileSync(path, 'utf8') === `${process.pid}\n`) rmSync(path, { force: true });
    } catch {
      // already gone
    }
  };
}

/** The refusal when another process holds the directory, naming it when govgraph.lock says who. */
export function heldElsewhere(dir: string): StoreLockedError {
  let holder = Number.NaN;
  try {
    holder = Number.parseInt(readFileSync(join(dir, LOCK_FILE), 'utf8'), 10);
  } catch {
    // no note: the holder is not a govgraph process of this version, or has not written it yet
  }
  const who = Number.isInteger(holder) && holder > 0 && holder !== process.pid ? `another govgraph process (pid ${holder})` : 'another process';
  return new StoreLockedError(`the data directory ${dir} is in use by ${who}; stop that process or point GOVGRAPH_DATA at another directory`);
}

/**
 * Makes the database file if there is none, so that it appears whole and at
 * most once: it is created under a name of its own, closed, then hard-linked
 * into place, which fails when another process got there first (its file is
 * kept, this one dropped). Creating in place is not safe: Grafeo's create
 * renames a new file over the path, so two processes creating at once would
 * each hold a different file.
 */
export function createDatabaseOnce(file: string, create: (path: string) => { close(): void }): void {
  if (existsSync(file)) return;
  const staged = `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    create(staged).close();
    try {
      linkSync(staged, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } finally {
    // the staged file and what Grafeo keeps beside it while creating
    for (const leftover of [staged, `${staged}.creating`, `${staged}.migrate.lock`, `${staged}.wal`]) rmSync(leftover, { recursive: true, force: true });
  }
}

/**
 * Removes staged files a process killed while creating the database left
 * behind. Called by the holder; a file younger than a minute may be another
 * process's creation in progress, and is left to it.
 */
export function sweepStaged(file: string, now = Date.now()): void {
  const dir = dirname(file);
  const prefix = `${basename(file)}.new-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // tidying up is not worth failing an open for
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > 60_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
}

/** Grafeo's refusal of a file another open holds (its message says the file "cannot be locked"). */
export function isLockConflict(error: unknown): boolean {
  return /lock/i.test((error as Error).message ?? '');
}
