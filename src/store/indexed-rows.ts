// The rows of regulations_cocited, initiatives_comentioned and
// jurisdictions_similar made from the co-occurrence index's rankings: the
// other nodes' properties read by the keyed statement that loads them
// (regulations_by_titles, initiatives_by_names, jurisdictions_by_keys), in the
// statements' own columns and order. The lists by initiative are made in
// indexed-list.ts.
import { compareCodePoints } from './code-point-order.js';
import {
  INDEXED_STATEMENTS,
  isListStatement,
  type CooccurrenceIndex,
  type IndexedStatement,
  type RankingStatement,
  type Ranked,
} from './cooccurrence-index.js';
import { listFromIndex, nodesByKey, type NodeLoader } from './indexed-list.js';
import type { ParamsOf, RowOf, StatementName } from './catalogue.js';

/** How each statement's rows are shaped: its columns, and the statement that loads the other nodes. */
const SHAPES = {
  regulations_cocited: { key: 'title', node: 'regulation', count: 'together', score: 'lift', load: 'regulations_by_titles', param: 'titles' },
  initiatives_comentioned: { key: 'name', node: 'initiative', count: 'together', score: 'lift', load: 'initiatives_by_names', param: 'names' },
  jurisdictions_similar: { key: 'key', node: 'jurisdiction', count: 'shared', score: 'jaccard', load: 'jurisdictions_by_keys', param: 'keys' },
} as const satisfies Record<RankingStatement, { key: string; node: string; count: string; score: string; load: StatementName; param: string }>;

/** Grafeo's ascending order of a property: code points, nulls last. */
function compareProperty(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  return (a == null ? 1 : 0) - (b == null ? 1 : 0);
}

/**
 * The statement's rows for the graph as it was after commit `state`, from the index; null when the
 * index cannot give them exactly: a state older than it can go back to, a `limit`
 * that is not a whole number from 0 up (the statement's list slice has its own rules for the rest),
 * or a batch that repeats a key.
 */
export async function rowsFromIndex<N extends IndexedStatement>(
  index: CooccurrenceIndex,
  state: number,
  name: N,
  params: ParamsOf<N>,
  load: NodeLoader,
): Promise<RowOf<N>[] | null> {
  if (isListStatement(name)) return (await listFromIndex(index, state, name, params as never, load)) as RowOf<N>[] | null;
  const { limit } = params as { limit: unknown };
  const keys = (params as Record<string, unknown>)[INDEXED_STATEMENTS[name]];
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || !Array.isArray(keys)) return null;
  const given = keys.map(String);
  // (counted for the state the caller reads, after commit `state`; null: the index cannot go back that far)
  const ranked = index.answerAt(state, () =>
    name === 'jurisdictions_similar'
      ? index.similar(given, limit)
      : index.cooccurring(name === 'regulations_cocited' ? 'Regulation' : 'Initiative', given, limit),
  );
  if (!ranked) return null;
  const shape = SHAPES[name as RankingStatement];
  const nodes = await nodesByKey(load, shape.load, shape.param, [...new Set(ranked.map((r) => r.other))], shape.key, shape.node);
  if (!nodes) return null;
  let kept: Ranked[] = ranked;
  if (name === 'jurisdictions_similar') {
    // the statement's last tie-break, o.fullName: the index cut each ranking past `limit` at the end of a tie
    const fullName = (r: Ranked) => (nodes.get(r.other) as { fullName?: unknown } | null)?.fullName;
    kept = [];
    for (let start = 0; start < ranked.length; ) {
      let end = start;
      while (end < ranked.length && ranked[end].key === ranked[start].key) end++;
      const group = ranked.slice(start, end).sort((a, b) => b.score - a.score || b.count - a.count || compareProperty(fullName(a), fullName(b)));
      kept.push(...group.slice(0, limit));
      start = end;
    }
  }
  return kept.map(
    (r) =>
      ({
        [shape.key]: r.key,
        [shape.node]: nodes.get(r.other),
        [shape.count]: r.count,
        [shape.score]: r.score,
        total: r.total,
      }) as RowOf<N>,
  );
}
