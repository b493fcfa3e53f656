// The cytoscape graph: facilities inside their firm (compound nodes), material flows as solid
// arrows, ownership as dashed arrows, rows by tier (upstream at the top), laid out by the same
// function as the packets' flow chart (src/packets/tierLayout.ts).
import cytoscape, { Core, ElementDefinition, NodeSingular, EdgeSingular } from 'cytoscape';
import type { GraphEdge, GraphNode, RiskFlag, ShipmentTrace } from './api';
import { facilityTiers, layoutRows } from '../../src/packets/tierLayout';
import { FLAG_LABEL, PRESUMPTIVE, SIGNALS, shortId } from './util';

export type Selection =
  | { type: 'facility'; id: string }
  | { type: 'firm'; id: string }
  | { type: 'flow'; id: string; from: string; to: string }
  | { type: 'owns'; owner: string; owned: string; share: number | null };

export interface Names {
  firmName(id: string): string;
  facilityName(id: string): string;
  firmOf(facilityId: string): string | null;
  /** Outside a trace: whether the screening holds the firm as a listed entity (MATCH or confirmed, not rejected). */
  listed(firmId: string): boolean;
}

const SLOT = 196; // horizontal room per facility
const GAP = 40; // between firms in a row
const ROWH = 170; // between tiers
/** The smallest label, in px at the zoom the page opens a view with (and the least any label is drawn at). */
export const FONT = 11;
const LINE = 14; // px per label line at FONT
const LANE_GAP = 90; // between the chain and the owners' lane
const LANE_STEP = 270; // between an owner and its own owner in the lane
const rowY = (tier: number) => -tier * ROWH;
export const nodeKey = (kind: 'facility' | 'firm', id: string) => `${kind === 'facility' ? 'fac' : 'firm'}:${id}`;
const flowKey = (id: string) => `flow:${id}`;

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 168,
      height: 'data(h)',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '158px',
      'font-size': FONT,
      // level of detail: a label that would render under FONT px is not drawn (zoomed out, or Fit on a large graph)
      'min-zoomed-font-size': FONT,
      'font-family': 'system-ui, sans-serif',
      color: '#17202c',
      'text-valign': 'center',
      'text-halign': 'center',
      'background-color': '#e9f0f8',
      'border-width': 1,
      'border-color': '#5b6b7f',
    },
  },
  { selector: 'node.firm', style: { 'background-color': '#f5f1e6', 'border-color': '#8a7b55' } },
  {
    // the firm's name is in each of its facilities' labels: a label on the box would sit where arrows come in
    selector: 'node.firm:parent',
    style: {
      label: '',
      'background-opacity': 0.45,
      padding: '8px',
      shape: 'round-rectangle',
    },
  },
  { selector: 'node.firm:childless', style: { 'font-weight': 'bold' } },
  { selector: 'node.flagged', style: { 'border-color': '#b71c1c', 'border-width': 4, 'background-color': '#fde6e6', color: '#6d0000' } },
  { selector: 'node.firm.flagged:parent', style: { 'background-color': '#fbd5d5', 'background-opacity': 0.55 } },
  {
    selector: 'node.signal',
    style: { 'border-color': '#a35c00', 'border-width': 3, 'border-style': 'dashed', 'background-color': '#fff3df' },
  },
  { selector: 'node.flagged.signal', style: { 'border-color': '#b71c1c', 'border-style': 'solid', 'border-width': 4 } },
  { selector: 'node.start', style: { 'border-color': '#1f4e99', 'border-width': 3, 'border-style': 'double' } },
  {
    selector: 'node.tierlabel',
    style: {
      shape: 'rectangle',
      'background-opacity': 0,
      'border-width': 0,
      'font-size': 13,
      'font-weight': 'bold',
      color: '#4a5565',
      width: 84,
      height: 20,
    },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      width: 2,
      'line-color': '#7d8a9b',
      'target-arrow-color': '#7d8a9b',
      'target-arrow-shape': 'triangle',
      label: 'data(label)',
      'text-wrap': 'wrap',
      // parallel flows (lots of one pair) bow apart far enough that none runs through another's label
      'control-point-step-size': 120,
      'font-size': FONT,
      'min-zoomed-font-size': FONT,
      color: '#2b3440',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'overlay-padding': '6px',
      'text-rotation': 'none',
    },
  },
  {
    // owners sit in a lane beside the chain: their holdings arrive at the owned box's top corner, above its row
    selector: 'edge.owns',
    style: {
      // between two firm boxes: from top to top, bowed above the row, so the line crosses neither firm's facilities
      'curve-style': 'unbundled-bezier',
      'control-point-distances': [-60], // bowUp() sets the side per edge once the boxes are placed
      'control-point-weights': [0.5],
      'source-endpoint': '0% -50%',
      'target-endpoint': '0% -50%',
      // the share at the top of the bow, clear of the arrows that come down into either box
      label: 'data(label)',
      'text-margin-y': -8,
      'line-style': 'dashed',
      'line-dash-pattern': [7, 4],
      'line-color': '#6a3d9a',
      'target-arrow-color': '#6a3d9a',
      'target-arrow-shape': 'diamond',
      color: '#4b2a70',
    },
  },
  // where arrows meet at one end, each label sits at its other end, away from the meeting point
  { selector: 'edge.flow.lbl-src', style: { label: '', 'source-label': 'data(label)', 'source-text-offset': 58 } },
  { selector: 'edge.flow.lbl-tgt', style: { label: '', 'target-label': 'data(label)', 'target-text-offset': 58 } },
  {
    // from an owner in the lane: its left side to the owned box's top corner, above that row
    selector: 'edge.owns.lane',
    style: {
      'curve-style': 'straight',
      'source-endpoint': '-50% 0%',
      'target-endpoint': '50% -50%',
      // the share beside the owner, where holdings that meet at one firm are still apart
      label: '',
      'text-margin-y': 0,
      'source-label': 'data(label)',
      'source-text-offset': 46,
    },
  },
  {
    selector: 'edge.signalflow',
    style: { 'line-style': 'dashed', 'line-color': '#e65100', 'target-arrow-color': '#e65100', width: 4, color: '#8a3a00' },
  },
  {
    selector: 'edge.flagpath',
    style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', width: 5, color: '#6d0000', 'font-weight': 'bold', 'z-index': 10 },
  },
  {
    selector: 'edge.found',
    style: { 'line-color': '#1565c0', 'target-arrow-color': '#1565c0', width: 6, 'z-index': 20, color: '#0d3c75' },
  },
  { selector: 'node.found', style: { 'border-color': '#1565c0', 'border-width': 4 } },
  { selector: '.faded', style: { opacity: 0.3 } },
  { selector: ':selected', style: { 'overlay-color': '#1f6feb', 'overlay-opacity': 0.2, 'overlay-padding': '5px' } },
];

const LISTED_FLAG: RiskFlag = {
  kind: 'UFLPA_LISTED',
  firmId: null,
  facilityId: null,
  flowId: null,
  tier: 0,
  reason: '',
  path: [],
  evidence: [],
};

interface FlagIndex {
  facility: Map<string, RiskFlag[]>;
  firm: Map<string, RiskFlag[]>;
  flow: Map<string, RiskFlag[]>;
  pathFlows: Set<string>;
}

export function indexFlags(trace: Pick<ShipmentTrace, 'flags'> | null): FlagIndex {
  const ix: FlagIndex = { facility: new Map(), firm: new Map(), flow: new Map(), pathFlows: new Set() };
  if (!trace) return ix;
  const push = (m: Map<string, RiskFlag[]>, k: string | null, f: RiskFlag) => {
    if (k) m.set(k, [...(m.get(k) ?? []), f]);
  };
  for (const f of trace.flags) {
    if (f.facilityId) push(ix.facility, f.facilityId, f);
    else push(ix.firm, f.firmId, f);
    push(ix.flow, f.flowId, f);
    if (PRESUMPTIVE.has(f.kind)) for (const id of f.path) ix.pathFlows.add(id);
  }
  return ix;
}

function flagClasses(flags: RiskFlag[] = []): string[] {
  const c: string[] = [];
  if (flags.some((f) => PRESUMPTIVE.has(f.kind))) c.push('flagged');
  if (flags.some((f) => SIGNALS.has(f.kind))) c.push('signal');
  return c;
}

function flagLine(flags: RiskFlag[] = []): string {
  const kinds = [...new Set(flags.map((f) => f.kind))].filter((k) => PRESUMPTIVE.has(k) || SIGNALS.has(k));
  kinds.sort((a, b) => Number(PRESUMPTIVE.has(b)) - Number(PRESUMPTIVE.has(a)));
  return kinds.map((k) => `${FLAG_LABEL[k].icon} ${FLAG_LABEL[k].label}`).join(' · ');
}

const shorten = (name: string, max = 60) => (name.length > max ? `${name.slice(0, max - 3)}…` : name);

/** Label lines: the name, the firm's name under a facility's, the flags. */
function label(name: string, flags?: RiskFlag[], firmName?: string): string {
  return [shorten(name), firmName ? `(${shorten(firmName, 48)})` : '', flagLine(flags)].filter(Boolean).join('\n');
}

/** A node's height from its label: the lines as wrapped at the node's width (about 6.3 px a character at FONT). */
function heightOf(text: string): number {
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 6.3) / 156)), 0);
  return Math.max(40, lines * LINE + 14);
}

export class GraphView {
  readonly cy: Core;
  private tier = new Map<string, number>(); // element id -> column (tier upstream; negative downstream)
  private flags: FlagIndex = indexFlags(null);
  private mode: 'trace' | 'firm' = 'trace';

  constructor(
    container: HTMLElement,
    private readonly on: {
      select(sel: Selection | null): void;
      expand(rawId: string): void;
      pick(rawId: string): void;
    },
  ) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) {
        this.on.select(null);
        return;
      }
      const ele = e.target as NodeSingular | EdgeSingular;
      if (ele.hasClass('tierlabel')) return;
      if ((e.originalEvent as MouseEvent | undefined)?.shiftKey && ele.isNode()) {
        this.on.pick(ele.data('rawId'));
        return;
      }
      this.on.select(this.selectionOf(ele));
    });
    this.cy.on('dbltap', 'node', (e) => {
      const n = e.target as NodeSingular;
      if (!n.hasClass('tierlabel')) this.on.expand(n.data('rawId'));
    });
  }

  selectionOf(ele: NodeSingular | EdgeSingular): Selection {
    const d = ele.data();
    if (ele.isNode()) return d.kind === 'facility' ? { type: 'facility', id: d.rawId } : { type: 'firm', id: d.rawId };
    if (d.kind === 'owns') return { type: 'owns', owner: d.owner, owned: d.owned, share: d.share ?? null };
    return { type: 'flow', id: d.rawId, from: d.fromId, to: d.toId };
  }

  /** A shipment's trace: every hop, flagged nodes and the edges of flagged paths highlighted. */
  showTrace(trace: ShipmentTrace, names: Names, importerFacility: string | null): void {
    this.mode = 'trace';
    this.flags = indexFlags(trace);
    this.cy.elements().remove();
    this.tier.clear();
    const facTier = facilityTiers(trace.hops);
    const els: ElementDefinition[] = [];
    const firmIds = new Set<string>();
    for (const [fac] of facTier) firmIds.add(names.firmOf(fac) ?? `?${fac}`);
    for (const fid of firmIds) els.push(this.firmEl(fid, names, undefined, false));
    for (const [fac, t] of facTier) {
      els.push(this.facilityEl(fac, names, fac === importerFacility ? ['importer'] : []));
      this.tier.set(nodeKey('facility', fac), t);
    }
    for (const h of trace.hops) {
      const cls = this.flags.pathFlows.has(h.flowId) ? ['flagpath'] : [];
      // signals judged on the flow itself (origin mismatch, transshipment, yarn forward) show on its edge
      const signals = [...new Set((this.flags.flow.get(h.flowId) ?? []).filter((f) => SIGNALS.has(f.kind)).map((f) => f.kind))];
      if (signals.length) cls.push('signalflow');
      const flagged = `${this.flags.pathFlows.has(h.flowId) ? '⚑ ' : ''}${signals.map((k) => `${FLAG_LABEL[k]?.icon ?? ''} `).join('')}`;
      els.push({
        group: 'edges',
        classes: ['flow', ...cls],
        data: {
          id: flowKey(h.flowId),
          kind: 'flow',
          rawId: h.flowId,
          source: nodeKey('facility', h.fromFacilityId),
          target: nodeKey('facility', h.toFacilityId),
          fromId: h.fromFacilityId,
          toId: h.toFacilityId,
          label: `${flagged}T${h.tier} ${shortId(h.materialId)}`,
        },
      });
    }
    this.cy.add(els);
    this.layoutAll();
    this.addTierLabels();
    this.home();
  }

  /**
   * A firm's exposure: the path of every exposed shipment from the importer up to the firm's
   * (or its subsidiary's) facility, and the holdings from the firm down to each subsidiary,
   * drawn even when the firm has no facility of its own.
   */
  showExposure(
    firmId: string,
    rows: {
      hops: { flowId: string; tier: number; fromFacilityId: string; toFacilityId: string; materialId: string }[];
      via: { chain: string[]; chainNames: string[]; shares: number[] };
    }[],
    names: Names,
  ): void {
    this.mode = 'trace';
    this.flags = indexFlags(null);
    this.cy.elements().remove();
    this.tier.clear();
    const hops = new Map(rows.flatMap((r) => r.hops).map((x) => [x.flowId, x]));
    const facTier = new Map<string, number>();
    for (const x of hops.values()) facTier.set(x.fromFacilityId, Math.max(facTier.get(x.fromFacilityId) ?? 0, x.tier));
    for (const x of hops.values()) if (!facTier.has(x.toFacilityId)) facTier.set(x.toFacilityId, x.tier - 1);
    const chainName = new Map(rows.flatMap((r) => r.via.chain.map((id, i) => [id, r.via.chainNames[i]] as const)));
    const firmIds = new Set<string>([firmId, ...chainName.keys()]);
    for (const fac of facTier.keys()) firmIds.add(names.firmOf(fac) ?? `?${fac}`);
    const els: ElementDefinition[] = [...firmIds].map((id) => this.firmEl(id, names, chainName.get(id)));
    for (const [fac, t] of facTier) {
      els.push(this.facilityEl(fac, names, t === 0 ? ['importer'] : []));
      this.tier.set(nodeKey('facility', fac), t);
    }
    // one edge per pair of facilities: the lots of several shipments between them share it
    const pairs = new Map<string, (typeof rows)[number]['hops']>();
    for (const x of hops.values()) {
      const key = `${x.fromFacilityId}>${x.toFacilityId}`;
      pairs.set(key, [...(pairs.get(key) ?? []), x]);
    }
    for (const lots of pairs.values()) {
      const x = lots[0];
      const tiers = [...new Set(lots.map((l) => `T${l.tier}`))].join('/');
      const materials = [...new Set(lots.map((l) => shortId(l.materialId)))].join(', ');
      els.push({
        group: 'edges',
        classes: ['flow', 'exposed'],
        data: {
          id: flowKey(x.flowId),
          kind: 'flow',
          rawId: x.flowId,
          rawIds: lots.map((l) => l.flowId),
          source: nodeKey('facility', x.fromFacilityId),
          target: nodeKey('facility', x.toFacilityId),
          fromId: x.fromFacilityId,
          toId: x.toFacilityId,
          label: `${tiers} ${materials}${lots.length > 1 ? `\n${lots.length} lots` : ''}`,
        },
      });
    }
    const owns = new Map<string, number>();
    for (const r of rows) r.via.shares.forEach((share, i) => owns.set(`${r.via.chain[i]}>${r.via.chain[i + 1]}`, share));
    for (const [key, share] of owns) {
      const [owner, owned] = key.split('>');
      els.push({
        group: 'edges',
        classes: ['owns'],
        data: {
          id: `own:${key}`,
          kind: 'owns',
          source: nodeKey('firm', owner),
          target: nodeKey('firm', owned),
          owner,
          owned,
          share,
          label: `owns ${Math.round(share * 1000) / 10}%`,
        },
      });
    }
    this.cy.add(els);
    this.cy.$id(nodeKey('firm', firmId)).addClass('start');
    this.layoutAll();
    this.placeFirmsWithoutFacilities(
      this.cy
        .nodes('.firm')
        .filter((n) => n.isChildless())
        .map((n) => n.id()),
    );
    this.addTierLabels();
    this.home();
  }

  /** A firm's (or facility's) neighbourhood as the API returns it, flagged by the trace's rules over its flows. */
  showNeighbourhood(startId: string, nodes: GraphNode[], edges: GraphEdge[], names: Names, flags: RiskFlag[] = []): void {
    this.mode = 'firm';
    this.flags = indexFlags({ flags });
    this.cy.elements().remove();
    this.tier.clear();
    this.merge(nodes, edges, names, startId);
    this.cy.$id(nodeKey('firm', startId)).addClass('start');
    this.cy.$id(nodeKey('facility', startId)).addClass('start');
    this.home();
  }

  /** In the network view, more flags from the rules (an expansion's); a trace keeps its own. */
  addFlags(flags: RiskFlag[]): void {
    if (this.mode !== 'firm' || !flags.length) return;
    const all = [...this.flags.facility.values(), ...this.flags.firm.values()].flat();
    this.flags = indexFlags({ flags: [...all, ...flags] });
  }

  /** Adds a neighbourhood's nodes and edges; new ones are placed by tier next to the ones they touch. */
  merge(nodes: GraphNode[], edges: GraphEdge[], names: Names, startId?: string): string[] {
    const added: ElementDefinition[] = [];
    const has = (id: string) => this.cy.getElementById(id).nonempty() || added.some((e) => e.data.id === id);
    for (const n of nodes) if (n.kind === 'FIRM' && !has(nodeKey('firm', n.id))) added.push(this.firmEl(n.id, names, n.name));
    for (const n of nodes) {
      if (n.kind !== 'FACILITY' || has(nodeKey('facility', n.id))) continue;
      if (n.firmId && !has(nodeKey('firm', n.firmId))) added.push(this.firmEl(n.firmId, names));
      added.push(this.facilityEl(n.id, names, [], n.name, n.firmId ?? undefined));
    }
    const pairHasFlow = (a: string, b: string) =>
      this.cy.edges(`.flow[source = "${cssEsc(a)}"][target = "${cssEsc(b)}"]`).nonempty() ||
      added.some((e) => e.group === 'edges' && e.data.kind === 'flow' && e.data.source === a && e.data.target === b);
    for (const e of edges) {
      if (e.kind === 'FLOW') {
        const s = nodeKey('facility', e.from);
        const t = nodeKey('facility', e.to);
        if (has(flowKey(e.id)) || pairHasFlow(s, t)) continue;
        const cls = this.flags.pathFlows.has(e.id) ? ['flagpath'] : [];
        added.push({
          group: 'edges',
          classes: ['flow', ...cls],
          data: {
            id: flowKey(e.id),
            kind: 'flow',
            rawId: e.id,
            source: s,
            target: t,
            fromId: e.from,
            toId: e.to,
            label: [shortId(e.materialId ?? ''), e.date ?? ''].filter(Boolean).join('\n'),
          },
        });
      } else if (e.kind === 'OWNS') {
        const id = `own:${e.from}>${e.to}`;
        if (has(id)) continue;
        added.push({
          group: 'edges',
          classes: ['owns'],
          data: {
            id,
            kind: 'owns',
            source: nodeKey('firm', e.from),
            target: nodeKey('firm', e.to),
            owner: e.from,
            owned: e.to,
            share: e.share,
            label: e.share != null ? `owns ${Math.round(e.share * 1000) / 10}%` : 'owns',
          },
        });
      }
    }
    // edges whose endpoints are missing (e.g. a firm outside the result) are dropped
    const ids = new Set([
      ...this.cy.nodes().map((n) => n.id()),
      ...added.filter((a) => a.group !== 'edges').map((a) => a.data.id as string),
    ]);
    const ok = added.filter((a) => a.group !== 'edges' || (ids.has(a.data.source as string) && ids.has(a.data.target as string)));
    const col = this.cy.add(ok);
    const fresh = col
      .nodes()
      .filter((n) => n.data('kind') === 'facility')
      .map((n) => n.id());
    if (startId) {
      const starts = this.cy
        .nodes()
        .filter((n) => n.data('kind') === 'facility' && (n.data('rawId') === startId || n.data('firmId') === startId));
      for (const s of starts) this.tier.set(s.id(), 0);
    }
    this.assignTiers();
    if (startId) this.layoutAll();
    else this.placeNew(fresh);
    this.placeFirmsWithoutFacilities(
      col
        .nodes()
        .filter((n) => n.data('kind') === 'firm' && n.isChildless())
        .map((n) => n.id()),
    );
    this.addTierLabels();
    return col.map((e) => e.id());
  }

  /** Firms on a trace carry the trace's flags; others (network view, owners added later) show a listing from screening. */
  private firmEl(firmId: string, names: Names, fallback?: string, offTrace = true): ElementDefinition {
    // off a trace: the network's own flags where its flows carry the firm, else the screening's listing
    const own = this.flags.firm.get(firmId);
    const flags = offTrace ? (own?.length ? own : names.listed(firmId) ? [LISTED_FLAG] : undefined) : own;
    const text = label(names.firmName(firmId) || fallback || firmId, flags);
    return {
      group: 'nodes',
      classes: ['firm', ...flagClasses(flags)],
      data: { id: nodeKey('firm', firmId), kind: 'firm', rawId: firmId, label: text, h: heightOf(text), flags: flags ?? [] },
    };
  }

  private facilityEl(facId: string, names: Names, extra: string[], fallback?: string, firmId?: string): ElementDefinition {
    const firm = names.firmOf(facId) ?? firmId ?? null;
    // the facility's own flags, then its firm's (a listing), shown on the facility as the firm box has no label
    const own = this.flags.facility.get(facId) ?? [];
    const ofFirm = firm ? (this.flags.firm.get(firm) ?? (this.mode === 'firm' && names.listed(firm) ? [LISTED_FLAG] : [])) : [];
    const flags = [...own, ...ofFirm];
    const text = label(names.facilityName(facId) || fallback || facId, flags, firm ? names.firmName(firm) || firm : undefined);
    return {
      group: 'nodes',
      classes: ['facility', ...extra, ...flagClasses(own)],
      data: {
        id: nodeKey('facility', facId),
        kind: 'facility',
        rawId: facId,
        firmId: firm,
        parent: firm ? nodeKey('firm', firm) : undefined,
        label: text,
        h: heightOf(text),
      },
    };
  }

  /** Tiers for facilities not placed yet, from flows to placed ones (upstream +1, downstream -1). */
  private assignTiers(): void {
    for (let changed = true; changed;) {
      changed = false;
      this.cy.edges('.flow').forEach((e) => {
        const s = e.source().id();
        const t = e.target().id();
        if (this.tier.has(t) && !this.tier.has(s)) {
          this.tier.set(s, this.tier.get(t)! + 1);
          changed = true;
        } else if (this.tier.has(s) && !this.tier.has(t)) {
          this.tier.set(t, this.tier.get(s)! - 1);
          changed = true;
        }
      });
    }
    this.cy.nodes('.facility').forEach((n) => {
      if (!this.tier.has(n.id())) this.tier.set(n.id(), 0);
    });
  }

  /** One row per tier (upstream at the top); within a row, facilities grouped by firm, ordered by their placed neighbours. */
  private layoutAll(): void {
    const facilities = this.cy.nodes('.facility');
    const items = facilities.map((n) => ({
      id: n.id(),
      row: this.tier.get(n.id()) ?? 0,
      group: (n.data('firmId') as string | null) ?? null,
    }));
    const links = this.cy.edges('.flow').map((e) => ({ from: e.source().id(), to: e.target().id() }));
    const { x } = layoutRows(items, links, { slot: SLOT, groupGap: GAP });
    facilities.forEach((n) => {
      n.position({ x: x.get(n.id()) ?? 0, y: rowY(this.tier.get(n.id()) ?? 0) });
    });
  }

  /** New facilities go into their tier's row at the free slot nearest their neighbours. */
  private placeNew(ids: string[]): void {
    for (const id of ids) {
      const n = this.cy.getElementById(id) as NodeSingular;
      const y = rowY(this.tier.get(id) ?? 0);
      const nb = n
        .connectedEdges('.flow')
        .connectedNodes()
        .filter((m) => m.id() !== id && !ids.includes(m.id()));
      const want = nb.length ? nb.reduce((s, m) => s + (m as NodeSingular).position('x'), 0) / nb.length : 0;
      n.position({ x: this.freeSlot(y, want, id), y });
    }
  }

  private freeSlot(y: number, want: number, self: string): number {
    const taken = this.cy
      .nodes()
      .filter(
        (m) => m.id() !== self && m.isChildless() && !m.hasClass('tierlabel') && Math.abs((m as NodeSingular).position('y') - y) < ROWH / 2,
      )
      .map((m) => (m as NodeSingular).position('x'));
    for (let k = 0; k < 400; k++) {
      for (const cand of k === 0 ? [want] : [want + k * SLOT * 0.5, want - k * SLOT * 0.5]) {
        if (taken.every((tx) => Math.abs(tx - cand) >= SLOT + GAP / 2)) return cand;
      }
    }
    return want;
  }

  /**
   * Firms with no facility on the graph (owners, holdings) sit in a lane to the right of the
   * chain, level with the top of the firm they own; an owner's owner one step further right.
   * Their holdings run above the owned firm's row, so they cross no box and no label.
   */
  private placeFirmsWithoutFacilities(ids: string[]): void {
    const boxes = this.cy.nodes().filter((n) => !n.hasClass('tierlabel') && !ids.includes(n.id()) && n.isChildless());
    const right = boxes.nonempty() ? boxes.boundingBox({}).x2 : 0;
    const placed = new Map<string, { x: number; y: number }>();
    const pending = new Set(ids);
    for (let step = 0; pending.size && step < 20; step++) {
      for (const id of [...pending]) {
        const n = this.cy.getElementById(id) as NodeSingular;
        const owned = n.outgoers('edge.owns').targets();
        const ready = owned.filter((m) => !pending.has(m.id()));
        if (owned.nonempty() && ready.empty()) continue; // its owned firm is itself an owner not placed yet
        const refs = ready.nonempty()
          ? ready
          : n
              .connectedEdges('.owns')
              .connectedNodes()
              .filter((m) => m.id() !== id);
        const top = refs.nonempty() ? refs.boundingBox({}).y1 : 0;
        const lane = refs.filter((m) => placed.has(m.id()));
        const x = lane.nonempty() ? Math.max(...lane.map((m) => placed.get(m.id())!.x)) + LANE_STEP : right + LANE_GAP + SLOT / 2;
        let y = lane.nonempty() ? placed.get(lane[0].id())!.y : top - (n.data('h') as number) / 2 - 12;
        while ([...placed.values()].some((p) => Math.abs(p.x - x) < SLOT && Math.abs(p.y - y) < 56)) y -= 60;
        n.position({ x, y });
        n.outgoers('edge.owns').addClass('lane');
        placed.set(id, { x, y });
        pending.delete(id);
      }
    }
  }

  /** Holdings between firm boxes bow above the boxes: the bow's side follows the edge's direction. */
  private bowUp(): void {
    this.cy.edges('edge.owns').forEach((e) => {
      if (e.hasClass('lane')) return;
      const dx = e.target().position('x') - e.source().position('x');
      e.style('control-point-distances', [dx >= 0 ? -60 : 60]);
    });
  }

  /** Labels of flows that meet at a facility move to their far end (lbl-src / lbl-tgt), so they do not pile up there. */
  private placeFlowLabels(): void {
    this.cy.edges('.flow').forEach((e) => {
      const into = e.target().incomers('edge.flow').length;
      const outOf = e.source().outgoers('edge.flow').length;
      e.removeClass('lbl-src lbl-tgt');
      if (into > 1 && outOf === 1) e.addClass('lbl-src');
      else if (outOf > 1 && into === 1) e.addClass('lbl-tgt');
    });
  }

  private addTierLabels(): void {
    this.bowUp();
    this.placeFlowLabels();
    this.cy.remove('.tierlabel');
    const tiers = new Set<number>();
    this.cy.nodes('.facility').forEach((n) => {
      tiers.add(this.tier.get(n.id()) ?? 0);
    });
    const left = Math.min(...this.cy.nodes().map((n) => n.boundingBox({}).x1)) - 52;
    for (const t of tiers) {
      const text =
        this.mode === 'trace' ? (t === 0 ? 'Importer' : `Tier ${t}`) : t === 0 ? 'Start' : t > 0 ? `Upstream ${t}` : `Downstream ${-t}`;
      this.cy.add({
        group: 'nodes',
        classes: ['tierlabel'],
        selectable: false,
        grabbable: false,
        data: { id: `tier:${t}`, label: text },
        position: { x: left, y: rowY(t) },
      });
    }
  }

  /** Everything in view, however small (labels under FONT px are then not drawn: level of detail). */
  fit(): void {
    this.cy.fit(undefined, 30);
  }

  /**
   * The view a graph opens with: all of it when it fits at a zoom where every label is at
   * least FONT px; otherwise zoom 1 (labels at FONT px) on what matters, its top first: the
   * flagged path, else the start, else the most upstream tier. Drag to pan, Fit for the whole.
   */
  home(): void {
    if (this.cy.elements().empty()) return;
    this.cy.resize();
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() >= 1) {
      if (this.cy.zoom() > 1.4) this.cy.zoom({ level: 1.4, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
      return;
    }
    this.cy.zoom(1);
    const flagged = this.cy.elements('edge.flagpath, node.flagged, edge.exposed');
    const start = this.cy.nodes('.start');
    const near = start.union(start.children()).union(start.union(start.children()).neighborhood('node'));
    const focus = flagged.nonempty() ? flagged : start.nonempty() ? near : this.cy.nodes().not('.tierlabel');
    const bb = focus.boundingBox({});
    const room = this.cy.height() - 40;
    const y = bb.h <= room ? (bb.y1 + bb.y2) / 2 : bb.y1 - 50 + room / 2;
    // the tier names on the left stay in view when they fit beside the focus
    const tiers = this.cy.nodes('.tierlabel');
    const left = tiers.nonempty() ? Math.min(bb.x1, tiers.boundingBox({}).x1) : bb.x1;
    const x = bb.x2 - left <= this.cy.width() - 40 ? (left + bb.x2) / 2 : (bb.x1 + bb.x2) / 2;
    this.cy.pan({ x: this.cy.width() / 2 - x, y: this.cy.height() / 2 - y });
  }

  select(sel: { kind: 'facility' | 'firm' | 'flow'; id: string }): void {
    const id = sel.kind === 'flow' ? flowKey(sel.id) : nodeKey(sel.kind, sel.id);
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return;
    this.cy.elements().unselect();
    ele.select();
    // move the view only when the element is not wholly in it (a centred start would push its neighbours out)
    const view = this.cy.extent();
    const box = ele.boundingBox({});
    if (box.x1 < view.x1 || box.x2 > view.x2 || box.y1 < view.y1 || box.y2 > view.y2)
      this.cy.animate({ center: { eles: ele }, duration: 200 });
    this.on.select(this.selectionOf(ele as NodeSingular | EdgeSingular));
  }

  hasNode(rawId: string): boolean {
    return this.cy.getElementById(nodeKey('facility', rawId)).nonempty() || this.cy.getElementById(nodeKey('firm', rawId)).nonempty();
  }

  /** Highlights one supply path (facility ids and flow ids); everything else fades. */
  showPath(nodes: string[], flows: string[], names: Names): void {
    this.clearPath();
    const missing: GraphNode[] = nodes
      .filter((id) => this.cy.getElementById(nodeKey('facility', id)).empty())
      .map((id) => ({ id, kind: 'FACILITY', name: names.facilityName(id) || id, firmId: names.firmOf(id), depth: 0 }));
    const edges: GraphEdge[] = flows.map((f, i) => ({
      id: f,
      kind: 'FLOW',
      from: nodes[i],
      to: nodes[i + 1],
      materialId: null,
      share: null,
    }));
    if (missing.length || edges.some((e) => this.cy.getElementById(flowKey(e.id)).empty())) {
      const firms = missing
        .map((m) => m.firmId)
        .filter((f): f is string => !!f)
        .map((f) => ({ id: f, kind: 'FIRM', name: names.firmName(f), firmId: f, depth: 0 }));
      this.merge([...firms, ...missing], edges, names);
    }
    const hit = this.cy.collection();
    nodes.forEach((id) => hit.merge(this.cy.getElementById(nodeKey('facility', id))));
    flows.forEach((f, i) => {
      const e = this.cy.getElementById(flowKey(f));
      if (e.nonempty()) hit.merge(e);
      else
        hit.merge(
          this.cy.edges(
            `.flow[source = "${cssEsc(nodeKey('facility', nodes[i]))}"][target = "${cssEsc(nodeKey('facility', nodes[i + 1]))}"]`,
          ),
        );
    });
    hit.addClass('found');
    this.cy.elements().not(hit).not(hit.ancestors()).not('.tierlabel').addClass('faded');
    this.cy.animate({ fit: { eles: hit, padding: 60 }, duration: 250 });
  }

  /** Nothing on the graph (an unknown id was asked for). */
  clearAll(): void {
    this.mode = 'trace';
    this.flags = indexFlags(null);
    this.tier.clear();
    this.cy.elements().remove();
  }

  clearPath(): void {
    this.cy.elements().removeClass('found faded');
  }
}

function cssEsc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
