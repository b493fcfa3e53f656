// Depth, alias and directive limits from graphql-armor (maintained, linear on fragment bombs:
// each fragment is measured once), with introspection counted like any other field. Each
// refusal carries its own code. The cost limit stays our own (costLimit.ts): armor's cost
// model knows neither list sizes nor which root fields trace, so it would pass a
// `shipmentRisks(first: 10000)` that ours refuses.
import { GraphQLError, ValidationContext } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';

export interface QueryShapeLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

/** Armor's rules report through its callbacks; this turns a refusal into a coded validation error. */
function report(code: string, message: (found: string) => string) {
  return (context: ValidationContext | null, err: GraphQLError) => {
    const found = /found (\d+)/.exec(err.message)?.[1] ?? 'more';
    context?.reportError(new GraphQLError(message(found), { extensions: { code } }));
  };
}

export function depthRule(maxDepth: number) {
  return maxDepthRule({
    n: maxDepth,
    ignoreIntrospection: false,
    flattenFragments: true, // a fragment spread is not a level of fields
    propagateOnRejection: false,
    onReject: [report('QUERY_TOO_DEEP', () => `query is nested deeper than the limit of ${maxDepth} levels`)],
  });
}

export function aliasRule(maxAliases: number) {
  return maxAliasesRule({
    n: maxAliases,
    allowList: [], // `a1: __typename` aliases count too
    propagateOnRejection: false,
    onReject: [
      report(
        'QUERY_TOO_MANY_ALIASES',
        (found) => `query has ${found} aliases, over the limit of ${maxAliases} (GRAPHQL_MAX_ALIASES); split it into several requests`,
      ),
    ],
  });
}

export function directiveRule(maxDirectives: number) {
  return maxDirectivesRule({
    n: maxDirectives,
    propagateOnRejection: false,
    onReject: [
      report(
        'QUERY_TOO_MANY_DIRECTIVES',
        (found) => `query has ${found} directives, over the limit of ${maxDirectives} (GRAPHQL_MAX_DIRECTIVES)`,
      ),
    ],
  });
}

export function queryShapeRules(limits: QueryShapeLimits) {
  return [depthRule(limits.maxDepth), aliasRule(limits.maxAliases), directiveRule(limits.maxDirectives)];
}
