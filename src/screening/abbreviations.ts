// Abbreviations of trade documents (bills of lading, invoices, supplier sheets), expanded to
// the full words before the lexicon reads them, so "Ind.", "Indus." and "Inds" all reach
// "industry" and "Eng. (Grp)" reaches "engineering (group)". Keys are lower-case letters
// only (punctuation is gone by then: "Int'l" is "intl", "Imp/Exp" is "imp exp").
//   words: the abbreviation as one or more words in a row
//   full:  what it stands for, as words the lexicon or the name index knows
//   dotted: only when written with a full stop ("Mat." is material, "mat" may be a mat)
//   or:    a second reading of a one-word abbreviation ("Comm." is commercial or communications)

export interface Abbreviation {
  words: string[];
  full: string[];
  dotted?: boolean;
  or?: string;
}

const abbr = (spellings: string[], full: string, dotted = false, or?: string): Abbreviation[] =>
  spellings.map((s) => ({ words: s.split(' '), full: full.split(' '), dotted, ...(or ? { or } : {}) }));

export const ABBREVIATIONS: Abbreviation[] = [
  // Lines of business
  ...abbr(['ind', 'inds', 'indus', 'indust', 'indl', 'industr'], 'industry'),
  ...abbr(['techn', 'technol', 'tecnology', 'techs'], 'technology'),
  ...abbr(['sci', 'scien'], 'science'),
  ...abbr(['sci tech', 'sci and tech', 'sci n tech', 'scitec', 'sci tec', 'sci and techn', 'sci techn'], 'science and technology'),
  ...abbr(['eng', 'engg', 'engr', 'engin', 'enginr', 'engrg'], 'engineering'),
  ...abbr(['constr', 'const', 'cons', 'construct', 'constrn'], 'construction'),
  ...abbr(['comm', 'comms'], 'commercial', false, 'communications'),
  ...abbr(['coml', 'comml', 'commerc'], 'commercial'),
  ...abbr(['commun', 'communs', 'commns'], 'communications'),
  ...abbr(['econ', 'ecnmc'], 'economic'),
  ...abbr(['bus', 'busi', 'bsns'], 'business', true),
  ...abbr(['busi', 'bsns'], 'business'),
  ...abbr(['ent', 'entp', 'entpr', 'enterp'], 'enterprise', true),
  ...abbr(['entpr', 'enterp'], 'enterprise'),
  ...abbr(['gen', 'genl'], 'general', true),
  ...abbr(['co op'], 'cooperative'),
  ...abbr(['intl', 'intnl', 'internatl', 'intern', 'itl', 'int'], 'international'),
  ...abbr(['mfg', 'mfr', 'mfrs', 'mfrg', 'manuf', 'manufac', 'mnfg'], 'manufacturing'),
  ...abbr(['imp', 'impt'], 'import'),
  ...abbr(['exp', 'expt'], 'export'),
  ...abbr(['i e', 'ie', 'i and e', 'imp exp', 'impexp', 'imp n exp', 'i n e'], 'import and export'),
  ...abbr(['dev', 'devt', 'devel', 'devlp', 'dvlp', 'develop'], 'development'),
  ...abbr(['agri', 'agric', 'agr', 'agro'], 'agricultural'),
  ...abbr(['chem', 'chems', 'chm'], 'chemical'),
  ...abbr(['elec', 'electr', 'elect'], 'electric', false, 'electronics'),
  ...abbr(['electl'], 'electric'),
  ...abbr(['electron', 'elecs', 'electr n'], 'electronics'),
  ...abbr(['pharm', 'pharma', 'pharms', 'pharmac'], 'pharmaceutical'),
  ...abbr(['matl', 'matls', 'mtl', 'mtls', 'matr'], 'material'),
  ...abbr(['mat', 'mats'], 'material', true),
  ...abbr(['prod'], 'products', false, 'production'),
  ...abbr(['prods', 'prdts', 'prdt', 'pdts'], 'products'),
  ...abbr(['svc', 'svcs', 'serv', 'servs', 'srvc', 'srvcs', 'srvces', 'svces'], 'services'),
  ...abbr(['equip', 'equipt', 'eqpt', 'eqp'], 'equipment'),
  ...abbr(['mach', 'machy', 'mchy'], 'machinery'),
  ...abbr(['invest', 'invst', 'inv', 'invt'], 'investment'),
  ...abbr(['mgmt', 'mgt', 'mngt', 'mgmnt'], 'management'),
  ...abbr(['tex', 'txtl', 'txt', 'textl'], 'textile'),
  ...abbr(['gmt', 'gmts', 'garm'], 'garment'),
  ...abbr(['knit', 'kntg', 'knitg'], 'knitting'),
  ...abbr(['spng', 'spg'], 'spinning'),
  ...abbr(['tdg', 'trdg', 'trd'], 'trading'),
  ...abbr(['logis', 'logist'], 'logistics'),
  ...abbr(['whse', 'whs'], 'warehouse'),
  ...abbr(['transp', 'trnsp'], 'transport'),
  ...abbr(['trans'], 'transport', true),
  ...abbr(['info'], 'information'),
  ...abbr(['inf'], 'information', true),
  ...abbr(['biotech', 'bio tech'], 'biotechnology'),
  ...abbr(['nonfer', 'non fer'], 'nonferrous'),
  ...abbr(['metall', 'metal lurg'], 'metallurgy'),
  ...abbr(['petrochem', 'petro chem'], 'petrochemical'),
  ...abbr(['min', 'mng'], 'mining', true),
  ...abbr(['fd', 'fds'], 'food', true),
  // Organisation words, not in the lexicon: they stay name words, spelled out in full
  ...abbr(['assn', 'assoc'], 'association'),
  ...abbr(['asso', 'ass'], 'association', true),
  ...abbr(['bur', 'bu'], 'bureau', true),
  ...abbr(['admin', 'adm', 'adminis'], 'administration'),
  ...abbr(['dept', 'dpt', 'depart'], 'department'),
  ...abbr(['natl', 'nat', 'nt'], 'national', true),
  ...abbr(['natl'], 'national'),
  ...abbr(['univ'], 'university'),
  ...abbr(['inst', 'instit'], 'institute'),
  ...abbr(['ctr', 'cntr'], 'center'),
  ...abbr(['fty', 'facty'], 'factory'),
  ...abbr(['fac'], 'factory', true),
  ...abbr(['div'], 'division'),
  ...abbr(['bingtuan', 'btn'], 'corps'),
  // Ordinals written with digits ("XPCC 8th Div.")
  ...[
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
    'eleventh',
    'twelfth',
    'thirteenth',
    'fourteenth',
  ].flatMap((word, i) => abbr([`${i + 1}${i === 0 ? 'st' : i === 1 ? 'nd' : i === 2 ? 'rd' : 'th'}`], word)),
  ...abbr(['xpcc'], 'xinjiang corps'),
  // Places and administrative words
  ...abbr(['prov', 'pr'], 'province', true),
  ...abbr(['prov'], 'province'),
  ...abbr(['reg', 'rgn'], 'region'),
  ...abbr(['auton', 'aut', 'autonom'], 'autonomous'),
  ...abbr(['xuar', 'x u a r'], 'xinjiang uyghur autonomous region'),
  ...abbr(['pref'], 'prefecture'),
  ...abbr(['cty', 'cnty'], 'county'),
  ...abbr(['dist', 'dstr'], 'district'),
  ...abbr(['prc', 'p r c', 'p r china', 'pr china'], 'china'),
  // Legal forms and group words (the lexicon drops the legal forms; group words say "parent")
  ...abbr(['grp', 'gp', 'grup'], 'group'),
  ...abbr(['gr'], 'group', true),
  ...abbr(['hldg', 'hldgs', 'hold', 'hldng', 'hldngs', 'hdg', 'hdgs'], 'holdings'),
  ...abbr(['co ltd', 'coltd', 'co lt', 'co ld', 'col td', 'c o ltd'], 'company limited'),
  ...abbr(['corpn', 'corpo', 'crop'], 'corporation'),
  ...abbr(['ltd', 'ltda', 'lmt', 'lim', 'ld', 'lmtd', 'limted'], 'limited'),
  ...abbr(['cpy', 'cmpy', 'compy'], 'company'),
  ...abbr(['comp'], 'company', true),
  ...abbr(['jt stk', 'j s', 'jsc'], 'joint stock'),
  // Pinyin legal forms written apart or abbreviated
  ...abbr(['zong gongsi', 'zonggongsi', 'zong gong si'], 'zonggongsi'),
  ...abbr(['gufen youxian gongsi', 'gu fen you xian gong si'], 'gufenyouxiangongsi'),
  ...abbr(['youxian gongsi', 'you xian gong si', 'youxian gong si', 'yxgs'], 'youxiangongsi'),
  ...abbr(['ji tuan'], 'jituan'),
  ...abbr(['kong gu'], 'konggu'),
];

/** The abbreviation table by its first word, longest first, for a left-to-right scan. */
export function abbreviationIndex(table: Abbreviation[] = ABBREVIATIONS): Map<string, Abbreviation[]> {
  const byFirst = new Map<string, Abbreviation[]>();
  for (const a of table) {
    const l = byFirst.get(a.words[0]) ?? [];
    l.push(a);
    byFirst.set(a.words[0], l);
  }
  for (const l of byFirst.values()) l.sort((a, b) => b.words.length - a.words.length || Number(b.dotted ?? 0) - Number(a.dotted ?? 0));
  return byFirst;
}

/**
 * Words with their abbreviations spelled out. `dotted[i]` says whether words[i] was followed
 * by a full stop. `known` says whether a single word is a place name, which an undotted
 * abbreviation of the same spelling does not override. `onSecondReading` hears of each
 * spelled-out word that may also be read another way ("commercial" or "communications").
 * `earlier`: the name's words before these (an acronym after its spelled-out name is dropped).
 */
export function expandAbbreviations(
  words: string[],
  dotted: boolean[],
  index: Map<string, Abbreviation[]>,
  known: (word: string) => boolean,
  onSecondReading?: (word: string, or: string) => void,
  earlier: string[] = [],
): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let hit: Abbreviation | undefined;
    for (const a of index.get(words[i]) ?? []) {
      const n = a.words.length;
      if (i + n > words.length) continue;
      let same = true;
      for (let k = 1; k < n && same; k++) same = words[i + k] === a.words[k];
      if (!same) continue;
      if (a.dotted && !dotted[i + n - 1]) continue;
      // A one-word abbreviation that is also a place name ("Min", "Nat") stays a place unless dotted.
      if (n === 1 && !a.dotted && known(words[i])) continue;
      hit = a;
      break;
    }
    if (hit) {
      if (hit.or) onSecondReading?.(hit.full[0], hit.or);
      // An acronym after its own spelled-out name ("... Construction Corps (XPCC)", "Xinjiang ... (XUAR)") adds nothing.
      const repeats = hit.full.length > 1 && (earlier.includes(hit.full[0]) || out.includes(hit.full[0]));
      if (!repeats) out.push(...hit.full);
      i += hit.words.length;
    } else out.push(words[i++]);
  }
  return out;
}

/**
 * Whether `short` may abbreviate `word` by the two rules trade documents follow for words no
 * table lists: a truncation, the word's first letters ("Alum." for aluminum, "Internat." for
 * international; three letters with a full stop, four without), or a contraction, letters of
 * the word in order from its first to its last ("Whsg" and "Warehsg" for warehousing, "Prtg"
 * for printing). At least three letters, and at least two fewer than the word.
 */
export function abbreviates(short: string, word: string, dotted: boolean): boolean {
  if (short.length < 3 || short.length > word.length - 2 || short[0] !== word[0]) return false;
  if (word.startsWith(short)) return dotted || short.length >= 4;
  if (short[short.length - 1] !== word[word.length - 1]) return false;
  let j = 1;
  for (let i = 1; i < word.length && j < short.length; i++) if (word[i] === short[j]) j++;
  return j === short.length;
}

/**
 * Chemical symbols of the elements the lexicon names, as firms write them ("Meike Si Energy"
 * for Meike Silicon Energy). Each is also a pinyin syllable or a word, so it stays a name word
 * and only may stand for the element (a second reading). Ag is left out: it is a legal form.
 */
export const ELEMENT_SYMBOLS: Readonly<Record<string, string>> = {
  si: 'silicon',
  al: 'aluminum',
  cu: 'copper',
  zn: 'zinc',
  mg: 'magnesium',
  li: 'lithium',
  ti: 'titanium',
  fe: 'iron',
  au: 'gold',
};
