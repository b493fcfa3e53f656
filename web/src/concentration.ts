// The dashboard's origin-concentration block: for a material heading, the share of the
// tenant's supply made in each country (by the transforming facility), as bars, with the
// largest share and the Herfindahl index (originConcentration).
import { gql } from './api';
import type { OriginConcentration } from './generated/types';
import { clear, h } from './util';

const QUERY = `query OriginConcentration($heading: String!) { originConcentration(heading: $heading) {
  heading transformingFlows passThroughFlows unresolvedFlows
  units { unit total largestCountry largestShare herfindahl countries { country quantity share flows } } } }`;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function chart(c: OriginConcentration): HTMLElement {
  if (!c.units.length)
    return h('p', { class: 'muted' }, `No flow under heading ${c.heading} was made at a facility whose country is known.`);
  return h(
    'div',
    {},
    c.units.map((u) =>
      h(
        'figure',
        { class: 'concentration' },
        h(
          'figcaption',
          {},
          `Heading ${c.heading}, ${u.total.toLocaleString('en-US')} ${u.unit ?? '(no unit)'}: largest ${u.largestCountry ?? '-'} ${pct(u.largestShare)}, Herfindahl ${u.herfindahl.toFixed(3)}`,
          u.herfindahl >= 0.25 ? h('strong', {}, ' (concentrated)') : null,
        ),
        h(
          'table',
          { class: 'dash-months' },
          h('caption', { class: 'sr-only' }, `Share of heading ${c.heading} by country of the transforming facility`),
          h(
            'tbody',
            {},
            u.countries.map((x) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, x.country),
                h(
                  'td',
                  {},
                  h(
                    'div',
                    { class: 'bar' },
                    h(
                      'span',
                      {
                        class: 'seg conc-seg',
                        style: `flex: 0 0 ${Math.max(4, x.share * 100)}%`,
                        title: `${x.country}: ${x.quantity} ${u.unit ?? ''} in ${x.flows} flow(s)`,
                      },
                      pct(x.share),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      `${c.transformingFlows} flow(s) counted; ${c.passThroughFlows} passed goods on (the same goods, not counted twice); ${c.unresolvedFlows} could not be told (an input's heading, the country or the quantity unknown).`,
    ),
  );
}

/** The block: a heading field and the chart it answers. */
export function concentrationBlock(): HTMLElement {
  const out = h('div', { 'aria-live': 'polite' });
  const input = h('input', {
    id: 'conc-heading',
    type: 'text',
    placeholder: 'e.g. 5205 or 8541.42',
    size: 14,
    'aria-label': 'Material heading',
  });
  const run = async (ev: Event) => {
    ev.preventDefault();
    const heading = input.value.trim();
    if (!heading) return;
    clear(out, h('p', { class: 'muted', role: 'status' }, `Loading heading ${heading}…`));
    try {
      const d = await gql<{ originConcentration: OriginConcentration }>(QUERY, { heading });
      clear(out, chart(d.originConcentration));
    } catch (e) {
      clear(out, h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    }
  };
  return h(
    'section',
    { class: 'dash-block', 'aria-labelledby': 'dash-concentration' },
    h('h3', { id: 'dash-concentration' }, 'Origin concentration'),
    h(
      'p',
      { class: 'muted small' },
      'Where a material is made: your supply of one heading by country of the facility that made it, so a dependence on one country shows.',
    ),
    h('form', { class: 'row', onsubmit: run }, input, h('button', { type: 'submit' }, 'Show')),
    out,
  );
}
