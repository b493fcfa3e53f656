// Writes schema.graphql's `enum FlagKind` from the rule registry (src/trace/rules/flagKinds.ts),
// in registry order. `npx tsx scripts/flag-kind-enum.ts` rewrites the block; with --check it
// only says whether the two agree (exit 1 when not). test/unit/rules/flagKinds.test.ts checks
// the same agreement.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FLAG_KINDS } from '../src/trace/rules/flagKinds';

const file = join(__dirname, '..', 'schema.graphql');
const schema = readFileSync(file, 'utf8');
const block = /^enum FlagKind \{[^}]*\}/m;
if (!block.test(schema)) {
  console.error(`${file}: no "enum FlagKind { ... }" block`);
  process.exit(2);
}
const updated = schema.replace(block, `enum FlagKind {\n${FLAG_KINDS.map((k) => `  ${k}\n`).join('')}}`);
if (updated === schema) {
  console.log('schema.graphql: enum FlagKind agrees with the registry');
} else if (process.argv.includes('--check')) {
  console.error('schema.graphql: enum FlagKind differs from the registry; run npx tsx scripts/flag-kind-enum.ts');
  process.exit(1);
} else {
  writeFileSync(file, updated);
  console.log(`schema.graphql: enum FlagKind written (${FLAG_KINDS.length} kinds)`);
}
