// Rejects operations nested deeper than the limit before they run (fragments followed).
// Each fragment's depth is computed once (memoised), so fragments that spread other
// fragments many times cost linear time, not exponential.
import { ASTNode, FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext } from 'graphql';

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const fragmentDepth = new Map<string, number>();
    /** Levels of fields below this selection set (0 when it selects only leaves). */
    const below = (set: SelectionSetNode | undefined, seen: Set<string>, budget: number): number => {
      if (!set || budget < 0) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        if (deepest > budget) break; // already over the limit: no need to look further
        if (sel.kind === Kind.FIELD) {
          if (sel.selectionSet) deepest = Math.max(deepest, 1 + below(sel.selectionSet, seen, budget - 1));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, below(sel.selectionSet, seen, budget));
        } else {
          const name = sel.name.value;
          if (seen.has(name)) continue; // a cycle: NoFragmentCyclesRule reports it
          let d = fragmentDepth.get(name);
          if (d === undefined) {
            d = below(fragments.get(name)?.selectionSet, new Set([...seen, name]), maxDepth);
            fragmentDepth.set(name, d);
          }
          deepest = Math.max(deepest, d);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node: ASTNode) {
        if (node.kind !== Kind.OPERATION_DEFINITION) return;
        const depth = 1 + below(node.selectionSet, new Set(), maxDepth);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`query is nested deeper than the limit of ${maxDepth} levels`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_DEEP' },
            }),
          );
        }
      },
    };
  };
}
