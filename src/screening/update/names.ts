// Splitting DHS's name text into name, aliases, former names, Chinese names and scope.
import type { EntityListEntry } from '../../model/entityList';

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** Collapses whitespace (incl. no-break spaces) and trims separators left over from a list. */
export function cleanName(s: string): string {
  return s
    .replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, ' ')
    .trim()
    .replace(/^(?:and|or)\s+/i, '')
    .replace(/^[;,:]\s*/, '')
    .replace(/\s*[;,:]$/, '')
    .trim();
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

// A name that ends like this is complete, so " and " after it starts the next name
// ("… Co., Ltd. and JWD Technology"); elsewhere "and" is part of a name ("Cotton and Linen").
const COMPANY_END = /(?:\bCo\.?|\bLtd\.?|\bLimited|\bInc\.?|\bCorp\.?|\bCorporation|\bCompany|\bLLC|\bL\.L\.C\.|\bGroup|\bPLC)$/i;

/** Splits "A Co., Ltd. and B" into two names where the left part ends like a company name. */
export function splitOnAnd(part: string, always = false): string[] {
  const out: string[] = [];
  const re = /\s+and\s+(?=\p{Lu}|\d)/gu;
  let start = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const left = part.slice(start, m.index);
    if (always || COMPANY_END.test(left.trim())) {
      out.push(left);
      start = m.index + m[0].length;
    }
  }
  out.push(part.slice(start));
  return out.map(cleanName).filter(Boolean);
}

/**
 * Splits a list of names as DHS writes it: "A; B; and C", "A and B" (where A ends like a
 * company name), with the count DHS states ("including three aliases") as a check.
 */
export function splitNameList(text: string, expected?: number): string[] {
  let parts = text
    .split(/\s*;\s*/)
    .map(cleanName)
    .filter(Boolean);
  parts = parts.flatMap((p) => splitOnAnd(p, false));
  if (expected && parts.length < expected) {
    const forced = parts.flatMap((p) => splitOnAnd(p, true));
    if (forced.length === expected) parts = forced;
  }
  return parts;
}

export type SplitName = Pick<EntityListEntry, 'name' | 'aliases' | 'formerNames' | 'localNames' | 'coversSubsidiaries' | 'scope'> & {
  /** Subsidiaries DHS names in the row ("and its subsidiary X"): listed entities of their own. */
  namedSubsidiaries: string[];
};

const SCOPE_SUFFIX = /,?\s+and\s+(its\s+subordinate\s+and\s+affiliated\s+entities|(?:its\s+)?subsidiaries)\s*\.?\s*$/i;
const NAMED_SUBSIDIARIES =
  /,?\s+and\s+its\s+((?:[a-z]+\s+)?(?:[\w-]+-based\s+)?subsidiar(?:y|ies))(?:,?\s*(?:which\s+include|including|namely)\s*:?\s*|\s*:\s*|\s+)(\S.*)$/i;
const ALIAS_MARKER =
  /(?:^|[;,]?\s+)(?:and\s+)?(also\s+known\s+as|formerly\s+known\s+as|previously\s+known\s+as|(?:and|including)\s+([a-z]+)\s+(?:other\s+)?alias(?:es)?\s*:|alias(?:es)?\s*:)\s*/gi;

function matchingOpen(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

interface AliasClause {
  aliases: string[];
  formerNames: string[];
}

/** Parses "also known as A; and formerly known as B" (the inside of DHS's parenthetical). */
export function parseAliasClause(text: string): AliasClause | null {
  const re = new RegExp(ALIAS_MARKER.source, 'gi');
  const marks: { start: number; end: number; kind: 'alias' | 'former'; count?: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[1].toLowerCase();
    const count = m[2] ? (NUMBER_WORDS[m[2].toLowerCase()] ?? (Number(m[2]) || undefined)) : undefined;
    marks.push({ start: m.index, end: m.index + m[0].length, kind: /formerly|previously/.test(word) ? 'former' : 'alias', count });
  }
  if (!marks.length || marks[0].start !== 0) return null;
  const out: AliasClause = { aliases: [], formerNames: [] };
  marks.forEach((mk, i) => {
    const seg = text.slice(mk.end, i + 1 < marks.length ? marks[i + 1].start : text.length);
    const names = splitNameList(seg, mk.count);
    (mk.kind === 'former' ? out.formerNames : out.aliases).push(...names);
  });
  return out;
}

function normalizeScope(phrase: string): string {
  return `and ${phrase.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/**
 * Splits one DHS entity-name cell: the name as DHS writes it, aliases and former names from
 * the parentheticals ("including N aliases: …", "also known as …", "formerly known as …"),
 * Chinese names, and the "and subsidiaries" / "and its subordinate and affiliated entities"
 * mark. A trailing acronym such as "(XPCC)" stays part of the name, as DHS writes it.
 */
export function splitDhsName(cell: string): SplitName {
  let rest = cleanName(cell);
  const out: SplitName = {
    name: '',
    aliases: [],
    formerNames: [],
    localNames: [],
    coversSubsidiaries: false,
    scope: null,
    namedSubsidiaries: [],
  };
  for (let pass = 0; pass < 4; pass++) {
    const before = rest;
    const scope = SCOPE_SUFFIX.exec(rest);
    if (scope) {
      out.coversSubsidiaries = true;
      out.scope ??= normalizeScope(scope[1]);
      rest = rest.slice(0, scope.index).trim();
    } else {
      const named = NAMED_SUBSIDIARIES.exec(rest);
      if (named && !/\)$/.test(named[2])) {
        out.coversSubsidiaries = true;
        out.scope ??= normalizeScope(`its ${named[1]}`);
        out.namedSubsidiaries.push(...splitSubsidiaries(named[2]));
        rest = rest.slice(0, named.index).trim();
      }
    }
    while (rest.endsWith(')')) {
      const open = matchingOpen(rest);
      if (open <= 0) break;
      const inner = rest.slice(open + 1, -1).trim();
      const clause = parseAliasClause(inner);
      if (clause) {
        addNames(out, clause.aliases, 'aliases');
        addNames(out, clause.formerNames, 'formerNames');
      } else if (hasHan(inner) && !LATIN.test(inner)) {
        out.localNames.push(
          ...inner
            .split(/[;；、,，]/)
            .map(cleanName)
            .filter(Boolean),
        );
      } else break;
      rest = cleanName(rest.slice(0, open));
    }
    // markers without parentheses: "Name, also known as X"
    const bare = /[,;]?\s+(?=(?:also|formerly|previously)\s+known\s+as\s)/i.exec(rest);
    if (bare && bare.index > 0) {
      const clause = parseAliasClause(rest.slice(bare.index + bare[0].length));
      if (clause) {
        addNames(out, clause.aliases, 'aliases');
        addNames(out, clause.formerNames, 'formerNames');
        rest = cleanName(rest.slice(0, bare.index));
      }
    }
    if (rest === before) break;
  }
  out.name = cleanName(rest).replace(/,$/, '');
  return out;
}

function addNames(out: SplitName, names: string[], field: 'aliases' | 'formerNames'): void {
  for (const n of names) {
    if (hasHan(n) && !LATIN.test(n)) out.localNames.push(n);
    else out[field].push(n);
  }
}

function splitSubsidiaries(list: string): string[] {
  // "A, B, and C" where names contain ", Ltd." / ", Inc.": split on ";" and on commas that
  // are not followed by a company-form word
  return list
    .split(/\s*;\s*|,\s+(?:and\s+)?(?!(?:Ltd|Limited|Inc|LLC|Co|Corp|PLC)\b)(?=\p{Lu}|\d)|\s+and\s+(?=\p{Lu})/u)
    .map(cleanName)
    .filter(Boolean);
}

/** Cleans one alias value from a source that already split names (OpenSanctions). */
export function classifyAlias(value: string): { kind: 'alias' | 'former' | 'local'; name: string } | null {
  let v = cleanName(value);
  let kind: 'alias' | 'former' = 'alias';
  const m = /^(?:and\s+)?(also|formerly|previously)\s+known\s+as\s+/i.exec(v);
  if (m) {
    kind = m[1].toLowerCase() === 'also' ? 'alias' : 'former';
    v = cleanName(v.slice(m[0].length));
  }
  if (!v) return null;
  if (hasHan(v) && !LATIN.test(v)) return { kind: 'local', name: v };
  return { kind, name: v };
}
