// Who controls a firm, and who stands at the top of its ownership chains.
//
// Holdings are { owner, owned, share } with share a fraction in [0, 1] (a value above 1 and
// up to 100 is read as a percentage). Several holdings of the same owner in the same firm
// are added up (capped at 1). Chains run from the owner down to the firm.
export interface Holding {
  owner: string;
  owned: string;
  share: number;
}
export interface OwnerChain {
  ownerId: string;
  chain: string[];
  /** the product of the chain's shares; where control adds holdings up, the controller's look-through share */
  effectiveShare: number;
  /**
   * Where control adds holdings up (no chain of majority holdings reaches the firm): the firm on
   * the chain whose holdings are added up (the first held no more than half by the link above it:
   * the firm itself, or a holding company above it)...
   */
  heldIn?: string;
  /** ...and its holdings that count, the controller's own and those of firms it controls, by holder id. */
  heldWith?: { ownerId: string; share: number }[];
}

/**
 * Records confirmed to be one legal entity (SAME_AS) as one firm: each id's entity, named by the
 * least id among its records (ids alone are their own). Control is the entity's: what any record
 * owns or is owned by, it does, and two records' holdings in one firm add up (30% + 30% is control).
 */
export function entitiesOf(links: Iterable<readonly [string, string]>): (id: string) => string {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const [a, b] of links) {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    const [keep, join] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(keep, keep);
    parent.set(join, keep);
  }
  return (id) => (parent.has(id) ? find(id) : id);
}

/** Holdings between entities: each end as its entity, a holding within one entity left out. */
export function holdingsBetweenEntities(holdings: readonly Holding[], entity: (id: string) => string): Holding[] {
  const out: Holding[] = [];
  for (const h of holdings) {
    const [owner, owned] = [entity(h.owner), entity(h.owned)];
    if (owner !== owned) out.push({ owner, owned, share: h.share });
  }
  return out;
}

/** Majority control: more than half, held by the controller and the firms it controls. */
export const CONTROL_THRESHOLD = 0.5;

const asFraction = (share: number) => (share > 1 && share <= 100 ? share / 100 : share);

/** owned -> (owner -> summed share): built once and passed to many calls over the same holdings. */
export type OwnershipIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** owned -> (owner -> summed share) */
export function indexOwnership(ownership: readonly Holding[]): OwnershipIndex {
  return ownersByOwned(ownership);
}
const byOwnedOf = (ownership: readonly Holding[] | OwnershipIndex): OwnershipIndex =>
  ownership instanceof Map ? ownership : ownersByOwned(ownership as readonly Holding[]);

function ownersByOwned(ownership: readonly Holding[]): Map<string, Map<string, number>> {
  const byOwned = new Map<string, Map<string, number>>();
  for (const h of ownership) {
    if (!h || typeof h.owner !== 'string' || typeof h.owned !== 'string' || h.owner === h.owned) continue;
    const share = Number.isFinite(h.share) ? Math.max(0, asFraction(h.share)) : 0;
    const owners = byOwned.get(h.owned) ?? new Map<string, number>();
    owners.set(h.owner, Math.min(1, (owners.get(h.owner) ?? 0) + share));
    byOwned.set(h.owned, owners);
  }
  return byOwned;
}

const sortedOwners = (owners: ReadonlyMap<string, number> | undefined) =>
  [...(owners ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/**
 * Firms that control firmId: a firm controls another when it, with the firms it controls, holds
 * more than 50% of it. Directly, through a chain in which every holding is more than 50%, or by
 * adding up: 40% held directly and 20% through a subsidiary it owns outright is 60%, control, as
 * votes count (each holder is the controller or a firm it controls; `heldWith` names them).
 * One entry per controlling firm, through its shortest chain, nearest first (chains found
 * breadth-first upward, so cycles end).
 */
export function controllingOwners(firmId: string, ownership: readonly Holding[] | OwnershipIndex): OwnerChain[] {
  const byOwned = byOwnedOf(ownership);
  const out = majorityChains(firmId, byOwned);
  const above = firmsAbove(firmId, byOwned);
  // adding up needs two holders in one firm; a firm above with one owner adds nothing
  if (![firmId, ...above].some((id) => (byOwned.get(id)?.size ?? 0) > 1) || above.length > MAX_ADDED_UP_SCOPE) return out;
  const found = new Set(out.map((c) => c.ownerId));
  const scope = new Set([firmId, ...above]);
  for (const owner of above) {
    if (found.has(owner)) continue;
    const added = addedUpControl(owner, firmId, scope, byOwned);
    if (added) out.push(added);
  }
  return out.sort((a, b) => a.chain.length - b.chain.length);
}

/** The chains of holdings of more than 50% above firmId, breadth-first (each controller once). */
function majorityChains(firmId: string, byOwned: OwnershipIndex): OwnerChain[] {
  const out: OwnerChain[] = [];
  const seen = new Set<string>([firmId]);
  // each frontier entry: a firm known to control firmId (or firmId itself), with its chain down
  let frontier: OwnerChain[] = [{ ownerId: firmId, chain: [firmId], effectiveShare: 1 }];
  while (frontier.length) {
    const next: OwnerChain[] = [];
    for (const cur of frontier) {
      for (const [owner, share] of sortedOwners(byOwned.get(cur.ownerId))) {
        if (share <= CONTROL_THRESHOLD || seen.has(owner)) continue;
        seen.add(owner);
        const found = { ownerId: owner, chain: [owner, ...cur.chain], effectiveShare: cur.effectiveShare * share };
        out.push(found);
        next.push(found);
      }
    }
    frontier = next;
  }
  return out;
}

/** Past this many firms above one, control is read by chains alone (the added-up reading is quadratic in them). */
const MAX_ADDED_UP_SCOPE = 500;

/** Every firm above firmId through holdings at any share, nearest first. */
function firmsAbove(firmId: string, byOwned: OwnershipIndex): string[] {
  const seen = new Set<string>([firmId]);
  const out: string[] = [];
  for (let i = -1; i < out.length; i++) {
    for (const [owner, share] of sortedOwners(byOwned.get(i < 0 ? firmId : out[i]))) {
      if (share <= 0 || seen.has(owner)) continue;
      seen.add(owner);
      out.push(owner);
    }
  }
  return out;
}

/**
 * Whether `owner` controls firmId by adding up: the firms it controls within `scope` (firmId and
 * the firms above it, where every holding that can reach firmId lies), grown until none more
 * is held more than half by the controller and the firms already in. Undefined when it does not.
 */
function addedUpControl(owner: string, firmId: string, scope: ReadonlySet<string>, byOwned: OwnershipIndex): OwnerChain | undefined {
  // each controlled firm with the controller's look-through share in it, in the order found
  const controlled = new Map<string, number>([[owner, 1]]);
  for (let grew = true; grew && !controlled.has(firmId);) {
    grew = false;
    for (const id of scope) {
      if (controlled.has(id)) continue;
      let held = 0;
      let through = 0;
      for (const [o, share] of byOwned.get(id) ?? []) {
        const own = controlled.get(o);
        if (own === undefined) continue;
        held += share;
        through += share * own;
      }
      if (held > CONTROL_THRESHOLD) {
        controlled.set(id, Math.min(1, through));
        grew = true;
      }
    }
  }
  if (!controlled.has(firmId)) return undefined;
  const chain = shortestChain(owner, firmId, controlled, byOwned);
  // where the chain's holdings are added up: the first firm its link above holds no more than half of
  const at = chain.findIndex((id, i) => i > 0 && (byOwned.get(id)?.get(chain[i - 1]) ?? 0) <= CONTROL_THRESHOLD);
  const heldIn = chain[at < 0 ? chain.length - 1 : at];
  const heldWith = sortedOwners(byOwned.get(heldIn))
    .filter(([o]) => controlled.has(o))
    .map(([ownerId, share]) => ({ ownerId, share }));
  return { ownerId: owner, chain, effectiveShare: controlled.get(firmId)!, heldIn, heldWith };
}

/** The shortest chain of holdings from owner down to firmId through firms the owner controls. */
function shortestChain(owner: string, firmId: string, controlled: ReadonlyMap<string, number>, byOwned: OwnershipIndex): string[] {
  // breadth-first upward from firmId over holders the owner controls
  const down = new Map<string, string>();
  let frontier = [firmId];
  while (frontier.length && !down.has(owner)) {
    const next: string[] = [];
    for (const id of frontier)
      for (const [o] of sortedOwners(byOwned.get(id)))
        if (controlled.has(o) && !down.has(o) && o !== firmId) {
          down.set(o, id);
          next.push(o);
        }
    frontier = next;
  }
  const chain = [owner];
  while (chain[chain.length - 1] !== firmId) chain.push(down.get(chain[chain.length - 1])!);
  return chain;
}

/** A firm that another controls, with the chain of holdings from the controller down to it. */
export interface ControlledFirm {
  firmId: string;
  /** controller first, firmId last */
  chain: string[];
  /** the summed share of each link of the chain, as a fraction (one fewer than the chain) */
  shares: number[];
  effectiveShare: number;
  /** where control adds holdings up: the firm whose holdings are added up, and those that count (OwnerChain) */
  heldIn?: string;
  heldWith?: { ownerId: string; share: number }[];
}

/** The summed share `owner` holds in `owned`, as a fraction (0 when none). */
export function shareIn(owner: string, owned: string, ownership: readonly Holding[] | OwnershipIndex): number {
  return byOwnedOf(ownership).get(owned)?.get(owner) ?? 0;
}

/**
 * Every firm ownerId controls: the firms whose controllingOwners include it, each through
 * the chain found there, so control downward is exactly control upward read the other way.
 * Nearest first (shorter chain), then by id.
 */
export function controlledFirms(ownerId: string, ownership: readonly Holding[] | OwnershipIndex): ControlledFirm[] {
  const byOwned = byOwnedOf(ownership);
  const out: ControlledFirm[] = [];
  for (const firmId of byOwned.keys()) {
    if (firmId === ownerId) continue;
    const ctl = controllingOwners(firmId, byOwned).find((c) => c.ownerId === ownerId);
    if (!ctl) continue;
    const shares = ctl.chain.slice(1).map((owned, i) => shareIn(ctl.chain[i], owned, byOwned));
    out.push({
      firmId,
      chain: ctl.chain,
      shares,
      effectiveShare: ctl.effectiveShare,
      ...(ctl.heldWith ? { heldIn: ctl.heldIn, heldWith: ctl.heldWith } : {}),
    });
  }
  return out.sort((a, b) => a.chain.length - b.chain.length || a.firmId.localeCompare(b.firmId));
}

/** At most this many chains from ultimateOwners, against pathological graphs. */
export const MAX_OWNER_CHAINS = 1000;

/**
 * The top of every ownership chain above firmId, at any share: one entry per chain, the
 * chain running from the top owner down to firmId, effectiveShare the product of the
 * shares. A top is a firm nobody owns, or, in a cycle, the last firm before the chain
 * would come back on itself. A firm nobody owns has no chains ([]).
 */
export function ultimateOwners(firmId: string, ownership: readonly Holding[] | OwnershipIndex): OwnerChain[] {
  const byOwned = byOwnedOf(ownership);
  const out: OwnerChain[] = [];
  const walk = (id: string, chain: string[], share: number, onPath: Set<string>) => {
    if (out.length >= MAX_OWNER_CHAINS) return;
    const owners = sortedOwners(byOwned.get(id)).filter(([o]) => !onPath.has(o));
    if (!owners.length) {
      if (id !== firmId) out.push({ ownerId: id, chain, effectiveShare: share });
      return;
    }
    for (const [owner, s] of owners) {
      onPath.add(owner);
      walk(owner, [owner, ...chain], share * s, onPath);
      onPath.delete(owner);
    }
  };
  walk(firmId, [firmId], 1, new Set([firmId]));
  return out;
}
