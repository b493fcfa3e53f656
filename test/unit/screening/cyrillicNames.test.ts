// Firm names written in Cyrillic, as Russian, Kazakh and Kyrgyz papers write them: the name's own
// words in Palladius spelling, business words and legal forms in Russian or respelled English. A
// listed name so written reaches its entry; an unlisted one gains nothing it would not as written
// in Latin letters; Russian prose is no firm's name.
import { readFileSync } from 'node:fs';
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { cyrillicReading } from '../../../src/screening/matcher/cyrillicNames';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { palladiusOf } from '../../../src/model/text/palladius';
import { isPinyinWord } from '../../../src/model/text/pinyin';
import { unlistedFirmNames } from '../../fixtures/unlistedNames';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);

// the business words as Russian papers write them: the English respelled, or the Russian word
const RUSSIAN: Record<string, string[]> = {
  co: ['Ко', 'Компани'],
  ltd: ['Лтд'],
  limited: ['Лимитед'],
  company: ['Компания', 'Компани'],
  group: ['Групп', 'Группа'],
  chemical: ['Кемикал', 'Химическая'],
  textile: ['Текстиль', 'Текстайл'],
  textiles: ['Текстиль'],
  industry: ['Индастри', 'Промышленная'],
  industrial: ['Индастриал', 'Промышленная'],
  technology: ['Технолоджи', 'Технологии'],
  trade: ['Трейд', 'Торговая'],
  trading: ['Трейдинг', 'Торговая'],
  international: ['Интернешнл', 'Международная'],
  development: ['Девелопмент'],
  new: ['Нью', 'Новые'],
  cotton: ['Коттон', 'Хлопковая'],
  energy: ['Энерджи', 'Энергетическая'],
  material: ['Материал'],
  materials: ['Материалы', 'Материалс'],
  food: ['Фуд', 'Пищевая'],
  silicon: ['Силикон', 'Кремниевая'],
  corporation: ['Корпорейшн', 'Корпорация'],
  products: ['Продукты'],
  import: ['Импорт'],
  export: ['Экспорт'],
  and: ['энд', 'и'],
  mining: ['Майнинг', 'Горнодобывающая'],
  gold: ['Голд'],
  logistics: ['Логистикс'],
  warehousing: ['Складская'],
  linen: ['Лен'],
  spinning: ['Спиннинг', 'Прядильная'],
  electronics: ['Электроникс'],
  fiber: ['Файбер'],
  aluminum: ['Алюминиевая'],
  inner: ['Внутренняя'],
  mongolia: ['Монголия'],
  sugar: ['Сахарная'],
  // trade names in English letters, respelled letter for letter
  pioneering: ['Пионеринг'],
  goroe: ['Гороэ'],
};
const SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|ian|iao|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)$/;
/** A pinyin word's syllables, the fewest ("jiangyin" → jiang, yin). */
function syllablesOf(word: string): string[] | null {
  const best: (string[] | null)[] = [[]];
  for (let i = 1; i <= word.length; i++) {
    best[i] = null;
    for (let len = Math.min(6, i); len >= 1; len--) {
      const before = best[i - len];
      if (before && SYLLABLE.test(word.slice(i - len, i)) && (!best[i] || before.length + 1 < best[i]!.length))
        best[i] = [...before, word.slice(i - len, i)];
    }
  }
  return best[word.length];
}
/** The name as a Russian paper writes it (`style` picks among the business words' forms), or null where a word is neither pinyin nor in the table. */
function inCyrillic(name: string, style = 0): string | null {
  let whole = true;
  const out = name.replace(/[A-Za-z]+/g, (w) => {
    const lower = w.toLowerCase();
    const russian = RUSSIAN[lower];
    if (russian) return russian[style % russian.length];
    const syllables = isPinyinWord(lower) ? syllablesOf(lower) : null;
    const cyrillic = syllables?.map(palladiusOf).join('');
    if (!cyrillic || cyrillic.includes('undefined')) whole = false;
    return cyrillic ? cyrillic[0].toUpperCase() + cyrillic.slice(1) : w;
  });
  return whole ? out : null;
}

describe('firm names written in Cyrillic', () => {
  it('reads a name word for word: Palladius as pinyin, business words and legal forms as English, the reason saying so', () => {
    const [top] = matcher.screen('ООО «Синьцзян Чжунтай Кемикал Ко., Лтд.»');
    expect(top).toMatchObject({ decision: 'MATCH', matchedName: 'Xinjiang Zhongtai Chemical Co. Ltd.' });
    expect(top.reason).toContain('read from Cyrillic: ООО → LLC, Синьцзян → Xinjiang, Чжунтай → Zhongtai, Кемикал → Chemical');
    // a Russian adjective of a place, and the Russian words themselves
    expect(matcher.screen('Синьцзянская химическая компания Чжунтай')[0]).toMatchObject({
      decision: 'MATCH',
      matchedName: 'Xinjiang Zhongtai Chemical Co. Ltd.',
    });
    expect(matcher.screen('Аксу Хуафу Текстиль')[0]).toMatchObject({ decision: 'MATCH' });
  });

  it('of two readings Palladius writes alike, takes the one the list knows (Цзянинь: Jiangyin, not Jianin)', () => {
    expect(cyrillicReading('Цзянинь Ляньюнь', (w) => w === 'jiangyin')?.text).toBe('Jiangyin Lianyun');
    expect(matcher.screen('Цзянинь Ляньюнь Ко., Лтд.')[0]).toMatchObject({ decision: 'MATCH', matchedName: 'Jiangyin Lianyun Co. Ltd.' });
  });

  it('leaves a Latin word with a Cyrillic look-alike letter to the disguise rule, and a name with no Cyrillic alone', () => {
    expect(cyrillicReading('Xinjiang Zhоngtai')).toBeNull(); // Cyrillic о inside a Latin word
    expect(cyrillicReading('Xinjiang Zhongtai')).toBeNull();
    expect(matcher.screen('Xinjiang Zhоngtai Chemical')[0]).toMatchObject({ decision: 'MATCH' });
  });

  const listed = list.entries.flatMap((e) =>
    [e.name, ...e.aliases]
      .flatMap((name) => [0, 1].map((style) => ({ key: e.key, name, cyrillic: inCyrillic(name, style) })))
      .filter((n) => n.cyrillic),
  );
  it(`reaches the entry of every listed name written in Cyrillic (${listed.length} writings), MATCH where the Latin name matches`, () => {
    expect(listed.length).toBeGreaterThan(150);
    const missed: string[] = [];
    let match = 0;
    for (const { key, name, cyrillic } of listed) {
      const latin = matcher.screen(name).find((c) => c.entryKey === key);
      const found = matcher.screen(cyrillic!).find((c) => c.entryKey === key);
      if (!found) missed.push(`${cyrillic} (${name})`);
      else if (found.decision === 'MATCH' || latin?.decision !== 'MATCH') match++;
    }
    expect(missed).toEqual([]);
    expect(match / listed.length).toBeGreaterThan(0.9);
  });

  it('gives an unlisted name in Cyrillic no MATCH it lacks in Latin letters', () => {
    let names = 0;
    for (const name of unlistedFirmNames('c')) {
      const cyrillic = inCyrillic(name);
      if (!cyrillic) continue;
      names++;
      if (matcher.screen(cyrillic)[0]?.decision === 'MATCH') expect(matcher.screen(name)[0]?.decision).toBe('MATCH');
    }
    expect(names).toBeGreaterThan(300);
  });

  it('reads Russian prose as no firm of the list (TypeScript’s Russian messages, 1,500 sentences)', () => {
    const text = readFileSync(require.resolve('typescript/lib/ru/diagnosticMessages.generated.json'), 'utf8');
    const sentences = text
      .split(/["\n.,:;]/)
      .filter((s) => /\p{Script=Cyrillic}{3}/u.test(s))
      .slice(0, 1500);
    expect(sentences.length).toBe(1500);
    for (const s of sentences) expect(matcher.screen(s).filter((c) => c.decision === 'MATCH')).toEqual([]);
  });
});
