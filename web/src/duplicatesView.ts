// The duplicate-review view: the pairs of firms (one legal entity?) and of facilities (one
// site?) that imports proposed, each with its evidence and the two records side by side, and
// a note with Confirm and Reject. Plain buttons and a text area, so Tab, Enter and Space do
// everything; after a decision the next pending pair's note takes the focus.
import { ApiError, gql } from './api';
import type { Actions } from './state';
import { clear, h } from './util';

type Kind = 'firm' | 'facility';
type Row = Record<string, unknown> & { id: string };
interface Pair {
  id: string;
  basis: string;
  reason: string;
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  pendingDecision: { status: string; proposedBy: string; proposedAt: string } | null;
  records: [Row, Row];
}

const FIRM_FIELDS = 'id name aliases localName country registrationId address city province';
const FACILITY_FIELDS = 'id name firmId osId address city province country';
const PAIR = 'id basis reason status decidedBy decidedAt note pendingDecision { status proposedBy proposedAt }';
const QUERY = `query Duplicates($status: ReviewStatus) {
  duplicateFirms(status: $status, first: 200) { total items { ${PAIR} firms { ${FIRM_FIELDS} } } }
  duplicateFacilities(status: $status, first: 200) { total items { ${PAIR} facilities { ${FACILITY_FIELDS} } } }
}`;
/** One operation per kind and decision, written out (the cost-limit test reads each from this file). */
const DECIDE: Record<Kind, Record<'confirm' | 'reject', string>> = {
  firm: {
    confirm: `mutation ConfirmDuplicate($id: ID!, $note: String) { decided: confirmDuplicate(id: $id, note: $note) { status decidedBy pendingDecision { status } } }`,
    reject: `mutation RejectDuplicate($id: ID!, $note: String) { decided: rejectDuplicate(id: $id, note: $note) { status decidedBy pendingDecision { status } } }`,
  },
  facility: {
    confirm: `mutation ConfirmFacilityDuplicate($id: ID!, $note: String) { decided: confirmFacilityDuplicate(id: $id, note: $note) { status decidedBy pendingDecision { status } } }`,
    reject: `mutation RejectFacilityDuplicate($id: ID!, $note: String) { decided: rejectFacilityDuplicate(id: $id, note: $note) { status decidedBy pendingDecision { status } } }`,
  },
};

/** The rows of the side-by-side table: field label and property. */
const FIELDS: Record<Kind, [string, string][]> = {
  firm: [
    ['Id', 'id'],
    ['Name', 'name'],
    ['Aliases', 'aliases'],
    ['Local name', 'localName'],
    ['Country', 'country'],
    ['Registration id', 'registrationId'],
    ['Address', 'address'],
    ['City', 'city'],
    ['Province', 'province'],
  ],
  facility: [
    ['Id', 'id'],
    ['Name', 'name'],
    ['Firm', 'firmId'],
    ['Open Supply Hub id', 'osId'],
    ['Address', 'address'],
    ['City', 'city'],
    ['Province', 'province'],
    ['Country', 'country'],
  ],
};
const BASIS_LABEL: Record<string, string> = {
  REGISTRATION_ID: 'same registration id',
  NAME: 'names read alike',
  LISTED_ENTRY: 'same Entity List entry',
  OS_ID: 'same Open Supply Hub id (strong)',
  NAME_AND_PLACE: 'names read alike, same place',
};
const STATUS_LABEL: Record<string, string> = { PENDING: 'Pending', CONFIRMED: 'Confirmed', REJECTED: 'Rejected' };
const OUTCOME: Record<Kind, { confirm: string; reject: string }> = {
  firm: { confirm: 'Confirm: one legal entity', reject: 'Reject: two firms' },
  facility: { confirm: 'Confirm: one site', reject: 'Reject: two sites' },
};

const shown = (v: unknown): string => (Array.isArray(v) ? v.join('; ') : v === null || v === undefined ? '' : String(v));
/** Values compared loosely (case, spaces, punctuation), to mark the fields that agree. */
const folded = (v: unknown) =>
  shown(v)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]/gu, '');

function sideBySide(kind: Kind, pair: Pair): HTMLElement {
  const [a, b] = pair.records;
  return h(
    'table',
    { class: 'dup-side', 'aria-label': `${a.id} and ${b.id} side by side` },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, a.id), h('th', { scope: 'col' }, b.id))),
    h(
      'tbody',
      {},
      FIELDS[kind]
        .filter(([, key]) => shown(a[key]) || shown(b[key]))
        .map(([label, key]) => {
          const same = key !== 'id' && shown(a[key]) !== '' && folded(a[key]) === folded(b[key]);
          return h(
            'tr',
            { class: same ? 'same' : '' },
            h('th', { scope: 'row' }, label),
            h('td', {}, shown(a[key]) || '—'),
            h('td', {}, shown(b[key]) || '—', same ? h('span', { class: 'sr-only' }, ' (the same)') : ''),
          );
        }),
    ),
  );
}

function decision(pair: Pair): HTMLElement | string {
  if (pair.status !== 'PENDING')
    return h(
      'p',
      { class: `dup-decided ${pair.status.toLowerCase()}` },
      `${STATUS_LABEL[pair.status]} by ${pair.decidedBy ?? 'unknown'}${pair.decidedAt ? ` on ${pair.decidedAt.slice(0, 16).replace('T', ' ')} UTC` : ''}`,
      pair.note ? `: ${pair.note}` : '',
    );
  if (pair.pendingDecision)
    return h(
      'p',
      { class: 'dup-decided' },
      `${STATUS_LABEL[pair.pendingDecision.status]} proposed by ${pair.pendingDecision.proposedBy}; waits for a second reviewer.`,
    );
  return '';
}

function card(kind: Kind, pair: Pair, act: Actions, onDecided: (card: HTMLElement) => void): HTMLElement {
  const noteId = `dup-note-${kind}-${pair.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const [a, b] = pair.records;
  const title = `${shown(a.name)} (${a.id}) and ${shown(b.name)} (${b.id})`;
  const note = h('textarea', {
    id: noteId,
    rows: 2,
    maxlength: 2000,
    placeholder: 'why (optional): the register extract, the audit visit',
  });
  const message = h('p', { class: 'dup-message', role: 'status', tabindex: -1 });
  const decide = async (choice: 'confirm' | 'reject') => {
    buttons.forEach((x) => (x.disabled = true));
    try {
      const d = await gql<{ decided: { status: string; decidedBy: string | null; pendingDecision: unknown } }>(DECIDE[kind][choice], {
        id: pair.id,
        note: note.value.trim() || null,
      });
      const after = d.decided;
      const done = after.pendingDecision
        ? 'proposed; it waits for a second reviewer'
        : `${STATUS_LABEL[after.status].toLowerCase()} by ${after.decidedBy}`;
      message.textContent = `${title}: ${done}.`;
      el.dataset.status = after.status;
      act.status(`${kind === 'firm' ? 'Firms' : 'Facilities'} ${a.id} and ${b.id}: ${done}.`);
      onDecided(el);
    } catch (e) {
      message.textContent = e instanceof ApiError ? e.message : String(e);
      message.className = 'dup-message error';
      message.setAttribute('role', 'alert');
      buttons.forEach((x) => (x.disabled = false));
    }
  };
  const buttons =
    pair.status === 'PENDING' && !pair.pendingDecision
      ? [
          h('button', { type: 'button', class: 'confirm', onclick: () => void decide('confirm') }, OUTCOME[kind].confirm),
          h('button', { type: 'button', class: 'reject', onclick: () => void decide('reject') }, OUTCOME[kind].reject),
        ]
      : [];
  const el = h(
    'article',
    { class: 'dup-pair', 'data-pair': pair.id, 'data-kind': kind, 'data-status': pair.status, 'aria-label': title },
    h('h4', {}, title),
    h(
      'p',
      { class: 'dup-evidence' },
      h('span', { class: `badge dup-basis basis-${pair.basis.toLowerCase()}` }, BASIS_LABEL[pair.basis] ?? pair.basis),
      ' ',
      pair.reason,
    ),
    sideBySide(kind, pair),
    decision(pair),
    buttons.length ? h('div', { class: 'dup-form' }, h('label', { for: noteId }, 'Note'), note, h('div', { class: 'row' }, buttons)) : '',
    message,
  );
  return el;
}

function section(kind: Kind, pairs: Pair[], total: number, act: Actions, onDecided: (el: HTMLElement) => void): HTMLElement {
  const what = kind === 'firm' ? 'Firms that may be one legal entity' : 'Facilities that may be one site';
  const more = total > pairs.length ? ` (the first ${pairs.length} shown)` : '';
  return h(
    'section',
    { class: 'dash-block', 'aria-label': what },
    h('h3', {}, `${what}: ${total}${more}`),
    pairs.length ? pairs.map((p) => card(kind, p, act, onDecided)) : h('p', { class: 'muted' }, 'None.'),
  );
}

let statusFilter = 'PENDING';

export async function renderDuplicates(el: HTMLElement, act: Actions): Promise<void> {
  const select = h(
    'select',
    { id: 'dup-status' },
    ['PENDING', 'CONFIRMED', 'REJECTED', ''].map((s) =>
      h('option', { value: s, selected: s === statusFilter }, s ? STATUS_LABEL[s] : 'All'),
    ),
  );
  select.addEventListener('change', () => {
    statusFilter = select.value;
    void renderDuplicates(el, act).then(() => document.getElementById('dup-status')?.focus());
  });
  clear(
    el,
    h('h2', { id: 'duplicates-h' }, 'Duplicate review'),
    h(
      'p',
      { class: 'muted' },
      'Each import proposes records that look like one company or one site. Confirm a pair and it counts as one (firms: traces, exposure, search and packets); reject it and it is never proposed again.',
    ),
    h('div', { class: 'row' }, h('label', { for: 'dup-status' }, 'Show'), select),
    h('p', { class: 'muted', role: 'status' }, 'Loading the pairs…'),
  );
  type Page<K extends string> = { total: number; items: (Omit<Pair, 'records'> & Record<K, [Row, Row]>)[] };
  let d: { duplicateFirms: Page<'firms'>; duplicateFacilities: Page<'facilities'> };
  try {
    d = await gql(QUERY, { status: statusFilter || null });
  } catch (e) {
    el.lastElementChild!.replaceWith(h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.message : String(e)));
    return;
  }
  const firms = d.duplicateFirms.items.map(({ firms: records, ...p }) => ({ ...p, records }));
  const facilities = d.duplicateFacilities.items.map(({ facilities: records, ...p }) => ({ ...p, records }));
  // after a decision, the next pair still to decide takes the focus
  const onDecided = (decided: HTMLElement) => {
    const open = [...el.querySelectorAll<HTMLElement>('article.dup-pair[data-status="PENDING"]')];
    const next = open.find((c) => decided.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) ?? open[0];
    decided.querySelector('.dup-form')?.remove();
    (next?.querySelector('textarea') ?? decided.querySelector<HTMLElement>('.dup-message'))?.focus();
  };
  el.lastElementChild!.replaceWith(
    section('firm', firms, d.duplicateFirms.total, act, onDecided),
    section('facility', facilities, d.duplicateFacilities.total, act, onDecided),
  );
}
