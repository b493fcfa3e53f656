// The packet's "Origin" section (origin-checks.md): the computed origin and the flow where
// it was decided, every pass-through country on the way, and for a preference claim the
// yarn and fabric flows with their countries. Read from the trace; pure.
import { headingOf, chapterOf, isTextileChapter, PREFERENCE_PARTIES, preferenceProgramOf, textileStage } from '../trace/rules/origin';
import type { PacketAnalysis } from './analyze';
import { countryOf, materialName, siteLabel } from './lookup';
import type { Block, Text } from './types';

const ORIGIN_KINDS = ['ORIGIN_MISMATCH', 'TRANSSHIPMENT', 'YARN_FORWARD_FAIL'] as const;

export function originBlocks(a: PacketAnalysis, heading: Block, subheading: (text: string) => Block): Block[] {
  const l = a.l;
  const { origin } = l.data.trace;
  const p = (text: Text): Block => ({ kind: 'p', text });
  const out: Block[] = [heading];
  const declared = origin.declared ? `The entry declares origin ${origin.declared}` : 'The entry declares no country of origin';
  const claim = origin.preferenceProgram ? ` and claims ${origin.preferenceProgram}` : ' and claims no trade preference';
  out.push(
    p([
      `${declared}${claim}. The computed origin is where the supply chain shows the goods were last substantially transformed ` +
        '(a change of tariff heading, the first four digits of the HS code); a flow that ships on what it received under the same heading only passes it through. ',
      origin.known
        ? { b: `Computed origin: ${origin.countries.join(', ')}.` }
        : { b: `Computed origin: unknown (${origin.unknownReason ?? 'not traced'}).` },
    ]),
  );
  const counts = ORIGIN_KINDS.map((k) => [k, l.data.trace.flags.filter((f) => f.kind === k).length] as const).filter(([, n]) => n > 0);
  out.push(
    p(
      counts.length
        ? `Signals (they do not change the verdict; see the Flags section for each with its path): ${counts.map(([k, n]) => `${k} ${n}`).join(', ')}.`
        : 'No origin signal was raised (ORIGIN_MISMATCH, TRANSSHIPMENT, YARN_FORWARD_FAIL).',
    ),
  );

  const hopOf = (flowId: string) => l.hops.get(flowId);
  const site = (flowId: string) => {
    const h = hopOf(flowId);
    return h ? siteLabel(l, h.fromFacilityId) : flowId;
  };
  const pathOf = (path: string[]) => [...path].reverse().join(' → ');

  out.push(subheading('Where the origin was decided'));
  out.push(
    origin.decidedAt.length
      ? {
          kind: 'table',
          head: ['Flow', 'Tier', 'Transforming facility', 'Country', 'Material', 'Reached through (upstream first)'],
          rows: origin.decidedAt.map((d) => [
            d.flowId,
            String(d.tier),
            site(d.flowId),
            d.country,
            materialName(l, hopOf(d.flowId)?.materialId ?? ''),
            pathOf(d.path),
          ]),
        }
      : p('No flow was found where the origin was decided.'),
  );

  out.push(subheading('Pass-through countries'));
  out.push(
    origin.passThrough.length
      ? {
          kind: 'table',
          head: ['Flow', 'Tier', 'Facility', 'Country', 'Heading kept'],
          rows: origin.passThrough.map((t) => [t.flowId, String(t.tier), site(t.flowId), t.country ?? 'not recorded', t.heading]),
        }
      : p('No flow on the way to the transforming facility passed the goods on unchanged.'),
  );

  if (origin.preferenceProgram) {
    const program = preferenceProgramOf(origin.preferenceProgram);
    out.push(subheading(`Preference claim: ${origin.preferenceProgram}`));
    if (!program) {
      out.push(p(`The trace checks the yarn-forward rule of USMCA and CAFTA-DR only; ${origin.preferenceProgram} is not checked.`));
    } else {
      const parties = PREFERENCE_PARTIES[program];
      const textile = isTextileChapter(chapterOf(l.data.shipment.htsCode));
      const rows = l.orderedHops.flatMap((h) => {
        const hd = headingOf(l.materials.get(h.materialId)?.hsCode);
        const stage = textileStage(hd);
        if (!stage) return [];
        const country = countryOf(l, h.fromFacilityId)?.toUpperCase() ?? null;
        const within = country === null ? 'not recorded' : parties.includes(country) ? 'yes' : 'NO';
        return [[h.flowId, String(h.tier), stage, hd!, siteLabel(l, h.fromFacilityId), country ?? 'not recorded', within]];
      });
      out.push(
        p(
          `${program} parties: ${parties.join(', ')}. ` +
            (textile
              ? 'The entry is in HTS chapters 50 to 63, so its yarn and fabric must come from the parties (yarn forward).'
              : `The entry's HTS code (${l.data.shipment.htsCode ?? 'not recorded'}) is outside chapters 50 to 63: the yarn-forward rule does not apply.`),
        ),
      );
      out.push(
        rows.length
          ? { kind: 'table', head: ['Flow', 'Tier', 'Stage', 'Heading', 'Facility', 'Country', 'Within the parties'], rows }
          : p('No traced flow carries yarn or fabric.'),
      );
    }
  }
  return out;
}
