// Trade names written in Wade-Giles, tested as classes: every listed name whose trade-name words
// are pinyin, rewritten syllable by syllable into Wade-Giles through the inverse of the table
// (generated here, not written by hand), must find its own entry; and the reading must never
// turn a look-alike of the labelled set into a MATCH.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { isCommonEnglishWord } from '../../../src/model/text/englishWords';
import { isPinyinWord } from '../../../src/model/text/pinyin';
import { MAX_RUN_READINGS, toWadeGiles, wadeGilesSyllable } from '../../../src/model/text/wadeGiles';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { mustNotMatch } from '../../../src/screening/evaluation';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { normalizeName } from '../../../src/screening/normalize';
import { loadScreeningEvalCases } from '../../fixtures/screeningEval';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const latinNames = (e: (typeof list.entries)[number]) => [e.name, ...e.aliases, ...e.formerNames].filter((n) => /[a-z]/i.test(n));

/** A pinyin word split into the fewest syllables the table knows, or undefined. */
function syllables(word: string): string[] | undefined {
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= word.length; end++)
    for (let start = Math.max(0, end - 6); start < end; start++) {
      const head = best[start];
      const s = word.slice(start, end);
      if (head && toWadeGiles(s) && (!best[end] || best[end]!.length > head.length + 1)) best[end] = [...head, s];
    }
  return best[word.length];
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const unmarked = (wg: string) => wg.normalize('NFD').replace(/\p{M}/gu, '').replace(/['`]/g, '');

/** How the run of syllables is written: as most records do (no marks, spaces) or with marks and hyphens. */
const STYLES = {
  plain: (wg: string[]) => wg.map((s) => capital(unmarked(s))).join(' '),
  marked: (wg: string[]) => capital(wg.join('-')),
  // as one word, as Taiwan and Hong Kong traders often write it ("Hsinjen")
  joined: (wg: string[]) => capital(wg.map(unmarked).join('').toLowerCase()),
};

interface Rewritten {
  entry: string;
  listed: string;
  query: string;
}

/**
 * Every listed Latin name with each of its pinyin trade-name words (name words of two or three
 * syllables) written in Wade-Giles. Left out by rule, and counted: a word whose syllables are
 * all common English words (it keeps its English reading) and one with more readings than the
 * bound allows.
 */
function rewrittenNames(style: keyof typeof STYLES): { cases: Rewritten[]; leftOut: number; english: string[] } {
  const cases: Rewritten[] = [];
  const english: string[] = [];
  let leftOut = 0;
  for (const e of list.entries)
    for (const listed of latinNames(e)) {
      const nameWords = new Set(
        normalizeName(listed)
          .tokens.filter((t) => t.kind === 'name')
          .map((t) => t.text),
      );
      let changed = false;
      let skipped = false;
      const query = listed.replace(/\p{L}+/gu, (word) => {
        const lower = word.toLowerCase();
        const pinyin = nameWords.has(lower) && isPinyinWord(lower) && !isCommonEnglishWord(lower);
        const split = pinyin ? syllables(lower) : undefined;
        if (!split || split.length < 2 || split.length > 3) return word;
        const wg = split.map((s) => toWadeGiles(s)!);
        const readings = wg.reduce((n, s) => n * wadeGilesSyllable(s).length, 1);
        if (wg.every((s) => isCommonEnglishWord(unmarked(s))) || readings > MAX_RUN_READINGS) {
          skipped = true;
          if (readings <= MAX_RUN_READINGS) english.push(STYLES[style](wg));
          return word;
        }
        const written = STYLES[style](wg);
        if (written.replace(/[\s-]/g, '').toLowerCase() === lower) return word; // Huafu: the same letters
        // joined, a run of common English words is one word no reader would split ("Hungmien")
        if (style === 'joined' && isCommonEnglishWord(written.toLowerCase())) return word;
        changed = true;
        return written;
      });
      if (skipped) leftOut++;
      if (changed) cases.push({ entry: e.name, listed, query });
    }
  return { cases, leftOut, english };
}

describe('listed trade names written in Wade-Giles', () => {
  for (const style of Object.keys(STYLES) as Array<keyof typeof STYLES>) {
    it(`find their own entry at the top, written ${style}`, () => {
      const { cases, leftOut } = rewrittenNames(style);
      const missed = cases.filter(({ entry, query }) => {
        const top = matcher.screen(query);
        return !top.length || !top.filter((c) => c.score === top[0].score).some((c) => c.entityName === entry);
      });
      expect(missed.map((m) => `${m.query} (${m.entry}): ${matcher.screen(m.query)[0]?.entityName}`)).toEqual([]);
      expect(cases.length).toBeGreaterThan(100);
      expect(leftOut).toBeLessThan(cases.length / 10);
    });
  }

  it('say which words were read so', () => {
    const [c] = matcher.screen('Hsin Jen Aluminum Foil');
    expect(c.entityName).toBe('Jiangyin Xinren Aluminum Foil Technology Co., Ltd.');
    expect(c.reason).toContain('syllables read as pinyin (Wade-Giles): hsin jen → xinren');
    const [joined] = matcher.screen('Anhui Hsinya New Materials Co., Ltd.');
    expect(joined).toMatchObject({ entityName: 'Anhui Xinya New Materials Co., Ltd.', decision: 'MATCH' });
    expect(joined.reason).toContain('syllables read as pinyin (Wade-Giles): hsinya → xinya');
  });

  it('score no higher than the same name in pinyin', () => {
    for (const { query, listed } of rewrittenNames('plain').cases) {
      const asPinyin = new Map(matcher.screen(listed).map((c) => [c.entryKey, c.score]));
      for (const c of matcher.screen(query)) expect(c.score).toBeLessThanOrEqual((asPinyin.get(c.entryKey) ?? c.score) + 1e-9);
    }
  });

  it('keep a conflicting place: under a province its entry does not name, no MATCH the pinyin would not get', () => {
    const provinces = ['Sichuan', 'Guangxi', 'Yunnan', 'Hainan'];
    const wrong: string[] = [];
    let heldByPlace = 0;
    for (const { entry, listed, query } of rewrittenNames('plain').cases) {
      if (normalizeName(query).tokens.some((t) => t.kind === 'place')) continue;
      for (const p of provinces) {
        const asPinyin = matcher.screen(`${p} ${listed}`).find((x) => x.entityName === entry);
        const c = matcher.screen(`${p} ${query}`).find((x) => x.entityName === entry);
        if (c?.decision === 'MATCH' && asPinyin?.decision !== 'MATCH') wrong.push(`${p} ${query}`);
        if (asPinyin && asPinyin.decision !== 'MATCH' && /rules out MATCH/.test(asPinyin.reason)) heldByPlace++;
      }
    }
    expect(wrong).toEqual([]);
    expect(heldByPlace).toBeGreaterThan(50); // the class is not empty
  });

  it('leave runs of common English words with their English reading', () => {
    // listed trade names whose every Wade-Giles syllable is a common English word ("Hung Mien" for Hongmian)
    const { english } = rewrittenNames('plain');
    expect(english.length).toBeGreaterThan(0);
    for (const run of english) expect(matcher.screen(`${run} Textile`).some((c) => /Wade-Giles/.test(c.reason))).toBe(false);
  });
});

describe('the labelled look-alikes', () => {
  it('gain no MATCH from the Wade-Giles reading', () => {
    const cases = loadScreeningEvalCases().filter(mustNotMatch);
    expect(cases.length).toBeGreaterThan(100);
    const gained = cases.flatMap((c) => {
      const opts = { country: c.country ?? null, limit: 20 };
      const without = new Set(
        matcher
          .screen(c.query, { ...opts, olderRomanizations: false })
          .filter((x) => x.decision === 'MATCH')
          .map((x) => x.entryKey),
      );
      return matcher
        .screen(c.query, opts)
        .filter((x) => x.decision === 'MATCH' && !without.has(x.entryKey))
        .map((x) => `${c.query} → ${x.entityName}`);
    });
    expect(gained).toEqual([]);
  });
});
