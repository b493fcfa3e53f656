// DISGUISED_NAME: a name of the shipping firm or facility mixes look-alike letters of another
// script into its Latin words (Cyrillic а in "Xinjiаng"), or carries invisible or
// direction-control characters (zero-width space, soft hyphen, right-to-left override...).
// The matching reads through the disguise (src/model/text/disguise.ts); this says it was
// there, naming each character. A signal for review; it does not change the verdict.
import type { Party } from '../flagKind';
import { defineFlagKind } from '../flagKind';
import {
  describeDisguise,
  findDisguise,
  foldDisguise,
  readingsOf,
  visibleText,
  type DisguisedCharacter,
} from '../../../model/text/disguise';

export interface DisguisedName {
  /** which name: "firm name", "alias", "local name", "facility name" */
  field: string;
  name: string;
  characters: DisguisedCharacter[];
}

/** Every name of the party that carries a disguise, firm names first; a name that repeats only what an earlier one showed ("... plant") is left out. */
export function disguisedNames({ facility, firm }: Party): DisguisedName[] {
  const names: [string, string | null | undefined][] = [
    ['firm name', firm?.name],
    ...(firm?.aliases ?? []).map((a): [string, string] => ['alias', a]),
    ['local name', firm?.localName],
    ['facility name', facility?.name],
  ];
  const out: DisguisedName[] = [];
  const shown = new Set<string>();
  for (const [field, name] of names) {
    if (typeof name !== 'string') continue;
    const characters = findDisguise(name);
    const keys = characters.map((c) => `${c.codePoint} ${c.word}`);
    if (keys.every((k) => shown.has(k))) continue;
    for (const k of keys) shown.add(k);
    out.push({ field, name, characters });
  }
  return out;
}

/** "mixes Cyrillic letters that look like Latin ones into its Latin words and carries invisible characters" */
function whatItDoes(chars: DisguisedCharacter[]): string {
  const parts: string[] = [];
  const scripts = [...new Set(chars.filter((c) => c.kind === 'look-alike').map((c) => c.script))];
  if (scripts.length) parts.push(`mixes ${scripts.join(' and ')} letters that look like Latin ones into its Latin words`);
  if (chars.some((c) => c.kind === 'invisible')) parts.push('carries invisible characters');
  if (chars.some((c) => c.kind === 'direction')) parts.push('carries direction-control characters');
  return parts.join(' and ');
}

export const disguisedName = defineFlagKind({
  kind: 'DISGUISED_NAME',
  presumptive: false,
  verdictEffect: null,
  judgeParty: disguisedNames,
  judge: (_hop, found) => (found.length ? found : null),
  pinsFacility: false,
  reason: (hop, found) =>
    found
      .map(
        (d) =>
          `The ${d.field} "${visibleText(d.name)}" (tier ${hop.tier}) ${whatItDoes(d.characters)}; ` +
          `screening and the rules read it as ${readingsOf(d.name)
            .map((r) => `"${foldDisguise(r)}"`)
            .join(' and, as it shows on screen, as ')}.`,
      )
      .join(' ') + ' A name disguised so is worth checking, though not presumptive on its own.',
  evidence: (_hop, found) => found.flatMap((d) => d.characters.map((c) => `${describeDisguise(c)} (${d.field})`)),
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) is named with disguised characters: the supplier's business license or registration record ` +
    `showing its name as registered, and an explanation of why documents spell it otherwise. ${f.reason}`,
  display: {
    label: 'Disguised name',
    icon: '⚠',
    severity: 'SIGNAL',
    legend: 'disguised name',
    description:
      'A name of the firm or facility mixes look-alike letters of another script into Latin words (Cyrillic а in "Xinjiаng"), ' +
      'or carries invisible or direction-control characters; screening reads through it, and this says it was there.',
  },
});
