// What the name search's full-text index (schema.ts, name_search) holds for a firm or facility,
// and the Lucene query that finds a text in it. The search answers "contains" (any part of a
// name, in any script, punctuation and all), which word analyzers cannot: each node stores its
// names' grams (every run of GRAM characters), the query asks for all of the text's grams, and
// Cypher keeps the candidates that really contain the text. Beside the names as written the
// node stores their screening forms (normalize.ts: accents, width, legal forms, Chinese as
// pinyin), so "Lüliang" finds 吕梁 and a spelling variant finds the firm.
import { normalizeName } from '../screening/normalize';

/** Characters per gram: a text of this length or more is found by exact grams, a shorter one by their start. */
export const GRAM = 3;
/** Grams a query asks for at most: enough to make a long text selective; Cypher checks the rest. */
const MAX_QUERY_GRAMS = 24;

/** The stored search properties of a firm or facility, beside `searchText` (records.ts). */
export interface SearchForms {
  /** The names' screening forms, lower case, joined by " | ". */
  searchNorm: string;
  /** Distinct grams of the names as written (lower case) and of their screening forms, space-separated. */
  searchGrams: string;
}

/** Whitespace and invisible characters become "_": the index splits grams on whitespace only. */
const gramChar = (c: string) => (/[\s\p{C}]/u.test(c) ? '_' : c);

/**
 * Every run of GRAM code points of the text, and the shorter runs at its end: any part of the
 * text at least GRAM long has all its grams here, and any shorter part is the start of one.
 */
export function gramsOf(text: string): string[] {
  const chars = Array.from(text, gramChar);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) out.push(chars.slice(i, i + GRAM).join(''));
  return out;
}

/** The screening form of a text, lower case ("" when nothing is left of it, e.g. "Co., Ltd."). */
export const screeningForm = (text: string): string => normalizeName(text).normalized.toLowerCase();

/** The search forms of a record's names (name, aliases, local name). */
export function searchFormsOf(names: readonly (string | null | undefined)[]): SearchForms {
  const present = names.filter((n): n is string => !!n);
  const written = present.join(' | ').toLowerCase();
  const forms = [...new Set(present.map(screeningForm).filter(Boolean))].join(' | ');
  const grams = new Set([...gramsOf(written), ...gramsOf(forms)]);
  return { searchNorm: forms, searchGrams: [...grams].join(' ') };
}

/** Lucene's query syntax characters, each escaped with a backslash (&& and || are escaped char by char). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
export const escapeLucene = (s: string): string => s.replace(LUCENE_SPECIAL, '\\$&');

/** All of the text's grams (spread over it, at most MAX_QUERY_GRAMS), or for a short text grams starting with it. */
function gramsClause(text: string): string {
  const chars = Array.from(text, gramChar);
  if (chars.length < GRAM) return `+searchGrams:${escapeLucene(chars.join(''))}*`;
  const all = [...new Set(gramsOf(text).filter((g) => Array.from(g).length === GRAM))];
  const step = Math.max(1, all.length / MAX_QUERY_GRAMS);
  const picked = new Set<string>();
  for (let i = 0; i < all.length && picked.size < MAX_QUERY_GRAMS; i += step) picked.add(all[Math.floor(i)]);
  picked.add(all[all.length - 1]);
  return [...picked].map((g) => `+searchGrams:"${escapeLucene(g)}"`).join(' ');
}

export interface NameSearch {
  /** The Lucene query: the tenant's nodes holding every gram of the text, or of its screening form. */
  query: string;
  /** The text in lower case, which a node's names must contain... */
  text: string;
  /** ...or its screening form, which the node's forms must contain ("" for none). */
  norm: string;
}

/**
 * The full-text query for a search text within a tenant. Nothing of the text reaches the query
 * unescaped; the tenant's clause only narrows the candidates (Cypher checks the tenant exactly).
 */
export function nameSearch(tenant: string, text: string): NameSearch {
  const lower = text.toLowerCase();
  // a form shorter than a gram ("b" of "+B") would find nearly every firm: the text alone then
  const form = screeningForm(text);
  const norm = Array.from(form).length >= GRAM ? form : '';
  const alternatives = [lower, ...(norm && norm !== lower ? [norm] : [])].map((t) => `(${gramsClause(t)})`);
  // tenant names have no whitespace (auth.ts); one that had would need a phrase, so it is left to Cypher
  const tenantClause = /^\S+$/.test(tenant) ? `+tenant:"${escapeLucene(tenant)}" ` : '';
  return { query: `${tenantClause}+(${alternatives.join(' ')})`, text: lower, norm };
}
