// The shipments table: every shipment of the tenant with verdict and flag counts; sortable,
// filterable, keyboard-navigable; a row opens its trace.
import { gql, lookup } from './api';
import { Actions, Risk, state } from './state';
import { inList, ListFilter } from './dashboard';
import { byId, clear, FLAG_LABEL, h, loadFlagKinds, PRESUMPTIVE, SIGNALS, verdictBadge } from './util';

type Key = 'shipmentId' | 'entryNumber' | 'importer' | 'verdict' | 'tiers' | 'flags' | 'signals';

const VERDICT_RANK: Record<string, number> = { FLAGGED: 0, INCOMPLETE: 1, CLEAR: 2 };
const COLUMNS: { key: Key; label: string; icon?: string; numeric?: boolean }[] = [
  { key: 'shipmentId', label: 'Shipment' },
  { key: 'importer', label: 'Importer' },
  { key: 'verdict', label: 'Verdict' },
  { key: 'tiers', label: 'Tiers', numeric: true },
  { key: 'flags', label: 'Presumptive flags', icon: '⚑', numeric: true },
  { key: 'signals', label: 'Signals', icon: '⚠', numeric: true },
];

const count = (r: Risk, set: Set<string>) => r.flagCounts.filter((c) => set.has(c.kind)).reduce((s, c) => s + c.count, 0);

export function initShipments(act: Actions): { load(): Promise<void>; showList(f: ListFilter | null): void } {
  const table = byId<HTMLTableElement>('shipments-table');
  const filter = byId<HTMLInputElement>('shipments-filter');
  const verdictSel = byId<HTMLSelectElement>('shipments-verdict');
  const summary = byId('shipments-summary');
  let rows: Risk[] = [];
  let sort: { key: Key; dir: 1 | -1 } = { key: 'verdict', dir: 1 };
  /** a list the dashboard opened (verdict, flag kind, supplier, month, detained) */
  let list: ListFilter | null = null;

  const value = (r: Risk, k: Key): string | number => {
    switch (k) {
      case 'importer':
        return state.firms.get(r.importerId)?.name ?? r.importerId;
      case 'verdict':
        return VERDICT_RANK[r.verdict] ?? 9;
      case 'flags':
        return count(r, PRESUMPTIVE);
      case 'signals':
        return count(r, SIGNALS);
      case 'entryNumber':
        return r.entryNumber ?? '';
      case 'tiers':
        return r.tiers;
      default:
        return r.shipmentId;
    }
  };

  const render = () => {
    const text = filter.value.trim().toLowerCase();
    const v = verdictSel.value;
    const shown = rows.filter(
      (r) =>
        inList(r, list) &&
        (!v || r.verdict === v) &&
        (!text ||
          [
            r.shipmentId,
            r.entryNumber ?? '',
            r.importerId,
            state.firms.get(r.importerId)?.name ?? '',
            r.verdict,
            r.entryDate ?? '',
            ...r.flagCounts.map((c) => c.kind),
          ].some((s) => s.toLowerCase().includes(text))),
    );
    shown.sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
      return c * sort.dir || a.shipmentId.localeCompare(b.shipmentId, undefined, { numeric: true });
    });
    clear(
      summary,
      `${shown.length} of ${rows.length} shipments`,
      list
        ? [
            h('span', { class: 'list-chip' }, ` · ${list.label} `),
            h('button', { type: 'button', class: 'link', id: 'shipments-list-clear', onclick: () => showList(null) }, 'show all'),
          ]
        : null,
    );
    const head = h(
      'thead',
      {},
      h(
        'tr',
        {},
        COLUMNS.map((c) =>
          h(
            'th',
            {
              scope: 'col',
              class: c.numeric ? 'num' : undefined,
              'aria-sort': sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none',
            },
            h(
              'button',
              {
                type: 'button',
                class: 'sort',
                onclick: () => {
                  sort = { key: c.key, dir: sort.key === c.key ? (-sort.dir as 1 | -1) : 1 };
                  render();
                },
              },
              c.icon ? [h('span', { 'aria-hidden': 'true', title: c.label }, c.icon), h('span', { class: 'sr-only' }, c.label)] : c.label,
              h('span', { 'aria-hidden': 'true' }, sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'),
            ),
          ),
        ),
      ),
    );
    const body = h(
      'tbody',
      {},
      shown.map((r) => {
        const chips = r.flagCounts
          .filter((c) => PRESUMPTIVE.has(c.kind) || SIGNALS.has(c.kind))
          .map((c) => `${FLAG_LABEL[c.kind]?.icon ?? ''} ${FLAG_LABEL[c.kind]?.label ?? c.kind} ×${c.count}`)
          .join(', ');
        return h(
          'tr',
          {
            tabindex: '-1',
            'data-shipment': r.shipmentId,
            class: `verdict-row-${r.verdict.toLowerCase()}${state.shipmentId === r.shipmentId ? ' current' : ''}`,
            'aria-label': `Shipment ${r.shipmentId}, ${r.verdict}${chips ? `, ${chips}` : ''}. Press Enter to open its trace.`,
            onclick: () => act.openShipment(r.shipmentId),
          },
          h('td', {}, h('strong', {}, r.shipmentId), h('div', { class: 'muted small' }, r.entryNumber ?? '')),
          h('td', { class: 'importer' }, state.firms.get(r.importerId)?.name ?? r.importerId),
          h('td', {}, verdictBadge(r.verdict)),
          h('td', { class: 'num' }, r.tiers),
          h('td', { class: 'num', title: chips }, String(count(r, PRESUMPTIVE))),
          h('td', { class: 'num', title: chips }, String(count(r, SIGNALS))),
        );
      }),
    );
    clear(
      table,
      h(
        'caption',
        { class: 'sr-only' },
        'Shipments with verdict and flag counts; column headers sort; ↑ ↓ Home End move between rows, Enter opens',
      ),
      head,
      body,
    );
    rove(rowToFocus(body));
  };

  /** The row that holds the table's one Tab stop: the last focused one if still shown, else the open shipment's, else the first. */
  const rowToFocus = (body: HTMLElement): HTMLElement | null => {
    const rows = [...body.querySelectorAll<HTMLElement>('tr[data-shipment]')];
    return (
      rows.find((r) => r.dataset.shipment === focusedId) ?? rows.find((r) => r.dataset.shipment === state.shipmentId) ?? rows[0] ?? null
    );
  };
  let focusedId: string | null = null;
  /** Roving tabindex: exactly one row is in the Tab order. */
  const rove = (tr: HTMLElement | null, focus = false) => {
    if (!tr) return;
    table.querySelectorAll<HTMLElement>('tr[data-shipment]').forEach((r) => r.setAttribute('tabindex', r === tr ? '0' : '-1'));
    focusedId = tr.dataset.shipment ?? null;
    if (focus) tr.focus();
  };

  table.addEventListener('keydown', (e) => {
    const tr = (e.target as HTMLElement).closest('tr[data-shipment]') as HTMLTableRowElement | null;
    if (!tr) return;
    const rows = [...table.querySelectorAll<HTMLElement>('tr[data-shipment]')];
    const i = rows.indexOf(tr);
    const page = Math.max(1, Math.floor((table.closest('.table-wrap')?.clientHeight ?? 300) / Math.max(1, tr.offsetHeight)) - 1);
    const to: Record<string, number> = {
      ArrowDown: Math.min(i + 1, rows.length - 1),
      ArrowUp: Math.max(i - 1, 0),
      Home: 0,
      End: rows.length - 1,
      PageDown: Math.min(i + page, rows.length - 1),
      PageUp: Math.max(i - page, 0),
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void act.openShipment(tr.dataset.shipment!);
    } else if (e.key in to) {
      e.preventDefault();
      rove(rows[to[e.key]], true);
    }
  });
  table.addEventListener('focusin', (e) => {
    const tr = (e.target as HTMLElement).closest('tr[data-shipment]') as HTMLElement | null;
    if (tr) rove(tr);
  });
  filter.addEventListener('input', render);
  verdictSel.addEventListener('change', render);

  const showList = (f: ListFilter | null) => {
    list = f;
    filter.value = '';
    verdictSel.value = '';
    render();
    if (f) {
      const first = table.querySelector<HTMLElement>('tr[data-shipment]');
      first?.scrollIntoView({ block: 'nearest' });
      rove(first, true);
      act.status(`Showing ${summary.textContent?.split(' · ')[0] ?? ''}: ${f.label}.`);
    }
  };

  const load = async () => {
    clear(table, h('tbody', {}, h('tr', {}, h('td', { class: 'muted' }, 'Loading shipments…'))));
    try {
      await loadFlagKinds();
      const all: Risk[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const d: { shipmentRisks: { items: Risk[]; endCursor: string | null; hasNextPage: boolean } } = await gql(
          `query Risks($after: String) { shipmentRisks(first: 200, after: $after) { items { shipmentId entryNumber importerId verdict tiers flagCounts { kind count } entryDate detainedOn flaggedFirmIds } endCursor hasNextPage } }`,
          { after },
        );
        all.push(...d.shipmentRisks.items);
        if (!d.shipmentRisks.hasNextPage) break;
        after = d.shipmentRisks.endCursor;
      }
      rows = all;
      state.risks = all;
      window.dispatchEvent(new CustomEvent('uflpa:risks'));
      const unknown = [...new Set(rows.map((r) => r.importerId))].filter((id) => !state.firms.has(id));
      if (unknown.length) for (const [id, f] of (await lookup(unknown.slice(0, 200), [])).firms) state.firms.set(id, f);
      render();
    } catch (e) {
      clear(
        table,
        h('tbody', {}, h('tr', {}, h('td', { class: 'error', role: 'alert' }, `Could not load the shipments: ${(e as Error).message}`))),
      );
      summary.textContent = '';
    }
  };
  return { load, showList };
}
