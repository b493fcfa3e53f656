import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { argumentKind, shortenEchoedValues } from '../../../../src/api/validation/textArguments';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', '..', 'schema.graphql'), 'utf8'));

describe('text arguments', () => {
  it('gives every String and ID argument of every root field a kind of the text policy', () => {
    const kinds: Record<string, string> = {};
    for (const root of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
      for (const field of Object.values(root.getFields()))
        for (const arg of field.args) {
          const kind = argumentKind(arg);
          if (kind) kinds[`${field.name}.${arg.name}`] = kind;
        }
    }
    expect(kinds).toMatchObject({
      'traceShipment.id': 'id',
      'firm.id': 'id',
      'supplierPaths.from': 'id',
      'screenName.name': 'name',
      'screenName.country': 'code',
      'searchFirms.text': 'name',
      'shipmentRisks.after': 'code',
      'shipmentsWithFingerprint.fingerprint': 'code',
      'confirmMatch.note': 'note',
      'rejectMatch.note': 'note',
    });
    expect(kinds['importBundle.bundle']).toBeUndefined(); // JSON: the bundle's own validation
  });

  it('cuts the values GraphQL quotes whole in variable errors to an excerpt', () => {
    const v = 'y'.repeat(1_000_000);
    const m = shortenEchoedValues(`Variable "$n" got invalid value "${v}"; Int cannot represent non-integer value: "${v}"`);
    expect(m).toBe(
      `Variable "$n" got invalid value "${'y'.repeat(39)}…" (1000000 characters); Int cannot represent non-integer value: "${'y'.repeat(39)}…" (1000000 characters)`,
    );
    const short = 'Variable "$n" got invalid value "7"; Int cannot represent non-integer value: "7"';
    expect(shortenEchoedValues(short)).toBe(short);
    expect(shortenEchoedValues(`no shipment "${'z'.repeat(300)}"`)).toBe(`no shipment "${'z'.repeat(300)}"`);
  });
});
