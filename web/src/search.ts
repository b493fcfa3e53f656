// Search in any spelling: the screening matcher over the Entity List (screenName) and the
// tenant's firms and facilities (searchFirms, widened per word and ranked by spelling closeness).
import { Firm, gql } from './api';
import { loadMatches } from './details';
import { Actions, state } from './state';
import { byId, clear, debounce, h, normalize, pct, similarity } from './util';

interface ListMatch {
  entityName: string;
  matchedName: string;
  score: number;
  decision: string;
  section: string | null;
  effectiveDate: string | null;
  reason: string;
  coversSubsidiaries: boolean;
}

/** The query plus each word (and the start of each long word), so one typo does not hide a firm. */
function searchTerms(q: string): string[] {
  const terms = new Set<string>([q.trim()]);
  const words = normalize(q)
    .split(' ')
    .filter((w) => w.length >= 3);
  for (const w of words.slice(0, 5)) {
    terms.add(w);
    if (w.length >= 6) terms.add(w.slice(0, 4));
  }
  return [...terms].filter(Boolean).slice(0, 10);
}

let seq = 0;
/** The query of the newest search started: typing that settles on it again does not search twice. */
let started = '';

export function initSearch(act: Actions): { run(q: string): Promise<void> } {
  const input = byId<HTMLInputElement>('search-input');
  const out = byId('search-results');

  const run = async (q: string) => {
    const my = ++seq;
    started = q.trim();
    if (q.trim().length < 2) {
      clear(out);
      return;
    }
    const terms = searchTerms(q);
    const listQ = `query ScreenName($q: String!) { screenName(name: $q, limit: 8) { entityName matchedName score decision section effectiveDate reason coversSubsidiaries } }`;
    const firmsQ = `query SearchFirms(${terms.map((_, i) => `$t${i}: String!`).join(', ')}) {
      ${terms.map((_, i) => `f${i}: searchFirms(text: $t${i}, limit: 25) { id name aliases localName country city province facilities { id name city country } }`).join('\n')} }`;
    const firmVars = Object.fromEntries(terms.map((t, i) => [`t${i}`, t]));
    clear(out, h('li', { class: 'muted' }, 'Searching…'));
    const [list, firms] = await Promise.all([
      gql<{ screenName: ListMatch[] }>(listQ, { q: q.trim() }).then(
        (d) => d.screenName,
        (e: Error) => e,
      ),
      gql<Record<string, Firm[]>>(firmsQ, firmVars).then(
        (d) => Object.values(d).flat(),
        (e: Error) => e,
      ),
      state.matches ? Promise.resolve(state.matches) : loadMatches().catch(() => []),
    ]);
    if (my !== seq) return;
    await render(q, list, firms, my);
  };

  /** Shipments through each firm or a firm it controls (exposure), one request for all. */
  const exposureTotals = async (ids: string[]): Promise<Map<string, number>> => {
    if (!ids.length) return new Map();
    try {
      const d = await gql<Record<string, { total: number }>>(
        `query SearchExposure(${ids.map((_, i) => `$f${i}: ID!`).join(', ')}) { ${ids
          .map((_, i) => `e${i}: exposure(firmId: $f${i}, first: 1) { total }`)
          .join(' ')} }`,
        Object.fromEntries(ids.map((id, i) => [`f${i}`, id])),
      );
      return new Map(ids.map((id, i) => [id, d[`e${i}`]?.total ?? 0]));
    } catch {
      return new Map();
    }
  };

  const render = async (q: string, list: ListMatch[] | Error, found: Firm[] | Error, my: number) => {
    // one row per firm: its best spelling (name, local name, alias or one of its facilities)
    const firms = new Map<string, { firm: Firm; closeness: number; via: string; facility?: { id: string; name: string } }>();
    for (const f of found instanceof Error ? [] : found) {
      const cands = [f.name, f.localName ?? '', ...f.aliases].filter(Boolean);
      let best: { closeness: number; via: string; facility?: { id: string; name: string } } = { closeness: 0, via: f.name };
      for (const c of cands) {
        const s = similarity(q, c);
        if (s > best.closeness) best = { closeness: s, via: c };
      }
      for (const fa of f.facilities ?? []) {
        const s = similarity(q, fa.name);
        if (s > best.closeness) best = { closeness: s, via: fa.name, facility: fa };
      }
      const prev = firms.get(f.id);
      if (!prev || prev.closeness < best.closeness) firms.set(f.id, { firm: f, ...best });
    }
    const matchesOf = (firmId: string) =>
      (state.matches ?? []).filter((m) => m.firmId === firmId && m.status !== 'REJECTED').sort((a, b) => b.score - a.score);
    const close = [...firms.values()]
      .filter((x) => x.closeness >= 0.3)
      .sort((a, b) => b.closeness - a.closeness)
      .slice(0, 12);
    const exposed = await exposureTotals(close.map((x) => x.firm.id));
    if (my !== seq) return;
    const imports = (id: string) => (state.risks ?? []).filter((r) => r.importerId === id).length;
    const shipmentsOf = (id: string) => (exposed.get(id) ?? 0) + imports(id);
    // firms with shipments first, then firms the screening links to a listing, then by spelling
    const ranked = close
      .sort(
        (a, b) =>
          Number(shipmentsOf(b.firm.id) > 0) - Number(shipmentsOf(a.firm.id) > 0) ||
          Number(matchesOf(b.firm.id).length > 0) - Number(matchesOf(a.firm.id).length > 0) ||
          b.closeness - a.closeness,
      )
      .slice(0, 6);
    const items: HTMLElement[] = [];
    items.push(h('li', { class: 'group', role: 'presentation' }, 'Your firms and facilities'));
    if (found instanceof Error) items.push(h('li', { class: 'error', role: 'alert' }, `Firm search failed: ${found.message}`));
    else if (!ranked.length) items.push(h('li', { class: 'muted' }, 'No firm or facility of yours is close to this name.'));
    for (const r of ranked) {
      const f = r.firm;
      const n = shipmentsOf(f.id);
      const listing = matchesOf(f.id)[0];
      items.push(
        h(
          'li',
          { class: 'firm-hit' },
          h(
            'button',
            { type: 'button', class: 'result firm', 'data-id': f.id, onclick: () => act.openFirm(f.id) },
            h('span', { class: 'rname' }, h('span', { class: 'kind' }, 'Firm'), f.name),
            h(
              'span',
              { class: 'rmeta ids' },
              [f.id, [f.city, f.province, f.country].filter(Boolean).join(', ')].filter(Boolean).join(' · '),
            ),
            h(
              'span',
              { class: `rmeta shipments${n ? ' has' : ''}` },
              n ? `${n} shipment${n === 1 ? '' : 's'} through it or its subsidiaries` : 'no shipments of yours',
            ),
            r.facility
              ? h('span', { class: 'rmeta' }, `matched its facility “${r.facility.name}” (${r.facility.id})`)
              : r.via !== f.name
                ? h('span', { class: 'rmeta' }, `matched “${r.via}”`)
                : null,
            listing
              ? h(
                  'span',
                  { class: `rmeta listing decision-${listing.decision.toLowerCase()}` },
                  `${listing.decision === 'MATCH' || listing.status === 'CONFIRMED' ? '⚑' : '⚠'} Entity List ${listing.decision} ${pct(listing.score)}: ${listing.entityName} (${listing.status.toLowerCase()})`,
                )
              : null,
          ),
        ),
      );
    }
    items.push(h('li', { class: 'group', role: 'presentation' }, 'UFLPA Entity List (screening score, MATCH ≥ POSSIBLE)'));
    // one row per listed entity: its best-scoring name
    const entries = new Map<string, ListMatch>();
    for (const m of list instanceof Error ? [] : list) {
      const prev = entries.get(m.entityName);
      if (!prev || prev.score < m.score) entries.set(m.entityName, m);
    }
    if (list instanceof Error) items.push(h('li', { class: 'error', role: 'alert' }, `Screening failed: ${list.message}`));
    else if (!entries.size) items.push(h('li', { class: 'muted' }, 'No Entity List entry is close to this name.'));
    for (const m of entries.values()) {
      const linked = [...new Map((state.matches ?? []).filter((x) => x.entityName === m.entityName).map((x) => [x.firmId, x])).values()];
      items.push(
        h(
          'li',
          { class: 'listed' },
          h(
            'div',
            { class: 'result static' },
            h(
              'span',
              { class: `score decision-${m.decision.toLowerCase()}`, title: 'screening score' },
              pct(m.score),
              h('span', { class: 'decision' }, m.decision),
            ),
            h('span', { class: 'rname' }, h('span', { class: 'kind' }, 'Listed'), m.entityName),
            h(
              'span',
              { class: 'rmeta' },
              [
                m.section ? `section ${m.section}` : '',
                m.effectiveDate ? `effective ${m.effectiveDate}` : '',
                m.coversSubsidiaries ? 'covers subsidiaries' : '',
              ]
                .filter(Boolean)
                .join(' · '),
            ),
            h('span', { class: 'rmeta' }, m.matchedName !== m.entityName ? `matched “${m.matchedName}”: ` : '', m.reason),
          ),
          linked.length
            ? h(
                'ul',
                { class: 'linked' },
                linked.map((x) =>
                  h(
                    'li',
                    {},
                    h(
                      'button',
                      { type: 'button', class: 'result small', 'data-id': x.firmId, onclick: () => act.openFirm(x.firmId) },
                      `In your data: ${x.firmName} (${x.firmId})`,
                      h('span', { class: 'rmeta' }, ` · ${x.decision} ${pct(x.score)}, ${x.status.toLowerCase()}`),
                    ),
                  ),
                ),
              )
            : null,
        ),
      );
    }
    clear(out, items);
  };

  // Enter searches at once and drops the pending typed search, which would otherwise start
  // 300 ms later and clear the answer just drawn for the same words.
  const debounced = debounce((q: string) => {
    if (q.trim() !== started) void run(q);
  }, 300);
  input.addEventListener('input', () => debounced(input.value));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      debounced.cancel();
      void run(input.value);
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      out.querySelector<HTMLButtonElement>('button.result')?.focus();
    }
    if (e.key === 'Escape') {
      input.value = '';
      started = '';
      debounced.cancel();
      clear(out);
    }
  });
  out.addEventListener('keydown', (e) => {
    const buttons = [...out.querySelectorAll<HTMLButtonElement>('button.result')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' && i >= 0) {
      e.preventDefault();
      buttons[Math.min(i + 1, buttons.length - 1)].focus();
    }
    if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      (i === 0 ? input : buttons[i - 1]).focus();
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      input.focus();
    }
  });
  return { run };
}
