// The fields an operation selects below a field, read from the request's document (fragments
// followed), so a look-up can fetch a firm and its facilities in one query. Only names are
// read here; the capability keeps those its record lists and builds the Cypher from its own
// constants, so nothing of the request's text reaches a query. A field under @skip or
// @include counts as selected: fetching it when it is skipped costs a property, not a query.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { FirmShape } from '../lookup';

/** The fields selected in these selection sets, by name (every alias of a name together). */
function fieldsIn(info: GraphQLResolveInfo, sets: readonly (SelectionSetNode | undefined)[]): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) out.set(s.name.value, [...(out.get(s.name.value) ?? []), s]);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        // validation has refused cycles; a fragment spread twice is read once
        seen.add(s.name.value);
        visit(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}

/** What a firm field of the operation asks for: its own fields and, when selected, its facilities' fields. */
export function firmShape(info: GraphQLResolveInfo): FirmShape {
  const firm = fieldsIn(
    info,
    info.fieldNodes.map((n) => n.selectionSet),
  );
  const facilities = firm.get('facilities');
  return {
    fields: [...firm.keys()],
    facilities: facilities
      ? [
          ...fieldsIn(
            info,
            facilities.map((n) => n.selectionSet),
          ).keys(),
        ]
      : undefined,
  };
}
