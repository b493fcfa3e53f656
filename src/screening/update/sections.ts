// Statutory sections of the UFLPA Entity List (2(d)(2)(B)(i)..(v)) as DHS writes them.

/** Matches "2(d)(2)(B)(v)" however it is spaced; group 1 is the roman numeral. */
export const SECTION_PATTERN = /2\s*\(\s*d\s*\)\s*\(\s*2\s*\)\s*\(\s*B\s*\)\s*\(\s*(iv|v|i{1,3})\s*\)/i;
const ROMAN_ORDER = ['i', 'ii', 'iii', 'iv', 'v'];

/** The section form the snapshot parser uses: '2(d)(2)(B)(ii)'. */
export function sectionId(roman: string): string {
  return `2(d)(2)(B)(${roman.toLowerCase()})`;
}

/** The last statutory section named in a text, as '2(d)(2)(B)(x)', or null. */
export function findSection(text: string): string | null {
  const re = new RegExp(SECTION_PATTERN.source, 'gi');
  let last: string | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = sectionId(m[1]);
  return last;
}

/** Order of a section by its roman numeral, for sorting an entry's sections. */
export function sectionRank(section: string): number {
  const m = /\(([ivx]+)\)$/i.exec(section);
  const i = m ? ROMAN_ORDER.indexOf(m[1].toLowerCase()) : -1;
  return i < 0 ? 99 : i;
}
