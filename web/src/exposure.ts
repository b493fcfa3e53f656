// The exposure view of a firm: every shipment whose trace passes through the firm or a firm it
// controls (the exposure query of the API), each with its path from the importer up to that firm and how
// it gets there (directly, or through which subsidiary and by which holdings).
import { ExposedShipment, gql } from './api';
import { Actions, names } from './state';
import { clear, h, pct, verdictBadge } from './util';

export interface ExposureHop {
  flowId: string;
  tier: number;
  fromFacilityId: string;
  toFacilityId: string;
  materialId: string;
}
export interface ExposureRow extends ExposedShipment {
  verdict: string;
  /** the hops of `path`, shipment's own flow first */
  hops: ExposureHop[];
}
export interface Exposure {
  firmId: string;
  total: number;
  rows: ExposureRow[];
}

/** ExposedShipment's fields, as the page reads them. */
const EXPOSED_FIELDS = 'shipmentId tier path via { kind firmId firmName chain chainNames shares heldIn heldWith { firmName share } }';

/** Shipments per page of `exposure`, the most the view draws, and traces per request (each an alias). */
const PAGE = 100;
const MOST = 300;
const TRACES_PER_REQUEST = 10;

export async function loadExposure(firmId: string): Promise<Exposure> {
  const items: ExposedShipment[] = [];
  let after: string | null = null;
  let total = 0;
  while (items.length < MOST) {
    const d: { exposure: { total: number; items: ExposedShipment[]; endCursor: string | null; hasNextPage: boolean } } = await gql(
      `query Exposure($id: ID!, $first: Int, $after: String) { exposure(firmId: $id, first: $first, after: $after) {
        total endCursor hasNextPage items { ${EXPOSED_FIELDS} } } }`,
      { id: firmId, first: PAGE, after },
    );
    total = d.exposure.total;
    items.push(...d.exposure.items);
    if (!d.exposure.hasNextPage) break;
    after = d.exposure.endCursor;
  }
  // the hops of each path, and the verdict, from the shipment's trace
  const traces = new Map<string, { verdict: string; hops: ExposureHop[] }>();
  const ids = [...new Set(items.map((x) => x.shipmentId))];
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += TRACES_PER_REQUEST) batches.push(ids.slice(i, i + TRACES_PER_REQUEST));
  await Promise.all(
    batches.map(async (batch) => {
      const d = await gql<Record<string, { shipmentId: string; verdict: string; hops: ExposureHop[] }>>(
        `query ExposureTraces(${batch.map((_, i) => `$s${i}: ID!`).join(', ')}) { ${batch
          .map(
            (_, i) => `t${i}: traceShipment(id: $s${i}) { shipmentId verdict hops { flowId tier fromFacilityId toFacilityId materialId } }`,
          )
          .join(' ')} }`,
        Object.fromEntries(batch.map((id, i) => [`s${i}`, id])),
      );
      for (const t of Object.values(d)) traces.set(t.shipmentId, { verdict: t.verdict, hops: t.hops });
    }),
  );
  const rows = items.map((x) => {
    const t = traces.get(x.shipmentId);
    const byFlow = new Map((t?.hops ?? []).map((hop) => [hop.flowId, hop]));
    return { ...x, verdict: t?.verdict ?? '', hops: x.path.map((f) => byFlow.get(f)).filter((hop): hop is ExposureHop => !!hop) };
  });
  return { firmId, total, rows };
}

/** "direct", or "through <subsidiary>, held <firm> 60% > <firm> 70%". */
export function routeText(via: ExposedShipment['via']): string {
  if (via.kind === 'DIRECT') return 'direct: through its own facility';
  // control added up: the holdings in the firm that count, not one chain of majorities
  if (via.heldWith.length)
    return `through ${via.firmName} (holdings added up${via.heldIn && via.heldIn !== via.firmId ? ` in ${via.chainNames[via.chain.indexOf(via.heldIn)] ?? via.heldIn}` : ''}: ${via.heldWith.map((x) => `${x.firmName} ${pct(x.share)}`).join(' + ')})`;
  const links = via.shares.map((s, i) => `${via.chainNames[i]} holds ${pct(s)} of ${via.chainNames[i + 1]}`);
  return `through ${via.firmName} (${links.join('; ')})`;
}

/** Facility names from the firm's hop down to the importer: upstream first, as the graph reads. */
export function pathText(row: ExposureRow): string {
  if (!row.hops.length) return '';
  const down = [...row.hops].reverse();
  return [down[0].fromFacilityId, ...down.map((x) => x.toFacilityId)].map((id) => names.any(id)).join(' → ');
}

export function renderExposureCard(el: HTMLElement, x: Exposure, act: Actions, highlight: (row: ExposureRow) => void): void {
  const direct = x.rows.filter((r) => r.via.kind === 'DIRECT').length;
  clear(
    el,
    h('h2', {}, h('span', { class: 'kind' }, 'Exposure'), names.firmName(x.firmId) || x.firmId),
    h(
      'p',
      {},
      `${x.total} shipment${x.total === 1 ? '' : 's'} pass${x.total === 1 ? 'es' : ''} through this firm or a firm it controls: `,
      `${direct} directly, ${x.rows.length - direct} through a controlled subsidiary.`,
      x.rows.length < x.total ? ` The first ${x.rows.length} are listed.` : '',
    ),
    x.rows.length
      ? h(
          'ol',
          { class: 'exposure-list' },
          x.rows.map((r) =>
            h(
              'li',
              { 'data-shipment': r.shipmentId, class: `via-${r.via.kind.toLowerCase()}` },
              h(
                'div',
                {},
                h('button', { type: 'button', class: 'link', onclick: () => act.openShipment(r.shipmentId) }, `Shipment ${r.shipmentId}`),
                ' ',
                r.verdict ? verdictBadge(r.verdict) : null,
                h('span', { class: 'muted' }, ` · tier ${r.tier}`),
              ),
              h('div', { class: 'via' }, r.via.kind === 'DIRECT' ? '● ' : '◆ ', routeText(r.via)),
              h('div', { class: 'path muted small' }, pathText(r)),
              h('button', { type: 'button', class: 'small', onclick: () => highlight(r) }, 'Highlight path'),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No shipment of yours passes through this firm or a firm it controls.'),
  );
}
