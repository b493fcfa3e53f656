// The Chinese names the seed list carries (chineseName / chineseShortName / chineseFormerName,
// each from a cited source) must lead back to their entry: a supplier written only in Chinese,
// in the script the source gave or folded to simplified, screens to that entity at the top.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedEntityList, SEED_DIR } from '../../../src/model/entityList';
import { toSimplified } from '../../../src/model/gazetteer/traditional';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { buildEntityMatcher } from '../../../src/screening/matcher';

const CHINESE_FIELDS = ['chineseName', 'chineseShortName', 'chineseFormerName'] as const;
type SourcedName = { name: string; source: string } | string | null | undefined;
type SeedRecord = { name: string } & Partial<Record<(typeof CHINESE_FIELDS)[number], SourcedName>>;

const seed = JSON.parse(readFileSync(join(SEED_DIR, 'uflpa-entity-list.json'), 'utf8')) as { entities: SeedRecord[] };
const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);

const withChinese = list.entries.filter((e) => e.localNames.length > 0);

describe('sourced Chinese names of listed entities', () => {
  it('gives every Chinese name in the seed with the source that pairs it with the entity', () => {
    const unsourced: string[] = [];
    for (const record of seed.entities) {
      for (const field of CHINESE_FIELDS) {
        const value = record[field];
        if (!value) continue;
        if (typeof value === 'string' || !value.name.trim() || !value.source?.trim()) unsourced.push(`${record.name} ${field}`);
      }
    }
    expect(unsourced).toEqual([]);
  });

  it('screens each Chinese name, as given and folded to simplified, to its own entry as MATCH or POSSIBLE at the top', () => {
    expect(withChinese.length).toBeGreaterThan(0);
    const missed: string[] = [];
    for (const entry of withChinese) {
      for (const zh of entry.localNames) {
        for (const written of new Set([zh, toSimplified(zh)])) {
          const top = matcher.screen(written)[0];
          if (top?.entityName !== entry.name || (top.decision !== 'MATCH' && top.decision !== 'POSSIBLE')) {
            missed.push(`${written} -> ${top ? `${top.entityName} ${top.decision}` : 'nothing'} (listed: ${entry.name})`);
          }
        }
      }
    }
    expect(missed).toEqual([]);
  });
});
