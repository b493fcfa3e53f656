// Typo lookup: fuse.js over the list's name words (one index per query length band), results
// cached per query word since supplier sheets repeat words endlessly. A symmetric-deletion
// set tells first whether any listed word lies within the allowed edits (or shares a
// seven-letter stem), so fuse only runs when it can find something.
import Fuse from 'fuse.js';
import { allowedEdits, deletionsUpTo, STEM_LENGTH, tokenSimilarity } from '../fuzzy';
import { isPinyinWord } from '../../model/text/pinyin';
import { soundKey } from '../soundKey';

const FUZZY_CACHE_MAX = 100_000;
const STEM = '\u0000';
// A brand spelled by ear ("Apecs" for Apex): as near as one typo in a five-letter word.
const SOUND_SIM = 0.84;

export class TypoLookup {
  private readonly nearKeys = new Set<string>();
  private readonly fuseByLength = new Map<number, Fuse<string>>();
  private readonly cache = new Map<string, Map<string, number>>();
  /** Listed words that are not pinyin, by how they sound. */
  private readonly bySound = new Map<string, string[]>();

  /** `vocabulary`: the list's name words; `known`: words that are listed as they are (never typos). */
  constructor(
    private readonly vocabulary: string[],
    private readonly known: ReadonlyMap<string, unknown>,
  ) {
    for (const w of vocabulary) {
      if (w.length < 4) continue;
      for (const d of deletionsUpTo(w, 2)) this.nearKeys.add(d);
      if (w.length >= STEM_LENGTH) this.nearKeys.add(STEM + w.slice(0, STEM_LENGTH));
      const key = isPinyinWord(w) ? null : soundKey(w);
      if (key) this.bySound.set(key, [...(this.bySound.get(key) ?? []), w]);
    }
  }

  get cacheSize(): number {
    return this.cache.size;
  }

  /** Listed name words that `word` may be a typo of, with their similarity. */
  similarWords(word: string): Map<string, number> {
    let hit = this.cache.get(word);
    if (hit) return hit;
    hit = new Map();
    if (word.length >= 4 && !/^\d+$/.test(word) && !this.known.has(word) && this.couldBeTypo(word)) {
      for (const r of this.fuseFor(word.length).search(word)) {
        const sim = tokenSimilarity(word, r.item);
        if (sim > 0) hit.set(r.item, sim);
      }
    }
    const key = word.length >= 4 && !this.known.has(word) && !isPinyinWord(word) ? soundKey(word) : null;
    for (const w of (key && this.bySound.get(key)) || []) if (w !== word && (hit.get(w) ?? 0) < SOUND_SIM) hit.set(w, SOUND_SIM);
    if (this.cache.size >= FUZZY_CACHE_MAX) this.cache.clear();
    this.cache.set(word, hit);
    return hit;
  }

  private couldBeTypo(word: string): boolean {
    return (
      (word.length >= STEM_LENGTH && this.nearKeys.has(STEM + word.slice(0, STEM_LENGTH))) ||
      deletionsUpTo(word, allowedEdits(word.length)).some((d) => this.nearKeys.has(d))
    );
  }

  private fuseFor(len: number): Fuse<string> {
    let f = this.fuseByLength.get(len);
    if (!f) {
      const band = this.vocabulary.filter((w) => w.length >= 4 && w.length >= len - 2 && w.length <= len + 4);
      f = new Fuse(band, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true });
      this.fuseByLength.set(len, f);
    }
    return f;
  }
}
