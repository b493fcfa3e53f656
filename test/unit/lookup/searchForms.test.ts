// The grams the name index holds and the Lucene query that asks for them: every part of a text
// is found by its grams, the text's syntax characters never act as syntax, and the tenant is
// one exact term.
import fc from 'fast-check';
import { escapeLucene, GRAM, gramsOf, nameSearch, screeningForm, searchFormsOf } from '../../../src/lookup/searchForms';

const grams = (text: string) => new Set(gramsOf(text));

describe('gramsOf', () => {
  it('holds every gram of any part of the text, and a gram starting with any shorter part', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), fc.nat(), (text, a, b) => {
        const chars = Array.from(text);
        const [from, to] = [a % (chars.length + 1), b % (chars.length + 1)].sort((x, y) => x - y);
        const part = chars.slice(from, to).join('');
        if (!part) return;
        const stored = [...grams(text)];
        if (to - from >= GRAM) {
          for (const g of gramsOf(part).filter((x) => Array.from(x).length === GRAM)) expect(stored).toContain(g);
        } else {
          const start = Array.from(part, (c) => (/[\s\p{C}]/u.test(c) ? '_' : c)).join('');
          expect(stored.some((g) => g.startsWith(start))).toBe(true);
        }
      }),
    );
  });

  it('never holds whitespace inside a gram (the index splits on it), nor half a surrogate pair', () => {
    expect(gramsOf('a b\tc𝔸d')).toEqual(['a_b', '_b_', 'b_c', '_c𝔸', 'c𝔸d', '𝔸d', 'd']);
  });
});

describe('searchFormsOf', () => {
  it('stores the names as written and in their screening forms', () => {
    const forms = searchFormsOf(['Xinjiang Daquan New Energy Co., Ltd.', null, '新疆大全新能源股份有限公司']);
    expect(forms.searchNorm).toBe('xinjiang daquan new energy');
    const stored = forms.searchGrams.split(' ');
    for (const g of [...gramsOf('daquan'), ...gramsOf('大全新')].filter((x) => x.length === GRAM)) expect(stored).toContain(g);
  });
});

describe('nameSearch', () => {
  it('escapes every Lucene syntax character', () => {
    expect(escapeLucene('+-&&||!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\&\\|\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
    expect(escapeLucene('plain text')).toBe('plain text');
  });

  it('asks for the tenant as one quoted term and every gram of the text or of its screening form', () => {
    expect(nameSearch('acme:eu', 'Daquan Co')).toEqual({
      query:
        '+tenant:"acme\\:eu" +((+searchGrams:"daq" +searchGrams:"aqu" +searchGrams:"qua" +searchGrams:"uan" +searchGrams:"an_" +searchGrams:"n_c" +searchGrams:"_co") (+searchGrams:"daq" +searchGrams:"aqu" +searchGrams:"qua" +searchGrams:"uan"))',
      text: 'daquan co',
      norm: screeningForm('Daquan Co'),
    });
    // shorter than a gram: the grams starting with it; a screening form that short is not used
    expect(nameSearch('t', '+B')).toEqual({ query: '+tenant:"t" +((+searchGrams:\\+b*))', text: '+b', norm: '' });
  });

  it('puts no character of any text in the query unescaped: the text stays inside its terms', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (text) => {
        const { query } = nameSearch('t', text);
        // with every escaped character and every quoted term taken out, only the query's own syntax is left
        const bare = query.replace(/\\./gsu, '').replace(/"[^"]*"/g, '""');
        expect(bare).toMatch(/^\+tenant:"" \+\((\((\+searchGrams:(""|[^\s"\\+\-&|!(){}[\]^~*?:/]*\*)\s?)+\)\s?)+\)$/u);
      }),
    );
  });
});
