// Which country codes and names are real, from the runtime's own CLDR data (Intl.DisplayNames,
// kept current with Node's ICU) rather than a hand list. Used to refuse a made-up code at
// import ("XJ" for Xinjiang) and, in the place rule, to tell another country from a country
// we cannot read: only a real other country rules a XUAR place name out.
const NOT_COUNTRIES = new Set(['ZZ', 'XA', 'XB', 'EU', 'EZ', 'UN', 'QO']);

let names: Map<string, string> | undefined;

/** code -> English name, for every ISO 3166-1 alpha-2 code CLDR names. */
function countryNames(): Map<string, string> {
  if (names) return names;
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  names = new Map();
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = display.of(code);
      if (name) names.set(code, name);
    }
  }
  return names;
}

/** Whether a two-letter code is an ISO 3166-1 country or territory code (case-insensitive). */
export function isCountryCode(code: string): boolean {
  return /^[A-Za-z]{2}$/.test(code) && countryNames().has(code.toUpperCase());
}

/** The English name of a country code, or undefined for a code that is not one. */
export function countryName(code: string): string | undefined {
  return countryNames().get(code.toUpperCase());
}

const compact = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
let byName: Map<string, string> | undefined;

/** The code of a country written as its code or its English name ("Kazakhstan", "kz"); undefined when neither. */
export function countryCodeOf(text: string): string | undefined {
  const t = text.trim();
  if (isCountryCode(t)) return t.toUpperCase();
  if (!byName) byName = new Map([...countryNames()].map(([code, name]) => [compact(name), code]));
  return byName.get(compact(t));
}
