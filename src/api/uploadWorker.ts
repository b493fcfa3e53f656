// The body worker's part for POST /imports (bodyWorker.ts runs it): an uploaded workbook, ZIP
// of CSV files, lone CSV file or JSON bundle read, turned into bundle v1 and validated with the import's own
// validation, off the event loop and within the worker's memory cap. The answer is the
// validated bundle, or every error placed in its cell.
import type { Graph } from '../graph/graph';
import { BundleValidationError, validateBundle } from '../import';
import { bundleErrorsAsPlaced, checkWorkbook, detectFormat, readWorkbookBytes, WorkbookReadError } from '../import/workbook';
import type { BodyReply, UploadJob, UploadOutcome } from './bodyProtocol';
import { countObjects, objectBudget } from './bodyProtocol';

const refused = (jobId: number, status: number, code: string, message: string): BodyReply => ({
  kind: 'refused',
  jobId,
  status,
  code,
  message,
});

async function jsonBundle(job: UploadJob, graph: Graph): Promise<UploadOutcome | BodyReply> {
  const { bytes, limits, jobId, tenant } = job;
  if (countObjects(bytes) > objectBudget(limits)) {
    return refused(
      jobId,
      413,
      'LIMIT_EXCEEDED',
      `the bundle holds more records than MAX_BUNDLE_RECORDS (${limits.maxBundleRecords}) allows; split it`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''));
  } catch (e) {
    return refused(jobId, 400, 'BAD_REQUEST', `request body is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return { validated: await validateBundle(graph, tenant, raw) };
  } catch (e) {
    if (!(e instanceof BundleValidationError)) throw e;
    return { errors: bundleErrorsAsPlaced(e.errors), total: e.total, countStopped: e.countStopped };
  }
}

export async function prepareUpload(job: UploadJob, graph: Graph): Promise<BodyReply> {
  const { bytes, limits, jobId, tenant, contentType, fileName } = job;
  try {
    const format = detectFormat(bytes, contentType, fileName);
    const outcome =
      format === 'json'
        ? await jsonBundle(job, graph)
        : await checkWorkbook(
            graph,
            tenant,
            await readWorkbookBytes(
              bytes,
              format,
              { maxRows: limits.maxBundleRecords, maxUnpackedBytes: limits.maxUnpackedBytes },
              fileName,
            ),
          ).then((c): UploadOutcome =>
            c.validated ? { validated: c.validated } : { errors: c.errors, total: c.total, countStopped: c.countStopped },
          );
    if ('kind' in outcome) return outcome;
    return { kind: 'uploaded', jobId, outcome };
  } catch (e) {
    if (e instanceof WorkbookReadError)
      return refused(jobId, e.tooLarge ? 413 : 400, e.tooLarge ? 'LIMIT_EXCEEDED' : 'BAD_REQUEST', e.message);
    throw e;
  }
}
