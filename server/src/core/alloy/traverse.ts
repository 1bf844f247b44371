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
  const state: TraversalWalk = { out: [], current: undefined };
  collectTraversals(expr, state);
  flush(state);
  return state.out;
}

/** References in every attribute of a body, nested blocks included. */
export function traversalsInBody(body: readonly Statement[]): Traversal[] {
  const state: TraversalWalk = { out: [], current: undefined };
  walkBodyTraversals(body, state);
  return state.out;
}

/** One walk's state: one object per walk, not closures per expression. */
interface TraversalWalk {
  out: Traversal[];
  current: Traversal | undefined;
}

function walkBodyTraversals(body: readonly Statement[], state: TraversalWalk): void {
  for (const s of body) {
    if (s.kind === 'block') {
      walkBodyTraversals(s.body, state);
      continue;
    }
    collectTraversals(s.value, state);
    flush(state);
  }
}

function flush(state: TraversalWalk): void {
  if (state.current) state.out.push(state.current);
  state.current = undefined;
}

function collectTraversals(e: Expr, state: TraversalWalk): void {
  switch (e.kind) {
    case 'literal':
    case 'bad':
      return;
    case 'identifier':
      flush(state);
      state.current = [{ name: e.name, span: e.span }];
      return;
    case 'access':
      collectTraversals(e.value, state);
      state.current?.push(e.name);
      return;
    case 'index':
      collectTraversals(e.value, state);
      flush(state);
      collectTraversals(e.index, state);
      return;
    case 'call':
      collectTraversals(e.value, state);
      flush(state);
      for (const arg of e.args) collectTraversals(arg, state);
      return;
    case 'array':
      for (const element of e.elements) collectTraversals(element, state);
      return;
    case 'object':
      for (const field of e.fields) collectTraversals(field.value, state);
      return;
    case 'unary':
      collectTraversals(e.value, state);
      return;
    case 'binary':
      collectTraversals(e.left, state);
      collectTraversals(e.right, state);
      return;
    case 'paren':
      collectTraversals(e.inner, state);
      return;
  }
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
