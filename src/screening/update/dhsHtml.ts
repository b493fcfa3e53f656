// Reads the DHS UFLPA Entity List page (https://www.dhs.gov/uflpa-entity-list) saved as HTML.
// The page has one table per statutory section, each after a heading that links
// "Section 2(d)(2)(B)(i)" etc.; rows are "Name of Entity" / "Effective Date" ("June 21, 2022").
// An entity listed under several sections is one entry with several sections.
import type { EntityListVersion } from '../../model/entityList';
import { latestDate, parseDate } from './dates';
import { EntryDraft, mergeDrafts } from './merge';
import { cleanName, splitDhsName } from './names';
import { findSection } from './sections';
import { HtmlCell, readHtml } from './html';

export const DHS_SOURCE =
  'US DHS / Forced Labor Enforcement Task Force, UFLPA Entity List, https://www.dhs.gov/uflpa-entity-list (saved page)';

export interface DhsHtmlOptions {
  /** The list version; by default the latest effective date on the page. */
  version?: string;
  /** The day the page was saved; by default the version. */
  snapshotDate?: string;
  source?: string;
}

interface Columns {
  name: number;
  date: number;
  section: number;
  country: number;
}

function headerColumns(cells: HtmlCell[]): Columns | null {
  const texts = cells.map((c) => c.text.toLowerCase());
  const find = (re: RegExp, not?: number) => texts.findIndex((t, i) => i !== not && re.test(t));
  const name = find(/\b(entity|entities|name|company)\b/);
  const date = find(/\b(effective|date|listed|added)\b/, name);
  if (name < 0 || date < 0) return null;
  return { name, date, section: find(/\b(section|sub-?list|list)\b/, name), country: find(/\bcountry\b/, name) };
}

function isHeaderRow(cells: HtmlCell[]): boolean {
  return cells.every((c) => c.header || !c.text) && cells.some((c) => c.text) && !cells.some((c) => parseDate(c.text));
}

const short = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}...` : s);

/**
 * Parses the saved DHS page into one entry per entity. Throws with the row number when a
 * row has no name or no effective date, and when the page holds no entity table at all.
 */
export function parseDhsHtml(html: string, opts: DhsHtmlOptions = {}): EntityListVersion {
  const doc = readHtml(html);
  const drafts: EntryDraft[] = [];
  let section: string | null = null;
  let rowNo = 0;
  let entityTables = 0;

  for (const table of doc.tables) {
    const headingSection = findSection(table.textBefore);
    if (headingSection) section = headingSection;
    let cols: Columns | null = null;
    let header = false;
    let body = table.rows;
    // leading one-cell rows are headings ("<tr><th colspan=2>Section 2(d)(2)(B)(ii)</th></tr>")
    while (body.length && body[0].filter((c) => c.text).length === 1 && !parseDate(body[0][0]?.text ?? '') && body.length > 1) {
      const s = findSection(body[0].map((c) => c.text).join(' '));
      if (s) section = s;
      else if (!isHeaderRow(body[0])) break;
      body = body.slice(1);
    }
    const sectionFromHeading = headingSection ?? (body !== table.rows ? section : null);
    const first = body[0];
    if (first && (isHeaderRow(first) || (!first.some((c) => parseDate(c.text)) && headerColumns(first)))) {
      cols = headerColumns(first);
      header = true;
      body = body.slice(1);
    }
    if (!cols) {
      // no usable header: an entity table only when it follows a section heading and its
      // rows look like "name | date"
      const dated = body.filter((r) => r.length >= 2 && parseDate(r[1].text)).length;
      if (!sectionFromHeading || header || dated === 0) continue;
      cols = { name: 0, date: 1, section: -1, country: -1 };
    }
    entityTables++;
    let tableSection = section;
    for (const cells of body) {
      if (cells.every((c) => !c.text)) continue;
      if (isHeaderRow(cells) && headerColumns(cells)) continue; // the header repeated further down
      // a heading row inside the table: "<tr><th colspan=2>Section 2(d)(2)(B)(ii)</th></tr>"
      const rowSection = findSection(cells.map((c) => c.text).join(' '));
      if (rowSection && cells.filter((c) => c.text).length === 1 && !parseDate(cells.map((c) => c.text).join(' '))) {
        tableSection = rowSection;
        continue;
      }
      rowNo++;
      const nameText = cleanName(cells[cols.name]?.text ?? '');
      const dateText = cells[cols.date]?.text ?? '';
      const where = `table ${table.index}${tableSection ? `, section ${tableSection}` : ''}`;
      if (!nameText) throw new Error(`row ${rowNo}: no entity name (${where})`);
      if (!dateText.trim()) throw new Error(`row ${rowNo}: no effective date (${where}, "${short(nameText)}")`);
      const date = parseDate(dateText);
      if (!date) throw new Error(`row ${rowNo}: effective date "${short(dateText)}" is not a date (${where}, "${short(nameText)}")`);
      const sec = (cols.section >= 0 ? findSection(cells[cols.section]?.text ?? '') : null) ?? tableSection;
      if (!sec) {
        throw new Error(
          `row ${rowNo}: no statutory section: no "Section 2(d)(2)(B)(…)" heading before its table (${where}, "${short(nameText)}")`,
        );
      }
      const split = splitDhsName(nameText);
      if (!split.name) throw new Error(`row ${rowNo}: no entity name left after the alias text (${where}, "${short(nameText)}")`);
      const country = cols.country >= 0 ? countryCode(cells[cols.country]?.text ?? '') : null;
      const base = {
        aliases: split.aliases,
        formerNames: split.formerNames,
        localNames: split.localNames,
        sections: [{ section: sec, effectiveDate: date }],
        otherDates: [],
        country,
      };
      drafts.push({ ...base, name: split.name, coversSubsidiaries: split.coversSubsidiaries, scope: split.scope });
      for (const sub of split.namedSubsidiaries) {
        drafts.push({ ...base, aliases: [], formerNames: [], localNames: [], name: sub, coversSubsidiaries: false, scope: null });
      }
    }
  }

  if (!entityTables) {
    const what = doc.title ? `"${short(doc.title)}"` : 'the page';
    throw new Error(
      `not the UFLPA Entity List: ${what} has no table of entity names with effective dates` +
        (doc.tables.length ? ` (${doc.tables.length} other table${doc.tables.length > 1 ? 's' : ''} found)` : ' (no tables found)'),
    );
  }
  if (!drafts.length) throw new Error('not the UFLPA Entity List: its entity tables have no rows');
  const entries = mergeDrafts(drafts).sort((a, b) => a.name.localeCompare(b.name));
  const version = opts.version ?? latestDate(entries.flatMap((e) => e.sections.map((s) => s.effectiveDate)))!;
  const lastUpdated = /Last Updated:?\s*(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(doc.outsideText);
  const updated = lastUpdated ? parseDate(lastUpdated[1]) : null;
  return {
    version,
    snapshotDate: opts.snapshotDate ?? version,
    source: opts.source ?? `${DHS_SOURCE}${updated ? `; page last updated ${updated}` : ''}`,
    entries,
  };
}

function countryCode(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  if (/hong\s*kong/i.test(t)) return 'HK';
  if (/maca[uo]/i.test(t)) return 'MO';
  if (/china|prc/i.test(t)) return 'CN';
  return null;
}
