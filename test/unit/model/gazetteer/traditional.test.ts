import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { loadSeedEntityList } from '../../../../src/model/entityList';
import { simplifiedChar, toSimplified } from '../../../../src/model/gazetteer/traditional';
import { PHRASES } from '../../../../src/model/gazetteer/traditionalTable';

const HAN = /\p{Script=Han}/u;
// OpenCC's own converters, simplified to each traditional standard
const TO_TRADITIONAL = (['t', 'tw', 'twp', 'hk'] as const).map((to) => ({ to, convert: OpenCC.Converter({ from: 'cn', to }) }));
const listedChinese = [
  ...new Set(loadSeedEntityList().entries.flatMap((e) => [e.name, ...e.aliases, ...e.formerNames, ...e.localNames])),
].filter((n) => HAN.test(n));

/** OpenCC's TSCharacters as opencc-js ships it: traditional -> simplified, first candidate. */
function openccCharacters(): Map<string, string> {
  const [, characters] = OpenCC.Locale.to.cn[0] as readonly string[];
  return new Map(characters.split('|').map((p) => p.split(' ') as [string, string]));
}

/** Taiwan's words of more than one character (OpenCC's TWPhrasesRev: 資訊科技 for 信息技术): vocabulary, not script. */
function taiwanWords(): string[] {
  const [phrases] = OpenCC.Locale.from.twp[0] as readonly string[];
  return phrases
    .split('|')
    .map((p) => p.split(' ')[0])
    .filter((w) => [...w].length > 1);
}
const TAIWAN_WORDS = taiwanWords();

describe('toSimplified: OpenCC’s traditional-to-simplified table', () => {
  it('folds every Chinese name of the Entity List back from each traditional standard (OpenCC t, tw, twp, hk)', () => {
    expect(listedChinese.length).toBeGreaterThan(10);
    const traditionalChars = new Set<string>();
    for (const name of listedChinese) {
      const simplified = toSimplified(name);
      for (const { to, convert } of TO_TRADITIONAL) {
        const traditional = convert(simplified);
        // The fold reads script (and Taiwan's one-character words, 矽 for 硅), not Taiwan's vocabulary:
        // a name OpenCC rewrites with a Taiwan word (資訊科技) folds back from t and tw here, and
        // screening reads the word through the lexicon (chineseVariants.test.ts).
        if (to === 'twp' && TAIWAN_WORDS.some((w) => traditional.includes(w))) continue;
        expect({ to, name: toSimplified(traditional) }).toEqual({ to, name: simplified });
        for (const c of traditional) if (!simplified.includes(c)) traditionalChars.add(c);
      }
    }
    // every character OpenCC changed in these names, folded on its own too
    expect(traditionalChars.size).toBeGreaterThanOrEqual(20);
    for (const c of traditionalChars) expect(simplifiedChar(c)).not.toBe(c);
  });

  it('leaves simplified text as written, the Entity List’s names included', () => {
    const openccSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const simplifiedNames = listedChinese.filter((n) => n === openccSimplified(n));
    expect(simplifiedNames.length).toBeGreaterThan(10);
    for (const name of simplifiedNames) expect(toSimplified(name)).toBe(name);
    expect(toSimplified('乾元著名什么公司')).toBe('乾元著名什么公司');
  });

  it('agrees with OpenCC on every character of TSCharacters but those simplified text writes with a reading of its own', () => {
    const ts = openccCharacters();
    expect(ts.size).toBeGreaterThan(3000);
    const differ: string[] = [];
    for (const [t, s] of ts) if (toSimplified(t) !== s) differ.push(t);
    // 乾 qián (乾元, 乾隆) is not 干 gān; 於 is kept for the reading pinyin-pro gives it
    expect(differ.sort()).toEqual(['乾', '於'].sort());
    // nor do Taiwan's variant forms change such a character: 著 zhù, 么 me
    expect(toSimplified('著名')).toBe('著名');
    expect(toSimplified('什么')).toBe('什么');
  });

  it('folds Hong Kong and Taiwan variant forms (衞 裡 綫 眾), Taiwan’s 矽 for 硅 and compatibility ideographs', () => {
    expect(toSimplified('合盛矽業')).toBe('合盛硅业');
    expect(toSimplified('衞生')).toBe('卫生');
    expect(toSimplified('裡面')).toBe('里面');
    expect(toSimplified('綫材')).toBe('线材');
    expect(toSimplified('眾')).toBe('众');
    expect(toSimplified('\uF902')).toBe('车'); // CJK COMPATIBILITY IDEOGRAPH-F902, 車
  });

  it('reads 新彊, a variant spelling of 新疆, as the region, and leaves 彊 elsewhere as written', () => {
    expect(toSimplified('新彊維吾爾自治區')).toBe('新疆维吾尔自治区');
    expect(toSimplified('彊')).toBe('彊');
  });

  it('reads a kept character by its phrase, as OpenCC does (乾乾淨淨 is 干干净净), with a phrase never changing the length', () => {
    expect(toSimplified('乾乾淨淨')).toBe('干干净净');
    expect(toSimplified('乾隆')).toBe('乾隆');
    expect(toSimplified('項鍊')).toBe('项链');
    for (const line of PHRASES) {
      for (const pair of line.split('|')) {
        const [t, s] = pair.split(' ');
        expect([...s].length).toBe([...t].length);
      }
    }
  });

  it('returns text without Chinese characters as it is', () => {
    const s = 'Xinjiang Huafu Textile Co., Ltd.';
    expect(toSimplified(s)).toBe(s);
  });

  it('is what scripts/traditional-chinese.ts makes of the installed opencc-js', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'traditional-chinese.ts'), '--check'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
