// Names are evidence and are stored as given, invisible and direction-control characters
// included; a packet shows such characters escaped (⟨U+202E⟩), so nothing in it is hidden or
// reordered. Applied once to the blocks every edition (Markdown, HTML, PDF, the chart) is
// drawn from.
import { showInvisible } from '../model/text/policy';
import type { ChartModel } from './chartLayout';
import type { Block, Seg, Text } from './types';

const seg = (s: Seg): Seg =>
  typeof s === 'string'
    ? showInvisible(s)
    : 'b' in s
      ? { b: showInvisible(s.b) }
      : 'code' in s
        ? { code: showInvisible(s.code) }
        : { a: showInvisible(s.a), href: s.href };
const text = (t: Text): Text => (typeof t === 'string' ? showInvisible(t) : t.map(seg));

/** The chart's text escaped before svg.ts wraps and measures it, so a label is wrapped as shown. */
function chart(m: ChartModel): ChartModel {
  return {
    nodes: m.nodes.map((n) => ({
      ...n,
      facility: showInvisible(n.facility),
      firm: showInvisible(n.firm),
      localName: n.localName === null ? null : showInvisible(n.localName),
      place: showInvisible(n.place),
      ships: showInvisible(n.ships),
      flagNote: showInvisible(n.flagNote),
    })),
    edges: m.edges.map((e) => ({ ...e, label: showInvisible(e.label) })),
  };
}

/** The blocks with every invisible, direction-control and control character in their text escaped. */
export function shownBlocks(blocks: Block[]): Block[] {
  return blocks.map((b): Block => {
    switch (b.kind) {
      case 'h':
        return { ...b, text: showInvisible(b.text) };
      case 'p':
        return { ...b, text: text(b.text) };
      case 'ul':
      case 'ol':
        return { ...b, items: b.items.map(text) };
      case 'table':
        return { ...b, head: b.head.map(showInvisible), rows: b.rows.map((r) => r.map(text)) };
      case 'chart':
        return { ...b, mermaid: showInvisible(b.mermaid), model: chart(b.model) };
      case 'toc':
        return { ...b, entries: b.entries.map((e) => ({ ...e, title: showInvisible(e.title) })) };
    }
  });
}
