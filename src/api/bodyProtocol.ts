// What requestBody.ts (the server) and bodyWorker.ts (its worker process) say to each other,
// and the byte-level count both rely on.
import type { StoredRefs } from '../import/validate';
import type { Bundle } from '../model/bundle';
import type { BundleError } from '../import/validate';
import type { PlacedError } from '../import/workbook';

export interface BodyLimits {
  /** Longest query text (MAX_QUERY_BYTES). */
  maxQueryBytes: number;
  /** Most tokens in a query (GRAPHQL_MAX_TOKENS). */
  maxTokens: number;
  /** Largest body that carries no bundle (MAX_REQUEST_BYTES). */
  maxRequestBytes: number;
  /** Most records in one bundle sent over HTTP (MAX_BUNDLE_RECORDS). */
  maxBundleRecords: number;
}

/** Longest list inside a record (a flow's inputs or documents); the bundle format's own cap. */
export const LIST_ITEMS_MAX = 10_000;

export interface BodyJob {
  kind: 'job';
  jobId: number;
  bytes: Uint8Array;
  tenant: string;
  limits: BodyLimits;
}
/** A file sent to POST /imports: an .xlsx workbook, a ZIP of CSV files or a JSON bundle. */
export interface UploadJob {
  kind: 'upload';
  jobId: number;
  bytes: Uint8Array;
  tenant: string;
  contentType: string;
  /** the file name the upload gives (?filename=, or Content-Disposition), which names a lone CSV file's section */
  fileName?: string;
  limits: BodyLimits & { maxUnpackedBytes: number };
}
/** What the worker made of an upload: its validated bundle, or every error placed in its cell. */
export type UploadOutcome =
  { validated: { bundle: Bundle; stored: StoredRefs } } | { errors: PlacedError[]; total: number; countStopped: boolean };

export type ToWorker =
  BodyJob | UploadJob | { kind: 'readResult'; readId: number; rows?: unknown[]; error?: { name: string; message: string } };

export type BodyReply =
  | {
      kind: 'done';
      jobId: number;
      body: unknown;
      /** Each importBundle variable, validated: the typed bundle and the stored ids it refers to, or every error. */
      bundles: {
        variable: string;
        validated?: { bundle: Bundle; stored: StoredRefs };
        errors?: BundleError[];
        total?: number;
        countStopped?: boolean;
      }[];
    }
  | { kind: 'uploaded'; jobId: number; outcome: UploadOutcome }
  | { kind: 'refused'; jobId: number; status: number; code: string; message: string }
  | { kind: 'failed'; jobId: number; error: { name: string; message: string } }
  | { kind: 'read'; jobId: number; readId: number; cypher: string; params: Record<string, unknown> };

/** JSON objects outside strings, counted on the bytes before anything is parsed (one pass, no allocation). */
export function countObjects(bytes: Uint8Array): number {
  let objects = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) objects++;
  }
  return objects;
}

/** Objects a body may hold: a bundle's records, a detention inside a shipment, and the request around them. */
export const objectBudget = (limits: BodyLimits) => 2 * limits.maxBundleRecords + 1000;
