// The pieces the editions are set with: fonts that cover every script, line breaking that
// never loses or cuts text, the tier layout the chart and the explorer share, money and places.
import fc from 'fast-check';
import { loadFonts, splitRuns, textWidth } from '../../../src/packets/fonts';
import { breakLines } from '../../../src/packets/textLayout';
import { facilityTiers, layoutRows } from '../../../src/packets/tierLayout';
import { fmtMoney, fmtQty, joinPlace } from '../../../src/packets/lookup';

const fonts = loadFonts();

describe('fonts', () => {
  it.each([
    ['Simplified Chinese', '合盛硅业(鄯善)有限公司', 'hans'],
    ['Traditional Chinese', '臺灣積體電路製造股份有限公司', 'hant'],
    ['Vietnamese', 'Công ty TNHH Mặt trời Bắc Giang', 'latin'],
    ['Cyrillic', 'ООО «Сибирский Хлопок»', 'latin'],
    ['Uyghur', 'شىنجاڭ ئۇيغۇر ئاپتونوم رايونى', 'arabic'],
    ['Thai', 'บริษัท ไทย', 'thai'],
    ['Bengali', 'এভারগ্রিন গার্মেন্টস', 'bengali'],
    ['Korean', '신장 위구르 자치구', 'korean'],
  ])('set %s in a face that has every character', (_, text, face) => {
    const runs = splitRuns(text, fonts.regular);
    expect(runs.map((r) => r.face.key)).toEqual([face]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    for (const ch of text) if (ch.trim()) expect(runs[0].face.font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
  });

  it('keeps punctuation with the script around it and outside right-to-left runs', () => {
    expect(splitRuns('Hesheng 合盛(鄯善) Co', fonts.regular).map((r) => [r.face.key, r.text])).toEqual([
      ['latin', 'Hesheng '],
      ['hans', '合盛(鄯善) '],
      ['latin', 'Co'],
    ]);
    expect(splitRuns('Firm (شىنجاڭ پاختا) end', fonts.regular).map((r) => [r.face.key, r.text])).toEqual([
      ['latin', 'Firm ('],
      ['arabic', 'شىنجاڭ پاختا'],
      ['latin', ') end'],
    ]);
  });

  it('prints a character no face has as its code point, never as [?] or a box', () => {
    const runs = splitRuns('A \u{1F600} \u{1D11E}', fonts.regular);
    expect(runs.map((r) => r.text).join('')).toBe('A <U+1F600> <U+1D11E>');
    expect(
      splitRuns('x\u27e8U+202E\u27e9', fonts.regular)
        .map((r) => r.text)
        .join(''),
    ).toBe('x‹U+202E›');
  });
});

describe('line breaking', () => {
  const text = fc
    .array(fc.constantFrom('a', 'B', ' ', 'Mặt', '合', '盛', 'ООО', 'شى', '(', ')', '-', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), {
      maxLength: 60,
    })
    .map((parts) => parts.join(''));
  it('keeps every character, in order, and no line wider than asked (a word too long is cut between letters)', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 30, max: 300 }), (s, width) => {
        const lines = breakLines([{ text: s, style: {} }], width, 9, fonts);
        const joined = lines.map((l) => l.pieces.map((p) => p.text).join('')).join('');
        expect(joined.replace(/\s+/g, '')).toBe(s.replace(/\s+/g, ''));
        for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
      }),
      { numRuns: 150 },
    );
  });

  it('breaks between Chinese characters and between words, and measures as it sets', () => {
    const lines = breakLines([{ text: '合盛硅业(鄯善)有限公司 Hesheng Silicon Industry (Shanshan) Co.', style: {} }], 60, 10, fonts);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(Math.abs(l.width - textWidth(l.pieces.map((p) => p.text).join(''), 10, fonts.regular))).toBeLessThan(0.5);
  });
});

describe('tier layout (chart and explorer)', () => {
  it('puts a facility at the deepest tier it ships at, the importer one below its supplier', () => {
    const tiers = facilityTiers([
      { fromFacilityId: 'garment', toFacilityId: 'dc', tier: 1 },
      { fromFacilityId: 'mill', toFacilityId: 'garment', tier: 2 },
      { fromFacilityId: 'mill', toFacilityId: 'garment', tier: 4 },
    ]);
    expect(Object.fromEntries(tiers)).toEqual({ garment: 1, mill: 4, dc: 0 });
  });

  it('orders each row by the neighbours already placed and keeps a group side by side', () => {
    const { rows, x } = layoutRows(
      [
        { id: 'imp', row: 0 },
        { id: 'a', row: 1 },
        { id: 'b', row: 1 },
        { id: 'ga', row: 2, group: 'F1' },
        { id: 'gb', row: 2, group: 'F2' },
        { id: 'gb2', row: 2, group: 'F2' },
      ],
      [
        { from: 'a', to: 'imp' },
        { from: 'b', to: 'imp' },
        { from: 'ga', to: 'b' },
        { from: 'gb', to: 'a' },
        { from: 'gb2', to: 'a' },
      ],
      { slot: 10, groupGap: 2 },
    );
    expect(rows.get(1)).toEqual(['a', 'b']);
    expect(rows.get(2)).toEqual(['gb', 'gb2', 'ga']); // F2 ships to a (left), F1 to b (right)
    expect(x.get('gb2')! - x.get('gb')!).toBe(10);
  });
});

describe('money, quantities and places', () => {
  it('states money with its currency code, its decimals and U.S. grouping', () => {
    expect(fmtMoney(300712.5, 'USD')).toBe('USD 300,712.50');
    expect(fmtMoney(2150000, 'cny')).toBe('CNY 2,150,000.00');
    expect(fmtMoney(1200, 'JPY')).toBe('JPY 1,200');
    expect(fmtMoney(12.5, null)).toBe('12.50 (currency not stated)');
    expect(fmtMoney(null, 'USD')).toBe('amount not stated');
  });

  it('states quantities with their unit', () => {
    expect(fmtQty(12000.5, 'kg')).toBe('12,000.5 kg');
    expect(fmtQty(3, '')).toBe('3 (unit not stated)');
  });

  it('builds an address without repeating what the street address already says', () => {
    expect(joinPlace(['1800 Swift Ave, North Kansas City, MO 64116', 'Kansas City', 'MO', 'US'])).toBe(
      '1800 Swift Ave, North Kansas City, MO 64116, US',
    );
    expect(joinPlace(['12 Mill Rd', 'York', 'PA', 'US'])).toBe('12 Mill Rd, York, PA, US');
    expect(joinPlace(['5 Moor St', 'Mo', 'US'])).toBe('5 Moor St, Mo, US'); // "Mo" is not inside "Moor"
    expect(joinPlace(['新疆阿克苏市', '阿克苏', 'Aksu', 'CN'])).toBe('新疆阿克苏市, Aksu, CN');
  });
});
