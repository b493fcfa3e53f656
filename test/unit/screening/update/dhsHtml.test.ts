import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDhsHtml } from '../../../../src/screening/update/dhsHtml';
import { entityKey, loadSeedEntityList } from '../../../../src/model/entityList';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'entity-list');
const page = readFileSync(join(FIXTURES, 'dhs-uflpa-entity-list.html'), 'utf8');
const list = parseDhsHtml(page, { version: '2025-01-15', snapshotDate: '2026-07-09' });
const entry = (prefix: string) => {
  const e = list.entries.find((x) => x.name.startsWith(prefix));
  if (!e) throw new Error(`no entry ${prefix}`);
  return e;
};

/** A page in the DHS layout with the given tables (heading text, rows). */
function dhsPage(...tables: [string, string[][]][]): string {
  return `<html><head><title>UFLPA Entity List | Homeland Security</title></head><body><main>${tables
    .map(
      ([heading, rows]) =>
        `<p class="text-align-center"><strong>A list of entities</strong><br><a href="#">${heading}</a></p>` +
        '<table><thead><tr><th>Name of Entity</th><th>Effective Date</th></tr></thead><tbody>' +
        rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
        '</tbody></table>',
    )
    .join('<p>&nbsp;</p>')}</main></body></html>`;
}

describe('parseDhsHtml on the saved DHS page', () => {
  it('reads one entry per entity from the section tables', () => {
    // 19 rows in three tables, section (iv) has no table; 5 entities appear under two or three sections
    expect(list.entries).toHaveLength(13);
    expect(list.version).toBe('2025-01-15');
    expect(list.snapshotDate).toBe('2026-07-09');
    expect(list.source).toContain('https://www.dhs.gov/uflpa-entity-list');
    expect(list.source).toContain('page last updated 2025-01-14');
    expect(list.entries.map((e) => [e.name, e.key])).toEqual([
      ['Century Sunshine Group Holdings, Ltd.', 'century sunshine group holdings ltd'],
      ['Changhong Meiling Co., Ltd.', 'changhong meiling co ltd'],
      ['Hetian Haolin Hair Accessories Co. Ltd.', 'hetian haolin hair accessories co ltd'],
      ['Hongyuan Green Energy Co., Ltd.', 'hongyuan green energy co ltd'],
      ['Hoshine Silicon Industry (Shanshan) Co., Ltd', 'hoshine silicon industry shanshan co ltd'],
      ['Huangmei Xiaochi Yinfeng Cotton', 'huangmei xiaochi yinfeng cotton'],
      ['Jiangyin Lianyun Co. Ltd.', 'jiangyin lianyun co ltd'],
      ['No. 4 Vocation Skills Education Training Center (VSETC)', 'no 4 vocation skills education training center vsetc'],
      ['Sichuan Jingweida Technology Group Co., Ltd.', 'sichuan jingweida technology group co ltd'],
      ['Sichuan Yuan\u2019an Pharmaceutical Co., Ltd.', 'sichuan yuan an pharmaceutical co ltd'],
      ['Xinjiang Daqo New Energy, Co. Ltd', 'xinjiang daqo new energy co ltd'],
      ['Xinjiang Production and Construction Corps', 'xinjiang production and construction corps'],
      ['Zhuhai G&G Digital Technology Co., Ltd.', 'zhuhai g g digital technology co ltd'],
    ]);
    for (const e of list.entries) {
      expect(e.country).toBe('CN');
      expect(e.effectiveDate).toBe([...e.sections.map((s) => s.effectiveDate)].sort()[0]);
    }
  });

  it('merges an entity listed under several sections, keeping each section and the earliest date', () => {
    const daqo = entry('Xinjiang Daqo');
    expect(daqo.name).toBe('Xinjiang Daqo New Energy, Co. Ltd');
    expect(daqo.sections).toEqual([
      { section: '2(d)(2)(B)(i)', effectiveDate: '2022-06-21' },
      { section: '2(d)(2)(B)(v)', effectiveDate: '2024-11-25' },
    ]);
    expect(daqo.effectiveDate).toBe('2022-06-21');
    // the (v) row's spelling is kept as an alias, the aliases are not doubled
    expect(daqo.aliases).toEqual([
      'Xinjiang Great New Energy Co., Ltd.',
      'Xinjiang Daxin Energy Co., Ltd.',
      'Xinjiang Daqin Energy Co., Ltd.',
      'Xinjiang Daqo New Energy Co., Ltd.',
    ]);
    const xpcc = entry('Xinjiang Production and Construction Corps');
    expect(list.entries.filter((e) => e.name.startsWith('Xinjiang Production'))).toHaveLength(1);
    expect(xpcc.name).toBe('Xinjiang Production and Construction Corps');
    expect(xpcc.sections.map((s) => s.section)).toEqual(['2(d)(2)(B)(i)', '2(d)(2)(B)(ii)', '2(d)(2)(B)(v)']);
    expect(xpcc.aliases).toEqual(['XPCC', 'Xinjiang Corps', 'Bingtuan', 'Xinjiang Production and Construction Corps (XPCC)']);
  });

  it('keeps the "and subsidiaries" and "subordinate and affiliated entities" marks', () => {
    const hoshine = entry('Hoshine');
    expect(hoshine).toMatchObject({
      name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd',
      coversSubsidiaries: true,
      scope: 'and subsidiaries',
      aliases: ['Hesheng Silicon Industry (Shanshan) Co.', 'Hoshine Silicon Industry (Shanshan) Co., Ltd.'],
    });
    expect(entry('Xinjiang Production')).toMatchObject({ coversSubsidiaries: true, scope: 'and its subordinate and affiliated entities' });
    expect(list.entries.filter((e) => e.coversSubsidiaries)).toHaveLength(2);
  });

  it('splits aliases and former names out of the parentheticals', () => {
    expect(entry('Sichuan Jingweida')).toMatchObject({
      aliases: ['Sichuan Mianyang Jingweida Technology Co., Ltd.', 'JWD Technology'],
      formerNames: ['Mianyang High-tech Zone Jingweida Technology Co., Ltd.'],
    });
    expect(entry('Changhong Meiling')).toMatchObject({
      aliases: [],
      formerNames: ['Hefei Meiling Co., Ltd.', 'Hefei Meiling Group Holdings Limited'],
    });
    expect(entry('Hetian Haolin').aliases).toEqual(['Hotan Haolin Hair Accessories', 'Hollin Hair Accessories']);
    expect(entry('Jiangyin Lianyun').aliases).toEqual(['Jiangyin Intermodal Transport Co.', 'Jiangyin United Transport Co.']);
    expect(entry('No. 4').name).toBe('No. 4 Vocation Skills Education Training Center (VSETC)');
  });

  it('decodes entities and ignores tables inside scripts', () => {
    expect(entry('Zhuhai G&G').name).toBe('Zhuhai G&G Digital Technology Co., Ltd.');
    expect(entry('Sichuan Yuan').name).toBe('Sichuan Yuan\u2019an Pharmaceutical Co., Ltd.');
    expect(list.entries.some((e) => e.name.includes('Not An Entity'))).toBe(false);
  });

  it('agrees with the shipped snapshot on every entity it lists', () => {
    const seed = new Map(loadSeedEntityList().entries.map((e) => [e.key, e]));
    const keysOf = (names: string[], own: string) => new Set(names.map(entityKey).filter((k) => k !== own));
    for (const e of list.entries) {
      const s = seed.get(e.key);
      expect(s).toBeDefined();
      expect({ name: e.name, sections: e.sections, scope: e.scope, effectiveDate: e.effectiveDate }).toEqual({
        name: s!.name,
        sections: s!.sections,
        scope: s!.scope,
        effectiveDate: s!.effectiveDate,
      });
      expect(keysOf(e.aliases, e.key)).toEqual(keysOf(s!.aliases, s!.key));
      expect(keysOf(e.formerNames, e.key)).toEqual(keysOf(s!.formerNames, s!.key));
    }
  });

  it('defaults the version to the latest effective date on the page', () => {
    expect(parseDhsHtml(page).version).toBe('2025-01-15');
    // a later date under a second section counts, though the entity counts from its first
    const two = parseDhsHtml(
      '<p>Section 2(d)(2)(B)(i)</p><table><tr><th>Name of Entity</th><th>Effective Date</th></tr>' +
        '<tr><td>Camel Group Co., Ltd.</td><td>August 2, 2023</td></tr></table><p>Section 2(d)(2)(B)(v)</p>' +
        '<table><tr><th>Entity Name</th><th>Effective Date</th></tr><tr><td>Camel Group Co., Ltd.</td><td>August 3, 2026</td></tr></table>',
    );
    expect(two.version).toBe('2026-08-03');
    expect(two.entries[0].effectiveDate).toBe('2023-08-02');
    expect(parseDhsHtml(page, { snapshotDate: '2026-07-09' }).snapshotDate).toBe('2026-07-09');
  });
});

describe('parseDhsHtml on other layouts', () => {
  it('reads a section heading given as a table row, and a section column', () => {
    const html =
      '<table><tr><th colspan="2">Section 2(d)(2)(B)(ii)</th></tr><tr><th>Name of Entity</th><th>Effective Date</th></tr>' +
      '<tr><td>Camel Group Co., Ltd.</td><td>August 2, 2023</td></tr>' +
      '<tr><th colspan="2">Section 2(d)(2)(B)(v)</th></tr><tr><td>Camel Group Co., Ltd.</td><td>May 17, 2024</td></tr></table>';
    // first row is a heading row (one cell): the name/date header follows
    const v = parseDhsHtml(`<p>Section 2(d)(2)(B)(i)</p>${html}`);
    expect(v.entries).toHaveLength(1);
    expect(v.entries[0].sections.map((s) => s.section)).toEqual(['2(d)(2)(B)(ii)', '2(d)(2)(B)(v)']);

    const withColumn =
      '<table><tr><th>Entity</th><th>Section</th><th>Effective Date</th></tr>' +
      '<tr><td>Camel Group Co., Ltd.</td><td>2(d)(2)(B)(ii)</td><td>2023-08-02</td></tr></table>';
    expect(parseDhsHtml(withColumn).entries[0].sections).toEqual([{ section: '2(d)(2)(B)(ii)', effectiveDate: '2023-08-02' }]);
  });

  it('skips a header row repeated inside the table', () => {
    const html =
      '<p>Section 2(d)(2)(B)(ii)</p><table><tr><th>Name of Entity</th><th>Effective Date</th></tr>' +
      '<tr><td>Camel Group Co., Ltd.</td><td>August 2, 2023</td></tr><tr><th>Name of Entity</th><th>Effective Date</th></tr>' +
      '<tr><td>Geehy Semiconductor Co., Ltd.</td><td>June 12, 2023</td></tr></table>';
    expect(parseDhsHtml(html).entries).toHaveLength(2);
  });

  it('tolerates unclosed cells and rows, and tables without a header after a section heading', () => {
    const html =
      '<p>Section 2(d)(2)(B)(v)</p><table><tr><td>Heze Cotton and Linen Co., Ltd.<td>May 17, 2024' +
      '<tr><td>Hubei Yinfeng Cotton Co., Ltd.<td>May 17, 2024</table>';
    expect(parseDhsHtml(html).entries.map((e) => e.name)).toEqual(['Heze Cotton and Linen Co., Ltd.', 'Hubei Yinfeng Cotton Co., Ltd.']);
  });

  it('takes the country from the name when it is evident there', () => {
    const v = parseDhsHtml(dhsPage(['Section 2(d)(2)(B)(v)', [['Example Trading (Hong Kong) Limited', 'May 17, 2024']]]));
    expect(v.entries[0].country).toBe('HK');
  });
});

describe('parseDhsHtml errors on a page that is not the list', () => {
  it('says so when the page has no entity table', () => {
    const faq = readFileSync(join(FIXTURES, 'not-the-list.html'), 'utf8');
    expect(() => parseDhsHtml(faq)).toThrow(
      /^not the UFLPA Entity List: "UFLPA Frequently Asked Questions \| Homeland Security" has no table/,
    );
    expect(() => parseDhsHtml('<html><body><p>Page not found</p></body></html>')).toThrow(/no tables found/);
    expect(() => parseDhsHtml('')).toThrow(/not the UFLPA Entity List/);
  });

  it('names the row that has no effective date', () => {
    const html = dhsPage(
      ['Section 2(d)(2)(B)(i)', [['Baoding LYSZD Trade and Business Co., Ltd.', 'June 21, 2022']]],
      [
        'Section 2(d)(2)(B)(ii)',
        [
          ['Camel Group Co., Ltd.', 'August 2, 2023'],
          ['COFCO Sugar Holdings Co., Ltd.', ''],
        ],
      ],
    );
    expect(() => parseDhsHtml(html)).toThrow(
      'row 3: no effective date (table 2, section 2(d)(2)(B)(ii), "COFCO Sugar Holdings Co., Ltd.")',
    );
  });

  it('names the row with a date that is not a date, or no name', () => {
    expect(() => parseDhsHtml(dhsPage(['Section 2(d)(2)(B)(i)', [['Camel Group Co., Ltd.', 'to be announced']]]))).toThrow(
      'row 1: effective date "to be announced" is not a date',
    );
    expect(() =>
      parseDhsHtml(
        dhsPage([
          'Section 2(d)(2)(B)(i)',
          [
            ['Camel Group Co., Ltd.', 'June 1, 2023'],
            ['', 'June 1, 2023'],
          ],
        ]),
      ),
    ).toThrow('row 2: no entity name');
  });

  it('says when a table has no statutory section heading', () => {
    expect(() => parseDhsHtml(dhsPage(['Entity tables', [['Camel Group Co., Ltd.', 'August 2, 2023']]]))).toThrow(
      /^row 1: no statutory section/,
    );
  });
});
