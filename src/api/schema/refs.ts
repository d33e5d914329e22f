// References to the node types, declared before any type is implemented so
// that types can point at each other (Report ↔ Jurisdiction ↔ Initiative).
// Each ref carries its batch loader: resolving a node by key goes through a
// per-request DataLoader and one store call per query level.
import { runWith, type ParamsOf, type RowOf, type StatementName } from '../../store/types.js';
import { builder } from '../builder.js';
import type { AppContext } from '../context.js';
import type { InitiativeShape, JurisdictionShape, ProblemShape, RegulationShape, ReportShape, SecondaryShape } from './shapes.js';

/**
 * A key the store has no node for. `node(id:)` answers null for it (a deleted
 * report's id is not a server fault); a field that must reach the node still fails.
 */
export class NodeNotFound extends Error {}

/**
 * A loader over a batch statement: `statement` with `{[param]: keys}`, rows keyed by `keyColumn`, value in
 * `valueColumn`. The parameter and both columns are checked against the statement's declared ones.
 */
function batchLoad<N extends StatementName, V extends keyof RowOf<N>>(
  statement: N,
  param: keyof ParamsOf<N> & string,
  keyColumn: keyof RowOf<N>,
  valueColumn: V,
  what: string,
) {
  return async (keys: string[], ctx: AppContext): Promise<(RowOf<N>[V] | Error)[]> => {
    const rows = await runWith(ctx.store, statement, { [param]: keys });
    const byKey = new Map(rows.map((row) => [String(row[keyColumn]), row[valueColumn]]));
    return keys.map((key) => byKey.get(key) ?? new NodeNotFound(`no ${what} ${key}`));
  };
}

/**
 * A loader of nodes of one label by their key property, through the statement
 * that reads a subgraph's start nodes: the node types that only `graph` and the
 * exports hand out (organizations, plans, indicators, problem themes).
 */
/** A node type with no query field of its own (a `graph` node, an export's): keyed as stored, loaded through graph_nodes. */
function secondaryNodeRef<Name extends string>(label: Name) {
  return builder.loadableNodeRef(label, {
    id: { resolve: (n: SecondaryShape) => n.key },
    load: async (keys: string[], ctx: AppContext): Promise<(SecondaryShape | Error)[]> => {
      const rows = await ctx.store.run('graph_nodes', { nodes: keys.map((key) => ({ label, key })) });
      const byKey = new Map(rows.map((row) => [String(row.key), { key: String(row.key), properties: row.properties as Record<string, unknown> }]));
      return keys.map((key) => byKey.get(key) ?? new NodeNotFound(`no ${label} ${key}`));
    },
  });
}

export const Report = builder.loadableNodeRef('Report', {
  id: { resolve: (r: ReportShape) => r.id },
  load: batchLoad('reports_by_ids', 'ids', 'id', 'report', 'report with id'),
});

export const Jurisdiction = builder.loadableNodeRef('Jurisdiction', {
  id: { resolve: (j: JurisdictionShape) => j.key },
  load: batchLoad('jurisdictions_by_keys', 'keys', 'key', 'jurisdiction', 'jurisdiction with key'),
});

export const Initiative = builder.loadableNodeRef('Initiative', {
  id: { resolve: (i: InitiativeShape) => i.name },
  load: batchLoad('initiatives_by_names', 'names', 'name', 'initiative', 'initiative named'),
});

export const Regulation = builder.loadableNodeRef('Regulation', {
  id: { resolve: (g: RegulationShape) => g.title },
  load: batchLoad('regulations_by_titles', 'titles', 'title', 'regulation', 'regulation titled'),
});

export const Problem = builder.loadableNodeRef('Problem', {
  id: { resolve: (p: ProblemShape) => p.id },
  load: batchLoad('problems_by_ids', 'ids', 'id', 'problem', 'problem with id'),
});

export const Organization = secondaryNodeRef('Organization');
export const Plan = secondaryNodeRef('Plan');
export const Indicator = secondaryNodeRef('Indicator');
export const ProblemTheme = secondaryNodeRef('ProblemTheme');
