// The page: search, shipments table, graph and details, wired together.
import '../styles.css';
import {
  ApiError,
  downloadFile,
  getToken,
  gql,
  GraphEdge,
  GraphNode,
  lookup,
  Packet,
  RiskFlag,
  Shipment,
  ShipmentTrace,
  setToken,
} from './api';
import { loadMatches, renderSelection, renderShipmentCard } from './details';
import { GraphView } from './graph';
import { initSearch } from './search';
import { initShipments } from './shipments';
import { initImport } from './importView';
import { initGraphList } from './graphList';
import { renderDashboard } from './dashboard';
import { loadExposure, renderExposureCard } from './exposure';
import { Actions, names, state } from './state';
import { byId, clear, FLAG_KINDS, flagTally, h, loadFlagKinds } from './util';

const TRACE_QUERY = `query Trace($id: ID!) {
  trace: traceShipment(id: $id) { shipmentId verdict asOf tiers truncated entityListVersion
    flags { kind firmId facilityId flowId tier reason path evidence }
    parties { firmId facilityId name tier role }
    hops { flowId tier fromFacilityId toFacilityId materialId inputs lotAllocated documents }
    origin { declared preferenceProgram known countries unknownReason
      decidedAt { flowId country tier path } passThrough { flowId country heading tier path } } }
  shipment(id: $id) { id entryNumber importerId flowId htsCode value currency entryDate portOfEntry countryOfOrigin preferenceProgram
    detention { detainedOn noticeDate } }
}`;
const PACKET_QUERY = `query PacketSummary($id: ID!) { rebuttalPacket(shipmentId: $id) { kind verdict completeness fingerprint
  exhibits { number documentId type title } gaps { flowId missing note } downloads { pdf zip html markdown } identicalShipments } }`;
const NB_QUERY = `query Neighbourhood($id: ID!, $depth: Int) { neighbourhood(firmId: $id, depth: $depth, direction: BOTH) {
  nodes { id kind name firmId depth } edges { id kind from to materialId share date }
  flags { kind firmId facilityId flowId tier reason path evidence } } }`;

const statusEl = byId('status');
function status(msg: string, kind: 'info' | 'error' = 'info'): void {
  statusEl.textContent = msg;
  statusEl.className = kind;
  statusEl.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}
/** An id the server does not know (a stale link, a typo in the URL): nothing of the previous view stays. */
function notFound(what: string, id: string, e: ApiError): void {
  showDashboard(false);
  graph.clearAll();
  Object.assign(state, { mode: 'empty', shipmentId: null, trace: null, shipment: null, packet: null, packetError: null, firmId: null });
  graphTitle.textContent = `No ${what} ${id}`;
  exposureCard.hidden = true;
  renderShipmentCard(actions);
  markCurrentRow();
  clear(
    byId('selection-card'),
    h('p', { class: 'error', role: 'alert' }, `${e.message}. Search for it, or open a shipment from the table.`),
  );
  status(`${e.message}.`, 'error');
}

function fail(e: unknown): void {
  const err = e as ApiError;
  if (err.code === 'UNAUTHENTICATED') status(`${err.message}. Enter an API token at the top right.`, 'error');
  else status(err.message ?? String(e), 'error');
}

const graphTitle = byId('graph-title');
const exposureCard = byId('exposure-card');
const graph = new GraphView(byId('cy'), {
  select: (sel) => void renderSelection(sel, actions),
  expand: (id) => void actions.expand(id),
  pick: (id) => {
    if (!state.pathFrom) actions.setPathEnd('from', id);
    else actions.setPathEnd('to', id);
  },
});
(window as unknown as { uflpaGraph: unknown }).uflpaGraph = graph.cy; // for tests and the console

async function ensureNames(firmIds: string[], facilityIds: string[]): Promise<void> {
  const fi = firmIds.filter((id) => !state.firms.has(id));
  const fa = facilityIds.filter((id) => !state.facilities.has(id));
  if (!fi.length && !fa.length) return;
  const r = await lookup(fi, fa);
  for (const [k, v] of r.firms) state.firms.set(k, v);
  for (const [k, v] of r.facilities) state.facilities.set(k, v);
  const more = [...r.facilities.values()].map((f) => f.firmId).filter((id) => !state.firms.has(id));
  if (more.length) for (const [k, v] of (await lookup(more, [])).firms) state.firms.set(k, v);
}

let loadSeq = 0;

// ---- the landing dashboard, in place of the graph until a shipment or firm is opened
const dashboardEl = byId('dashboard');
const graphParts = ['cy', 'graph-keys', 'legend', 'paths'].map((id) => byId(id));
function showDashboard(on: boolean): void {
  dashboardEl.hidden = !on;
  for (const el of graphParts) el.hidden = on;
  byId('nav-dashboard').setAttribute('aria-current', on ? 'page' : 'false');
  if (on) {
    graphTitle.textContent = 'Dashboard';
    void renderDashboard(dashboardEl, actions, (f) => shipments.showList(f));
  } else graph.cy.resize();
}
function openDashboard(): void {
  ++loadSeq;
  graph.clearAll();
  Object.assign(state, { mode: 'empty', shipmentId: null, trace: null, shipment: null, packet: null, packetError: null, firmId: null });
  exposureCard.hidden = true;
  renderShipmentCard(actions);
  markCurrentRow();
  void renderSelection(null, actions);
  showDashboard(true);
}
window.addEventListener('uflpa:risks', () => {
  if (!dashboardEl.hidden) void renderDashboard(dashboardEl, actions, (f) => shipments.showList(f));
});

/** For LISTED_AFFILIATE flags, adds the ownership chain up to the listed owner (dashed edges). */
async function showControllingOwners(t: ShipmentTrace): Promise<void> {
  const firms = [...new Set(t.flags.filter((f) => f.kind === 'LISTED_AFFILIATE' && f.firmId).map((f) => f.firmId!))].slice(0, 20);
  if (!firms.length) return;
  try {
    const d = await gql<Record<string, { ultimateOwnerId: string; firms: string[]; shares: number[] }[]>>(
      `query Owners(${firms.map((_, i) => `$f${i}: ID!`).join(', ')}) { ${firms.map((_, i) => `o${i}: ownershipChain(firmId: $f${i}) { ultimateOwnerId firms shares }`).join(' ')} }`,
      Object.fromEntries(firms.map((f, i) => [`f${i}`, f])),
    );
    const chains = Object.values(d).flat();
    const ids = [...new Set(chains.flatMap((c) => c.firms))];
    await ensureNames(ids, []);
    const edges: GraphEdge[] = chains.flatMap((c) =>
      c.firms.slice(0, -1).map((owner, i) => ({
        id: `${owner}>${c.firms[i + 1]}`,
        kind: 'OWNS',
        from: owner,
        to: c.firms[i + 1],
        materialId: null,
        share: c.shares[i] ?? null,
      })),
    );
    graph.merge(
      ids.map((id) => ({ id, kind: 'FIRM', name: names.firmName(id) || id, firmId: id, depth: 0 })),
      edges,
      names,
    );
    graph.home();
  } catch {
    /* the trace stands without the owners */
  }
}

const actions: Actions = {
  status,
  async openShipment(id) {
    const my = ++loadSeq;
    status(`Tracing shipment ${id}…`);
    try {
      const [d] = await Promise.all([
        gql<{ trace: ShipmentTrace; shipment: Shipment | null }>(TRACE_QUERY, { id }),
        state.matches ? null : loadMatches().catch(() => null),
        loadFlagKinds(),
      ]);
      if (my !== loadSeq) return;
      const t = d.trace;
      const facIds = t.hops.flatMap((x) => [x.fromFacilityId, x.toFacilityId]);
      await ensureNames([...t.parties.map((p) => p.firmId), ...(d.shipment ? [d.shipment.importerId] : [])], facIds);
      Object.assign(state, {
        mode: 'trace',
        shipmentId: id,
        trace: t,
        shipment: d.shipment,
        packet: null,
        packetError: null,
        firmId: null,
      });
      const importerFacility = t.hops.find((x) => x.tier === 1)?.toFacilityId ?? null;
      exposureCard.hidden = true;
      showDashboard(false);
      graph.showTrace(t, names, importerFacility);
      await showControllingOwners(t);
      graphTitle.textContent = `Trace of shipment ${id}`;
      if (location.hash !== `#shipment=${encodeURIComponent(id)}`) history.replaceState(null, '', `#shipment=${encodeURIComponent(id)}`);
      markCurrentRow();
      renderShipmentCard(actions);
      void renderSelection(null, actions);
      const tally = [...new Set(t.flags.map((f) => f.kind))].map((kind) => ({
        kind,
        count: t.flags.filter((f) => f.kind === kind).length,
      }));
      status(`Shipment ${id}: ${t.verdict}; ${flagTally(tally)}; ${t.hops.length} hops.`);
      gql<{ rebuttalPacket: Packet }>(PACKET_QUERY, { id })
        .then(
          (p) => {
            if (state.shipmentId !== id) return;
            state.packet = p.rebuttalPacket;
          },
          (e: Error) => {
            if (state.shipmentId === id) state.packetError = e.message;
          },
        )
        .finally(() => {
          if (state.shipmentId !== id) return;
          renderShipmentCard(actions);
          if (state.selection?.type === 'flow') void renderSelection(state.selection, actions);
        });
    } catch (e) {
      if (my !== loadSeq) return;
      if ((e as ApiError).code === 'NOT_FOUND') notFound('shipment', id, e as ApiError);
      else fail(e);
    }
  },

  async openFirm(id) {
    const my = ++loadSeq;
    status(`Loading the network of ${id}…`);
    try {
      const [d] = await Promise.all([
        gql<{ neighbourhood: { nodes: GraphNode[]; edges: GraphEdge[]; flags: RiskFlag[] } }>(NB_QUERY, { id, depth: 2 }),
        state.matches ? null : loadMatches().catch(() => null),
      ]);
      if (my !== loadSeq) return;
      const nb = d.neighbourhood;
      await ensureNames(
        [...nb.nodes.filter((n) => n.kind === 'FIRM').map((n) => n.id), id],
        [...nb.nodes.filter((n) => n.kind === 'FACILITY').map((n) => n.id), id],
      );
      Object.assign(state, {
        mode: 'firm',
        shipmentId: null,
        trace: null,
        shipment: null,
        packet: null,
        packetError: null,
        firmId: id,
        netFlags: nb.flags,
      });
      exposureCard.hidden = true;
      showDashboard(false);
      graph.showNeighbourhood(id, nb.nodes, nb.edges, names, nb.flags);
      graphTitle.textContent = `Network of ${names.any(id)}`;
      if (location.hash !== `#firm=${encodeURIComponent(id)}`) history.replaceState(null, '', `#firm=${encodeURIComponent(id)}`);
      markCurrentRow();
      renderShipmentCard(actions);
      const isFacility = state.facilities.has(id);
      graph.select({ kind: isFacility ? 'facility' : 'firm', id });
      if (!graph.hasNode(id)) void renderSelection(isFacility ? { type: 'facility', id } : { type: 'firm', id }, actions);
      status(`${names.any(id)}: ${nb.nodes.length} nodes and ${nb.edges.length} edges within two steps. Double-click a node to expand it.`);
    } catch (e) {
      if (my !== loadSeq) return;
      if ((e as ApiError).code === 'NOT_FOUND') notFound('firm or facility', id, e as ApiError);
      else fail(e);
    }
  },

  async openExposure(id) {
    const my = ++loadSeq;
    status(`Finding every shipment through ${names.any(id)} and the firms it controls…`);
    exposureCard.hidden = false;
    clear(exposureCard, h('p', { class: 'muted', role: 'status' }, `Loading the exposure of ${names.any(id)}…`));
    try {
      const [x] = await Promise.all([loadExposure(id), state.matches ? null : loadMatches().catch(() => null), loadFlagKinds()]);
      if (my !== loadSeq) return;
      const hops = x.rows.flatMap((r) => r.hops);
      await ensureNames(
        [id, ...x.rows.flatMap((r) => r.via.chain)],
        hops.flatMap((p) => [p.fromFacilityId, p.toFacilityId]),
      );
      Object.assign(state, {
        mode: 'exposure',
        shipmentId: null,
        trace: null,
        shipment: null,
        packet: null,
        packetError: null,
        firmId: id,
      });
      showDashboard(false);
      graph.showExposure(id, x.rows, names);
      graphTitle.textContent = `Exposure of ${names.any(id)}`;
      if (location.hash !== `#exposure=${encodeURIComponent(id)}`) history.replaceState(null, '', `#exposure=${encodeURIComponent(id)}`);
      markCurrentRow();
      renderShipmentCard(actions);
      renderExposureCard(exposureCard, x, actions, (row) => {
        const down = [...row.hops].reverse();
        if (down.length)
          graph.showPath(
            [down[0].fromFacilityId, ...down.map((d) => d.toFacilityId)],
            down.map((d) => d.flowId),
            names,
          );
        status(`Shipment ${row.shipmentId}: its path up to ${row.via.firmName} is highlighted.`);
      });
      void renderSelection({ type: 'firm', id }, actions);
      const sub = x.rows.filter((r) => r.via.kind !== 'DIRECT').length;
      status(
        `${names.any(id)}: ${x.total} exposed shipment${x.total === 1 ? '' : 's'}, ${x.rows.length - sub} direct and ${sub} through controlled subsidiaries.`,
      );
    } catch (e) {
      if (my !== loadSeq) return;
      if ((e as ApiError).code === 'NOT_FOUND') notFound('firm', id, e as ApiError);
      else {
        exposureCard.hidden = true;
        fail(e);
      }
    }
  },

  async expand(id) {
    status(`Expanding ${names.any(id)}…`);
    try {
      const d = await gql<{ neighbourhood: { nodes: GraphNode[]; edges: GraphEdge[]; flags: RiskFlag[] } }>(NB_QUERY, { id, depth: 1 });
      const nb = d.neighbourhood;
      graph.addFlags(nb.flags);
      if (state.mode === 'firm') state.netFlags = [...state.netFlags, ...nb.flags];
      await ensureNames(
        nb.nodes.filter((n) => n.kind === 'FIRM').map((n) => n.id),
        nb.nodes.filter((n) => n.kind === 'FACILITY').map((n) => n.id),
      );
      const added = graph.merge(nb.nodes, nb.edges, names);
      graph.home();
      status(added.length ? `Added ${added.length} nodes and edges around ${names.any(id)}.` : `Nothing new around ${names.any(id)}.`);
    } catch (e) {
      fail(e);
    }
  },

  select(kind, id) {
    graph.select({ kind, id });
    if (!graph.hasNode(id) && kind !== 'flow')
      void renderSelection(kind === 'facility' ? { type: 'facility', id } : { type: 'firm', id }, actions);
  },

  setPathEnd(which, id) {
    if (which === 'from') state.pathFrom = id;
    else state.pathTo = id;
    renderPathFinder();
    status(
      `Path ${which}: ${names.any(id)}.${which === 'from' && !state.pathTo ? ' Now choose where the path ends (Shift+click a node, or “Path to here”).' : ''}`,
    );
  },

  async decide(matchId, decision, note) {
    try {
      const m = decision === 'confirm' ? 'confirmMatch' : 'rejectMatch';
      const done = await gql<Record<string, { status: string; pendingDecision: { status: string } | null }>>(
        `mutation Decide($id: ID!, $note: String) { ${m}(id: $id, note: $note) { id status pendingDecision { status } } }`,
        { id: matchId, note: note || null },
      );
      const waiting = !!done[m]?.pendingDecision; // four-eyes review: proposed, not yet in effect
      await loadMatches().catch(() => undefined);
      const sel = state.selection;
      void shipments.load();
      if (state.mode === 'trace' && state.shipmentId) await actions.openShipment(state.shipmentId);
      else if (state.mode === 'firm' && state.firmId) await actions.openFirm(state.firmId);
      if (sel) {
        if (sel.type === 'facility' || sel.type === 'firm') actions.select(sel.type, sel.id);
        else void renderSelection(sel, actions);
      }
      status(
        waiting
          ? `Screening match: your decision to ${decision} waits for a second reviewer (four-eyes review); nothing has changed yet.`
          : `Screening match ${decision === 'confirm' ? 'confirmed' : 'rejected'}${state.trace ? `; shipment ${state.shipmentId} is now ${state.trace.verdict}` : ''}.`,
      );
    } catch (e) {
      fail(e);
    }
  },

  async downloadPacket(format) {
    const id = state.shipmentId;
    if (!id) return;
    status(`Preparing the ${format.toUpperCase()} packet of ${id}…`);
    try {
      const url = state.packet?.downloads[format];
      const path = url
        ? new URL(url, location.href).pathname + new URL(url, location.href).search
        : `/packets/${encodeURIComponent(id)}.${format === 'markdown' ? 'md' : format}`;
      const name = await downloadFile(path, `${id}-packet.${format === 'markdown' ? 'md' : format}`);
      status(`Downloaded ${name}.`);
    } catch (e) {
      fail(e);
    }
  },
};

// ---- path finder
const pfFrom = byId('pf-from');
const pfTo = byId('pf-to');
const pfList = byId('paths');
function renderPathFinder(): void {
  pfFrom.textContent = state.pathFrom ? names.any(state.pathFrom) : '—';
  pfTo.textContent = state.pathTo ? names.any(state.pathTo) : '—';
}
byId('pf-find').addEventListener('click', async () => {
  if (!state.pathFrom || !state.pathTo) {
    status('Choose both ends first: select a node and press “Path from here”, then another and “Path to here” (or Shift+click).', 'error');
    return;
  }
  status('Finding supply paths…');
  try {
    const d = await gql<{ supplierPaths: { nodes: string[]; flows: string[] }[] }>(
      'query Paths($from: ID!, $to: ID!) { supplierPaths(from: $from, to: $to, maxDepth: 10, limit: 10) { nodes flows } }',
      { from: state.pathFrom, to: state.pathTo },
    );
    const paths = d.supplierPaths;
    await ensureNames(
      [],
      paths.flatMap((p) => p.nodes),
    );
    if (!paths.length) {
      clear(pfList, h('p', {}, `No material path between ${names.any(state.pathFrom)} and ${names.any(state.pathTo)}.`));
      status('No path found.');
      graph.clearPath();
      return;
    }
    const show = (i: number) => {
      graph.showPath(paths[i].nodes, paths[i].flows, names);
      pfList.querySelectorAll('button.path').forEach((b, j) => b.setAttribute('aria-pressed', String(i === j)));
    };
    clear(
      pfList,
      h(
        'ol',
        { class: 'paths' },
        paths.map((p, i) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'path', 'aria-pressed': 'false', onclick: () => show(i) },
              `${p.flows.length} hop${p.flows.length === 1 ? '' : 's'}: `,
              p.nodes.map((n) => names.any(n)).join(' → '),
            ),
          ),
        ),
      ),
    );
    show(0);
    status(`${paths.length} path${paths.length === 1 ? '' : 's'} found; the shortest is highlighted in blue.`);
  } catch (e) {
    fail(e);
  }
});
byId('pf-clear').addEventListener('click', () => {
  state.pathFrom = state.pathTo = null;
  renderPathFinder();
  clear(pfList);
  graph.clearPath();
  graph.home();
});
byId('fit').addEventListener('click', () => graph.fit());

// ---- token (kept in this tab's session storage)
const tokenInput = byId<HTMLInputElement>('token-input');
const tokenState = byId('token-state');
function renderToken(): void {
  tokenState.textContent = getToken() ? 'token set' : 'no token';
}
byId<HTMLFormElement>('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  setToken(tokenInput.value.trim());
  tokenInput.value = '';
  renderToken();
  state.matches = null;
  status(getToken() ? 'Token saved for this browser session.' : 'Token cleared.');
  void shipments.load();
  loadLegend();
  route();
});
byId('token-clear').addEventListener('click', () => {
  setToken('');
  renderToken();
  status('Token cleared.');
});

/** The legend's flag lines, from the API's flag kinds: "Presumptive flag: XUAR location, UFLPA Entity List, or ...". */
function renderLegend(): void {
  const phrases = (severity: string) => {
    const xs = FLAG_KINDS.filter((k) => k.severity === severity).map((k) => k.legend);
    return xs.length > 2 ? `${xs.slice(0, -1).join(', ')}, or ${xs[xs.length - 1]}` : xs.join(', ');
  };
  byId('legend-presumptive').textContent = phrases('FLAG');
  byId('legend-signals').textContent = phrases('SIGNAL');
}
function loadLegend(): void {
  loadFlagKinds().then(renderLegend, () => undefined);
}

function markCurrentRow(): void {
  document
    .querySelectorAll('#shipments-table tr[data-shipment]')
    .forEach((tr) => tr.classList.toggle('current', (tr as HTMLElement).dataset.shipment === state.shipmentId));
}

// ---- start
const shipments = initShipments(actions);
initGraphList(graph, actions);
const search = initSearch(actions);
initImport(actions, () => {
  state.matches = null; // the import screened its firms
  void shipments.load();
});
function route(): void {
  const m = /^#(shipment|firm|exposure)=(.+)$/.exec(location.hash);
  if (!m) {
    openDashboard();
    return;
  }
  const id = decodeURIComponent(m[2]);
  if (m[1] === 'shipment' && id !== state.shipmentId) void actions.openShipment(id);
  if (m[1] === 'firm' && (id !== state.firmId || state.mode !== 'firm')) void actions.openFirm(id);
  if (m[1] === 'exposure' && (id !== state.firmId || state.mode !== 'exposure')) void actions.openExposure(id);
}
window.addEventListener('hashchange', route);
window.addEventListener('uflpa:unauthenticated', (e) =>
  status(`${(e as CustomEvent<string>).detail}. Enter an API token at the top right.`, 'error'),
);
renderToken();
renderPathFinder();
void renderSelection(null, actions);
void shipments.load();
loadLegend();
route();
void search;
