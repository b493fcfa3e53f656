// The UFLPA Entity List as the product stores and reads it. The shipped snapshot is
// seed/uflpa-entity-list.json; list updates (src/screening) produce the same shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EntityListSection {
  section: string;
  effectiveDate: string;
}
export interface EntityListEntry {
  /** Stable key: the normalized primary name (see entityKey). */
  key: string;
  name: string;
  aliases: string[];
  formerNames: string[];
  /** Names in Chinese characters, where a source gives them. */
  localNames: string[];
  coversSubsidiaries: boolean;
  scope: string | null;
  sections: EntityListSection[];
  /** Earliest effective date across sections: the entry counts from this day. */
  effectiveDate: string;
  country: string;
}
export interface EntityListVersion {
  version: string; // e.g. "2026-08-03" (the latest effective date the snapshot reflects)
  snapshotDate: string;
  source: string;
  entries: EntityListEntry[];
}

export const SEED_DIR = join(__dirname, '..', '..', 'seed');

export function entityKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface SnapshotRecord {
  name: string;
  aliases?: string[];
  formerNames?: string[];
  nameVariants?: string[];
  coversSubsidiaries?: boolean;
  scope?: string | null;
  effectiveDates?: EntityListSection[];
  effectiveDate: string;
  country?: string;
  chineseName?: { name: string } | null;
  chineseShortName?: { name: string } | string | null;
  chineseFormerName?: { name: string } | string | null;
}

function zhName(v: { name: string } | string | null | undefined): string[] {
  if (!v) return [];
  return [typeof v === 'string' ? v : v.name];
}

/** Reads the snapshot format of seed/uflpa-entity-list.json into entries. */
export function parseEntityListSnapshot(json: unknown): EntityListVersion {
  const d = json as { asOf: string; snapshotDate: string; source: string; entities: SnapshotRecord[] };
  const entries = d.entities.map((e): EntityListEntry => ({
    key: entityKey(e.name),
    name: e.name,
    aliases: [...(e.aliases ?? []), ...(e.nameVariants ?? [])],
    formerNames: e.formerNames ?? [],
    localNames: [...zhName(e.chineseName), ...zhName(e.chineseShortName), ...zhName(e.chineseFormerName)],
    coversSubsidiaries: !!e.coversSubsidiaries,
    scope: e.scope ?? null,
    sections: (e.effectiveDates ?? []).map((s) => ({ section: `2(d)(2)(B)(${s.section})`, effectiveDate: s.effectiveDate })),
    effectiveDate: e.effectiveDate,
    country: e.country ?? 'CN',
  }));
  return { version: d.asOf, snapshotDate: d.snapshotDate, source: d.source, entries };
}

let seedCache: EntityListVersion | undefined;
export function loadSeedEntityList(): EntityListVersion {
  seedCache ??= parseEntityListSnapshot(JSON.parse(readFileSync(join(SEED_DIR, 'uflpa-entity-list.json'), 'utf8')));
  return seedCache;
}
