// A listed Chinese firm's name as firms in the countries goods pass through write it: their legal
// forms and business words (Vietnamese, Turkish, Indonesian, Spanish) and the region's name in their
// language ("Công ty TNHH Hóa chất Zhongtai Tân Cương"). Each reaches its entry as the English does.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { unlistedFirmNames } from '../../fixtures/unlistedNames';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);

// English words of a listed name, as each language writes them; the legal form before or after the name
const LANGUAGES: Record<string, { words: Record<string, string>; form: (name: string) => string }> = {
  Vietnamese: {
    words: {
      Chemical: 'Hóa chất',
      Textile: 'Dệt may',
      Textiles: 'Dệt may',
      Industry: 'Công nghiệp',
      Trade: 'Thương mại',
      Technology: 'Công nghệ',
      Energy: 'Năng lượng',
      Xinjiang: 'Tân Cương',
    },
    form: (name) => `Công ty TNHH ${name}`,
  },
  Turkish: {
    words: {
      Chemical: 'Kimya',
      Textile: 'Tekstil',
      Textiles: 'Tekstil',
      Industry: 'Sanayi',
      Cotton: 'Pamuk',
      Trade: 'Ticaret',
      Technology: 'Teknoloji',
      Energy: 'Enerji',
      Silicon: 'Silisyum',
    },
    form: (name) => `${name} Sanayi ve Ticaret Ltd. Şti.`,
  },
  Indonesian: {
    words: {
      Chemical: 'Kimia',
      Textile: 'Tekstil',
      Textiles: 'Tekstil',
      Industry: 'Industri',
      Cotton: 'Kapas',
      Trade: 'Perdagangan',
      Energy: 'Energi',
    },
    form: (name) => `PT ${name} Tbk`,
  },
  Spanish: {
    words: {
      Chemical: 'Química',
      Textile: 'Textil',
      Textiles: 'Textil',
      Industry: 'Industria',
      Cotton: 'Algodón',
      Trade: 'Comercio',
      Technology: 'Tecnología',
      Energy: 'Energía',
    },
    form: (name) => `${name} S.A. de C.V.`,
  },
};
const LEGAL = /,?\s*(?:Co\.?,?\s*Ltd\.?|Company Limited|Co\.?\s*Limited|Limited|Ltd\.?|Inc\.?|Corp\.?|Corporation|Group)\.?\s*$/i;

describe('names written in the languages of the countries goods pass through', () => {
  it('reads "Công ty TNHH Hóa chất Zhongtai Tân Cương" and its Turkish, Indonesian and Spanish writings as Xinjiang Zhongtai Chemical', () => {
    for (const q of [
      'Công ty TNHH Hóa chất Zhongtai Tân Cương',
      'Xinjiang Zhongtai Kimya Sanayi ve Ticaret Ltd. Şti.',
      'PT Xinjiang Zhongtai Kimia Tbk',
      'Xinjiang Zhongtai Química S.A. de C.V.',
    ])
      expect(matcher.screen(q)[0]).toMatchObject({ matchedName: 'Xinjiang Zhongtai Chemical Co. Ltd.' });
    expect(matcher.screen('Công ty TNHH Hóa chất Zhongtai Tân Cương')[0].decision).toBe('MATCH');
  });

  const names = list.entries.flatMap((e) =>
    [e.name, ...e.aliases].filter((n) => !/\p{Script=Han}|\(/u.test(n)).map((name) => ({ key: e.key, name })),
  );
  it.each(Object.keys(LANGUAGES))(
    '%s: every listed name so written reaches its entry, MATCH where the English name matches',
    (language) => {
      const { words, form } = LANGUAGES[language];
      let cases = 0;
      const missed: string[] = [];
      for (const { key, name } of names) {
        const bare = name.replace(LEGAL, '').replace(LEGAL, '');
        const translated = bare.replace(/[A-Za-z]+/g, (w) => words[w] ?? w);
        if (translated === bare) continue;
        cases++;
        const written = form(translated);
        const english = matcher.screen(name).find((c) => c.entryKey === key)?.decision;
        const found = matcher.screen(written).find((c) => c.entryKey === key)?.decision;
        if (!found || (english === 'MATCH' && found !== 'MATCH')) missed.push(`${written}: ${found ?? 'nothing'}`);
      }
      expect(cases).toBeGreaterThan(30);
      expect(missed.length / cases).toBeLessThan(0.1);
    },
  );

  it('gives an unlisted name no MATCH for being written so', () => {
    const { words, form } = LANGUAGES.Vietnamese;
    for (const name of unlistedFirmNames('f').slice(0, 1500)) {
      const written = form(name.replace(LEGAL, '').replace(/[A-Za-z]+/g, (w) => words[w] ?? w));
      if (matcher.screen(written)[0]?.decision === 'MATCH') expect(matcher.screen(name)[0]?.decision).toBe('MATCH');
    }
  });
});
