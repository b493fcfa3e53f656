// A second reading of a query's trade name in Wade-Giles (wadeGiles.ts): a run of two or three
// name words that are whole Wade-Giles syllables ("Tien Shan", "Hsin Jen", "Chung Tai") is read
// as the pinyin a listed name agrees with ("tianshan", "xinren", "zhongtai"). The index decides
// between the readings an unmarked syllable allows (tien: dian or tian); a run the list already
// knows as written is pinyin and stays so. The words read become the tokens the same pinyin
// would give, so this reading is never stronger evidence than pinyin itself.
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

/** A name word written in Latin letters that is one whole Wade-Giles syllable: its pinyin readings. */
function syllablesOf(t: NameToken): string[] {
  if (t.kind !== 'name' || t.alt || t.text.length < 2 || t.text !== t.raw) return [];
  return wadeGilesSyllable(t.text);
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

/**
 * The query's tokens with its Wade-Giles runs read as listed pinyin, or undefined when no run
 * reads as a listed name word. A run of common English words only ("Sun Chin", "Pan Tang")
 * keeps its English reading.
 */
export function wadeGilesReading(tokens: readonly NameToken[], index: ListedWords): OlderReading | undefined {
  const syllables = tokens.map(syllablesOf);
  const out: NameToken[] = [];
  const read: OlderReading['read'] = [];
  let i = 0;
  while (i < tokens.length) {
    let taken = 0;
    for (let len = Math.min(LONGEST_RUN, tokens.length - i); len >= SHORTEST_RUN && !taken; len--) {
      const run = tokens.slice(i, i + len);
      if (run.some((t, k) => !syllables[i + k].length || t.paren !== run[0].paren)) continue;
      const words = run.map((t) => t.text);
      const written = words.join('');
      // the list knows the run as written: it is pinyin ("Tai Shan" for a listed Taishan)
      if (listedWord(index, written) || (len === 2 && index.byJoined.has(written))) {
        out.push(...run);
        taken = len;
        continue;
      }
      if (words.every(isCommonEnglishWord)) continue;
      const readings = readingsOf(syllables.slice(i, i + len));
      const whole = readings.find((r) => listedWord(index, r.join('')));
      // a listed word, or (two syllables) two listed words side by side ("Tian Shan")
      const split = whole ? undefined : len === 2 ? readings.find((r) => index.byJoined.has(r.join(''))) : undefined;
      if (!whole && !split) continue;
      const pinyin = (whole ?? split)!;
      if (whole) out.push(pinyinToken(run[0], pinyin.join('')));
      else out.push(...pinyin.map((s, k) => pinyinToken(run[k], s)));
      read.push({ written: words.join(' '), pinyin: pinyin.join('') });
      taken = len;
    }
    if (!taken) out.push(tokens[i++]);
    else i += taken;
  }
  return read.length ? { tokens: out, read } : undefined;
}

function pinyinToken(from: NameToken, pinyin: string): NameToken {
  return { text: pinyin, raw: pinyin, kind: 'name', paren: from.paren };
}
