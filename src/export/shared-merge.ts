// The shared nodes and relationships of a bulk run (src/export/bulk-csv.ts),
// merged as the write statements merge them — a node keeps the properties of
// the first report that names it, an initiative or regulation gains the
// aliases later reports add (their ON MATCH), a MERGEd relationship is kept
// once — in memory bounded however many reports there are. A window of
// entries merges in memory (a hub named by every report is one entry a
// window); a full window is sorted by key and written to a run file; at the
// end the runs are merged by key (k-way, through a heap) and every node and
// relationship comes out once. Merging two partial merges in the order they
// were made gives what merging every report in turn gives: the first
// properties win and each later alias list adds what is not there yet.
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BulkEdge, NodeRef, SharedNode } from '../store/bulk-graph.js';
import { endStreams } from './csv.js';
import { streamSink } from './sink.js';

export type MergedElement = { node: NodeRef & { props: Record<string, unknown> } } | { edge: BulkEdge };

interface Entry {
  element: MergedElement;
  /** An initiative's or regulation's aliases merged so far; null for every other node and for relationships. */
  aliases: string[] | null;
}

/** Entries a window holds before it is written out as a run (a few hundred bytes each). */
export const DEFAULT_MERGE_WINDOW = 100_000;

/**
 * Entries are grouped by node label or relationship type ("n\u0000Initiative",
 * "e\u0000PART_OF") and keyed within it by the node's key or the relationship's
 * ends; run files are sorted and merged by group and key joined.
 */
const groupName = (kind: 'n' | 'e', name: string) => `${kind}\u0000${name}`;
const edgeEnds = (edge: BulkEdge) => `${edge.from.label}\u0000${edge.from.key}\u0000${edge.to.label}\u0000${edge.to.key}`;

function groupOf(groups: Map<string, Map<string, Entry>>, name: string): Map<string, Entry> {
  let group = groups.get(name);
  if (!group) {
    group = new Map();
    groups.set(name, group);
  }
  return group;
}

/** ON MATCH: the aliases it does not have yet, appended in the order given (as `aliases + [a IN $aliases WHERE NOT a IN aliases]`). */
function extendAliases(list: string[], more: readonly string[]): void {
  const added = more.filter((alias) => !list.includes(alias));
  list.push(...added);
}

export class SharedMerge {
  /** The window: entries by node label and by relationship type, then by key (no key is built per node met), and how many. */
  private nodes = new Map<string, Map<string, Entry>>();
  private edges = new Map<string, Map<string, Entry>>();
  private entries = 0;
  private runs: string[] = [];
  /** Property names met per node label and relationship type: the columns of their files. */
  private readonly propertyNames = new Map<string, Set<string>>();

  /** `dir` is made for the run files and removed by merged() or discard(). */
  constructor(
    private readonly dir: string,
    private readonly windowEntries = DEFAULT_MERGE_WINDOW,
  ) {}

  /** Merges one report's shared nodes and relationships; writes the window out when it is full. */
  async add(elements: { shared: readonly SharedNode[]; sharedEdges: readonly BulkEdge[] }): Promise<void> {
    for (const node of elements.shared) {
      const group = groupOf(this.nodes, node.label);
      const had = group.get(node.key);
      if (had) {
        if (had.aliases && node.aliases) extendAliases(had.aliases, node.aliases);
        continue;
      }
      this.note(groupName('n', node.label), node.onCreate);
      const aliases = node.aliases === undefined ? null : [...((node.onCreate.aliases as string[] | null) ?? [])];
      group.set(node.key, { element: { node: { label: node.label, key: node.key, props: node.onCreate } }, aliases });
      this.entries++;
    }
    for (const edge of elements.sharedEdges) {
      const group = groupOf(this.edges, edge.type);
      const ends = edgeEnds(edge);
      if (group.has(ends)) continue;
      this.note(groupName('e', edge.type), edge.props);
      group.set(ends, { element: { edge }, aliases: null });
      this.entries++;
    }
    if (this.entries >= this.windowEntries) await this.spill();
  }

  /** The property names of a node label's or relationship type's merged elements. */
  namesOf(kind: 'nodes' | 'relationships', name: string): Set<string> | undefined {
    return this.propertyNames.get(groupName(kind === 'nodes' ? 'n' : 'e', name));
  }

  private note(part: string, props: Record<string, unknown>): void {
    const names = this.propertyNames.get(part) ?? new Set<string>();
    this.propertyNames.set(part, names);
    for (const name in props) names.add(name);
  }

  /** The window, sorted by group and key, to a run file of JSON lines. */
  private async spill(): Promise<void> {
    if (!this.entries) return;
    if (!this.runs.length) mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `run-${String(this.runs.length).padStart(5, '0')}.jsonl`);
    const sorted: Array<[string, Entry]> = [];
    for (const [kind, groups] of [
      ['n', this.nodes],
      ['e', this.edges],
    ] as const)
      for (const [name, group] of groups) for (const [key, entry] of group) sorted.push([`${groupName(kind, name)}\u0000${key}`, entry]);
    sorted.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const stream = createWriteStream(file);
    const sink = streamSink(stream);
    let lines: string[] = [];
    for (const [key, { element, aliases }] of sorted) {
      lines.push(`${JSON.stringify([key, element, aliases])}\n`);
      if (lines.length === 4096) {
        await sink.write(lines.join(''));
        lines = [];
      }
    }
    await sink.write(lines.join(''));
    await endStreams([stream]);
    this.runs.push(file);
    this.nodes = new Map();
    this.edges = new Map();
    this.entries = 0;
  }

  /**
   * Every node and relationship once, merged over all runs, in key order
   * (nodes first); an initiative's or regulation's `aliases` are every
   * report's. The run files are removed once read.
   */
  async *merged(): AsyncGenerator<MergedElement> {
    await this.spill();
    const readers = this.runs.map((file) =>
      createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator](),
    );
    const heap = new RunHeap();
    const pull = async (run: number) => {
      const next = await readers[run].next();
      if (!next.done) {
        const [key, element, aliases] = JSON.parse(next.value) as [string, MergedElement, string[] | null];
        heap.push({ key, run, entry: { element, aliases } });
      }
    };
    try {
      for (let run = 0; run < readers.length; run++) await pull(run);
      while (heap.size) {
        // the heap gives one key's entries in the order of their runs, so the first is the one first met
        const first = heap.pop()!;
        await pull(first.run);
        const merged = first.entry;
        while (heap.size && heap.peek()!.key === first.key) {
          const later = heap.pop()!;
          await pull(later.run);
          if (merged.aliases && later.entry.aliases) extendAliases(merged.aliases, later.entry.aliases);
        }
        if ('node' in merged.element && merged.aliases) merged.element.node.props.aliases = merged.aliases;
        yield merged.element;
      }
    } finally {
      for (const reader of readers) await reader.return?.();
      this.discard();
    }
  }

  /** Removes the run files (after merged(), or when the run is abandoned). */
  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.runs = [];
    this.nodes = new Map();
    this.edges = new Map();
    this.entries = 0;
  }

  /** Runs written so far (the window not counted). */
  get runCount(): number {
    return this.runs.length;
  }
}

interface HeapItem {
  key: string;
  run: number;
  entry: Entry;
}

/** A binary min-heap of the runs' next entries, by key and then run (earlier runs hold what was met earlier). */
class RunHeap {
  private readonly items: HeapItem[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): HeapItem | undefined {
    return this.items[0];
  }

  push(item: HeapItem): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): HeapItem | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < items.length && before(items[left], items[least])) least = left;
        if (right < items.length && before(items[right], items[least])) least = right;
        if (least === i) break;
        [items[i], items[least]] = [items[least], items[i]];
        i = least;
      }
    }
    return top;
  }
}

const before = (a: HeapItem, b: HeapItem) => (a.key < b.key ? true : a.key > b.key ? false : a.run < b.run);
