// The aliases the embedded store knows its regulations and initiatives hold,
// so that a write asks the engine to add only the forms it may lack
// (regulations_add_aliases, initiatives_add_aliases). Reading the aliases of
// every node a batch names took about a third of the two statements that
// merge them at 50,000 reports (~7 % of a batch's write), and nearly every
// form is one already stored.
//
// What is known is only ever true of the committed graph: a form is learnt
// from a committed write that stored it (a node is created with its forms, or
// the step adds those it lacks), and aliases only grow, except when their
// node goes (orphans_delete_*: a report deleted or replaced) — then all that
// is known of that kind is forgotten, since a node made again later starts
// with the forms of the report that makes it. Forgetting costs only speed: a
// row that is not known is sent and the statement finds what it lacks.
// One process writes an embedded store (src/store/lock.ts), so nothing else
// changes the aliases behind it.

/** The statement that adds a kind's forms, the one that may delete its nodes, and their parameters. */
const KINDS = {
  regulations_add_aliases: { key: 'titles', list: 'surfaces', deletedBy: 'orphans_delete_regulations' },
  initiatives_add_aliases: { key: 'names', list: 'aliases', deletedBy: 'orphans_delete_initiatives' },
} as const;
type AliasStatement = keyof typeof KINDS;

const isAliasStatement = (name: string): name is AliasStatement => Object.hasOwn(KINDS, name);

/** A node's key and one of its forms, as one string (neither holds U+0000). */
const pair = (key: string, form: string) => `${key}\u0000${form}`;

/** An alias statement's rows: each node's key and the forms given for it. */
function rowsOf(name: AliasStatement, params: Record<string, unknown>): { keys: string[]; lists: string[][] } {
  const { key, list } = KINDS[name];
  return { keys: params[key] as string[], lists: params[list] as string[][] };
}

export class KnownAliases {
  private readonly known: Record<AliasStatement, Set<string>> = { regulations_add_aliases: new Set(), initiatives_add_aliases: new Set() };

  /**
   * The parameters to run an alias statement with: only the rows with a form
   * not known to be stored, each with only those forms; null when no row is
   * left (the statement need not run). Any other statement's are returned as
   * they are.
   */
  narrow(name: string, params: Record<string, unknown>): Record<string, unknown> | null {
    if (!isAliasStatement(name)) return params;
    const { keys, lists } = rowsOf(name, params);
    const known = this.known[name];
    const outKeys: string[] = [];
    const outLists: string[][] = [];
    for (let k = 0; k < keys.length; k++) {
      const unknown = lists[k].filter((form) => !known.has(pair(keys[k], form)));
      if (!unknown.length) continue;
      outKeys.push(keys[k]);
      outLists.push(unknown);
    }
    return outKeys.length ? { ...params, [KINDS[name].key]: outKeys, [KINDS[name].list]: outLists } : null;
  }

  /**
   * After a commit, with the write statements it ran in order (their
   * parameters as planned): learns the forms an alias statement stored,
   * forgets a kind when a statement may have deleted nodes of it.
   */
  committed(statements: ReadonlyArray<{ name: string; params: Record<string, unknown> }>): void {
    for (const { name, params } of statements) {
      for (const [statement, kind] of Object.entries(KINDS)) if (name === kind.deletedBy) this.known[statement as AliasStatement].clear();
      if (!isAliasStatement(name)) continue;
      const { keys, lists } = rowsOf(name, params);
      const known = this.known[name];
      for (let k = 0; k < keys.length; k++) for (const form of lists[k]) known.add(pair(keys[k], form));
    }
  }

  /** Forgets everything (a write whose effect on aliases is not followed, such as a statement run outside a transaction). */
  forget(): void {
    for (const set of Object.values(this.known)) set.clear();
  }
}
