// A workbook checked the way a bundle is: the sheets become bundle v1 (toBundle.ts), the
// bundle's own validation runs on it (checkBundle, then references against the tenant's
// stored records), and every error comes back placed in its cell, the sheets' own first.
import type { Graph } from '../../graph/graph';
import type { Bundle } from '../../model/bundle';
import { validateBundle } from '../importBundle';
import { BundleValidationError, checkBundle, MAX_LISTED_ERRORS, type BundleError, type StoredRefs } from '../validate';
import type { WorkbookContent } from './content';
import { columnNumber } from './place';
import { placeBundleErrors } from './placeErrors';
import { describePlaced, type PlacedError } from './sheet';
import { sheetsToBundle, type SheetsAsBundle } from './toBundle';

export interface WorkbookCheck {
  /** the typed bundle and what is stored already, when the workbook has no error */
  validated?: { bundle: Bundle; stored: StoredRefs };
  /** the first MAX_LISTED_ERRORS errors, in sheet, row and column order */
  errors: PlacedError[];
  /** every error counted */
  total: number;
  countStopped: boolean;
}

const ERRORS_IN_MESSAGE = 50;

export class WorkbookValidationError extends Error {
  constructor(
    readonly errors: PlacedError[],
    readonly total = errors.length,
    readonly countStopped = false,
  ) {
    const all = countStopped ? `more than ${total} errors` : `${total} error${total === 1 ? '' : 's'}`;
    const rest = total - Math.min(errors.length, ERRORS_IN_MESSAGE);
    super(
      `workbook rejected, nothing was written (${all}): ${errors.slice(0, ERRORS_IN_MESSAGE).map(describePlaced).join('; ')}` +
        (rest > 0 ? `; ... and ${rest} more` : ''),
    );
  }
}

/** Sorts errors as a person reads the workbook: sheet by sheet (in the workbook's order), row by row, left to right. */
function sortPlaced(errors: PlacedError[], sheetOrder: string[]): PlacedError[] {
  const key = (e: PlacedError) => {
    const [sheet, cell = ''] = e.place.split('!');
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    return [sheetOrder.indexOf(sheet), m ? Number(m[2]) : 0, m ? columnNumber(m[1]) : 0];
  };
  return errors
    .map((e) => ({ e, k: key(e) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2])
    .map((x) => x.e);
}

/** The sheets' own errors and the bundle's, placed, in one answer (pure; checkWorkbook's last step). */
export function workbookErrors(
  content: WorkbookContent,
  asBundle: SheetsAsBundle,
  bundle: { errors: readonly BundleError[]; total: number; countStopped: boolean },
): Omit<WorkbookCheck, 'validated'> {
  const own = [...content.errors, ...asBundle.errors];
  const placed = placeBundleErrors(bundle.errors, asBundle);
  const total = own.length + bundle.total - (bundle.errors.length - placed.length);
  const errors = sortPlaced(
    [...own, ...placed],
    content.sheets.map((s) => s.name),
  ).slice(0, MAX_LISTED_ERRORS);
  return { errors, total, countStopped: bundle.countStopped };
}

export async function checkWorkbook(graph: Graph, tenant: string, content: WorkbookContent): Promise<WorkbookCheck> {
  const asBundle = sheetsToBundle(content.sheets);
  let validated: WorkbookCheck['validated'];
  let bundle = { errors: [] as BundleError[], total: 0, countStopped: false };
  try {
    validated = await validateBundle(graph, tenant, asBundle.raw, checkBundle(asBundle.raw));
  } catch (e) {
    if (!(e instanceof BundleValidationError)) throw e;
    bundle = e;
  }
  const found = workbookErrors(content, asBundle, bundle);
  return found.total ? found : { validated, ...found };
}

/** The check's bundle, or a WorkbookValidationError with every placed error. */
export function validatedOrThrow(check: WorkbookCheck): { bundle: Bundle; stored: StoredRefs } {
  if (!check.validated) throw new WorkbookValidationError(check.errors, check.total, check.countStopped);
  return check.validated;
}
