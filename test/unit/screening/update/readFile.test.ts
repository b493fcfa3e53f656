import { mkdtempSync, writeFileSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeedEntityList } from '../../../../src/model/entityList';
import { detectEntityListFormat, prepareEntityListUpdate, readEntityListFile } from '../../../../src/screening/update';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'entity-list');
const HTML = join(FIXTURES, 'dhs-uflpa-entity-list.html');
const JSONL = join(FIXTURES, 'opensanctions-us_dhs_uflpa.ftm.json');
const CSV = join(FIXTURES, 'opensanctions-us_dhs_uflpa.targets.simple.csv');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-list-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('readEntityListFile', () => {
  it('chooses the parser by extension and content', () => {
    expect(readEntityListFile(HTML, { snapshotDate: '2026-07-09' }).entries).toHaveLength(13);
    expect(readEntityListFile(JSONL).entries).toHaveLength(5);
    expect(readEntityListFile(CSV).entries).toHaveLength(5);
    // content wins over a misleading or missing extension
    const copy = join(dir, 'uflpa-entity-list.txt');
    copyFileSync(HTML, copy);
    expect(readEntityListFile(copy).entries).toHaveLength(13);
    const jsonl = join(dir, 'entities.jsonl');
    copyFileSync(JSONL, jsonl);
    expect(readEntityListFile(jsonl).version).toBe('2026-08-03');
  });

  it('reads a page saved as UTF-16', () => {
    const html = readFileSync(HTML, 'utf8');
    const p = join(dir, 'utf16.htm');
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]));
    expect(readEntityListFile(p).entries.find((e) => e.name.startsWith('Sichuan Yuan'))!.name).toBe(
      'Sichuan Yuan\u2019an Pharmaceutical Co., Ltd.',
    );
  });

  it('dates a saved page by the day the file was saved unless told', () => {
    const today = new Date().toISOString().slice(0, 10);
    const copy = join(dir, 'saved.html');
    copyFileSync(HTML, copy);
    expect(readEntityListFile(copy).snapshotDate).toBe(today);
    expect(readEntityListFile(copy, { version: '2025-01-15-dhs', snapshotDate: '2026-07-09' })).toMatchObject({
      version: '2025-01-15-dhs',
      snapshotDate: '2026-07-09',
    });
  });

  it('detects formats', () => {
    expect(detectEntityListFormat('x.htm', '<!DOCTYPE html><html>')).toBe('dhs-html');
    expect(detectEntityListFormat('x.bin', '\ufeff  <table><tr><td>a</td></tr></table>')).toBe('dhs-html');
    expect(detectEntityListFormat('entities.ftm.json', '{"id":"a"}')).toBe('opensanctions-json');
    expect(detectEntityListFormat('targets.simple.csv', '"id","schema","name"')).toBe('opensanctions-csv');
    expect(detectEntityListFormat('download', 'id,schema,name,aliases\n')).toBe('opensanctions-csv');
    expect(() => detectEntityListFormat('notes.txt', 'hello world')).toThrow(/notes\.txt: cannot tell what this file is/);
    expect(() => detectEntityListFormat('empty.csv', '  \n')).toThrow('empty.csv: the file is empty');
  });

  it('names the file in errors from a file that is not the list', () => {
    const faq = join(FIXTURES, 'not-the-list.html');
    expect(() => readEntityListFile(faq)).toThrow(/^not-the-list\.html: not the UFLPA Entity List/);
    const csv = file('suppliers.csv', 'supplier,country\nAcme,US\n');
    expect(() => readEntityListFile(csv)).toThrow(/^suppliers\.csv: not an OpenSanctions targets\.simple\.csv/);
    const noDate = file(
      'page.html',
      '<p>Section 2(d)(2)(B)(i)</p><table><tr><th>Name of Entity</th><th>Effective Date</th></tr><tr><td>Camel Group Co., Ltd.</td><td></td></tr></table>',
    );
    expect(() => readEntityListFile(noDate)).toThrow(
      'page.html: row 1: no effective date (table 1, section 2(d)(2)(B)(i), "Camel Group Co., Ltd.")',
    );
  });
});

describe('prepareEntityListUpdate', () => {
  const seed = loadSeedEntityList();

  it('reads a saved DHS page, keeps Chinese names and countries, and reports the changes', () => {
    const u = prepareEntityListUpdate(HTML, seed, { snapshotDate: '2026-07-09' });
    expect(u.format).toBe('dhs-html');
    expect(u.list.entries.find((e) => e.name.startsWith('Xinjiang Production'))!.localNames).toEqual(['新疆生产建设兵团']);
    expect(u.diff).toMatchObject({ added: [], changed: [] });
    expect(u.diff.removed).toHaveLength(174);
  });

  it('reads the OpenSanctions CSV, keeps the subsidiaries mark, and matches a renamed entry', () => {
    const u = prepareEntityListUpdate(CSV, seed);
    expect(u.format).toBe('opensanctions-csv');
    const xpcc = u.list.entries.find((e) => e.name.startsWith('Xinjiang Production'))!;
    expect(xpcc).toMatchObject({ coversSubsidiaries: true, scope: 'and its subordinate and affiliated entities' });
    const kuitun = u.list.entries.find((e) => e.name.startsWith('Kuitun'))!;
    expect(kuitun.formerNames).toEqual(['Xinjiang Tianmian Foundation Textile Co. Ltd.']);
    expect(u.diff.added).toEqual([]);
    // the CSV has XPCC under (i) only, and Kuitun Yadasi without one of its former names
    // ("Co. Ltd." for DHS's "Co., Ltd." is the same name, not a change)
    expect(u.diff.changed.map((c) => [c.name, c.fields])).toEqual([
      ['Hoshine Silicon Industry (Shanshan) Co., Ltd', ['sections']],
      ['Kuitun Yadasi Textile Co. Ltd.', ['formerNames']],
      ['Xinjiang Production and Construction Corps', ['sections']],
    ]);
  });

  it('reads FtM JSON and sees the renamed GCL entry as a change against the older page', () => {
    const older = readEntityListFile(HTML, { snapshotDate: '2026-07-09' });
    const gcl = older.entries.length;
    const withGcl = {
      ...older,
      entries: [
        ...older.entries,
        {
          ...older.entries[0],
          key: 'xinjiang gcl new energy material technology co ltd',
          name: 'Xinjiang GCL New Energy Material Technology, Co. Ltd',
          aliases: ['Xinjiang GCL New Energy Materials Technology Co.'],
          formerNames: [],
        },
      ],
    };
    expect(withGcl.entries).toHaveLength(gcl + 1);
    const u = prepareEntityListUpdate(JSONL, withGcl);
    expect(u.format).toBe('opensanctions-json');
    expect(u.diff.changed.find((c) => c.name.startsWith('Xinjiang Goens'))).toMatchObject({
      previousName: 'Xinjiang GCL New Energy Material Technology, Co. Ltd',
      fields: expect.arrayContaining(['name', 'formerNames']),
    });
    expect(u.diff.added).toEqual([]);
  });
});
