// A statement that reads only the nodes the store's text index names
// (GraphStore.textCandidates, src/store/text-index.ts): search's `_among` forms,
// and the jurisdiction lists that start from initiatives named by an alias.
// The candidates are a superset of the nodes that match, and the `_among`
// statement keeps the full condition, so its answer is the full statement's.
import type { SearchedKind } from '../store/text-index.js';
import type { StatementName } from '../store/types.js';
import type { AppContext } from './context.js';

/**
 * Where a store's text index narrows a statement: the texts looked for, and
 * the statement that reads only the candidates, given as `param` (with
 * `alsoKey`, a key to read whatever the index says: a report id equal to the
 * text, the canonical initiative a lexicon alias names).
 */
export interface Narrowed {
  kind: SearchedKind;
  texts: string[];
  statement: StatementName;
  param: string;
  alsoKey?: string;
}

/** The statement and parameters to run: among the text index's candidates when the store narrows them, else as given. */
export async function narrowedStatement(
  ctx: AppContext,
  read: { statement: StatementName; params: Record<string, unknown>; narrowed?: Narrowed },
): Promise<{ statement: StatementName; params: Record<string, unknown> }> {
  const narrowed = read.narrowed;
  const candidates = narrowed ? await ctx.store.textCandidates?.(narrowed.kind, narrowed.texts) : null;
  if (!narrowed || !candidates) return read;
  const keys = narrowed.alsoKey !== undefined && !candidates.includes(narrowed.alsoKey) ? [...candidates, narrowed.alsoKey] : candidates;
  return { statement: narrowed.statement, params: { ...read.params, [narrowed.param]: keys } };
}
