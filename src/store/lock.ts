// One process holds an embedded data directory at a time. Grafeo locks its
// database file too, but its error names neither the directory nor the holder;
// this lock file does, and tells a stale lock (its process is gone, e.g. after
// SIGKILL) from a live one.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreLockedError } from './errors.js';

export const LOCK_FILE = 'govgraph.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws StoreLockedError; returns the function that releases it. */
export function acquireDirectoryLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
        throw new StoreLockedError(
          `the data directory ${dir} is in use by another govgraph process (pid ${holder}); ` + 'stop that process or point GOVGRAPH_DATA at another directory',
        );
      }
      if (holder === process.pid) {
        throw new StoreLockedError(`the data directory ${dir} is already open in this process`);
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new StoreLockedError(`could not lock the data directory ${dir}`);
}
