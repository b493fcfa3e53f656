// Small DOM helpers and the flag/verdict vocabulary shared by the views.
import { gql } from './api';

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

/** A flag kind as the API's flagKinds query gives it; the server's rule registry (src/trace/rules/flagKinds.ts) is the one list. */
export interface FlagKindInfo {
  kind: string;
  presumptive: boolean;
  verdictEffect: string | null;
  label: string;
  icon: string;
  severity: 'FLAG' | 'SIGNAL' | 'INFO';
  legend: string;
  description: string;
}

// Filled by loadFlagKinds(), which the views await before they show a flag.
export const FLAG_KINDS: FlagKindInfo[] = [];
export const PRESUMPTIVE = new Set<string>();
export const SIGNALS = new Set<string>();
/** Icon and label per flag kind: colour is never the only signal. */
export const FLAG_LABEL: Record<string, { icon: string; label: string }> = {};

let flagKinds: Promise<void> | undefined;

/** Reads the flag kinds from the API once per page (again after a failure, e.g. before a token is entered). */
export function loadFlagKinds(): Promise<void> {
  flagKinds ??= gql<{ flagKinds: FlagKindInfo[] }>(
    'query FlagKinds { flagKinds { kind presumptive verdictEffect label icon severity legend description } }',
  ).then(
    (d) => {
      FLAG_KINDS.splice(0, FLAG_KINDS.length, ...d.flagKinds);
      for (const k of d.flagKinds) {
        if (k.presumptive) PRESUMPTIVE.add(k.kind);
        if (k.severity === 'SIGNAL') SIGNALS.add(k.kind);
        FLAG_LABEL[k.kind] = { icon: k.icon, label: k.label };
      }
    },
    (e: unknown) => {
      flagKinds = undefined;
      throw e;
    },
  );
  return flagKinds;
}

/** The verdict a flag kind leads to (FLAGGED, INCOMPLETE) or null, as flagKinds says. */
export function verdictEffect(kind: string): string | null {
  return FLAG_KINDS.find((k) => k.kind === kind)?.verdictEffect ?? null;
}

/** "2 presumptive flags, 1 open question, 3 signals": flags counted apart by what they weigh (flagKinds), never one sum. */
export function flagTally(kinds: { kind: string; count: number }[]): string {
  let presumptive = 0;
  let open = 0;
  let signals = 0;
  for (const { kind, count } of kinds) {
    if (PRESUMPTIVE.has(kind)) presumptive += count;
    else if (verdictEffect(kind) === 'INCOMPLETE') open += count;
    else if (SIGNALS.has(kind)) signals += count;
  }
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return [
    n(presumptive, 'presumptive flag', 'presumptive flags'),
    open ? n(open, 'open question', 'open questions') : '',
    n(signals, 'signal', 'signals'),
  ]
    .filter(Boolean)
    .join(', ');
}

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

export function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number): ((...a: A) => void) & { cancel(): void } {
  let t: ReturnType<typeof setTimeout> | undefined;
  const call = (...a: A) => {
    if (t) clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
  return Object.assign(call, { cancel: () => t && clearTimeout(t) });
}

/** Letters and digits only, lower case, accents removed: for comparing spellings. */
export function normalize(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Dice coefficient over character bigrams of the normalized strings (0..1). */
export function similarity(a: string, b: string): number {
  const x = normalize(a).replace(/ /g, '');
  const y = normalize(b).replace(/ /g, '');
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (y.includes(x) || x.includes(y)) return Math.max(0.75, (2 * Math.min(x.length, y.length)) / (x.length + y.length));
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  const total = Math.max(1, x.length - 1 + y.length - 1);
  return (2 * common) / total;
}

export const shortId = (id: string) => id.replace(/^M-/, '').replace(/-/g, ' ');
