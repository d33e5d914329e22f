// What the writer has taken in of the shared nodes and relationships an
// extraction worker handed on in a bulk run, so that the worker hands on only
// what may still change the merge (src/export/shared-merge.ts). The merge keeps
// a node's first properties and adds the aliases later reports bring; a MERGEd
// relationship is kept once. Most of a report's hundred-odd shared elements
// are repeats (the 纲要, 三项制度, its province): each left out is a copy
// across threads and a merge step saved on the writer's thread, the one
// thread all workers share.
//
// A repeat is left out only when a report of this worker that carried the
// element has been merged: the writer acknowledges each rendered report once
// it is written, or skipped (the same report again, from an earlier file), and
// only what a merged report carried is recorded. That report was listed, and
// written, before the one now rendered (a worker renders its tasks in list
// order, and reports are written in list order), so the element is in the
// merge at or before the place it would have had: the first properties and
// the order of aliases come out as they would with every repeat handed on.
// Until its acknowledgement comes, a report's elements are handed on again.
//
// Memory is bounded: past `capacity` keys the record is emptied, and what is
// met again is handed on again (a repeat the merge takes as it would anyway).
import type { BulkEdge, SharedNode } from '../store/bulk-graph.js';

/**
 * Keys recorded before the record is emptied (a few hundred bytes each). A
 * report brings ~20 new ones, so the record is emptied every thousand-odd
 * reports and the hubs are handed on again once: what is saved is nearly all
 * kept, in a few MiB per worker, whatever the size of the corpus.
 */
export const DEFAULT_SEEN_CAPACITY = 20_000;

/** Rendered reports awaiting their acknowledgement (a handful are in flight; more means some were never answered). */
const MAX_PENDING = 256;

interface Handed {
  shared: SharedNode[];
  sharedEdges: BulkEdge[];
}

const nodeKey = (node: SharedNode) => `${node.label}\u0000${node.key}`;
const edgeKey = (edge: BulkEdge) => `${edge.type}\u0000${edge.from.label}\u0000${edge.from.key}\u0000${edge.to.label}\u0000${edge.to.key}`;

export class SharedSeen {
  /** Merged nodes by label and key, with their merged aliases; merged relationships by type and ends (null). */
  private merged = new Map<string, Set<string> | null>();
  /** What each rendered report handed on, by its token, until the writer says whether it was merged. */
  private readonly pending = new Map<number, Handed>();
  private nextToken = 1;

  constructor(private readonly capacity = DEFAULT_SEEN_CAPACITY) {}

  /**
   * The elements of one rendered report that may change the merge: those not
   * merged before, and nodes bringing an alias not merged before (handed on
   * whole, as they came); with the token its acknowledgement names.
   */
  novel(shared: readonly SharedNode[], sharedEdges: readonly BulkEdge[]): Handed & { token: number } {
    const nodes = shared.filter((node) => this.brings(node));
    const edges = sharedEdges.filter((edge) => !this.merged.has(edgeKey(edge)));
    const token = this.nextToken++;
    this.pending.set(token, { shared: nodes, sharedEdges: edges });
    if (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    return { shared: nodes, sharedEdges: edges, token };
  }

  /** Whether a node is new to the merge, or brings it an alias. */
  private brings(node: SharedNode): boolean {
    const had = this.merged.get(nodeKey(node));
    if (had === undefined) return true;
    if (!node.aliases?.length) return false;
    return had === null || node.aliases.some((alias) => !had.has(alias));
  }

  /** The writer's answer for a rendered report: merged (its elements are recorded) or skipped (they are not). */
  acknowledge(token: number, merged: boolean): void {
    const handed = this.pending.get(token);
    this.pending.delete(token);
    if (!handed || !merged) return;
    if (this.merged.size > this.capacity) this.merged = new Map();
    for (const node of handed.shared) {
      const key = nodeKey(node);
      const had = this.merged.get(key);
      if (!node.aliases?.length) {
        if (had === undefined) this.merged.set(key, null);
      } else if (had) for (const alias of node.aliases) had.add(alias);
      else this.merged.set(key, new Set(node.aliases));
    }
    for (const edge of handed.sharedEdges) this.merged.set(edgeKey(edge), null);
  }
}
