// Pinyin's ü, however it is written. The project's tables spell it v, as Chinese input methods
// and much Chinese-made English do (Lvliang 吕梁, lvye 铝业); texts also write Lǚliáng, Lüliang,
// Lu:liang, Lyuliang (the passport spelling of 吕 is LYU) or plain Luliang. Tone marks are
// dropped by the folds that call this; ü itself becomes v only after l and n, the one place
// pinyin writes it (after j, q, x and y it is written u), so Ürümqi, Aratürük or Müller keep
// their u. Plain "lu" is both 路 lu and 吕 lü, so it is not folded: `umlautSpellings` gives the
// other readings for a look-up that knows only one of them.

// NFD writes ü (ǖ ǘ ǚ ǜ) as u + U+0308 (+ a tone mark); u: is the ASCII stand-in
const L_N_UMLAUT = /(?<=[lnLN])(?:u\u0308|U\u0308|u:(?=\p{L}|$))/gu;

/** ü (any tone) and u: after l or n written as v, in text already in NFD; other ü are left to the mark fold. */
export function umlautAsV(nfd: string): string {
  return nfd.includes('\u0308') || nfd.includes(':') ? nfd.replace(L_N_UMLAUT, (m) => (m[0] === 'U' ? 'V' : 'v')) : nfd;
}

// l or n that starts a syllable (word start, or after a syllable's final vowel, n, g or r),
// then the spelling of ü, then the end of the syllable: the word's end, e (lüe, nüe) or the
// consonant that starts the next syllable
const SYLLABLE = /(?<=^|[aeiouvngr])([ln])(yu|u|v)(?=$|e|[bcdfghjklmpqrstwxyz])/g;

/**
 * The other spellings of a lower-case word whose lü / nü syllables may be written lu, lv or
 * lyu: "luliang" -> ["lvliang"], "lvye" -> ["luye"], "lyuliang" -> ["lvliang", "luliang"].
 * `toV`: only the spellings that write ü as v, as the gazetteer does (lv is never read as
 * lu there: "Lvzhou" 绿洲 is not Luzhou 泸州). At most three such syllables are varied.
 */
export function umlautSpellings(word: string, toV = false): string[] {
  if (!/[ln][uvy]/.test(word)) return [];
  const parts: { at: number; len: number; forms: string[] }[] = [];
  for (const m of word.matchAll(SYLLABLE)) {
    const spelled = m[2];
    const forms = spelled === 'u' ? ['u', 'v'] : spelled === 'v' ? (toV ? ['v'] : ['v', 'u']) : toV ? ['yu', 'v'] : ['yu', 'v', 'u'];
    parts.push({ at: m.index + 1, len: spelled.length, forms });
    if (parts.length === 3) break;
  }
  if (!parts.length) return [];
  let out = [''];
  let from = 0;
  for (const p of parts) {
    const before = word.slice(from, p.at);
    out = out.flatMap((o) => p.forms.map((f) => o + before + f));
    from = p.at + p.len;
  }
  const tail = word.slice(from);
  return out.map((o) => o + tail).filter((w) => w !== word);
}

// One pinyin syllable as names are romanized (tone marks gone, ü written v or u): an optional
// initial and a final. Used to tell a pinyin trade name ("Huafu", "Xinren") from a word that
// cannot be pinyin ("Whsg", "Prtg") and may therefore be an abbreviation.
const SYLLABLE_SOURCE =
  '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|ian|iao|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)';
const PINYIN_WORD = new RegExp(`^(?:${SYLLABLE_SOURCE})+$`);
// Pinyin with tone numbers ("xin1jiang1", "lv4se4"): every syllable carries one, 1-4 or 5 (or 0) for
// the neutral tone. Every syllable, so a digit misread for a letter inside a word ("Ake5u",
// "Ba1yin", "Cha0hu") is not taken for a tone.
const TONE_NUMBERED = new RegExp(`^(?:${SYLLABLE_SOURCE}[0-5]){2,}$`);
const TONE_NUMBERED_SYLLABLE = new RegExp(`^${SYLLABLE_SOURCE}[0-5]$`);
const ONE_SYLLABLE = new RegExp(`^${SYLLABLE_SOURCE}$`);

/** Whether a lower-case word can be read as a run of pinyin syllables ("huafu", "xinjiang"; not "whsg"). */
export function isPinyinWord(word: string): boolean {
  // j, q and x come only before i or ü (written u or v); v only after l or n
  return PINYIN_WORD.test(word) && !/[jqx](?![iuv])|(?<![ln])v/.test(word);
}

/**
 * A lower-case word in pinyin with tone numbers, without them ("hua2fu2" -> "huafu"); other
 * words as they are ("texti1e", "ake5u", "no1", "5g"). `inToneText`: the text around has
 * such words, so one numbered syllable alone ("Shan4") is read the same way.
 */
export function withoutToneNumbers(word: string, inToneText = false): string {
  // two syllables at least, so a number after one word stays ("no1", "a1")
  if (TONE_NUMBERED.test(word) || (inToneText && TONE_NUMBERED_SYLLABLE.test(word))) return word.replace(/[0-5]/g, '');
  return word;
}

/**
 * The initials of a pinyin word of two or more syllables, one string for each way the word
 * splits into syllables: "jingao" -> ["ja", "jg"] (jing-ao, jin-gao), "hongyuan" -> ["hy"].
 * Firms abbreviate their pinyin names so ("JA Solar" for 晶澳, "HY" for 弘元). Empty for a
 * word that is not pinyin or has one syllable.
 */
export function pinyinInitials(word: string): string[] {
  if (word.length > 18 || !isPinyinWord(word)) return [];
  // the splits into the fewest syllables: "gao" is one syllable, not g-a-o
  let fewest = Infinity;
  const found: string[] = [];
  const split = (rest: string, initials: string) => {
    if (initials.length > fewest) return;
    if (!rest) {
      if (initials.length < fewest) found.length = 0;
      fewest = initials.length;
      found.push(initials);
      return;
    }
    for (let len = Math.min(6, rest.length); len >= 1; len--)
      if (ONE_SYLLABLE.test(rest.slice(0, len))) split(rest.slice(len), initials + rest[0]);
  };
  split(word, '');
  return fewest >= 2 ? [...new Set(found)] : [];
}
