// The rules that read names and places see through disguise (look-alike letters, full-width
// forms, invisible and direction-control characters), and quote the text as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateInXuar, nameIndicators } from '../../../../src/trace/rules';
import { DISGUISE_CLASSES, disguiseName, STYLED_CLASSES, styleName } from '../../../fixtures/disguise';
import { readingsOf } from '../../../../src/model/text/disguise';

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

describe('name indicators read disguised names', () => {
  it('finds Xinjiang, XPCC and Bingtuan through look-alike letters and invisible characters, naming the name as written', () => {
    expect(nameIndicators(['Xinjiаng Zhоntai Chemicаl Cо., Ltd.'])).toEqual([
      { term: 'Xinjiang', name: 'Xinjiаng Zhоntai Chemicаl Cо., Ltd.' },
    ]);
    expect(nameIndicators(['ХРСС Cotton Trading']).map((h) => h.term)).toEqual(['XPCC']);
    expect(
      nameIndicators(['Bing\u200btuan Agricultural', 'Xin\u00adjiang Textiles', '\u202eXinjiang\u202c Co']).map((h) => h.term),
    ).toEqual(['Bingtuan', 'Xinjiang', 'Xinjiang']);
    expect(nameIndicators(['新\u200b疆天业']).map((h) => h.term)).toEqual(['新疆']);
  });

  it.each(DISGUISE_CLASSES.map((c) => [c]))('%s: every indicator term is still found', (cls) => {
    const names = [
      'Xinjiang Tianshan Textile Co., Ltd.',
      'XPCC Cotton Trading',
      'Bingtuan Agricultural Co.',
      'Production and Construction Corps Supply Office',
    ];
    for (const amount of ['some', 'all'] as const) {
      names.forEach((name, i) => {
        const variant = disguiseName(name, cls, i + 1, amount);
        expect(nameIndicators([variant]).map((h) => [h.term, h.name])).toEqual(nameIndicators([name]).map((h) => [h.term, variant]));
      });
    }
  });

  it.each(STYLED_CLASSES.map((c) => [c]))('%s: every indicator term is still found in a styled name', (cls) => {
    const names = ['Xinjiang Tianshan Textile Co., Ltd.', 'Bingtuan Agricultural Co.', 'Production and Construction Corps Supply Office'];
    for (const amount of ['some', 'all'] as const) {
      names.forEach((name, i) => {
        const variant = styleName(name, cls, i + 1, amount);
        expect(nameIndicators([variant]).map((h) => h.term)).toEqual(nameIndicators([name]).map((h) => h.term));
      });
    }
  });
});

describe('XUAR places read disguised locations', () => {
  const places = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'seed', 'xuar-places.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const spellings = ['prefectureLevel', 'xpccCities', 'countyLevel', 'otherPlaces'].flatMap((level) =>
    (places[level] as { pinyin: string; names: string[] }[]).flatMap((p) => [p.pinyin, ...p.names]),
  );
  // the spellings that decide on their own as a city in China
  const deciding = spellings.filter((city) => locateInXuar({ country: 'CN', city }).inXuar);

  it('decides a disguised city and quotes it as written', () => {
    const r = locateInXuar({ country: 'CN', city: 'Ürümqі' });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[0]).toBe('city "Ürümqі" is Urumqi (乌鲁木齐市), XUAR');
    const hidden = locateInXuar({ country: 'СN', address: 'No. 8 Renmin Road, Kash\u200bgar Prefecture' });
    expect(hidden.inXuar).toBe(true);
    expect(hidden.evidence[0]).toContain('address "Kashgar" is Kashgar Prefecture');
  });

  it.each(DISGUISE_CLASSES.map((c) => [c]))(
    '%s: every XUAR place spelling that decides still decides, in the city and in an address',
    (cls) => {
      expect(deciding.length).toBeGreaterThan(150);
      const missed: string[] = [];
      for (const amount of ['some', 'all'] as const) {
        deciding.forEach((city, i) => {
          const variant = disguiseName(city, cls, i + 1, amount);
          const asCity = locateInXuar({ country: 'CN', city: variant });
          const inAddress = locateInXuar({ country: 'CN', address: `No. 8 Renmin Road, ${variant} City, China` });
          if (!asCity.inXuar || !inAddress.inXuar) missed.push(JSON.stringify(variant));
          // what the evidence quotes is the text as written, without invisible characters
          // (under a right-to-left override, as it shows on screen, and the evidence says so)
          else if (cls === 'reversed') {
            // what is quoted is a part of the text as stored or as shown
            const [stored, shown] = readingsOf(variant).map((r) => r.replace(/\p{Default_Ignorable_Code_Point}/gu, ''));
            const quoted = [...asCity.evidence.join(' ').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
            if (!quoted.some((q) => stored.includes(q) || shown.includes(q))) missed.push(`evidence ${JSON.stringify(variant)}`);
          } else if (cls !== 'fullwidth') expect(asCity.evidence.join(' ')).toContain(`"${variant.replace(IGNORABLE, '')}"`);
        });
      }
      expect(missed).toEqual([]);
    },
  );
});
