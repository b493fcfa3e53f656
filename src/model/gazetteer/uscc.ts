// China's unified social credit code (统一社会信用代码, GB 32100-2015), the registration number of
// every Chinese firm since 2015: 18 characters, of which the third to the eighth are the GB/T 2260
// code of the division whose authority registered the firm ("91650421…": 650421, Shanshan County,
// XUAR). The last is a check character.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// registration authority (1st) and entity type (2nd) as the standard assigns them
const SHAPE = /^[1-9A-HJ-NP-RT-UWXY][1-9]\d{6}[0-9A-HJ-NP-RT-UWXY]{10}$/;

/** The check character of the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** A code's registering division (six digits) and whether its check character adds up. */
export interface UsccReading {
  division: string;
  checkValid: boolean;
}

/**
 * The registering division of a string shaped as a unified social credit code (spaces and hyphens
 * ignored), or null. The check character is reported, not required: a code mistyped in one place,
 * or made up for a form, still names the division it was meant to.
 */
export function readUscc(registrationId: string | null | undefined): UsccReading | null {
  if (typeof registrationId !== 'string') return null;
  const code = registrationId.toUpperCase().replace(/[\s-]/g, '');
  if (!SHAPE.test(code)) return null;
  return { division: code.slice(2, 8), checkValid: usccCheckCharacter(code.slice(0, 17)) === code[17] };
}

/** The registering division's six-digit code of a valid unified social credit code (check character included), or null. */
export function usccDivision(registrationId: string | null | undefined): string | null {
  const read = readUscc(registrationId);
  return read?.checkValid ? read.division : null;
}
