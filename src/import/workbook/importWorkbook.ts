// A workbook imported: checked (check.ts), then written by the bundle import itself, all or
// nothing, with its screening, tenant lock and audit record; the checked bundle is handed
// over as validated so it is not validated twice.
import { importBundle, type ImportReport, type ImportServices } from '../index';
import { markPrevalidated } from '../prevalidated';
import { checkWorkbook, validatedOrThrow } from './check';
import type { WorkbookContent } from './content';

export async function importWorkbook(
  services: ImportServices,
  tenant: string,
  content: WorkbookContent,
  opts: { actor?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportReport> {
  const validated = validatedOrThrow(await checkWorkbook(services.graph, tenant, content));
  const placeholder = {};
  markPrevalidated(placeholder, { validated });
  return importBundle(services, tenant, placeholder, opts);
}
