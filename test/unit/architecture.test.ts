// The layers of src/ point down and no two files import each other, directly or round a
// circle. Read from the import statements' text, so a new file or folder is checked the
// day it appears (an unplaced folder fails here until it is given a layer).
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(__dirname, '..', '..', 'src');

/** Lowest first; a file may import its own layer and those below it. */
const LAYERS: { name: string; parts: string[] }[] = [
  { name: 'bottom', parts: ['model', 'errors.ts', 'args.ts', 'config'] },
  { name: 'graph', parts: ['graph'] },
  { name: 'capabilities', parts: ['import', 'trace', 'screening', 'packets', 'audit', 'generate', 'lookup', 'exhibits', 'portability'] },
  { name: 'entry points', parts: ['api', 'cli', 'web', 'services.ts', 'app.ts', 'main.ts'] },
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const rel = (file: string) => relative(SRC, file).split(sep).join('/');

function layerOf(file: string): number {
  const top = rel(file).split('/')[0];
  return LAYERS.findIndex((l) => l.parts.includes(top));
}

/** Relative module specifiers of every import, export-from, dynamic import and require in the text. */
export function importSpecifiers(text: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1]);
  return specs.filter((s) => s.startsWith('.'));
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

interface Edge {
  from: string;
  to: string;
  spec: string;
}

function importGraph(): { files: string[]; edges: Edge[]; unresolved: string[] } {
  const files = sourceFiles(SRC);
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const file of files) {
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      const to = resolveImport(file, spec);
      if (!to) unresolved.push(`${rel(file)}: '${spec}'`);
      else if (to.startsWith(SRC + sep)) edges.push({ from: file, to, spec });
    }
  }
  return { files, edges, unresolved };
}

/** Every circle of imports, each as the files round it (Tarjan's strongly connected components). */
function cycles(files: string[], edges: Edge[]): string[][] {
  const out = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) out.get(e.from)?.push(e.to);
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (out.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

describe('architecture of src/', () => {
  const { files, edges, unresolved } = importGraph();

  it('reads the imports of every file', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(edges.length).toBeGreaterThan(100);
    expect(unresolved).toEqual([]);
  });

  it('the import reader sees every form of import', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export * from './d';",
      "import {\n  e,\n  f,\n} from './ef';",
      "import './side';",
      "const g = await import('./g');",
      "const h = require('./h');",
      "import { z } from 'zod';",
      "// import { x } from './commented'",
      'const s = `MATCH (n) RETURN n`;',
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(expect.arrayContaining(['./a', '../b', './c', './d', './ef', './side', './g', './h']));
    expect(importSpecifiers(text)).toHaveLength(8);
  });

  it('places every file in a layer', () => {
    const unplaced = [...new Set(files.filter((f) => layerOf(f) < 0).map((f) => rel(f).split('/')[0]))];
    expect(unplaced).toEqual([]);
  });

  it('no import points to a higher layer', () => {
    const upward = edges
      .filter((e) => layerOf(e.to) > layerOf(e.from))
      .map((e) => `${rel(e.from)} (${LAYERS[layerOf(e.from)].name}) imports '${e.spec}' = ${rel(e.to)} (${LAYERS[layerOf(e.to)].name})`);
    expect(upward).toEqual([]);
  });

  it('statements that read or write data live in the Cypher modules, where the plan test sees them', () => {
    const isCypherModule = (f: string) => /(^|\/)cypher\.ts$|Cypher\.ts$/.test(rel(f));
    const statement = /['"`]\s*(?:(?:OPTIONAL\s+)?MATCH\s*\(|MERGE\s*\(|UNWIND\s+\$|CREATE\s*\(|CALL\s*\{)/g;
    const strays = files
      .filter((f) => !isCypherModule(f))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(statement)].map((m) => `${rel(f)}: ${m[0].trim()}...`));
    expect(strays).toEqual([]);
  });

  it('no circle between files', () => {
    const circles = cycles(files, edges).map((c) => {
      const inCircle = new Set(c);
      const imports = edges.filter((e) => inCircle.has(e.from) && inCircle.has(e.to)).map((e) => `${rel(e.from)} imports '${e.spec}'`);
      return `${c.map(rel).sort().join(', ')}: ${imports.join('; ')}`;
    });
    expect(circles).toEqual([]);
  });
});
