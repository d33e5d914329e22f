// A child process for the crash test: opens the embedded store in the
// directory given as argv[2] and writes synthetic reports forever, printing
// "committed <id>" after each commit, until it is killed.
import { EmbeddedStore } from '../../src/store/embedded.js';
import { syntheticReport } from './graphs.js';

const store = await EmbeddedStore.open({ dir: process.argv[2] });
for (let i = 0; ; i++) {
  const graph = syntheticReport(i);
  await store.upsertReport(graph, { extractorVersion: 'test' });
  process.stdout.write(`committed ${graph.reportId}\n`);
}
