import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOpenSanctionsCsv, parseOpenSanctionsJson } from '../../../../src/screening/update/openSanctions';
import { parseCsv, splitMultiValue } from '../../../../src/screening/update/csv';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'entity-list');
const ftm = readFileSync(join(FIXTURES, 'opensanctions-us_dhs_uflpa.ftm.json'), 'utf8');
const simpleCsv = readFileSync(join(FIXTURES, 'opensanctions-us_dhs_uflpa.targets.simple.csv'), 'utf8');
const P_II = 'A list of entities working with the government of Xinjiang … - Section 2(d)(2)(B)(ii)';

describe('parseOpenSanctionsJson (FollowTheMoney entities)', () => {
  const list = parseOpenSanctionsJson(ftm);
  const entry = (prefix: string) => list.entries.find((e) => e.name.startsWith(prefix))!;

  it('reads the listed entities with sections and dates from their Sanction objects', () => {
    expect(list.entries.map((e) => e.name)).toEqual([
      'Changhong Meiling Co. Ltd.',
      'Hoshine Silicon Industry (Shanshan) Co., Ltd',
      'Sichuan Jingweida Technology Group Co. Ltd.',
      'Xinjiang Goens Energy Technology Co. Ltd.',
      'Xinjiang Production and Construction Corps',
    ]);
    expect(entry('Changhong').sections).toEqual([{ section: '2(d)(2)(B)(ii)', effectiveDate: '2024-10-03' }]);
    expect(list.version).toBe('2026-08-03'); // the newest effective date in the data
    expect(list.snapshotDate).toBe('2026-08-12'); // the latest last_seen
    expect(list.source).toMatch(/OpenSanctions dataset us_dhs_uflpa.*FollowTheMoney JSON/);
  });

  it('merges the entities OpenSanctions keeps per row spelling into one entry', () => {
    const xpcc = entry('Xinjiang Production');
    expect(xpcc.sections.map((s) => s.section)).toEqual(['2(d)(2)(B)(i)', '2(d)(2)(B)(ii)', '2(d)(2)(B)(v)']);
    expect(xpcc).toMatchObject({ coversSubsidiaries: true, scope: 'and its subordinate and affiliated entities', country: 'CN' });
    expect(xpcc.aliases).toEqual(['XPCC', 'Xinjiang Corps', 'Bingtuan', 'Xinjiang Production and Construction Corps (XPCC)']);
    const hoshine = entry('Hoshine');
    expect(hoshine).toMatchObject({ coversSubsidiaries: true, scope: 'and subsidiaries' });
    expect(hoshine.sections.map((s) => s.section)).toEqual(['2(d)(2)(B)(i)', '2(d)(2)(B)(v)']);
  });

  it('sorts alias values into aliases and former names', () => {
    expect(entry('Sichuan Jingweida')).toMatchObject({
      aliases: ['Sichuan Mianyang Jingweida Technology Co. Ltd.', 'JWD Technology'],
      formerNames: ['Mianyang High-tech Zone Jingweida Technology Co. Ltd.'],
    });
    expect(entry('Changhong').formerNames).toEqual(['Hefei Meiling Co. Ltd.', 'Hefei Meiling Group Holdings Limited']);
    expect(entry('Xinjiang Goens').formerNames).toContain('Xinjiang GCL New Energy Material Technology, Co. Ltd');
  });

  it('reads a JSON array and nested sanctions (targets.nested.json) the same way', () => {
    const objects = ftm
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(parseOpenSanctionsJson(JSON.stringify(objects, null, 2))).toEqual(list);
    const nested = {
      id: 'us-uflpa-x',
      schema: 'Company',
      caption: 'Camel Group Co. Ltd.',
      target: true,
      datasets: ['us_dhs_uflpa'],
      properties: {
        name: ['Camel Group Co. Ltd.'],
        country: ['cn'],
        sanctions: [{ id: 's1', schema: 'Sanction', properties: { program: [P_II], startDate: ['2023-08-02'] } }],
      },
    };
    const v = parseOpenSanctionsJson(JSON.stringify(nested), { version: 'v-test', snapshotDate: '2026-09-01' });
    expect(v).toMatchObject({ version: 'v-test', snapshotDate: '2026-09-01' });
    expect(v.entries[0].sections).toEqual([{ section: '2(d)(2)(B)(ii)', effectiveDate: '2023-08-02' }]);
  });

  it('finds the sanctions of an entity merged from others (referents), and Chinese names', () => {
    const lines = [
      {
        id: 'NK-abc',
        schema: 'Company',
        referents: ['us-uflpa-1'],
        target: true,
        datasets: ['us_dhs_uflpa', 'cn_other'],
        properties: { name: ['Xinjiang Daqo New Energy Co. Ltd.', '新疆大全新能源股份有限公司'], country: ['cn'] },
      },
      {
        id: 's',
        schema: 'Sanction',
        properties: { entity: ['us-uflpa-1'], program: ['… - Section 2(d)(2)(B)(i)'], startDate: ['2022-06-21'] },
      },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const [e] = parseOpenSanctionsJson(lines).entries;
    expect(e).toMatchObject({
      name: 'Xinjiang Daqo New Energy Co. Ltd.',
      localNames: ['新疆大全新能源股份有限公司'],
      effectiveDate: '2022-06-21',
    });
  });

  it('errors clearly on files that are not the list', () => {
    expect(() => parseOpenSanctionsJson('{"id": 1}\n{oops')).toThrow(/^line 2: not a JSON object/);
    expect(() => parseOpenSanctionsJson('[{"name": "x"}]')).toThrow(/not a FollowTheMoney export/);
    expect(() => parseOpenSanctionsJson('name,date\n')).toThrow(/not a JSON export/);
    expect(() => parseOpenSanctionsJson('')).toThrow(/empty/);
    const other = JSON.stringify({
      id: 'x',
      schema: 'Company',
      target: true,
      datasets: ['us_ofac_sdn'],
      properties: { name: ['Some Bank'] },
    });
    expect(() => parseOpenSanctionsJson(other)).toThrow(/not the UFLPA Entity List: the entities come from us_ofac_sdn/);
    const undated = JSON.stringify({ id: 'x', schema: 'Company', properties: { name: ['Camel Group Co. Ltd.'] } });
    expect(() => parseOpenSanctionsJson(undated)).toThrow(
      'entity x: no effective date (no sanction with a start date, no first_seen) for "Camel Group Co. Ltd."',
    );
  });
});

describe('parseOpenSanctionsCsv (targets.simple.csv)', () => {
  const list = parseOpenSanctionsCsv(simpleCsv);

  it('reads names, semicolon-separated aliases and sanctions', () => {
    expect(list.entries).toHaveLength(5);
    const aksu = list.entries.find((e) => e.name.startsWith('Aksu'))!;
    expect(aksu).toMatchObject({
      name: 'Aksu Huafu Color Spinning Co. Ltd.',
      aliases: ['Akesu Huafu', 'Akesu Huafu Melange Yarn Co. Ltd.', 'Aksu Huafu Dyed Melange Yarn', 'Aksu Huafu Textiles Co. Ltd.'],
      sections: [
        { section: '2(d)(2)(B)(ii)', effectiveDate: '2025-01-15' },
        { section: '2(d)(2)(B)(v)', effectiveDate: '2025-01-15' },
      ],
      country: 'CN',
    });
    expect(list.entries.find((e) => e.name.startsWith('Zhuhai'))!.name).toBe('Zhuhai G&G Digital Technology Co. Ltd.');
    expect(list.version).toBe('2026-08-03');
    expect(list.snapshotDate).toBe('2026-08-12');
  });

  it('tolerates missing columns: a name and a date are enough', () => {
    const v = parseOpenSanctionsCsv('name,sanctions\r\n"Camel Group Co., Ltd.","Section 2(d)(2)(B)(ii) - 2023-08-02"\r\n');
    expect(v.entries[0]).toMatchObject({ name: 'Camel Group Co., Ltd.', effectiveDate: '2023-08-02', aliases: [] });
    // without sanctions, first_seen stands in for the date
    const seenOnly = parseOpenSanctionsCsv('name,first_seen\nCamel Group Co. Ltd.,2023-10-11T12:05:31\n');
    expect(seenOnly.entries[0]).toMatchObject({ effectiveDate: '2023-10-11', sections: [] });
    // a spreadsheet that saved it with semicolons
    expect(parseOpenSanctionsCsv('name;sanctions\nCamel Group Co. Ltd.;Section 2(d)(2)(B)(ii) - 2023-08-02\n').entries).toHaveLength(1);
  });

  it('keeps "formerly known as" values apart from aliases and reads quoted values', () => {
    const csv =
      'id,name,aliases,sanctions\n' +
      'x,"Anhui Xinya New Materials Co. Ltd.","formerly known as Chaohu Xinya Color Spinning Technology Co. Ltd.;""Anhui; Xinya""",' +
      '"Section 2(d)(2)(B)(ii) - 2023-12-11"\n';
    expect(parseOpenSanctionsCsv(csv).entries[0]).toMatchObject({
      aliases: ['Anhui; Xinya'],
      formerNames: ['Chaohu Xinya Color Spinning Technology Co. Ltd.'],
    });
  });

  it('errors clearly on CSV files that are not the list', () => {
    expect(() => parseOpenSanctionsCsv('supplier,country\nAcme,US\n')).toThrow(
      'not an OpenSanctions targets.simple.csv: no "name" column (columns: supplier, country)',
    );
    expect(() => parseOpenSanctionsCsv('name,country\nAcme Ltd,US\n')).toThrow(
      'row 1 (line 2): no effective date (no sanction with a start date, no first_seen) for "Acme Ltd"',
    );
    expect(() =>
      parseOpenSanctionsCsv('name,dataset,sanctions\nSome Bank,US OFAC Specially Designated Nationals (SDN) List,SDGT - 2020-01-01\n'),
    ).toThrow(/not the UFLPA Entity List: the rows come from "US OFAC Specially Designated Nationals \(SDN\) List"/);
    expect(() => parseOpenSanctionsCsv('name,sanctions\n"Camel Group,Section 2(d)(2)(B)(ii)\n')).toThrow(
      'line 2: a quoted field is not closed',
    );
    expect(() => parseOpenSanctionsCsv('')).toThrow(/empty/);
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, separators and line breaks inside quotes, CRLF and a BOM', () => {
    const rows = parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n,,\n"",last,\n');
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['', '', ''],
      ['', 'last', ''],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(parseCsv('a,b')).toEqual([{ fields: ['a', 'b'], line: 1 }]);
    expect(parseCsv('\n\na\n')).toEqual([{ fields: ['a'], line: 3 }]);
  });
  it('splits multi-valued cells the way OpenSanctions joins them', () => {
    expect(splitMultiValue('Akesu Huafu;Aksu Huafu Dyed Melange Yarn')).toEqual(['Akesu Huafu', 'Aksu Huafu Dyed Melange Yarn']);
    expect(splitMultiValue('"A; B";C')).toEqual(['A; B', 'C']);
    expect(splitMultiValue('')).toEqual([]);
  });
});
