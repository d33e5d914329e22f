// The jurisdiction-level rollup (REPORTS_MENTION, REPORTS_CITE and
// Jurisdiction.featureCount) is kept by every report's write and delete
// (write-plan.ts). A graph that holds reports without it — written before the
// rollup existed, or loaded in bulk with neo4j-admin — is completed here when
// a store opens for writing, a batch of jurisdictions per transaction, so the
// analytics that read the rollup are never answered from half of it.
import type { Transactional } from './write.js';

/** Jurisdictions rebuilt per transaction: a batch's reports are walked once, and each batch commits on its own. */
const BATCH = 200;

/** Rebuilds the rollup of every jurisdiction that has reports but none; returns how many it rebuilt. */
export async function completeRollups(store: Transactional): Promise<number> {
  let rebuilt = 0;
  for (;;) {
    const batch = await store.writeTransaction(async (tx) => {
      const keys = (await tx.run('rollup_missing', { limit: BATCH })).map((row) => String(row.key));
      if (!keys.length) return { commit: false, value: 0 };
      await tx.run('rollup_rebuild', { keys });
      // (no `touched`: the rebuilt rollup feeds what is cached by initiative and regulation too, so the whole cache goes)
      return { commit: true, value: keys.length };
    });
    if (!batch) return rebuilt;
    rebuilt += batch;
  }
}
