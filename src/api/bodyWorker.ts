// The worker process of requestBody.ts: parses a request body, enforces the size limits on it,
// and validates every bundle it carries with the import's own validation (validateBundle,
// unchanged), so that neither a 60 MB bundle nor a body of ten million empty records takes
// the event loop that answers everyone else. Its heap is capped (--max-old-space-size,
// BODY_WORKER_MEMORY_MB): past it this process dies, never the server, and only this request
// is refused. Stored ids that validation needs are read through the main thread's driver.
import { Kind, parse, visit } from 'graphql';
import type { Graph, Params } from '../graph/graph';
import { BundleValidationError, validateBundle } from '../import';
import type { BodyJob, BodyReply, ToWorker } from './bodyProtocol';
import { countObjects, LIST_ITEMS_MAX, objectBudget } from './bodyProtocol';
import { prepareUpload } from './uploadWorker';

// A child process of requestBody.ts, talking over its IPC channel; it ends with the server.
if (!process.send) throw new Error('bodyWorker.ts runs as a child process of requestBody.ts');
const port = {
  postMessage: (reply: BodyReply) => void process.send!(reply),
  on: (_event: 'message', listener: (msg: ToWorker) => void) => process.on('message', listener),
};
process.on('disconnect', () => process.exit(0));

/** The variables that importBundle's `bundle` argument reads, in every operation of the document. */
function bundleVariables(query: string, maxTokens: number): string[] {
  const names = new Set<string>();
  visit(parse(query, { maxTokens, noLocation: true }), {
    Field(node) {
      if (node.name.value !== 'importBundle') return;
      for (const arg of node.arguments ?? []) {
        if (arg.name.value === 'bundle' && arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
      }
    },
  });
  return [...names];
}

/** Records in a bundle (the items of its top-level lists), and the longest list inside a record. */
function bundleSize(raw: unknown): { records: number; longestInner: number } {
  let records = 0;
  let longestInner = 0;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { records, longestInner };
  for (const section of Object.values(raw)) {
    if (!Array.isArray(section)) continue;
    records += section.length;
    for (const record of section) {
      if (record === null || typeof record !== 'object' || Array.isArray(record)) continue;
      for (const v of Object.values(record)) if (Array.isArray(v) && v.length > longestInner) longestInner = v.length;
    }
  }
  return { records, longestInner };
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let nextRead = 0;
const pendingReads = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();

/** A Graph that can only read, through the main thread (validation reads which ids are stored). */
function graphFor(jobId: number): Graph {
  const unsupported = () => {
    throw new Error('the body worker only reads');
  };
  return {
    read<T>(cypher: string, params: Params = {}) {
      const readId = nextRead++;
      return new Promise<T[]>((resolve, reject) => {
        pendingReads.set(readId, { resolve: resolve as (rows: unknown[]) => void, reject });
        port!.postMessage({ kind: 'read', jobId, readId, cypher, params } satisfies BodyReply);
      });
    },
    write: unsupported,
    writeTransaction: unsupported,
    readTransaction: unsupported,
    autoCommit: unsupported,
    ping: unsupported,
    close: unsupported,
    get driver(): never {
      return unsupported();
    },
  };
}

async function prepare(job: BodyJob): Promise<BodyReply> {
  const { bytes, limits, tenant, jobId } = job;
  const objects = countObjects(bytes);
  if (objects > objectBudget(limits)) {
    throw new Refusal(
      413,
      'LIMIT_EXCEEDED',
      `request body holds ${objects} JSON objects, more than a bundle of ${limits.maxBundleRecords} records (MAX_BUNDLE_RECORDS) can; split the bundle`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Refusal(400, 'BAD_REQUEST', `request body is not valid JSON: ${(e as Error).message}`);
  }
  const request = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const query = request?.query;
  if (typeof query === 'string' && query.length > limits.maxQueryBytes && Buffer.byteLength(query) > limits.maxQueryBytes) {
    throw new Refusal(413, 'QUERY_TOO_LONG', `query text is longer than ${limits.maxQueryBytes} bytes (MAX_QUERY_BYTES)`);
  }
  let names: string[] = [];
  try {
    if (typeof query === 'string') names = bundleVariables(query, limits.maxTokens);
  } catch {
    // a query that does not parse: Apollo reports it with its place
  }
  const variables = request?.variables;
  const carried =
    variables !== null && typeof variables === 'object' && !Array.isArray(variables)
      ? names.filter((n) => (variables as Record<string, unknown>)[n] !== undefined)
      : [];
  if (bytes.length > limits.maxRequestBytes && carried.length === 0) {
    throw new Refusal(
      413,
      'LIMIT_EXCEEDED',
      `request body is larger than ${limits.maxRequestBytes} bytes (MAX_REQUEST_BYTES); only an importBundle mutation with the bundle in a variable may be larger (up to MAX_BODY_BYTES)`,
    );
  }
  const bundles: NonNullable<Extract<BodyReply, { kind: 'done' }>['bundles']> = [];
  for (const name of carried) {
    const raw = (variables as Record<string, unknown>)[name];
    const { records, longestInner } = bundleSize(raw);
    if (records > limits.maxBundleRecords) {
      throw new Refusal(
        413,
        'LIMIT_EXCEEDED',
        `bundle $${name} has ${records} records, over the limit of ${limits.maxBundleRecords} (MAX_BUNDLE_RECORDS); split it into several imports`,
      );
    }
    if (longestInner > LIST_ITEMS_MAX) {
      throw new Refusal(
        413,
        'LIMIT_EXCEEDED',
        `bundle $${name} has a list of ${longestInner} entries inside a record, over the limit of ${LIST_ITEMS_MAX}`,
      );
    }
    try {
      bundles.push({ variable: name, validated: await validateBundle(graphFor(jobId), tenant, raw) });
    } catch (e) {
      if (!(e instanceof BundleValidationError)) throw e;
      bundles.push({ variable: name, errors: e.errors, total: e.total, countStopped: e.countStopped });
    }
    (variables as Record<string, unknown>)[name] = null; // the main thread puts the result in its place
  }
  return { kind: 'done', jobId, body, bundles };
}

port.on('message', (msg: ToWorker) => {
  if (msg.kind === 'readResult') {
    const pending = pendingReads.get(msg.readId);
    pendingReads.delete(msg.readId);
    if (msg.error !== undefined) pending?.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
    else pending?.resolve(msg.rows ?? []);
    return;
  }
  (msg.kind === 'upload' ? prepareUpload(msg, graphFor(msg.jobId)) : prepare(msg)).then(
    (reply) => port.postMessage(reply),
    (e: unknown) => {
      const reply: BodyReply =
        e instanceof Refusal
          ? { kind: 'refused', jobId: msg.jobId, status: e.status, code: e.code, message: e.message }
          : {
              kind: 'failed',
              jobId: msg.jobId,
              error: { name: (e as Error)?.name ?? 'Error', message: String((e as Error)?.message ?? e) },
            };
      port.postMessage(reply);
    },
  );
});
