// Small DOM helpers and the flag/verdict vocabulary shared by the views.
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, unknown>;

/** Creates an element: attributes, `on<event>` handlers, `class`, then children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

export function clear(el: HTMLElement, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export const PRESUMPTIVE = new Set(['XUAR_LOCATION', 'UFLPA_LISTED', 'LISTED_AFFILIATE']);
export const SIGNALS = new Set(['NAME_INDICATOR', 'UNTRACED_INPUT']);

/** Icon and label per flag kind: colour is never the only signal. */
export const FLAG_LABEL: Record<string, { icon: string; label: string }> = {
  XUAR_LOCATION: { icon: '⚑', label: 'In the XUAR' },
  UFLPA_LISTED: { icon: '⚑', label: 'UFLPA Entity List' },
  LISTED_AFFILIATE: { icon: '⚑', label: 'Controlled by a listed entity' },
  NAME_INDICATOR: { icon: '⚠', label: 'Name indicator' },
  UNTRACED_INPUT: { icon: '⚠', label: 'Untraced input' },
  HIGH_PRIORITY_SECTOR: { icon: 'ℹ', label: 'High-priority sector' },
};

export const VERDICT_LABEL: Record<string, string> = { FLAGGED: '⚑ FLAGGED', INCOMPLETE: '⚠ INCOMPLETE', CLEAR: '✓ CLEAR' };

export function flagSeverity(kind: string): 'flag' | 'signal' | 'info' {
  return PRESUMPTIVE.has(kind) ? 'flag' : SIGNALS.has(kind) ? 'signal' : 'info';
}

export function verdictBadge(verdict: string): HTMLElement {
  return h('span', { class: `badge verdict-${verdict.toLowerCase()}` }, VERDICT_LABEL[verdict] ?? verdict);
}

export function flagBadge(kind: string): HTMLElement {
  const l = FLAG_LABEL[kind] ?? { icon: '•', label: kind };
  return h('span', { class: `badge flag-${flagSeverity(kind)}`, title: kind }, `${l.icon} ${l.label}`);
}

export const pct = (score: number) => `${Math.round(score * 100)}%`;

export function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number): (...a: A) => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => { if (t) clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
}

/** Letters and digits only, lower case, accents removed: for comparing spellings. */
export function normalize(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Dice coefficient over character bigrams of the normalized strings (0..1). */
export function similarity(a: string, b: string): number {
  const x = normalize(a).replace(/ /g, '');
  const y = normalize(b).replace(/ /g, '');
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (y.includes(x) || x.includes(y)) return Math.max(0.75, (2 * Math.min(x.length, y.length)) / (x.length + y.length));
  const grams = (s: string) => { const m = new Map<string, number>(); for (let i = 0; i < s.length - 1; i++) { const g = s.slice(i, i + 2); m.set(g, (m.get(g) ?? 0) + 1); } return m; };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  const total = Math.max(1, x.length - 1 + y.length - 1);
  return (2 * common) / total;
}

export const shortId = (id: string) => id.replace(/^M-/, '').replace(/-/g, ' ');
