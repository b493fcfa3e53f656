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

export function initSearch(act: Actions): { run(q: string): Promise<void> } {
  const input = byId<HTMLInputElement>('search-input');
  const out = byId('search-results');

  const run = async (q: string) => {
    const my = ++seq;
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
    render(q, list, firms);
  };

  const render = (q: string, list: ListMatch[] | Error, found: Firm[] | Error) => {
    const firms = new Map<string, { firm: Firm; score: number; via: string; facility?: { id: string; name: string } }>();
    for (const f of found instanceof Error ? [] : found) {
      const cands = [f.name, f.localName ?? '', ...f.aliases].filter(Boolean);
      let best = { score: 0, via: f.name };
      for (const c of cands) {
        const s = similarity(q, c);
        if (s > best.score) best = { score: s, via: c };
      }
      let facility: { id: string; name: string } | undefined;
      for (const fa of f.facilities ?? []) {
        const s = similarity(q, fa.name);
        if (s > best.score) {
          best = { score: s, via: fa.name };
          facility = fa;
        }
      }
      const prev = firms.get(f.id);
      if (!prev || prev.score < best.score) firms.set(f.id, { firm: f, ...best, facility });
    }
    // firms the screening linked to a matching Entity List entry
    const linked = (entity: string) => (state.matches ?? []).filter((m) => m.entityName === entity);
    const ranked = [...firms.values()]
      .filter((x) => x.score >= 0.3)
      .sort((a, b) => b.score - a.score)
      .slice(0, 6);
    const items: HTMLElement[] = [];
    items.push(h('li', { class: 'group', role: 'presentation' }, 'Your firms and facilities'));
    if (found instanceof Error) items.push(h('li', { class: 'error', role: 'alert' }, `Firm search failed: ${found.message}`));
    else if (!ranked.length) items.push(h('li', { class: 'muted' }, 'No firm or facility of yours is close to this name.'));
    for (const r of ranked) {
      const target = r.facility?.id ?? r.firm.id;
      items.push(
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'result', 'data-id': target, onclick: () => act.openFirm(target) },
            h('span', { class: 'score', title: 'spelling closeness' }, pct(r.score)),
            h(
              'span',
              { class: 'rname' },
              h('span', { class: 'kind' }, r.facility ? 'Facility' : 'Firm'),
              r.facility ? r.facility.name : r.firm.name,
            ),
            h(
              'span',
              { class: 'rmeta' },
              [r.facility ? r.firm.name : r.firm.localName, r.firm.country].filter(Boolean).join(' · '),
              r.via !== r.firm.name && r.via !== r.facility?.name ? ` · matched “${r.via}”` : '',
            ),
          ),
        ),
      );
    }
    items.push(h('li', { class: 'group', role: 'presentation' }, 'UFLPA Entity List (screening matcher)'));
    if (list instanceof Error) items.push(h('li', { class: 'error', role: 'alert' }, `Screening failed: ${list.message}`));
    else if (!list.length) items.push(h('li', { class: 'muted' }, 'No Entity List entry is close to this name.'));
    for (const m of list instanceof Error ? [] : list) {
      const firmsOf = linked(m.entityName);
      items.push(
        h(
          'li',
          { class: 'listed' },
          h(
            'div',
            { class: 'result static' },
            h('span', { class: `score decision-${m.decision.toLowerCase()}`, title: 'screening score' }, pct(m.score)),
            h('span', { class: 'rname' }, h('span', { class: 'kind' }, 'Listed'), m.entityName),
            h(
              'span',
              { class: 'rmeta' },
              `${m.decision} · matched “${m.matchedName}”`,
              m.section ? ` · ${m.section}` : '',
              m.effectiveDate ? ` · effective ${m.effectiveDate}` : '',
              m.coversSubsidiaries ? ' · covers subsidiaries' : '',
            ),
            h('span', { class: 'rmeta' }, m.reason),
          ),
          firmsOf.length
            ? h(
                'ul',
                { class: 'linked' },
                firmsOf.map((x) =>
                  h(
                    'li',
                    {},
                    h(
                      'button',
                      { type: 'button', class: 'result small', 'data-id': x.firmId, onclick: () => act.openFirm(x.firmId) },
                      `In your data: ${x.firmName}`,
                      h('span', { class: 'rmeta' }, ` · ${x.status.toLowerCase()} candidate, ${pct(x.score)}`),
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

  const debounced = debounce((q: string) => void run(q), 300);
  input.addEventListener('input', () => debounced(input.value));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void run(input.value);
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      out.querySelector<HTMLButtonElement>('button.result')?.focus();
    }
    if (e.key === 'Escape') {
      input.value = '';
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
