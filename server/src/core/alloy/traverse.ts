// Queries over the Alloy tree that checks need: blocks with their full names, references
// (traversals) and string literals.

import { Span } from '../diagnostic';
import { Attribute, Block, blockFullName, Expr, Ident, LiteralExpr, Statement } from './ast';
import { stringValue } from './quote';

export interface BlockVisit {
  block: Block;
  /** Dotted name, `discovery.relabel`. */
  fullName: string;
  /** Enclosing blocks, outermost first. */
  parents: Block[];
}

/** Every block in `body`, depth first, parents before children. */
export function* walkBlocks(body: Statement[], parents: Block[] = []): Generator<BlockVisit> {
  for (const stmt of body) {
    if (stmt.kind !== 'block') continue;
    yield { block: stmt, fullName: blockFullName(stmt), parents };
    yield* walkBlocks(stmt.body, [...parents, stmt]);
  }
}

export function attributesOf(body: Statement[]): Attribute[] {
  return body.filter((s): s is Attribute => s.kind === 'attribute');
}

/** A reference such as `loki.write.local.receiver`, one ident per segment. */
export type Traversal = Ident[];

export function traversalText(t: Traversal): string {
  return t.map((s) => s.name).join('.');
}

export function traversalSpan(t: Traversal): Span {
  return { start: t[0].span.start, end: t[t.length - 1].span.end };
}

/**
 * The references in an expression, found the way Alloy's TraversalsFromBody walks: an identifier
 * starts one, a `.name` access extends the one in progress, an index or call ends it
 * (`a.b[0].c` gives `a.b`; quirks such as `(a).b` giving `a.b` included).
 */
export function traversalsOf(expr: Expr): Traversal[] {
  const out: Traversal[] = [];
  let current: Traversal | undefined;
  const flush = (): void => {
    if (current) out.push(current);
    current = undefined;
  };
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'identifier':
        flush();
        current = [{ name: e.name, span: e.span }];
        return;
      case 'access':
        visit(e.value);
        current?.push(e.name);
        return;
      case 'index':
        visit(e.value);
        flush();
        visit(e.index);
        return;
      case 'call':
        visit(e.value);
        flush();
        e.args.forEach(visit);
        return;
      default:
        childExprs(e).forEach(visit);
    }
  };
  visit(expr);
  flush();
  return out;
}

/** References in every attribute of a body, nested blocks included. */
export function traversalsInBody(body: Statement[]): Traversal[] {
  return body.flatMap((s) => (s.kind === 'attribute' ? traversalsOf(s.value) : traversalsInBody(s.body)));
}

function childExprs(e: Expr): Expr[] {
  switch (e.kind) {
    case 'array': return e.elements;
    case 'object': return e.fields.map((f) => f.value);
    case 'access': return [e.value];
    case 'index': return [e.value, e.index];
    case 'call': return [e.value, ...e.args];
    case 'unary': return [e.value];
    case 'binary': return [e.left, e.right];
    case 'paren': return [e.inner];
    default: return [];
  }
}

export interface StringLiteral {
  /** The value with escapes resolved. */
  value: string;
  /** Span of the literal, quotes included. */
  span: Span;
  expr: LiteralExpr;
}

/** Every string literal inside an expression, in source order. */
export function stringLiteralsOf(expr: Expr): StringLiteral[] {
  if (expr.kind === 'literal') {
    return expr.token === 'STRING' ? [{ value: stringValue(expr.raw), span: expr.span, expr }] : [];
  }
  return childExprs(expr).flatMap(stringLiteralsOf);
}

/** The value of an expression that is a single string literal, else undefined. */
export function stringLiteralValue(expr: Expr): string | undefined {
  return expr.kind === 'literal' && expr.token === 'STRING' ? stringValue(expr.raw) : undefined;
}
