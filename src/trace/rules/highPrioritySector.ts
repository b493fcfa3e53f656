// FLETF high-priority sectors (seed/high-priority-sectors.json): does a material fall in one?
// An explicit sector on the material wins; otherwise its HS/HTS code is compared, with
// dots, spaces and hyphens removed, against each sector's HS prefixes (longest prefix wins).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SectorDef {
  id: string;
  designated: string;
  hs: string[];
  note?: string;
}
export interface SectorMatch {
  sector: string;
  prefix: string | null;
  designated: string;
}

let cache: SectorDef[] | undefined;

/** The sectors of seed/high-priority-sectors.json, read once per process. */
export function highPrioritySectors(): readonly SectorDef[] {
  cache ??= (JSON.parse(readFileSync(join(__dirname, '../../../seed/high-priority-sectors.json'), 'utf8')) as { sectors: SectorDef[] })
    .sectors;
  return cache;
}

/** "Red dates", "red-dates", "RED_DATES" -> "RED_DATES". */
const sectorKey = (s: string) =>
  s
    .trim()
    .toUpperCase()
    .replace(/[\s\-./]+/g, '_');

/**
 * The digits of an HS/HTS code: "6109.10.0012" -> "6109100012", "HTS 5205.12" -> "520512".
 * Null when what is left is not all digits.
 */
export function normalizeHsCode(code: string): string | null {
  const digits = code
    .trim()
    .replace(/^(?:hts|hs)(?:\s*code)?\s*[:#]?\s*/i, '')
    .replace(/[\s.-]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

export function highPrioritySector(material: { hsCode?: string | null; sector?: string | null }): SectorMatch | null {
  const sectors = highPrioritySectors();
  if (material.sector && material.sector.trim()) {
    const key = sectorKey(material.sector);
    const s = sectors.find((x) => x.id === key);
    if (s) return { sector: s.id, prefix: null, designated: s.designated };
  }
  const code = material.hsCode ? normalizeHsCode(material.hsCode) : null;
  if (!code) return null;
  let best: SectorMatch | null = null;
  for (const s of sectors) {
    for (const prefix of s.hs) {
      if (code.startsWith(prefix) && (!best || prefix.length > (best.prefix?.length ?? 0))) {
        best = { sector: s.id, prefix, designated: s.designated };
      }
    }
  }
  return best;
}
