// Argument checks, stated once for every entry point (GraphQL resolvers, HTTP routes, CLIs)
// and for the capabilities that guard their own inputs. Each throws BadInputError naming
// the argument, so a client learns which one to fix.
import { BadInputError } from './errors';

/** Longest name, id or search text accepted where no other limit is stated. */
export const MAX_TEXT = 500;

/** A real calendar day written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Non-blank text of at most `max` characters; the error states the length sent. */
export function requiredText(name: string, v: unknown, max = MAX_TEXT): string {
  if (typeof v !== 'string' || !v.trim()) throw new BadInputError(`${name} must not be empty`, name);
  if (v.length > max) throw new BadInputError(`${name} must be at most ${max} characters, got ${v.length}`, name);
  return v;
}

/** A record id: non-blank, at most MAX_TEXT characters. */
export function requiredId(name: string, v: unknown): string {
  if (typeof v !== 'string' || !v.trim()) throw new BadInputError(`${name} must not be empty`, name);
  if (v.length > MAX_TEXT) throw new BadInputError(`${name} must be at most ${MAX_TEXT} characters`, name);
  return v;
}

/** Free text that may be left out (null when it is). */
export function optionalText(name: string, v: string | null | undefined, max: number): string | null {
  if (v != null && v.length > max) throw new BadInputError(`${name} must be at most ${max} characters`, name);
  return v ?? null;
}

/** An integer from `min` (default 1) to `max`, or `fallback` when left out. */
export function boundedInt(name: string, v: number | null | undefined, fallback: number, max: number, min = 1): number {
  if (v === undefined || v === null) return fallback;
  if (!Number.isInteger(v) || v < min || v > max)
    throw new BadInputError(`${name} must be an integer from ${min} to ${max}, got ${v}`, name);
  return v;
}

/** A calendar date YYYY-MM-DD, or undefined when left out (null or empty counts as left out). */
export function optionalDate(name: string, v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (!isIsoDate(v))
    throw new BadInputError(`${name} must be a real calendar date YYYY-MM-DD, got ${JSON.stringify(v).slice(0, 40)}`, name);
  return v;
}

/** An ISO 3166-1 alpha-2 country code, upper-cased, or undefined when left out. */
export function optionalCountry(name: string, v: string | null | undefined): string | undefined {
  if (v == null) return undefined;
  if (!/^[A-Za-z]{2}$/.test(v)) throw new BadInputError(`${name} must be an ISO 3166-1 alpha-2 code such as "CN"`, name);
  return v.toUpperCase();
}
