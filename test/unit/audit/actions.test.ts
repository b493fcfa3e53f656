// The audit module sits below the API, so it cannot read the generated GraphQL types: its list
// of actions and schema.graphql's enum are stated twice, and this test keeps them one list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { AUDIT_ACTIONS } from '../../../src/audit';

describe('audit actions', () => {
  it("are schema.graphql's enum AuditAction, in order", () => {
    const schema = parse(readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'));
    const def = schema.definitions.find(
      (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'AuditAction',
    );
    expect(def?.values?.map((v) => v.name.value)).toEqual([...AUDIT_ACTIONS]);
  });
});
