// A name field that gives the firm's other names: "Golden Sun Trading Co., Ltd. (formerly Xinjiang
// Zhongtai Chemical Co., Ltd.)", "… f/k/a …", "… d/b/a …", "… aka …", "(now …)", "原名…". Each is
// a name of this firm, as the Entity List's own aliases and former names are of its entries: read
// whole, the other name was diluted to POSSIBLE; each is screened on its own as well.

// "now" only in brackets: "Right Now Trading" is one name
const MARKER =
  /\(?\s*\b(?:formerly(?:\s+known\s+as)?|f\s*\/\s*k\s*\/\s*a|fka|a\s*\/\s*k\s*\/\s*a|aka|also\s+known\s+as|d\s*\/\s*b\s*\/\s*a|dba|doing\s+business\s+as|trading\s+as|t\s*\/\s*a|renamed(?:\s+as|\s+to)?)\b[\s:.,]*|\(\s*now(?:\s+known\s+as)?\b[\s:.,]*|[（(]?\s*(?:原名|曾用名|现名|又名)[\s:：]*/giu;
const LETTER = /\p{L}/u;

/** The names a name field gives, split at "formerly", "f/k/a", "d/b/a", "aka", "now", 原名…; null when it gives one. */
export function akaNames(name: string): string[] | null {
  const parts = name
    .split(MARKER)
    .map((p) => p.replace(/^[\s,;()（）]+|[\s,;()（）]+$/gu, ''))
    .filter((p) => LETTER.test(p));
  return parts.length > 1 ? parts : null;
}
