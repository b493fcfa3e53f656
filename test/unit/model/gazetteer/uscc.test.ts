import { readUscc, usccCheckCharacter, usccDivision } from '../../../../src/model/gazetteer/uscc';

describe('unified social credit codes (GB 32100-2015)', () => {
  it.each([
    ['91110000100010433L', '110000'],
    ['91310000132149237G', '310000'],
    ['91650421MA78N5R2XX', '650421'],
    ['9165 0421 MA78 N5R2 XX', '650421'], // spaces and hyphens as printed
    ['91650421ma78n5r2xx', '650421'],
  ])('reads %s as registered in division %s', (code, division) => expect(usccDivision(code)).toBe(division));

  it('reads no code whose check character does not add up, nor anything not shaped like one', () => {
    for (const code of ['91110000100010433K', '91650421MA78N5R2X', '9165042IMA78N5R2XX', 'CN-XJ-650421', '', null, undefined, '650421'])
      expect(usccDivision(code)).toBeNull();
  });

  it('reads the division of a code whose check character does not add up, saying so (a mistyped or made-up number)', () => {
    expect(readUscc('91650421MA78N5R2XY')).toEqual({ division: '650421', checkValid: false });
    expect(readUscc('91650421MA78N5R2XX')).toEqual({ division: '650421', checkValid: true });
    expect(readUscc('1101873245')).toBeNull();
  });

  it('property: a one-character change in a valid code is caught by its check character', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const code = '91650421MA78N5R2XX';
    for (let i = 2; i < 17; i++)
      for (const c of charset) {
        if (c === code[i] || (i < 8 && !/\d/.test(c))) continue;
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        expect(usccDivision(changed)).toBeNull();
      }
    expect(usccCheckCharacter(code.slice(0, 17))).toBe('X');
  });
});
