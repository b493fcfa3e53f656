import type { TraceFirm } from '../../../../../src/trace/records';
import type { Hop } from '../../../../../src/trace/rules';
import { flagKindRule, verdictOf } from '../../../../../src/trace/rules';
import { disguisedName, disguisedNames } from '../../../../../src/trace/rules/kinds/disguisedName';

const firm = (name: string, extra: Partial<TraceFirm> = {}): TraceFirm => ({
  id: 'F1',
  name,
  holdings: [],
  matches: [],
  sameEntityIds: [],
  ...extra,
});
const hop = { tier: 2 } as Hop;

describe('DISGUISED_NAME', () => {
  it('is a signal in the registry that never changes the verdict', () => {
    expect(flagKindRule('DISGUISED_NAME')).toBe(disguisedName);
    expect(disguisedName).toMatchObject({ presumptive: false, verdictEffect: null, display: { severity: 'SIGNAL' } });
    expect(verdictOf(['DISGUISED_NAME'])).toBe('CLEAR');
  });

  it('names each look-alike letter, with the word it stands in', () => {
    const found = disguisedNames({ firm: firm('Xinjiаng Zhоntai Chemicаl Cо., Ltd.'), facility: undefined });
    expect(disguisedName.judge(hop, found)).toBe(found);
    expect(disguisedName.reason(hop, found)).toBe(
      'The firm name "Xinjiаng Zhоntai Chemicаl Cо., Ltd." (tier 2) mixes Cyrillic letters that look like Latin ones into its Latin words; ' +
        'screening and the rules read it as "Xinjiang Zhontai Chemical Co., Ltd.". A name disguised so is worth checking, though not presumptive on its own.',
    );
    expect(disguisedName.evidence(hop, found)).toEqual([
      '"а" U+0430 CYRILLIC SMALL LETTER A in "Xinjiаng" (firm name)',
      '"о" U+043E CYRILLIC SMALL LETTER O in "Zhоntai" (firm name)',
      '"а" U+0430 CYRILLIC SMALL LETTER A in "Chemicаl" (firm name)',
      '"о" U+043E CYRILLIC SMALL LETTER O in "Cо" (firm name)',
    ]);
  });

  it('reads aliases, the local name and the facility name, and shows hidden characters instead of hiding them', () => {
    const found = disguisedNames({
      firm: firm('Acme Trading', { aliases: ['Acme', 'Hοshine Trading'], localName: '新\u200b疆' }),
      facility: { id: 'FAC1', firmId: 'F1', name: 'Gin \u202e1 yrotcaF\u202c' },
    });
    expect(found.map((d) => d.field)).toEqual(['alias', 'local name', 'facility name']);
    const reason = disguisedName.reason(hop, found);
    expect(reason).toContain('The local name "新[U+200B]疆" (tier 2) carries invisible characters');
    expect(reason).toContain('The facility name "Gin [U+202E]1 yrotcaF[U+202C]" (tier 2) carries direction-control characters');
    expect(reason).not.toMatch(/[\u200b\u202e\u202c]/);
    expect(disguisedName.evidence(hop, found)).toEqual([
      '"ο" U+03BF GREEK SMALL LETTER OMICRON in "Hοshine" (alias)',
      'U+200B ZERO WIDTH SPACE in "新[U+200B]疆" (local name)',
      'U+202E RIGHT-TO-LEFT OVERRIDE in "[U+202E]1" (facility name)',
      'U+202C POP DIRECTIONAL FORMATTING in "yrotcaF[U+202C]" (facility name)',
    ]);
  });

  it('leaves out a name that only repeats what an earlier one showed', () => {
    const name = 'Ningbo Hai\u200bxing Plаstics Co., Ltd.';
    const found = disguisedNames({ firm: firm(name), facility: { id: 'FAC1', firmId: 'F1', name: `${name} plant` } });
    expect(found.map((d) => d.field)).toEqual(['firm name']);
  });

  it('finds nothing in plain names in any script', () => {
    for (const name of [
      'Xinjiang Zhongtai Chemical Co., Ltd.',
      '新疆中泰化学股份有限公司',
      'Xīnjiāng Lǜyuán',
      'Синьцзян Чжунтай',
      '\ufeffAcme Co',
    ]) {
      expect(disguisedNames({ firm: firm(name), facility: { id: 'FAC', firmId: 'F1', name } })).toEqual([]);
    }
    expect(disguisedNames({ firm: undefined, facility: undefined })).toEqual([]);
  });
});
