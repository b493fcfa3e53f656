// CSV files in the form `neo4j-admin database import` reads: a typed header row, then one row
// per node or relationship. Strings are always quoted (so an empty string stays a string, and an
// unquoted empty field means "no property"), quotes doubled; list elements are joined by U+001F,
// a control character the text policy refuses in every bundle field, so it never occurs inside one.
// Hand-written rather than a CSV library: the importer's dialect (typed headers, the array
// delimiter, quoted empties) is what matters here, and it is these few lines.
import { closeSync, openSync, writeSync } from 'node:fs';

export const ARRAY_DELIMITER = '\u001f';
/** The importer's name for the array delimiter (its options take U+XXXX). */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export type CsvType = 'string' | 'double' | 'boolean' | 'string[]';
/** A header cell: a property with its type, or the node id / relationship ends within an id space. */
export type Column = { name: string; type: CsvType } | { id: 'ID' | 'START_ID' | 'END_ID'; space: string; name?: string };

const headerCell = (c: Column) => ('id' in c ? `${c.name ?? ''}:${c.id}(${c.space})` : `${c.name}:${c.type}`);

function cell(type: CsvType | 'id', v: unknown): string {
  if (v === undefined || v === null) return '';
  if (type === 'double') return String(v);
  if (type === 'boolean') return v ? 'true' : 'false';
  // an empty list has no CSV form the importer reads as a list: left out, as if absent
  const s = type === 'string[]' ? (v as string[]).join(ARRAY_DELIMITER) : String(v);
  if (type === 'string[]' && !(v as string[]).length) return '';
  return `"${s.replace(/"/g, '""')}"`;
}

/** One CSV file written in large blocks (millions of rows: one write per row would dominate). */
export class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  /** true once a value held a line break: the importer must then read multi-line fields */
  multiline = false;
  private readonly types: (CsvType | 'id')[];

  constructor(
    readonly path: string,
    columns: Column[],
  ) {
    this.fd = openSync(path, 'w');
    this.types = columns.map((c) => ('id' in c ? 'id' : c.type));
    this.push(columns.map(headerCell).join(','));
  }

  row(values: unknown[]): void {
    const line = values.map((v, i) => cell(this.types[i], v)).join(',');
    if (!this.multiline && /[\r\n]/.test(line)) this.multiline = true;
    this.push(line);
    this.rows++;
  }

  private push(line: string): void {
    this.buffer.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.buffer.length) return;
    writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
