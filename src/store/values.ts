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
    if (v.properties && typeof v.properties === 'object' && ('labels' in v || 'type' in v)) return toPlain(v.properties);
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return value;
}

export function toPlainRow(row: Record<string, unknown>): Record<string, unknown> {
  return toPlain(row) as Record<string, unknown>;
}
