// The GraphQL documents the web page (web/src) sends, read from its source so the cost-limit
// test checks every one of them and a new one cannot be forgotten. The page runs in a
// browser (DOM at import), so its modules are not imported: each string or template literal
// that starts with an operation is found with the TypeScript parser and evaluated as the
// page would build it at its largest (lists at the sizes below, the first branch of a `?:`).
// A literal this evaluator cannot follow fails the test instead of being skipped.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';

export const WEB_SRC = join(__dirname, '..', '..', '..', '..', 'web', 'src');

/** Largest length of each list a page query is built from ("file variable"), with where it is bounded. */
export const LIST_SIZES: Record<string, number> = {
  'main.ts firms': 20, // showControllingOwners: .slice(0, 20)
  'search.ts terms': 10, // searchTerms: .slice(0, 10)
  'api.ts fi': 50, // lookupChunk: LOOKUP_CHUNK firms of a trace per request
  'api.ts fa': 50, // lookupChunk: LOOKUP_CHUNK facilities
  'importView.ts ids': 20, // verdicts: VERDICTS_SHOWN shipments traced after an import
  'dashboard.ts some': 20, // deadlines: ids.slice(0, 20)
  'exposure.ts batch': 10, // loadExposure: TRACES_PER_REQUEST traces per request
  'search.ts ids': 12, // exposureTotals: the closest firms, .slice(0, 12)
};

export interface WebQuery {
  where: string;
  text: string;
}

const OPERATION_START = /^\s*(#[^\n]*\n\s*)*(query|mutation|subscription)\b/;

/** Every operation literal in web/src, evaluated. */
export function webQueries(dir = WEB_SRC): WebQuery[] {
  const found: WebQuery[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /\.(ts|tsx|jsx)$/.test(f))
    .sort()) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(dir, file), 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
      file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.TSX,
    );
    const visit = (node: ts.Node): void => {
      if (startsOperation(node)) {
        found.push({ where: whereOf(node), text: evaluate(node, new Map()) });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** How many literals in web/src start an operation, counted on the raw text (a cross-check of the parse). */
export function rawOperationLiterals(dir = WEB_SRC): number {
  let n = 0;
  for (const file of readdirSync(dir).filter((f) => /\.(ts|tsx|jsx)$/.test(f))) {
    n += readFileSync(join(dir, file), 'utf8').match(/[`'"]\s*(#[^\n]*\n\s*)*(query|mutation|subscription)\b/g)?.length ?? 0;
  }
  return n;
}

function startsOperation(node: ts.Node): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return OPERATION_START.test(node.text);
  if (ts.isTemplateExpression(node)) return OPERATION_START.test(node.head.text);
  return false;
}

function whereOf(node: ts.Node): string {
  const sf = node.getSourceFile();
  return `web/src/${sf.fileName}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function fail(node: ts.Node, why: string): never {
  throw new Error(`${whereOf(node)}: ${why}: ${node.getText().slice(0, 120)} (extend test/unit/api/validation/webQueries.ts)`);
}

type Scope = Map<string, string>;

function evaluate(node: ts.Node, scope: Scope): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => evaluate(s.expression, scope) + s.literal.text).join('');
  if (ts.isParenthesizedExpression(node)) return evaluate(node.expression, scope);
  if (ts.isConditionalExpression(node)) return evaluate(node.whenTrue, scope); // the branch a full page takes
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return evaluate(node.left, scope) + evaluate(node.right, scope);
  if (ts.isIdentifier(node)) {
    const bound = scope.get(node.text);
    if (bound !== undefined) return bound;
    const init = constInitializer(node);
    if (!init) fail(node, `no const string named ${node.text}`);
    return evaluate(init, scope);
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    const sep = node.arguments.length ? evaluate(node.arguments[0], scope) : ',';
    return joined(node.expression.expression, scope).join(sep);
  }
  return fail(node, `cannot evaluate a ${ts.SyntaxKind[node.kind]}`);
}

/** The strings of a list that is joined: `xs.map((x, i) => …)` or an array filled by `push` in `xs.forEach`. */
function joined(list: ts.Expression, scope: Scope): string[] {
  if (ts.isCallExpression(list) && ts.isPropertyAccessExpression(list.expression) && list.expression.name.text === 'map') {
    const fn = list.arguments[0];
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) fail(list, 'map without an inline function');
    return elements(list.expression.expression).map((item, i) => evaluate(bodyOf(fn), bind(fn, scope, item, i)));
  }
  if (ts.isIdentifier(list)) {
    // an array declared empty and filled by push inside forEach loops, in source order
    const fnBody = enclosingFunctionBody(list);
    const out: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'forEach') {
        const fn = n.arguments[0];
        if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
          const pushes: ts.Expression[] = [];
          const findPush = (m: ts.Node): void => {
            if (
              ts.isCallExpression(m) &&
              ts.isPropertyAccessExpression(m.expression) &&
              m.expression.name.text === 'push' &&
              ts.isIdentifier(m.expression.expression) &&
              m.expression.expression.text === list.text
            )
              pushes.push(...m.arguments);
            ts.forEachChild(m, findPush);
          };
          findPush(fn.body);
          if (pushes.length) {
            elements(n.expression.expression).forEach((item, i) => {
              for (const p of pushes) out.push(evaluate(p, bind(fn, scope, item, i)));
            });
          }
          return;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(fnBody);
    if (!out.length) fail(list, `no ${list.text}.push(…) inside a forEach`);
    return out;
  }
  return fail(list, 'cannot tell what list is joined');
}

/** Placeholder elements of a list, as many as LIST_SIZES allows. */
function elements(list: ts.Expression): string[] {
  if (!ts.isIdentifier(list)) fail(list, 'a list that is not a variable');
  const key = `${basename(list.getSourceFile().fileName)} ${list.text}`;
  const size = LIST_SIZES[key];
  if (size === undefined) fail(list, `no size for the list "${key}" in LIST_SIZES`);
  return Array.from({ length: size }, (_, i) => `${list.text}${i}`);
}

function bodyOf(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression {
  if (ts.isBlock(fn.body)) {
    const ret = fn.body.statements.find(ts.isReturnStatement);
    if (!ret?.expression) fail(fn, 'a function without a returned value');
    return ret.expression;
  }
  return fn.body;
}

function bind(fn: ts.ArrowFunction | ts.FunctionExpression, scope: Scope, item: string, index: number): Scope {
  const next = new Map(scope);
  const [p0, p1] = fn.parameters;
  if (p0 && ts.isIdentifier(p0.name)) next.set(p0.name.text, item);
  if (p1 && ts.isIdentifier(p1.name)) next.set(p1.name.text, String(index));
  return next;
}

function enclosingFunctionBody(node: ts.Node): ts.Node {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) && n.body)
      return n.body;
  }
  return node.getSourceFile();
}

/** The initializer of the nearest `const name = …` in an enclosing block or the file. */
function constInitializer(ref: ts.Identifier): ts.Expression | undefined {
  for (let n: ts.Node | undefined = ref.parent; n; n = n.parent) {
    if (!(ts.isBlock(n) || ts.isSourceFile(n))) continue;
    for (const st of n.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === ref.text && d.initializer) return d.initializer;
    }
  }
  return undefined;
}
