// Disguised supplier names against the real Neo4j: a listed supplier written with Cyrillic
// look-alike letters is still found by screening at import and FLAGGED, and a disguised name
// carries DISGUISED_NAME, in the trace and in the packet, naming the characters.
import { startHarness, Harness } from './harness';
import { chainBundle, TierSpec } from '../fixtures/scenarios';
import type { Bundle } from '../../src/model/bundle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const TRACE = `query($id: ID!) {
  traceShipment(id: $id) { shipmentId verdict flags { kind firmId tier reason evidence } } }`;

async function load(b: Bundle) {
  const res = await h.gql('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', { b });
  expect(res.errors).toBeUndefined();
}
async function trace(id: string) {
  const res = await h.gql(TRACE, { id });
  expect(res.errors).toBeUndefined();
  return res.data.traceShipment as {
    verdict: string;
    flags: { kind: string; firmId: string; tier: number; reason: string; evidence: string[] }[];
  };
}

// Xinjiang Zhongtai Chemical (on the Entity List, in the XUAR) with Cyrillic а (U+0430) and о (U+043E)
const DISGUISED_ZHONGTAI = 'Xinjiаng Zhоntai Chemicаl Cо., Ltd.';

const pvcTiers = (resinMaker: TierSpec['firm'], facility: TierSpec['facility']): TierSpec[] => [
  {
    firm: { name: 'Pacific Rim Flooring Co', city: 'Binh Duong', country: 'VN' },
    facility: { country: 'VN', city: 'Binh Duong' },
    material: { name: 'Vinyl floor tiles', hsCode: '3918.10' },
  },
  { firm: resinMaker, facility, material: { name: 'PVC resin', hsCode: '3904.10', raw: true } },
];

describe('disguised supplier names (real Neo4j)', () => {
  it('screenName finds the listed entity behind Cyrillic look-alike letters', async () => {
    const res = await h.gql('query($n: String!) { screenName(name: $n, limit: 3) { entityName decision } }', { n: DISGUISED_ZHONGTAI });
    expect(res.errors).toBeUndefined();
    expect(res.data.screenName[0]).toEqual({ entityName: 'Xinjiang Zhongtai Chemical Co. Ltd.', decision: 'MATCH' });
  });

  it('a listed XUAR supplier disguised with Cyrillic letters is FLAGGED as UFLPA_LISTED and carries DISGUISED_NAME', async () => {
    // its sales office in Shanghai: only the listing can flag it
    await load(
      chainBundle('DSG', pvcTiers({ name: DISGUISED_ZHONGTAI, country: 'CN' }, { country: 'CN', city: 'Shanghai', province: 'Shanghai' }), {
        importer: 'Flooring Importer Inc.',
      }),
    );
    const t = await trace('DSG-S1');
    expect(t.verdict).toBe('FLAGGED');
    expect(t.flags.some((f) => f.kind === 'XUAR_LOCATION')).toBe(false);
    const listed = t.flags.find((f) => f.kind === 'UFLPA_LISTED');
    expect(listed).toMatchObject({ firmId: 'DSG-F2', tier: 2 });
    expect(listed!.reason).toContain('Xinjiang Zhongtai Chemical Co. Ltd.');
    const disguised = t.flags.find((f) => f.kind === 'DISGUISED_NAME');
    expect(disguised).toMatchObject({ firmId: 'DSG-F2', tier: 2 });
    expect(disguised!.reason).toContain(`The firm name "${DISGUISED_ZHONGTAI}" (tier 2) mixes Cyrillic letters that look like Latin ones`);
    expect(disguised!.evidence).toContain('"а" U+0430 CYRILLIC SMALL LETTER A in "Xinjiаng" (firm name)');
    expect(disguised!.evidence).toContain('"о" U+043E CYRILLIC SMALL LETTER O in "Zhоntai" (firm name)');
    // the name indicator reads through the disguise too
    expect(t.flags.some((f) => f.kind === 'NAME_INDICATOR' && f.firmId === 'DSG-F2')).toBe(true);

    const packet = await h.gql('query($id: ID!) { rebuttalPacket(shipmentId: $id) { verdict markdown } }', { id: 'DSG-S1' });
    expect(packet.errors).toBeUndefined();
    expect(packet.data.rebuttalPacket.verdict).toBe('FLAGGED');
    expect(packet.data.rebuttalPacket.markdown).toContain('DISGUISED_NAME');
    expect(packet.data.rebuttalPacket.markdown).toContain('U+0430 CYRILLIC SMALL LETTER A');
  });

  it('a listed supplier stored backwards under a right-to-left override (shown as its name) is FLAGGED', async () => {
    const shown = 'Xinjiang Zhongtai Chemical Co. Ltd.';
    const stored = '\u202e' + [...shown].reverse().join('') + '\u202c';
    await load(
      chainBundle('RLO', pvcTiers({ name: stored, country: 'CN' }, { country: 'CN', city: 'Shanghai', province: 'Shanghai' }), {
        importer: 'Flooring Importer Inc.',
      }),
    );
    const t = await trace('RLO-S1');
    expect(t.verdict).toBe('FLAGGED');
    expect(t.flags.find((f) => f.kind === 'UFLPA_LISTED')).toMatchObject({ firmId: 'RLO-F2', tier: 2 });
    const disguised = t.flags.find((f) => f.kind === 'DISGUISED_NAME');
    expect(disguised!.reason).toContain(`as it shows on screen, as "${shown}"`);
    expect(disguised!.evidence.join(' ')).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
  });

  it('a disguised name of a firm that is not listed carries DISGUISED_NAME and changes no verdict', async () => {
    const name = 'Ningbo Hai\u200bxing Plаstics Co., Ltd.';
    await load(chainBundle('DSN', pvcTiers({ name, country: 'CN' }, { country: 'CN', city: 'Ningbo', province: 'Zhejiang' })));
    const t = await trace('DSN-S1');
    expect(t.verdict).toBe('CLEAR');
    expect(t.flags.filter((f) => f.kind === 'UFLPA_LISTED' || f.kind === 'XUAR_LOCATION')).toEqual([]);
    const disguised = t.flags.find((f) => f.kind === 'DISGUISED_NAME');
    expect(disguised).toMatchObject({ firmId: 'DSN-F2', tier: 2 });
    expect(disguised!.evidence).toEqual([
      'U+200B ZERO WIDTH SPACE in "Hai[U+200B]xing" (firm name)',
      '"а" U+0430 CYRILLIC SMALL LETTER A in "Plаstics" (firm name)',
    ]);
    // the hidden character is shown, never left in the text
    expect(disguised!.reason).toContain('"Ningbo Hai[U+200B]xing Plаstics Co., Ltd."');
    expect(disguised!.reason).not.toContain('\u200b');
  });

  it('the flagKinds query serves the new kind to the page', async () => {
    const res = await h.gql('query { flagKinds { kind presumptive label severity } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.flagKinds).toContainEqual({ kind: 'DISGUISED_NAME', presumptive: false, label: 'Disguised name', severity: 'SIGNAL' });
  });
});
