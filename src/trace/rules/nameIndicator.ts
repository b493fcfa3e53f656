// Weak signals in a firm's or facility's names: "Xinjiang" (also "Sinkiang", "XUAR", Russian and
// Kazakh "Синьцзян", "Шыңжаң", and its names in other languages: "Shinjang", "ซินเจียง"), "XPCC", "Bingtuan",
// "Production and Construction Corps", 新疆, 兵团. Reported, never presumptive.
//
// Latin terms match whole words only (accent- and case-insensitive). A word glued to other
// lower-case letters does not count ("Xinjiangxian" is the pinyin of 新绛县 in Shanxi), but
// CamelCase joins do ("XinjiangTianshan Co"). "Xinjiang County" / "Xinjiang Xian" is 新绛县,
// not the region, and does not count. Chinese terms match as substrings, after folding
// traditional characters (兵團 -> 兵团); 新绛 never matches 新疆. Disguise is folded first
// (Cyrillic а in "Xinjiаng", a zero-width space inside "Xinjiang"); a hit names the name as written.
// A word misspelt from the region's name counts as the province field reads it (xuarSpelling.ts:
// strictly nearer the region than any province), but in a name only a word no trade name is:
// not an English word, and, for a word that reads as pinyin, only two letters swapped
// ("Xinjaing", "Xnijiang", "Sinkaing"; not "Xinliang", "Minjiang", "Sinking").
import { foldDisguise, latinTokens, phraseWords, readingsOf, toSimplified, withoutSpacesBetweenHan } from './text';
import { nearestXuarSpelling } from './xuarSpelling';
import { isPinyinWord } from '../../model/text/pinyin';
import { isCommonEnglishWord } from '../../model/text/englishWords';
import { EXONYMS, exonymPatternSource } from '../../model/gazetteer/exonyms';

export interface NameIndicatorHit {
  term: string;
  name: string;
}

const LATIN_TERMS: { term: string; words: string[]; notBefore?: Set<string> }[] = [
  { term: 'Xinjiang', words: phraseWords('Xinjiang'), notBefore: new Set(['county', 'xian']) },
  // the region under its postal romanization and its initials, and XPCC with full stops: each means nothing else
  { term: 'XPCC', words: phraseWords('X P C C') },
  ...['Sinkiang', 'XUAR', 'XPCC', 'Bingtuan', 'Production and Construction Corps'].map((term) => ({ term, words: phraseWords(term) })),
];
const CJK_TERMS = ['新疆', '兵团'];
// the region's name as Russian and Kazakh write it, a whole word in any case form (Синьцзяна, Синьцзянский)
const CYRILLIC_XINJIANG = /(?<!\p{Script=Cyrillic})(?:синьцзян|шыңжаң)/iu;
// the region's name in the languages goods pass through (gazetteer/exonyms.ts), where it names nothing
// else (not Tân Cương, a Vietnamese commune, nor Sincan, a district of Ankara), a whole word
const REGION_NAMES = new Set(['Xinjiang', 'Xinjiang Uyghur Autonomous Region', 'Uyghur Autonomous Region']);
const EXONYM_XINJIANG = new RegExp(
  EXONYMS.filter((e) => REGION_NAMES.has(e.latin) && !e.alsoNames)
    .map(({ written }) => exonymPatternSource(written))
    .join('|'),
  'iu',
);

/** Words of a name, with CamelCase words also split into their parts ("XinjiangTianshan"). */
function words(name: string): string[][] {
  // each original word becomes one or more alternatives: itself, and its camel-case parts
  return latinTokens(name).map((t) => {
    const parts = t.text.split(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})/u);
    return parts.length > 1 ? [t.norm, ...latinTokens(parts.join(' ')).map((p) => p.norm)] : [t.norm];
  });
}

function hasPhrase(seq: string[], phrase: string[], notBefore?: Set<string>): boolean {
  for (let i = 0; i + phrase.length <= seq.length; i++) {
    if (phrase.every((w, j) => seq[i + j] === w) && !notBefore?.has(seq[i + phrase.length])) return true;
  }
  return false;
}

const NOT_THE_REGION_AFTER = LATIN_TERMS[0].notBefore!;
const sameLetters = (a: string, b: string) => [...a].sort().join('') === [...b].sort().join('');
/** The word is the region's name misspelt, as a name may write it. */
function misspeltRegionWord(w: string): boolean {
  if (isCommonEnglishWord(w)) return false;
  const near = nearestXuarSpelling(w, 'province');
  if (!near) return false;
  return !isPinyinWord(w) || (near.edits === 1 && w.length === near.spelling.length && sameLetters(w, near.spelling));
}
/** A word read as the region's name misspelt, not before "County" or "Xian" (新绛县). */
const misspeltRegion = (seq: string[]) => seq.some((w, i) => !NOT_THE_REGION_AFTER.has(seq[i + 1]) && misspeltRegionWord(w));

/** Indicator terms found in any of the names, one hit per term and name. */
export function nameIndicators(names: string[]): NameIndicatorHit[] {
  const out: NameIndicatorHit[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string' || !name.trim()) continue;
    const found: string[] = [];
    // as stored and, under a direction override, as shown
    for (const reading of readingsOf(name)) {
      const folded = foldDisguise(reading);
      const ws = words(folded);
      // the plain word sequence, and one where camel-case words are split
      const plain = ws.map((w) => w[0]);
      const split = ws.flatMap((w) => (w.length > 1 ? w.slice(1) : w));
      const simplified = withoutSpacesBetweenHan(toSimplified(folded));
      for (const { term, words: tw, notBefore } of LATIN_TERMS) {
        if (hasPhrase(plain, tw, notBefore) || hasPhrase(split, tw, notBefore)) found.push(term);
      }
      for (const term of CJK_TERMS) if (simplified.includes(term)) found.push(term);
      if (CYRILLIC_XINJIANG.test(reading) || EXONYM_XINJIANG.test(reading.normalize('NFC'))) found.push('Xinjiang');
      if (!found.includes('Xinjiang') && misspeltRegion(plain)) found.push('Xinjiang');
    }
    for (const term of found) {
      const key = `${term}\u0000${name}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ term, name });
      }
    }
  }
  return out;
}
