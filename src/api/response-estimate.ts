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

/** What a selection may produce: its bytes, and how much of them each declared heavy field (`Type.field`) makes. */
export interface Estimate {
  bytes: number;
  heavy: Map<string, { bytes: number; count: number }>;
}

/** Why an operation could not be estimated: it is invalid, and validation will refuse it with its own message. */
class Unestimable extends Error {}

const empty = (): Estimate => ({ bytes: 0, heavy: new Map() });

/** Adds `part × times` into `into`. */
function addInto(into: Estimate, part: Estimate, times = 1): void {
  into.bytes += part.bytes * times;
  for (const [coordinate, h] of part.heavy) {
    const seen = into.heavy.get(coordinate) ?? { bytes: 0, count: 0 };
    seen.bytes += h.bytes * times;
    seen.count += h.count * times;
    into.heavy.set(coordinate, seen);
  }
}

/** How many times a field's selection repeats: its declaration, else the complexity limit's multiplier. */
function itemsOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const declared = sizeOf(field.extensions)?.items;
  if (declared) return Math.max(0, declared(args));
  const complexity = field.extensions?.complexity as
    | number
    | { multiplier?: number }
    | ((args: Record<string, unknown>, ctx: unknown, field: unknown) => number | { multiplier?: number })
    | undefined;
  const value = typeof complexity === 'function' ? complexity(args, {}, field) : complexity;
  if (typeof value === 'object' && typeof value.multiplier === 'number') return Math.max(0, value.multiplier);
  return isListType(getNullableType(field.type)) ? 10 : 1;
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
    if (node.name.value.startsWith('__')) {
      out.bytes += VALUE_BYTES.light;
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
    const items = itemsOf(field as GraphQLField<unknown, unknown>, args);
    const named = getNamedType(field.type);
    if (node.selectionSet && isCompositeType(named)) {
      addInto(out, this.selection(node.selectionSet, named), items);
      out.bytes += 2; // a list's brackets, or room for a null
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
