// A name field that gives the firm's other names: "Golden Sun Trading Co., Ltd. (formerly Xinjiang
// Zhongtai Chemical Co., Ltd.)", "… f/k/a …", "… d/b/a …", "… aka …", "(now …)", "原名…". Each is
// a name of this firm, as the Entity List's own aliases and former names are of its entries: read
// whole, the other name was diluted to POSSIBLE; each is screened on its own as well. So are two
// firms' names written in one field ("A Co., Ltd. / B Co., Ltd.", a joint shipper or either of two).
import { LEGAL_FORM } from './nameEnd';

// "now" only in brackets: "Right Now Trading" is one name
const MARKER =
  /\(?\s*\b(?:formerly(?:\s+known\s+as)?|f\s*\/\s*k\s*\/\s*a|fka|a\s*\/\s*k\s*\/\s*a|aka|also\s+known\s+as|d\s*\/\s*b\s*\/\s*a|dba|doing\s+business\s+as|trading\s+as|t\s*\/\s*a|renamed(?:\s+as|\s+to)?)\b[\s:.,]*|\(\s*now(?:\s+known\s+as)?\b[\s:.,]*|[（(]?\s*(?:原名|曾用名|现名|又名)[\s:：]*/giu;
const LETTER = /\p{L}/u;

// two firms' names in one field, each with its legal form: "A Co., Ltd. / B Co., Ltd.", "A Ltd; B Ltd", "A Ltd & B Ltd"
const SEPARATOR = /^\s*(?:[/;|&]|\band\b)\s*(?=\p{L})/iu;

/** The name split after each legal form that a separator (/ ; | & and) and another name follow. */
function separatedNames(name: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of name.matchAll(LEGAL_FORM)) {
    const end = m.index + m[0].length;
    const sep = SEPARATOR.exec(name.slice(end));
    if (!sep) continue;
    out.push(name.slice(from, end));
    from = end + sep[0].length;
  }
  out.push(name.slice(from));
  return out;
}

/**
 * The names a name field gives, split at "formerly", "f/k/a", "d/b/a", "aka", "now", 原名…, and
 * between two names each with its legal form; null when it gives one.
 */
export function akaNames(name: string): string[] | null {
  const parts = separatedNames(name)
    .flatMap((n) => n.split(MARKER))
    .map((p) => p.replace(/^[\s,;()（）]+|[\s,;()（）]+$/gu, ''))
    .filter((p) => LETTER.test(p));
  return parts.length > 1 ? parts : null;
}
