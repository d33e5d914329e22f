// What hostile or careless clients can do to a running server, measured as the
// probes that found the problems were: the real HTTP server over an embedded
// store holding 500 reports of the corpus. Each part returns its own figures;
// the contention part compares writes under readers with writes alone, in
// the same run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles } from '../src/ingest/pipeline.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import { contentionSection } from './contention.js';
import { hostileBudgetBench } from './hostile-budget.js';
import { hostileFilesBench } from './hostile-files.js';
import { hostileHttpBench } from './hostile-http.js';
import { runHostileLock } from './hostile-lock.js';
import type { CorpusEntry } from './corpus.js';
import { startServer } from './server.js';

export interface HostileOptions {
  corpusDir: string;
  entries: CorpusEntry[];
  /** Reports loaded before the hostile clients start (500 by default). */
  reports: number;
  workers: number;
  /** The queries readers send (the bench's query table), given the sample jurisdiction. */
  queries: (sample: { code: string; search: string }) => Array<{ name: string; query: string; variables?: Record<string, unknown> }>;
  contention: { connections: number; soloSeconds: number; loadSeconds: number };
  /** Kill-and-restart cycles and racing rounds of the lock part (fewer with --quick). */
  lock: { restarts: number; rounds: number; racers: number; reports: number };
  log: (message: string) => void;
}

export async function hostileSection(options: HostileOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'govgraph-bench-hostile-'));
  const store = await EmbeddedStore.open({ dir: dataDir });
  try {
    const entries = options.entries.slice(0, options.reports);
    options.log(`hostile clients: loading ${entries.length} reports`);
    await ingestFiles(
      store,
      entries.map((e) => join(options.corpusDir, e.file)),
      { workers: options.workers },
    );
    const token = randomUUID();
    const { url, close } = await startServer(store, { token });
    let served: { contention: Awaited<ReturnType<typeof contentionSection>>; budget: Record<string, unknown>; http: Record<string, unknown> };
    try {
      const sample = entries.find((e) => e.level === 'county') ?? entries[0];
      const { connections, soloSeconds, loadSeconds } = options.contention;
      options.log(`hostile clients: ${connections} readers and a writer for ${loadSeconds} s (writer alone ${soloSeconds} s)`);
      const contention = await contentionSection({
        store,
        url,
        queries: options.queries({ code: sample.code, search: sample.code }).filter((q) => !q.name.startsWith('typename')),
        text: readFileSync(join(options.corpusDir, sample.file), 'utf8'),
        connections,
        soloSeconds,
        loadSeconds,
      });
      options.log('hostile clients: amplified queries (response budget)');
      const budget = await hostileBudgetBench(url);
      options.log('hostile clients: anonymous uploads, a slow body, ten exports at once (about a minute: the slow body waits for the request timeout)');
      // the token's exports are Cytoscape JSON in full detail: a full GraphML of 500 reports takes minutes to write
      const http = await hostileHttpBench(url, { token, tokenExportPath: '/export/cytoscape?detail=full' });
      served = { contention, budget, http };
    } finally {
      await close();
    }
    options.log('hostile files: zip bombs, a file that never finishes');
    const files = await hostileFilesBench();
    options.log(
      `restarts: ${options.lock.restarts} kills in fresh PID namespaces, ${options.lock.rounds} rounds of ${options.lock.racers} racers, a full disk`,
    );
    const lock = await runHostileLock(options.lock);
    return { reports: entries.length, ...served, files, lock };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
