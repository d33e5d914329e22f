// Both drivers hand back their own value types (bigint from Grafeo, Integer
// and Node objects from neo4j-driver). Statements project plain values, and
// this turns what remains into plain JS so the API sees one shape.
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown> & { toNumber?: () => number; properties?: Record<string, unknown> };
    // neo4j Integer (when lossless integers are on) and neo4j Node/Relationship.
    if (typeof v.toNumber === 'function' && 'low' in v && 'high' in v) return v.toNumber();
    // A neo4j-driver Node or Relationship (statements project, but be safe):
    // recognised by its identity fields, never by a "properties" key alone,
    // which an ordinary projected map may have.
    if ('elementId' in v && 'identity' in v && v.properties && typeof v.properties === 'object') return toPlain(v.properties);
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return value;
}

/** A result row: each column converted on its own (the row itself is never a driver object). */
export function toPlainRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toPlain(v)]));
}
