// Connections over relationships: each edge keeps the relationship's
// properties (count, action, provenance) beside its node.
import { listConnection } from '../pagination.js';
import { mentionsOf, type LinkShape } from './shapes.js';

// Relation edges carry the relationship's properties beside the node.
interface Linked<T> {
  node: T;
  link: LinkShape | null;
  reportId: string;
}

/** A connection whose edges keep the link (relationship properties) of their node. */
export async function linkConnection<T>(
  args: Parameters<typeof listConnection>[0],
  reportId: string | null,
  items: { node: T; link: LinkShape | null; reportId?: string }[],
) {
  const page = await listConnection(
    args,
    items.map((item) => ({ ...item, reportId: item.reportId ?? reportId ?? '' })),
  );
  return {
    ...page,
    edges: page.edges.map((edge) => ({ ...edge, node: edge.node.node, linked: edge.node })),
  };
}

export function linkOf(edge: unknown): LinkShape {
  return ((edge as { linked?: Linked<unknown> }).linked?.link ?? {}) as LinkShape;
}

/** The mentions of a CITES or MENTIONS edge (the only link connections), which have surface forms. */
export function mentionsOfEdge(edge: unknown) {
  const linked = (edge as { linked?: Linked<unknown> }).linked;
  return linked ? mentionsOf(linked.reportId, linked.link, true) : [];
}
