// Argument checks, stated once for every entry point (GraphQL resolvers, HTTP routes, CLIs)
// and for the capabilities that guard their own inputs. Each throws BadInputError naming
// the argument, so a client learns which one to fix.
import { BadInputError } from './errors';
import { excerpt, normalizeText, TEXT_LIMITS, textProblem, type TextKind } from './model/text/policy';

/** Longest name or search text accepted where no other limit is stated. */
export const MAX_TEXT = TEXT_LIMITS.name;

/**
 * Text of a kind under the text policy (src/model/text/policy.ts), as it is to be used
 * (a note's line breaks normalised); a BadInputError naming the argument otherwise.
 */
export function checkedText(name: string, v: string, kind: TextKind, max = TEXT_LIMITS[kind]): string {
  const problem = textProblem(v, kind, max);
  if (problem) throw new BadInputError(`${name} ${problem}${v.length > max ? `, got ${v.length}` : ''}`, name);
  return normalizeText(v, kind);
}

/** A real calendar day written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A non-blank name or search text of at most `max` characters; the error states the length sent. */
export function requiredText(name: string, v: unknown, max = MAX_TEXT): string {
  if (typeof v !== 'string' || !v.trim()) throw new BadInputError(`${name} must not be empty`, name);
  return checkedText(name, v, 'name', max);
}

/** A record id: non-blank, at most TEXT_LIMITS.id characters, nothing invisible. */
export function requiredId(name: string, v: unknown): string {
  if (typeof v !== 'string' || !v.trim()) throw new BadInputError(`${name} must not be empty`, name);
  return checkedText(name, v, 'id');
}

/** A note that may be left out (null when it is), under the policy for notes. */
export function optionalText(name: string, v: string | null | undefined, max: number, kind: TextKind = 'note'): string | null {
  return v == null ? null : checkedText(name, v, kind, max);
}

/** An integer from `min` (default 1) to `max`, or `fallback` when left out. */
export function boundedInt(name: string, v: number | null | undefined, fallback: number, max: number, min = 1): number {
  if (v === undefined || v === null) return fallback;
  if (!Number.isInteger(v) || v < min || v > max)
    throw new BadInputError(`${name} must be an integer from ${min} to ${max}, got ${v}`, name);
  return v;
}

/** A calendar date YYYY-MM-DD, or undefined when left out (null or empty counts as left out). */
/** A value as an error message quotes it: text as a short excerpt with invisible characters escaped. */
export const shownValue = (v: unknown): string => (typeof v === 'string' ? excerpt(v) : String(JSON.stringify(v)).slice(0, 40));

export function optionalDate(name: string, v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (!isIsoDate(v)) throw new BadInputError(`${name} must be a real calendar date YYYY-MM-DD, got ${shownValue(v)}`, name);
  return v;
}

/** An ISO 3166-1 alpha-2 country code, upper-cased, or undefined when left out. */
export function optionalCountry(name: string, v: string | null | undefined): string | undefined {
  if (v == null) return undefined;
  if (!/^[A-Za-z]{2}$/.test(v)) throw new BadInputError(`${name} must be an ISO 3166-1 alpha-2 code such as "CN"`, name);
  return v.toUpperCase();
}
