// A second reading of a query's trade name in Wade-Giles (wadeGiles.ts): a run of two or three
// name words that are whole Wade-Giles syllables ("Tien Shan", "Hsin Jen", "Chung Tai") is read
// as the pinyin a listed name agrees with ("tianshan", "xinren", "zhongtai"). The index decides
// between the readings an unmarked syllable allows (tien: dian or tian); a run the list already
// knows as written is pinyin and stays so. The words read become the tokens the same pinyin
// would give, so this reading is never stronger evidence than pinyin itself. A word that is two
// or three syllables written as one ("Hsinya", "Hsinjen", "Chunghua", as Taiwan and Hong Kong
// traders write them) is read the same way, split where its syllables allow.
import { isCommonEnglishWord } from '../../model/text/englishWords';
import { MAX_RUN_READINGS, wadeGilesSyllable } from '../../model/text/wadeGiles';
import type { NameToken } from '../normalize';
import type { NameIndex } from './nameIndex';

const LONGEST_RUN = 3;
const SHORTEST_RUN = 2;

export interface OlderReading {
  tokens: NameToken[];
  /** Each run read: as written and as the pinyin it was read as. */
  read: Array<{ written: string; pinyin: string }>;
}

type ListedWords = Pick<NameIndex, 'df' | 'bySpelling' | 'byJoined'>;

/**
 * The word as written, for a name word or a word typo-corrected into a business word ("Lien"
 * read as linen); none for business, form and place words the name spells as such.
 */
function writtenWord(t: NameToken): string | undefined {
  if (t.kind === 'name') return t.text === t.raw ? t.text : undefined;
  return t.kind !== 'place' && t.ocr?.length === 1 ? t.ocr[0] : undefined;
}

/** Every way to read the run, syllable by syllable; none past MAX_RUN_READINGS. */
function readingsOf(perWord: string[][]): string[][] {
  let out: string[][] = [[]];
  for (const syllables of perWord) {
    if (out.length * syllables.length > MAX_RUN_READINGS) return [];
    out = out.flatMap((o) => syllables.map((s) => [...o, s]));
  }
  return out;
}

const listedWord = (index: ListedWords, w: string) => index.df.has(w) || index.bySpelling.has(w);

/** Every way to write `word` as `parts` whole Wade-Giles syllables, each part's pinyin readings. */
function syllableSplits(word: string, parts: number): string[][][] {
  if (parts === 1) {
    const s = wadeGilesSyllable(word);
    return s.length ? [[s]] : [];
  }
  const out: string[][][] = [];
  for (let cut = 1; cut < word.length; cut++) {
    const head = wadeGilesSyllable(word.slice(0, cut));
    if (head.length) for (const rest of syllableSplits(word.slice(cut), parts - 1)) out.push([head, ...rest]);
  }
  return out;
}

const CACHE_MAX = 100_000;
const joinedCache = new WeakMap<ListedWords, Map<string, string[]>>();

/** The listed pinyin words a name word written as two or three joined Wade-Giles syllables reads as (cached per list: supplier sheets repeat their words). */
function joinedSyllablesRead(word: string, index: ListedWords): string[] {
  let cache = joinedCache.get(index);
  if (!cache) joinedCache.set(index, (cache = new Map()));
  let hit = cache.get(word);
  if (!hit) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(word, (hit = joinedSyllablesReadUncached(word, index)));
  }
  return hit;
}

function joinedSyllablesReadUncached(word: string, index: ListedWords): string[] {
  if (listedWord(index, word) || isCommonEnglishWord(word)) return [];
  const out = new Set<string>();
  for (let parts = SHORTEST_RUN; parts <= LONGEST_RUN; parts++)
    for (const split of syllableSplits(word, parts))
      for (const r of readingsOf(split)) if (listedWord(index, r.join(''))) out.add(r.join(''));
  return [...out];
}

interface WindowReading {
  tokens: NameToken[];
  read?: OlderReading['read'][number];
}

/**
 * The query's tokens with its Wade-Giles runs read as listed pinyin, or undefined when no run
 * reads as a listed name word. Where runs overlap, the reading that reads the most words wins
 * ("Tien Hung Chi Yeh": tianhong + jiye, not tianhongji + yeh). A run of common English words
 * only ("Sun Chin", "Pan Tang") keeps its English reading.
 */
export function wadeGilesReading(tokens: readonly NameToken[], index: ListedWords): OlderReading | undefined {
  const words = tokens.map(writtenWord);
  const syllables = words.map((w) => (w ? wadeGilesSyllable(w) : []));
  // a word of syllables written as one: read alone
  const joinedRead = words.map((w) => (w ? joinedSyllablesRead(w, index) : []));
  if (syllables.filter((s) => s.length).length < SHORTEST_RUN && !joinedRead.some((r) => r.length)) return undefined;

  const readWindow = (i: number, len: number): WindowReading | undefined => {
    const run = tokens.slice(i, i + len);
    if (run.some((t, k) => !syllables[i + k].length || t.paren !== run[0].paren)) return undefined;
    const written = words.slice(i, i + len) as string[];
    const joined = written.join('');
    // the list knows the run as written: pinyin in syllables ("Tai Shan", "Te Mei Te" for a listed Temeite)
    if (listedWord(index, joined) || (len === 2 && index.byJoined.has(joined)))
      return len === 2 ? { tokens: run } : { tokens: [pinyinToken(run[0], joined)], read: { written: written.join(' '), pinyin: joined } };
    if (written.every(isCommonEnglishWord)) return undefined;
    const readings = readingsOf(syllables.slice(i, i + len));
    // two listed words may read so ("tien kung": tiangong and diangong): the first, and the second as its other reading
    const wholes = readings.map((r) => r.join('')).filter((r) => listedWord(index, r));
    if (wholes.length)
      return {
        tokens: [{ ...pinyinToken(run[0], wholes[0]), ...(wholes[1] ? { alt: wholes[1] } : {}) }],
        read: { written: written.join(' '), pinyin: wholes.slice(0, 2).join(' or ') },
      };
    // two listed words side by side ("Tian Shan")
    const split = len === 2 ? readings.find((r) => index.byJoined.has(r.join(''))) : undefined;
    if (split) return { tokens: split.map((s, k) => pinyinToken(run[k], s)), read: { written: written.join(' '), pinyin: split.join('') } };
    return undefined;
  };

  // from the end: the most words read from each position on
  const best: Array<{ covered: number; parts: WindowReading[] }> = [];
  best[tokens.length] = { covered: 0, parts: [] };
  for (let i = tokens.length - 1; i >= 0; i--) {
    const joined = joinedRead[i];
    let pick: { covered: number; parts: WindowReading[] } = joined.length
      ? {
          covered: 1 + best[i + 1].covered,
          parts: [
            {
              tokens: [{ ...pinyinToken(tokens[i], joined[0]), ...(joined[1] ? { alt: joined[1] } : {}) }],
              read: { written: words[i]!, pinyin: joined.slice(0, 2).join(' or ') },
            },
            ...best[i + 1].parts,
          ],
        }
      : { covered: best[i + 1].covered, parts: [{ tokens: [tokens[i]] }, ...best[i + 1].parts] };
    for (let len = SHORTEST_RUN; len <= LONGEST_RUN && i + len <= tokens.length; len++) {
      const w = readWindow(i, len);
      const covered = w ? len + best[i + len].covered : -1;
      if (w && covered > pick.covered) pick = { covered, parts: [w, ...best[i + len].parts] };
    }
    best[i] = pick;
  }
  const read = best[0].parts.flatMap((p) => (p.read ? [p.read] : []));
  return read.length ? { tokens: best[0].parts.flatMap((p) => p.tokens), read } : undefined;
}

function pinyinToken(from: NameToken, pinyin: string): NameToken {
  return { text: pinyin, raw: pinyin, kind: 'name', paren: from.paren };
}
