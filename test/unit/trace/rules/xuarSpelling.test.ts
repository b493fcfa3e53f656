// Misspelt and Uyghur-script XUAR names, and countries the rule cannot read: each class that
// once let a XUAR site trace CLEAR. Typos are read only when a XUAR name is strictly the
// nearest place name (per field), so no one-letter variant of a place elsewhere in China is
// ever read as the XUAR.
import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { chinaDivisionRows } from '../../../../src/model/gazetteer/divisionRows';
import { editDistance } from '../../../../src/model/text/editDistance';
import { locateInXuar, nameIndicators } from '../../../../src/trace/rules';
import { nearestXuarSpelling, respellLocation } from '../../../../src/trace/rules/xuarSpelling';
import { CHINA_DIVISIONS } from '../../../../src/model/gazetteer/chinaDivisions';
import { placeIndex } from '../../../../src/trace/rules/xuarPlaceIndex';
import { UYGHUR_PLACE_NAMES } from '../../../../src/model/gazetteer/uyghurPlaceNames';
import { CYRILLIC_PLACE_NAMES } from '../../../../src/model/gazetteer/cyrillicPlaceNames';
import { countryCodeOf, isCountryCode } from '../../../../src/model/gazetteer/countries';
import { xuarPlaces } from '../../../../src/model/gazetteer/xuarPlaces';
import { palladiusOf } from '../../../../src/model/text/palladius';
import { EXONYMS } from '../../../../src/model/gazetteer/exonyms';
import { isCommonEnglishWord } from '../../../../src/model/text/englishWords';
import { readFileSync } from 'node:fs';

const CN = { country: 'CN' };

describe('misspelt XUAR names', () => {
  it.each([
    ['province', 'Xingjiang', 'Xinjiang'],
    ['province', 'Xinjang', 'Xinjiang'],
    ['province', 'Xinjaing', 'Xinjiang'],
    ['city', 'Urumuqi', 'Urumqi'],
    ['city', 'Urumqui', 'Urumqi'],
    ['city', 'Kashgher', 'Kashghar'],
    ['city', 'Korle', 'Korla'],
    ['city', 'Shanshen', 'Shanshan'],
    ['city', 'Turpen', 'Turpan'],
  ])('%s "%s" is read as %s and placed in the XUAR, the evidence saying so', (field, typo, read) => {
    const r = locateInXuar({ ...CN, [field]: typo });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[0]).toMatch(new RegExp(`^${field} "${typo}" read as "${read}" \\(\\d letters? apart; no other`));
  });

  // every single-word spelling of a XUAR place the rule reads alone (not one shared with a place elsewhere)
  const xuarWords = [...placeIndex().latin].flatMap(([compact, phrases]) =>
    phrases
      .filter((p) => p.words.length === 1 && p.place && !p.place.ambiguous && compact.length >= 5)
      .map((p) => ({ compact, zh: p.place!.zh })),
  );
  const zhOf = new Map(xuarWords.map((w) => [w.compact, w.zh]));
  it.each([
    ['two neighbouring letters swapped', (w: string, i: number) => w.slice(0, i) + w.slice(i + 1, i + 2) + w[i] + w.slice(i + 2), 0.95],
    ['a letter doubled', (w: string, i: number) => w.slice(0, i + 1) + w.slice(i), 0.95],
    ['a letter dropped', (w: string, i: number) => w.slice(0, i) + w.slice(i + 1), 0.85],
  ])('reads a XUAR name with %s as that place, never as another, wherever no other place is as near', (_, slip, share) => {
    let read = 0;
    let cases = 0;
    const wrong: string[] = [];
    for (const { compact, zh } of xuarWords)
      for (let i = 0; i < compact.length; i++) {
        const typo = slip(compact, i);
        if (typo === compact || typo.length < 5) continue;
        cases++;
        const near = nearestXuarSpelling(typo);
        // as near to two XUAR places, it reads as the region: among them must be the one it came from
        const places = near ? [near.spelling, ...near.alsoNear].map((s) => zhOf.get(s)) : [];
        if (places.includes(zh)) read++;
        else if (near) wrong.push(`${typo} (${compact}) read as ${near.spelling}`);
      }
    expect(cases).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
    // the rest are as near to a place elsewhere in China, and stay unread by rule
    expect(read / cases).toBeGreaterThan(share);
    expect(locateInXuar({ ...CN, city: 'Urmuqi' }).evidence[0]).toMatch(/^city "Urmuqi" read as "Urumqi" \(1 letter apart/);
    expect(locateInXuar({ ...CN, address: 'No. 12 Industrial Road, Kasgar City' }).inXuar).toBe(true);
  });

  it('never reads a word that is itself a place elsewhere in China ("Jinjiang" in Fujian, "Xinjian" in Jiangxi)', () => {
    for (const word of ['Jinjiang', 'Xinjian', 'Fuyang', 'Shenzhen', 'Changzhi']) {
      expect(locateInXuar({ ...CN, province: word }).inXuar).toBe(false);
      expect(locateInXuar({ ...CN, city: word }).inXuar).toBe(false);
    }
  });

  it('reads a typo as near to two XUAR places as the region, naming both ("Kulra": Kurla, Kulja; "Alati": Altai, Awati)', () => {
    const kulra = locateInXuar({ ...CN, city: 'Kulra' });
    expect(kulra.inXuar).toBe(true);
    expect(kulra.evidence[0]).toMatch(
      /^city "Kulra" read as in the XUAR: Kurla or Kulja \(each 1 letter apart; no place name in China outside the XUAR is as close\)/,
    );
    expect(nearestXuarSpelling('alati')).toMatchObject({ edits: 1, alsoNear: [expect.any(String)] });
    expect(locateInXuar({ ...CN, address: 'No. 3 Industrial Park, Alati' }).inXuar).toBe(true);
    // a tie with a place elsewhere is still no reading
    expect(locateInXuar({ ...CN, city: 'Yinning' }).inXuar).toBe(false);
  });

  it('leaves a typo as close to another place as to a XUAR one unread ("Yinning": Yining, Xinning)', () => {
    expect(nearestXuarSpelling('yinning')).toBeNull();
    expect(locateInXuar({ ...CN, city: 'Yinning' }).inXuar).toBe(false);
  });

  it('keeps the rule: a respelled name still yields to a real other country, and a street stays a street', () => {
    expect(locateInXuar({ country: 'KZ', city: 'Aksuu' }).inXuar).toBe(false);
    expect(locateInXuar({ ...CN, address: 'Xinjaing Road, Huangpu District', city: 'Shanghai' }).inXuar).toBe(false);
  });

  it('reads words that name JavaScript object keys as words ("constructor", "toString")', () => {
    expect(locateInXuar({ ...CN, city: 'constructor', address: '__proto__ toString hasOwnProperty' }).inXuar).toBe(false);
    expect(nameIndicators(['constructor valueOf Trading'])).toEqual([]);
  });

  it('ignores ordinary words and short words (Hotel, Manor, Texas; under five letters)', () => {
    for (const w of ['Hotel', 'Manor', 'Texas', 'Plaza', 'Hamy']) expect(respellLocation({ city: w, address: `1 ${w} Street` })).toBeNull();
  });

  // every county-level and larger place outside the XUAR, one letter changed: never read as the XUAR
  // (names spelled exactly like a XUAR name, 新绛 "Xinjiang", are the place rule's look-alikes, decided as written)
  const idx = placeIndex();
  const elsewhere = CHINA_DIVISIONS.split('\n')
    .map((l) => l.split(' '))
    .filter(([code, , , pinyin]) => pinyin && !code.startsWith('65') && pinyin.length >= 5)
    .map(([, , , pinyin]) => pinyin)
    .filter((pinyin) => !idx.latin.get(pinyin)?.some((p) => p.place));
  it(`property: no one-letter variant of any of ${elsewhere.length} places outside the XUAR is read as a XUAR name`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...elsewhere),
        fc.nat(),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        fc.constantFrom('sub', 'del', 'ins', 'swap'),
        (name, at, c, op) => {
          const i = at % name.length;
          const typo =
            op === 'sub'
              ? name.slice(0, i) + c + name.slice(i + 1)
              : op === 'del'
                ? name.slice(0, i) + name.slice(i + 1)
                : op === 'ins'
                  ? name.slice(0, i) + c + name.slice(i)
                  : name.slice(0, i) + name.slice(i + 1, i + 2) + name[i] + name.slice(i + 2);
          const near = nearestXuarSpelling(typo);
          // read only when strictly nearer to the XUAR name than to the place it came from
          if (near) expect(near.edits).toBeLessThan(editDistance(typo, name, 3));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('names in the Uyghur script', () => {
  it.each(UYGHUR_PLACE_NAMES.map(([u, l]) => [u, l]))('address "%s" is placed in the XUAR as %s', (uyghur, latin) => {
    const r = locateInXuar({ ...CN, address: `${uyghur} شەھىرى` });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[0]).toContain(`is the Uyghur-script name of ${latin}`);
  });
  it('reads Arabic and Persian letter forms as the Uyghur ones (ي/ی for ى, ک for ك)', () => {
    expect(locateInXuar({ ...CN, address: 'شینجاڭ' }).inXuar).toBe(true);
    expect(locateInXuar({ ...CN, address: 'کورلا' }).inXuar).toBe(true);
  });
});

describe('countries the rule cannot read', () => {
  it('only a real other country rules a XUAR name out; an unreadable one counts as not given', () => {
    const zz = locateInXuar({ country: 'ZZ', province: 'Xinjiang' });
    expect(zz.inXuar).toBe(true);
    expect(zz.evidence.join(' ')).toContain('country "ZZ" is not a country code or name');
    expect(locateInXuar({ country: 'Chine', city: '乌鲁木齐' }).inXuar).toBe(true);
    expect(locateInXuar({ country: 'Kazakhstan', city: 'Aksu' }).inXuar).toBe(false);
    expect(locateInXuar({ country: 'KZ', city: 'Aksu' }).inXuar).toBe(false);
  });
  it('knows codes and English names from CLDR, not made-up codes', () => {
    expect(isCountryCode('cn')).toBe(true);
    expect(isCountryCode('XJ')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
    expect(countryCodeOf('Kazakhstan')).toBe('KZ');
    expect(countryCodeOf('Viet Nam')).toBe('VN');
    expect(countryCodeOf('Chine')).toBeUndefined();
    expect(countryCodeOf('vietnam')).toBe('VN');
  });
});

describe('XUAR names written apart, and the region as a code', () => {
  const places = xuarPlaces();
  const zhNames = [...places.prefectureLevel, ...places.countyLevel, ...places.xpccCities]
    .map((p) => p.zh)
    .filter((z): z is string => !!z && z.length >= 2);

  it('reads every Chinese XUAR place name with spaces between its characters as it reads it written together', () => {
    expect(zhNames.length).toBeGreaterThan(80);
    const differ = zhNames.flatMap((zh) =>
      [' ', '\u3000', '  '].flatMap((gap) => {
        const address = `新疆${zh}人民路8号`;
        const apart = [...address].join(gap);
        return locateInXuar({ ...CN, address: apart }).inXuar === locateInXuar({ ...CN, address }).inXuar ? [] : [apart];
      }),
    );
    expect(differ).toEqual([]);
    expect(locateInXuar({ ...CN, address: '新 疆 乌 鲁 木 齐 市 天 山 区' }).inXuar).toBe(true);
  });

  it.each(['CN-XJ', 'XJ', 'cn-xj', 'CN-65', '65', '650000'])(
    'reads a province field "%s" as Xinjiang, the evidence naming the code',
    (code) => {
      const r = locateInXuar({ ...CN, province: code });
      expect(r.inXuar).toBe(true);
      expect(r.evidence[0]).toBe(`province "${code}" is the code of Xinjiang (ISO 3166-2 CN-XJ, formerly CN-65; GB/T 2260 650000)`);
    },
  );

  it('reads a province field holding the one-character abbreviation 新 as Xinjiang; no other field, no other abbreviation', () => {
    expect(locateInXuar({ ...CN, province: ' 新 ' }).evidence[0]).toBe(
      `province "新" is Xinjiang's one-character abbreviation (as on its licence plates)`,
    );
    for (const province of ['京', '沪', '藏', '宁', '新A', '新区', '新城'])
      expect(locateInXuar({ ...CN, province, city: 'Hefei' }).inXuar).toBe(false);
    expect(locateInXuar({ ...CN, city: '新', address: '新' }).inXuar).toBe(false);
  });

  it("does not read other provinces' codes, or the digits elsewhere than the province field, as Xinjiang", () => {
    for (const province of ['CN-BJ', 'CN-XZ', 'CN-64', '54', '640000', '6500', 'XJS'])
      expect(locateInXuar({ ...CN, province, city: 'Hefei' }).inXuar).toBe(false);
    // 65xxxx is a Yunnan postcode
    expect(locateInXuar({ ...CN, address: 'Kunming 650000', city: 'Kunming' }).inXuar).toBe(false);
  });
});

describe('XUAR names written in Chinese with one slip', () => {
  const idx = placeIndex();
  // the names the rule reads alone (not shared with a place elsewhere), three characters or more
  const names = [
    ...new Set(
      [...idx.cjkByFirst.values()]
        .flat()
        .filter((c) => c.place && !c.place.ambiguous && [...c.text].length >= 3)
        .map((c) => c.text),
    ),
  ];
  const divisions = chinaDivisionRows();
  const pool = [...new Set(divisions.flatMap((r) => [...r.zh]))];
  const readings = (c: string) => pinyin(c, { toneType: 'none', type: 'array', multiple: true, v: true });
  const inXuar = (address: string) => locateInXuar({ ...CN, address: `${address}工业园区8号` });
  const slipped = (make: (chars: string[], k: number) => string | undefined, minLength: number) =>
    names
      .filter((n) => [...n].length >= minLength)
      .flatMap((n) => [...n].map((_, k) => make([...n], k)).filter((v): v is string => !!v && v !== n))
      // a slip that writes another place's name is that place
      .filter((v) => !divisions.some((r) => r.zh === v || r.zh + r.suffix === v));

  it.each([
    [
      'a character dropped, in a name of four characters or more',
      (c: string[], k: number) => [...c.slice(0, k), ...c.slice(k + 1)].join(''),
      4,
    ],
    ['a character doubled', (c: string[], k: number) => [...c.slice(0, k + 1), ...c.slice(k)].join(''), 3],
    [
      'two characters swapped',
      (c: string[], k: number) => (k + 1 < c.length ? [...c.slice(0, k), c[k + 1], c[k], ...c.slice(k + 2)].join('') : undefined),
      3,
    ],
    [
      'a character of the same sound',
      (c: string[], k: number) => {
        const other = pool.find((x) => x !== c[k] && readings(x).some((r) => readings(c[k]).includes(r)));
        return other && [...c.slice(0, k), other, ...c.slice(k + 1)].join('');
      },
      3,
    ],
  ])('places an address with %s in the XUAR, the evidence naming it', (slip, make, minLength) => {
    const cases = slipped(make, minLength);
    expect(cases.length).toBeGreaterThan(40);
    expect(cases.filter((c) => !inXuar(c).inXuar)).toEqual([]);
    // (one that still holds the name as written, "乌乌鲁木齐", is read as written)
    const read = cases.map((c) => inXuar(c).evidence[0]).filter((e) => e.includes(' read as '));
    expect(read.length).toBeGreaterThan(40);
    for (const e of read) expect(e).toMatch(new RegExp(`^address "[^"]+" read as "[^"]+" \\(${slip.split(',')[0]};`));
  });

  it('reads no address elsewhere in China as a slip of a XUAR name', () => {
    const streets = ['人民路', '解放大道', '建设南街', '胜利东路', '工业园区'];
    const read = divisions
      .filter((r) => !r.code.startsWith('65'))
      .flatMap((r, i) => {
        const address = `${r.zh}${r.suffix}${streets[i % streets.length]}${i % 300}号`;
        return respellLocation({ address }) ? [address] : [];
      });
    expect(read).toEqual([]);
    expect(locateInXuar({ ...CN, address: '乌木齐市天山区' }).inXuar).toBe(true);
    // two characters left of a three-character name name too many places
    expect(respellLocation({ address: '吐番市人民路' })).toBeNull();
  });
});

describe('names in Cyrillic, as Russian and Kazakh papers write them', () => {
  it.each(CYRILLIC_PLACE_NAMES.map(([c, l]) => [c, l]))('address "%s" is placed in the XUAR as %s', (cyrillic, latin) => {
    const r = locateInXuar({ ...CN, address: `г. ${cyrillic}, ул. Ленина, 5` });
    expect(r.inXuar).toBe(true);
    expect(r.evidence.join(' ')).toContain(`is the Russian or Kazakh name of ${latin}`);
  });

  it('reads a name in any letter case, and a whole Russian address', () => {
    expect(locateInXuar({ ...CN, city: 'УРУМЧИ' }).inXuar).toBe(true);
    expect(locateInXuar({ country: null, address: 'г. Урумчи, Синьцзян-Уйгурский автономный район' }).inXuar).toBe(true);
  });

  it('reads no part of a longer word, no ordinary Russian word, and no place of another country', () => {
    expect(respellLocation({ address: 'ул. Аксуат, 12, Алматы' })).toBeNull();
    expect(respellLocation({ address: 'Москва или Казань, куча товаров' })).toBeNull();
    expect(locateInXuar({ country: 'KZ', city: 'Аксу' }).inXuar).toBe(false);
    expect(locateInXuar({ country: 'RU', address: 'Республика Алтай, г. Горно-Алтайск' }).inXuar).toBe(false);
  });

  // every XUAR place of two syllables or more, its pinyin name written syllable by syllable in Palladius
  const xuarInPalladius = (() => {
    const seen = new Set<string>();
    const out: { cyrillic: string; latin: string }[] = [];
    for (const [compact, phrases] of placeIndex().latin)
      for (const p of phrases) {
        if (p.words.length !== 1 || !p.place || p.place.ambiguous || seen.has(p.place.zh)) continue;
        const syllables = pinyin(p.place.zh.replace(/(?:市|县|区|地区|自治州|自治县)$/, ''), { toneType: 'none', type: 'array', v: true });
        if (syllables.length < 2 || syllables.join('') !== compact) continue;
        const cyrillic = syllables.map(palladiusOf).join('');
        seen.add(p.place.zh);
        out.push({ cyrillic: cyrillic[0].toUpperCase() + cyrillic.slice(1), latin: compact });
      }
    return out;
  })();
  it(`places every XUAR place written in Palladius (${xuarInPalladius.length} places: Шачэ, Пишань; Или is the word "or"), with the spelling it read`, () => {
    expect(xuarInPalladius.length).toBeGreaterThan(60);
    const missed = xuarInPalladius.filter(
      ({ cyrillic }) => cyrillic !== 'Или' && !locateInXuar({ ...CN, address: `ул. Промышленная 5, г. ${cyrillic}` }).inXuar,
    );
    expect(missed).toEqual([]);
    expect(locateInXuar({ ...CN, city: 'Шачэ' }).evidence.join(' ')).toContain(
      '"Шачэ" is the Russian or Kazakh (Palladius) spelling of Shache',
    );
  });

  it('reads a Russian name in its case forms and as an adjective ("в Турфане", "Кашгарский округ", "Кульджинский")', () => {
    for (const address of [
      'г. Турфан',
      'в Турфане',
      'из Яркенда',
      'Кашгарский округ',
      'Хотанская область',
      'под Кульджой',
      'Кульджинский уезд',
      'в Алтае',
      'Карамайский',
    ]) {
      const r = locateInXuar({ ...CN, address });
      expect([address, r.inXuar]).toEqual([address, true]);
    }
    expect(locateInXuar({ ...CN, address: 'Хотанская область' }).evidence.join(' ')).toContain(
      '"Хотан" is the Russian or Kazakh name of Hotan',
    );
    // a longer word is another word; an undeclined name stays as written
    for (const address of ['Турфанистан', 'Кашгарщина Ltd', 'Аксуат'])
      expect([address, locateInXuar({ ...CN, address }).inXuar]).toEqual([address, false]);
  });

  it('reads no Russian prose as a XUAR place (TypeScript’s Russian messages as addresses; или is "or", not Yili)', () => {
    const text = readFileSync(require.resolve('typescript/lib/ru/diagnosticMessages.generated.json'), 'utf8');
    const sentences = text.split(/["\n]/).filter((s) => /\p{Script=Cyrillic}{3}/u.test(s));
    expect(sentences.length).toBeGreaterThan(1500);
    expect(sentences.filter((s) => locateInXuar({ ...CN, address: s }).inXuar)).toEqual([]);
  });
});

describe('names in the languages of the countries goods pass through', () => {
  it.each(EXONYMS.map((e) => [e.written, e.language, e.latin]))(
    'address "%s" (%s) is placed in the XUAR as %s',
    (written, language, latin) => {
      const r = locateInXuar({ ...CN, address: `${written} 12` });
      expect(r.inXuar).toBe(true);
      expect(r.evidence.join(' ')).toContain(`"${written}" is the ${language} name of ${latin}`);
    },
  );

  it('reads a name whatever its Unicode form and letter case (Vietnamese decomposed, Turkish in capitals)', () => {
    expect(locateInXuar({ ...CN, address: 'Khu tự trị Duy Ngô Nhĩ Tân Cương'.normalize('NFD') }).inXuar).toBe(true);
    expect(locateInXuar({ ...CN, city: 'URUMÇI' }).inXuar).toBe(true);
    expect(locateInXuar({ ...CN, address: '신장위구르자치구 우루무치시' }).inXuar).toBe(true); // spaces left out
  });

  it('reads a name typed without its diacritics ("Tan Cuong", "Dogu Turkistan"), as ERP exports and telex habits write them', () => {
    for (const address of ['Khu tu tri Duy Ngo Nhi Tan Cuong', 'O Lo Moc Te', 'DOGU TURKISTAN', 'Sincan Uygur Ozerk Bolgesi', 'Tân Cuong'])
      expect([address, locateInXuar({ ...CN, address }).inXuar]).toEqual([address, true]);
    expect(locateInXuar({ ...CN, address: 'Tan Cuong' }).evidence.join(' ')).toContain('"Tân Cương" is the Vietnamese name of Xinjiang');
    // an apostrophe as any apostrophe or none; Weiwuer alone is the people's name, not a place
    for (const address of ['Weiwuer Zizhiqu', 'Weiwu’er Zizhiqu', 'WEIWUERZIZHIQU'])
      expect([address, locateInXuar({ ...CN, address }).inXuar]).toEqual([address, true]);
    expect(locateInXuar({ ...CN, address: 'Weiwuer Canting, Chaoyang, Beijing' }).inXuar).toBe(false);
    // a name another country shares still needs China as the country, with or without its marks
    expect(locateInXuar({ country: 'VN', address: 'Tan Cuong, Thai Nguyen' }).inXuar).toBe(false);
  });

  it('reads a Korean name with its rank written on (우루무치시, Urumqi City), as Korean addresses write them', () => {
    for (const address of ['우루무치시 사이바커구', '카슈가르시', '허톈시 위톈현', '투루판 지구', '신장웨이우얼자치구']) {
      const r = locateInXuar({ ...CN, address });
      expect([address, r.inXuar]).toEqual([address, true]);
    }
    expect(locateInXuar({ ...CN, address: '우루무치시' }).evidence.join(' ')).toContain('"우루무치" is the Korean name of Urumqi');
    // a rank is the whole rest of the word: 우루무치시장 (Urumqi's market, or mayor) is no place name
    expect(locateInXuar({ ...CN, address: '우루무치시장' }).inXuar).toBe(false);
  });

  it.each(['ko', 'ja'])('reads no %s prose as a XUAR place (TypeScript’s messages in it, as addresses)', (lang) => {
    const text = readFileSync(require.resolve(`typescript/lib/${lang}/diagnosticMessages.generated.json`), 'utf8');
    const sentences = text.split(/["\n]/).filter((s) => s.trim().length > 3);
    expect(sentences.length).toBeGreaterThan(4000);
    expect(sentences.filter((s) => locateInXuar({ ...CN, address: s }).inXuar)).toEqual([]);
  });

  it('reads a name another country shares (Tân Cương in Thái Nguyên, Sincan in Ankara) only where the country is China', () => {
    for (const e of EXONYMS.filter((x) => x.alsoNames)) {
      expect(locateInXuar({ country: 'China', address: e.written }).inXuar).toBe(true);
      expect(locateInXuar({ country: null, address: e.written }).inXuar).toBe(false);
      expect(locateInXuar({ country: e.written === 'Sincan' ? 'TR' : 'VN', address: e.written }).inXuar).toBe(false);
    }
  });

  it('reads no part of a longer word ("Sincanlı", "Shinjonov")', () => {
    expect(locateInXuar({ ...CN, address: 'Sincanlı Mahallesi 4' }).inXuar).toBe(false);
    expect(respellLocation({ country: 'CN', address: 'Shinjonov street' })).toBeNull();
  });
});

describe('XUAR names written so that no word is the name', () => {
  const idx = placeIndex();
  const xuarWords = [...idx.latin]
    .filter(([c, ps]) => c.length >= 5 && ps.some((p) => p.words.length === 1 && p.place && !p.place.ambiguous))
    .map(([c]) => c);
  // places elsewhere, with where pinyin breaks them: after the first syllable
  const elsewhere = chinaDivisionRows()
    .filter((r) => !r.code.startsWith('65') && r.pinyin.length >= 5 && !idx.latin.get(r.pinyin)?.some((p) => p.place))
    .map((r) => ({ word: r.pinyin, at: pinyin(r.zh[0], { toneType: 'none', v: true }).length }))
    .filter(({ word, at }) => at > 0 && at < word.length);
  const styles: [string, (w: string, at?: number) => string][] = [
    ['spaced out', (w) => [...w].join(' ')],
    ['dotted out', (w) => [...w].join('.') + '.'],
    ['broken by a hyphen', (w, at = 3) => `${w.slice(0, at)}-${w.slice(at)}`],
    ['broken by a space', (w, at = 3) => `${w.slice(0, at)} ${w.slice(at)}`],
    ['with a digit for a letter', (w) => w.replace(/[ios](?=.)/, (c) => ({ i: '1', o: '0', s: '5' })[c]!)],
  ];
  it.each(styles)('places every XUAR name %s, and no place elsewhere in China so written', (_, write) => {
    // two English words are left apart by rule ("hot an", "man as")
    const english = (w: string) =>
      write(w).split(/[ -]/).length === 2 &&
      write(w)
        .split(/[ -]/)
        .every((p) => isCommonEnglishWord(p));
    const missed = xuarWords.filter(
      (w) => write(w) !== w && !english(w) && !locateInXuar({ ...CN, address: `No. 8 Road, ${write(w)}` }).inXuar,
    );
    expect(missed).toEqual([]);
    const misread = elsewhere.filter(
      ({ word, at }) => write(word, at) !== word && locateInXuar({ ...CN, address: `No. 8 Road, ${write(word, at)}` }).inXuar,
    );
    expect(misread).toEqual([]);
  });

  it('places a XUAR name in pinyin with tone numbers, and says how each was read', () => {
    expect(locateInXuar({ ...CN, city: 'Wu1lu3mu4qi2' }).evidence[0]).toBe(
      'city "Wu1lu3mu4qi2" read as "wulumuqi" (pinyin with tone numbers)',
    );
    expect(locateInXuar({ ...CN, address: 'Urum-qi' }).evidence[0]).toBe(
      'address "Urum-qi" read as "urumqi" (one name written in two pieces)',
    );
    expect(locateInXuar({ ...CN, address: 'U r u m q i' }).evidence[0]).toBe(
      'address "U r u m q i": letters written apart read as "Urumqi"',
    );
  });

  it('joins no two English words that happen to spell a XUAR name ("Man as": Manas), and keeps a street a street', () => {
    expect(locateInXuar({ ...CN, address: 'Man as Road 5' }).inXuar).toBe(false);
    expect(locateInXuar({ ...CN, address: 'He Tian Road, Huangpu District', city: 'Shanghai' }).inXuar).toBe(false);
  });
});

describe('a XUAR postcode', () => {
  it.each([
    ['No. 5 Industrial Road, 830011', '830011'],
    ['邮编 844000 工业园区', '844000'],
    ['Postcode: 848000, Industrial Park', '848000'],
    ['Zip 836500', '836500'],
  ])('places "%s" in the XUAR where the country is China', (address, code) => {
    const r = locateInXuar({ ...CN, address });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[0]).toContain(`postcode ${code} is the XUAR's`);
  });

  it("reads no postcode of another country (India's PIN 834001), none without a country, and no other six-digit number", () => {
    expect(locateInXuar({ country: 'IN', address: 'Ranchi 834001' }).inXuar).toBe(false);
    expect(locateInXuar({ country: null, address: 'Industrial Road 830011' }).inXuar).toBe(false);
    expect(locateInXuar({ ...CN, address: 'Room 830011, Tower B, Pudong' }).inXuar).toBe(false);
    expect(locateInXuar({ ...CN, address: 'Tower B, Room 830011' }).inXuar).toBe(false);
    expect(locateInXuar({ ...CN, address: 'Building 3, Unit 840012' }).inXuar).toBe(false);
    expect(locateInXuar({ ...CN, address: 'Spc 830011 Industrial' }).inXuar).toBe(false);
    expect(locateInXuar({ ...CN, address: 'Jiangsu Suzhou 215000' }).inXuar).toBe(false);
  });
});
