import { ASTVisitor, FieldNode, FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  /** For `__schema`/`__type` subtrees: the standard introspection query (GraphiQL) is 15 deep; graphql-js's MaxIntrospectionDepthRule stops cycles. */
  maxIntrospectionDepth: number;
  maxAliases: number;
  maxOperations: number;
  maxRepeatedFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxIntrospectionDepth: 20, maxAliases: 20, maxOperations: 1, maxRepeatedFields: 100 };

/**
 * Rejects abusive documents before execution: too deep, too many aliases, several operations, or
 * the same field repeated hundreds of times (e.g. 500 × __typename). Errors carry code QUERY_TOO_COMPLEX.
 */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    const fail = (message: string) => context.reportError(new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } }));
    const document = context.getDocument();
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length > limits.maxOperations) fail(`at most ${limits.maxOperations} operation per request (got ${operations.length})`);
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

    let aliases = 0;
    let introspectionDepth = 0;
    const fragmentDepths = new Map<string, number>();
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set) return depth;
      let max = depth;
      const counts = new Map<string, number>();
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const field = selection as FieldNode;
          if (field.alias) aliases++;
          const name = field.name.value;
          counts.set(name, (counts.get(name) ?? 0) + 1);
          const below = depthOf(field.selectionSet, depth + 1, seen);
          if (name === '__schema' || name === '__type') introspectionDepth = Math.max(introspectionDepth, below);
          else max = Math.max(max, below);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(selection.selectionSet, depth, seen));
        } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const name = selection.name.value;
          if (seen.has(name)) continue; // cycles are reported by graphql's own rules
          const fragment = fragments.get(name);
          if (!fragment) continue;
          // Measured once per fragment: spreading fragments that spread others twice would otherwise cost 2^n.
          if (!fragmentDepths.has(name)) fragmentDepths.set(name, depthOf(fragment.selectionSet, 0, new Set([...seen, name])));
          max = Math.max(max, depth + fragmentDepths.get(name)!);
        }
      }
      for (const [name, n] of counts) if (n > limits.maxRepeatedFields) fail(`field "${name}" is repeated ${n} times; the limit is ${limits.maxRepeatedFields}`);
      return max;
    };
    for (const operation of operations) {
      const depth = depthOf(operation.selectionSet, 0, new Set());
      if (depth > limits.maxDepth) fail(`query depth ${depth} exceeds the limit of ${limits.maxDepth}`);
    }
    if (introspectionDepth > limits.maxIntrospectionDepth) fail(`introspection depth ${introspectionDepth} exceeds the limit of ${limits.maxIntrospectionDepth}`);
    if (aliases > limits.maxAliases) fail(`${aliases} aliases exceed the limit of ${limits.maxAliases}`);
    return {};
  };
}
