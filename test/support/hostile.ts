// Hostile GraphQL requests, built from the schema itself: every string-typed
// slot (a String or ID argument, or a String/ID field of an input object
// argument, lists included) of every field of a root type, so a field added
// later is covered without touching the tests.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';

/** Strings that would do harm if they ever reached Cypher (or a template, a shell, a C string) as text. */
export const INJECTIONS = [
  `') MATCH (n) DETACH DELETE n //`,
  `"}) MATCH (n) DETACH DELETE n RETURN 1 //`,
  `" OR 1=1 --`,
  `' OR '1'='1`,
  '\u0000',
  '{{}}',
  '$param',
  '`n` /* */ ; CALL db.labels()',
  '../../../../etc/passwd',
  '\\',
];

/** One place a string can go: an argument, or a path into an input-object argument. */
export interface StringSlot {
  field: string;
  /** Argument name, then input-object field names. */
  path: string[];
  /** The named type at the slot (String or ID) and whether it is a list. */
  type: string;
  list: boolean;
}

function slotsOfInput(type: GraphQLInputType, path: string[], field: string, seen: Set<string>, out: StringSlot[]): void {
  const nullable = getNullableType(type) as GraphQLInputType;
  const named = getNamedType(type);
  const list = isListType(nullable);
  if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) {
    out.push({ field, path, type: named.name, list });
  } else if (isInputObjectType(named) && !seen.has(named.name)) {
    const inner = new Set(seen).add(named.name);
    for (const f of Object.values(named.getFields())) slotsOfInput(f.type, [...path, f.name], field, inner, out);
  }
}

/** Every string slot of every field of a root type (Query or Mutation). */
export function stringSlots(root: GraphQLObjectType): StringSlot[] {
  const out: StringSlot[] = [];
  for (const field of Object.values(root.getFields())) {
    for (const arg of field.args) slotsOfInput(arg.type, [arg.name], field.name, new Set(), out);
  }
  return out;
}

/** A harmless value for a required argument the slot under test does not fill. */
function benign(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [benign(nullable.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) if (isNonNullType(f.type)) value[f.name] = benign(f.type);
    return value;
  }
  switch (named.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    default:
      return 'x';
  }
}

/** A GraphQL type reference as written in a variable definition. */
function typeRef(type: GraphQLInputType): string {
  return type.toString();
}

/**
 * The selection for a field's result: its scalar fields that need no
 * arguments, and one level into connections (edges { cursor node { … } }),
 * so the resolvers that read the store run.
 */
export function selectionFor(type: GraphQLOutputType, depth = 1): string {
  const named = getNamedType(type);
  if (!isObjectType(named) && !('getTypes' in named)) return '';
  if (!isObjectType(named)) return '{ __typename }'; // union or interface
  const fields = Object.values(named.getFields()) as GraphQLField<unknown, unknown>[];
  const noArgs = (f: GraphQLField<unknown, unknown>) => f.args.every((a: GraphQLArgument) => !isNonNullType(a.type));
  const leaves = fields.filter((f) => noArgs(f) && (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)))).map((f) => f.name);
  const nested = depth > 0 ? fields.filter((f) => noArgs(f) && f.name === 'edges').map((f) => `${f.name} ${selectionFor(f.type, depth - 1)}`) : [];
  if (named.getFields().node && named.getFields().cursor) nested.push(`node ${selectionFor(named.getFields().node.type, 0)}`);
  return `{ __typename ${[...leaves, ...nested].join(' ')} }`;
}

/**
 * A request that puts value into one slot — as a variable, or inline as a
 * GraphQL string literal — and harmless values into the other required arguments.
 */
export function requestFor(
  root: GraphQLObjectType,
  slot: StringSlot,
  value: string,
  mode: 'variable' | 'inline',
): { query: string; variables: Record<string, unknown> } {
  const field = root.getFields()[slot.field];
  const keyword = root.name === 'Mutation' ? 'mutation' : 'query';
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    let argValue: unknown = arg.name === slot.path[0] ? undefined : isNonNullType(arg.type) ? benign(arg.type) : undefined;
    if (arg.name === slot.path[0]) {
      // build the argument's value with the string at the slot's path
      const leaf = slot.list ? [value] : value;
      argValue = slot.path.length === 1 ? leaf : nest(slot.path.slice(1), leaf, benign(arg.type) as Record<string, unknown>);
    }
    if (argValue === undefined) continue;
    if (mode === 'variable') {
      definitions.push(`$${arg.name}: ${typeRef(arg.type)}`);
      variables[arg.name] = argValue;
      args.push(`${arg.name}: $${arg.name}`);
    } else {
      args.push(`${arg.name}: ${literal(argValue, arg.type)}`);
    }
  }
  const vars = definitions.length ? `(${definitions.join(', ')})` : '';
  const call = args.length ? `(${args.join(', ')})` : '';
  return { query: `${keyword} Hostile${vars} { ${slot.field}${call} ${selectionFor(field.type)} }`, variables };
}

function nest(path: string[], leaf: unknown, base: Record<string, unknown>): Record<string, unknown> {
  const [head, ...rest] = path;
  const copy = { ...(base ?? {}) };
  copy[head] = rest.length ? nest(rest, leaf, (copy[head] as Record<string, unknown>) ?? {}) : leaf;
  return copy;
}

/** A GraphQL literal of a JSON-like value (strings via JSON escapes, which GraphQL shares; enums bare). */
function literal(value: unknown, type: GraphQLInputType): string {
  const nullable = getNullableType(type) as GraphQLInputType;
  const named = getNamedType(type);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(nullable) ? nullable.ofType : nullable)).join(', ')}]`;
  if (typeof value === 'string') return isEnumType(named) ? value : JSON.stringify(value);
  if (value && typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? named)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/**
 * What a response body must never show: a stack frame, a source file, a path
 * of this machine, Cypher. The values the request itself sent are taken out
 * first (an error may rightly echo "no jurisdiction named …").
 */
export function leaks(body: string, sent: string[], root: string): string[] {
  let text = body;
  for (const value of [...sent].sort((a, b) => b.length - a.length)) {
    for (const form of new Set([value, JSON.stringify(value).slice(1, -1)])) if (form) text = text.split(form).join('');
  }
  const found: string[] = [];
  const patterns: [string, RegExp][] = [
    ['stack frame', /\bat (?:async )?[\w.<>]+ \(|\n\s+at /],
    ['source file', /\.(?:ts|js|mjs|cypher):\d+|\.cypher\b/],
    ['machine path', new RegExp(`${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|/work/|/home/|/tmp/|node_modules`)],
    ['Cypher', /\b(?:MATCH|MERGE|DETACH|UNWIND|OPTIONAL MATCH|RETURN)\b[\s\S]{0,40}[($]/],
    ['engine', /grafeo|neo4j\.|Neo4jError|executeCypher/i],
  ];
  for (const [what, re] of patterns) if (re.test(text)) found.push(`${what}: ${re.exec(text)![0].slice(0, 80)}`);
  return found;
}
