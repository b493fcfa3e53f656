// Brand names spelled by ear: "Apecs" for Apex, "Kamel" for Camel, "Fotech" for Photech. Only a
// few English spelling equivalences matter for trade names written in Latin letters, so this is
// a short rule list rather than Double Metaphone, which is built for English surnames and
// would also fold pinyin words (xin, qi, zhong) that are not typos of each other. Pinyin words
// are never keyed (the caller checks), so "xi" and "si" stay apart.

const RULES: Array<[RegExp, string]> = [
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/qu/g, 'kw'],
  [/x/g, 'ks'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/z/g, 's'],
  [/(?<=.)y/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** The word as it sounds, by the rules above; null for words too short to tell (under four letters). */
export function soundKey(word: string): string | null {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return null;
  let k = word;
  for (const [re, to] of RULES) k = k.replace(re, to);
  return k;
}
