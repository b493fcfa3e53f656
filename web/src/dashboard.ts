// The landing view: how exposed the tenant is at a glance, from shipmentRisks. Verdict counts,
// flags by kind, the suppliers behind most flagged shipments, detained shipments with their
// deadlines (detentionClock) and verdicts by entry month. Every figure opens its list.
import { gql, lookup } from './api';
import { concentrationBlock } from './concentration';
import { Actions, names, Risk, state } from './state';
import { clear, FLAG_KINDS, h, verdictBadge, VERDICT_LABEL } from './util';

export interface ListFilter {
  verdict?: string;
  kind?: string;
  firmId?: string;
  month?: string;
  detained?: boolean;
  /** what the list shows, in words (status line and table summary) */
  label: string;
}

interface Deadline {
  name: string;
  date: string;
  daysLeft: number;
  status: string;
}

const VERDICTS = ['FLAGGED', 'INCOMPLETE', 'CLEAR'] as const;
const month = (r: Risk) => r.entryDate?.slice(0, 7) ?? 'no entry date';

/** Deadlines of the detained shipments, one request for all (each an alias), at most 20. */
async function deadlines(ids: string[]): Promise<Map<string, Deadline[]>> {
  const some = ids.slice(0, 20);
  if (!some.length) return new Map();
  const d = await gql<Record<string, { deadlines: Deadline[] }>>(
    `query Clocks(${some.map((_, i) => `$s${i}: ID!`).join(', ')}) { ${some
      .map((_, i) => `c${i}: detentionClock(shipmentId: $s${i}) { deadlines { name date daysLeft status } }`)
      .join(' ')} }`,
    Object.fromEntries(some.map((id, i) => [`s${i}`, id])),
  );
  return new Map(some.map((id, i) => [id, d[`c${i}`]?.deadlines ?? []]));
}

/** A figure that opens its list: a button with the number first. */
const figure = (n: number, label: string, onOpen: () => void, cls = '') =>
  h('button', { type: 'button', class: `figure ${cls}`.trim(), onclick: onOpen }, h('span', { class: 'n' }, String(n)), ' ', label);

export async function renderDashboard(el: HTMLElement, act: Actions, openList: (f: ListFilter) => void): Promise<void> {
  const risks = state.risks;
  if (!risks) {
    clear(el, h('p', { class: 'muted', role: 'status' }, 'Loading the dashboard…'));
    return;
  }
  const count = (v: string) => risks.filter((r) => r.verdict === v).length;
  const byKind = FLAG_KINDS.map((k) => ({
    info: k,
    shipments: risks.filter((r) => r.flagCounts.some((c) => c.kind === k.kind)).length,
    flags: risks.reduce((s, r) => s + (r.flagCounts.find((c) => c.kind === k.kind)?.count ?? 0), 0),
  })).filter((x) => x.shipments > 0);
  const suppliers = new Map<string, number>();
  for (const r of risks) for (const f of r.flaggedFirmIds) suppliers.set(f, (suppliers.get(f) ?? 0) + 1);
  const topSuppliers = [...suppliers.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8);
  const unnamed = topSuppliers.map(([id]) => id).filter((id) => !state.firms.has(id));
  if (unnamed.length) for (const [id, f] of (await lookup(unnamed, []).catch(() => ({ firms: new Map() }))).firms) state.firms.set(id, f);
  const detained = risks.filter((r) => r.detainedOn).sort((a, b) => (a.detainedOn! < b.detainedOn! ? 1 : -1));
  const months = [...new Set(risks.map(month))].sort();
  const perMonth = months.map((m) => ({ m, rows: risks.filter((r) => month(r) === m) }));
  const widest = Math.max(1, ...perMonth.map((x) => x.rows.length));

  const detainedList = h('div', {}, h('p', { class: 'muted', role: 'status' }, 'Loading deadlines…'));
  clear(
    el,
    h('h2', { id: 'dashboard-h' }, 'How exposed are we'),
    h(
      'p',
      { class: 'muted' },
      `${risks.length} shipment${risks.length === 1 ? '' : 's'}, traced now. Each figure opens its list; the table on the left shows the shipments.`,
    ),
    h(
      'section',
      { class: 'dash-block', 'aria-labelledby': 'dash-verdicts' },
      h('h3', { id: 'dash-verdicts' }, 'Verdicts'),
      h(
        'div',
        { class: 'figures' },
        VERDICTS.map((v) =>
          figure(count(v), VERDICT_LABEL[v], () => openList({ verdict: v, label: `${v} shipments` }), `verdict-${v.toLowerCase()}`),
        ),
      ),
    ),
    h(
      'section',
      { class: 'dash-block', 'aria-labelledby': 'dash-kinds' },
      h('h3', { id: 'dash-kinds' }, 'Flags by kind'),
      byKind.length
        ? h(
            'table',
            { class: 'dash-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Kind'),
                h('th', { scope: 'col' }, 'Weighs as'),
                h('th', { scope: 'col', class: 'num' }, 'Shipments'),
                h('th', { scope: 'col', class: 'num' }, 'Flags'),
              ),
            ),
            h(
              'tbody',
              {},
              byKind.map((x) =>
                h(
                  'tr',
                  { class: `sev-${x.info.severity.toLowerCase()}` },
                  h('td', {}, `${x.info.icon} ${x.info.label}`),
                  h(
                    'td',
                    {},
                    x.info.presumptive
                      ? 'presumptive'
                      : x.info.verdictEffect === 'INCOMPLETE'
                        ? 'leaves INCOMPLETE'
                        : x.info.severity.toLowerCase(),
                  ),
                  h(
                    'td',
                    { class: 'num' },
                    figure(x.shipments, '', () => openList({ kind: x.info.kind, label: `shipments with ${x.info.label}` })),
                  ),
                  h('td', { class: 'num' }, String(x.flags)),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No flags on any shipment.'),
    ),
    h(
      'section',
      { class: 'dash-block', 'aria-labelledby': 'dash-suppliers' },
      h('h3', { id: 'dash-suppliers' }, 'Suppliers behind the most flagged shipments'),
      topSuppliers.length
        ? h(
            'ol',
            { class: 'dash-suppliers' },
            topSuppliers.map(([id, n]) =>
              h(
                'li',
                {},
                figure(n, `flagged shipment${n === 1 ? '' : 's'}: ${names.firmName(id) || id}`, () =>
                  openList({ firmId: id, label: `shipments flagged through ${names.firmName(id) || id}` }),
                ),
                ' ',
                h('button', { type: 'button', class: 'link', onclick: () => act.openExposure(id) }, 'exposure view'),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No supplier raises a presumptive flag.'),
    ),
    h(
      'section',
      { class: 'dash-block', 'aria-labelledby': 'dash-detained' },
      h('h3', { id: 'dash-detained' }, 'Detained shipments and their deadlines '),
      figure(detained.length, `detained`, () => openList({ detained: true, label: 'detained shipments' })),
      detainedList,
    ),
    concentrationBlock(),
    h(
      'section',
      { class: 'dash-block', 'aria-labelledby': 'dash-months' },
      h('h3', { id: 'dash-months' }, 'Verdicts by entry month'),
      h(
        'table',
        { class: 'dash-months' },
        h('caption', { class: 'sr-only' }, 'Shipments per entry month by verdict; each bar segment is labelled with its count'),
        h(
          'tbody',
          {},
          perMonth.map(({ m, rows }) =>
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                h(
                  'button',
                  { type: 'button', class: 'link', onclick: () => openList({ month: m, label: `shipments entered in ${m}` }) },
                  m,
                ),
              ),
              h(
                'td',
                {},
                h(
                  'div',
                  { class: 'bar', style: `width: ${Math.max(8, (rows.length / widest) * 100)}%` },
                  VERDICTS.map((v) => {
                    const n = rows.filter((r) => r.verdict === v).length;
                    return n
                      ? h(
                          'button',
                          {
                            type: 'button',
                            class: `seg verdict-${v.toLowerCase()}`,
                            style: `flex: ${n}`,
                            title: `${m}: ${n} ${v}`,
                            'aria-label': `${m}: ${n} ${v}`,
                            onclick: () => openList({ month: m, verdict: v, label: `${v} shipments entered in ${m}` }),
                          },
                          `${VERDICT_LABEL[v].split(' ')[0]} ${n}`,
                        )
                      : null;
                  }),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  try {
    const clocks = await deadlines(detained.map((r) => r.shipmentId));
    clear(
      detainedList,
      detained.length
        ? h(
            'ul',
            { class: 'plain dash-detained' },
            detained.map((r) => {
              const next = (clocks.get(r.shipmentId) ?? []).filter((d) => d.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft)[0];
              const all = clocks.get(r.shipmentId) ?? [];
              return h(
                'li',
                { 'data-shipment': r.shipmentId },
                h('button', { type: 'button', class: 'link', onclick: () => act.openShipment(r.shipmentId) }, `Shipment ${r.shipmentId}`),
                ' ',
                verdictBadge(r.verdict),
                h('span', { class: 'muted' }, ` detained ${r.detainedOn}`),
                h(
                  'div',
                  { class: 'small' },
                  next
                    ? `Next: ${next.name}, ${next.date} (${next.daysLeft} day${next.daysLeft === 1 ? '' : 's'} left)`
                    : all.length
                      ? `Every deadline has passed; the last: ${all[all.length - 1].name}, ${all[all.length - 1].date}`
                      : 'No deadline known',
                ),
              );
            }),
          )
        : h('p', { class: 'muted' }, 'No shipment is detained.'),
    );
  } catch (e) {
    clear(detainedList, h('p', { class: 'error' }, `Could not load the deadlines: ${(e as Error).message}`));
  }
}

/** Whether a shipment belongs to a dashboard list. */
export function inList(r: Risk, f: ListFilter | null): boolean {
  if (!f) return true;
  return (
    (!f.verdict || r.verdict === f.verdict) &&
    (!f.kind || r.flagCounts.some((c) => c.kind === f.kind)) &&
    (!f.firmId || r.flaggedFirmIds.includes(f.firmId)) &&
    (!f.month || month(r) === f.month) &&
    (!f.detained || !!r.detainedOn)
  );
}
