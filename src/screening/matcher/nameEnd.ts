// A firm's name ends at its legal form; what an ERP field or a shipping document writes after it
// is the firm's address, a branch, an attention line or a forwarder it is in care of:
// "Xinjiang Zhongtai Chemical Co., Ltd., No. 78 Hongshan Road, Urumqi", "… Co., Ltd. Fukang
// Branch", "… CO LTD C/O SHANGHAI FORWARDING LTD". Read whole, what follows dilutes the name to
// POSSIBLE; the name up to its legal form is screened as well. Not where another legal form or a
// group word follows ("X Co., Ltd. Y Trading Co., Ltd." may be another company, "X Limited Group"
// is the group above X), unless in care of.

export const LEGAL_FORM =
  /\b(?:co\.?\s*,?\s*ltd\.?|company\s+limited|co\.?\s*,?\s*limited|limited|ltd\.?|inc\.?|incorporated|corp\.?|corporation|llc|gmbh|plc|jsc)(?=[\s,;:/()–—-]|$)|股份有限公司|有限责任公司|有限公司/giu;
const ANOTHER_LEGAL_FORM = new RegExp(LEGAL_FORM.source, 'iu');
// what names a firm of its own, or the group above one ("Kingherbs Limited Grp" is the group, not
// Kingherbs); a branch (分公司, fen gongsi) is the firm itself
const FIRM_WORDS = /\b(?:group|grp|holdings?|jituan|konggu|youxian|(?<!fen\s)gongsi)\b|集团|控股|(?<!分)公司/iu;
const IN_CARE_OF = /^[\s,;:/()–—-]*(?:c\s*\/\s*o\b|care\s+of\b|attn\b|attention\b)/i;
const LETTER = /\p{L}/u;

/** The name up to the end of its first legal form, when more follows that is no other firm's name; otherwise null. */
export function nameUpToLegalForm(name: string): string | null {
  for (const m of name.matchAll(LEGAL_FORM)) {
    const end = m.index + m[0].length;
    const rest = name.slice(end);
    if (!LETTER.test(rest)) return null;
    const head = name.slice(0, m.index);
    if (!LETTER.test(head)) continue;
    if (!IN_CARE_OF.test(rest) && (ANOTHER_LEGAL_FORM.test(rest) || FIRM_WORDS.test(rest))) return null;
    return name.slice(0, end).trim();
  }
  return null;
}
