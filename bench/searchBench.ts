// searchFirms at a large tenant's size: a tenant of generated firms (with their facilities),
// written with the import's own rows and statements but without flows or screening, so 180k
// firms load in minutes; kept between runs. Texts are drawn from the firms themselves, in the
// classes a user types: a whole name, two words of one, one word, the start of a word (as the
// explorer widens a search), a facility's name, and names in their screening form.
import type { Services } from '../src/services';
import { generateBundleChunks } from '../src/generate/generator';
import { toRows } from '../src/import/importBundle';
import { UPSERT_FACILITIES, UPSERT_FIRMS } from '../src/import/cypher';
import { searchFirms } from '../src/lookup';
import { screeningForm } from '../src/lookup/searchForms';
import { fmt, stats } from './measure';
import { loadavg } from 'node:os';
import { recordFigure } from './figures';

const NO_STORED = {
  firm: new Set<string>(),
  facility: new Set<string>(),
  material: new Map(),
  document: new Set<string>(),
  flow: new Map(),
};

async function seed(services: Services, tenant: string, firms: number): Promise<number> {
  const count = async () =>
    (await services.graph.read<{ n: number }>('MATCH (f:Firm {tenant: $tenant}) RETURN count(f) AS n', { tenant }))[0].n;
  if ((await count()) >= firms) return count();
  let written = 0;
  for (const chunk of generateBundleChunks({ flows: Math.ceil(firms * 6), seed: 11 }, 50_000)) {
    const rows = toRows({ ...chunk, firms: chunk.firms.slice(0, firms - written) }, NO_STORED);
    const firmIds = new Set(rows.firms.map((f) => f.id));
    for (let i = 0; i < rows.firms.length; i += 5000)
      await services.graph.write(UPSERT_FIRMS, { tenant, rows: rows.firms.slice(i, i + 5000) });
    const facilities = rows.facilities.filter((f) => firmIds.has(f.firmId));
    for (let i = 0; i < facilities.length; i += 5000)
      await services.graph.write(UPSERT_FACILITIES, { tenant, rows: facilities.slice(i, i + 5000) });
    written += rows.firms.length;
    if (written >= firms) break;
  }
  return count();
}

const words = (s: string) => s.split(/\s+/).filter((w) => w.length >= 4);

/**
 * The texts a user types, by class, from `n` firms evenly spread by id (the same on every run:
 * a random sample moved the median between runs); `shift` (0 to 1) moves every pick along by
 * that part of a step, so a warm-up round searches other firms' texts of the same classes.
 */
async function sampleTexts(services: Services, tenant: string, n: number, shift = 0): Promise<Record<string, string[]>> {
  const sample = await services.graph.read<{ name: string; facility: string | null }>(
    `MATCH (f:Firm {tenant: $tenant}) WHERE f.id IS NOT NULL
     WITH f ORDER BY f.id
     WITH collect(f) AS firms
     UNWIND range(0, toInteger($n) - 1) AS i
     WITH firms[toInteger((i + $shift) * (size(firms) / toInteger($n)))] AS f
     RETURN f.name AS name, COLLECT { MATCH (x:Facility {tenant: $tenant, firmId: f.id}) RETURN x.name ORDER BY x.id LIMIT 1 }[0] AS facility`,
    { tenant, n, shift },
  );
  const classes: Record<string, string[]> = {
    'whole name': sample.map((s) => s.name),
    'two words': sample.map((s) => words(s.name).slice(0, 2).join(' ')),
    'one word': sample.map((s) => words(s.name).at(-1) ?? s.name),
    'start of a word (4)': sample.map((s) => (words(s.name)[0] ?? s.name).slice(0, 4)),
    "a facility's name": sample.flatMap((s) => (s.facility ? [s.facility] : [])),
    'screening form': sample.map((s) => screeningForm(s.name)),
  };
  // a name with no word of four letters, or no facility, or nothing left in screening form, gives no text
  return Object.fromEntries(Object.entries(classes).map(([k, texts]) => [k, texts.filter(Boolean)]));
}

/** Each text searched twice, the second timed: the milliseconds and the firms found, in order. */
async function timeSearches(services: Services, tenant: string, texts: readonly string[]): Promise<{ ms: number[]; found: number }> {
  const ms: number[] = [];
  let found = 0;
  for (const text of texts) {
    await searchFirms(services.graph, tenant, text, 20);
    const start = performance.now();
    found += (await searchFirms(services.graph, tenant, text, 20)).length;
    ms.push(performance.now() - start);
  }
  return { ms, found };
}

/**
 * `warmup` rounds over other firms' texts first (untimed in the figure; their median is stated):
 * a just-started Neo4j compiles the query's paths over the first few hundred searches, which
 * made the same texts take 8 to 10 ms in one run and 6 to 7 in the next.
 */
export async function benchSearch(services: Services, { firms = 180_000, samples = 60, warmup = 1 } = {}): Promise<string> {
  const tenant = `bench-search-${firms}`;
  const t0 = performance.now();
  const total = await seed(services, tenant, firms);
  const seedS = (performance.now() - t0) / 1000;
  const load = loadavg();
  const warm: number[] = [];
  for (let w = 0; w < warmup; w++)
    for (const texts of Object.values(await sampleTexts(services, tenant, samples, (w + 1) / (warmup + 1))))
      warm.push(...(await timeSearches(services, tenant, texts)).ms);
  const classes = await sampleTexts(services, tenant, samples);
  const lines = [
    '### searchFirms at 180k firms',
    '',
    `\`searchFirms(text, limit: 20)\` (the lookup function, in process) over a tenant of ${total.toLocaleString()} generated firms and their facilities (${seedS > 5 ? `written in ${fmt(seedS, 0)} s` : 'written by an earlier run'}; no flows). ${samples} firms, evenly spread by id (the same on every run); each text searched twice, the second timed. ${warmup ? `Before them, ${warmup} round${warmup > 1 ? 's' : ''} of the same classes of text from other firms (${warm.length} searches, median ${fmt(stats(warm).median)} ms: the cost on a just-started Neo4j), untimed here. ` : ''}Load average at the start ${load
      .map((l) => fmt(l, 1))
      .join(' / ')}.`,
    '',
    '| text | searches | found (mean) | median ms | p99 ms |',
    '|---|---|---|---|---|',
  ];
  const all: number[] = [];
  for (const [name, texts] of Object.entries(classes)) {
    const { ms, found } = await timeSearches(services, tenant, texts);
    all.push(...ms);
    const s = stats(ms);
    lines.push(`| ${name} | ${s.n} | ${fmt(found / (s.n || 1))} | ${fmt(s.median)} | ${fmt(s.p99)} |`);
    console.log(lines[lines.length - 1]);
  }
  const s = stats(all);
  lines.push(`| **all** | ${s.n} | | **${fmt(s.median)}** | ${fmt(s.p99)} |`, '');
  recordFigure('searchMedianMs', s.median, `${total.toLocaleString()} firms, ${s.n} searches`);
  return lines.join('\n');
}
