// Bundles validated before they reach the import: the HTTP layer validates a large bundle off
// the event loop (src/api/requestBody.ts) and hands the import a placeholder object that
// stands for the result, so the import does not validate the same bundle twice. Only
// objects marked here count; anything else is validated as usual.
import type { Bundle } from '../model/bundle';
import { BundleValidationError, type BundleError, type StoredRefs } from './validate';

export type Prevalidated =
  { validated: { bundle: Bundle; stored: StoredRefs } } | { errors: BundleError[]; total?: number; countStopped?: boolean };

const marks = new WeakMap<object, Prevalidated>();

export function markPrevalidated(placeholder: object, result: Prevalidated): void {
  marks.set(placeholder, result);
}

/**
 * The validated bundle a placeholder stands for (once: the mark is taken), a
 * BundleValidationError with its errors, or undefined for a value nobody validated.
 */
export function takePrevalidated(raw: unknown): { bundle: Bundle; stored: StoredRefs } | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const result = marks.get(raw);
  if (!result) return undefined;
  marks.delete(raw);
  if ('errors' in result) throw new BundleValidationError(result.errors, result.total, result.countStopped);
  return result.validated;
}
