// Bundle v1 validation: shape first (zod), then ids and references. Every problem is
// reported with its place (`flows[12].from: no facility "FAC-9"`); nothing is written
// unless the list is empty.
import { bundleSchema, type Bundle } from '../model/bundle';

export interface BundleError {
  path: string;
  message: string;
}
export class BundleValidationError extends Error {
  constructor(readonly errors: BundleError[]) {
    super(
      `bundle rejected, nothing was written (${errors.length} error${errors.length === 1 ? '' : 's'}): ` +
        errors
          .slice(0, 50)
          .map((e) => `${e.path}: ${e.message}`)
          .join('; ') +
        (errors.length > 50 ? `; ... and ${errors.length - 50} more` : ''),
    );
  }
}

function pathOf(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || 'bundle';
}

/** Stage 1: shape. Returns the typed bundle or throws with every shape error. */
export function parseBundleShape(raw: unknown): Bundle {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new BundleValidationError([{ path: 'bundle', message: 'must be a JSON object with "bundleVersion": 1' }]);
  }
  const res = bundleSchema.safeParse(raw);
  if (!res.success) {
    throw new BundleValidationError(res.error.issues.slice(0, 1000).map((i) => ({ path: pathOf(i.path), message: i.message })));
  }
  return res.data;
}

export type IdKind = 'firm' | 'facility' | 'material' | 'flow' | 'document' | 'shipment';
/** Facts about already-stored records that the reference check needs. */
export interface StoredRefs {
  firm: Set<string>;
  facility: Set<string>;
  material: Map<string, { raw: boolean }>;
  document: Set<string>;
  /** stored flow id -> its destination facility id */
  flow: Map<string, string>;
}

/** Ids a bundle refers to but does not itself define, per kind: what to look up in the store. */
export function externalReferences(b: Bundle): Record<Exclude<IdKind, 'shipment'>, string[]> {
  const own = {
    firm: new Set(b.firms.map((x) => x.id)),
    facility: new Set(b.facilities.map((x) => x.id)),
    material: new Set(b.materials.map((x) => x.id)),
    flow: new Set(b.flows.map((x) => x.id)),
    document: new Set(b.documents.map((x) => x.id)),
  };
  const want = {
    firm: new Set<string>(),
    facility: new Set<string>(),
    material: new Set<string>(),
    flow: new Set<string>(),
    document: new Set<string>(),
  };
  const need = (k: keyof typeof want, v: string | undefined) => {
    if (v !== undefined && !own[k].has(v)) want[k].add(v);
  };
  b.facilities.forEach((f) => need('firm', f.firm));
  b.ownership.forEach((o) => {
    need('firm', o.owner);
    need('firm', o.owned);
  });
  b.flows.forEach((f) => {
    need('facility', f.from);
    need('facility', f.to);
    need('material', f.material);
    f.inputs?.forEach((i) => need('flow', i));
    f.documents?.forEach((d) => need('document', d));
  });
  b.documents.forEach((d) => {
    need('firm', d.issuer);
    need('firm', d.payer);
    need('firm', d.payee);
  });
  b.shipments.forEach((s) => {
    need('firm', s.importer);
    need('flow', s.flow);
  });
  return {
    firm: [...want.firm],
    facility: [...want.facility],
    material: [...want.material],
    flow: [...want.flow],
    document: [...want.document],
  };
}

/** Stage 2: ids unique per kind, every reference resolves, lot lineage is consistent. */
export function checkReferences(b: Bundle, stored: StoredRefs): BundleError[] {
  const errors: BundleError[] = [];
  const firstAt = <T extends { id: string }>(items: T[], kind: string, section: string) => {
    const seen = new Map<string, number>();
    items.forEach((x, i) => {
      const prev = seen.get(x.id);
      if (prev !== undefined)
        errors.push({ path: `${section}[${i}].id`, message: `duplicate ${kind} id "${x.id}" (first at ${section}[${prev}])` });
      else seen.set(x.id, i);
    });
    return seen;
  };
  const firms = firstAt(b.firms, 'firm', 'firms');
  const facilities = firstAt(b.facilities, 'facility', 'facilities');
  const materials = firstAt(b.materials, 'material', 'materials');
  const flows = firstAt(b.flows, 'flow', 'flows');
  const documents = firstAt(b.documents, 'document', 'documents');
  firstAt(b.shipments, 'shipment', 'shipments');

  const has = {
    firm: (v: string) => firms.has(v) || stored.firm.has(v),
    facility: (v: string) => facilities.has(v) || stored.facility.has(v),
    material: (v: string) => materials.has(v) || stored.material.has(v),
    flow: (v: string) => flows.has(v) || stored.flow.has(v),
    document: (v: string) => documents.has(v) || stored.document.has(v),
  };
  const ref = (kind: keyof typeof has, value: string | undefined, path: string) => {
    if (value !== undefined && !has[kind](value)) errors.push({ path, message: `no ${kind} "${value}"` });
  };

  b.facilities.forEach((f, i) => ref('firm', f.firm, `facilities[${i}].firm`));
  const pairs = new Map<string, number>();
  b.ownership.forEach((o, i) => {
    ref('firm', o.owner, `ownership[${i}].owner`);
    ref('firm', o.owned, `ownership[${i}].owned`);
    if (o.owner === o.owned) errors.push({ path: `ownership[${i}]`, message: `firm "${o.owner}" cannot own itself` });
    const key = `${o.owner}\u0000${o.owned}`;
    const prev = pairs.get(key);
    if (prev !== undefined)
      errors.push({ path: `ownership[${i}]`, message: `duplicate holding of "${o.owner}" in "${o.owned}" (first at ownership[${prev}])` });
    else pairs.set(key, i);
  });
  const destinationOf = (flowId: string): string | undefined => {
    const i = flows.get(flowId);
    return i !== undefined ? b.flows[i].to : stored.flow.get(flowId);
  };
  b.flows.forEach((f, i) => {
    ref('facility', f.from, `flows[${i}].from`);
    ref('facility', f.to, `flows[${i}].to`);
    ref('material', f.material, `flows[${i}].material`);
    f.inputs?.forEach((input, j) => {
      const path = `flows[${i}].inputs[${j}]`;
      if (input === f.id) errors.push({ path, message: `flow "${f.id}" cannot be made from itself` });
      else if (!has.flow(input)) errors.push({ path, message: `no flow "${input}"` });
      else {
        const dest = destinationOf(input);
        if (dest !== undefined && dest !== f.from) {
          errors.push({ path, message: `flow "${input}" delivers to facility "${dest}", not to this flow's source "${f.from}"` });
        }
      }
    });
    f.documents?.forEach((d, j) => ref('document', d, `flows[${i}].documents[${j}]`));
  });
  b.documents.forEach((d, i) => {
    ref('firm', d.issuer, `documents[${i}].issuer`);
    ref('firm', d.payer, `documents[${i}].payer`);
    ref('firm', d.payee, `documents[${i}].payee`);
  });
  b.shipments.forEach((s, i) => {
    ref('firm', s.importer, `shipments[${i}].importer`);
    ref('flow', s.flow, `shipments[${i}].flow`);
  });
  return errors;
}
