// Place and business words misspelt in a query ("Biayin" for Baiyin, "Inner Mongloia", "Cihna",
// "Kasghar", "Cuhangye" for Chuangye). The normalizer puts right only English business words and
// long region names, since pinyin city and business words sit too close to trade names in
// general; such a word misspelt stays an unknown name word, weighs as much as a trade name, and a
// listed firm's name with two letters swapped in its place scored below POSSIBLE: a CLEAR. Here
// the words are read against a short set instead: the place and business words of the list's
// own names, and the XUAR's places. A name word the list uses is never read so, and the matcher
// screens such a reading beside the name as written, at most POSSIBLE (a trade name one letter
// away from a place may be just that). Listed name words misspelt are the typo lookup's, but a
// word the normalizer corrected into a business word ("Centry" as centre, "Xinen" as linen) is
// given back to it when a listed name word lies as near (Century, Xinren).
import { deletionsUpTo } from '../fuzzy';
import { editDistance } from '../../model/text/editDistance';
import { isPinyinWord } from '../../model/text/pinyin';
import type { NameToken } from '../normalize';
import { placeTables, XUAR_CODE } from '../places';

/** Shorter words are too close to too many others to read as misspelt. */
const MIN_LENGTH = 5;
/** One slip of the hand (a letter swapped, dropped, doubled or wrong): two would read trade names as places ("Shunhong" as Shandong). */
const EDITS = 1;
const CACHE_MAX = 100_000;

export interface WordReading {
  tokens: NameToken[];
  /** Each misspelling and the listed spelling it was read as, for the reason. */
  read: { written: string; as: string }[];
}

const latinWord = (s: string) => /^[a-z]+$/.test(s);

/** `a` is `b` with two neighbouring letters swapped. */
function swapsTwo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** `a` is `b` with one letter written twice ("Baaiyin", "Chiina"). */
function doublesOne(a: string, b: string): boolean {
  if (a.length !== b.length + 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return i > 0 && a[i] === a[i - 1] && a.slice(i + 1) === b.slice(i);
}

type WordToken = Pick<NameToken, 'text' | 'kind' | 'level' | 'codes'>;

/**
 * A reader for one list: `listedTokens`, the tokens of its names (their place, sector and form
 * words are read); `listedWords`, its name words (never read as anything else).
 */
export function misspeltWordReader(
  listedTokens: Iterable<NameToken>,
  listedWords: ReadonlyMap<string, unknown>,
  nearListedName: (word: string) => boolean,
) {
  const spellings = new Map<string, WordToken>();
  const add = (spelling: string, p: WordToken) => {
    if (spelling.length >= MIN_LENGTH && latinWord(spelling) && !spellings.has(spelling)) spellings.set(spelling, p);
  };
  for (const t of listedTokens)
    if (t.kind !== 'name') for (const s of [t.raw, t.text]) add(s, { text: t.text, kind: t.kind, level: t.level, codes: t.codes });
  for (const [spelling, p] of placeTables().latin)
    if (p.codes.some((c) => c.startsWith(XUAR_CODE))) add(spelling, { text: p.canonical, kind: 'place', level: p.level, codes: p.codes });
  // symmetric deletions: a word and a spelling one edit apart share a deletion of at most one letter
  const byDeletion = new Map<string, string[]>();
  for (const s of spellings.keys()) for (const d of deletionsUpTo(s, EDITS)) byDeletion.set(d, [...(byDeletion.get(d) ?? []), s]);
  const cache = new Map<string, string | null>();

  /** The listed spelling a word may be a misspelling of, one edit away (the first in code-unit order of several). */
  const nearest = (word: string): string | null => {
    let hit = cache.get(word);
    if (hit !== undefined) return hit;
    hit = null;
    if (word.length >= MIN_LENGTH && latinWord(word) && !spellings.has(word)) {
      // a word that reads as pinyin syllables may be a pinyin name of its own one letter away from a
      // place ("Fuyuan", Fuyun; "Xinfeng", Minfeng): for it only two letters swapped ("Biayin") or one
      // written twice ("Baaiyin") count, slips of the hand no other name is
      const near = isPinyinWord(word)
        ? (s: string) => swapsTwo(word, s) || doublesOne(word, s)
        : (s: string) => editDistance(word, s, EDITS) === EDITS;
      for (const d of deletionsUpTo(word, EDITS))
        for (const s of byDeletion.get(d) ?? []) if ((hit === null || s < hit) && near(s)) hit = s;
    }
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(word, hit);
    return hit;
  };
  // a name word the list does not use (a listed word is never a typo of anything)
  const unlisted = (t: NameToken | undefined): t is NameToken => !!t && t.kind === 'name' && !listedWords.has(t.text) && !t.alt;
  // spelled as listed, so the reason names the place ("place agrees: Baiyin"), not the misspelling
  const asListed = (spelling: string, paren: boolean): NameToken => {
    const p = spellings.get(spelling)!;
    return {
      text: p.text,
      raw: spelling,
      kind: p.kind,
      paren,
      ...(p.level ? { level: p.level } : {}),
      ...(p.codes ? { codes: p.codes } : {}),
    };
  };

  /** The tokens with each misspelt word read as listed, or undefined when there is none. */
  return (tokens: NameToken[]): WordReading | undefined => {
    const out: NameToken[] = [];
    const read: WordReading['read'] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const next = tokens[i + 1];
      // two words first: "Inner Mongloia" is one place
      if (unlisted(t) && unlisted(next) && t.paren === next.paren) {
        const joined = nearest(t.raw + next.raw);
        if (joined) {
          out.push(asListed(joined, t.paren));
          read.push({ written: `${t.raw} ${next.raw}`, as: joined });
          i++;
          continue;
        }
      }
      // a word the normalizer put right as a business word ("Centry" as centre) may rather be a listed trade name misspelt (Century)
      const written = t.kind !== 'name' && t.ocr?.length === 1 ? t.ocr[0] : undefined;
      if (written && !listedWords.has(written) && nearListedName(written)) {
        out.push({ text: written, raw: written, kind: 'name', paren: t.paren });
        read.push({ written, as: `a name word, not ${t.text}` });
        continue;
      }
      const single = unlisted(t) ? nearest(t.raw) : null;
      if (single) {
        out.push(asListed(single, t.paren));
        read.push({ written: t.raw, as: single });
      } else out.push(t);
    }
    return read.length ? { tokens: out, read } : undefined;
  };
}
