// Rejects operations whose estimated cost is over the limit before they run.
//
// The estimate, per selected field:
//   - a leaf (scalar or enum) costs nothing, except at the root, where it costs the root
//     field's weight (its resolver does the work);
//   - an object field costs, per instance, 1 plus the cost of its own selection;
//   - a list field multiplies: it is counted once per expected element. The expected
//     size is the literal `first` / `limit` argument where there is one, a variable's
//     literal default, else an assumed size (a variable without a default is assumed to
//     be `assumedVariableListSize`, an unsized list `defaultListSize`). A page type's
//     `first` (e.g. shipmentRisks(first: 500) { items { ... } }) sizes the lists inside it;
//   - root fields add their weight (tracing, packets and the dashboard cost more than a
//     look-up by id), so aliasing one expensive field many times adds up.
// Fragments are followed (each spread counted where it is used). Introspection counts like
// any other selection (`__schema { types { fields { name } } }` is a list in a list; only
// `__typename` is free), so aliased introspection cannot answer megabytes for nothing.
// Validation has no variable values (Apollo
// caches a validated document across requests), so the estimate works from the document
// alone; the resolvers' own caps on `first`, `limit`, `maxTiers` and `maxDepth` bound what
// a variable can ask for.
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValueNode,
  VariableDefinitionNode,
} from 'graphql';

export const DEFAULT_MAX_COST = 20_000;

/**
 * Extra cost of root fields whose resolvers trace, assemble or scan (the rest weigh 1). A
 * trace takes tens of milliseconds where a look-up by id takes well under one, so the limit
 * (20,000) admits about 40 traces in one operation, about a second of work; aliasing 399 of
 * them (11 s) passed when a trace weighed 50. A diff traces twice, a packet traces and
 * assembles; the dashboard's own items are counted by its `first`.
 */
export const ROOT_FIELD_WEIGHTS: Record<string, number> = {
  traceShipment: 500,
  supplierPaths: 500,
  neighbourhood: 500,
  exposure: 500,
  supplyChainDiff: 1000,
  rebuttalPacket: 2000,
  shipmentsWithFingerprint: 200,
  shipmentRisks: 500,
  importBundle: 100,
  screenName: 5,
  searchFirms: 5,
  screeningMatches: 5,
  duplicateFirms: 5,
  duplicateFacilities: 5,
  auditLog: 5,
};

export interface CostOptions {
  /** Elements assumed for a list with no size argument. */
  defaultListSize?: number;
  /** Elements assumed for a list whose size argument is a variable without a default. */
  assumedVariableListSize?: number;
  /** Argument names that size a list (or the lists of a page type below the field). */
  sizeArguments?: string[];
  rootWeights?: Record<string, number>;
}

const DEFAULTS: Required<CostOptions> = {
  defaultListSize: 10,
  assumedVariableListSize: 100,
  sizeArguments: ['first', 'limit'],
  rootWeights: ROOT_FIELD_WEIGHTS,
};

/** GRAPHQL_MAX_COST from the environment (a positive integer), or the default. */
export function maxCostFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GRAPHQL_MAX_COST;
  if (raw === undefined || raw === '') return DEFAULT_MAX_COST;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`GRAPHQL_MAX_COST must be a positive integer, got "${raw}"`);
  return n;
}

// Stops the walk early once the cost is far over any sane limit (alias and fragment bombs).
const CEILING = Number.MAX_SAFE_INTEGER / 4;
const clamp = (n: number) => (n > CEILING ? CEILING : n);

/**
 * The estimated cost of one operation. Unknown fields and types (which other validation
 * rules reject) cost nothing here.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  options: CostOptions = {},
): number {
  const o = { ...DEFAULTS, ...options };
  const variableDefaults = new Map<string, ValueNode | undefined>(
    (operation.variableDefinitions ?? []).map((v: VariableDefinitionNode) => [v.variable.name.value, v.defaultValue]),
  );
  const sizeOf = (field: FieldNode): number | undefined => {
    for (const arg of field.arguments ?? []) {
      if (!o.sizeArguments.includes(arg.name.value)) continue;
      let value: ValueNode | undefined = arg.value;
      if (value.kind === Kind.VARIABLE) {
        value = variableDefaults.get(value.name.value);
        if (!value) return o.assumedVariableListSize;
      }
      if (value.kind === Kind.INT) return Math.max(0, Number.parseInt(value.value, 10));
      return o.assumedVariableListSize; // null, or a wrong type other rules reject
    }
    return undefined;
  };

  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!rootType) return 0;
  const memo = new Map<string, number>();

  const selectionCost = (
    set: SelectionSetNode,
    parent: GraphQLNamedType,
    isRoot: boolean,
    inheritedSize: number | undefined,
    spreads: Set<string>,
  ): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (total >= CEILING) return CEILING;
      if (sel.kind === Kind.FIELD) {
        total = clamp(total + fieldCost(sel, parent, isRoot, inheritedSize, spreads));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? parent) : parent;
        total = clamp(total + selectionCost(sel.selectionSet, on, isRoot, inheritedSize, spreads));
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        if (!fragment || spreads.has(name)) continue; // unknown or cyclic: other rules report it
        // memoised, so fragments that spread other fragments many times cost linear time
        const key = `${name}|${parent.name}|${isRoot}|${inheritedSize ?? ''}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          const on = schema.getType(fragment.typeCondition.name.value) ?? parent;
          cost = selectionCost(fragment.selectionSet, on, isRoot, inheritedSize, new Set([...spreads, name]));
          memo.set(key, cost);
        }
        total = clamp(total + cost);
      }
    }
    return total;
  };

  const fieldCost = (
    node: FieldNode,
    parent: GraphQLNamedType,
    isRoot: boolean,
    inheritedSize: number | undefined,
    spreads: Set<string>,
  ): number => {
    const name = node.name.value;
    if (name === '__typename') return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const introspection = isRoot && name === '__schema' ? SchemaMetaFieldDef : isRoot && name === '__type' ? TypeMetaFieldDef : undefined;
    const def: GraphQLField<unknown, unknown> | undefined = introspection ?? (parent as GraphQLObjectType).getFields()[name];
    if (!def) return 0;
    const weight = isRoot ? (o.rootWeights[name] ?? 1) : 0;
    const nullable = getNullableType(def.type);
    const isList = isListType(nullable);
    const ownSize = sizeOf(node);
    const named = getNamedType(def.type);
    if (!isCompositeType(named) || !node.selectionSet) return weight;
    // a list counts once per expected element; a sized non-list (a page) hands its size down
    const count = isList ? (ownSize ?? inheritedSize ?? o.defaultListSize) : 1;
    const below = isList ? undefined : ownSize;
    const perInstance = 1 + selectionCost(node.selectionSet, named, false, below, spreads);
    return clamp(Math.max(weight - 1, 0) + count * perInstance);
  };

  return selectionCost(operation.selectionSet, rootType, true, undefined, new Set());
}

/** Every operation of a document with its estimated cost. */
export function documentCosts(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: CostOptions = {},
): { name: string | null; cost: number }[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ name: op.name?.value ?? null, cost: operationCost(schema, op, fragments, options) }));
}

/** The validation rule: register it next to the depth limit in server.ts. */
export function costLimitRule(maxCost: number = maxCostFromEnv(), options: CostOptions = {}) {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const cost = operationCost(context.getSchema(), node, fragments, options);
        if (cost > maxCost) {
          const shown = cost >= CEILING ? 'is astronomically high' : `is about ${Math.round(cost)}`;
          context.reportError(
            new GraphQLError(
              `query cost ${shown}, over the limit of ${maxCost}: list fields multiply (each list counts its \`first\`/\`limit\` or ` +
                `${options.defaultListSize ?? DEFAULTS.defaultListSize} elements), and tracing, packets and the dashboard weigh more; ` +
                'ask for smaller pages, fewer aliases or fewer nested lists',
              { nodes: [node], extensions: { code: 'QUERY_TOO_COSTLY', cost: cost >= CEILING ? null : Math.round(cost), maxCost } },
            ),
          );
        }
      },
    };
  };
}
