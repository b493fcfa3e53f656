// Writes test/fixtures/screening-eval-generated.json: disguised and OCR-misread variants of
// real names for the screening evaluation (test/fixtures/screeningEvalVariants.ts says how).
// `npx tsx scripts/screening-eval-variants.ts` writes it; `--check` fails if it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadSeedEntityList } from '../src/model/entityList';
import { EVAL_FILE, GENERATED_EVAL_FILE, readEvalFile } from '../test/fixtures/screeningEval';
import { generateEvalVariants } from '../test/fixtures/screeningEvalVariants';

const text = JSON.stringify(generateEvalVariants(loadSeedEntityList(), readEvalFile(EVAL_FILE)), null, 1) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(GENERATED_EVAL_FILE, 'utf8') !== text) {
    console.error(`${GENERATED_EVAL_FILE} is out of date: run npx tsx scripts/screening-eval-variants.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(GENERATED_EVAL_FILE, text);
  console.log(`wrote ${GENERATED_EVAL_FILE}`);
}
