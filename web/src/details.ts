// The details panel: the open shipment (verdict, flags, packet downloads) and the selected
// node or edge (names in every script, address, flags and reasons, screening, documents).
import { ExposedShipment, Facility, Firm, gql, lookup, RiskFlag, ShipmentTrace, StoredMatch } from './api';
import type { Selection } from './graph';
import { fmtMoney } from '../../src/model/text/money';
import { Actions, names, state } from './state';
import { byId, clear, FLAG_LABEL, flagBadge, flagSeverity, h, pct, PRESUMPTIVE, shortId, verdictBadge, verdictEffect } from './util';

const MATCH_FIELDS =
  'id firmId firmName entityName matchedName score decision status decidedBy decidedAt note listVersion agreedBy pendingDecision { status proposedBy proposedAt note } disputes { by at note }';

export async function loadMatches(): Promise<StoredMatch[]> {
  const items: StoredMatch[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const d: { screeningMatches: { items: StoredMatch[]; endCursor: string | null; hasNextPage: boolean } } = await gql(
      `query Matches($after: String) { screeningMatches(first: 500, after: $after) { items { ${MATCH_FIELDS} } endCursor hasNextPage } }`,
      { after },
    );
    items.push(...d.screeningMatches.items);
    if (!d.screeningMatches.hasNextPage) break;
    after = d.screeningMatches.endCursor;
  }
  state.matches = items;
  return items;
}

function scriptOf(s: string): string {
  if (/\p{Script=Han}/u.test(s)) return 'Chinese (Han)';
  if (/\p{Script=Arabic}/u.test(s)) return 'Arabic script';
  if (/\p{Script=Cyrillic}/u.test(s)) return 'Cyrillic';
  if (/\p{Script=Thai}/u.test(s)) return 'Thai';
  if (/\p{Script=Hangul}/u.test(s)) return 'Korean';
  if (/[\u00C0-\u024F\u1E00-\u1EFF]/.test(s)) return 'Latin (accented)';
  return 'Latin';
}

const dl = (rows: [string, unknown][]) =>
  h(
    'dl',
    { class: 'facts' },
    rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]),
  );

function flagItem(f: RiskFlag, act: Actions, showTarget = false): HTMLElement {
  const target = f.facilityId ? { kind: 'facility' as const, id: f.facilityId } : f.firmId ? { kind: 'firm' as const, id: f.firmId } : null;
  return h(
    'li',
    { class: `flag-item sev-${flagSeverity(f.kind)}` },
    h('div', {}, flagBadge(f.kind), ' ', h('span', { class: 'muted' }, `tier ${f.tier}`)),
    h('p', { class: 'reason' }, f.reason),
    f.evidence.length
      ? h(
          'details',
          { class: 'evidence' },
          h('summary', {}, `Evidence (${f.evidence.length})`),
          h(
            'ul',
            {},
            f.evidence.map((e) => h('li', {}, e)),
          ),
        )
      : null,
    showTarget
      ? h(
          'div',
          { class: 'row' },
          target
            ? h('button', { type: 'button', class: 'link', onclick: () => act.select(target.kind, target.id) }, `Show ${target.kind}`)
            : null,
          f.flowId ? h('button', { type: 'button', class: 'link', onclick: () => act.select('flow', f.flowId!) }, 'Show flow') : null,
        )
      : null,
  );
}

function flagList(flags: RiskFlag[], act: Actions, showTarget = false): HTMLElement | null {
  if (!flags.length) return null;
  const sorted = [...flags].sort((a, b) => Number(PRESUMPTIVE.has(b.kind)) - Number(PRESUMPTIVE.has(a.kind)) || a.tier - b.tier);
  return h(
    'ul',
    { class: 'flags' },
    sorted.map((f) => flagItem(f, act, showTarget)),
  );
}

/** The packet formats the page offers, in the order of the buttons. */
const DOWNLOADS: { format: 'pdf' | 'zip' | 'html' | 'markdown'; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'zip', label: 'ZIP (with exhibits)' },
  { format: 'html', label: 'HTML' },
  { format: 'markdown', label: 'Markdown' },
];

/** The sentence under the verdict: what decided it, in the words of the flag kinds (never a check mark unless CLEAR). */
function verdictLine(verdict: string, presumptive: number, incomplete: RiskFlag[]): HTMLElement {
  if (verdict === 'FLAGGED')
    return h(
      'p',
      { class: 'verdict-line flagged' },
      `⚑ ${presumptive} presumptive flag${presumptive === 1 ? '' : 's'} on the traced path.`,
    );
  if (verdict === 'INCOMPLETE') {
    const kinds = [...new Set(incomplete.map((f) => FLAG_LABEL[f.kind]?.label ?? f.kind))];
    return h(
      'p',
      { class: 'verdict-line incomplete' },
      '⚠ No presumptive flag, but the trace is not complete',
      kinds.length ? `: ${kinds.join(', ')} (${incomplete.length}).` : '.',
      ' Resolve these before relying on it.',
    );
  }
  return h('p', { class: 'verdict-line ok' }, '✓ No presumptive flag and nothing left open on the traced path.');
}

/** "CN" or "unknown (why)": the country where the trace shows the goods were last transformed. */
function computedOriginText(o: ShipmentTrace['origin']): string {
  return o.known ? o.countries.join(', ') : `unknown (${o.unknownReason ?? 'not traced'})`;
}

/** Where the computed origin was decided and the countries the goods only passed through, each flow one click from the graph. */
function originSection(o: ShipmentTrace['origin'], act: Actions): HTMLElement | null {
  if (!o.decidedAt.length && !o.passThrough.length) return null;
  const flowButton = (id: string) => h('button', { type: 'button', class: 'link', onclick: () => act.select('flow', id) }, id);
  return h(
    'details',
    { class: 'origin', open: o.declared != null && o.known && !o.countries.includes(o.declared) },
    h('summary', {}, `Origin: ${computedOriginText(o)}${o.declared ? ` (declared ${o.declared})` : ''}`),
    h(
      'ul',
      {},
      o.decidedAt.map((d) => h('li', {}, 'Last transformed in ', h('b', {}, d.country), ` at tier ${d.tier}, flow `, flowButton(d.flowId))),
      o.passThrough.map((p) =>
        h(
          'li',
          {},
          'Passed through ',
          h('b', {}, p.country ?? 'an unrecorded country'),
          ` (heading ${p.heading} kept) at tier ${p.tier}, flow `,
          flowButton(p.flowId),
        ),
      ),
    ),
  );
}

/** The open shipment: verdict and packet actions (kept in view), facts, flags with reasons. */
export function renderShipmentCard(act: Actions): void {
  const el = byId('shipment-card');
  const t = state.trace;
  if (state.mode !== 'trace' || !t) {
    el.hidden = true;
    clear(el);
    return;
  }
  el.hidden = false;
  const s = state.shipment;
  const presumptive = t.flags.filter((f) => PRESUMPTIVE.has(f.kind));
  // flags that hold the verdict at INCOMPLETE (verdictEffect from flagKinds), then the rest
  const incomplete = t.flags.filter((f) => !PRESUMPTIVE.has(f.kind) && verdictEffect(f.kind) === 'INCOMPLETE');
  const signals = t.flags.filter((f) => !PRESUMPTIVE.has(f.kind) && !incomplete.includes(f) && flagSeverity(f.kind) === 'signal');
  const info = t.flags.filter((f) => !PRESUMPTIVE.has(f.kind) && !incomplete.includes(f) && !signals.includes(f));
  const p = state.packet;
  clear(
    el,
    h(
      'div',
      { class: 'sticky-head' },
      h('h2', {}, h('span', { class: 'kind' }, 'Shipment'), `${t.shipmentId} `, verdictBadge(t.verdict)),
      verdictLine(t.verdict, presumptive.length, incomplete),
      h(
        'div',
        { class: 'row packet-actions', role: 'group', 'aria-label': 'Download the documentation packet' },
        h('span', { class: 'muted small' }, 'Packet:'),
        DOWNLOADS.map((d) =>
          h('button', { type: 'button', id: `download-${d.format}`, onclick: () => act.downloadPacket(d.format) }, `↓ ${d.label}`),
        ),
      ),
    ),
    dl([
      ['Entry', s?.entryNumber],
      ['Importer', s ? `${names.firmName(s.importerId) || s.importerId}` : null],
      ['HTS', s?.htsCode],
      ['Value', s?.value != null ? fmtMoney(s.value, s.currency) : null],
      ['Entry date', s?.entryDate],
      ['Port', s?.portOfEntry],
      ['Declared origin', s?.countryOfOrigin],
      ['Preference claim', s?.preferenceProgram],
      ['Computed origin', computedOriginText(t.origin)],
      ['Detained', s?.detention?.detainedOn],
      ['Traced as of', t.asOf],
      ['Tiers', `${t.tiers}${t.truncated ? ' (stopped at the tier limit)' : ''}`],
      ['Entity List', t.entityListVersion],
    ]),
    originSection(t.origin, act),
    presumptive.length
      ? h(
          'section',
          { 'aria-label': 'Presumptive flags' },
          h('h3', {}, `⚑ ${presumptive.length} presumptive flag${presumptive.length > 1 ? 's' : ''}`),
          flagList(presumptive, act, true),
        )
      : null,
    incomplete.length
      ? h(
          'section',
          { 'aria-label': 'Flags that leave the verdict incomplete' },
          h('h3', {}, `⚠ ${incomplete.length} open question${incomplete.length > 1 ? 's' : ''} (verdict INCOMPLETE)`),
          flagList(incomplete, act, true),
        )
      : null,
    signals.length
      ? h(
          'details',
          {},
          h('summary', {}, `⚠ ${signals.length} signal${signals.length > 1 ? 's' : ''} (not presumptive)`),
          flagList(signals, act, true),
        )
      : null,
    info.length
      ? h('details', {}, h('summary', {}, `${info.length} note${info.length > 1 ? 's' : ''} (information only)`), flagList(info, act, true))
      : null,
    h(
      'section',
      { class: 'packet', 'aria-label': 'Packet' },
      h('h3', {}, 'Documentation packet'),
      p
        ? h(
            'p',
            {},
            `${p.kind === 'EXCEPTION_REQUEST' ? 'Exception request' : 'Applicability review'} · ${pct(p.completeness)} of expected documents · ${p.exhibits.length} exhibits · ${p.gaps.length} gap${p.gaps.length === 1 ? '' : 's'}`,
          )
        : h(
            'p',
            { class: 'muted', role: 'status' },
            state.packetError ? `Packet unavailable: ${state.packetError}` : 'Preparing the packet summary…',
          ),
    ),
  );
}

export async function renderSelection(sel: Selection | null, act: Actions): Promise<void> {
  const el = byId('selection-card');
  state.selection = sel;
  el.closest('.right')?.scrollTo({ top: 0 });
  if (!sel) {
    clear(
      el,
      h(
        'p',
        { class: 'muted' },
        state.mode === 'empty'
          ? 'Search for a firm, facility or listed entity, or open a shipment from the table.'
          : 'Select a node or an edge in the graph to see its details. Double-click a node to expand it.',
      ),
    );
    return;
  }
  clear(
    el,
    h(
      'p',
      { class: 'muted', role: 'status' },
      `Loading ${sel.type === 'flow' ? sel.id : sel.type === 'owns' ? 'the holding' : names.any(sel.id)}…`,
    ),
  );
  try {
    if (sel.type === 'facility') await facilityView(el, sel.id, act);
    else if (sel.type === 'firm') await firmView(el, sel.id, act);
    else if (sel.type === 'flow') flowView(el, sel.id, sel.from, sel.to, act);
    else ownsView(el, sel.owner, sel.owned, sel.share, act);
  } catch (e) {
    clear(el, h('p', { class: 'error', role: 'alert' }, `Could not load the details: ${(e as Error).message}`));
  }
}

function nodeActions(id: string, act: Actions, kind: 'facility' | 'firm'): HTMLElement {
  return h(
    'div',
    { class: 'row actions' },
    h('button', { type: 'button', onclick: () => act.expand(id) }, '⊕ Expand neighbours'),
    h('button', { type: 'button', onclick: () => act.setPathEnd('from', id) }, 'Path from here'),
    h('button', { type: 'button', onclick: () => act.setPathEnd('to', id) }, 'Path to here'),
    kind === 'firm' ? h('button', { type: 'button', onclick: () => act.openFirm(id) }, 'Open its network') : null,
  );
}

/** The flags of what the graph shows: the open trace's, or in the network view the rules' over its flows (one per firm or facility and kind). */
const traceFlags = (pred: (f: RiskFlag) => boolean) => {
  if (state.trace) return state.trace.flags.filter(pred);
  if (state.mode !== 'firm') return [];
  const seen = new Set<string>();
  return state.netFlags.filter(pred).filter((f) => {
    const key = `${f.kind}|${f.firmId}|${f.facilityId}`;
    return !seen.has(key) && !!seen.add(key);
  });
};

async function facilityView(el: HTMLElement, id: string, act: Actions): Promise<void> {
  let fac = state.facilities.get(id);
  if (!fac) {
    fac = (await lookup([], [id])).facilities.get(id);
    if (fac) state.facilities.set(id, fac);
  }
  if (!fac) {
    clear(el, h('p', {}, `No facility ${id}.`));
    return;
  }
  const f: Facility = fac;
  const flags = traceFlags((x) => x.facilityId === id);
  const firmBox = h('div', {}, h('p', { class: 'muted', role: 'status' }, `Loading ${names.firmName(f.firmId) || f.firmId}…`));
  clear(
    el,
    h('h2', {}, h('span', { class: 'kind' }, 'Facility'), f.name),
    dl([
      ['Facility id', f.id],
      ['Kind', f.kind],
      ['Address', f.address],
      ['Place', [f.city, f.province, f.country].filter(Boolean).join(', ')],
      ['Coordinates', f.lat != null && f.lon != null ? `${f.lat}, ${f.lon}` : null],
      ['Open Supply Hub id', f.osId],
    ]),
    flagList(flags, act) ? h('section', {}, h('h3', {}, 'Flags'), flagList(flags, act)) : null,
    nodeActions(id, act, 'facility'),
    h('h3', {}, 'Operated by'),
    firmBox,
  );
  await firmBlock(firmBox, f.firmId, act, true);
}

async function firmView(el: HTMLElement, id: string, act: Actions): Promise<void> {
  const box = h('div', {}, h('p', { class: 'muted', role: 'status' }, `Loading ${names.firmName(id) || id}…`));
  clear(el, box);
  await firmBlock(box, id, act, false);
}

/** How a shipment reaches the firm: "direct", or "through <subsidiary> (60% > 70%)" with the chain's names on hover. */
function exposureRoute(via: ExposedShipment['via'], act: Actions): HTMLElement {
  if (via.kind === 'DIRECT') return h('span', { class: 'via' }, 'direct');
  return h(
    'span',
    { class: 'via', title: via.chainNames.map((n, i) => (i ? `${pct(via.shares[i - 1])} of ${n}` : n)).join(' > ') },
    'through ',
    h('button', { type: 'button', class: 'link', onclick: () => act.openFirm(via.firmId) }, via.firmName),
    via.heldWith.length ? ` (${via.heldWith.map((x) => pct(x.share)).join(' + ')}, added up)` : ` (${via.shares.map(pct).join(' > ')})`,
  );
}

async function firmBlock(el: HTMLElement, id: string, act: Actions, nested: boolean): Promise<void> {
  const [d, screening, exposure] = await Promise.all([
    gql<{ firm: Firm | null }>(
      `query FirmDetails($id: ID!) { firm(id: $id) { id name aliases localName country registrationId address city province
       facilities { id name city country } } }`,
      { id },
    ),
    gql<{ firm: { screening: StoredMatch[] } | null }>(
      `query FirmScreening($id: ID!) { firm(id: $id) { screening { ${MATCH_FIELDS} } } }`,
      { id },
    ).then(
      (x) => x.firm?.screening ?? [],
      (e: Error) => e,
    ),
    gql<{ exposure: { total: number; items: ExposedShipment[] } }>(
      `query Exposure($id: ID!) { exposure(firmId: $id, first: 20) { total items { shipmentId tier path via { kind firmId firmName chain chainNames shares heldIn heldWith { firmName share } } } } }`,
      { id },
    ).then(
      (x) => x.exposure,
      () => null,
    ),
  ]);
  const firm = d.firm;
  if (!firm) {
    clear(el, h('p', {}, `No firm ${id}.`));
    return;
  }
  state.firms.set(firm.id, { ...state.firms.get(firm.id), ...firm });
  const nameRows = [
    { name: firm.name, role: 'Name' },
    ...(firm.localName ? [{ name: firm.localName, role: 'Local name' }] : []),
    ...firm.aliases.map((a) => ({ name: a, role: 'Alias' })),
  ];
  const flags = traceFlags((x) => x.firmId === id && !x.facilityId);
  const Heading = nested ? 'h4' : 'h2';
  clear(
    el,
    h(
      Heading,
      {},
      h('span', { class: 'kind' }, 'Firm'),
      nested ? h('button', { type: 'button', class: 'link', onclick: () => act.select('firm', id) }, firm.name) : firm.name,
    ),
    h(
      'table',
      { class: 'names' },
      h('caption', {}, 'Names in every script'),
      h(
        'tbody',
        {},
        nameRows.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, r.role),
            h('td', { lang: /\p{Script=Han}/u.test(r.name) ? 'zh' : undefined }, r.name),
            h('td', { class: 'muted' }, scriptOf(r.name)),
          ),
        ),
      ),
    ),
    dl([
      ['Firm id', firm.id],
      ['Registration', firm.registrationId],
      ['Address', firm.address],
      ['Place', [firm.city, firm.province, firm.country].filter(Boolean).join(', ')],
    ]),
    flagList(flags, act) ? h('section', {}, h('h3', {}, 'Flags'), flagList(flags, act)) : null,
    firm.facilities?.length
      ? h(
          'section',
          {},
          h('h3', {}, 'Facilities'),
          h(
            'ul',
            { class: 'plain' },
            firm.facilities.map((f) =>
              h(
                'li',
                {},
                h('button', { type: 'button', class: 'link', onclick: () => act.select('facility', f.id) }, f.name),
                ' ',
                h('span', { class: 'muted' }, [f.city, f.country].filter(Boolean).join(', ')),
              ),
            ),
          ),
        )
      : null,
    exposure?.total
      ? h(
          'section',
          {},
          h('h3', {}, `Shipments through this firm and the firms it controls (${exposure.total})`),
          h(
            'button',
            { type: 'button', class: 'exposure-view', onclick: () => act.openExposure(id) },
            '⇶ Exposure view: every path on the graph',
          ),
          h(
            'ul',
            { class: 'plain exposure' },
            exposure.items.map((x) =>
              h(
                'li',
                {},
                h('button', { type: 'button', class: 'link', onclick: () => act.openShipment(x.shipmentId) }, `Shipment ${x.shipmentId}`),
                h('span', { class: 'muted' }, ` at tier ${x.tier}, `),
                exposureRoute(x.via, act),
              ),
            ),
          ),
        )
      : null,
    screening instanceof Error
      ? h(
          'section',
          { class: 'screening' },
          h('h3', {}, 'Screening candidates'),
          h('p', { class: 'error' }, `Could not load the screening candidates: ${screening.message}`),
        )
      : screeningBlock(screening, act),
    nested ? null : nodeActions(id, act, 'firm'),
  );
}

function screeningBlock(matches: StoredMatch[], act: Actions): HTMLElement {
  if (!matches.length)
    return h(
      'section',
      { class: 'screening' },
      h('h3', {}, 'Screening'),
      h('p', { class: 'muted' }, 'No Entity List candidates for this firm.'),
    );
  return h(
    'section',
    { class: 'screening' },
    h('h3', {}, 'Screening candidates'),
    h(
      'ul',
      { class: 'matches' },
      matches.map((m) => {
        const note = h('input', { type: 'text', class: 'note', placeholder: 'note (optional)', 'aria-label': `Note on ${m.entityName}` });
        const statusIcon = m.status === 'CONFIRMED' ? '✔ Confirmed' : m.status === 'REJECTED' ? '✖ Rejected' : '… Pending review';
        return h(
          'li',
          { class: `match status-${m.status.toLowerCase()}`, 'data-match-id': m.id },
          h('div', {}, h('strong', {}, m.entityName)),
          h('div', { class: 'muted' }, `matched “${m.matchedName}” · score ${pct(m.score)} · ${m.decision}`),
          h(
            'div',
            { class: 'match-status' },
            statusIcon,
            m.decidedBy ? ` by ${m.decidedBy}` : '',
            m.agreedBy ? ` and ${m.agreedBy}` : '',
            m.note ? ` — ${m.note}` : '',
          ),
          m.pendingDecision
            ? h(
                'div',
                { class: 'match-pending' },
                `Waiting for a second reviewer: ${m.pendingDecision.status === 'CONFIRMED' ? 'confirm' : 'reject'} proposed by ${m.pendingDecision.proposedBy}`,
                m.pendingDecision.note ? ` — ${m.pendingDecision.note}` : '',
              )
            : null,
          m.disputes.length
            ? h(
                'ul',
                { class: 'match-disputes' },
                m.disputes.map((d) => h('li', {}, `Disputed by ${d.by}: ${d.note}`)),
              )
            : null,
          h(
            'div',
            { class: 'row' },
            note,
            h(
              'button',
              {
                type: 'button',
                class: 'confirm',
                disabled: m.status === 'CONFIRMED',
                onclick: () => act.decide(m.id, 'confirm', note.value),
              },
              '✔ Confirm match',
            ),
            h(
              'button',
              { type: 'button', class: 'reject', disabled: m.status === 'REJECTED', onclick: () => act.decide(m.id, 'reject', note.value) },
              '✖ Reject',
            ),
          ),
        );
      }),
    ),
  );
}

function flowView(el: HTMLElement, flowId: string, from: string, to: string, act: Actions): void {
  const hop = state.trace?.hops.find((x) => x.flowId === flowId);
  const flags = traceFlags((x) => x.flowId === flowId);
  const p = state.packet;
  const exhibit = new Map((p?.exhibits ?? []).map((x) => [x.documentId, x]));
  const gaps = (p?.gaps ?? []).filter((g) => g.flowId === flowId);
  const ends = h(
    'p',
    {},
    h('button', { type: 'button', class: 'link', onclick: () => act.select('facility', from) }, names.any(from)),
    ' → ',
    h('button', { type: 'button', class: 'link', onclick: () => act.select('facility', to) }, names.any(to)),
  );
  if (!hop) {
    clear(
      el,
      h('h2', {}, h('span', { class: 'kind' }, 'Flow'), 'Material flow'),
      ends,
      dl([['Flow id', flowId]]),
      h('p', { class: 'muted' }, 'Open a shipment whose trace runs through this flow to see its documents and flags.'),
    );
    return;
  }
  clear(
    el,
    h('h2', {}, h('span', { class: 'kind' }, 'Flow'), hop.flowId),
    ends,
    dl([
      ['Tier', hop.tier],
      ['Material', `${shortId(hop.materialId)} (${hop.materialId})`],
      ['Lot lineage', hop.lotAllocated ? 'yes: traced through its input lots' : 'no: traced through every earlier flow into the facility'],
      ['Inputs', hop.inputs.join(', ') || 'none'],
    ]),
    flags.length ? h('section', {}, h('h3', {}, 'Flags on this hop'), flagList(flags, act)) : null,
    h(
      'section',
      {},
      h('h3', {}, `Documents (${hop.documents.length})`),
      hop.documents.length
        ? h(
            'table',
            { class: 'docs' },
            h(
              'thead',
              {},
              h('tr', {}, h('th', { scope: 'col' }, 'Exhibit'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Title')),
            ),
            h(
              'tbody',
              {},
              hop.documents.map((id) => {
                const x = exhibit.get(id);
                return h('tr', {}, h('td', {}, x?.number ?? '—'), h('td', {}, x?.type ?? ''), h('td', {}, x?.title ?? id));
              }),
            ),
          )
        : h('p', {}, 'No documents on this flow.'),
      !p && !state.packetError ? h('p', { class: 'muted' }, 'Loading exhibit titles…') : null,
      gaps.length
        ? h(
            'div',
            { class: 'gaps' },
            gaps.map((g) => h('p', {}, '⚠ Missing: ', g.missing.join(', '), g.note ? ` — ${g.note}` : '')),
          )
        : null,
    ),
  );
}

function ownsView(el: HTMLElement, owner: string, owned: string, share: number | null, act: Actions): void {
  clear(
    el,
    h('h2', {}, h('span', { class: 'kind' }, 'Ownership')),
    h(
      'p',
      {},
      h('button', { type: 'button', class: 'link', onclick: () => act.select('firm', owner) }, names.firmName(owner) || owner),
      ` owns ${share != null ? `${Math.round(share * 1000) / 10}%` : 'a share'} of `,
      h('button', { type: 'button', class: 'link', onclick: () => act.select('firm', owned) }, names.firmName(owned) || owned),
    ),
    h(
      'p',
      { class: 'muted' },
      'Holdings of more than 50% give control: directly, through a chain, or added up with the holdings of firms the owner controls (40% + 20% through a subsidiary); a listed owner whose listing covers subsidiaries flags the firms it controls.',
    ),
  );
}
