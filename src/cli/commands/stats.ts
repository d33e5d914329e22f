// govgraph stats — node and relationship counts of the store.
import { describeStore, openStore } from '../../store/open.js';
import type { Config } from '../config.js';
import { parse } from '../args.js';

export const help = `Usage: govgraph stats [--json]

Prints node counts per label and relationship counts per type, and the
size of the jurisdiction rollup the analytics read (derived from the reports,
not counted among the relationships).`;

export async function run(argv: string[], { store: config }: Config): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } });
  if (values.help) {
    console.log(help);
    return 0;
  }
  const store = await openStore(config);
  try {
    const counts = await store.counts();
    if (values.json) {
      console.log(JSON.stringify(counts));
      return 0;
    }
    console.log(`${describeStore(config)}: ${counts.nodes} nodes, ${counts.relationships} relationships`);
    for (const [label, n] of Object.entries(counts.byLabel).sort()) console.log(`  (:${label}) ${n}`);
    for (const [type, n] of Object.entries(counts.byType).sort()) console.log(`  [:${type}] ${n}`);
    const rollup = Object.entries(counts.rollup).sort();
    if (rollup.length) console.log(`rollup (derived from the reports, for the analytics): ${rollup.map(([type, n]) => `[:${type}] ${n}`).join(', ')}`);
    return 0;
  } finally {
    await store.close();
  }
}
