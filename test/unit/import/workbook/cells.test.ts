import { booleanCell, dateCell, isEmptyCell, listCell, numberCell, textCell } from '../../../../src/import/workbook/cells';
import { columnLetters, columnNumber } from '../../../../src/import/workbook/place';

const value = (r: { value?: unknown } | { problem: string }) => ('problem' in r ? `problem: ${r.problem}` : r.value);

describe('cell rules', () => {
  it('an empty cell, or one of spaces, is an absent field', () => {
    for (const c of [null, undefined, '', '   ', '\t\n']) {
      expect(isEmptyCell(c)).toBe(true);
      expect(value(textCell(c))).toBeUndefined();
      expect(value(numberCell(c))).toBeUndefined();
      expect(value(booleanCell(c))).toBeUndefined();
      expect(value(listCell(c))).toBeUndefined();
    }
    expect(isEmptyCell(0)).toBe(false);
    expect(isEmptyCell(false)).toBe(false);
  });

  it('ids and codes stay text: leading zeros, trailing decimals, number cells as they show', () => {
    expect(value(textCell('00123'))).toBe('00123');
    expect(value(textCell('5201.00'))).toBe('5201.00');
    expect(value(textCell(5201))).toBe('5201');
    expect(value(textCell({ number: 5201, shown: '5201.00' }))).toBe('5201.00');
    expect(value(textCell({ number: 123, shown: '00123' }))).toBe('00123');
    expect(value(textCell('  F-1 '))).toBe('F-1'); // the spaces a spreadsheet hides
    expect(value(textCell('\u200bF-1'))).toBe('\u200bF-1'); // an invisible character is evidence: kept
    expect(value(textCell('Line one\nline two'))).toBe('Line one\nline two');
  });

  it('numbers: number cells and plain decimal text only', () => {
    expect(value(numberCell(12000))).toBe(12000);
    expect(value(numberCell('12000'))).toBe(12000);
    expect(value(numberCell(' 0.6 '))).toBe(0.6);
    expect(value(numberCell('-12.5'))).toBe(-12.5);
    expect(value(numberCell('.5'))).toBe(0.5);
    expect(value(numberCell({ number: 7, shown: '7.00' }))).toBe(7);
    for (const bad of ['12,000', '1e3', '12 kg', 'twelve', '0x10', '1.2.3'])
      expect(value(numberCell(bad))).toMatch(/^problem: must be a number/);
    expect(value(numberCell(true))).toMatch(/found true/);
    expect(value(numberCell(new Date('2024-03-01T00:00:00Z')))).toMatch(/found the date 2024-03-01/);
  });

  it('booleans: TRUE/FALSE cells and true, false, yes, no, 1, 0 as text in any case', () => {
    for (const t of [true, 'true', 'TRUE', 'Yes', 'yes', '1', 1]) expect(value(booleanCell(t))).toBe(true);
    for (const f of [false, 'false', 'False', 'NO', '0', 0]) expect(value(booleanCell(f))).toBe(false);
    for (const bad of ['maybe', 'y', '2', 2]) expect(value(booleanCell(bad))).toMatch(/^problem: must be true or false/);
  });

  it('dates: date cells and text, a bare number refused as a date that lost its format', () => {
    expect(value(dateCell(new Date(Date.UTC(2024, 2, 1))))).toBe('2024-03-01');
    expect(value(dateCell('2024-03-01'))).toBe('2024-03-01');
    expect(value(dateCell(45352))).toMatch(/^problem: must be a date: a date cell or text YYYY-MM-DD \(found the number 45352/);
    expect(value(textCell(new Date(Date.UTC(1999, 11, 31))))).toBe('1999-12-31');
  });

  it('lists: ";" separated, spaces trimmed, empty entries dropped', () => {
    expect(value(listCell('FL-1;FL-2'))).toEqual(['FL-1', 'FL-2']);
    expect(value(listCell(' FL-1 ;  FL-2 ; '))).toEqual(['FL-1', 'FL-2']);
    expect(value(listCell('D-1'))).toEqual(['D-1']);
    expect(value(listCell(7))).toEqual(['7']);
    expect(value(listCell(' ; '))).toBeUndefined();
    expect(value(listCell('Hesheng Silicon, Ltd; Hoshine'))).toEqual(['Hesheng Silicon, Ltd', 'Hoshine']);
  });

  it('a formula error in any kind of field is a problem naming the error', () => {
    for (const read of [textCell, numberCell, booleanCell, dateCell, listCell]) {
      expect(value(read({ error: '#N/A' }))).toBe('problem: the cell holds the error #N/A; fix its formula or clear it');
    }
  });

  it('column letters and numbers', () => {
    expect([1, 3, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    for (let n = 1; n < 2000; n += 7) expect(columnNumber(columnLetters(n))).toBe(n);
  });
});
