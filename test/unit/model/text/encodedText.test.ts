// Names and addresses that a web system or an export wrote encoded (HTML entities,
// percent-encoding) are read decoded as well, by screening and by the place rule.
import { decodedText } from '../../../../src/model/text/encodedText';
import { loadSeedEntityList } from '../../../../src/model/entityList';
import { buildEntityMatcher } from '../../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../../src/screening/config';
import { locateInXuar } from '../../../../src/trace/rules';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const entities = (s: string) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
const ENCODINGS: [string, (s: string) => string][] = [
  ['percent-encoded', (s) => encodeURIComponent(s)],
  ['spaces as %20', (s) => s.replace(/ /g, '%20')],
  ['spaces as &nbsp;', (s) => s.replace(/ /g, '&nbsp;')],
  ['numeric entities', entities],
];

describe('encoded text', () => {
  it('decodes HTML entities and percent-encoding, and leaves other text alone', () => {
    expect(decodedText('Xinjiang%20Zhongtai')).toBe('Xinjiang Zhongtai');
    expect(decodedText('&#26032;&#30086;')).toBe('新疆');
    expect(decodedText('%E6%96%B0%E7%96%86')).toBe('新疆');
    expect(decodedText('Smith &amp; Co')).toBe('Smith & Co');
    for (const plain of ['Xinjiang Zhongtai', '100%ABC Trading', '50% Cotton', 'R&D Co', 'Smith & Co'])
      expect(decodedText(plain)).toBeUndefined();
  });

  it.each(ENCODINGS)('screening decides every listed name %s as it does the name (MATCH where MATCH)', (_label, encode) => {
    const missed: string[] = [];
    for (const e of list.entries)
      for (const name of [e.name, ...e.localNames]) {
        const plain = matcher.screen(name).find((c) => c.entryKey === e.key)?.decision;
        if (!plain) continue;
        const q = encode(name);
        if (matcher.screen(q).find((c) => c.entryKey === e.key)?.decision !== plain) missed.push(q);
      }
    expect(missed).toEqual([]);
  });

  it.each(ENCODINGS)('the place rule reads XUAR addresses %s', (_label, encode) => {
    for (const address of ['新疆乌鲁木齐市天山区', 'No. 5 Industrial Road, Kashgar', '阿克苏地区库车市']) {
      const r = locateInXuar({ country: 'CN', address: encode(address) });
      expect([address, r.inXuar]).toEqual([address, true]);
    }
    expect(locateInXuar({ country: 'CN', address: encode('上海市浦东新区') }).inXuar).toBe(false);
  });
});
