// The graph's nodes as a list for the keyboard (and screen readers): one Tab stop, ↑ ↓ Home End
// move (roving tabindex), Enter shows the node's details, + expands it. Upstream first, as drawn.
import type { NodeSingular } from 'cytoscape';
import type { GraphView } from './graph';
import { Actions } from './state';
import { byId, clear, debounce, h } from './util';

export function initGraphList(graph: GraphView, act: Actions): void {
  const list = byId('graph-list');
  const count = byId('graph-count');
  let current: string | null = null;

  const render = () => {
    const nodes = graph.cy
      .nodes()
      .filter((n) => !n.hasClass('tierlabel'))
      .map((n) => n as NodeSingular)
      .sort((a, b) => a.position('y') - b.position('y') || a.position('x') - b.position('x'));
    count.textContent = String(nodes.length);
    if (!nodes.some((n) => n.id() === current)) current = nodes[0]?.id() ?? null;
    clear(
      list,
      nodes.map((n) => {
        const kind = n.data('kind') === 'facility' ? 'Facility' : 'Firm';
        const text = String(n.data('label') ?? '').replace(/\n/g, ' · ');
        return h(
          'li',
          {
            role: 'option',
            tabindex: n.id() === current ? '0' : '-1',
            'aria-selected': String(n.selected()),
            'data-node': n.id(),
            class: [n.hasClass('flagged') ? 'flagged' : '', n.hasClass('signal') ? 'signal' : ''].join(' ').trim() || undefined,
          },
          h('span', { class: 'kind' }, kind),
          text,
        );
      }),
    );
  };
  graph.cy.on('add remove select unselect', debounce(render, 30));

  const open = (li: HTMLElement) => {
    const n = graph.cy.getElementById(li.dataset.node!);
    if (n.empty()) return;
    graph.select({ kind: n.data('kind') === 'facility' ? 'facility' : 'firm', id: n.data('rawId') });
  };
  list.addEventListener('keydown', (e) => {
    const li = (e.target as HTMLElement).closest('li[data-node]') as HTMLElement | null;
    if (!li) return;
    const items = [...list.querySelectorAll<HTMLElement>('li[data-node]')];
    const i = items.indexOf(li);
    const to: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 };
    if (e.key in to) {
      e.preventDefault();
      const next = items[Math.max(0, Math.min(items.length - 1, to[e.key]))];
      items.forEach((x) => x.setAttribute('tabindex', x === next ? '0' : '-1'));
      current = next.dataset.node ?? null;
      next.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(li);
    } else if (e.key === '+') {
      e.preventDefault();
      void act.expand(graph.cy.getElementById(li.dataset.node!).data('rawId'));
    }
  });
  list.addEventListener('click', (e) => {
    const li = (e.target as HTMLElement).closest('li[data-node]') as HTMLElement | null;
    if (li) open(li);
  });
}
