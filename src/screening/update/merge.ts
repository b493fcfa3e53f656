// Merging per-row drafts into one entry per entity.
import { EntityListEntry, EntityListSection, entityKey } from '../../model/entityList';
import { cleanName } from './names';
import { sectionRank } from './sections';

/** One row (or one source record) before entries are merged. */
export type EntryDraft = Omit<EntityListEntry, 'key' | 'effectiveDate' | 'country'> & {
  /** Dates that count for effectiveDate when a record carries no section. */
  otherDates: string[];
  country: string | null;
};

const TRAILING_ACRONYM = /\s*\(\s*[A-Z][A-Z0-9&.-]{1,11}\s*\)$/;

/** The key rows of one entity share: entityKey without a trailing "(XPCC)". */
export function looseKey(name: string): string {
  return entityKey(name.replace(TRAILING_ACRONYM, ''));
}

function uniq(values: string[], exclude: Set<string> = new Set()): string[] {
  const seen = new Set(exclude);
  const out: string[] = [];
  for (const v of values) {
    const c = cleanName(v);
    if (c && !seen.has(c)) {
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}

/** Country for a name when it is evident from the name; otherwise null. */
export function countryFromName(name: string): string | null {
  if (/\bHong\s*Kong\b/i.test(name)) return 'HK';
  if (/\bMaca[uo]\b/i.test(name)) return 'MO';
  return null;
}

/**
 * One entry per entity: drafts whose names share a key (ignoring a trailing acronym such as
 * "(XPCC)") are merged. The first spelling without such an acronym is the name; the other
 * spellings become aliases. Sections are united; effectiveDate is the earliest date.
 */
export function mergeDrafts(drafts: EntryDraft[]): EntityListEntry[] {
  const groups = new Map<string, EntryDraft[]>();
  for (const d of drafts) {
    const k = looseKey(d.name);
    if (!k) continue;
    const g = groups.get(k);
    if (g) g.push(d);
    else groups.set(k, [d]);
  }
  const byKey = new Map<string, EntityListEntry>();
  for (const group of groups.values()) {
    const primary = group.find((d) => !TRAILING_ACRONYM.test(d.name)) ?? group[0];
    const name = cleanName(primary.name);
    const entry = buildEntry(name, group);
    const existing = byKey.get(entry.key);
    byKey.set(entry.key, existing ? buildEntry(existing.name, [toDraft(existing), ...group]) : entry);
  }
  return [...byKey.values()];
}

function toDraft(e: EntityListEntry): EntryDraft {
  return { ...e, otherDates: [e.effectiveDate] };
}

function buildEntry(name: string, group: EntryDraft[]): EntityListEntry {
  const formerNames = uniq(
    group.flatMap((d) => d.formerNames),
    new Set([name]),
  );
  const aliases = uniq([...group.flatMap((d) => d.aliases), ...group.map((d) => d.name)], new Set([name]));
  const sections = new Map<string, EntityListSection>();
  for (const s of group.flatMap((d) => d.sections)) sections.set(`${s.section}|${s.effectiveDate}`, s);
  const sorted = [...sections.values()].sort(
    (a, b) => sectionRank(a.section) - sectionRank(b.section) || a.effectiveDate.localeCompare(b.effectiveDate),
  );
  const dates = [...sorted.map((s) => s.effectiveDate), ...group.flatMap((d) => d.otherDates)].sort();
  const scope = group.map((d) => d.scope).find((s) => s) ?? null;
  return {
    key: entityKey(name),
    name,
    aliases,
    formerNames,
    localNames: uniq(group.flatMap((d) => d.localNames)),
    coversSubsidiaries: group.some((d) => d.coversSubsidiaries),
    scope,
    sections: sorted,
    effectiveDate: dates[0] ?? '',
    country: group.map((d) => d.country).find((c) => c) ?? countryFromName(name) ?? 'CN',
  };
}
