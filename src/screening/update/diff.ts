// What changed between two versions of the Entity List: entries added, removed and changed.
// Entries are matched by key; an entry whose name changed is matched through its former
// names / aliases (a renamed entry is a change, not a removal plus an addition).
import { EntityListEntry, EntityListVersion, entityKey } from '../../model/entityList';
import { looseKey } from './merge';

export interface EntityListChange {
  /** Key of the entry in the newer version. */
  key: string;
  name: string;
  /** Changed fields, in the order of EntityListEntry: name, aliases, formerNames, … */
  fields: string[];
  /** Set when the entry was matched under another key (renamed): its key and name before. */
  previousKey?: string;
  previousName?: string;
}
export interface EntityListDiff {
  added: EntityListEntry[];
  removed: EntityListEntry[];
  changed: EntityListChange[];
}

export type MatchedBy = 'key' | 'name-form' | 'names';
export interface EntryMatch {
  older: EntityListEntry;
  newer: EntityListEntry;
  by: MatchedBy;
}

const keys = (names: string[]) => new Set(names.map(entityKey).filter(Boolean));
const localKey = (s: string) => s.normalize('NFKC').replace(/[\s()（）]/g, '');

/**
 * Pairs the entries of two versions: same key; then same key once a trailing acronym such as
 * "(XPCC)" is set aside; then a newer entry whose former names or aliases hold the older
 * entry's name (or the reverse), or, failing that, which shares exactly one other entry's
 * alias or Chinese name. Each entry is paired at most once.
 */
export function matchEntries(
  older: EntityListVersion,
  newer: EntityListVersion,
): {
  matches: EntryMatch[];
  added: EntityListEntry[];
  removed: EntityListEntry[];
} {
  const matches: EntryMatch[] = [];
  const olderLeft = new Map(older.entries.map((e) => [e.key, e]));
  const newerLeft: EntityListEntry[] = [];
  for (const n of newer.entries) {
    const o = olderLeft.get(n.key);
    if (o) {
      matches.push({ older: o, newer: n, by: 'key' });
      olderLeft.delete(n.key);
    } else newerLeft.push(n);
  }

  // same name form: "Xinjiang Production and Construction Corps (XPCC)" ~ "... Corps"
  const byLoose = new Map<string, EntityListEntry[]>();
  for (const o of olderLeft.values()) byLoose.set(looseKey(o.name), [...(byLoose.get(looseKey(o.name)) ?? []), o]);
  for (let i = newerLeft.length - 1; i >= 0; i--) {
    const n = newerLeft[i];
    const cands = (byLoose.get(looseKey(n.name)) ?? []).filter((o) => olderLeft.has(o.key));
    if (cands.length === 1) {
      matches.push({ older: cands[0], newer: n, by: 'name-form' });
      olderLeft.delete(cands[0].key);
      newerLeft.splice(i, 1);
    }
  }

  // through the other names
  interface Cand {
    o: EntityListEntry;
    n: EntityListEntry;
    score: number;
  }
  const cands: Cand[] = [];
  for (const n of newerLeft) {
    const nOther = keys([...n.aliases, ...n.formerNames]);
    const nAll = new Set([n.key, looseKey(n.name), ...nOther]);
    const nLocal = new Set(n.localNames.map(localKey));
    for (const o of olderLeft.values()) {
      const oOther = keys([...o.aliases, ...o.formerNames]);
      let score = 0;
      if (nOther.has(o.key) || nOther.has(looseKey(o.name)) || oOther.has(n.key) || oOther.has(looseKey(n.name))) score = 3;
      else if (o.localNames.some((l) => nLocal.has(localKey(l)))) score = 2;
      else if ([...oOther].some((k) => nAll.has(k))) score = 1;
      if (score) cands.push({ o, n, score });
    }
  }
  cands.sort((a, b) => b.score - a.score);
  const usedO = new Set<string>();
  const usedN = new Set<string>();
  for (const c of cands) {
    if (usedO.has(c.o.key) || usedN.has(c.n.key)) continue;
    if (c.score < 3) {
      // a weaker link counts only when it points one way
      const rivals = cands.filter(
        (d) => d !== c && d.score >= c.score && ((d.o === c.o && !usedN.has(d.n.key)) || (d.n === c.n && !usedO.has(d.o.key))),
      );
      if (rivals.length) continue;
    }
    usedO.add(c.o.key);
    usedN.add(c.n.key);
    matches.push({ older: c.o, newer: c.n, by: 'names' });
  }
  return {
    matches,
    added: newerLeft.filter((n) => !usedN.has(n.key)),
    removed: [...olderLeft.values()].filter((o) => !usedO.has(o.key)),
  };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Keys of names other than spellings of the entry's own name ("… Corps (XPCC)" for "… Corps"). */
function otherNames(names: string[], e: EntityListEntry): Set<string> {
  const own = looseKey(e.name);
  return new Set(
    names
      .filter((n) => looseKey(n) !== own)
      .map(entityKey)
      .filter((k) => k && k !== e.key),
  );
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The fields that differ between two matched entries. Names are compared by key, so
 * spellings that differ only in punctuation or case ("Co., Ltd" / "Co. Ltd.", which
 * OpenSanctions writes for every DHS "Co., Ltd.") are not a change. Former names and Chinese names
 * are compared only when the newer source gives such names at all (a source that does not
 * tell aliases from former names, or has no Chinese names, is not taken to remove them).
 */
export function changedFields(
  o: EntityListEntry,
  n: EntityListEntry,
  newerHas: { formerNames: boolean; localNames: boolean } = { formerNames: true, localNames: true },
): string[] {
  const fields: string[] = [];
  if (o.key !== n.key) fields.push('name');
  if (newerHas.formerNames) {
    if (!sameSet(otherNames(o.aliases, o), otherNames(n.aliases, n))) fields.push('aliases');
    if (!sameSet(otherNames(o.formerNames, o), otherNames(n.formerNames, n))) fields.push('formerNames');
  } else if (!sameSet(otherNames([...o.aliases, ...o.formerNames], o), otherNames([...n.aliases, ...n.formerNames], n))) {
    fields.push('aliases');
  }
  if (newerHas.localNames && !sameSet(new Set(o.localNames.map(localKey)), new Set(n.localNames.map(localKey)))) {
    fields.push('localNames');
  }
  if (o.coversSubsidiaries !== n.coversSubsidiaries) fields.push('coversSubsidiaries');
  if (norm(o.scope) !== norm(n.scope)) fields.push('scope');
  const sec = (e: EntityListEntry) => new Set(e.sections.map((s) => `${s.section}|${s.effectiveDate}`));
  if (!sameSet(sec(o), sec(n))) fields.push('sections');
  if (o.effectiveDate !== n.effectiveDate) fields.push('effectiveDate');
  if (norm(o.country) !== norm(n.country)) fields.push('country');
  return fields;
}

/** Whether any entry of a version carries former names / Chinese names. */
export function namesGiven(v: EntityListVersion): { formerNames: boolean; localNames: boolean } {
  return {
    formerNames: v.entries.some((e) => e.formerNames.length > 0),
    localNames: v.entries.some((e) => e.localNames.length > 0),
  };
}

export function diffEntityLists(older: EntityListVersion, newer: EntityListVersion): EntityListDiff {
  const { matches, added, removed } = matchEntries(older, newer);
  const has = namesGiven(newer);
  const changed: EntityListChange[] = [];
  for (const { older: o, newer: n } of matches) {
    const fields = changedFields(o, n, has);
    if (!fields.length) continue;
    const c: EntityListChange = { key: n.key, name: n.name, fields };
    if (o.key !== n.key) {
      c.previousKey = o.key;
      c.previousName = o.name;
    }
    changed.push(c);
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return { added: added.sort(byName), removed: removed.sort(byName), changed: changed.sort(byName) };
}

export type CarriedField = 'localNames' | 'country' | 'scope' | 'formerNames';

/**
 * Copies into the newer version what its source does not state, from the matching older
 * entry: 'localNames' when the newer entry has none; 'country' (the DHS page names none, so a
 * parsed page says 'CN' throughout); 'scope' (coversSubsidiaries and scope: OpenSanctions'
 * CSV has no notes column); 'formerNames' (a source that does not tell them from aliases:
 * aliases that the older entry has as former names move back to formerNames).
 * Returns a new version; entries without a match are unchanged.
 */
export function carryOverUnstated(older: EntityListVersion, newer: EntityListVersion, fields: CarriedField[]): EntityListVersion {
  const { matches } = matchEntries(older, newer);
  const from = new Map(matches.map((m) => [m.newer.key, m.older]));
  return {
    ...newer,
    entries: newer.entries.map((n) => {
      const o = from.get(n.key);
      if (!o) return n;
      const e = { ...n };
      if (fields.includes('localNames') && !e.localNames.length && o.localNames.length) e.localNames = [...o.localNames];
      if (fields.includes('country') && o.country) e.country = o.country;
      if (fields.includes('scope')) {
        e.coversSubsidiaries = o.coversSubsidiaries;
        e.scope = o.scope;
      }
      if (fields.includes('formerNames') && !e.formerNames.length && o.formerNames.length) {
        const former = keys(o.formerNames);
        e.formerNames = e.aliases.filter((a) => former.has(entityKey(a)));
        e.aliases = e.aliases.filter((a) => !former.has(entityKey(a)));
      }
      return e;
    }),
  };
}
