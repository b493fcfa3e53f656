// Reads OpenSanctions' exports of the UFLPA Entity List (dataset us_dhs_uflpa): the
// FollowTheMoney entities (entities.ftm.json, one JSON object per line; also a JSON array,
// and targets.nested.json with sanctions nested in the entity) and the simplified CSV
// (targets.simple.csv). Listed entities are Company / Organization / LegalEntity objects;
// their sections and effective dates come from the linked Sanction objects (program
// "… - Section 2(d)(2)(B)(v)", startDate).
import type { EntityListSection, EntityListVersion } from '../../model/entityList';
import { latestDate, parseDate } from './dates';
import { EntryDraft, mergeDrafts } from './merge';
import { classifyAlias, cleanName, splitDhsName, splitOnAnd } from './names';
import { findSection } from './sections';
import { parseCsv, splitMultiValue } from './csv';

export interface OpenSanctionsOptions {
  /** The list version; by default the latest effective date in the data. */
  version?: string;
  /** When the export was made; by default the latest last_seen / last_change in the data. */
  snapshotDate?: string;
  source?: string;
}

export const OPENSANCTIONS_SOURCE =
  'OpenSanctions dataset us_dhs_uflpa (https://www.opensanctions.org/datasets/us_dhs_uflpa/), a copy of the US DHS UFLPA Entity List';

const NOT_LISTED_SCHEMAS = new Set([
  'Sanction',
  'Ownership',
  'UnknownLink',
  'Address',
  'Identification',
  'Associate',
  'Family',
  'Directorship',
  'Membership',
  'Succession',
  'Representation',
  'Employment',
  'Occupancy',
  'Position',
  'Note',
  'Mention',
  'Passport',
  'Debt',
  'Payment',
  'Contract',
  'ContractAward',
  'Documentation',
  'Event',
  'Person',
]);
const LISTED_SCHEMAS = new Set(['LegalEntity', 'Organization', 'Company', 'PublicBody']);

type Props = Record<string, unknown[]>;
interface FtmEntity {
  id?: string;
  caption?: string;
  schema: string;
  properties: Props;
  target?: boolean;
  datasets?: string[];
  referents?: string[];
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : typeof v === 'string' ? [v] : [];

function sectionFromTexts(texts: string[], dates: string[]): { section: string | null; date: string | null } {
  let section: string | null = null;
  for (const t of texts) section ??= findSection(t);
  let date: string | null = null;
  for (const d of dates) date ??= parseDate(d);
  return { section, date };
}

function sanctionOf(props: Props): { section: string | null; date: string | null } {
  const texts = ['program', 'programId', 'reason', 'provisions', 'summary', 'description', 'authority'].flatMap((p) => strings(props[p]));
  const dates = ['startDate', 'listingDate', 'date'].flatMap((p) => strings(props[p]));
  return sectionFromTexts(texts, dates);
}

function scopeFrom(texts: string[]): { coversSubsidiaries: boolean; scope: string | null } {
  const t = texts.join(' ');
  if (/subordinate\s+and\s+affiliated\s+entities/i.test(t))
    return { coversSubsidiaries: true, scope: 'and its subordinate and affiliated entities' };
  if (/\bits\s+subsidiaries\b/i.test(t)) return { coversSubsidiaries: true, scope: 'and its subsidiaries' };
  if (/\bsubsidiaries\b/i.test(t)) return { coversSubsidiaries: true, scope: 'and subsidiaries' };
  return { coversSubsidiaries: false, scope: null };
}

interface Raw {
  origin: string;
  caption: string | null;
  names: string[];
  otherNames: string[];
  formerNames: string[];
  notes: string[];
  countries: string[];
  sanctions: { section: string | null; date: string | null }[];
  firstSeen: string | null;
}

function toDraft(r: Raw): EntryDraft {
  const primary = r.caption && r.names.includes(r.caption) ? r.caption : (r.names[0] ?? r.caption);
  if (!primary) throw new Error(`${r.origin}: no name`);
  const split = splitDhsName(primary);
  const d: EntryDraft = {
    name: split.name,
    aliases: [...split.aliases],
    formerNames: [...split.formerNames],
    localNames: [...split.localNames],
    ...scopeFrom(r.notes),
    sections: [],
    otherDates: [],
    country: r.countries.map((c) => c.trim().toUpperCase()).find((c) => /^[A-Z]{2}$/.test(c)) ?? null,
  };
  if (split.coversSubsidiaries) {
    d.coversSubsidiaries = true;
    d.scope ??= split.scope;
  }
  for (const [value, former] of [
    ...r.names.filter((n) => n !== primary).map((n) => [n, false] as const),
    ...r.otherNames.map((n) => [n, false] as const),
    ...r.formerNames.map((n) => [n, true] as const),
  ]) {
    const c = classifyAlias(value);
    if (!c) continue;
    if (c.kind === 'local') d.localNames.push(c.name);
    // OpenSanctions' crawler leaves "A and B" joined where DHS wrote "A and B" for two names
    else if (former || c.kind === 'former') d.formerNames.push(...splitOnAnd(c.name));
    else d.aliases.push(...splitOnAnd(c.name));
  }
  const sections = new Map<string, EntityListSection>();
  for (const s of r.sanctions) {
    if (s.section && s.date) sections.set(`${s.section}|${s.date}`, { section: s.section, effectiveDate: s.date });
    else if (s.date) d.otherDates.push(s.date);
  }
  d.sections = [...sections.values()];
  if (!d.sections.length && !d.otherDates.length) {
    // no sanction dates in the export: the day OpenSanctions first saw the entity is the
    // nearest date the data gives (it is never earlier than the listing)
    if (!r.firstSeen) throw new Error(`${r.origin}: no effective date (no sanction with a start date, no first_seen) for "${primary}"`);
    d.otherDates.push(r.firstSeen);
  }
  return d;
}

function finish(drafts: EntryDraft[], seen: (string | null)[], format: string, opts: OpenSanctionsOptions): EntityListVersion {
  if (!drafts.length) throw new Error(`not the UFLPA Entity List: the ${format} holds no listed entities`);
  const entries = mergeDrafts(drafts).sort((a, b) => a.name.localeCompare(b.name));
  const version = opts.version ?? latestDate(entries.flatMap((e) => [e.effectiveDate, ...e.sections.map((s) => s.effectiveDate)]))!;
  return {
    version,
    snapshotDate: opts.snapshotDate ?? latestDate(seen) ?? version,
    source: opts.source ?? `${OPENSANCTIONS_SOURCE} (${format})`,
    entries,
  };
}

const isUflpaDataset = (names: string[]) => names.some((d) => /uflpa|forced\s*labor\s*prevention/i.test(d));
const dateOf = (v: unknown) => (typeof v === 'string' ? parseDate(v) : null);

// ---------------------------------------------------------------- FtM JSON

function readJsonObjects(text: string): unknown[] {
  const src = text.replace(/^\ufeff/, '').trim();
  if (!src) throw new Error('the file is empty');
  if (src.startsWith('[')) {
    try {
      return JSON.parse(src) as unknown[];
    } catch (e) {
      throw new Error(`not JSON: ${(e as Error).message}`, { cause: e });
    }
  }
  if (!src.startsWith('{')) throw new Error('not a JSON export: it does not start with "{" or "["');
  try {
    const whole = JSON.parse(src) as Record<string, unknown>;
    for (const k of ['entities', 'results', 'data', 'targets']) if (Array.isArray(whole[k])) return whole[k] as unknown[];
    return [whole];
  } catch {
    // JSON lines
  }
  const out: unknown[] = [];
  src.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw new Error(`line ${i + 1}: not a JSON object (${(e as Error).message})`, { cause: e });
    }
  });
  return out;
}

/** Parses FtM JSON lines (entities.ftm.json, targets.nested.json) or a JSON array of entities. */
export function parseOpenSanctionsJson(text: string, opts: OpenSanctionsOptions = {}): EntityListVersion {
  const objects = readJsonObjects(text);
  const entities: FtmEntity[] = [];
  for (const o of objects) {
    // objects that are not entities (a stray header line) are skipped; none at all is fatal
    const e = o as Partial<FtmEntity> | null;
    if (e && typeof e === 'object' && typeof e.schema === 'string' && e.properties && typeof e.properties === 'object') {
      entities.push(e as FtmEntity);
    }
  }
  if (!entities.length) {
    throw new Error('not a FollowTheMoney export: no object has "schema" and "properties" (expected OpenSanctions entities.ftm.json)');
  }

  // Sanctions by the entity they name (flat export) …
  const sanctionsFor = new Map<string, { section: string | null; date: string | null }[]>();
  for (const e of entities) {
    if (e.schema !== 'Sanction') continue;
    const s = sanctionOf(e.properties);
    for (const ref of e.properties.entity ?? []) {
      const id = typeof ref === 'string' ? ref : (ref as { id?: string } | null)?.id;
      if (id) sanctionsFor.set(id, [...(sanctionsFor.get(id) ?? []), s]);
    }
  }

  const hasTargetFlag = entities.some((e) => typeof e.target === 'boolean');
  let listed = entities.filter((e) =>
    hasTargetFlag ? e.target === true && !NOT_LISTED_SCHEMAS.has(e.schema) : LISTED_SCHEMAS.has(e.schema),
  );
  const withDatasets = listed.filter((e) => Array.isArray(e.datasets) && e.datasets.length);
  if (withDatasets.length) {
    const uflpa = listed.filter((e) => isUflpaDataset(e.datasets ?? []));
    if (!uflpa.length) {
      const names = [...new Set(withDatasets.flatMap((e) => e.datasets ?? []))].slice(0, 5).join(', ');
      throw new Error(`not the UFLPA Entity List: the entities come from ${names}, not us_dhs_uflpa`);
    }
    listed = uflpa;
  }
  if (!listed.length) throw new Error('not the UFLPA Entity List: no Company / Organization / LegalEntity entities in the export');

  const drafts = listed.map((e, i) => {
    const p = e.properties;
    const nested = (p.sanctions ?? [])
      .filter((s): s is FtmEntity => !!s && typeof s === 'object' && (s as FtmEntity).schema === 'Sanction')
      .map((s) => sanctionOf(s.properties ?? {}));
    const ids = [e.id, ...(e.referents ?? [])].filter((x): x is string => !!x);
    return toDraft({
      origin: `entity ${e.id ?? `#${i + 1}`}`,
      caption: typeof e.caption === 'string' ? e.caption : null,
      names: strings(p.name),
      otherNames: [...strings(p.alias), ...strings(p.weakAlias), ...strings(p.abbreviation)],
      formerNames: strings(p.previousName),
      notes: [...strings(p.notes), ...strings(p.summary), ...strings(p.description)],
      countries: [...strings(p.country), ...strings(p.mainCountry), ...strings(p.jurisdiction)],
      sanctions: [...ids.flatMap((id) => sanctionsFor.get(id) ?? []), ...nested],
      firstSeen: dateOf(e.first_seen) ?? dateOf(strings(p.createdAt)[0]),
    });
  });
  const seen = listed.flatMap((e) => [dateOf(e.last_seen), dateOf(e.last_change), ...strings(e.properties.modifiedAt).map(dateOf)]);
  return finish(drafts, seen, 'FollowTheMoney JSON', opts);
}

// ---------------------------------------------------------------- simplified CSV

function sniffDelimiter(firstLine: string): string {
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

/**
 * Parses targets.simple.csv (id, schema, name, aliases, countries, sanctions, dataset,
 * first_seen, last_seen, last_change, …). Only "name" is required; the CSV does not tell
 * aliases from former names, so both arrive as aliases unless marked "formerly known as".
 */
export function parseOpenSanctionsCsv(text: string, opts: OpenSanctionsOptions = {}): EntityListVersion {
  const src = text.replace(/^\ufeff/, '');
  if (!src.trim()) throw new Error('the file is empty');
  const records = parseCsv(src, sniffDelimiter(src.split(/\r?\n/, 1)[0]));
  const [head, ...rows] = records;
  const cols = head.fields.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const col = (...names: string[]) => names.map((n) => cols.indexOf(n)).find((i) => i >= 0) ?? -1;
  const c = {
    id: col('id'),
    schema: col('schema'),
    name: col('name', 'caption'),
    aliases: col('aliases', 'alias'),
    countries: col('countries', 'country'),
    sanctions: col('sanctions'),
    dataset: col('dataset', 'datasets'),
    firstSeen: col('first_seen'),
    lastSeen: col('last_seen'),
    lastChange: col('last_change'),
  };
  if (c.name < 0) {
    throw new Error(
      `not an OpenSanctions targets.simple.csv: no "name" column (columns: ${head.fields.slice(0, 8).join(', ')}${head.fields.length > 8 ? ', …' : ''})`,
    );
  }
  const get = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
  let data = rows.filter((r) => r.fields.some((f) => f.trim()));
  if (c.dataset >= 0 && data.length) {
    const uflpa = data.filter((r) => isUflpaDataset(splitMultiValue(get(r.fields, c.dataset))) || findSection(get(r.fields, c.sanctions)));
    if (!uflpa.length) {
      const names = [...new Set(data.map((r) => get(r.fields, c.dataset)))].slice(0, 3).join('; ');
      throw new Error(`not the UFLPA Entity List: the rows come from "${names}", not the UFLPA Entity List dataset`);
    }
    data = uflpa;
  }
  const drafts = data.map((r, i) => {
    const f = r.fields;
    const name = cleanName(get(f, c.name));
    const origin = `row ${i + 1} (line ${r.line})`;
    if (!name) throw new Error(`${origin}: no entity name`);
    return toDraft({
      origin,
      caption: name,
      names: [name],
      otherNames: splitMultiValue(get(f, c.aliases)),
      formerNames: [],
      notes: [],
      countries: splitMultiValue(get(f, c.countries)),
      sanctions: splitMultiValue(get(f, c.sanctions)).map((s) => sectionFromTexts([s], [s])),
      firstSeen: dateOf(get(f, c.firstSeen)),
    });
  });
  const seen = data.flatMap((r) => [dateOf(get(r.fields, c.lastSeen)), dateOf(get(r.fields, c.lastChange))]);
  return finish(drafts, seen, 'targets.simple.csv', opts);
}
