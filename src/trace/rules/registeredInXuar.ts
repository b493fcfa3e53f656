// A firm registered in the XUAR: its unified social credit code (model/gazetteer/uscc.ts) was
// issued by an authority of a XUAR division (GB/T 2260 codes 65xxxx). Read where the firm's own
// location is what a trace judges (a firm with no facility on the path, or whose facility gives
// no more than its country) and its address places nothing in the XUAR: a supplier given only its
// registration number ("91650421…", as the bundle format's example) had traced CLEAR.
import { readUscc } from '../../model/gazetteer/uscc';
import { chinaDivisionRows } from '../../model/gazetteer/divisionRows';
import { countryCodeOf } from '../../model/gazetteer/countries';
import type { XuarLocation } from './xuarPlaceMatcher';
import { titleCase } from '../../model/text/titleCase';

/** "Shanshan (鄯善县)": the division of a code, or its nearest enclosing one; null for no division the table has. */
function divisionName(code: string): string | null {
  const rows = chinaDivisionRows();
  for (const c of [code, code.slice(0, 4)]) {
    const row = rows.find((r) => r.code === c);
    if (row) return `${titleCase(row.pinyin)} (${row.zh}${row.suffix})`;
  }
  return null;
}

/**
 * The firm's registration read as a XUAR location, or null where it is no code of a XUAR division
 * (one the division table knows, at least its prefecture: a number of another kind that happens to
 * start "9165" is not read) or the firm is of another country.
 */
export function registeredInXuar(firm: { id: string; registrationId?: string | null; country?: string | null }): XuarLocation | null {
  const code = readUscc(firm.registrationId);
  if (!code?.division.startsWith('65')) return null;
  const division = divisionName(code.division);
  if (!division) return null;
  const country = firm.country ? countryCodeOf(firm.country) : undefined;
  if (country && country !== 'CN') return null;
  const check = code.checkValid
    ? 'check character valid'
    : 'its check character does not add up: mistyped or made up, but it names a XUAR division';
  return {
    inXuar: true,
    confidence: 'definite',
    evidence: [
      `firm ${firm.id}'s registration number ${firm.registrationId!.trim()} is a unified social credit code (${check}) issued in ${division}, division code ${code.division}, XUAR: the firm is registered there`,
    ],
  };
}
