// The bytes a GraphQL operation may answer, estimated from its text before it
// runs: every field's JSON key and value, values sized by the declarations of
// response-budget.ts (undeclared leaves count as light), repeated as many
// times as the page sizes it asks for allow (the same rule the complexity
// limit multiplies by, builder.ts). Aliases and fragment spreads count each
// time they are asked for; a fragment's size is worked out once per type, so
// a fragment spread a thousand times, or fragments nested to spread each
// other, cost the walk no more than the query text.
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { sizeOf, VALUE_BYTES } from './response-budget.js';

/**
 * What a selection may produce: its bytes, and how much of them each declared heavy field
 * (`Type.field`) makes; beside them its complexity, depth and breadth as the complexity limit
 * counts them (builder.ts), so that a query that limit refuses gets its more precise error.
 */
export interface Estimate {
  bytes: number;
  heavy: Map<string, { bytes: number; count: number }>;
  complexity: number;
  depth: number;
  breadth: number;
}

/** Why an operation could not be estimated: it is invalid, and validation will refuse it with its own message. */
class Unestimable extends Error {}

const empty = (): Estimate => ({ bytes: 0, heavy: new Map(), complexity: 0, depth: 0, breadth: 0 });

/** Adds `part × times` into `into`. */
function addInto(into: Estimate, part: Estimate, times = 1): void {
  into.bytes += part.bytes * times;
  into.complexity += part.complexity * times;
  into.breadth += part.breadth;
  into.depth = Math.max(into.depth, part.depth);
  for (const [coordinate, h] of part.heavy) {
    const seen = into.heavy.get(coordinate) ?? { bytes: 0, count: 0 };
    seen.bytes += h.bytes * times;
    seen.count += h.count * times;
    into.heavy.set(coordinate, seen);
  }
}

type ComplexityOption =
  | number
  | { field?: number; multiplier?: number }
  | ((args: Record<string, unknown>, ctx: unknown, field: unknown) => number | { field?: number; multiplier?: number });

/** A field's own complexity and the multiplier of its selection, as the complexity plugin reads them. */
function complexityOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): { own: number; multiplier: number } {
  const option = field.extensions?.complexity as ComplexityOption | undefined;
  const value = typeof option === 'function' ? option(args, {}, field) : option;
  const listDefault = isListType(getNullableType(field.type)) ? 10 : 1;
  if (typeof value === 'number') return { own: value, multiplier: listDefault };
  return { own: value?.field ?? 1, multiplier: Math.max(0, value?.multiplier ?? listDefault) };
}

class Walk {
  private readonly memo = new Map<FragmentDefinitionNode, Map<string, Estimate>>();
  private readonly active = new Set<FragmentDefinitionNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  selection(set: SelectionSetNode, type: GraphQLNamedType): Estimate {
    const total = empty();
    total.bytes += 2; // the braces
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        addInto(total, this.field(s, type));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition ? this.schema.getType(s.typeCondition.name.value) : type;
        if (!on) throw new Unestimable();
        addInto(total, this.selection(s.selectionSet, on));
      } else {
        addInto(total, this.fragment(s.name.value));
      }
    }
    return total;
  }

  private fragment(name: string): Estimate {
    const fragment = this.fragments.get(name);
    if (!fragment || this.active.has(fragment)) throw new Unestimable(); // missing, or a cycle
    const on = this.schema.getType(fragment.typeCondition.name.value);
    if (!on) throw new Unestimable();
    const byType = this.memo.get(fragment) ?? new Map<string, Estimate>();
    this.memo.set(fragment, byType);
    const known = byType.get(on.name);
    if (known) return known;
    this.active.add(fragment);
    const result = this.selection(fragment.selectionSet, on);
    this.active.delete(fragment);
    byType.set(on.name, result);
    return result;
  }

  private field(node: FieldNode, parent: GraphQLNamedType): Estimate {
    const key = (node.alias ?? node.name).value;
    const out = empty();
    out.bytes += key.length + 4; // "key": and a comma
    out.depth = 1;
    out.breadth = 1;
    if (node.name.value.startsWith('__')) {
      out.bytes += VALUE_BYTES.light;
      out.complexity = 1;
      return out;
    }
    if (!isObjectType(parent) && !isInterfaceType(parent)) throw new Unestimable();
    const field = parent.getFields()[node.name.value];
    if (!field) throw new Unestimable();
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, this.variables);
    } catch {
      throw new Unestimable();
    }
    const { own, multiplier } = complexityOf(field as GraphQLField<unknown, unknown>, args);
    const declaredItems = sizeOf(field.extensions)?.items;
    const items = declaredItems ? Math.max(0, declaredItems(args)) : multiplier;
    out.complexity = own;
    const named = getNamedType(field.type);
    if (node.selectionSet && isCompositeType(named)) {
      const inner = this.selection(node.selectionSet, named);
      out.bytes += inner.bytes * items + 2; // a list's brackets, or room for a null
      for (const [coordinate, h] of inner.heavy) out.heavy.set(coordinate, { bytes: h.bytes * items, count: h.count * items });
      out.complexity += inner.complexity * multiplier;
      out.depth += inner.depth;
      out.breadth += inner.breadth;
      return out;
    }
    const declared = sizeOf(field.extensions)?.bytes;
    const value = declared ?? VALUE_BYTES.light;
    out.bytes += value * items;
    if (declared !== undefined && declared > VALUE_BYTES.light) out.heavy.set(`${parent.name}.${field.name}`, { bytes: value * items, count: items });
    return out;
  }
}

/** The operation `operationName` names, or the only one. */
function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * The estimate of one operation of `document`, or null when it cannot be
 * made (an unknown field, fragment or operation, bad arguments or variables):
 * such an operation is invalid, and validation refuses it with its own message.
 */
export function estimateResponse(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): Estimate | null {
  const operation = operationOf(document, operationName);
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  try {
    const result = new Walk(schema, fragments, coerced.coerced).selection(operation.selectionSet, root);
    result.bytes += 12; // {"data":…}
    return result;
  } catch (error) {
    if (error instanceof Unestimable || error instanceof RangeError) return null; // RangeError: nested past the stack
    throw error;
  }
}

/** Several estimates as one (the operations of a batch). */
export function sumEstimates(estimates: Estimate[]): Estimate {
  const total = empty();
  for (const e of estimates) addInto(total, e);
  return total;
}

/** The declared field that makes most of an estimate, if any. */
export function heaviestField(estimate: Estimate): { coordinate: string; bytes: number; count: number } | undefined {
  let best: { coordinate: string; bytes: number; count: number } | undefined;
  for (const [coordinate, h] of estimate.heavy) if (!best || h.bytes > best.bytes) best = { coordinate, ...h };
  return best;
}
