// A name written in two scripts at once, as Chinese suppliers write theirs on invoices and in ERP
// fields: "新疆中泰化学股份有限公司 (Xinjiang Zhongtai Chemical Co., Ltd.)". Read whole, each half is
// extra words to the other and the listed name scored POSSIBLE (0.71) where either half alone is a
// MATCH; so each half is screened on its own as well, and each entry keeps its better reading.

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;
/** Han characters, with the digits, brackets and marks Chinese names write among them. */
const HAN_PART = /[\p{Script=Han}\d（）()【】·-]+/gu;
/** Latin words, with what Latin names write among them. */
const LATIN_PART = /[(A-Za-z0-9][A-Za-z0-9.,&'’()\- ]*/g;

/** The name's Han and Latin halves, when it holds a Chinese name of two characters or more and two Latin words or more; otherwise null. */
export function scriptParts(name: string): [han: string, latin: string] | null {
  if ((name.match(HAN) ?? []).length < 2 || (name.match(LATIN_WORD) ?? []).length < 2) return null;
  const han = (name.match(HAN_PART) ?? []).filter((p) => /\p{Script=Han}/u.test(p)).join('');
  const latin = (name.match(LATIN_PART) ?? [])
    .map((p) => p.trim())
    .filter((p) => /[A-Za-z]{2,}/.test(p))
    .join(' ');
  return han && latin ? [han, latin] : null;
}
