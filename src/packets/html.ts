// Blocks to one self-contained HTML page, with the flow chart as inline SVG that scales to
// the page's width and, printed, to the paper; sections that open a page in the PDF open one
// in print, and table headers repeat on every printed page.
import { layoutChart, renderSvg, xmlEscape as esc } from './svg';
import { webFonts } from './webFonts';
import type { Block, Seg, Text } from './types';

function seg(s: Seg): string {
  if (typeof s === 'string') return esc(s);
  if ('b' in s) return `<strong>${esc(s.b)}</strong>`;
  if ('code' in s) return `<code>${esc(s.code)}</code>`;
  return `<a href="${esc(s.href)}">${esc(s.a)}</a>`;
}
export function htmlText(t: Text): string {
  return typeof t === 'string' ? esc(t) : t.map(seg).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'h':
      return `<h${b.level}${b.id ? ` id="${esc(b.id)}"` : ''}${b.newPage ? ' class="new-page"' : ''}>${esc(b.text)}</h${b.level}>`;
    case 'toc':
      return `<ol class="toc">\n${b.entries.map((e) => `<li><a href="#${esc(e.id)}">${esc(e.title)}</a></li>`).join('\n')}\n</ol>`;
    case 'p':
      return `<p>${htmlText(b.text)}</p>`;
    case 'ul':
    case 'ol':
      return `<${b.kind}>\n${b.items.map((i) => `<li>${htmlText(i)}</li>`).join('\n')}\n</${b.kind}>`;
    case 'table':
      return (
        `<table>\n<thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n` +
        `${b.rows.map((r) => `<tr>${r.map((c) => `<td>${htmlText(c)}</td>`).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`
      );
    case 'chart': {
      const layout = layoutChart(b.model);
      // never drawn more than a third larger than its own size, however wide the window
      const svg = renderSvg(layout).replace('<svg ', `<svg style="max-width:${Math.round(layout.width * 1.35)}px" `);
      return `<figure class="chart">\n${svg}\n</figure>`;
    }
  }
}

const STYLE = `
body { font-size: 14px; line-height: 1.45; color: #1b2631; max-width: 1200px; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.7em; border-bottom: 2px solid #1b2631; padding-bottom: .3em; }
h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 1px solid #aab7b8; padding-bottom: .2em; }
h3 { font-size: 1.1em; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: .8em 0; font-size: 12.5px; }
th, td { border: 1px solid #ccd1d1; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eaeded; }
code { font-size: .92em; word-break: break-all; }
thead { display: table-header-group; }
ol.toc { columns: 2; }
figure.chart { margin: 1em 0; }
figure.chart svg { display: block; width: 100%; height: auto; margin: 0 auto; font-family: inherit; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11px; }
  h1, h2, h3 { break-after: avoid; }
  h2.new-page { break-before: page; }
  tr, li { break-inside: avoid; }
  figure.chart { break-inside: avoid; }
  /* the section's heading and its one-line key stay on the chart's page (Letter or A4) */
  p:has(+ figure.chart) { break-after: avoid; }
  figure.chart svg { max-height: 8in; }
}
`;

/** The text a page shows: what its fonts must hold. */
const shownText = (body: string) =>
  body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

export async function renderHtml(blocks: Block[], title: string): Promise<string> {
  const body = blocks.map(block).join('\n');
  const fonts = await webFonts(`${title} ${shownText(body)}`);
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(title)}</title>\n<style>\n${fonts.css}\nbody { font-family: ${fonts.family}; }${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}
