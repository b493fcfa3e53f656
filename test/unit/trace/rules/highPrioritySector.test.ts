import { highPrioritySector, highPrioritySectors, normalizeHsCode } from '../../../../src/trace/rules';

describe('highPrioritySector', () => {
  it('reads all twelve FLETF sectors from the seed', () => {
    expect(highPrioritySectors().map((s) => s.id)).toEqual([
      'APPAREL',
      'COTTON',
      'SILICA_BASED',
      'TOMATOES',
      'ALUMINUM',
      'PVC',
      'SEAFOOD',
      'CAUSTIC_SODA',
      'COPPER',
      'LITHIUM',
      'RED_DATES',
      'STEEL',
    ]);
  });

  it('matches HS codes with dots by prefix', () => {
    expect(highPrioritySector({ hsCode: '5201.00' })).toEqual({ sector: 'COTTON', prefix: '5201', designated: '2022' });
    expect(highPrioritySector({ hsCode: '5205.12' })).toEqual({ sector: 'COTTON', prefix: '5205', designated: '2022' });
    expect(highPrioritySector({ hsCode: '6109.10' })).toEqual({ sector: 'APPAREL', prefix: '61', designated: '2022' });
    expect(highPrioritySector({ hsCode: '2804.61' })).toEqual({ sector: 'SILICA_BASED', prefix: '280461', designated: '2022' });
    expect(highPrioritySector({ hsCode: '8541.43' })).toEqual({ sector: 'SILICA_BASED', prefix: '854143', designated: '2022' });
    expect(highPrioritySector({ hsCode: '7601.10' })).toEqual({ sector: 'ALUMINUM', prefix: '76', designated: '2023' });
    expect(highPrioritySector({ hsCode: '0813.40' })).toEqual({ sector: 'RED_DATES', prefix: '081340', designated: '2025' });
    expect(highPrioritySector({ hsCode: '0302.11' })).toEqual({ sector: 'SEAFOOD', prefix: '03', designated: '2024' });
  });

  it('matches 10-digit HTS codes, with dots, spaces, hyphens or none', () => {
    expect(highPrioritySector({ hsCode: '2804.61.0000' })?.prefix).toBe('280461');
    expect(highPrioritySector({ hsCode: '6109100012' })?.sector).toBe('APPAREL');
    expect(highPrioritySector({ hsCode: '5209 32 0020' })?.sector).toBe('COTTON');
    expect(highPrioritySector({ hsCode: '3904-10-0000' })?.sector).toBe('PVC');
    expect(highPrioritySector({ hsCode: ' HTS 8507.60.0020 ' })).toEqual({ sector: 'LITHIUM', prefix: '850760', designated: '2025' });
  });

  it('returns null for codes outside the sectors', () => {
    // quartz, knit fabric, brake fluids, phosphorus, diodes, a made-up code
    for (const hsCode of ['2506.10', '6006.21', '3819.00', '2804.70', '8541.10', '9999999999']) {
      expect(highPrioritySector({ hsCode })).toBeNull();
    }
    // the neighbours of those are in: doped wafers 3818, polysilicon 2804.61
    expect(highPrioritySector({ hsCode: '3818.00' })?.sector).toBe('SILICA_BASED');
    expect(highPrioritySector({ hsCode: '2804.61' })?.sector).toBe('SILICA_BASED');
  });

  it('needs the whole prefix: a code shorter than the prefix does not match', () => {
    expect(highPrioritySector({ hsCode: '52' })).toBeNull();
    expect(highPrioritySector({ hsCode: '2804' })).toBeNull();
    expect(highPrioritySector({ hsCode: '76' })?.sector).toBe('ALUMINUM');
  });

  it('returns null for missing or malformed codes', () => {
    expect(highPrioritySector({})).toBeNull();
    expect(highPrioritySector({ hsCode: null, sector: null })).toBeNull();
    expect(highPrioritySector({ hsCode: '' })).toBeNull();
    expect(highPrioritySector({ hsCode: 'cotton' })).toBeNull();
    expect(highPrioritySector({ hsCode: '52O1.00' })).toBeNull();
  });

  it('an explicit sector id wins, case-insensitively', () => {
    expect(highPrioritySector({ sector: 'cotton' })).toEqual({ sector: 'COTTON', prefix: null, designated: '2022' });
    expect(highPrioritySector({ sector: 'Red dates' })).toEqual({ sector: 'RED_DATES', prefix: null, designated: '2025' });
    expect(highPrioritySector({ sector: 'silica-based' })?.sector).toBe('SILICA_BASED');
    expect(highPrioritySector({ sector: 'Cotton', hsCode: '6109.10' })).toEqual({ sector: 'COTTON', prefix: null, designated: '2022' });
  });

  it('an unknown sector falls back to the HS code', () => {
    expect(highPrioritySector({ sector: 'electronics', hsCode: '7403.11' })).toEqual({
      sector: 'COPPER',
      prefix: '74',
      designated: '2025',
    });
    expect(highPrioritySector({ sector: 'electronics' })).toBeNull();
  });

  it('normalizeHsCode keeps only the digits of a well-formed code', () => {
    expect(normalizeHsCode('2804.61.0000')).toBe('2804610000');
    expect(normalizeHsCode('HS: 5201')).toBe('5201');
    expect(normalizeHsCode('n/a')).toBeNull();
  });
});
