// Restarts and health, tried as a crashing container and a racing operator
// would: a holder SIGKILLed in a fresh PID namespace and restarted (same PID)
// again and again; processes racing for a directory a killed process held;
// /readyz while a small tmpfs fills and empties.
//
//   npx tsx bench/hostile-lock.ts [--restarts 10] [--rounds 10] [--racers 8] [--reports 20]
//
// Prints one JSON object. PID namespaces need `unshare -fp` (root or user
// namespaces) and the disk-full part needs `mount -t tmpfs` (root); each part
// that cannot run says why instead of a figure.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHttpServer } from '../src/api/server.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import { syntheticReport } from '../test/support/graphs.js';
import { killAll, openAtOnce, StoreHolder } from '../test/support/store-holder.js';

/** Kills, restarts in a fresh PID namespace, and checks every acknowledged report is there, `restarts` times. */
async function pidNamespaceRestarts(restarts: number, writes: number) {
  const probe = spawnSync('unshare', ['-fp', '--mount-proc', 'true']);
  if (probe.status !== 0) return { skipped: probe.error ? 'unshare is not installed' : `unshare -fp is not permitted: ${String(probe.stderr).trim()}` };
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-bench-lock-'));
  const inNamespace = ['unshare', '-fp', '--mount-proc', '--kill-child'];
  let reopened = 0;
  let samePid = 0;
  let lost = 0;
  const openMs: number[] = [];
  const failures: string[] = [];
  let expected = 0;
  try {
    for (let i = 0; i < restarts; i++) {
      const child = new StoreHolder(dir, writes, inNamespace);
      const [said] = await openAtOnce([child]);
      if (said.ok) {
        reopened++;
        if (said.pid === 1) samePid++;
        openMs.push(said.openMs ?? 0);
        if ((said.reportsBefore ?? 0) < expected) lost += expected - (said.reportsBefore ?? 0);
        expected = said.reports ?? 0;
      } else failures.push(said.message ?? 'unknown');
      const hostPid = Number(readFileSync(`/proc/${child.process.pid}/task/${child.process.pid}/children`, 'utf8').trim());
      if (hostPid) process.kill(hostPid, 'SIGKILL');
      await child.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { restarts, opened: reopened, samePidAsTheDeadHolder: samePid, reportsLost: lost, reportsAtEnd: expected, openMsMedian: median(openMs), failures };
}

/** Rounds of `racers` processes opening at once a directory a SIGKILLed process held. */
async function staleLockRace(rounds: number, racers: number) {
  const winnersPerRound: number[] = [];
  const otherMessages = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-bench-race-'));
    try {
      const holder = new StoreHolder(dir, 1);
      await openAtOnce([holder]);
      await killAll([holder]);
      const children = Array.from({ length: racers }, () => new StoreHolder(dir, 0));
      const said = await openAtOnce(children);
      winnersPerRound.push(said.filter((s) => s.ok).length);
      for (const s of said) if (!s.ok && s.name !== 'StoreLockedError') otherMessages.add(s.message ?? '');
      await killAll(children);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { rounds, racers, winnersPerRound, roundsWithExactlyOneWinner: winnersPerRound.filter((n) => n === 1).length, otherErrors: [...otherMessages] };
}

/** /readyz on a 4 MiB tmpfs as it fills and empties, and a store opened while it is full. */
async function diskFull() {
  const mountPoint = mkdtempSync(join(tmpdir(), 'govgraph-bench-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
  if (mounted.status !== 0) {
    rmSync(mountPoint, { recursive: true, force: true });
    return { skipped: `mounting a tmpfs is not permitted: ${String(mounted.stderr).trim()}` };
  }
  const filler = join(mountPoint, 'filler');
  const fill = () => {
    const fd = openSync(filler, 'a');
    const block = Buffer.alloc(4096);
    try {
      for (;;) writeSync(fd, block);
    } catch {
      // ENOSPC: full
    } finally {
      closeSync(fd);
    }
  };
  try {
    const dir = join(mountPoint, 'data');
    mkdirSync(dir);
    const store = await EmbeddedStore.open({ dir, minFreeBytes: 0 });
    const server = createHttpServer({ store });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/readyz`;
    const ask = async () => {
      const response = await fetch(url);
      return { status: response.status, reason: (await response.json()).reason as string | undefined };
    };
    const until = async (status: number) => {
      const started = performance.now();
      for (;;) {
        const answer = await ask();
        if (answer.status === status || performance.now() - started > 10_000) return { ...answer, ms: Math.round(performance.now() - started) };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const before = await ask();
    await store.upsertReport(syntheticReport(1), { extractorVersion: 'bench' });
    fill();
    const whenFull = await until(503);
    const writeWhenFull = await store.upsertReport(syntheticReport(2), { extractorVersion: 'bench' }).then(
      () => 'written',
      (error: Error) => error.message,
    );
    rmSync(filler);
    const afterFreeing = await until(200);
    await new Promise((resolve) => server.close(resolve));
    fill();
    const closeWhenFull = await store.close().then(
      () => 'closed',
      (error: Error) => error.message,
    );
    rmSync(filler);
    const closeAfterFreeing = await store.close().then(
      () => 'closed',
      (error: Error) => error.message,
    );
    fill();
    const openedWhileFull = await EmbeddedStore.open({ dir }).then(
      async (s) => {
        const reports = (await s.counts()).byLabel.Report ?? 0;
        const write = await s.upsertReport(syntheticReport(3), { extractorVersion: 'bench' }).then(
          () => 'written',
          (error: Error) => error.message,
        );
        const close = await s.close().then(
          () => 'closed',
          (error: Error) => error.message,
        );
        return { reports, write, close };
      },
      (error: Error) => ({ error: error.message }),
    );
    rmSync(filler);
    return { readyBefore: before.status, whenFull, writeWhenFull, afterFreeing, closeWhenFull, closeAfterFreeing, openedWhileFull };
  } finally {
    spawnSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]);
}

export async function runHostileLock(options: { restarts: number; rounds: number; racers: number; reports: number }) {
  return {
    pidNamespaceRestarts: await pidNamespaceRestarts(options.restarts, options.reports),
    staleLockRace: await staleLockRace(options.rounds, options.racers),
    diskFull: await diskFull(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      restarts: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '10' },
      racers: { type: 'string', default: '8' },
      reports: { type: 'string', default: '20' },
    },
  });
  const results = await runHostileLock({
    restarts: Number(values.restarts),
    rounds: Number(values.rounds),
    racers: Number(values.racers),
    reports: Number(values.reports),
  });
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
