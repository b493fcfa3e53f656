// A small HTML reader for the DHS page: the document's tables in order, each with the text
// that came before it (where the statutory-section headings are). Not a general HTML parser:
// it drops scripts, styles and comments, tolerates unclosed <td>/<tr>, and decodes entities.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  sbquo: '\u201a',
  bdquo: '\u201e',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  middot: '\u00b7',
  bull: '\u2022',
  shy: '',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  sect: '\u00a7',
  para: '\u00b6',
  deg: '\u00b0',
  eacute: '\u00e9',
  egrave: '\u00e8',
  ecirc: '\u00ea',
  euml: '\u00eb',
  aacute: '\u00e1',
  agrave: '\u00e0',
  acirc: '\u00e2',
  auml: '\u00e4',
  atilde: '\u00e3',
  aring: '\u00e5',
  ccedil: '\u00e7',
  iacute: '\u00ed',
  igrave: '\u00ec',
  icirc: '\u00ee',
  iuml: '\u00ef',
  oacute: '\u00f3',
  ograve: '\u00f2',
  ocirc: '\u00f4',
  ouml: '\u00f6',
  otilde: '\u00f5',
  oslash: '\u00f8',
  uacute: '\u00fa',
  ugrave: '\u00f9',
  ucirc: '\u00fb',
  uuml: '\u00fc',
  ntilde: '\u00f1',
  szlig: '\u00df',
  zwj: '',
  zwnj: '',
  lrm: '',
  rlm: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const v = NAMED_ENTITIES[body.toLowerCase()] ?? NAMED_ENTITIES[body];
    return v ?? whole;
  });
}

export interface HtmlCell {
  text: string;
  header: boolean;
}
export interface HtmlTable {
  /** 1-based position among the document's tables. */
  index: number;
  /** Up to the last 600 characters of text outside tables before this table. */
  textBefore: string;
  rows: HtmlCell[][];
}
export interface HtmlDocument {
  title: string;
  tables: HtmlTable[];
  /** All text outside tables, whitespace collapsed. */
  outsideText: string;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'td',
  'th',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'blockquote',
  'dd',
  'dt',
  'dl',
  'hr',
  'main',
  'nav',
  'aside',
]);

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

export function readHtml(html: string): HtmlDocument {
  const src = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ')
    .replace(/<(script|style|template|noscript|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const tokenRe = /<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|<!?[^>]*>|([^<]+)|</g;

  const tables: HtmlTable[] = [];
  interface Open {
    table: HtmlTable;
    row: HtmlCell[] | null;
    cell: { parts: string[]; header: boolean } | null;
  }
  const stack: Open[] = [];
  const outside: string[] = [];
  let recent = '';
  let title = '';
  let inTitle = false;
  let tableCount = 0;

  const addOutside = (text: string) => {
    outside.push(text);
    recent = (recent + text).slice(-1200);
  };
  const closeCell = (o: Open) => {
    if (o.cell && o.row) o.row.push({ text: collapse(o.cell.parts.join('')), header: o.cell.header });
    o.cell = null;
  };
  const closeRow = (o: Open) => {
    closeCell(o);
    if (o.row && o.row.length) o.table.rows.push(o.row);
    o.row = null;
  };

  for (let m = tokenRe.exec(src); m; m = tokenRe.exec(src)) {
    const [, slash, rawTag, , text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined || (rawTag === undefined && m[0] === '<')) {
      const decoded = decodeEntities(text ?? '<');
      if (inTitle) title += decoded;
      if (top?.cell) top.cell.parts.push(decoded);
      else if (!top) addOutside(decoded);
      else recentInTable(top, decoded);
      continue;
    }
    if (rawTag === undefined) continue; // doctype, processing instruction
    const tag = rawTag.toLowerCase();
    const closing = slash === '/';
    if (tag === 'title') {
      inTitle = !closing;
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      if (top?.cell) top.cell.parts.push(' ');
      else if (!top) addOutside(' ');
    }
    if (tag === 'table') {
      if (!closing) {
        tableCount++;
        stack.push({ table: { index: tableCount, textBefore: collapse(recent).slice(-600), rows: [] }, row: null, cell: null });
        recent = '';
      } else if (top) {
        closeRow(top);
        stack.pop();
        tables.push(top.table);
        recent = '';
      }
      continue;
    }
    if (!top) continue;
    if (tag === 'tr') {
      closeRow(top);
      if (!closing) top.row = [];
    } else if (tag === 'td' || tag === 'th') {
      closeCell(top);
      if (!closing) {
        top.row ??= [];
        top.cell = { parts: [], header: tag === 'th' };
      }
    } else if (tag === 'caption') {
      // caption text is a heading of the table: keep it with textBefore
      closeCell(top);
    }
  }
  // unclosed tables at the end of a truncated page
  while (stack.length) {
    const o = stack.pop()!;
    closeRow(o);
    tables.push(o.table);
  }
  tables.sort((a, b) => a.index - b.index);
  return { title: collapse(decodeEntities(title)), tables, outsideText: collapse(outside.join('')) };

  function recentInTable(o: Open, decoded: string) {
    // text inside a table but outside cells (a <caption>, stray text): a heading for this table
    o.table.textBefore = collapse(`${o.table.textBefore} ${decoded}`).slice(-600);
  }
}
