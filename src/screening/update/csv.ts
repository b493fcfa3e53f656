// RFC 4180 CSV: quoted fields with doubled quotes, separators and line breaks inside quotes,
// CRLF or LF line ends, an optional byte-order mark.

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '' && !wasQuotedRecord)) out.push({ fields, line: recordLine });
    fields = [];
    wasQuotedRecord = false;
  };
  let wasQuotedRecord = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      wasQuotedRecord = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // text after a closing quote ("ab"c) is kept, as spreadsheet programs do
      field += ch;
    }
  }
  if (quoted) throw new Error(`line ${quoteLine}: a quoted field is not closed`);
  if (field !== '' || fields.length || wasQuoted) endRecord();
  return out;
}

/** Splits a multi-valued cell ("A;B;\"C;D\"") the way OpenSanctions joins values. */
export function splitMultiValue(cell: string): string[] {
  if (!cell.trim()) return [];
  if (!cell.includes('"'))
    return cell
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  try {
    return (parseCsv(cell, ';')[0]?.fields ?? []).map((s) => s.trim()).filter(Boolean);
  } catch {
    return cell
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}
