// Blocks to Markdown (GitHub flavour, the chart as Mermaid). Deterministic: the same
// blocks give the same bytes, and nothing here reads a clock or the locale.
import type { Block, Seg, Text } from './types';

/** Escapes the characters that would turn a name into markup. */
export function mdEscape(s: string): string {
  return (
    s
      .replace(/[\\`*[<|]/g, (c) => `\\${c}`)
      // intraword underscores (XUAR_LOCATION) are never emphasis in GFM; only loose ones are escaped
      .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}_])/gu, (m) => m.replace('_', '\\_'))
      .replace(/\r?\n|\r/g, ' ')
  );
}

function seg(s: Seg): string {
  if (typeof s === 'string') return mdEscape(s);
  if ('b' in s) return `**${mdEscape(s.b)}**`;
  if ('code' in s) return `\`${s.code.replace(/`/g, "'")}\``;
  return `[${mdEscape(s.a)}](${s.href})`;
}
export function mdText(t: Text): string {
  return typeof t === 'string' ? mdEscape(t) : t.map(seg).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'h':
      return `${'#'.repeat(b.level)} ${mdEscape(b.text)}`;
    case 'p':
      return mdText(b.text);
    case 'ul':
      return b.items.map((i) => `- ${mdText(i)}`).join('\n');
    case 'ol':
      return b.items.map((i, n) => `${n + 1}. ${mdText(i)}`).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
      return [row(b.head.map(mdEscape)), row(b.head.map(() => '---')), ...b.rows.map((r) => row(r.map(mdText)))].join('\n');
    }
    case 'chart':
      return `\`\`\`mermaid\n${b.mermaid}\n\`\`\``;
    case 'toc':
      return b.entries.map((e, n) => `${n + 1}. [${mdEscape(e.title)}](#${e.id})`).join('\n');
  }
}

export function renderMarkdown(blocks: Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
