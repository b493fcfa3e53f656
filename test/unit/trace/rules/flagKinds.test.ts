import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnumTypeDefinitionNode, Kind, ObjectTypeDefinitionNode, parse } from 'graphql';
import { FLAG_KINDS, PRESUMPTIVE_FLAG_KINDS, specifiedFlagKinds, verdictOf } from '../../../../src/trace/rules';
import type { FlagKindRule } from '../../../../src/trace/rules';

const rules: readonly FlagKindRule[] = specifiedFlagKinds;
const schema = parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'schema.graphql'), 'utf8'));
const enumValues = (name: string) => {
  const def = schema.definitions.find((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name);
  return def?.values?.map((v) => v.name.value);
};

describe('the flag kind registry', () => {
  it.each(rules.map((r) => [r.kind, r] as const))('%s states every field', (_kind, rule) => {
    expect(rule.kind).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
    expect(typeof rule.presumptive).toBe('boolean');
    expect([null, 'FLAGGED', 'INCOMPLETE']).toContain(rule.verdictEffect);
    // presumptive is exactly what makes the verdict FLAGGED, and what the page shows as a flag
    expect(rule.presumptive).toBe(rule.verdictEffect === 'FLAGGED');
    expect(rule.display.severity === 'FLAG').toBe(rule.presumptive);
    expect(typeof rule.judge).toBe('function');
    expect(['undefined', 'function']).toContain(typeof rule.judgeParty);
    expect(typeof rule.reason).toBe('function');
    expect(typeof rule.evidence).toBe('function');
    expect(typeof rule.pinsFacility).toBe('boolean');
    // a presumptive flag asks the packet for specific rebuttal evidence
    if (rule.presumptive) expect(typeof rule.packetEvidence).toBe('function');
    for (const field of ['label', 'icon', 'legend', 'description'] as const) expect(rule.display[field].trim()).not.toBe('');
    expect(['FLAG', 'SIGNAL', 'INFO']).toContain(rule.display.severity);
  });

  it('names each kind once, and FLAG_KINDS / PRESUMPTIVE_FLAG_KINDS follow the list', () => {
    const kinds = rules.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...FLAG_KINDS]).toEqual(kinds);
    expect([...PRESUMPTIVE_FLAG_KINDS]).toEqual(rules.filter((r) => r.presumptive).map((r) => r.kind));
    expect(new Set(rules.map((r) => r.display.label)).size).toBe(kinds.length);
  });

  it("verdictOf follows each kind's verdictEffect, for every combination of kinds", () => {
    for (let mask = 0; mask < 1 << rules.length; mask++) {
      const carried = rules.filter((_, i) => mask & (1 << i));
      const expected = carried.some((r) => r.verdictEffect === 'FLAGGED')
        ? 'FLAGGED'
        : carried.some((r) => r.verdictEffect === 'INCOMPLETE')
          ? 'INCOMPLETE'
          : 'CLEAR';
      expect(verdictOf(carried.map((r) => r.kind))).toBe(expected);
      expect(verdictOf([...carried.map((r) => r.kind), 'NOT_A_KIND'])).toBe(expected);
    }
  });

  it("schema.graphql's enum FlagKind lists the registry's kinds in order (npx tsx scripts/flag-kind-enum.ts rewrites it)", () => {
    expect(enumValues('FlagKind')).toEqual([...FLAG_KINDS]);
    expect(enumValues('FlagSeverity')).toEqual(['FLAG', 'SIGNAL', 'INFO']);
  });

  it("schema.graphql's FlagKindInfo has a field for each registry field the flagKinds query serves", () => {
    const def = schema.definitions.find(
      (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'FlagKindInfo',
    );
    const fields = def?.fields?.map((f) => f.name.value).sort();
    expect(fields).toEqual(['kind', 'presumptive', 'verdictEffect', ...Object.keys(rules[0].display)].sort());
  });
});
