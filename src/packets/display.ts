// Names are evidence and are stored as given, invisible and direction-control characters
// included; a packet shows such characters escaped (⟨U+202E⟩), so nothing in it is hidden or
// reordered. Applied once to the blocks every edition (Markdown, HTML, PDF, the chart) is
// drawn from.
import { showInvisible } from '../model/text/policy';
import type { ChartLayout } from './chartLayout';
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

function chart(l: ChartLayout): ChartLayout {
  return {
    ...l,
    nodes: l.nodes.map((n) => ({ ...n, lines: n.lines.map(showInvisible) as [string, string, string] })),
    edges: l.edges.map((e) => ({ ...e, label: showInvisible(e.label) })),
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
        return { ...b, mermaid: showInvisible(b.mermaid), layout: chart(b.layout), portrait: chart(b.portrait) };
    }
  });
}
