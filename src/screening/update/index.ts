// List updates from a file the user downloaded: the DHS page saved as HTML, or OpenSanctions'
// export of the list (FtM JSON / JSON lines, or targets.simple.csv). Each file becomes an
// EntityListVersion; prepareEntityListUpdate also reports what changed against the current one.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { EntityListVersion } from '../../model/entityList';
import { parseDhsHtml } from './dhsHtml';
import { CarriedField, EntityListDiff, carryOverUnstated, diffEntityLists } from './diff';
import { parseOpenSanctionsCsv, parseOpenSanctionsJson } from './openSanctions';

export { parseDhsHtml } from './dhsHtml';
export { parseOpenSanctionsCsv, parseOpenSanctionsJson } from './openSanctions';
export { diffEntityLists, carryOverUnstated, matchEntries } from './diff';
export type { EntityListDiff, EntityListChange } from './diff';

export type EntityListFileFormat = 'dhs-html' | 'opensanctions-json' | 'opensanctions-csv';

export interface ReadOptions {
  /** The version to store the list under; by default the latest effective date in the file. */
  version?: string;
  /** When the copy was taken; by default from the data, else the file's modification day. */
  snapshotDate?: string;
}

function formatFromExtension(path: string): EntityListFileFormat | null {
  const p = path.toLowerCase();
  if (/\.(html?|xhtml)$/.test(p)) return 'dhs-html';
  if (/\.(json|jsonl|ndjson)$/.test(p)) return 'opensanctions-json';
  if (/\.(csv|tsv)$/.test(p)) return 'opensanctions-csv';
  return null;
}

/** Which parser reads a file: by its content when that is plain, else by its extension. */
export function detectEntityListFormat(path: string, text: string): EntityListFileFormat {
  const head = text
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 4000);
  if (!head) throw new Error(`${basename(path)}: the file is empty`);
  if (/^<(?:!doctype\s+html|html|head|body|table|meta|!--)/i.test(head) || /<(?:html|table)\b/i.test(head.slice(0, 2000)))
    return 'dhs-html';
  if (head[0] === '{' || head[0] === '[') return 'opensanctions-json';
  const ext = formatFromExtension(path);
  if (ext) return ext;
  const firstLine = head.split(/\r?\n/, 1)[0].toLowerCase();
  if (/(^|[,;\t"])name([,;\t"]|$)/.test(firstLine)) return 'opensanctions-csv';
  throw new Error(
    `${basename(path)}: cannot tell what this file is. Expected the DHS UFLPA Entity List page saved as HTML ` +
      '(.html/.htm), OpenSanctions entities.ftm.json (.json/.jsonl) or targets.simple.csv (.csv)',
  );
}

/** Parses file content of a known format. */
export function parseEntityListText(text: string, format: EntityListFileFormat, opts: ReadOptions = {}): EntityListVersion {
  switch (format) {
    case 'dhs-html':
      return parseDhsHtml(text, opts);
    case 'opensanctions-json':
      return parseOpenSanctionsJson(text, opts);
    case 'opensanctions-csv':
      return parseOpenSanctionsCsv(text, opts);
  }
}

/** File text: UTF-8, or UTF-16 when the file starts with its byte-order mark (some browsers save pages so). */
function readText(path: string): string {
  const buf = readFileSync(path);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return buf.toString('utf8');
}

function readWithFormat(path: string, opts: ReadOptions): { list: EntityListVersion; format: EntityListFileFormat } {
  const text = readText(path);
  const format = detectEntityListFormat(path, text);
  const fileDay = statSync(path).mtime.toISOString().slice(0, 10);
  // a saved page carries no date of its own: the day it was saved stands for the snapshot
  const snapshotDate = opts.snapshotDate ?? (format === 'dhs-html' ? fileDay : undefined);
  try {
    const list = parseEntityListText(text, format, { ...opts, snapshotDate });
    return { list, format };
  } catch (e) {
    throw new Error(`${basename(path)}: ${(e as Error).message}`, { cause: e });
  }
}

/** Reads a downloaded copy of the list, choosing the parser by content and extension. */
export function readEntityListFile(path: string, opts: ReadOptions = {}): EntityListVersion {
  return readWithFormat(path, opts).list;
}

export interface EntityListUpdate {
  format: EntityListFileFormat;
  /** The new version, with what its source does not state carried over from the current one. */
  list: EntityListVersion;
  diff: EntityListDiff;
}

/**
 * Reads a downloaded list and compares it with the current version. What the file's format
 * cannot state is kept from the matching current entry: Chinese names (neither the DHS page
 * nor OpenSanctions give them), the country for the DHS page (it names none), and for
 * targets.simple.csv the subsidiaries mark and which other names are former names.
 */
export function prepareEntityListUpdate(path: string, current: EntityListVersion, opts: ReadOptions = {}): EntityListUpdate {
  const { list: parsed, format } = readWithFormat(path, opts);
  const carry: CarriedField[] =
    format === 'dhs-html'
      ? ['localNames', 'country']
      : format === 'opensanctions-csv'
        ? ['localNames', 'scope', 'formerNames']
        : ['localNames'];
  const list = carryOverUnstated(current, parsed, carry);
  return { format, list, diff: diffEntityLists(current, list) };
}
