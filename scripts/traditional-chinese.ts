// Writes src/model/gazetteer/traditionalTable.ts: traditional Chinese characters (with the Hong
// Kong and Taiwan variant forms) and their simplified forms, from OpenCC's data as the pinned
// opencc-js devDependency ships it. Run `npx tsx scripts/traditional-chinese.ts` after
// updating opencc-js; `--check` only says whether the committed table is what it would write
// (the unit tests run it).
//
// Why a generated table and not opencc-js at run time: matching folds one character at a time
// (positions in an address must survive the fold) and does so for every name screened, so it
// wants a plain lookup; opencc-js ships its small traditional-to-simplified build only as ES
// modules, which this CommonJS project (and Jest) cannot load, and its CommonJS build is the
// 1.2 MB bundle with every direction.
//
// The table is OpenCC's hk2s / tw2s / t2s chain character by character: a compatibility
// ideograph to its unified form, a Hong Kong or Taiwan variant to OpenCC's traditional form
// (HKVariantsRev, TWVariantsRev; a standard traditional character goes straight to
// TSCharacters, as t2s has it), then traditional to simplified (TSCharacters). Taiwan's
// one-character words for what the mainland writes with another character come from
// TWPhrasesRev (矽 -> 硅, silicon: 合盛矽業 is 合盛硅业). One rule
// keeps the fold safe for text that is already simplified: a character that simplified text
// also writes (a simplified character of STCharacters or STPhrases) is left as written when the
// fold would change its reading (乾 qián is not 干 gān, 著 zhù is not 着 zhe), since screening
// reads Chinese names through their pinyin. OpenCC decides those characters by phrase; the
// phrases of TSPhrases that fold such a character, or fold a character otherwise than the
// table, are kept for that (乾淨 → 干净).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';

const ROOT = join(__dirname, '..');
// the package's exports do not include its package.json
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'opencc-js', 'package.json'), 'utf8')) as { version: string }).version;

async function dict(name: string): Promise<Map<string, string>> {
  const text = ((await import(`opencc-js/dict/${name}`)) as { default: string }).default;
  const out = new Map<string, string>();
  for (const pair of text.split('|')) {
    const at = pair.indexOf(' ');
    // opencc-js keeps the first candidate of each entry: OpenCC's default
    out.set(pair.slice(0, at), pair.slice(at + 1).split(' ')[0]);
  }
  return out;
}

const readings = (c: string) => pinyin(c, { toneType: 'none', multiple: true, type: 'array' });
const reading = (c: string) => pinyin(c, { toneType: 'none', type: 'array' })[0];

async function main() {
  const [ts, st, stPhrases, tsPhrases, hk, tw, compat, twWords] = await Promise.all(
    [
      'TSCharacters',
      'STCharacters',
      'STPhrases',
      'TSPhrases',
      'HKVariantsRev',
      'TWVariantsRev',
      'CJK_Compatibility_Ideographs',
      'TWPhrasesRev',
    ].map(dict),
  );
  // characters simplified text writes as they are
  const simplifiedWrites = new Set(st.keys());
  for (const phrase of stPhrases.keys()) for (const c of phrase) simplifiedWrites.add(c);

  const chars = new Map<string, string>();
  const keptAsWritten: string[] = [];
  for (const c of new Set([...compat.keys(), ...hk.keys(), ...tw.keys(), ...ts.keys()])) {
    const unified = compat.get(c) ?? c;
    const traditional = ts.has(unified) ? unified : (hk.get(unified) ?? tw.get(unified) ?? unified);
    const simplified = ts.get(traditional) ?? traditional;
    if (simplified === c) continue;
    if (simplifiedWrites.has(c) && !readings(simplified).includes(reading(c))) {
      keptAsWritten.push(`${c}→${simplified}`);
      continue;
    }
    chars.set(c, simplified);
  }
  // Taiwan's one-character words (a character that is no traditional form of its own)
  for (const [word, mainland] of twWords) {
    if ([...word].length !== 1 || [...mainland].length !== 1 || ts.has(word) || chars.has(word)) continue;
    chars.set(word, ts.get(mainland) ?? mainland);
  }
  const kept = new Set(keptAsWritten.map((k) => [...k][0]));
  const byChar = (s: string) => [...s].map((c) => chars.get(c) ?? c).join('');
  // a phrase that holds a traditional character and folds otherwise than the table, with the same length
  const phrases = [...tsPhrases]
    .map(([t, s]) => [t, byChar(s)])
    .filter(([t, s]) => [...t].some((c) => chars.has(c) || kept.has(c)) && byChar(t) !== s && [...t].length === [...s].length);

  const pairs = [...chars].sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!).map(([t, s]) => t + s);
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) lines.push(`  '${pairs.slice(i, i + 40).join('')}',`);
  const phraseLines: string[] = [];
  for (let i = 0; i < phrases.length; i += 12) {
    phraseLines.push(
      `  '${phrases
        .slice(i, i + 12)
        .map(([t, s]) => `${t} ${s}`)
        .join('|')}',`,
    );
  }
  const out = `// Generated by scripts/traditional-chinese.ts from OpenCC's data (opencc-js ${VERSION}: TSCharacters,
// HKVariantsRev, TWVariantsRev, CJK_Compatibility_Ideographs, TWPhrasesRev, TSPhrases). Do not edit.
// Characters simplified text also writes with a reading of their own stay as written: ${keptAsWritten.join(' ')}.

/** Traditional and Hong Kong / Taiwan variant characters, each followed by its simplified form. */
export const CHARACTER_PAIRS: readonly string[] = [
${lines.join('\n')}
];

/** Phrases that fold otherwise than character by character ("traditional simplified", joined by |). */
export const PHRASES: readonly string[] = [
${phraseLines.join('\n')}
];
`;
  const target = join(ROOT, 'src', 'model', 'gazetteer', 'traditionalTable.ts');
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== out) {
      console.error(`${target} is not what scripts/traditional-chinese.ts makes of opencc-js ${VERSION}: run it`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, out);
  console.log(
    `src/model/gazetteer/traditionalTable.ts: ${chars.size} characters, ${phrases.length} phrases; kept as written: ${keptAsWritten.join(' ')}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
